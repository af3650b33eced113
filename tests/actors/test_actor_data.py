"""Integrity of the packaged actor tables: sources stated, dates valid, coverage as promised."""

import datetime as dt
from collections import defaultdict
from importlib import resources

from realpolitik.actors import ActorDictionary
from realpolitik.actors.dictionary import load_rows

FILES = ["states.tsv", "state_terms.tsv", "organisations.tsv", "roles.tsv", "phrases.tsv",
         "officeholders.tsv", "icews_sectors.tsv"]


def test_every_table_states_its_source():
    base = resources.files("realpolitik.data").joinpath("actors")
    for name in FILES:
        head = base.joinpath(name).read_text("utf-8").splitlines()[0]
        assert head.startswith("#"), name
    assert base.joinpath("README.md").is_file()


def _tenures():
    rows = load_rows("officeholders.tsv")
    out = defaultdict(list)
    for r in rows:
        end = dt.date.fromisoformat(r["end"]) if r["end"] else None
        out[r["name"]].append((dt.date.fromisoformat(r["start"]), end, r["code"], r["role"]))
    return rows, out


def test_officeholder_rows_are_well_formed():
    rows, _ = _tenures()
    d = ActorDictionary.default()
    for r in rows:
        assert d.is_code(r["code"]), r
        assert r["precision"] in ("d", "m", "y"), r
        start = dt.date.fromisoformat(r["start"])
        if r["end"]:
            assert dt.date.fromisoformat(r["end"]) >= start, r


def test_heads_cover_2000_to_2026_for_the_six_states_and_g20():
    """From 2000-01-01 on, every G20 state and North Korea always has a head of state or
    government in the table (acting heads of under a month are omitted: gaps <= 3 days)."""
    rows = load_rows("officeholders.tsv")
    heads = ("President", "Prime Minister", "Premier", "Chancellor", "King", "Supreme leader")
    states = "ARG AUS BRA CAN CHN DEU FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF PRK"
    for iso3 in states.split():
        spans = sorted(
            (
                dt.date.fromisoformat(r["start"]),
                dt.date.fromisoformat(r["end"]) if r["end"] else dt.date(2026, 12, 31),
            )
            for r in rows
            if r["code"] == iso3 + "GOV" and any(h in r["role"] for h in heads)
        )
        day = dt.date(2000, 1, 1)
        for s, e in spans:
            assert (s - day).days <= 3, (iso3, day, s)
            day = max(day, e)
        assert day >= dt.date(2025, 6, 30), iso3


def test_six_states_have_foreign_and_defence_ministers():
    rows = load_rows("officeholders.tsv")
    for iso3 in ("USA", "CHN", "PRK", "KOR", "JPN", "RUS"):
        roles = " ".join(r["role"] for r in rows if r["code"].startswith(iso3))
        assert "Foreign Minister" in roles or "Secretary of State" in roles, iso3
        assert "Defen" in roles or "Armed Forces" in roles, iso3
