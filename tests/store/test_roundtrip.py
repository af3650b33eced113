"""Property: events round-trip through the store and its Parquet export unchanged."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import duckdb
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.events import cameo
from realpolitik.store import export_parquet, import_parquet, ingest

STATES = ["USA", "CHN", "PRK", "KOR", "JPN", "RUS"]
ROLES = ["", "GOV", "MIL"]
CODES = [c for c in cameo.all_codes() if len(c) >= 3][:60]

event = st.fixed_dictionaries(
    {
        "date": st.dates(dt.date(2000, 1, 1), dt.date(2024, 12, 31)).map(dt.date.isoformat),
        "source": st.tuples(st.sampled_from(STATES), st.sampled_from(ROLES)).map("".join),
        "target": st.tuples(st.sampled_from(STATES), st.sampled_from(ROLES)).map("".join),
        "code": st.sampled_from(CODES),
        "doc_id": st.text("abcdef0123456789", min_size=1, max_size=8),
        "sentence_index": st.integers(0, 50),
        "text": st.text(max_size=30),
    }
)


@settings(max_examples=4, deadline=None)
@given(st.lists(event, min_size=1, max_size=25))
def test_store_and_parquet_round_trip(rows):
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        (d / "e.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
        (rep,) = ingest(d / "a.duckdb", [d / "e.jsonl"], "events")
        keys = {(r["date"], r["source"], r["target"], r["code"], r["doc_id"]) for r in rows}
        assert rep.added == len(keys) and rep.rejected == 0
        export_parquet(d / "a.duckdb", d / "exp")
        assert import_parquet(d / "b.duckdb", d / "exp")["added"] == len(keys)
        q = "SELECT * FROM events ORDER BY date, source, target, code, doc_id"
        a = duckdb.connect(str(d / "a.duckdb"), read_only=True)
        b = duckdb.connect(str(d / "b.duckdb"), read_only=True)
        got_a, got_b = a.execute(q).fetchall(), b.execute(q).fetchall()
        a.close()
        b.close()
        assert got_a == got_b
        stored = {(str(r[0]), r[1], r[2], r[3], r[9]) for r in got_a}
        assert stored == keys
