"""Actor arguments: codes, codes with role suffixes, and names through the dictionary.

A name is never read as a state code plus letters (Indonesia was India, Turkmenistan
Turkey, Belize Belgium).
"""

from __future__ import annotations

import pandas as pd
import pytest

from realpolitik.errors import UnknownActorError
from realpolitik.relations import normalize_actor


def _ev(date, s, t, code, modality=None):
    row = {"date": date, "source": s, "target": t, "code": code}
    if modality is not None:
        row["modality"] = modality
    return row


@pytest.mark.parametrize(
    ("name", "code"),
    [("Indonesia", "IDN"), ("Turkmenistan", "TKM"), ("Belize", "BLZ"), ("India", "IND")],
)
def test_country_names_resolve_to_their_own_state(name, code):
    assert normalize_actor(name) == code
    assert normalize_actor(name, exact=True) == code


@pytest.mark.parametrize("name", ["Israel", "Russia", "Australia", "France", "Canada", "ISRAEL"])
def test_exact_names_are_not_read_as_code_plus_letters(name):
    code = normalize_actor(name, exact=True)
    assert len(code) == 3 and code == normalize_actor(name)


def test_codes_with_role_suffixes_are_still_codes():
    assert normalize_actor("PRKMIL", exact=True) == "PRKMIL"
    assert normalize_actor("prkmil") == "PRK"
    assert normalize_actor("usagovmil", exact=True) == "USAGOVMIL"
    assert normalize_actor("ROM") == "ROU"  # CAMEO Romania
    assert normalize_actor("usa") == "USA"
    assert normalize_actor("ROK") == "KOR"  # not a code: the dictionary's alias
    with pytest.raises(UnknownActorError):
        normalize_actor("USAXYZ")  # a state with a suffix that is no CAMEO agent code
    with pytest.raises(UnknownActorError):
        normalize_actor("Atlantis")


def test_no_state_name_the_dictionary_knows_is_taken_for_a_code():
    from importlib.resources import files

    from realpolitik.actors import ActorDictionary

    table = files("realpolitik.data") / "actors" / "states.tsv"
    with table.open("r", encoding="utf-8") as fh:
        states = pd.read_csv(fh, sep="\t", comment="#", keep_default_na=False)
    d = ActorDictionary.default()
    checked = 0
    for name in states["name"]:
        match = d.resolve(name)
        if match is not None:
            assert normalize_actor(name, exact=True) == match.code, name
            checked += 1
    assert checked > 200


def test_cli_indonesia_is_not_india(run_cli, synthetic_store):
    db = synthetic_store(
        [_ev("2018-09-03", "IDN", "USA", "040"), _ev("2018-09-04", "IND", "USA", "190")]
        + [_ev("2018-09-05", "IND", "USA", "190")]
    )
    d = run_cli("relations", "--source", "Indonesia", "--target", "USA", "--db", db, "-f", "json")
    assert d.exit_code == 0, d.stderr
    d = d.json()
    assert d["source"] == "IDN" and [s["n_events"] for s in d["series"]] == [1]
    r = run_cli(
        "relations", "--source", "Israel", "--target", "USA", "--exact", "--db", db, "-f", "json"
    )
    assert r.exit_code == 0 and r.json()["source"] == "ISR"
