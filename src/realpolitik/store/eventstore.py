"""The DuckDB event store: one file holding ``events``, ``rejected`` and ``ingests``.

Ingestion is transactional and idempotent. Each file is parsed into a temporary staging
table and then, in the same transaction, its good rows are appended to ``events`` unless an
event with the same dedupe key ``(date, source, target, code, doc_id)`` or the same content
hash (``row_hash``, MD5 of the source row) is already stored; its bad rows go to
``rejected`` with file, line and reason (again only once). The transaction commits after the
whole file, so a process killed mid-ingest leaves the store exactly as it was before that
file, and re-ingesting a file adds nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError

__all__ = [
    "DEFAULT_DB_NAME",
    "DEDUPE_KEY",
    "default_db_path",
    "connect",
    "ensure_schema",
    "IngestReport",
    "ingest_file",
    "ingest_staged",
    "ingest",
    "store_info",
    "rejected_rows",
]

DEFAULT_DB_NAME = "realpolitik.duckdb"
DEDUPE_KEY = ("date", "source", "target", "code", "doc_id")
SCHEMA_VERSION = "1"


def default_db_path(db: str | Path | None = None) -> Path:
    """The store path: ``db`` if given, else ``$REALPOLITIK_DB``, else ``./realpolitik.duckdb``.

    Parameters
    ----------
    db
        An explicit path, or None.

    Returns
    -------
    pathlib.Path
        The path (not necessarily existing).
    """
    if db is not None and str(db) != "":
        return Path(db)
    env = os.environ.get("REALPOLITIK_DB")
    return Path(env) if env else Path.cwd() / DEFAULT_DB_NAME


def ensure_schema(con) -> None:
    """Create the store's tables on ``con`` if they are missing."""
    from realpolitik.events.readers import STAGE_COLUMNS

    cols = ", ".join(f"{n} {t}" for n, t in STAGE_COLUMNS.items())
    con.execute(f"CREATE TABLE IF NOT EXISTS events ({cols})")
    con.execute(
        "CREATE TABLE IF NOT EXISTS rejected (ingest_id INTEGER, file VARCHAR, format VARCHAR, "
        "line BIGINT, reason VARCHAR, raw VARCHAR, raw_hash VARCHAR)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS ingests (ingest_id INTEGER, file VARCHAR, format VARCHAR, "
        "finished TIMESTAMP, rows_read BIGINT, added BIGINT, duplicates BIGINT, "
        "rejected BIGINT, rejected_new BIGINT)"
    )
    con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR, value VARCHAR)")
    if not con.execute("SELECT count(*) FROM meta WHERE key = 'schema'").fetchall()[0][0]:
        con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])


@contextmanager
def connect(db: str | Path | None = None, *, read_only: bool = False) -> Iterator[Any]:
    """Open the store (creating it unless ``read_only``) and close it afterwards.

    Parameters
    ----------
    db
        Store path (see :func:`default_db_path`).
    read_only
        Open read-only; the store must exist.

    Yields
    ------
    duckdb.DuckDBPyConnection
        The connection.

    Raises
    ------
    InputError
        When a read-only store does not exist or the file is not a DuckDB database.
    """
    import duckdb

    path = default_db_path(db)
    if read_only and not path.exists():
        raise InputError(
            "no event store here (create one with 'realpolitik ingest FILE --format ...')",
            file=str(path),
        )
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        raise InputError(f"cannot open the event store: {msg}", file=str(path)) from None
    try:
        con.execute("SET enable_progress_bar = false")
        if not read_only:
            ensure_schema(con)
        yield con
    finally:
        con.close()


@dataclass(frozen=True)
class IngestReport:
    """What ingesting one file did.

    Attributes
    ----------
    file
        The file as given.
    format
        Input format.
    rows_read
        Source rows (lines or records) read.
    good
        Rows that parsed and validated.
    added
        New events stored.
    duplicates
        Good rows already in the store (or repeated in the file).
    rejected
        Rows rejected (with reasons) in this file.
    rejected_new
        Rejected rows newly recorded (0 on a re-ingest).
    reasons
        Rejected-row count per reason (the first 10 distinct reasons).
    """

    file: str
    format: str
    rows_read: int
    good: int
    added: int
    duplicates: int
    rejected: int
    rejected_new: int
    reasons: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """Plain dict (the JSON form printed by ``realpolitik ingest --output json``)."""
        return asdict(self)


_DEDUPE_SQL = """
INSERT INTO events BY NAME
SELECT {cols} FROM (
    SELECT *{window} FROM {parsed} WHERE reason IS NULL
) p
WHERE {first}
  NOT EXISTS (SELECT 1 FROM events e WHERE e.row_hash = p.row_hash)
  AND NOT EXISTS (
    SELECT 1 FROM events e
    WHERE e.date = p.date AND e.source = p.source AND e.target = p.target
      AND e.code = p.code AND e.doc_id = p.doc_id)
"""

_WINDOW = """,
        row_number() OVER (PARTITION BY date, source, target, code, doc_id ORDER BY line) AS _k,
        row_number() OVER (PARTITION BY row_hash ORDER BY line) AS _h"""


def dedupe_insert_sql(con, parsed: str) -> str:
    """The deduplicating ``INSERT`` from staging table ``parsed`` into ``events``.

    Rows repeated inside the staged file are dropped too (first occurrence kept); the window
    functions that find them run only when the file has such repeats.
    """
    from realpolitik.events.readers import STAGE_COLUMNS

    # Equal content hashes imply equal dedupe keys (the key is parsed from the hashed
    # content), so repeated keys are the only repeats to look for.
    rows, keys = con.execute(
        f"SELECT count(*), count(DISTINCT (date, source, target, code, doc_id)) "
        f"FROM {parsed} WHERE reason IS NULL"
    ).fetchall()[0]
    repeats = rows != keys
    return _DEDUPE_SQL.format(
        cols=", ".join(STAGE_COLUMNS),
        parsed=parsed,
        window=_WINDOW if repeats else "",
        first="_k = 1 AND _h = 1 AND" if repeats else "",
    )


def ingest_file(
    con,
    path: str | Path,
    fmt: str,
    *,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest one file into the open store ``con`` in a single transaction.

    Parameters
    ----------
    con
        A writable store connection (:func:`connect`).
    path
        The file.
    fmt
        Input format (``gdelt1``, ``gdelt2``, ``icews``, ``phoenix``, ``events``).
    progress
        Called with the number of rows of each parsed batch.

    Returns
    -------
    IngestReport
        Counts for the file.

    Raises
    ------
    InputError
        When the file does not exist or cannot be read as ``fmt`` at all (nothing is
        written in that case).
    """
    from realpolitik.events.readers import get_reader
    from realpolitik.events.readers._pipeline import create_parsed_table

    p = Path(path)
    reader = get_reader(fmt)
    if not p.is_file():
        raise InputError("no such file", file=str(p))
    con.execute("BEGIN TRANSACTION")
    try:
        create_parsed_table(con)
        n = reader(con, p, progress)
        report = _commit_parsed(con, p, fmt, n)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def ingest_staged(con, table: Any, path: str | Path, fmt: str, rows_read: int) -> IngestReport:
    """Store rows already parsed elsewhere (an Arrow table of the staging columns).

    Used by the Dask engine, whose workers run the readers; the deduplicating write is the
    same as :func:`ingest_file` and happens in one transaction.

    Parameters
    ----------
    con
        A writable store connection.
    table
        Arrow table with ``line, raw, reason`` and the staging columns.
    path
        The source file (for the report and rejected rows).
    fmt
        Its input format.
    rows_read
        Source rows read.

    Returns
    -------
    IngestReport
        Counts for the file.
    """
    from realpolitik.events.readers._pipeline import PARSED_TABLE, create_parsed_table

    con.execute("BEGIN TRANSACTION")
    try:
        create_parsed_table(con)
        con.register("_rp_staged", table)
        con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME SELECT * FROM _rp_staged")
        con.unregister("_rp_staged")
        report = _commit_parsed(con, Path(path), fmt, rows_read)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return report


def _commit_parsed(con, p: Path, fmt: str, n: int) -> IngestReport:
    """Move the staged rows of file ``p`` into ``events``/``rejected`` (inside a transaction)."""
    from realpolitik.events.readers._pipeline import PARSED_TABLE, drop_parsed

    file_key = str(p.resolve())
    ingest_id = con.execute("SELECT coalesce(max(ingest_id), 0) + 1 FROM ingests").fetchall()[0][0]
    if n == 0:
        con.execute(
            f"INSERT INTO {PARSED_TABLE} (line, raw, reason) "
            "VALUES (0, '', 'empty file: no rows to ingest')"
        )
    good, bad = con.execute(
        f"SELECT count(*) FILTER (reason IS NULL), count(*) FILTER (reason IS NOT NULL) "
        f"FROM {PARSED_TABLE}"
    ).fetchall()[0]
    before = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    con.execute(dedupe_insert_sql(con, PARSED_TABLE))
    added = con.execute("SELECT count(*) FROM events").fetchall()[0][0] - before
    rej_before = con.execute("SELECT count(*) FROM rejected").fetchall()[0][0]
    con.execute(
        f"""
        INSERT INTO rejected
        SELECT ?, ?, ?, p.line, p.reason, p.raw, md5(coalesce(p.raw, '')) FROM {PARSED_TABLE} p
        WHERE p.reason IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM rejected r WHERE r.file = ? AND r.line = p.line
              AND r.raw_hash = md5(coalesce(p.raw, '')))
        """,
        [ingest_id, file_key, fmt, file_key],
    )
    rej_new = con.execute("SELECT count(*) FROM rejected").fetchall()[0][0] - rej_before
    reasons = dict(
        con.execute(
            f"SELECT reason, count(*) FROM {PARSED_TABLE} WHERE reason IS NOT NULL "
            "GROUP BY reason ORDER BY count(*) DESC, reason LIMIT 10"
        ).fetchall()
    )
    con.execute(
        "INSERT INTO ingests VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            ingest_id,
            file_key,
            fmt,
            dt.datetime.now(dt.UTC).replace(tzinfo=None),
            n,
            added,
            good - added,
            bad,
            rej_new,
        ],
    )
    drop_parsed(con)
    return IngestReport(
        file=str(p),
        format=fmt,
        rows_read=int(n),
        good=int(good),
        added=int(added),
        duplicates=int(good - added),
        rejected=int(bad),
        rejected_new=int(rej_new),
        reasons={str(k): int(v) for k, v in reasons.items()},
    )


def ingest(
    db: str | Path | None,
    paths: Sequence[str | Path],
    fmt: str,
    *,
    progress: Callable[[int], None] | None = None,
    on_file: Callable[[IngestReport], None] | None = None,
) -> list[IngestReport]:
    """Ingest several files (one transaction each) into the store at ``db``.

    Parameters
    ----------
    db
        Store path (see :func:`default_db_path`); created when missing.
    paths
        Input files.
    fmt
        Input format of all of them.
    progress
        Row-count callback, as in :func:`ingest_file`.
    on_file
        Called with each file's report as soon as its transaction commits.

    Returns
    -------
    list of IngestReport
        One report per file, in order.
    """
    reports = []
    with connect(db) as con:
        for p in paths:
            rep = ingest_file(con, p, fmt, progress=progress)
            reports.append(rep)
            if on_file is not None:
                on_file(rep)
    return reports


def store_info(db: str | Path | None = None) -> dict[str, Any]:
    """Summary of a store: event counts, date range, per-dataset counts, rejected rows.

    Parameters
    ----------
    db
        Store path (see :func:`default_db_path`).

    Returns
    -------
    dict
        Keys ``db``, ``events``, ``first_date``, ``last_date``, ``datasets`` (list of
        ``{dataset, events, first_date, last_date}``), ``rejected``, ``rejected_by_reason``
        (top 20 reasons, ``{reason, rows}``), ``files`` (ingested files with counts).
    """
    with connect(db, read_only=True) as con:
        n, first, last = con.execute(
            "SELECT count(*), min(date), max(date) FROM events"
        ).fetchall()[0]
        ds = con.execute(
            "SELECT dataset, count(*), min(date), max(date) FROM events GROUP BY 1 ORDER BY 1"
        ).fetchall()
        rej = con.execute("SELECT count(*) FROM rejected").fetchall()[0][0]
        reasons = con.execute(
            "SELECT regexp_replace(reason, '\"[^\"]*\"', '\"…\"', 'g') AS r, count(*) "
            "FROM rejected GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
        ).fetchall()
        files = con.execute(
            "SELECT file, format, count(*) AS ingests, sum(added), max(rows_read), "
            "max(rejected) FROM ingests GROUP BY 1, 2 ORDER BY 1"
        ).fetchall()
    return {
        "db": str(default_db_path(db)),
        "events": int(n),
        "first_date": first,
        "last_date": last,
        "datasets": [
            {"dataset": d, "events": int(c), "first_date": a, "last_date": b} for d, c, a, b in ds
        ],
        "rejected": int(rej),
        "rejected_by_reason": [{"reason": r, "rows": int(c)} for r, c in reasons],
        "files": [
            {
                "file": f,
                "format": fm,
                "ingests": int(k),
                "added": int(a or 0),
                "rows_read": int(r or 0),
                "rejected": int(j or 0),
            }
            for f, fm, k, a, r, j in files
        ],
    }


def rejected_rows(
    db: str | Path | None = None, *, file: str | None = None, limit: int = 50
) -> list[dict[str, Any]]:
    """Rejected rows (file, line, reason, raw), optionally for files whose path ends with ``file``.

    Parameters
    ----------
    db
        Store path.
    file
        Suffix of the file path to filter on.
    limit
        At most this many rows, ordered by file and line.

    Returns
    -------
    list of dict
        ``{file, format, line, reason, raw}`` records.
    """
    with connect(db, read_only=True) as con:
        q = "SELECT file, format, line, reason, raw FROM rejected"
        args: list[Any] = []
        if file:
            q += " WHERE file LIKE ?"
            args.append(f"%{file}")
        q += " ORDER BY file, line LIMIT ?"
        args.append(int(limit))
        rows = con.execute(q, args).fetchall()
    return [dict(zip(("file", "format", "line", "reason", "raw"), r, strict=True)) for r in rows]
