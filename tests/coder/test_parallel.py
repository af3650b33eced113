"""Document-level worker processes give exactly the serial coder's events, in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from realpolitik.events.coder.clean import Paragraph
from realpolitik.events.coder.pipeline import Coder, CoderConfig, DocumentInput

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _docs(texts: list[str], n: int):
    for i in range(n):
        off, paras = 0, []
        for line in texts[i % len(texts)].split("\n"):
            paras.append(Paragraph(line, off))
            off += len(line) + 1
        yield DocumentInput(iter(paras), dt.date(2017, 8, 17), f"doc{i}")


def test_pool_equals_serial():
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        pytest.skip("../shared/corpus is not beside the checkout")
    texts = [f.read_text(encoding="utf-8") for f in files]
    serial = list(Coder(CoderConfig(n_process=1)).code_documents(_docs(texts, 5)))
    pooled = list(Coder(CoderConfig(n_process=2)).code_documents(_docs(texts, 5)))
    assert serial, "the corpus yields events"
    assert pooled == serial
    assert [e.doc_id for e in pooled] == [e.doc_id for e in serial]
