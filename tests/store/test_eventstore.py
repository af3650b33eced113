"""The DuckDB store: idempotent, transactional ingestion; rejected rows; info; Parquet."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from realpolitik.errors import InputError
from realpolitik.store import (
    default_db_path,
    export_parquet,
    import_parquet,
    ingest,
    rejected_rows,
    store_info,
)


def _counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
            for t in ("events", "rejected", "ingests")
        )
    finally:
        con.close()


def test_default_db_path(monkeypatch, tmp_path):
    monkeypatch.delenv("REALPOLITIK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_db_path() == tmp_path / "realpolitik.duckdb"
    monkeypatch.setenv("REALPOLITIK_DB", str(tmp_path / "x.duckdb"))
    assert default_db_path() == tmp_path / "x.duckdb"
    assert default_db_path("y.duckdb") == Path("y.duckdb")


def test_ingest_twice_adds_nothing(tmp_path, write, g2line):
    lines = [g2line(GLOBALEVENTID=str(i)) for i in range(1, 11)] + [g2line()[:30]]
    p = write("a.csv", lines)
    db = tmp_path / "s.duckdb"
    (r1,) = ingest(db, [p], "gdelt2")
    first = _counts(db)
    (r2,) = ingest(db, [p], "gdelt2")
    assert (r1.added, r1.rejected, r1.rejected_new) == (10, 1, 1)
    assert (r2.added, r2.duplicates, r2.rejected, r2.rejected_new) == (0, 10, 1, 0)
    assert _counts(db)[:2] == first[:2] == (10, 1)


def test_wrong_format_rejections_are_replaced_by_the_right_reading(tmp_path, write, g2line):
    # A GDELT 2.0 file first ingested as ICEWS: every line is rejected as not ICEWS. Read
    # again as gdelt2, the good lines' old rejections go and the bad line's reason is the
    # GDELT one, recorded as new (it was not on record under that reason and format).
    lines = [g2line(GLOBALEVENTID=str(i)) for i in range(1, 6)] + [g2line()[:30]]
    p = write("a.export.CSV", lines)
    db = tmp_path / "s.duckdb"
    (wrong,) = ingest(db, [p], "icews")
    assert (wrong.added, wrong.rejected) == (0, 6)
    (right,) = ingest(db, [p], "gdelt2")
    assert (right.added, right.rejected, right.rejected_new) == (5, 1, 1)
    rows = rejected_rows(db)
    assert len(rows) == 1
    assert rows[0]["format"] == "gdelt2" and "columns" in rows[0]["reason"]
    (again,) = ingest(db, [p], "gdelt2")
    assert (again.added, again.rejected, again.rejected_new) == (0, 1, 0)
    assert _counts(db)[:2] == (5, 1)


def test_a_directory_is_named_as_such(tmp_path):
    with pytest.raises(InputError, match="a directory, not a file"):
        ingest(tmp_path / "s.duckdb", [tmp_path], "gdelt2")


def test_dedupe_key_and_content_hash(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    # same dedupe key (day, source, target, code, doc id) in another file -> duplicate
    a = write("a.csv", [g2line(GLOBALEVENTID="7")])
    b = write("b.csv", [g2line(GLOBALEVENTID="7", SOURCEURL="https://other")])
    # a different event id on the same day and dyad is a different event
    c = write("c.csv", [g2line(GLOBALEVENTID="8")])
    # repeats inside one file: the same line twice, and the same key with another URL
    d = write(
        "d.csv",
        [
            g2line(GLOBALEVENTID="9"),
            g2line(GLOBALEVENTID="9"),
            g2line(GLOBALEVENTID="10"),
            g2line(GLOBALEVENTID="10", SOURCEURL="https://x"),
        ],
    )
    reps = ingest(db, [a, b, c, d], "gdelt2")
    assert [r.added for r in reps] == [1, 0, 1, 2]
    assert reps[1].duplicates == 1 and reps[3].duplicates == 2


def test_same_event_from_jsonl_and_parquet_is_stored_once(tmp_path):
    import json

    import pandas as pd

    row = dict(date="2018-09-19", source="KOR", target="PRK", code="036", doc_id="d")
    (tmp_path / "e.jsonl").write_text(json.dumps(row) + "\n")
    pd.DataFrame([row]).to_parquet(tmp_path / "e.parquet")
    reps = ingest(tmp_path / "s.duckdb", [tmp_path / "e.jsonl", tmp_path / "e.parquet"], "events")
    assert [r.added for r in reps] == [1, 0]


def test_empty_file_is_reported(tmp_path, write):
    p = write("empty.csv", [])
    (r,) = ingest(tmp_path / "s.duckdb", [p], "gdelt2")
    assert (r.rows_read, r.added, r.rejected) == (0, 0, 1)
    assert r.reasons == {"empty file: no rows to ingest": 1}


def test_missing_file_and_bad_format(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        ingest(tmp_path / "s.duckdb", [tmp_path / "nope.csv"], "gdelt2")
    with pytest.raises(InputError, match="unknown input format 'gdelt3'"):
        ingest(tmp_path / "s.duckdb", [tmp_path / "nope.csv"], "gdelt3")


def test_failure_mid_file_rolls_back(tmp_path, write, g2line, monkeypatch):
    db = tmp_path / "s.duckdb"
    ingest(db, [write("a.csv", [g2line(GLOBALEVENTID="1")])], "gdelt2")
    before = _counts(db)
    from realpolitik.store import eventstore

    def boom(*a, **k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(eventstore, "_commit_parsed", boom)
    with pytest.raises(RuntimeError):
        ingest(db, [write("b.csv", [g2line(GLOBALEVENTID="2")])], "gdelt2")
    assert _counts(db) == before


_KILL_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from realpolitik.events.readers import _pipeline
    from realpolitik.store import ingest
    _pipeline.BATCH_BYTES = 64 * 1024
    def tick(n):
        print("batch", n, flush=True)
        time.sleep(0.05)
    ingest(sys.argv[1], [sys.argv[2]], "gdelt2", progress=tick)
    print("done", flush=True)
    """
)


def test_sigkill_mid_ingest_leaves_store_intact(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    ingest(db, [write("seed.csv", [g2line(GLOBALEVENTID="seed")])], "gdelt2")
    before = _counts(db)
    big = write("big.csv", [g2line(GLOBALEVENTID=str(i)) for i in range(20000)])
    script = tmp_path / "kill_me.py"
    script.write_text(_KILL_SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db), str(big)], stdout=subprocess.PIPE, text=True
    )
    seen = 0
    deadline = time.time() + 60
    while seen < 3 and time.time() < deadline:
        line = proc.stdout.readline()
        if line.startswith("batch"):
            seen += 1
        assert not line.startswith("done"), "ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert seen == 3 and proc.returncode == -signal.SIGKILL
    assert _counts(db) == before
    (rep,) = ingest(db, [big], "gdelt2")
    assert rep.added == 20000
    assert _counts(db)[0] == before[0] + 20000


def test_store_info_and_rejected(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    p = write("a.csv", [g2line(), g2line(GLOBALEVENTID="2", EventCode="999")])
    ingest(db, [p], "gdelt2")
    info = store_info(db)
    assert info["events"] == 1 and info["rejected"] == 1
    assert str(info["first_date"]) == "2018-09-19"
    assert info["datasets"][0]["dataset"] == "gdelt2"
    assert "unknown CAMEO event code" in info["rejected_by_reason"][0]["reason"]
    (row,) = rejected_rows(db, file="a.csv")
    assert row["line"] == 2 and row["file"].endswith("a.csv")


def test_store_info_needs_a_store(tmp_path):
    with pytest.raises(InputError, match="no event store here"):
        store_info(tmp_path / "none.duckdb")


def test_parquet_export_partitions_by_month_and_imports_idempotently(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    lines = [
        g2line(GLOBALEVENTID=str(i), SQLDATE=d)
        for i, d in enumerate(["20180919", "20180920", "20181001", "20190105"])
    ]
    ingest(db, [write("a.csv", lines)], "gdelt2")
    out = export_parquet(db, tmp_path / "exp")
    assert out["events"] == 4 and out["partitions"] == 3
    assert (tmp_path / "exp" / "year=2018" / "month=9").is_dir()
    with pytest.raises(InputError, match="not empty"):
        export_parquet(db, tmp_path / "exp")
    db2 = tmp_path / "t.duckdb"
    assert import_parquet(db2, tmp_path / "exp")["added"] == 4
    assert import_parquet(db2, tmp_path / "exp")["added"] == 0
    a = duckdb.connect(str(db), read_only=True)
    b = duckdb.connect(str(db2), read_only=True)
    q = "SELECT * FROM events ORDER BY doc_id"
    assert a.execute(q).fetchall() == b.execute(q).fetchall()
    a.close()
    b.close()


def test_a_file_that_is_not_a_store_is_named(tmp_path):
    from realpolitik.store import connect

    csv = tmp_path / "events.csv"
    csv.write_text("date,source\n")
    with pytest.raises(InputError, match="not a DuckDB database"):
        store_info(csv)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(InputError, match="not an event store \\(no events table"):
        store_info(other)
    with connect(other):  # a writable open makes it a store
        pass
    assert store_info(other)["events"] == 0
