"""Actor resolution against the PLOVER gold-standard records (CAMEO 1.1b3 manual sentences)."""

import json

from realpolitik.actors import ActorDictionary

_NON_STATE = {"IGO", "NGO", "IMG", "MNC"}


def _gold_actors(record):
    for side in ("source", "target"):
        actors = record.get(side) or []
        if isinstance(actors, dict):
            actors = [actors]
        for a in actors:
            if isinstance(a, dict) and a.get("code"):
                code = {"JAP": "JPN"}.get(a["code"], a["code"])  # one non-ISO code in the file
                if code not in _NON_STATE and len(code) == 3:
                    yield code, a.get("sector") or ""


def test_plover_gold_actor_countries_are_found(shared_data):
    d = ActorDictionary.default()
    records = json.loads((shared_data / "events" / "plover_gsr.json").read_text())[1:]
    n = country_hits = exact_hits = 0
    for r in records:
        found = d.find_mentions(r["text"])
        countries = {d.country_of(m.code) for m in found}
        codes = {m.code for m in found}
        for code, sector in _gold_actors(r):
            n += 1
            country_hits += code in countries
            exact_hits += (code + sector) in codes
    assert n == 597
    # measured 2026-11-22: 562/597 countries (94.1 %), 364/597 exact codes (61.0 %)
    assert country_hits / n >= 0.93
    assert exact_hits / n >= 0.60
