"""Fixtures of the coder tests: one spaCy model and one Coder per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def coder():
    from realpolitik.events.coder.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def nlp(coder):
    return coder.nlp


@pytest.fixture(scope="session")
def corpus_events(coder):
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    out = {}
    for f in sorted(CORPUS.glob("*.txt")):
        out[f.name] = coder.code_text(f.read_text(encoding="utf-8"), date=dt.date(2017, 8, 17),
                                      doc_id=f.stem)
    return out


@pytest.fixture
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the checkout")
    return CORPUS
