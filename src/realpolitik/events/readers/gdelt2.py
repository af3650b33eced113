"""Reader of GDELT 2.0 event files (``*.export.CSV``: 61 tab-separated columns, no header).

Actor codes come from ``Actor{1,2}CountryCode`` (CAMEO country codes; ISO3 except for the
codes listed in ``data/store/cameo_country_codes.tsv``) plus ``Actor{1,2}Type1Code`` as the
role suffix; an actor with a ``KnownGroupCode`` (``UNO``, ``NAT``, ``EEC``) whose country code is
empty or only a CAMEO region takes the group code (GDELT codes NATO ``IGOWSTNAT``: region ``WST``,
group ``NAT``), under realpolitik's organisation code where it differs (``NAT`` → ``NATO``,
``EEC`` → ``EU``: :data:`realpolitik.events.readers._cameo_tab.GROUP_CODES`).
``ActionGeo_CountryCode`` is FIPS 10-4 and is mapped to ISO3 (``data/store/fips_to_iso3.tsv``;
a code the table lacks leaves the location unknown, the event is kept). Goldstein score and
quad class come from the CAMEO table (:mod:`realpolitik.events.cameo`, GDELT quad classes), not
from the file.

References
----------
The GDELT Project, *GDELT 2.0 Event Database Codebook* (V2.0, 2015), field list and order.
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.events.readers._cameo_tab import TabLayout, stage_tab
from realpolitik.events.readers._pipeline import Progress
from realpolitik.events.readers._registry import register_reader

__all__ = ["LAYOUT", "FIELDS", "gdelt_layout", "stage", "READER"]

#: GDELT 2.0 event table fields, in file order.
FIELDS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode "
    "Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode "
    "Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale "
    "NumMentions NumSources NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code "
    "Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code "
    "Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code "
    "ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def gdelt_layout(
    name: str, fields: tuple[str, ...] | list[str], ncols: tuple[int, ...]
) -> TabLayout:
    """The tab layout of a GDELT event file with these ``fields`` (1.0 and 2.0 share names)."""
    idx = {f: i + 1 for i, f in enumerate(fields)}
    return TabLayout(
        name=name,
        ncols=ncols,
        date=idx["SQLDATE"],
        date_format="%Y%m%d",
        id=idx["GLOBALEVENTID"],
        src_country=idx["Actor1CountryCode"],
        src_group=idx["Actor1KnownGroupCode"],
        src_role=idx["Actor1Type1Code"],
        src_name=idx["Actor1Name"],
        tgt_country=idx["Actor2CountryCode"],
        tgt_group=idx["Actor2KnownGroupCode"],
        tgt_role=idx["Actor2Type1Code"],
        tgt_name=idx["Actor2Name"],
        code=idx["EventCode"],
        geo=idx["ActionGeo_CountryCode"],
        geo_kind="fips",
        url=idx["SOURCEURL"],
        coder="GDELT",
        field_names={i + 1: f for i, f in enumerate(fields)},
    )


LAYOUT = gdelt_layout("gdelt2", FIELDS, (61,))


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse a GDELT 2.0 event file into the staging table; return lines read."""
    return stage_tab(con, path, LAYOUT, progress)


READER = register_reader("gdelt2", "GDELT 2.0 event files (61 tab-separated columns)", stage)
