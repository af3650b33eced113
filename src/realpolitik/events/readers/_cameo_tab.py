"""The common reader of CAMEO-coded, tab-separated data sets (GDELT 1.0/2.0, Phoenix).

Each format module describes its column layout with a :class:`TabLayout`; this module turns
the layout into one DuckDB query that splits the lines, parses and validates every field and
maps actor and location codes, batch by batch.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    Progress,
    event_select,
    iter_line_batches,
    refresh_codes,
    register_lookups,
    row_hash_sql,
)

__all__ = ["TabLayout", "stage_tab", "guess_format"]

#: CAMEO actor-type prefixes of non-state actors that Phoenix codes in the entity field.
NON_STATE_ENTITIES = ("IGO", "NGO", "IMG", "MNC")

#: CAMEO known-group codes stored under realpolitik's organisation code instead
#: (``data/actors/organisations.tsv``, which the ICEWS reader and the coder use), so that one
#: organisation has one code across data sets: CAMEO's ``EEC`` is the European Union, ``NAT``
#: NATO. Group codes not listed (``UNO``, ``IMF``, ...) are already realpolitik's codes or are
#: kept as CAMEO has them.
GROUP_CODES = {"EEC": "EU", "NAT": "NATO"}


@dataclass(frozen=True)
class TabLayout:
    """Where the fields of one tab-separated event format are (1-based column numbers).

    Attributes
    ----------
    name
        Format name, also the ``dataset`` value of its events.
    ncols
        Accepted numbers of columns.
    date, date_format
        Column of the event day and its ``strptime`` format.
    id
        Column of the row's own id (``doc_id``).
    src_country, src_group, src_role, src_name
        Columns of actor 1's country code, known-group/non-state code, role and raw name
        (``src_group`` may be 0 for none).
    tgt_country, tgt_group, tgt_role, tgt_name
        The same for actor 2.
    code
        Column of the CAMEO event code.
    geo
        Column of the event location's country code; ``geo_kind`` says its code system
        (``fips`` for GDELT, ``iso3`` for Phoenix); 0 for none.
    url
        Column of the source URL(s) (``text``); 0 for none.
    coder
        Name of the coder that produced the data set.
    field_names
        Column number → field name, for messages.
    date_regex
        Pattern the date text must match in full (``strptime`` alone accepts ``2018091``).
    """

    name: str
    ncols: tuple[int, ...]
    date: int
    date_format: str
    id: int
    src_country: int
    src_group: int
    src_role: int
    src_name: int
    tgt_country: int
    tgt_group: int
    tgt_role: int
    tgt_name: int
    code: int
    geo: int
    geo_kind: str
    url: int
    coder: str
    field_names: dict[int, str]
    date_regex: str = "[0-9]{8}"


_KNOWN_COUNTS = {
    57: "GDELT 1.0 (57 columns) — use --format gdelt1",
    58: "GDELT 1.0 (58 columns) — use --format gdelt1",
    61: "GDELT 2.0 (61 columns) — use --format gdelt2",
    26: "Phoenix (26 columns) — use --format phoenix",
    20: "ICEWS (20 columns) — use --format icews",
    6: "ICEWS named-actor TSV (6 columns) — use --format icews",
    10: "ICEWS named-actor TSV (10 columns) — use --format icews",
}


def guess_format(ncols: int) -> str | None:
    """Which known event format has ``ncols`` tab-separated columns (a hint for messages)."""
    return _KNOWN_COUNTS.get(ncols)


def _hint_sql(expected: str) -> str:
    cases = " ".join(
        f"WHEN {n} THEN ' (this looks like {hint})'" for n, hint in _KNOWN_COUNTS.items()
    )
    return f"CASE len(f) {cases} ELSE '' END"


def _actor_sql(country: int, group: int, role: int, name: int, side: str) -> tuple[str, str]:
    """(code expression, reason expression) of one actor; joins alias ``{side}c`` on _rp_cc."""
    # Phoenix writes "---" for an unknown entity: the same as an empty field
    cc = f"nullif(nullif(trim(f[{country}]), ''), '---')"
    grp = f"nullif(trim(f[{group}]), '')" if group else "NULL"
    mapped = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in GROUP_CODES.items())
    org = f"CASE {grp} {mapped} ELSE {grp} END"
    rl = f"coalesce(trim(f[{role}]), '')" if role else "''"
    non_state = ", ".join(f"'{p}'" for p in NON_STATE_ENTITIES)
    # A known-group code (UNO, NAT, EEC) names the actor when the country code is empty or
    # only a CAMEO region: GDELT codes NATO as IGOWSTNAT (country WST "the West", group NAT).
    code = (
        f"CASE WHEN {grp} IS NOT NULL AND ({cc} IS NULL OR {side}c.kind = 'region') THEN {org} "
        f"WHEN {side}c.iso3 IS NOT NULL THEN {side}c.iso3 || {rl} "
        f"WHEN {cc} IN ({non_state}) THEN coalesce(nullif(trim(f[{name}]), ''), {cc}) END"
    )
    # Rows without a state or organisation on a side are well formed but not dyadic: they are
    # recorded as rejected with what they lack, not as malformed.
    nm = f"coalesce(trim(f[{name}]), '')"
    reason = (
        f"CASE WHEN {cc} IS NULL AND {grp} IS NULL AND {rl} = '' AND {nm} = '' THEN "
        f"'no {side} actor (a one-sided event; the store keeps dyadic events)' "
        f"WHEN {cc} IS NULL AND {grp} IS NULL THEN format('{side} actor has no country or "
        f'known-group code (role "{{}}", name "{{}}"); the store keeps events between '
        f"states or organisations', {rl}, {nm}) "
        f"WHEN {cc} IS NOT NULL AND {side}c.iso3 IS NULL AND {cc} NOT IN "
        f'({non_state}) THEN format(\'unknown actor country code "{{}}" for {side} '
        f"(expected ISO3 or a CAMEO country/region code)', {cc}) END"
    )
    return code, reason


def _sql(layout: TabLayout, batch: str) -> str:
    L = layout
    src_code, src_reason = _actor_sql(L.src_country, L.src_group, L.src_role, L.src_name, "source")
    tgt_code, tgt_reason = _actor_sql(L.tgt_country, L.tgt_group, L.tgt_role, L.tgt_name, "target")
    counts = ", ".join(str(n) for n in L.ncols)
    expected = " or ".join(str(n) for n in L.ncols)
    # The location is optional: a code the tables do not know (GDELT's FIPS table lacks it,
    # Phoenix's geocoder wrote "NA" for a failed lookup) leaves action_country NULL and the
    # event is kept; only an actor or event code that cannot be read rejects a row.
    geo = f"nullif(trim(f[{L.geo}]), '')" if L.geo else "NULL"
    if L.geo_kind == "fips":
        geo_join = f"LEFT JOIN _rp_fips g ON g.fips = {geo}"
        geo_val = "g.iso3"
    else:
        geo_join = f"LEFT JOIN _rp_cc g ON g.cameo = {geo}"
        geo_val = "CASE WHEN g.kind <> 'region' THEN g.iso3 END"
    date_field = L.field_names[L.date]
    date_hint = L.date_format.replace("%Y", "YYYY").replace("%m", "MM").replace("%d", "DD")
    code_field = L.field_names[L.code]
    url = f"coalesce(f[{L.url}], '')" if L.url else "''"
    select = event_select(
        dataset=L.name,
        coder=L.coder,
        source=src_code,
        target=tgt_code,
        source_name=f"coalesce(f[{L.src_name}], '')",
        target_name=f"coalesce(f[{L.tgt_name}], '')",
        doc_id=f"coalesce(f[{L.id}], '')",
        text=url,
        action_country=geo_val,
        row_hash=row_hash_sql("p.raw"),
    )
    return f"""
    WITH s AS (
        SELECT lineno, line AS raw, bad, string_split(line, chr(9)) AS f FROM {batch}
    ), p AS (
        SELECT lineno, raw, bad, f, len(f) AS ncol,
               CASE WHEN regexp_full_match(trim(f[{L.date}]), '{L.date_regex}') THEN
                 CAST(try_strptime(trim(f[{L.date}]), '{L.date_format}') AS DATE) END AS date,
               nullif(trim(f[{L.code}]), '') AS code
        FROM s
    )
    SELECT p.lineno AS line, p.raw AS raw,
        CASE
          WHEN p.bad IS NOT NULL THEN p.bad
          WHEN p.ncol NOT IN ({counts}) THEN format(
              'expected {expected} tab-separated columns ({L.name}), got {{}}{{}}',
              p.ncol, {_hint_sql(expected).replace("len(f)", "p.ncol")})
          WHEN p.date IS NULL THEN format(
              'bad date \"{{}}\" in field {date_field} (expected {date_hint})',
              coalesce(f[{L.date}], ''))
          WHEN {src_reason} IS NOT NULL THEN {src_reason}
          WHEN {tgt_reason} IS NOT NULL THEN {tgt_reason}
          WHEN p.code IS NULL THEN 'empty CAMEO event code in field {code_field}'
          WHEN regexp_full_match(p.code, '[0-9]{{1,2}}') THEN format(
              'CAMEO code \"{{}}\" in field {code_field} has {{}} digit(s); event codes have '
              '3 or 4 (a leading zero lost?)', p.code, length(p.code))
          WHEN NOT k.known THEN format(
              'unknown CAMEO event code \"{{}}\" in field {code_field}', p.code)
        END AS reason,
        {select}
    FROM p
    LEFT JOIN _rp_cc sourcec ON sourcec.cameo = nullif(trim(f[{L.src_country}]), '')
    LEFT JOIN _rp_cc targetc ON targetc.cameo = nullif(trim(f[{L.tgt_country}]), '')
    LEFT JOIN _rp_codes k ON k.code = p.code
    {geo_join}
    """


def stage_tab(con, path: Path, layout: TabLayout, progress: Progress | None = None) -> int:
    """Parse a tab-separated event file into ``_rp_parsed``; return the number of lines read.

    Parameters
    ----------
    con
        DuckDB connection holding ``_rp_parsed`` (see
        :func:`realpolitik.events.readers._pipeline.create_parsed_table`).
    path
        The file.
    layout
        Its column layout.
    progress
        Called with the number of lines of each batch.

    Returns
    -------
    int
        Lines read (good and rejected).
    """
    register_lookups(con)
    total = 0
    for batch in iter_line_batches(path, reject_undecodable=True):
        con.register("_rp_batch", batch)
        refresh_codes(
            con,
            f"SELECT nullif(trim(string_split(line, chr(9))[{layout.code}]), '') AS code "
            "FROM _rp_batch",
        )
        con.execute(f"INSERT INTO {PARSED_TABLE} BY NAME {_sql(layout, '_rp_batch')}")
        con.unregister("_rp_batch")
        total += batch.num_rows
        if progress is not None:
            progress(batch.num_rows)
    return total
