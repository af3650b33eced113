"""``optimize_store``: the events table rewritten in clustered order, contents unchanged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from realpolitik.errors import InputError
from realpolitik.relations import all_dyads
from realpolitik.store import (
    CLUSTER_ORDER,
    connect,
    ingest,
    optimize_store,
    store_info,
)

_STATES = "['USA', 'CHN', 'PRK', 'KOR', 'JPN', 'RUS']"
_ROLES = "['', 'GOV', 'MIL']"
_CODES = "['010', '036', '042', '057', '112', '130', '173', '190']"


def _pick(salt: int, k: int) -> str:
    """SQL: a pseudo-random 1-based index into a list of ``k`` items, fixed by row ``i``."""
    return f"CAST(1 + hash(i, {salt}) % {k} AS BIGINT)"


def _fill(db: Path, n: int, start: int = 0) -> None:
    """Append ``n`` synthetic events (ids ``start``..) in the order ingestion would: by day."""
    with connect(db) as con:
        con.execute(
            f"""
            INSERT INTO events BY NAME
            SELECT DATE '2017-01-01' + CAST(i * 730 // {n + start} AS INTEGER) AS date,
                   {_STATES}[{_pick(1, 6)}] || {_ROLES}[{_pick(2, 3)}] AS source,
                   {_STATES}[{_pick(3, 6)}] AS target,
                   {_CODES}[{_pick(4, 8)}] AS code,
                   substr({_CODES}[{_pick(4, 8)}], 1, 2) AS root,
                   (hash(i, 5) % 200) / 10.0 - 10.0 AS goldstein,
                   CAST(1 + hash(i, 6) % 4 AS TINYINT) AS quad_class,
                   'test' AS dataset, CAST(i AS VARCHAR) AS doc_id,
                   md5_number(CAST(i AS VARCHAR)) AS row_hash
            FROM range({start}, {start + n}) t(i)
            """
        )


def _contents(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT date, source, target, code, goldstein, quad_class, doc_id, "
            "CAST(row_hash AS VARCHAR) FROM events ORDER BY doc_id"
        ).fetchall()
    finally:
        con.close()


def _is_clustered(db: Path) -> bool:
    """Are the stored rows (by position) in (month, state source, state target, date) order?"""
    con = duckdb.connect(str(db), read_only=True)
    try:
        keys = con.execute(f"SELECT {CLUSTER_ORDER} FROM events ORDER BY rowid").fetchall()
    finally:
        con.close()
    return keys == sorted(keys)


def _state_dyad_runs(db: Path) -> tuple[int, int]:
    """Runs of consecutive rows with one state dyad-month, and how many such groups exist."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        keys = con.execute(
            "SELECT date_trunc('month', date), substr(source, 1, 3), substr(target, 1, 3) "
            "FROM events ORDER BY rowid"
        ).fetchall()
    finally:
        con.close()
    runs = sum(1 for k, key in enumerate(keys) if k == 0 or key != keys[k - 1])
    return runs, len(set(keys))


def test_optimize_sorts_and_keeps_every_row(tmp_path):
    db = tmp_path / "s.duckdb"
    _fill(db, 5000)
    before = _contents(db)
    dyads = all_dyads(db, "month")
    assert not _is_clustered(db)  # days in order, dyads shuffled within them
    assert store_info(db)["unclustered_events"] == 5000

    size = db.stat().st_size
    rep = optimize_store(db)
    assert rep["rewritten"] == 5000 and rep["unclustered_before"] == 5000
    assert db.stat().st_size <= size  # a fresh, compact file: no freed pages left behind
    assert _contents(db) == before
    assert _is_clustered(db)
    runs, groups = _state_dyad_runs(db)
    assert runs == groups  # each state dyad-month is one run, sub-actors (USAGOV) included
    pd.testing.assert_frame_equal(all_dyads(db, "month"), dyads)
    info = store_info(db)
    assert info["clustered_events"] == 5000 and info["unclustered_events"] == 0


def test_appended_rows_are_counted_and_reclustered(tmp_path):
    db = tmp_path / "s.duckdb"
    _fill(db, 3000)
    optimize_store(db)
    assert optimize_store(db)["rewritten"] == 0  # nothing to do
    _fill(db, 1000, start=3000)
    assert store_info(db)["unclustered_events"] == 1000
    before = _contents(db)
    rep = optimize_store(db)
    assert rep["rewritten"] == 4000 and rep["unclustered_before"] == 1000
    assert _contents(db) == before and _is_clustered(db)
    assert optimize_store(db, force=True)["rewritten"] == 4000


def test_rows_clustered_under_another_order_count_as_unclustered(tmp_path):
    db = tmp_path / "s.duckdb"
    _fill(db, 2000)
    optimize_store(db)
    with connect(db) as con:  # as a store optimized before the sort key was recorded
        con.execute("DELETE FROM meta WHERE key = 'cluster_order'")
    assert store_info(db)["unclustered_events"] == 2000
    assert optimize_store(db)["unclustered_before"] == 2000
    assert store_info(db)["unclustered_events"] == 0 and _is_clustered(db)


def test_reingest_after_optimize_adds_nothing(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    lines = [
        g2line(GLOBALEVENTID=str(i), SQLDATE=d, Actor1Code=a)
        for i, (d, a) in enumerate(
            [("20180919", "USA"), ("20180901", "KORGOV"), ("20181003", "CHN"), ("20180919", "JPN")]
        )
    ]
    p = write("a.csv", lines)
    ingest(db, [p], "gdelt2")
    optimize_store(db)
    (rep,) = ingest(db, [p], "gdelt2")
    assert rep.added == 0 and rep.duplicates == 4
    assert store_info(db)["unclustered_events"] == 0


def test_optimize_needs_a_store(tmp_path):
    with pytest.raises(InputError, match="no event store here"):
        optimize_store(tmp_path / "none.duckdb")
    assert not (tmp_path / "none.duckdb").exists()


def test_cli_store_optimize(run_cli, tmp_path):
    db = tmp_path / "s.duckdb"
    _fill(db, 500)
    r = run_cli("store", "optimize", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert r.json()["rewritten"] == 500
    r = run_cli("store", "info", "--db", db, "--format", "json")
    assert r.json()["unclustered_events"] == 0
    r = run_cli("store", "optimize", "--db", tmp_path / "no.duckdb")
    assert r.exit_code == 2
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "no event store here" in err[0] and "no.duckdb" in err[0]


_KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    import duckdb
    from realpolitik.store import optimize_store

    real_connect = duckdb.connect

    class Announcing:  # says when the sorted copy of the events starts being written
        def __init__(self, con):
            self.con = con
        def execute(self, sql, *args):
            if sql.startswith('INSERT INTO rp_new."events"'):
                print("sorting", flush=True)
            return self.con.execute(sql, *args)
        def close(self):
            self.con.close()

    duckdb.connect = lambda *a, **k: Announcing(real_connect(*a, **k))
    optimize_store(sys.argv[1])
    print("done", flush=True)
    """
)


_DIGEST = "SELECT count(*), bit_xor(row_hash), sum(hash(date, source, target, doc_id)) FROM events"


def test_sigkill_mid_optimize_leaves_store_intact(tmp_path):
    db = tmp_path / "s.duckdb"
    _fill(db, 1_500_000)
    con = duckdb.connect(str(db), read_only=True)
    digest = con.execute(_DIGEST).fetchall()
    con.close()
    script = tmp_path / "kill_me.py"
    script.write_text(_KILL_SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout.readline().startswith("sorting")
    time.sleep(0.5)  # inside the rewrite's transaction: it takes seconds for this many rows
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    rest = proc.stdout.read()
    proc.stdout.close()
    assert "done" not in rest, "optimize finished before it could be killed"
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute(_DIGEST).fetchall() == digest
        tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    finally:
        con.close()
    assert tables == {"events", "rejected", "ingests", "meta"}
    assert store_info(db)["unclustered_events"] == 1_500_000
    assert optimize_store(db)["rewritten"] == 1_500_000  # and the half-written copy is gone
    assert store_info(db)["unclustered_events"] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kill_me.py", "s.duckdb"]
