import csv
import datetime as dt

import pytest

from realpolitik.actors import ActorDictionary, resolve_icews
from realpolitik.actors.icews import icews_sector_agent


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Citizen (North Korea)", "PRKCVL"),
        ("Government (China)", "CHNGOV"),
        ("Military (Russia)", "RUSMIL"),
        ("Military Personnel - Special (Russia)", "RUSMIL"),
        ("Head of Government (South Korea)", "KORGOV"),
        ("Foreign Affairs (Japan)", "JPNGOV"),
        ("Police (Hong Kong)", "HKGCOP"),
        ("Media (Palestinian Territory, Occupied)", "PSEMED"),
        ("Security Council (United Nations)", "UNO"),
        ("North Korea", "PRK"),
        ("South Korea", "KOR"),
        ("United States", "USA"),
        ("Chongwadai", "KORGOV"),
    ],
)
def test_resolve_icews_names(name, expected):
    assert resolve_icews(name) == expected


def test_persons_by_date():
    assert resolve_icews("Kim Jong-Un", dt.date(2014, 3, 1)) == "PRKGOV"
    assert resolve_icews("Sergey Viktorovich Lavrov", dt.date(2014, 3, 1)) == "RUSGOV"
    assert resolve_icews("Barack Obama", dt.date(2014, 3, 1)) == "USAGOV"
    assert resolve_icews("Barack Obama", dt.date(2006, 3, 1)) is None


def test_unmapped_sector_gives_the_state_and_unknown_parent_none():
    assert icews_sector_agent("Whatever") is None
    assert resolve_icews("Whatever (Japan)") == "JPN"
    assert resolve_icews("Militant (Taliban)") is None
    assert resolve_icews("Nobody In Particular") is None
    assert resolve_icews("") is None


def test_kit_actor_map_resolves_to_the_same_country(shared_data):
    """Every curated ICEWS person/organisation that resolves must land in its kit country."""
    d = ActorDictionary.default()
    path = shared_data / "events" / "icews" / "icews_actor_country_map.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    resolved = wrong = 0
    for r in rows:
        start, end = dt.date.fromisoformat(r["start"]), dt.date.fromisoformat(r["end"])
        mid = start + (min(end, dt.date(2026, 1, 1)) - start) / 2
        c = resolve_icews(r["name"], mid)
        if c is None:
            continue
        resolved += 1
        wrong += d.country_of(c) != r["iso3"]
    assert wrong == 0
    assert resolved >= 175 and len(rows) == 182


def test_six_state_sector_actors_agree_with_kit_attribution(shared_data):
    """Sector and country actors in the kit's six-state ICEWS 2014 file all resolve correctly."""
    d = ActorDictionary.default()
    path = shared_data / "events" / "icews" / "icews_2014_named.tsv"
    n = ok = 0
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            for side in ("source", "target"):
                if r[f"{side}_kind"] not in ("sector", "country"):
                    continue
                n += 1
                c = resolve_icews(r[f"{side}_name"])
                ok += c is not None and d.country_of(c) == r[f"{side}_iso3"]
    assert n > 10_000
    assert ok == n
