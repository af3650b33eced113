"""Parquet export and import of the store, partitioned by month (``year=YYYY/month=M``).

The export is a Hive-partitioned Parquet dataset with the ``events`` columns; it is what the
Dask engine (:mod:`realpolitik.store.dask_engine`) and
:func:`realpolitik.relations.dyad_series` with a directory read. Importing a dataset goes
through the same deduplication as ingestion (one transaction), so importing twice adds nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.errors import InputError
from realpolitik.store.eventstore import connect, dedupe_insert_sql

__all__ = ["export_parquet", "import_parquet", "dataset_glob"]


def dataset_glob(directory: str | Path) -> str:
    """The glob DuckDB reads a partitioned dataset with (``DIR/**/*.parquet``)."""
    d = Path(directory)
    if not d.is_dir():
        raise InputError("no such Parquet dataset directory", file=str(d))
    if not any(d.rglob("*.parquet")):
        raise InputError("directory holds no .parquet files", file=str(d))
    return str(d / "**" / "*.parquet").replace("'", "''")


def export_parquet(db: str | Path | None, out_dir: str | Path) -> dict[str, Any]:
    """Write the store's events as Parquet partitioned by ``year`` and ``month``.

    Parameters
    ----------
    db
        Store path.
    out_dir
        Target directory; must be empty or not exist (nothing is overwritten).

    Returns
    -------
    dict
        ``{"dir", "events", "partitions"}``.
    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        raise InputError("export directory is not empty (choose a new one)", file=str(out))
    with connect(db, read_only=True) as con:
        n = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        target = str(out).replace("'", "''")
        con.execute(
            "COPY (SELECT *, year(date) AS year, month(date) AS month FROM events "
            "ORDER BY date, source, target, code, doc_id) "
            f"TO '{target}' (FORMAT parquet, PARTITION_BY (year, month))"
        )
    parts = sorted({p.parent.relative_to(out).as_posix() for p in out.rglob("*.parquet")})
    return {"dir": str(out), "events": int(n), "partitions": len(parts)}


def import_parquet(db: str | Path | None, directory: str | Path) -> dict[str, Any]:
    """Add the events of an exported Parquet dataset to the store (deduplicated).

    Parameters
    ----------
    db
        Store path (created when missing).
    directory
        A dataset written by :func:`export_parquet`.

    Returns
    -------
    dict
        ``{"dir", "rows_read", "added", "duplicates"}``.
    """
    from realpolitik.events.readers import STAGE_COLUMNS
    from realpolitik.events.readers._pipeline import PARSED_TABLE, create_parsed_table

    glob = dataset_glob(directory)
    with connect(db) as con:
        names = {
            r[0]
            for r in con.execute(
                f"DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = true)"
            ).fetchall()
        }
        missing = [c for c in STAGE_COLUMNS if c not in names]
        if missing:
            raise InputError(
                f"not a realpolitik store export: missing column(s) {', '.join(missing)} "
                "(ingest plain event files with 'realpolitik ingest --format events')",
                file=str(directory),
            )
        cols = ", ".join(STAGE_COLUMNS)
        con.execute("BEGIN TRANSACTION")
        try:
            create_parsed_table(con)
            con.execute(
                f"INSERT INTO {PARSED_TABLE} BY NAME SELECT {cols}, "
                "row_number() OVER () AS line, NULL AS raw, NULL AS reason "
                f"FROM read_parquet('{glob}', hive_partitioning = true)"
            )
            n = con.execute(f"SELECT count(*) FROM {PARSED_TABLE}").fetchall()[0][0]
            before = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
            con.execute(dedupe_insert_sql(con, PARSED_TABLE))
            added = con.execute("SELECT count(*) FROM events").fetchall()[0][0] - before
            con.execute(f"DROP TABLE {PARSED_TABLE}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return {
        "dir": str(directory),
        "rows_read": int(n),
        "added": int(added),
        "duplicates": int(n - added),
    }
