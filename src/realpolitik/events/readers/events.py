"""Reader of realpolitik's own event files (the coder's output): JSONL, CSV or Parquet.

The columns are :data:`realpolitik.events.record.EVENT_COLUMNS`; ``date``, ``source``,
``target`` and ``code`` are required, the others default as in :class:`~realpolitik.events.
record.Event`. ``root``, ``goldstein`` and ``quad_class`` are recomputed from ``code`` with
the CAMEO table, so every event in the store is scored the same way. The format follows the
file extension: ``.jsonl``/``.ndjson``/``.json`` (one JSON object per line), ``.csv``,
``.parquet``/``.pq``.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from realpolitik.errors import InputError
from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    STAGE_COLUMNS,
    Progress,
    iter_line_batches,
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


def kind_of(path: Path) -> str:
    """``jsonl``, ``csv`` or ``parquet`` from the extension; raises :class:`InputError`."""
    ext = path.suffix.lower()
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext == ".csv":
        return "csv"
    if ext in (".parquet", ".pq"):
        return "parquet"
    raise InputError(
        f"unknown events file extension {ext!r} (expected .jsonl, .csv or .parquet)",
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
    for batch in iter_line_batches(path):
        con.register("_rp_batch", batch)
        fields = ", ".join(f"json_extract_string(ok, '$.{c}') AS {c}" for c in EVENT_COLUMNS)
        src = f"""
            SELECT *, {_date_expr(False)} AS __date FROM (
              SELECT lineno, line AS raw,
                CASE WHEN trim(line) = '' THEN 'blank line'
                     WHEN NOT json_valid(line) THEN 'not valid JSON (truncated line?)'
                     WHEN ok IS NULL THEN 'not a JSON object' END AS __bad,
                {fields}
              FROM (
                SELECT lineno, line,
                  CASE WHEN json_valid(line) AND trim(line) <> ''
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
    import pyarrow.csv as pcsv

    with open(path, encoding="utf-8", errors="replace") as fh:
        header = fh.readline().rstrip("\r\n").split(",")
    cols = {h.strip().strip('"') for h in header} & set(EVENT_COLUMNS)
    _check_columns(cols, path)
    bad: list[tuple[int, str, str]] = []

    def _invalid(row) -> str:
        bad.append(
            (
                0,
                row.text or "",
                f"expected {row.expected_columns} "
                f"comma-separated columns, got {row.actual_columns}",
            )
        )
        return "skip"

    names = [h.strip().strip('"') for h in header]
    table = pcsv.read_csv(
        path,
        read_options=pcsv.ReadOptions(column_names=names, skip_rows=1),
        parse_options=pcsv.ParseOptions(invalid_row_handler=_invalid, newlines_in_values=False),
        convert_options=pcsv.ConvertOptions(
            column_types={n: pa.string() for n in names},
            strings_can_be_null=True,
            null_values=[""],
        ),
    )
    if bad:
        bad = _locate(path, bad)
    bad_lines = {b[0] for b in bad}
    n_lines = table.num_rows + len(bad)
    good_lines = [ln for ln in range(2, n_lines + 2) if ln not in bad_lines][: table.num_rows]
    table = table.append_column("lineno", pa.array(good_lines, type=pa.int64()))
    con.register("_rp_batch", table)
    keep = ", ".join(sorted(cols))
    src = (
        f"SELECT {keep}, lineno, NULL::VARCHAR AS raw, NULL AS __bad, "
        f"{_date_expr(False)} AS __date FROM _rp_batch"
    )
    refresh_codes(con, "SELECT trim(code) AS code FROM _rp_batch")
    con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_finish(src, cols, path)}")
    con.unregister("_rp_batch")
    if bad:
        import pandas as pd

        frame = pd.DataFrame(bad, columns=["line", "raw", "reason"])
        con.register("_rp_bad", frame)
        con.execute(f"INSERT INTO {PARSED_TABLE} (line, raw, reason) SELECT * FROM _rp_bad")
        con.unregister("_rp_bad")
    con.execute(
        f"UPDATE {PARSED_TABLE} SET raw = '(row ' || line || ')' "
        "WHERE reason IS NOT NULL AND raw IS NULL"
    )
    if progress is not None:
        progress(n_lines)
    return n_lines


def _locate(path: Path, bad: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """Line numbers of the rows the CSV parser skipped (matched in order by their text)."""
    out = []
    k = 0
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, text in enumerate(fh, start=1):
            if k < len(bad) and lineno > 1 and text.rstrip("\r\n") == bad[k][1]:
                out.append((lineno, bad[k][1], bad[k][2]))
                k += 1
    out.extend((0, b[1], b[2]) for b in bad[k:])
    return out


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse a realpolitik events file into the staging table; return the rows read."""
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
