"""The event store: one DuckDB file, idempotent transactional ingestion, Parquet and Dask.

Exports
-------
default_db_path, connect, ingest, ingest_file, IngestReport, store_info, rejected_rows,
export_parquet, import_parquet, optimize_store, clustering, CLUSTER_ORDER, DEDUPE_KEY
"""

from realpolitik.store.eventstore import (
    DEDUPE_KEY,
    IngestReport,
    connect,
    default_db_path,
    ingest,
    ingest_file,
    rejected_rows,
    store_info,
)
from realpolitik.store.layout import CLUSTER_ORDER, clustering, optimize_store
from realpolitik.store.parquet import export_parquet, import_parquet

__all__ = [
    "DEDUPE_KEY",
    "IngestReport",
    "connect",
    "default_db_path",
    "ingest",
    "ingest_file",
    "rejected_rows",
    "store_info",
    "export_parquet",
    "import_parquet",
    "optimize_store",
    "clustering",
    "CLUSTER_ORDER",
]
