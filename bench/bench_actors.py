"""Actor-dictionary benchmarks: mention finding and whole-string resolution.

Text: the two opinion pieces in ``../shared/corpus/`` (about 12 kB, ~100 sentences), repeated
to make a larger input. The baseline, timed in the same run, is the obvious implementation:
one case-insensitive word-bounded regular expression per dictionary name, each searched over
the text (what a hand-rolled gazetteer does). realpolitik's matcher tokenises once and looks
token n-grams up in a hash index, then composes state + role + person mentions.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def _text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("0*.txt"))]
    if not parts:
        return (
            "China banned imports of North Korean coal, and U.S. President Donald Trump "
            "praised Kim Jong Un. The North threatened Guam, the Kremlin said. "
        ) * 50
    return "\n\n".join(parts)


def _best(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main(quick: bool = False) -> None:
    from realpolitik.actors import ActorDictionary
    from realpolitik.actors.dictionary import _default_dictionary, _load_entries

    t0 = time.perf_counter()
    _default_dictionary.cache_clear()
    d = ActorDictionary.default()
    load_s = time.perf_counter() - t0

    base = _text()
    text = base * (2 if quick else 10)
    n_sent = len(re.findall(r"[.!?](?:\s|$)", text))
    on = dt.date(2017, 8, 15)

    ours = _best(lambda: d.find_mentions(text, on), 3)
    n_mentions = len(d.find_mentions(text, on))

    entries, _, _ = _load_entries()
    names = sorted({name.lstrip("=") for name, _ in entries}, key=len, reverse=True)
    patterns = [re.compile(r"\b" + re.escape(n) + r"\b", re.IGNORECASE) for n in names]
    sample = base if quick else base * 2

    def baseline() -> int:
        return sum(len(p.findall(sample)) for p in patterns)

    base_s = _best(baseline, 1) * (len(text) / len(sample))

    names_to_resolve = ["Kim Jong Un", "the Kremlin", "North Korean military", "Trump",
                        "Chinese President Xi Jinping", "Citizen of nowhere"] * 200
    res_s = _best(lambda: [d.resolve(n, on) for n in names_to_resolve], 3)

    print(f"actors: dictionary load (cold)        {load_s * 1000:8.1f} ms  ({len(d)} entries)")
    print(f"actors: find_mentions                 {len(text) / ours / 1e6:8.2f} MB/s  "
          f"{n_sent / ours:10.0f} sentences/s  ({n_mentions} mentions in {len(text)} chars)")
    print(f"actors: baseline (regex per name)     {len(text) / base_s / 1e6:8.3f} MB/s  "
          f"{n_sent / base_s:10.0f} sentences/s  ({len(patterns)} patterns)")
    print(f"actors: speed-up over baseline        {base_s / ours:8.1f} x")
    print(f"actors: resolve                       {len(names_to_resolve) / res_s:8.0f} names/s")

    from realpolitik.events.cameo import _table, goldstein
    from realpolitik.events.quadclass import quad_class

    codes = [c for c in sorted(_table())] * (200 if quick else 2000)
    t0 = time.perf_counter()
    for c in codes:
        goldstein(c)
        quad_class(c, "plover")
    code_s = time.perf_counter() - t0
    # baseline: the same lookups on a plain dict built in this run (the floor for any lookup)
    plain = {c: (_table()[c].goldstein, 0) for c in _table()}
    t0 = time.perf_counter()
    for c in codes:
        plain[c]
        plain[c]
    plain_s = time.perf_counter() - t0
    print(f"codes: goldstein + plover quad class    {len(codes) / code_s:8.0f} codes/s "
          f"(plain dict lookups: {len(codes) / plain_s:8.0f}/s, ratio {code_s / plain_s:.1f})")

    icews = ROOT.parent / "shared" / "data" / "events" / "icews" / "icews_2014_all_named.tsv"
    if icews.is_file():
        import csv

        from realpolitik.actors import resolve_icews

        with icews.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))[: 5000 if quick else 40000]
        pairs = [(r[s], dt.date.fromisoformat(r["date"])) for r in rows
                 for s in ("source_name", "target_name")]
        t0 = time.perf_counter()
        for name, day in pairs:
            resolve_icews(name, day)
        ic_s = time.perf_counter() - t0
        print(f"actors: resolve_icews (ICEWS 2014)     {len(pairs) / ic_s:8.0f} names/s "
              f"({len(pairs)} names, cold cache)")
