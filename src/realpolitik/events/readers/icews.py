"""Reader of ICEWS event files: the 20-column Dataverse release and the named-actor TSVs.

Three layouts are recognised from the header line (compared without case, surrounding double
quotes or a UTF-8 byte-order mark):

* the ICEWS release (Boschee et al., Harvard Dataverse doi:10.7910/DVN/28075), 20 columns
  ``Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text, CAMEO Code,
  Intensity, Target Name, Target Sectors, Target Country, Story ID, Sentence Number,
  Publisher, City, District, Province, Country, Latitude, Longitude``;
* the named-actor TSVs of the data kit (``date, source_name, event_text, target_name,
  cameo_code, goldstein``), and
* their country-attributed variant with ``source_iso3, source_kind, target_iso3,
  target_kind`` appended.

A file without a header line is rejected as a whole ("missing ICEWS header line"). When the
header is quoted (a re-export, e.g. R's ``write.table``), one pair of surrounding double quotes
is removed from every field of the body too. Dates are ``YYYY-MM-DD`` or ``M/D/YYYY`` (the
Dataverse 2017 file writes "12/1/2017").

Actor names become realpolitik codes in this order: in the release, a person the actor
dictionary knows on the event date (country and role both from the dictionary, so ICEWS's own
attribution cannot give a mixed code: it files Emmanuel Macron, co-prince of Andorra, under
Andorra); an international organisation (``UNSC``, ``NATO``: its code, whatever the country
column says); a country column of the file (ISO3, or a country name in the release); a named
person or organisation of ``data/store/icews_actor_country_map.tsv`` whose tenure covers the
event date; the name itself, through the project's ICEWS resolver
:func:`realpolitik.actors.icews.resolve_icews` (sector actors ``"<Sector> (<Country>)"`` with
the agent of ``data/actors/icews_sectors.tsv``, e.g. ``Government (China)`` → ``CHNGOV``;
countries; the actor dictionary). Where that resolver does not know the name, a country
spelling (``country_converter``'s names and ``data/store/icews_country_aliases.tsv``, matched
exactly) still places it, a sector actor then taking its agent from the same sector table.
Anything else is rejected as an unknown actor.

The country columns of the release (``Source Country``, ``Target Country``, ``Country``) hold
only country names, so there, and only there, a name no exact table knows is also matched
with ``country_converter``'s regular expressions (when exactly one country matches); actor
names never are, because those expressions turn "Martin Indyk" into Saint Martin and
"Islamic State of Iraq and the Levant" into Iraq.

Event texts without a code map through ``data/store/icews_eventtext_to_cameo.tsv``. A code
that is the event text's code with its leading zero lost (``20`` for "Make an appeal or
request", ``020``) is read as the event text's code; otherwise the file's code is used, and
a code of one or two digits is rejected (it would read as a root code: ``20`` is mass
violence). Goldstein scores and quad classes come from the CAMEO table.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path

import duckdb
import pandas as pd

from realpolitik.actors.codes import split_code
from realpolitik.actors.dictionary import ActorDictionary, ActorMatch
from realpolitik.actors.icews import icews_sector_agent, resolve_icews
from realpolitik.events.readers import _tables
from realpolitik.events.readers._cameo_tab import guess_format
from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    Progress,
    event_select,
    iter_line_batches,
    read_first_line,
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
    "resolve_country_field",
    "is_person",
    "is_organisation",
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

_LAYOUTS = (RELEASE_FIELDS, NAMED_ISO_FIELDS, NAMED_FIELDS)


# --------------------------------------------------------------------------- actor names


def _split(code: str) -> tuple[str, str]:
    """``(state or organisation code, agent suffix)`` of a resolver code (never sliced blindly)."""
    parts = split_code(code, ActorDictionary.default().base_codes)
    if parts is None:
        return code, ""
    return parts[0], parts[1] or ""


def is_organisation(code: str | None) -> bool:
    """Whether ``code`` is an international organisation's code (``UNSC``, ``NATO``)."""
    return code is not None and code in ActorDictionary.default().organisation_codes


def resolve_name(name: str) -> tuple[str | None, str]:
    """Date-independent resolution of an ICEWS actor name to ``(base code, agent)``.

    The name goes through :func:`realpolitik.actors.icews.resolve_icews` (one table of ICEWS
    sectors for the whole project); where that resolver knows neither the name nor, for a
    sector actor, the country in parentheses, an exact country spelling of
    ``country_converter`` or ``data/store/icews_country_aliases.tsv`` places it, with the
    sector's agent from the same sector table. Persons known to the actor dictionary are
    date-dependent (office-holders) and are not resolved here; see :func:`resolve_person`.

    Parameters
    ----------
    name
        An ICEWS actor name (``"Government (China)"``, ``"North Korea"``, ``"NATO"``).

    Returns
    -------
    tuple
        ``(base, agent)``: ``base`` is an ISO3 code, or an organisation code (then ``agent``
        is ``""``; see :func:`is_organisation`); ``(None, "")`` when the name is not known.

    Examples
    --------
    >>> resolve_name("Men (South Africa)")
    ('ZAF', 'CVL')
    >>> resolve_name("United Nations Security Council")
    ('UNSC', '')
    """
    base, agent, _ = _resolve_undated(name)
    return base, agent


def _resolve_undated(name: str) -> tuple[str | None, str, bool]:
    """``(base, agent, is a person)``; persons are left to :func:`resolve_person`."""
    n = name.strip()
    if not n:
        return None, "", False
    if is_person(n):
        return None, "", True
    code = resolve_icews(n)
    if code is not None:
        return (*_split(code), False)
    sector, parent = _sector_parts(n)
    if parent is not None:
        iso = _tables.country_name_to_iso3(parent)
        if iso is not None:
            return iso, icews_sector_agent(sector) or "", False
    # a country name that carries parentheses itself ("Falkland Islands (Malvinas)")
    return _tables.country_name_to_iso3(n), "", False


def _sector_parts(name: str) -> tuple[str, str | None]:
    """``(sector, parent)`` of ``"<Sector> (<Parent>)"``, split at the first ``" ("``.

    The parent may itself hold parentheses: ``"Citizen (Cocos (Keeling) Islands)"`` has
    parent ``"Cocos (Keeling) Islands"``. ``(name, None)`` for a name of another shape.
    """
    if not name.endswith(")"):
        return name, None
    sector, sep, rest = name.partition(" (")
    if not sep or not sector.strip() or not rest[:-1].strip():
        return name, None
    return sector.strip(), rest[:-1].strip()


def is_person(name: str) -> bool:
    """Whether the actor dictionary knows ``name`` as a person (resolved by date)."""
    match = _dictionary_match(name.strip(), None)
    return match is not None and match.kind == "person"


def resolve_person(name: str, on: dt.date) -> tuple[str | None, str]:
    """``(base code, agent)`` of a person the actor dictionary lists, on date ``on``.

    Resolved by :func:`realpolitik.actors.icews.resolve_icews`; ``(None, "")`` when the
    person holds no listed office on ``on``.
    """
    code = resolve_icews(name.strip(), on)
    return _split(code) if code is not None else (None, "")


def _dictionary_match(name: str, on: dt.date | None) -> ActorMatch | None:
    return ActorDictionary.default().resolve(name, on=on)


def resolve_country_field(name: str) -> str | None:
    """ISO3 code of a country name in the release's ``Source/Target Country`` or ``Country``.

    Exact spellings first (``country_converter``'s names, the ICEWS aliases, then the
    project's ICEWS resolver when it gives a state); then ``country_converter``'s regular
    expressions, used only when exactly one country matches. These fields hold nothing but
    country names, so the regular expressions cannot mistake a person or a group for a
    country here, as they would in an actor name.

    Parameters
    ----------
    name
        A country field value (``"Moldova, Republic of"``, ``"Guinea Bissau"``, ``"NA"``).

    Returns
    -------
    str or None
        The ISO3 code, or None (empty field, ``"NA"``, no country or several).
    """
    n = name.strip()
    if not n:
        return None
    iso = _tables.country_name_to_iso3(n)
    if iso is not None:
        return iso
    code = resolve_icews(n)
    if code is not None:
        base = _split(code)[0]
        if not is_organisation(base):
            return base
    hits = {iso3 for rx, iso3 in _country_patterns() if rx.search(n)}
    return hits.pop() if len(hits) == 1 else None


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    frame = _tables._coco_frame()
    return tuple(
        (re.compile(rx, re.IGNORECASE), iso3)
        for rx, iso3 in zip(frame["regex"], frame["ISO3"], strict=True)
        if rx
    )


# --------------------------------------------------------------------------- header


def _header_cell(cell: str) -> tuple[str, bool]:
    """``(cell without whitespace or surrounding quotes, case-folded, whether it was quoted)``."""
    c = cell.strip()
    quoted = len(c) >= 2 and c[0] == c[-1] == '"'
    if quoted:
        c = c[1:-1].replace('""', '"').strip()
    return c.casefold(), quoted


def _header_layout(first: str) -> tuple[tuple[str, ...] | None, bool]:
    """The layout whose header ``first`` is, and whether its cells are quoted."""
    cells = [_header_cell(c) for c in first.lstrip("\ufeff").rstrip("\r\n").split("\t")]
    names = tuple(c for c, _ in cells)
    quoted = all(q for _, q in cells)
    for fields in _LAYOUTS:
        if names == tuple(f.casefold() for f in fields):
            return fields, quoted
    return None, False


def _fields_sql(quoted: bool) -> str:
    """SQL list of the tab-separated fields of ``line`` (unquoted when the header was)."""
    split = "string_split(line, chr(9))"
    if not quoted:
        return split
    body = (
        "CASE WHEN length(x) >= 2 AND starts_with(x, '\"') AND ends_with(x, '\"') "
        "THEN replace(x[2:-2], '\"\"', '\"') ELSE x END"
    )
    # DuckDB 1.3 introduced ``lambda x: ...``; 2.0 rejects the older ``x -> ...`` by default
    new_syntax = tuple(int(p) for p in duckdb.__version__.split(".")[:2]) >= (1, 3)
    fn = f"lambda x: {body}" if new_syntax else f"x -> {body}"
    return f"list_transform({split}, {fn})"


def _date_sql(value: str) -> str:
    """SQL DATE of an ICEWS date text ``YYYY-MM-DD`` or ``M/D/YYYY``; NULL when invalid."""
    return (
        f"CASE WHEN regexp_full_match({value}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') "
        f"THEN try_cast({value} AS DATE) "
        f"WHEN regexp_full_match({value}, '[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}') "
        f"THEN CAST(try_strptime({value}, '%m/%d/%Y') AS DATE) END"
    )


# --------------------------------------------------------------------------- lookup tables


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
        "person BOOLEAN, org BOOLEAN)"
    )
    con.execute(
        "CREATE TEMP TABLE _rp_icews_dated (name VARCHAR, date DATE, iso3 VARCHAR, role VARCHAR)"
    )
    con.execute("CREATE TEMP TABLE _rp_icews_countries (name VARCHAR, iso3 VARCHAR)")


def _new_names(con, names_sql: str, table: str) -> list[str]:
    rows = con.execute(
        f"SELECT DISTINCT name FROM ({names_sql}) WHERE name IS NOT NULL AND name <> '' "
        f"AND name NOT IN (SELECT name FROM {table})"
    ).fetchall()
    return [r[0] for r in rows]


def _refresh_names(con, names_sql: str) -> None:
    new = _new_names(con, names_sql, "_rp_icews_names")
    if not new:
        return
    rows = []
    for name in new:
        base, agent, person = _resolve_undated(name)
        rows.append((name, base, agent, person, is_organisation(base)))
    frame = pd.DataFrame(rows, columns=["name", "iso3", "role", "person", "org"])
    con.register("_rp_src_names", frame)
    con.execute(
        "INSERT INTO _rp_icews_names SELECT CAST(name AS VARCHAR), CAST(iso3 AS VARCHAR), "
        "CAST(role AS VARCHAR), person, org FROM _rp_src_names"
    )
    con.unregister("_rp_src_names")


def _refresh_countries(con, names_sql: str) -> None:
    new = _new_names(con, names_sql, "_rp_icews_countries")
    if not new:
        return
    rows = [(name, resolve_country_field(name)) for name in new]
    con.register("_rp_src_countries", pd.DataFrame(rows, columns=["name", "iso3"]))
    con.execute(
        "INSERT INTO _rp_icews_countries SELECT CAST(name AS VARCHAR), CAST(iso3 AS VARCHAR) "
        "FROM _rp_src_countries"
    )
    con.unregister("_rp_src_countries")


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


# --------------------------------------------------------------------------- parsing


def _sql(fields: tuple[str, ...], batch: str, quoted: bool) -> str:
    ix = {f: i + 1 for i, f in enumerate(fields)}
    release = fields == RELEASE_FIELDS
    if release:
        date_c, src_c, tgt_c = ix["Event Date"], ix["Source Name"], ix["Target Name"]
        text_c, code_c = ix["Event Text"], ix["CAMEO Code"]
        s_hint = "sn.iso3"
        t_hint = "tn.iso3"
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
    code_field = fields[code_c - 1]
    date_expr = _date_sql(f"trim(f[{date_c}])")
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
        action_country="gc.iso3" if release else "NULL",
        row_hash=row_hash_sql("p.raw"),
        sentence_index=sent,
    )
    geo_join = f"LEFT JOIN _rp_icews_countries gc ON gc.name = {geo}" if release else ""
    hint_joins = (
        """LEFT JOIN _rp_icews_countries sn ON sn.name = q.s_hint_name
        LEFT JOIN _rp_icews_countries tn ON tn.name = q.t_hint_name"""
        if release
        else ""
    )
    return f"""
    WITH s AS (
        SELECT lineno, line AS raw, bad, {_fields_sql(quoted)} AS f FROM {batch}
    ), q AS (
        SELECT lineno, raw, bad, f, len(f) AS ncol,
            {date_expr} AS date,
            coalesce(trim(f[{src_c}]), '') AS sname,
            coalesce(trim(f[{tgt_c}]), '') AS tname,
            coalesce(trim(f[{text_c}]), '') AS etext,
            nullif(trim(f[{code_c}]), '') AS fcode,
            {s_hint_src} AS s_hint_name, {t_hint_src} AS t_hint_name
        FROM s
    ), p AS (
        SELECT q.*, et.cameo_code AS et_code,
            -- a code that is the event text's code without its leading zero is that code
            CASE WHEN q.fcode IS NULL OR '0' || q.fcode = et.cameo_code THEN et.cameo_code
                 ELSE q.fcode END AS code,
            CASE WHEN sr.org THEN sr.iso3
                 ELSE coalesce({s_first}{s_hint}, so.iso3, sd.iso3, sr.iso3) END AS s_iso,
            CASE WHEN sr.org THEN '' ELSE coalesce(sd.role, sr.role, '') END AS s_role,
            CASE WHEN tr.org THEN tr.iso3
                 ELSE coalesce({t_first}{t_hint}, tof.iso3, td.iso3, tr.iso3) END AS t_iso,
            CASE WHEN tr.org THEN '' ELSE coalesce(td.role, tr.role, '') END AS t_role
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
          WHEN p.bad IS NOT NULL THEN p.bad
          WHEN p.ncol <> {ncol} THEN format(
              'expected {ncol} tab-separated columns (ICEWS, as in the header), got {{}}', p.ncol)
          WHEN p.date IS NULL THEN format(
              'bad date "{{}}" in field {fields[date_c - 1]} (expected YYYY-MM-DD or M/D/YYYY)',
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
              'unknown event text "{{}}" (no CAMEO code in field {code_field})', p.etext)
          WHEN regexp_full_match(p.code, '[0-9]{{1,2}}') THEN format(
              'CAMEO code "{{}}" in field {code_field} has {{}} digit{{}}; event codes have 3 '
              'or 4 (a leading zero lost?){{}}', p.code, length(p.code),
              CASE WHEN length(p.code) = 1 THEN '' ELSE 's' END,
              CASE WHEN p.et_code IS NULL THEN ''
                   ELSE format('; event text "{{}}" is {{}}', p.etext, p.et_code) END)
          WHEN NOT k.known THEN format(
              'unknown CAMEO event code "{{}}" in field {code_field}', p.code)
        END AS reason,
        {select}
    FROM p
    LEFT JOIN _rp_codes k ON k.code = p.code
    {geo_join}
    """


def _reject_all_sql(batch: str, first: str) -> str:
    return f"""
    SELECT lineno AS line, line AS raw, '{_no_header_reason(first).replace("'", "''")}' AS reason,
        {", ".join(f"NULL AS {c}" for c in _stage_names())}
    FROM {batch}
    """


def _no_header_reason(first: str) -> str:
    """Why a file whose first line ``first`` is no ICEWS header cannot be read."""
    cells = first.split("\t")
    n = len(cells)
    fields = {len(f): f for f in _LAYOUTS}.get(n)
    if fields is None:
        hint = guess_format(n)
        return (
            "not an ICEWS file: the header does not match the ICEWS release (20 columns) or "
            f"the named-actor TSV layout; got {n} tab-separated columns"
            + (f" (this looks like {hint})" if hint else "")
        )
    layout = "ICEWS release" if fields == RELEASE_FIELDS else "ICEWS named-actor TSV"
    names = [_header_cell(c)[0] for c in cells]
    wrong = [(i, c) for i, c in enumerate(cells) if names[i] != fields[i].casefold()]
    if len(wrong) < n / 2:  # a header with a few unknown names
        i, cell = wrong[0]
        return (
            f'ICEWS header line not recognised: column {i + 1} is "{cell.strip()}", '
            f'expected "{fields[i]}" ({layout}, {n} columns)'
        )
    return (
        f"missing ICEWS header line: line 1 has the {n} columns of the {layout} but is not its "
        f'header (expected "{fields[0]}", "{fields[1]}", ...)'
    )


def _stage_names() -> list[str]:
    from realpolitik.events.readers._pipeline import STAGE_COLUMNS

    return list(STAGE_COLUMNS)


def _refresh_batch(con, fields: tuple[str, ...], quoted: bool) -> None:
    """Add the batch's codes, names, country fields and (person, date) pairs to the lookups."""
    ix = {f: i + 1 for i, f in enumerate(fields)}
    release = fields == RELEASE_FIELDS
    code_c = ix["CAMEO Code" if release else "cameo_code"]
    text_c = ix["Event Text" if release else "event_text"]
    date_c = ix["Event Date" if release else "date"]
    name_cs = [ix["Source Name" if release else "source_name"]]
    name_cs.append(ix["Target Name" if release else "target_name"])
    rows = f"(SELECT {_fields_sql(quoted)} AS f FROM _rp_batch)"
    date_expr = _date_sql(f"trim(f[{date_c}])")
    refresh_codes(
        con,
        f"SELECT nullif(trim(f[{code_c}]), '') AS code FROM {rows} "
        f"UNION ALL SELECT et.cameo_code AS code FROM {rows} b "
        f"JOIN _rp_icews_et et ON et.event_text = trim(b.f[{text_c}])",
    )
    _refresh_names(con, " UNION ".join(f"SELECT trim(f[{c}]) AS name FROM {rows}" for c in name_cs))
    if release:
        country_cs = [ix["Source Country"], ix["Target Country"], ix["Country"]]
        _refresh_countries(
            con, " UNION ".join(f"SELECT trim(f[{c}]) AS name FROM {rows}" for c in country_cs)
        )
    _refresh_dated(
        con,
        " UNION ".join(
            f"SELECT trim(f[{c}]) AS name, {date_expr} AS date FROM {rows}" for c in name_cs
        ),
    )


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse an ICEWS file into the staging table; return the number of lines read.

    A file whose first line is not a recognised ICEWS header has every line rejected: as
    "missing ICEWS header line" when the line has the column count of an ICEWS layout, else
    as "not an ICEWS file" with the format its column count suggests (e.g. GDELT 2.0).
    """
    _register_tables(con)
    first = read_first_line(path)
    fields, quoted = _header_layout(first) if first else (None, False)
    total = 0
    for batch in iter_line_batches(path, skip=1 if fields else 0, reject_undecodable=True):
        con.register("_rp_batch", batch)
        if fields is None:
            con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_reject_all_sql('_rp_batch', first)}")
        else:
            _refresh_batch(con, fields, quoted)
            con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_sql(fields, '_rp_batch', quoted)}")
        con.unregister("_rp_batch")
        total += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return total


READER = register_reader(
    "icews", "ICEWS: the 20-column release or the named-actor TSVs (header line required)", stage
)
