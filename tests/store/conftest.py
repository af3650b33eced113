"""Builders of small synthetic event files in the real layouts (GDELT 1.0/2.0, Phoenix, ICEWS)."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.events.readers import gdelt1, gdelt2, phoenix

BASE = dict(
    GLOBALEVENTID="1",
    SQLDATE="20180919",
    MonthYear="201809",
    Year="2018",
    FractionDate="2018.7151",
    Actor1Code="KORGOV",
    Actor1Name="SOUTH KOREA",
    Actor1CountryCode="KOR",
    Actor1Type1Code="GOV",
    Actor2Code="PRK",
    Actor2Name="NORTH KOREA",
    Actor2CountryCode="PRK",
    IsRootEvent="1",
    EventCode="036",
    EventBaseCode="036",
    EventRootCode="03",
    QuadClass="1",
    GoldsteinScale="4.0",
    NumMentions="10",
    NumSources="2",
    NumArticles="10",
    AvgTone="1.5",
    ActionGeo_Type="1",
    ActionGeo_FullName="North Korea",
    ActionGeo_CountryCode="KN",
    DATEADDED="20180919101500",
    SOURCEURL="https://example.org/a",
)


def gdelt_line(fields, **kw) -> str:
    d = {f: "" for f in fields}
    d.update({k: v for k, v in BASE.items() if k in d})
    d.update(kw)
    return "\t".join(d[f] for f in fields)


def phoenix_line(**kw) -> str:
    d = {f: "" for f in phoenix.FIELDS}
    d.update(
        EventID="p1",
        Date="20180919",
        Year="2018",
        Month="9",
        Day="19",
        SourceActorFull="KORGOV",
        SourceActorEntity="KOR",
        SourceActorRole="GOV",
        TargetActorFull="PRK",
        TargetActorEntity="PRK",
        EventCode="036",
        EventRootCode="03",
        PentaClass="1",
        GoldsteinScore="4.0",
        CountryCode="PRK",
        URLs="https://example.org/p",
    )
    d.update(kw)
    return "\t".join(d[f] for f in phoenix.FIELDS)


@pytest.fixture
def write(tmp_path):
    def _write(name: str, lines: list[str], end: str = "\n") -> Path:
        p = tmp_path / name
        p.write_text("\n".join(lines) + (end if lines else ""), encoding="utf-8")
        return p

    return _write


@pytest.fixture
def g2line():
    return lambda **kw: gdelt_line(gdelt2.FIELDS, **kw)


@pytest.fixture
def g1line():
    return lambda n=58, **kw: gdelt_line(gdelt1.FIELDS[:n], **kw)


@pytest.fixture
def pxline():
    return phoenix_line
