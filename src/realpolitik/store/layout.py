"""The physical order of the ``events`` table: clustering by month and directed dyad.

Ingestion appends each file's rows in the file's order. GDELT and ICEWS publish files in date
order, so a store built from them is already ordered by date, but inside a day the dyads come
in random order. Aggregating per dyad and period then sends consecutive rows to unrelated
groups of DuckDB's hash table. :func:`optimize_store` rewrites the table ordered by
:data:`CLUSTER_ORDER` (month, source, target, date), so that the rows of one dyad-month lie
together: the per-dyad series, the signed-graph windows and the all-dyad aggregation then
update the same group for long runs of rows, and DuckDB's per-row-group min/max statistics
on ``date`` (and within a month on ``source``) skip more of the table.

This is what column stores call a sort or clustering key (ClickHouse's ``ORDER BY`` of a
MergeTree table, Delta Lake's ``OPTIMIZE ... ZORDER BY``). Nothing is precomputed: the table
holds the same rows, and every query still reads and aggregates them.

The rewrite is one transaction: a process killed while it runs leaves the store as it was.
Rows ingested afterwards are appended unclustered; :func:`clustering` reports how many, and
running :func:`optimize_store` again re-sorts the whole table.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["CLUSTER_ORDER", "clustering", "optimize_store"]

#: Sort key of the clustered ``events`` table. Full codes sort each state's sub-actors
#: (``USA``, ``USAGOV``, ``USAMIL``) next to each other, so state-level dyads are contiguous
#: too; ``date`` last keeps each dyad-month's days (and so its weeks) in order.
CLUSTER_ORDER = "date_trunc('month', date), source, target, date"

_META_KEY = "clustered_events"


def clustering(con: Any) -> dict[str, int]:
    """How much of the ``events`` table is in clustered order, on an open store connection.

    The store is append-only, so the rows clustered by the last :func:`optimize_store` are
    the table's first rows and everything after them was appended since.

    Returns
    -------
    dict
        ``events`` (rows now), ``clustered_events`` (rows in clustered order; 0 if the store
        was never optimized) and ``unclustered_events`` (rows appended since).
    """
    n = int(con.execute("SELECT count(*) FROM events").fetchall()[0][0])
    found = con.execute("SELECT value FROM meta WHERE key = ?", [_META_KEY]).fetchall()
    clustered = min(int(found[0][0]), n) if found else 0
    return {"events": n, "clustered_events": clustered, "unclustered_events": n - clustered}


def optimize_store(db: str | Path | None, *, force: bool = False) -> dict[str, Any]:
    """Rewrite the store's ``events`` table in clustered order (see the module docstring).

    One transaction: the sorted copy is built, swapped in for the old table and the old one
    dropped; a crash at any point leaves the store unchanged. The file's freed pages are
    reclaimed by the checkpoint that follows. Sorting needs memory (DuckDB spills to a
    temporary directory beside the store when it runs short) and time of the order of a bulk
    load: see ``docs/perf-store.md``.

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
        When there is no store at ``db``.
    """
    from realpolitik.events.readers import STAGE_COLUMNS
    from realpolitik.store.eventstore import connect, default_db_path

    # Opening read-only first names a missing store instead of creating an empty one.
    with connect(db, read_only=True):
        pass
    with connect(db) as con:
        before = clustering(con)
        if before["unclustered_events"] == 0 and not force:
            return {
                "db": str(default_db_path(db)),
                "events": before["events"],
                "rewritten": 0,
                "unclustered_before": 0,
            }
        cols = ", ".join(f"{n} {t}" for n, t in STAGE_COLUMNS.items())
        names = ", ".join(STAGE_COLUMNS)
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DROP TABLE IF EXISTS _rp_events_clustered")
            con.execute(f"CREATE TABLE _rp_events_clustered ({cols})")
            con.execute(
                f"INSERT INTO _rp_events_clustered SELECT {names} FROM events "
                f"ORDER BY {CLUSTER_ORDER}"
            )
            con.execute("DROP TABLE events")
            con.execute("ALTER TABLE _rp_events_clustered RENAME TO events")
            con.execute("DELETE FROM meta WHERE key = ?", [_META_KEY])
            con.execute("INSERT INTO meta VALUES (?, ?)", [_META_KEY, str(before["events"])])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        con.execute("CHECKPOINT")
    return {
        "db": str(default_db_path(db)),
        "events": before["events"],
        "rewritten": before["events"],
        "unclustered_before": before["unclustered_events"],
    }
