"""The DuckDB event store: one file holding ``events``, ``rejected`` and ``ingests``.

Ingestion is transactional and idempotent. Each file is parsed into a temporary staging
table and then, in the same transaction, its good rows are appended to ``events`` unless an
event with the same dedupe key ``(date, source, target, code, doc_id)`` or the same content
hash (``row_hash``, MD5 of the source row) is already stored; its bad rows go to
``rejected`` with file, line and reason (again only once: a line read again replaces its
earlier record, which is dropped when the line now parses). The transaction commits after the
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
    "dedupe_insert",
    "staging_stats",
    "ingest",
    "store_info",
    "rejected_rows",
]

DEFAULT_DB_NAME = "realpolitik.duckdb"
DEDUPE_KEY = ("date", "source", "target", "code", "doc_id")
SCHEMA_VERSION = "2"

#: ``md5_number('realpolitik')``: checked when a store is opened for writing, so that a DuckDB
#: whose ``md5_number`` read the digest differently could not silently stop deduplicating.
_MD5_NUMBER_CANARY = 308745951127792523191506912896516370139


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
    found = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchall()
    if not found:
        con.execute("INSERT INTO meta VALUES ('schema', ?)", [SCHEMA_VERSION])
    elif found[0][0] == "1":
        _migrate_v1(con)
    canary = con.execute("SELECT md5_number('realpolitik')").fetchall()[0][0]
    if int(canary) != _MD5_NUMBER_CANARY:
        raise InputError(
            "this DuckDB computes md5_number differently from the one that wrote the store's "
            "row hashes (expected the little-endian MD5 digest); deduplication would fail",
            field="row_hash",
        )


def _migrate_v1(con) -> None:
    """Schema 1 -> 2: ``row_hash`` from MD5 hex text to the 128-bit number (one transaction)."""
    from realpolitik.events.readers._rowhash import md5_hex_to_number_sql

    con.execute("BEGIN TRANSACTION")
    try:
        # Rewritten through a copy (DuckDB 2.0's ALTER ... USING fails on this expression).
        con.execute(
            "CREATE TABLE _rp_events_v2 AS SELECT * REPLACE "
            f"({md5_hex_to_number_sql('row_hash')} AS row_hash) FROM events"
        )
        con.execute("DROP TABLE events")
        con.execute("ALTER TABLE _rp_events_v2 RENAME TO events")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


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
    _check_duckdb_file(path)
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.Error as exc:
        msg = str(exc).splitlines()[0]
        raise InputError(f"cannot open the event store: {msg}", file=str(path)) from None
    try:
        con.execute("SET enable_progress_bar = false")
        if not read_only:
            ensure_schema(con)
        elif not con.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'events' "
            "AND schema_name = 'main' AND NOT temporary"
        ).fetchall()[0][0]:
            raise InputError(
                "a DuckDB database but not an event store (no events table; create one with "
                "'realpolitik ingest FILE --format ...')",
                file=str(path),
            )
        yield con
    finally:
        con.close()


def _check_duckdb_file(path: Path) -> None:
    """Refuse an existing file that is not a DuckDB database.

    DuckDB's own error for, say, a CSV file passed as ``--db`` names an in-memory database
    instead of the file.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(f"cannot read the event store ({exc.strerror})", file=str(path)) from None
    # A DuckDB file starts with an 8-byte checksum, then the magic bytes "DUCK".
    if head and head[8:12] != b"DUCK":
        raise InputError(
            "not a DuckDB database (expected a store file written by 'realpolitik ingest')",
            file=str(path),
        )


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
        Source rows read: non-blank lines (after any header) of a text file, records of a
        Parquet file.
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


_KEY_SQL = ", ".join(DEDUPE_KEY)

_WINDOW = """,
        row_number() OVER (PARTITION BY date, source, target, code, doc_id ORDER BY line) AS _k,
        row_number() OVER (PARTITION BY row_hash ORDER BY line) AS _h"""

_STATS_SQL = """
SELECT reason, count(*), count(DISTINCT hash({key})) FILTER (reason IS NULL),
       min(date) FILTER (reason IS NULL), max(date) FILTER (reason IS NULL)
FROM {parsed} GROUP BY reason
"""

_KEYS_SQL = """
CREATE OR REPLACE TEMP TABLE _rp_keys AS
SELECT hash({key}) AS k, {row_hash} AS row_hash FROM {parsed} WHERE reason IS NULL
"""

_CANDIDATES_SQL = """
CREATE OR REPLACE TEMP TABLE _rp_cand AS
SELECT date, source, target, code, doc_id, row_hash FROM events
WHERE date BETWEEN ? AND ?
  AND (hash({key}) IN (SELECT k FROM _rp_keys)
       OR row_hash IN (SELECT row_hash FROM _rp_keys WHERE row_hash IS NOT NULL))
"""

_NOT_STORED = """
  NOT EXISTS (SELECT 1 FROM _rp_cand e WHERE e.row_hash = p.row_hash)
  AND NOT EXISTS (
    SELECT 1 FROM _rp_cand e
    WHERE e.date = p.date AND e.source = p.source AND e.target = p.target
      AND e.code = p.code AND e.doc_id = p.doc_id)"""


def staging_stats(con, parsed: str) -> dict[str | None, tuple[int, int, Any, Any]]:
    """Counts of staging relation ``parsed`` in one pass.

    Per reason (None for the good rows): the row count and, for the good rows, the number of
    distinct 64-bit key hashes and the first and last date.
    """
    rows = con.execute(_STATS_SQL.format(key=_KEY_SQL, parsed=parsed)).fetchall()
    return {r: (int(n), int(k or 0), lo, hi) for r, n, k, lo, hi in rows}


def dedupe_insert(
    con, parsed: str, stats: dict | None = None, *, content_fixes_key: bool = False
) -> int:
    """Append the good rows of staging relation ``parsed`` to ``events``, minus duplicates.

    A row is a duplicate when an event with the same dedupe key (:data:`DEDUPE_KEY`) or the
    same content hash ``row_hash`` is stored, or when it repeats an earlier row of the same
    file (the first occurrence, by line, is kept).

    The work is kept proportional to the file, not to the store:

    * repeats inside the file are looked for (with window functions) only when the file's
      64-bit key hashes are not all distinct — distinct hashes prove distinct keys, and a
      repeated hash (a true repeat or a collision) sends the file through the exact path;
    * stored events are scanned once, restricted to the file's date range (row groups outside
      it are skipped by DuckDB's min/max statistics), for those whose key hash or content
      hash occurs in the file; only these candidates are compared column by column. Equal
      source rows parse to equal dates, so the date restriction loses no content match.

    ``parsed`` may be a view (Parquet input): it is evaluated once for the statistics, once
    for the candidates' hashes when the store has events in the file's date range, and once
    for the insert.

    When the content hash is computed from the very fields the key is made of
    (``content_fixes_key``: realpolitik's own event files, whose key is the normalised fields
    themselves, with no actor mapping in between), equal content implies an equal key, so the
    key comparison alone finds every duplicate and the content hashes are not compared. For
    source formats whose key passes through mapping tables (GDELT, ICEWS, Phoenix) they are:
    a row re-read after a mapping changed keeps its content hash but not its key.

    Parameters
    ----------
    con
        A writable store connection inside a transaction.
    parsed
        The staging table or view (``line``, ``reason`` and the staging columns).
    stats
        :func:`staging_stats` of ``parsed`` if already computed.
    content_fixes_key
        The content hash is a function of the key's fields (see above).

    Returns
    -------
    int
        Events added.
    """
    from realpolitik.events.readers import STAGE_COLUMNS

    if stats is None:
        stats = staging_stats(con, parsed)
    good, keys, lo, hi = stats.get(None, (0, 0, None, None))
    if not good:
        return 0
    repeats = keys != good
    conditions = ["_k = 1 AND _h = 1"] if repeats else []
    stored = con.execute(
        "SELECT count(*) FROM (SELECT 1 FROM events WHERE date BETWEEN ? AND ? LIMIT 1)", [lo, hi]
    ).fetchall()[0][0]
    if stored:
        row_hash = "CAST(NULL AS UHUGEINT)" if content_fixes_key else "row_hash"
        con.execute(_KEYS_SQL.format(key=_KEY_SQL, row_hash=row_hash, parsed=parsed))
        con.execute(_CANDIDATES_SQL.format(key=_KEY_SQL), [lo, hi])
        con.execute("DROP TABLE _rp_keys")
        if con.execute("SELECT count(*) FROM _rp_cand").fetchall()[0][0]:
            conditions.append(_NOT_STORED)
    window = _WINDOW if repeats else ""
    where = " AND ".join(conditions) or "TRUE"
    added = con.execute(
        f"INSERT INTO events BY NAME SELECT {', '.join(STAGE_COLUMNS)} FROM ("
        f"SELECT *{window} FROM {parsed} WHERE reason IS NULL) p WHERE {where}"
    ).fetchall()[0][0]
    con.execute("DROP TABLE IF EXISTS _rp_cand")
    return int(added)


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
        what = "a directory, not a file" if p.is_dir() else "no such file"
        raise InputError(what, file=str(p))
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
        Arrow table with ``line, raw, reason`` and the staging columns (``row_hash`` as
        decimal text, :func:`realpolitik.events.readers._rowhash.to_text_sql`).
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
    from realpolitik.events.readers._rowhash import from_text_sql

    con.execute("BEGIN TRANSACTION")
    try:
        create_parsed_table(con)
        con.register("_rp_staged", table)
        row_hash = from_text_sql("row_hash")
        con.execute(
            f"INSERT INTO {PARSED_TABLE} BY NAME "
            f"SELECT * REPLACE ({row_hash} AS row_hash) FROM _rp_staged"
        )
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
    stats = staging_stats(con, PARSED_TABLE)
    by_reason = [(r, v[0]) for r, v in stats.items()]
    good = sum(c for r, c in by_reason if r is None)
    bad = sum(c for r, c in by_reason if r is not None)
    reasons = dict(
        sorted(((r, c) for r, c in by_reason if r is not None), key=lambda x: (-x[1], x[0]))[:10]
    )
    # realpolitik's own files hash their normalised fields, the key among them
    added = dedupe_insert(con, PARSED_TABLE, stats, content_fixes_key=fmt == "events")
    rej_new = _record_rejections(con, file_key, fmt, ingest_id, bad)
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


#: Identity of a staged row's source content: its raw line, or for Parquet rows (which have
#: no raw text) the row number, as the rejected table records it.
_ROW_CONTENT = "md5(coalesce(p.raw, '(row ' || p.line || ')'))"


def _record_rejections(con, file_key: str, fmt: str, ingest_id: int, bad: int) -> int:
    """Record the staged file's rejected rows; return how many were not recorded before.

    A file's rejected rows describe its latest reading. A line read again with the same
    content replaces what an earlier ingest recorded for it: its rejection is dropped when the
    line now parses (say after a mapping was added, or when the first attempt used the wrong
    ``--format``) and re-recorded with the new reason and format when it still fails. Lines
    whose content changed since (the file was replaced) keep their record. Counted as new are
    the rejections whose line, content, reason and format were not on record.
    """
    from realpolitik.events.readers._pipeline import PARSED_TABLE

    prior = con.execute("SELECT count(*) FROM rejected WHERE file = ?", [file_key]).fetchall()
    known = 0
    if prior[0][0]:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE _rp_lines AS "
            f"SELECT p.line, p.reason, {_ROW_CONTENT} AS raw_hash FROM {PARSED_TABLE} p"
        )
        known = con.execute(
            "SELECT count(*) FROM rejected r JOIN _rp_lines c ON c.line = r.line "
            "AND c.raw_hash = r.raw_hash AND c.reason = r.reason "
            "WHERE r.file = ? AND r.format = ?",
            [file_key, fmt],
        ).fetchall()[0][0]
        con.execute(
            "DELETE FROM rejected r WHERE r.file = ? AND EXISTS (SELECT 1 FROM _rp_lines c "
            "WHERE c.line = r.line AND c.raw_hash = r.raw_hash)",
            [file_key],
        )
        con.execute("DROP TABLE _rp_lines")
    if bad:
        con.execute(
            f"INSERT INTO rejected SELECT ?, ?, ?, p.line, p.reason, p.raw, {_ROW_CONTENT} "
            f"FROM {PARSED_TABLE} p WHERE p.reason IS NOT NULL",
            [ingest_id, file_key, fmt],
        )
    return int(bad - known)


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
        (top 20 reasons, ``{reason, rows}``), ``files`` (ingested files with counts),
        ``clustered_events`` and ``unclustered_events`` (rows in and out of the clustered
        order of :func:`realpolitik.store.optimize_store`).
    """
    from realpolitik.store.layout import clustering

    with connect(db, read_only=True) as con:
        layout = clustering(con)
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
        "clustered_events": layout["clustered_events"],
        "unclustered_events": layout["unclustered_events"],
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
