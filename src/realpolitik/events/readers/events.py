"""Reader of realpolitik's own event files (the coder's output): JSONL, CSV or Parquet.

The columns are :data:`realpolitik.events.record.EVENT_COLUMNS`; ``date``, ``source``,
``target`` and ``code`` are required, the others default as in :class:`~realpolitik.events.
record.Event`. ``root``, ``goldstein`` and ``quad_class`` are recomputed from ``code`` with
the CAMEO table, so every event in the store is scored the same way. The format follows the
file extension: ``.jsonl``/``.ndjson``/``.json`` (one JSON object per line), ``.csv``,
``.parquet``/``.pq``.

JSONL and CSV files are read through the shared line pipeline
(:func:`~realpolitik.events.readers._pipeline.iter_line_batches`), like the data-set readers:
they may be gzip-compressed or a zip archive holding one file (recognised by content; name
them ``events.jsonl.gz``, ``events.csv.zip`` so the extension before the compression suffix
gives the format), a UTF-8 byte-order mark is dropped, blank lines are skipped and a line that
is not valid UTF-8 is rejected on its own. CSV rows must be one per line (no line breaks
inside quoted values).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from realpolitik.errors import InputError
from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    STAGE_COLUMNS,
    Progress,
    iter_line_batches,
    read_first_line,
    refresh_codes,
    register_lookups,
    row_hash_sql,
)
from realpolitik.events.readers._registry import register_reader
from realpolitik.events.record import EVENT_COLUMNS

__all__ = ["REQUIRED", "stage", "kind_of", "READER"]

REQUIRED = ("date", "source", "target", "code")

_DEFAULTS = {
    "modality": "'actual'",
    "dataset": "'realpolitik'",
    "doc_id": "''",
    "sentence_index": "-1",
    "char_start": "-1",
    "char_end": "-1",
    "coder": "''",
    "coder_version": "''",
    "confidence": "1.0",
    "source_name": "''",
    "target_name": "''",
    "attributed_to": "''",
    "text": "''",
}

_HASHED = [c for c in EVENT_COLUMNS if c not in ("root", "goldstein", "quad_class")]


#: Suffixes of a compressed JSONL or CSV file (``events.jsonl.gz``); the content decides
#: whether it is decompressed, the suffix before it gives the format.
COMPRESSION_SUFFIXES = (".gz", ".gzip", ".zip")


def kind_of(path: Path) -> str:
    """``jsonl``, ``csv`` or ``parquet`` from the extension; raises :class:`InputError`.

    A compression suffix (``.gz``, ``.gzip``, ``.zip``) is looked through:
    ``events.csv.gz`` is CSV. Parquet compresses internally and is not read from a gzip or
    zip container.
    """
    ext = path.suffix.lower()
    compressed = ext in COMPRESSION_SUFFIXES
    if compressed:
        ext = path.with_suffix("").suffix.lower()
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext == ".csv":
        return "csv"
    if ext in (".parquet", ".pq") and not compressed:
        return "parquet"
    if ext in (".parquet", ".pq"):
        raise InputError(
            f"compressed Parquet file ({path.suffix}): decompress it first (Parquet "
            "compresses its data internally)",
            file=str(path),
        )
    raise InputError(
        f"unknown events file extension {ext or path.suffix!r} (expected .jsonl, .csv or "
        ".parquet; .jsonl and .csv may be followed by .gz or .zip)",
        file=str(path),
    )


def _finish(src: str, cols: set[str], path: Path) -> str:
    """SQL turning ``src`` (text/typed columns + lineno + raw) into staged rows.

    The content hash ``row_hash`` is the MD5 of the row's normalised fields (every ``Event``
    column but the derived scores, defaults filled in) as text in a fixed order, so the same
    events written as JSONL, CSV or Parquet hash alike.
    """

    def col(name: str) -> str:
        return f"r.{name}" if name in cols else _DEFAULTS[name]

    modal = col("modality")
    out = {
        "date": "r.__date",
        "source": "upper(trim(r.source))",
        "target": "upper(trim(r.target))",
        "code": "trim(r.code)",
        "root": "k.root",
        "goldstein": "k.goldstein",
        "quad_class": "k.quad_class",
        "modality": f"coalesce(CAST({modal} AS VARCHAR), 'actual')",
    }
    for name in EVENT_COLUMNS:
        if name in out:
            continue
        typ = STAGE_COLUMNS[name]
        val = col(name)
        if typ == "INTEGER":
            val = f"TRY_CAST({val} AS DOUBLE)"
        out[name] = f"coalesce(TRY_CAST({val} AS {typ}), {_DEFAULTS[name]})"
    # Fields joined by the unit separator U+001F: concat with literal separators is twice as
    # fast as concat_ws(chr(31), ...) here and gives the same text (no field is NULL).
    hashed = ", '\x1f', ".join(f"coalesce(CAST({c} AS VARCHAR), '')" for c in _HASHED)
    select = ",\n        ".join(f"{expr} AS {name}" for name, expr in out.items())
    modalities = "', '".join(("actual", "future", "hypothetical", "negated", "prescriptive"))
    return f"""
    SELECT *, {row_hash_sql(f"concat({hashed})")} AS row_hash FROM (
    SELECT r.lineno AS line, r.raw AS raw,
        CASE
          WHEN r.__bad IS NOT NULL THEN r.__bad
          WHEN r.__date IS NULL THEN format('bad date "{{}}" in field date (expected YYYY-MM-DD)',
                                            coalesce(CAST(r.date AS VARCHAR), ''))
          WHEN coalesce(trim(r.source), '') = '' THEN 'empty actor: field source is empty'
          WHEN coalesce(trim(r.target), '') = '' THEN 'empty actor: field target is empty'
          WHEN coalesce(trim(r.code), '') = '' THEN 'empty CAMEO event code in field code'
          WHEN NOT k.known THEN format('unknown CAMEO event code "{{}}" in field code', r.code)
          WHEN {modal} IS NOT NULL AND CAST({modal} AS VARCHAR) NOT IN ('{modalities}') THEN
               format('unknown modality "{{}}" in field modality', {modal})
        END AS reason,
        {select},
        CAST(NULL AS VARCHAR) AS action_country
    FROM ({src}) r
    LEFT JOIN _rp_codes k ON k.code = trim(r.code)
    )
    """


def _date_expr(typed: bool) -> str:
    if typed:
        return "TRY_CAST(date AS DATE)"
    return (
        "CASE WHEN regexp_full_match(trim(CAST(date AS VARCHAR)), '[0-9]{4}-[0-9]{2}-[0-9]{2}') "
        "THEN TRY_CAST(trim(CAST(date AS VARCHAR)) AS DATE) END"
    )


def _check_columns(cols: set[str], path: Path) -> None:
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise InputError(
            f"missing required column(s) {', '.join(missing)} (an events file needs "
            f"{', '.join(REQUIRED)}; see realpolitik.events.EVENT_COLUMNS)",
            file=str(path),
            field=missing[0],
        )


def _stage_parquet(con, path: Path, progress: Progress | None) -> int:
    import pyarrow.parquet as pq

    try:
        schema = pq.read_schema(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise InputError(f"not a Parquet file ({exc})", file=str(path)) from None
    cols = set(schema.names) & set(EVENT_COLUMNS)
    _check_columns(cols, path)
    p = str(path).replace("'", "''")
    keep = ", ".join(sorted(cols))
    src = (
        f"SELECT {keep}, file_row_number + 1 AS lineno, NULL AS __bad, "
        f"{_date_expr(True)} AS __date, CAST(NULL AS VARCHAR) AS raw "
        f"FROM read_parquet('{p}', file_row_number = true)"
    )
    refresh_codes(con, f"SELECT DISTINCT trim(code) AS code FROM read_parquet('{p}')")
    n = con.execute(f"SELECT count(*) FROM read_parquet('{p}')").fetchall()[0][0]
    if n:
        # Parquet is already columnar and typed: the staging table becomes a view over the
        # file, parsed while it is read (no copy). The store evaluates it once for counts,
        # once for the insert and, only when stored events share its dates, once for the
        # candidates' hashes. Rejected Parquet rows are identified by their row number.
        view = (
            "SELECT * REPLACE (CASE WHEN reason IS NOT NULL THEN '(row ' || line || ')' "
            f"END AS raw) FROM ({_finish(src, cols, path)})"
        )
        con.execute(f"DROP TABLE IF EXISTS {PARSED_TABLE}")
        con.execute(f"CREATE TEMP VIEW {PARSED_TABLE} AS {view}")
    if progress is not None:
        progress(n)
    return int(n)


def _stage_jsonl(con, path: Path, progress: Progress | None) -> int:
    total = 0
    for batch in iter_line_batches(path, reject_undecodable=True):
        con.register("_rp_batch", batch)
        fields = ", ".join(f"json_extract_string(ok, '$.{c}') AS {c}" for c in EVENT_COLUMNS)
        src = f"""
            SELECT *, {_date_expr(False)} AS __date FROM (
              SELECT lineno, line AS raw,
                CASE WHEN bad IS NOT NULL THEN bad
                     WHEN NOT json_valid(line) THEN 'not valid JSON (truncated line?)'
                     WHEN ok IS NULL THEN 'not a JSON object' END AS __bad,
                {fields}
              FROM (
                SELECT lineno, line, bad,
                  CASE WHEN bad IS NULL AND json_valid(line)
                       THEN (CASE WHEN json_type(line) = 'OBJECT' THEN line END) END AS ok
                FROM _rp_batch
              )
            )
        """
        refresh_codes(con, f"SELECT trim(code) AS code FROM ({src})")
        staged = _finish(src, set(EVENT_COLUMNS), path)
        con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {staged}")
        con.unregister("_rp_batch")
        total += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return total


def _stage_csv(con, path: Path, progress: Progress | None) -> int:
    """Stage a CSV events file batch by batch; return the data rows read (blank lines skipped).

    Lines come from the shared pipeline (decompressed, BOM dropped, blank lines skipped, lines
    that are not UTF-8 flagged); each batch's other lines are parsed by Arrow's CSV parser as
    one block, one row per line, so every row keeps its line number and its text.
    """
    names = [h.strip() for h in next(csv.reader([read_first_line(path)]), [])]
    cols = set(names) & set(EVENT_COLUMNS)
    _check_columns(cols, path)
    keep = ", ".join(sorted(cols))
    src = (
        f"SELECT {keep}, __lineno AS lineno, __raw AS raw, NULL AS __bad, "
        f"{_date_expr(False)} AS __date FROM _rp_batch"
    )
    total = 0
    for batch in iter_line_batches(path, skip=1, reject_undecodable=True):
        table, rejected = _parse_csv_lines(batch, names)
        if table.num_rows:
            con.register("_rp_batch", table)
            refresh_codes(con, "SELECT trim(code) AS code FROM _rp_batch")
            con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_finish(src, cols, path)}")
            con.unregister("_rp_batch")
        if rejected.num_rows:
            con.register("_rp_bad", rejected)
            con.execute(
                f"INSERT INTO {PARSED_TABLE} (line, raw, reason) SELECT line, raw, reason "
                "FROM _rp_bad"
            )
            con.unregister("_rp_bad")
        total += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return total


def _parse_csv_lines(batch: pa.Table, names: list[str]) -> tuple[pa.Table, pa.Table]:
    """Parse a batch of CSV lines into (parsed rows, rejected rows), one row per line.

    The parsed rows have string columns ``names`` plus ``__lineno`` and ``__raw`` (the line);
    the rejected rows (not UTF-8, broken quoting, wrong column count) are
    ``line, raw, reason``. The lines are parsed by Arrow as one block; a quoted value left
    open would swallow the following lines, so when the rows do not match the lines one to
    one (or a line holds a carriage return, another row break for Arrow) the lines whose
    quoting is broken are found one by one and rejected, and the others parsed again.
    """
    flagged = pc.is_valid(batch.column("bad"))
    rejected = [_rejected(batch.filter(flagged), batch.filter(flagged).column("bad"))]
    lines = batch.filter(pc.invert(flagged))
    text = lines.column("line")
    parsed = None
    if not pc.any(pc.match_substring(text, "\r")).as_py():
        parsed = _read_csv_block(lines, names)
    if parsed is None:
        reasons = pa.array(_quoting_errors(text.to_pylist()), type=pa.string())
        broken = pc.is_valid(reasons)
        rejected.append(_rejected(lines.filter(broken), reasons.filter(broken)))
        lines = lines.filter(pc.invert(broken))
        parsed = _read_csv_block(lines, names)
        if parsed is None:
            raise RuntimeError("CSV rows do not match lines after rejecting broken quoting")
    table, invalid = parsed
    if invalid:
        at = pa.array([i for i, _ in invalid], type=pa.int64())
        reasons = pa.array([r for _, r in invalid], type=pa.string())
        rejected.append(_rejected(lines.take(at), reasons))
        keep = np.ones(lines.num_rows, dtype=bool)
        keep[at.to_numpy()] = False
        lines = lines.filter(pa.array(keep))
    table = table.append_column("__lineno", lines.column("lineno"))
    table = table.append_column("__raw", lines.column("line"))
    return table, pa.concat_tables(rejected)


def _rejected(lines: pa.Table, reasons: pa.Array | pa.ChunkedArray) -> pa.Table:
    """Rejected rows ``line, raw, reason`` of ``lines`` (a line batch) with ``reasons``."""
    return pa.table(
        {
            "line": lines.column("lineno"),
            "raw": lines.column("line"),
            "reason": reasons.cast(pa.string()),
        }
    )


def _read_csv_block(lines: pa.Table, names: list[str]) -> tuple[pa.Table, list] | None:
    """Arrow-parse ``lines`` as one CSV block: (rows, [(line index, reason)] of skipped rows).

    None when the rows and the lines do not correspond one to one (a row spanned lines).
    """
    import pyarrow.csv as pcsv

    if not lines.num_rows:
        return pa.table({n: pa.array([], type=pa.string()) for n in names}), []
    invalid: list[tuple[int, str]] = []

    def _invalid(row) -> str:
        if row.number is None:  # known when parsing single-threaded, as below
            raise RuntimeError("the CSV parser did not report an invalid row's number")
        reason = (
            f"expected {row.expected_columns} comma-separated columns, got {row.actual_columns}"
        )
        invalid.append((row.number - 1, reason))
        return "skip"

    text = lines.column("line").combine_chunks()
    offsets = pa.array([0, len(text)], type=pa.int32())
    block = pc.binary_join(pa.ListArray.from_arrays(offsets, text), "\n")
    table = pcsv.read_csv(
        pa.BufferReader(block[0].as_buffer()),
        read_options=pcsv.ReadOptions(column_names=names, use_threads=False),
        parse_options=pcsv.ParseOptions(invalid_row_handler=_invalid, newlines_in_values=False),
        convert_options=pcsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=True,
            null_values=[""],
        ),
    )
    if table.num_rows + len(invalid) != lines.num_rows:
        return None
    return table, invalid


def _quoting_errors(lines: list[str]) -> list[str | None]:
    """Per line, why it is not one complete CSV row on its own (None when it is)."""
    out: list[str | None] = []
    for line in lines:
        try:
            rows = list(csv.reader([line], strict=True))
        except csv.Error as exc:
            what = str(exc)
            if what.startswith("new-line character"):  # the csv module's words for it
                what = "carriage return outside quotes"
            out.append(f"malformed CSV line ({what}; a row must be on one line)")
            continue
        out.append(None if len(rows) == 1 else "not one CSV row (a row must be on one line)")
    return out


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse a realpolitik events file into the staging table; return the rows read.

    Rows read are the records of a Parquet file, the non-blank lines of a JSONL file and the
    non-blank lines after the header of a CSV file.
    """
    register_lookups(con)
    kind = kind_of(path)
    if kind == "parquet":
        return _stage_parquet(con, path, progress)
    if kind == "jsonl":
        return _stage_jsonl(con, path, progress)
    return _stage_csv(con, path, progress)


READER = register_reader(
    "events", "realpolitik events files (.jsonl, .csv or .parquet; EVENT_COLUMNS)", stage
)
