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
from realpolitik.events.readers._rowhash import from_text_sql, to_text_sql
from realpolitik.store.eventstore import connect, dedupe_insert

__all__ = ["export_parquet", "import_parquet", "dataset_glob"]

#: Parquet key-value metadata naming the text form of ``row_hash`` in an export.
ROW_HASH_KEY = "realpolitik_row_hash"
ROW_HASH_DECIMAL = "md5-number-decimal"
ROW_HASH_MD5_HEX = "md5-hex"


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
        typ = con.execute(
            "SELECT data_type FROM duckdb_columns() WHERE table_name = 'events' "
            "AND column_name = 'row_hash'"
        ).fetchall()[0][0]
        # A schema-1 store (opened read-only, so not migrated) still holds MD5 hex text.
        decimal = typ != "VARCHAR"
        row_hash = to_text_sql("row_hash") if decimal else "row_hash"
        form = ROW_HASH_DECIMAL if decimal else ROW_HASH_MD5_HEX
        con.execute(
            f"COPY (SELECT * REPLACE ({row_hash} AS row_hash), year(date) AS year, "
            "month(date) AS month FROM events ORDER BY date, source, target, code, doc_id) "
            f"TO '{target}' (FORMAT parquet, PARTITION_BY (year, month), "
            f"KV_METADATA {{{ROW_HASH_KEY}: '{form}'}})"
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
        forms = {
            r[0]
            for r in con.execute(
                f"SELECT DISTINCT decode(value) FROM parquet_kv_metadata('{glob}') "
                f"WHERE decode(key) = '{ROW_HASH_KEY}'"
            ).fetchall()
        }
        # Exports without the key were written by schema 1 (MD5 hex text).
        hex_digest = ROW_HASH_DECIMAL not in forms
        cols = ", ".join(
            f"{from_text_sql('row_hash', hex_digest=hex_digest)} AS row_hash"
            if c == "row_hash"
            else c
            for c in STAGE_COLUMNS
        )
        con.execute("BEGIN TRANSACTION")
        try:
            create_parsed_table(con)
            con.execute(
                f"INSERT INTO {PARSED_TABLE} BY NAME SELECT {cols}, "
                "row_number() OVER () AS line, NULL AS raw, NULL AS reason "
                f"FROM read_parquet('{glob}', hive_partitioning = true)"
            )
            n = con.execute(f"SELECT count(*) FROM {PARSED_TABLE}").fetchall()[0][0]
            added = dedupe_insert(con, PARSED_TABLE)
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
