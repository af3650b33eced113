"""Reader of Phoenix event files (26 tab-separated columns, no header).

Actors: ``*ActorEntity`` is the CAMEO country code (mapped as for GDELT) and ``*ActorRole``
the role suffix; non-state entities (``IGO``, ``NGO``, ``IMG``, ``MNC``) keep their full
Phoenix actor code. ``CountryCode`` (geolocation) is ISO3. The stored quad class is GDELT's
scheme (so series from all data sets are comparable); Phoenix's own ``PentaClass`` and
Goldstein columns are not used — both come from the CAMEO table.

References
----------
Open Event Data Alliance, *Phoenix Data Project* data description (2015): the 26 fields
``EventID, Date, Year, Month, Day, SourceActorFull, SourceActorEntity, SourceActorRole,
SourceActorAttribute, TargetActorFull, TargetActorEntity, TargetActorRole,
TargetActorAttribute, EventCode, EventRootCode, PentaClass, GoldsteinScore, Issues, Lat, Lon,
LocationName, StateName, CountryCode, SentenceID, URLs, NewsSources``.
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.events.readers._cameo_tab import TabLayout, stage_tab
from realpolitik.events.readers._pipeline import Progress
from realpolitik.events.readers._registry import register_reader

__all__ = ["LAYOUT", "FIELDS", "stage", "READER"]

FIELDS = (
    "EventID Date Year Month Day SourceActorFull SourceActorEntity SourceActorRole "
    "SourceActorAttribute TargetActorFull TargetActorEntity TargetActorRole "
    "TargetActorAttribute EventCode EventRootCode PentaClass GoldsteinScore Issues Lat Lon "
    "LocationName StateName CountryCode SentenceID URLs NewsSources"
).split()

_IDX = {name: i + 1 for i, name in enumerate(FIELDS)}

LAYOUT = TabLayout(
    name="phoenix",
    ncols=(26,),
    date=_IDX["Date"],
    date_format="%Y%m%d",
    id=_IDX["EventID"],
    src_country=_IDX["SourceActorEntity"],
    src_group=0,
    src_role=_IDX["SourceActorRole"],
    src_name=_IDX["SourceActorFull"],
    tgt_country=_IDX["TargetActorEntity"],
    tgt_group=0,
    tgt_role=_IDX["TargetActorRole"],
    tgt_name=_IDX["TargetActorFull"],
    code=_IDX["EventCode"],
    geo=_IDX["CountryCode"],
    geo_kind="iso3",
    url=_IDX["URLs"],
    coder="PETRARCH (Phoenix)",
    field_names={i + 1: name for i, name in enumerate(FIELDS)},
)


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse a Phoenix event file into the staging table; return lines read."""
    return stage_tab(con, path, LAYOUT, progress)


READER = register_reader("phoenix", "Phoenix event files (26 tab-separated columns)", stage)
