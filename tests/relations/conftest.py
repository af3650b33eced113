"""Event stores built once per session from the ICEWS files of the data kit (one per subset)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
ICEWS = SHARED / "events" / "icews"
SUBSETS = {
    "2014": "icews_2014_named.tsv",
    "2018": "icews_2018-08-29_2018-10-31_named.tsv",
    "sample": "icews_2005-2015_sample20_named.tsv",
}


@pytest.fixture(scope="session")
def icews_store(tmp_path_factory):
    """``icews_store(subset) -> (db path, tsv path)``; subsets are never concatenated."""
    if not ICEWS.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    from realpolitik.store import ingest

    built: dict[str, tuple[Path, Path]] = {}

    def _get(subset: str) -> tuple[Path, Path]:
        if subset not in built:
            tsv = ICEWS / SUBSETS[subset]
            db = tmp_path_factory.mktemp(f"icews_{subset}") / "store.duckdb"
            ingest(db, [tsv], "icews")
            built[subset] = (db, tsv)
        return built[subset]

    return _get


@pytest.fixture
def synthetic_store(tmp_path):
    """A store from a small JSONL of hand-made events (closed-form checks)."""
    import json

    from realpolitik.store import ingest

    def _make(rows: list[dict]) -> Path:
        p = tmp_path / "ev.jsonl"
        p.write_text("\n".join(json.dumps({"doc_id": f"d{i}", **r}) for i, r in enumerate(rows)))
        db = tmp_path / "syn.duckdb"
        (rep,) = ingest(db, [p], "events")
        assert rep.rejected == 0, rep.reasons
        return db

    return _make
