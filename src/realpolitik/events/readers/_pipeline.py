"""Shared machinery of the readers: line batches, lookup tables in DuckDB, the staging table.

A reader turns a file into rows of the temporary table ``_rp_parsed`` on a DuckDB
connection: every source row lands there exactly once, either with ``reason IS NULL`` (a good
event, with every ``Event`` column filled) or with ``reason`` saying why it was rejected. All
parsing and validation is done by DuckDB over whole batches (no Python loop per row); Python
only touches distinct values (codes, names) to build small lookup tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.errors import InputError
from realpolitik.events.readers import _tables
from realpolitik.events.readers._rowhash import row_hash_sql, to_text_sql
from realpolitik.events.record import EVENT_COLUMNS

__all__ = [
    "STAGE_COLUMNS",
    "PARSED_TABLE",
    "Progress",
    "create_parsed_table",
    "drop_parsed",
    "iter_line_batches",
    "register_lookups",
    "refresh_codes",
    "event_select",
    "row_hash_sql",
    "stage_select_text",
]

Progress = Callable[[int], None]

PARSED_TABLE = "_rp_parsed"

_DUCK_TYPES = {
    "date32": "DATE",
    "string": "VARCHAR",
    "float64": "DOUBLE",
    "int8": "TINYINT",
    "int32": "INTEGER",
}

#: Columns of the store's ``events`` table: the ``Event`` columns, the ISO3 country of the
#: event's location (GDELT ActionGeo, Phoenix geolocation; NULL when unknown) and the content
#: hash of the source row (:func:`row_hash_sql`).
STAGE_COLUMNS: dict[str, str] = {
    **{name: _DUCK_TYPES[t] for name, t in EVENT_COLUMNS.items()},
    "action_country": "VARCHAR",
    "row_hash": "UHUGEINT",
}

BATCH_BYTES = 64 * 1024 * 1024


def stage_select_text(*leading: str) -> str:
    """Select-list of ``leading`` columns then :data:`STAGE_COLUMNS`, ``row_hash`` as text.

    For results leaving DuckDB through Arrow or NumPy, which have no 128-bit unsigned integer
    (:func:`~realpolitik.events.readers._rowhash.to_text_sql`).
    """
    cols = [f"{to_text_sql(c)} AS {c}" if c == "row_hash" else c for c in STAGE_COLUMNS]
    return ", ".join([*leading, *cols])


def create_parsed_table(con) -> None:
    """(Re)create the empty temporary staging table ``_rp_parsed`` on ``con``."""
    cols = ", ".join(f"{name} {t}" for name, t in STAGE_COLUMNS.items())
    drop_parsed(con)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE {PARSED_TABLE} "
        f"(line BIGINT, raw VARCHAR, reason VARCHAR, {cols})"
    )


def drop_parsed(con) -> None:
    """Drop the staging relation, whether a table or (Parquet input) a view."""
    kind = con.execute(
        "SELECT 'VIEW' FROM duckdb_views() WHERE view_name = ? AND temporary "
        "UNION ALL SELECT 'TABLE' FROM duckdb_tables() WHERE table_name = ? AND temporary",
        [PARSED_TABLE, PARSED_TABLE],
    ).fetchall()
    for (k,) in kind:
        con.execute(f"DROP {k} {PARSED_TABLE}")


def iter_line_batches(
    path: Path, *, batch_bytes: int | None = None, skip: int = 0
) -> Iterator[pa.Table]:
    r"""Yield the lines of a text file as Arrow tables ``(lineno int64, line string)``.

    Line numbers are 1-based and exact (blank lines are kept, so they are reported, not
    silently dropped); a final newline does not make an extra empty line; ``\\r\\n`` endings
    are accepted.

    Parameters
    ----------
    path
        The file.
    batch_bytes
        Approximate bytes per batch (default :data:`BATCH_BYTES`).
    skip
        Number of leading lines (headers) to leave out; numbering still counts them.

    Yields
    ------
    pyarrow.Table
        One batch of lines.

    Raises
    ------
    InputError
        When a line is not UTF-8 text.
    """
    if batch_bytes is None:
        batch_bytes = BATCH_BYTES
    lineno = 1
    rest = b""
    with open(path, "rb") as fh:
        while True:
            chunk = fh.read(batch_bytes)
            data = rest + chunk
            if not chunk:
                if data:
                    lines = [data]
                    rest = b""
                else:
                    break
            else:
                cut = data.rfind(b"\n")
                if cut < 0:
                    rest = data
                    continue
                lines = data[:cut].split(b"\n")
                rest = data[cut + 1 :]
            n = len(lines)
            arr = pa.array(lines, type=pa.binary())
            try:
                text = arr.cast(pa.string())
            except pa.ArrowInvalid:
                for i, raw in enumerate(lines):
                    try:
                        raw.decode("utf-8")
                    except UnicodeDecodeError:
                        raise InputError(
                            "not UTF-8 text (expected a UTF-8 encoded tab-separated file)",
                            file=str(path),
                            line=lineno + i,
                        ) from None
                raise
            text = pc.utf8_rtrim(text, characters="\r")
            nums = np.arange(lineno, lineno + n, dtype=np.int64)
            lineno += n
            if skip:
                drop = min(skip, n)
                skip -= drop
                nums, text = nums[drop:], text.slice(drop)
            if len(nums):
                yield pa.table({"lineno": nums, "line": text})
            if not chunk:
                break


def register_lookups(con) -> None:
    """Create the FIPS and CAMEO-country lookup tables and an empty code table on ``con``."""
    if _has_table(con, "_rp_fips"):
        return
    con.register("_rp_src_fips", _tables.fips_table())
    con.register("_rp_src_cc", _tables.cameo_country_table())
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_fips AS "
        "SELECT CAST(fips AS VARCHAR) AS fips, nullif(CAST(iso3 AS VARCHAR), '') AS iso3 "
        "FROM _rp_src_fips"
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_cc AS SELECT CAST(cameo AS VARCHAR) AS cameo, "
        "CAST(iso3 AS VARCHAR) AS iso3, CAST(kind AS VARCHAR) AS kind FROM _rp_src_cc"
    )
    con.unregister("_rp_src_fips")
    con.unregister("_rp_src_cc")
    con.execute(
        "CREATE OR REPLACE TEMP TABLE _rp_codes "
        "(code VARCHAR, known BOOLEAN, root VARCHAR, goldstein DOUBLE, quad_class TINYINT)"
    )


def _has_table(con, name: str) -> bool:
    q = "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND temporary"
    return bool(con.execute(q, [name]).fetchall()[0][0])


def refresh_codes(con, relation_sql: str) -> None:
    """Add to ``_rp_codes`` every distinct ``code`` of ``relation_sql`` not yet in it."""
    new = con.execute(
        f"SELECT DISTINCT code FROM ({relation_sql}) WHERE code IS NOT NULL "
        "AND code NOT IN (SELECT code FROM _rp_codes)"
    ).fetchall()
    if not new:
        return
    con.register("_rp_src_codes", _tables.code_table([r[0] for r in new]))
    con.execute(
        "INSERT INTO _rp_codes SELECT CAST(code AS VARCHAR), known, CAST(root AS VARCHAR), "
        "goldstein, quad_class FROM _rp_src_codes"
    )
    con.unregister("_rp_src_codes")


def event_select(
    *,
    dataset: str,
    coder: str,
    source: str,
    target: str,
    source_name: str,
    target_name: str,
    doc_id: str,
    text: str,
    action_country: str,
    row_hash: str,
    sentence_index: str = "-1",
    confidence: str = "1.0",
) -> str:
    """SQL select-list producing the staging columns from a parsed row alias ``p``.

    ``p`` must expose ``date`` (DATE), ``code`` and a joined ``k`` (``_rp_codes``) row.
    """
    return f"""
        p.date AS date, {source} AS source, {target} AS target, p.code AS code,
        k.root AS root, k.goldstein AS goldstein, k.quad_class AS quad_class,
        'actual' AS modality, '{dataset}' AS dataset, {doc_id} AS doc_id,
        CAST({sentence_index} AS INTEGER) AS sentence_index, -1 AS char_start, -1 AS char_end,
        '{coder}' AS coder, '' AS coder_version, CAST({confidence} AS DOUBLE) AS confidence,
        {source_name} AS source_name, {target_name} AS target_name, '' AS attributed_to,
        {text} AS text, {action_country} AS action_country, {row_hash} AS row_hash
    """
