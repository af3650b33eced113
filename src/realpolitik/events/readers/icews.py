"""Reader of ICEWS event files: the 20-column Dataverse release and the named-actor TSVs.

Three layouts are recognised from the header line:

* the ICEWS release (Boschee et al., Harvard Dataverse doi:10.7910/DVN/28075), 20 columns
  ``Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text, CAMEO Code,
  Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number,
  Publisher, City, District, Province, Country, Latitude, Longitude``;
* the named-actor TSVs of the data kit (``date, source_name, event_text, target_name,
  cameo_code, goldstein``), and
* their country-attributed variant with ``source_iso3, source_kind, target_iso3,
  target_kind`` appended.

Actor names become realpolitik codes in this order: in the release, a person the actor
dictionary knows on the event date (country and role both from the dictionary, so ICEWS's own
attribution cannot give a mixed code: it files Emmanuel Macron, co-prince of Andorra, under
Andorra); a country column of the file (ISO3, or a country name in the release); a named
person or organisation of
``data/store/icews_actor_country_map.tsv`` whose tenure covers the event date; a sector actor
``"<Sector> (<Country>)"`` (country by name, role suffix from
``data/store/icews_sector_roles.tsv``, e.g. ``Government (China)`` → ``CHNGOV``); a country
name (``North Korea`` → ``PRK``); the actor dictionary (:mod:`realpolitik.actors`, when
installed). Anything else is rejected as an unknown actor. Event texts without a code map
through ``data/store/icews_eventtext_to_cameo.tsv``. Goldstein scores and quad classes come
from the CAMEO table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from realpolitik.events.readers import _tables
from realpolitik.events.readers._cameo_tab import guess_format
from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    Progress,
    event_select,
    iter_line_batches,
    refresh_codes,
    register_lookups,
    row_hash_sql,
)
from realpolitik.events.readers._registry import register_reader

__all__ = [
    "RELEASE_FIELDS",
    "NAMED_FIELDS",
    "NAMED_ISO_FIELDS",
    "stage",
    "resolve_name",
    "resolve_person",
    "is_person",
    "READER",
]

RELEASE_FIELDS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
NAMED_FIELDS = ("date", "source_name", "event_text", "target_name", "cameo_code", "goldstein")
NAMED_ISO_FIELDS = NAMED_FIELDS + ("source_iso3", "source_kind", "target_iso3", "target_kind")


def resolve_name(name: str) -> tuple[str | None, str]:
    """Date-independent resolution of an ICEWS actor name to ``(iso3, role)``.

    Persons known to the actor dictionary are date-dependent (office-holders) and are not
    resolved here; see :func:`resolve_person`.

    Parameters
    ----------
    name
        An ICEWS actor name (``"Government (China)"``, ``"North Korea"``).

    Returns
    -------
    tuple
        ``(iso3 or None, role suffix or "")``; ``None`` when the name is not a sector actor,
        a country, or known to the actor dictionary.
    """
    n = name.strip()
    if not n:
        return None, ""
    if n.endswith(")") and " (" in n:
        sector, _, country = n[:-1].rpartition(" (")
        iso = _tables.country_name_to_iso3(country)
        if iso is not None:
            return iso, _tables.icews_sector_roles().get(sector.strip(), "")
    iso = _tables.country_name_to_iso3(n)
    if iso is not None:
        return iso, ""
    match = _dictionary_match(n, None)
    if match is not None and match.kind != "person":
        return match.code[:3], match.code[3:]
    return None, ""


def is_person(name: str) -> bool:
    """Whether the actor dictionary knows ``name`` as a person (resolved by date)."""
    match = _dictionary_match(name.strip(), None)
    return match is not None and match.kind == "person"


def resolve_person(name: str, on: dt.date) -> tuple[str | None, str]:
    """``(iso3, role)`` of a person the actor dictionary lists, on date ``on`` (else None)."""
    match = _dictionary_match(name.strip(), on)
    if match is None:
        return None, ""
    return match.code[:3], match.code[3:]


def _dictionary_match(name: str, on: dt.date | None):
    try:
        from realpolitik.actors import ActorDictionary
    except ImportError:
        return None
    return ActorDictionary.default().resolve(name, on=on)


def _header_layout(first: str) -> tuple[str, ...] | None:
    cols = tuple(c.strip() for c in first.rstrip("\r").split("\t"))
    for fields in (RELEASE_FIELDS, NAMED_ISO_FIELDS, NAMED_FIELDS):
        if cols == fields:
            return fields
    return None


def _register_tables(con) -> None:
    register_lookups(con)
    q = "SELECT count(*) FROM duckdb_tables() WHERE table_name = '_rp_icews_off' AND temporary"
    if con.execute(q).fetchall()[0][0]:
        return
    con.register("_rp_src_off", _tables.icews_officials())
    con.execute(
        "CREATE TEMP TABLE _rp_icews_off AS SELECT CAST(name AS VARCHAR) AS name, "
        "CAST(iso3 AS VARCHAR) AS iso3, CAST(start AS DATE) AS start, "
        'CAST("end" AS DATE) AS stop FROM _rp_src_off'
    )
    con.unregister("_rp_src_off")
    con.register("_rp_src_et", _tables.icews_eventtext_table())
    con.execute(
        "CREATE TEMP TABLE _rp_icews_et AS SELECT CAST(event_text AS VARCHAR) AS event_text, "
        "any_value(CAST(cameo_code AS VARCHAR)) AS cameo_code FROM _rp_src_et GROUP BY 1"
    )
    con.unregister("_rp_src_et")
    con.execute(
        "CREATE TEMP TABLE _rp_icews_names (name VARCHAR, iso3 VARCHAR, role VARCHAR, "
        "person BOOLEAN)"
    )
    con.execute(
        "CREATE TEMP TABLE _rp_icews_dated (name VARCHAR, date DATE, iso3 VARCHAR, role VARCHAR)"
    )


def _refresh_names(con, names_sql: str) -> None:
    new = con.execute(
        f"SELECT DISTINCT name FROM ({names_sql}) WHERE name IS NOT NULL AND name <> '' "
        "AND name NOT IN (SELECT name FROM _rp_icews_names)"
    ).fetchall()
    if not new:
        return
    rows = [(r[0], *resolve_name(r[0]), is_person(r[0])) for r in new]
    con.register("_rp_src_names", pd.DataFrame(rows, columns=["name", "iso3", "role", "person"]))
    con.execute(
        "INSERT INTO _rp_icews_names SELECT CAST(name AS VARCHAR), CAST(iso3 AS VARCHAR), "
        "CAST(role AS VARCHAR), person FROM _rp_src_names"
    )
    con.unregister("_rp_src_names")


def _refresh_dated(con, pairs_sql: str) -> None:
    """Resolve (person name, date) pairs of the batch not yet in ``_rp_icews_dated``."""
    new = con.execute(
        f"SELECT DISTINCT q.name, q.date FROM ({pairs_sql}) q "
        "JOIN _rp_icews_names n ON n.name = q.name AND n.person "
        "WHERE q.date IS NOT NULL AND NOT EXISTS (SELECT 1 FROM _rp_icews_dated d "
        "WHERE d.name = q.name AND d.date = q.date)"
    ).fetchall()
    if not new:
        return
    rows = [(name, day, *resolve_person(name, day)) for name, day in new]
    con.register("_rp_src_dated", pd.DataFrame(rows, columns=["name", "date", "iso3", "role"]))
    con.execute(
        "INSERT INTO _rp_icews_dated SELECT CAST(name AS VARCHAR), CAST(date AS DATE), "
        "CAST(iso3 AS VARCHAR), CAST(role AS VARCHAR) FROM _rp_src_dated"
    )
    con.unregister("_rp_src_dated")


def _sql(fields: tuple[str, ...], batch: str) -> str:
    ix = {f: i + 1 for i, f in enumerate(fields)}
    release = fields == RELEASE_FIELDS
    if release:
        date_c, src_c, tgt_c = ix["Event Date"], ix["Source Name"], ix["Target Name"]
        text_c, code_c = ix["Event Text"], ix["CAMEO Code"]
        s_hint = "sn.iso3_of_country"
        t_hint = "tn.iso3_of_country"
        s_hint_src = f"nullif(trim(f[{ix['Source Country']}]), '')"
        t_hint_src = f"nullif(trim(f[{ix['Target Country']}]), '')"
        doc = f"coalesce(f[{ix['Event ID']}], '')"
        sent = f"coalesce(try_cast(f[{ix['Sentence Number']}] AS INTEGER), -1)"
        geo = f"nullif(trim(f[{ix['Country']}]), '')"
    else:
        date_c, src_c, tgt_c = ix["date"], ix["source_name"], ix["target_name"]
        text_c, code_c = ix["event_text"], ix["cameo_code"]
        if "source_iso3" in ix:
            s_hint = f"nullif(trim(f[{ix['source_iso3']}]), '')"
            t_hint = f"nullif(trim(f[{ix['target_iso3']}]), '')"
        else:
            s_hint = t_hint = "NULL"
        s_hint_src = t_hint_src = "NULL"
        doc = "'icews:' || substr(md5(p.raw), 1, 16)"
        sent = "-1"
        geo = "NULL"
    ncol = len(fields)
    # Release rows: a dated dictionary match of a person outranks the file's country column.
    s_first, t_first = ("sd.iso3, ", "td.iso3, ") if release else ("", "")
    select = event_select(
        dataset="icews",
        coder="ICEWS (BBN ACCENT)",
        source="p.s_iso || p.s_role",
        target="p.t_iso || p.t_role",
        source_name="p.sname",
        target_name="p.tname",
        doc_id=doc,
        text="p.etext",
        action_country="gc.iso3_of_country" if release else "NULL",
        row_hash=row_hash_sql("p.raw"),
        sentence_index=sent,
    )
    geo_join = (
        f"LEFT JOIN (SELECT name, iso3 AS iso3_of_country FROM _rp_icews_names) gc "
        f"ON gc.name = {geo}"
        if release
        else ""
    )
    hint_joins = (
        """LEFT JOIN (SELECT name, iso3 AS iso3_of_country FROM _rp_icews_names) sn
            ON sn.name = q.s_hint_name
        LEFT JOIN (SELECT name, iso3 AS iso3_of_country FROM _rp_icews_names) tn
            ON tn.name = q.t_hint_name"""
        if release
        else ""
    )
    return f"""
    WITH s AS (
        SELECT lineno, line AS raw, string_split(line, chr(9)) AS f FROM {batch}
    ), q AS (
        SELECT lineno, raw, f, len(f) AS ncol,
            CASE WHEN regexp_full_match(trim(f[{date_c}]), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')
                 THEN try_cast(trim(f[{date_c}]) AS DATE) END AS date,
            coalesce(trim(f[{src_c}]), '') AS sname,
            coalesce(trim(f[{tgt_c}]), '') AS tname,
            coalesce(trim(f[{text_c}]), '') AS etext,
            nullif(trim(f[{code_c}]), '') AS fcode,
            {s_hint_src} AS s_hint_name, {t_hint_src} AS t_hint_name
        FROM s
    ), p AS (
        SELECT q.*, coalesce(q.fcode, et.cameo_code) AS code,
            coalesce({s_first}{s_hint}, so.iso3, sd.iso3, sr.iso3) AS s_iso,
            coalesce(sd.role, sr.role, '') AS s_role,
            coalesce({t_first}{t_hint}, tof.iso3, td.iso3, tr.iso3) AS t_iso,
            coalesce(td.role, tr.role, '') AS t_role
        FROM q
        LEFT JOIN _rp_icews_et et ON et.event_text = q.etext
        LEFT JOIN _rp_icews_off so
            ON so.name = q.sname AND q.date BETWEEN so.start AND so.stop
        LEFT JOIN _rp_icews_off tof
            ON tof.name = q.tname AND q.date BETWEEN tof.start AND tof.stop
        LEFT JOIN _rp_icews_names sr ON sr.name = q.sname
        LEFT JOIN _rp_icews_names tr ON tr.name = q.tname
        LEFT JOIN _rp_icews_dated sd ON sd.name = q.sname AND sd.date = q.date
        LEFT JOIN _rp_icews_dated td ON td.name = q.tname AND td.date = q.date
        {hint_joins}
    )
    SELECT p.lineno AS line, p.raw AS raw,
        CASE
          WHEN trim(p.raw) = '' THEN 'blank line'
          WHEN p.ncol <> {ncol} THEN format(
              'expected {ncol} tab-separated columns (ICEWS, as in the header), got {{}}', p.ncol)
          WHEN p.date IS NULL THEN format(
              'bad date "{{}}" in field {fields[date_c - 1]} (expected YYYY-MM-DD)',
              coalesce(f[{date_c}], ''))
          WHEN p.sname = '' THEN 'empty actor: field {fields[src_c - 1]} is empty'
          WHEN p.tname = '' THEN 'empty actor: field {fields[tgt_c - 1]} is empty'
          WHEN p.s_iso IS NULL THEN format(
              'unknown actor "{{}}" in field {fields[src_c - 1]} (not a country, sector actor '
              'or listed official)', p.sname)
          WHEN p.t_iso IS NULL THEN format(
              'unknown actor "{{}}" in field {fields[tgt_c - 1]} (not a country, sector actor '
              'or listed official)', p.tname)
          WHEN p.code IS NULL THEN format(
              'unknown event text "{{}}" (no CAMEO code in field {fields[code_c - 1]})', p.etext)
          WHEN NOT k.known THEN format(
              'unknown CAMEO event code "{{}}" in field {fields[code_c - 1]}', p.code)
        END AS reason,
        {select}
    FROM p
    LEFT JOIN _rp_codes k ON k.code = p.code
    {geo_join}
    """


def _reject_all_sql(batch: str, first: str) -> str:
    n = len(first.split("\t"))
    hint = guess_format(n)
    msg = (
        "not an ICEWS file: the header does not match the ICEWS release (20 columns) or the "
        f"named-actor TSV layout; got {n} tab-separated columns"
        + (f" (this looks like {hint})" if hint else "")
    ).replace("'", "''")
    return f"""
    SELECT lineno AS line, line AS raw, '{msg}' AS reason,
        {", ".join(f"NULL AS {c}" for c in _stage_names())}
    FROM {batch}
    """


def _stage_names() -> list[str]:
    from realpolitik.events.readers._pipeline import STAGE_COLUMNS

    return list(STAGE_COLUMNS)


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse an ICEWS file into the staging table; return the number of lines read.

    A file whose first line is not a recognised ICEWS header has every line rejected, with a
    reason naming the format its column count suggests (e.g. GDELT 2.0).
    """
    _register_tables(con)
    with open(path, encoding="utf-8", errors="replace") as fh:
        first = fh.readline()
    fields = _header_layout(first) if first else None
    total = 0
    for batch in iter_line_batches(path, skip=1 if fields else 0):
        con.register("_rp_batch", batch)
        if fields is None:
            con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_reject_all_sql('_rp_batch', first)}")
        else:
            ix = {f: i + 1 for i, f in enumerate(fields)}
            code_c = ix.get("CAMEO Code", ix.get("cameo_code"))
            text_c = ix.get("Event Text", ix.get("event_text"))
            refresh_codes(
                con,
                f"SELECT coalesce(nullif(trim(string_split(line, chr(9))[{code_c}]), ''), "
                f"(SELECT cameo_code FROM _rp_icews_et WHERE event_text = "
                f"trim(string_split(line, chr(9))[{text_c}]))) AS code FROM _rp_batch",
            )
            name_cols = [
                ix.get("Source Name", ix.get("source_name")),
                ix.get("Target Name", ix.get("target_name")),
            ]
            if fields == RELEASE_FIELDS:
                name_cols += [ix["Source Country"], ix["Target Country"], ix["Country"]]
            union = " UNION ".join(
                f"SELECT trim(string_split(line, chr(9))[{c}]) AS name FROM _rp_batch"
                for c in name_cols
            )
            _refresh_names(con, union)
            dcol = ix.get("Event Date", ix.get("date"))
            d_expr = (
                f"CASE WHEN regexp_full_match(trim(string_split(line, chr(9))[{dcol}]), "
                f"'[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') THEN "
                f"TRY_CAST(trim(string_split(line, chr(9))[{dcol}]) AS DATE) END"
            )
            pairs = " UNION ".join(
                f"SELECT trim(string_split(line, chr(9))[{c}]) AS name, {d_expr} AS date "
                "FROM _rp_batch"
                for c in name_cols[:2]
            )
            _refresh_dated(con, pairs)
            con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_sql(fields, '_rp_batch')}")
        con.unregister("_rp_batch")
        total += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return total


READER = register_reader(
    "icews", "ICEWS: the 20-column release or the named-actor TSVs (header line required)", stage
)
