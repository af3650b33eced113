"""Text coder throughput: sentences per second end to end, and spaCy's share of the time.

Input: the ConfliBERT sentences and the two corpus articles from ../shared (news text), one
paragraph per sentence/line. Three timed runs in the same process:

1. baseline: spaCy alone (``nlp.pipe`` with the coder's pipes, one process);
2. the coder end to end on one process (furniture check, parse, actor mentions, patterns,
   extraction, modality, classifier fallback, Event construction);
3. the coder end to end with ``n_process=2``.

realpolitik's own overhead is (2 - 1) / 2. Targets (issue 4): >= 300 sentences/s end to end on
two cores, own overhead < 25 %.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _paragraphs(quick: bool) -> list[str]:
    confli = SHARED / "data" / "events" / "confliBERT_cameo_class_train.tsv"
    lines = [ln.rsplit("\t", 1)[0] for ln in confli.read_text(encoding="utf-8").splitlines()
             if ln.strip()]
    for f in sorted((SHARED / "corpus").glob("*.txt")):
        lines.extend(ln for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip())
    reps = 1 if quick else 3
    return (lines * reps)[: 400 if quick else None]


def main(quick: bool = False) -> None:
    from realpolitik.events.coder.clean import Paragraph
    from realpolitik.events.coder.pipeline import Coder, CoderConfig, DocumentInput

    paras = _paragraphs(quick)
    date = dt.date(2017, 8, 17)
    coder1 = Coder(CoderConfig(n_process=1, batch_size=128))
    nlp = coder1.nlp
    _ = coder1.actors, coder1.model
    list(nlp.pipe(paras[:50]))  # warm-up

    def docs(n_docs: int = 20):  # type: ignore[no-untyped-def]
        size = max(1, len(paras) // n_docs)
        off = 0
        for k in range(0, len(paras), size):
            chunk = paras[k:k + size]
            ps = []
            for text in chunk:
                ps.append(Paragraph(text, off))
                off += len(text) + 1
            yield DocumentInput(ps, date, f"bench{k}")

    t0 = time.perf_counter()
    n_sents = sum(len(list(d.sents)) for d in nlp.pipe(paras, batch_size=128))
    t_parse = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = sum(1 for _ in coder1.code_documents(docs()))
    t_one = time.perf_counter() - t0

    coder2 = Coder(CoderConfig(n_process=2, batch_size=128))
    t0 = time.perf_counter()
    n_events2 = sum(1 for _ in coder2.code_documents(docs()))
    t_two = time.perf_counter() - t0

    overhead = (t_one - t_parse) / t_one
    print(f"cores available: {os.cpu_count()}; paragraphs {len(paras)}, sentences {n_sents}")
    print(f"baseline spaCy parse only (1 process): {n_sents / t_parse:8.1f} sentences/s "
          f"({t_parse:.2f} s)")
    print(f"coder end to end, 1 process:           {n_sents / t_one:8.1f} sentences/s "
          f"({t_one:.2f} s, {n_events} events)")
    print(f"coder end to end, 2 processes:         {n_sents / t_two:8.1f} sentences/s "
          f"({t_two:.2f} s, {n_events2} events, incl. worker start-up)")
    print(f"share of time in spaCy's parse: {1 - overhead:.1%}; realpolitik's own work: "
          f"{overhead:.1%} (target < 25 %)")
    print(f"ratio coder(2 proc) / spaCy-only(1 proc): {t_parse / t_two:.2f}x")


if __name__ == "__main__":
    main()
