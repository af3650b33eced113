"""The physical order of the ``events`` table: clustering by month and directed dyad.

Ingestion appends each file's rows in the file's order. GDELT and ICEWS publish files in date
order, so a store built from them is already ordered by date, but inside a day the dyads come
in random order. Aggregating per dyad and period then sends consecutive rows to unrelated
groups of DuckDB's hash table. :func:`optimize_store` rewrites the table ordered by
:data:`CLUSTER_ORDER` (month, state-level source, state-level target, date), so that the
rows of one dyad-month lie together: the per-dyad series, the signed-graph windows and the
all-dyad aggregation then update the same group for long runs of rows, and DuckDB's
per-row-group min/max statistics on ``date`` skip more of the table.

This is what column stores call a sort or clustering key (ClickHouse's ``ORDER BY`` of a
MergeTree table, Delta Lake's ``OPTIMIZE ... ZORDER BY``). Nothing is precomputed: the table
holds the same rows, and every query still reads and aggregates them.

The rewrite goes to a new file that replaces the store by an atomic rename: a process killed
while it runs leaves the store as it was. Rows ingested afterwards are appended unclustered;
:func:`clustering` reports how many, and running :func:`optimize_store` again re-sorts the
whole table.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

__all__ = ["CLUSTER_ORDER", "clustering", "optimize_store"]

#: Sort key of the clustered ``events`` table: the state-level directed dyad (the codes'
#: first three letters, what relation measures group by unless asked for exact codes), so
#: that each state dyad-month is one run of rows. Sorting by the full codes instead would
#: interleave a state dyad's runs (``USA>CHN``, ``USA>RUS``, then ``USAGOV>CHN``): at 50M rows
#: that aggregated up to 1.6x slower and took 40 % longer to sort. ``date`` last keeps each
#: dyad-month's days (and so its weeks) in order.
CLUSTER_ORDER = "date_trunc('month', date), substr(source, 1, 3), substr(target, 1, 3), date"

_META_KEY = "clustered_events"
#: The sort key the clustered rows were written in; rows clustered under another key (or
#: before the key was recorded) count as unclustered, so ``optimize`` re-sorts them.
_ORDER_KEY = "cluster_order"


def clustering(con: Any) -> dict[str, int]:
    """How much of the ``events`` table is in clustered order, on an open store connection.

    The store is append-only, so the rows clustered by the last :func:`optimize_store` are
    the table's first rows and everything after them was appended since.

    Returns
    -------
    dict
        ``events`` (rows now), ``clustered_events`` (rows in clustered order; 0 if the store
        was never optimized, or was clustered under an earlier :data:`CLUSTER_ORDER`) and
        ``unclustered_events`` (the rest: rows appended since).
    """
    n = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    meta = dict(
        con.execute(
            "SELECT key, value FROM meta WHERE key IN (?, ?)", [_META_KEY, _ORDER_KEY]
        ).fetchall()
    )
    clustered = 0
    if meta.get(_ORDER_KEY) == CLUSTER_ORDER and _META_KEY in meta:
        clustered = min(int(meta[_META_KEY]), n)
    return {"events": n, "clustered_events": clustered, "unclustered_events": n - clustered}


def optimize_store(db: str | Path | None, *, force: bool = False) -> dict[str, Any]:
    """Rewrite the store in clustered order (see the module docstring).

    The store is copied into a new file beside it (``STORE.optimize``), the events sorted by
    :data:`CLUSTER_ORDER` and every other table as it is, and the new file then replaces the
    old one with an atomic rename. A crash at any point before the rename leaves the old
    store as it was (a half-written ``.optimize`` file is removed by the next run); the old
    store is held open read-only throughout, so no other process can write to it meanwhile.
    Copying, rather than sorting in place, also leaves no free pages behind: the new file is
    compact. Sorting needs memory (DuckDB spills to ``STORE.optimize.tmp/`` beside the store
    when it runs short) and time of the order of a bulk load: see ``docs/perf-store.md``.

    Parameters
    ----------
    db
        Store path (see :func:`realpolitik.store.default_db_path`); it must exist.
    force
        Rewrite even when every row is already in clustered order.

    Returns
    -------
    dict
        ``db``, ``events``, ``rewritten`` (rows sorted and written; 0 when nothing was to
        do) and ``unclustered_before`` (rows that were out of clustered order).

    Raises
    ------
    InputError
        When there is no store at ``db`` or it cannot be rewritten.
    """
    import duckdb

    from realpolitik.errors import InputError
    from realpolitik.store.eventstore import connect, default_db_path

    path = default_db_path(db)
    # Read-only first, to name a missing store instead of creating an empty one; then
    # writable, which migrates an old schema, and a checkpoint folds any WAL into the file.
    with connect(path, read_only=True):
        pass
    with connect(path) as con:
        before = clustering(con)
        if before["unclustered_events"] == 0 and not force:
            return {
                "db": str(path),
                "events": before["events"],
                "rewritten": 0,
                "unclustered_before": 0,
            }
        con.execute("CHECKPOINT")
    tmp = path.with_name(path.name + ".optimize")
    spill = path.with_name(path.name + ".optimize.tmp")
    _remove(tmp)
    con = duckdb.connect()
    try:
        con.execute("SET enable_progress_bar = false")
        # the sort spills here when memory runs short (not in the working directory)
        con.execute(f"SET temp_directory = {_literal(spill)}")
        con.execute(f"ATTACH {_literal(path)} AS rp_old (READ_ONLY)")
        con.execute(f"ATTACH {_literal(tmp)} AS rp_new")
        con.execute("COPY FROM DATABASE rp_old TO rp_new (SCHEMA)")
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() "
                "WHERE database_name = 'rp_old' AND schema_name = 'main'"
            ).fetchall()
        ]
        con.execute("BEGIN TRANSACTION")
        for table in tables:
            order = f" ORDER BY {CLUSTER_ORDER}" if table == "events" else ""
            con.execute(f'INSERT INTO rp_new."{table}" SELECT * FROM rp_old."{table}"{order}')
        n = int(con.execute("SELECT count(*) FROM rp_new.events").fetchall()[0][0])
        con.execute("DELETE FROM rp_new.meta WHERE key IN (?, ?)", [_META_KEY, _ORDER_KEY])
        con.execute(
            "INSERT INTO rp_new.meta VALUES (?, ?), (?, ?)",
            [_META_KEY, str(n), _ORDER_KEY, CLUSTER_ORDER],
        )
        con.execute("COMMIT")
        con.execute("CHECKPOINT rp_new")
        con.execute("DETACH rp_new")
        for leftover in (_wal(tmp), _wal(path)):
            if leftover.exists():
                raise InputError(
                    f"unexpected write-ahead log {leftover.name} during optimize; the store "
                    "was left unchanged",
                    file=str(path),
                )
        # Atomic: the path now names the sorted file. The old file stays attached (and
        # locked against writers) until the rename is done.
        os.replace(tmp, path)
    except BaseException as exc:
        con.close()  # before removing the copy, so that closing cannot write to it again
        _remove(tmp)
        if isinstance(exc, duckdb.Error):
            msg = str(exc).splitlines()[0]
            raise InputError(
                f"cannot optimize the store ({msg}); it was left unchanged", file=str(path)
            ) from None
        raise
    finally:
        con.close()
        shutil.rmtree(spill, ignore_errors=True)
    return {
        "db": str(path),
        "events": n,
        "rewritten": n,
        "unclustered_before": n - min(before["clustered_events"], n),
    }


def _literal(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _wal(path: Path) -> Path:
    return path.with_name(path.name + ".wal")


def _remove(path: Path) -> None:
    """Delete a (partial) store file and its write-ahead log, if present."""
    for p in (path, _wal(path)):
        p.unlink(missing_ok=True)
