"""Scenario files: the bundled one validates; every kind of bad input is reported clearly."""

from __future__ import annotations

import textwrap

import pytest

from realpolitik.errors import InputError, ValidationError
from realpolitik.scenario import bundled_scenario, bundled_scenario_path, load_scenario

GOOD = """\
name: tiny
actors:
  - {id: A, name: Aland, capability: 2}
  - {id: B, name: Bland, capability: 1}
issues:
  - id: x
    description: an issue
    scale: {low: none, high: all}
    status_quo: 10
    positions:
      A: {position: 20, salience: 50}
      B: {position: 80, salience: 60}
relations:
  - {a: A, b: B, propensity: -0.5}
"""


def write(tmp_path, text, name="s.yaml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text))
    return p


def test_bundled_korea_scenario_is_valid():
    s = bundled_scenario("korea-2017")
    assert s.actor_ids == ["USA", "CHN", "PRK", "ROK", "JPN", "RUS"]
    assert len(s.issues) >= 3
    assert s.actor("ROK").event_code == "KOR"
    m = s.propensity_matrix()
    assert (m == m.T).all()


def test_korea_capabilities_are_cinc_2016(shared_data):
    import pandas as pd

    nmc = pd.read_csv(shared_data / "ir" / "cow_nmc_1990_2022.csv")
    nmc = nmc[nmc.year == 2016].set_index("stateabb").cinc
    for a in bundled_scenario().actors:
        assert a.capability == pytest.approx(nmc[a.id], abs=5e-5)


def test_korea_relations_match_their_derivation(shared_data):
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    res = subprocess.run(
        [sys.executable, str(root / "scripts" / "derive_korea_relations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0, res.stdout + res.stderr


def test_good_scenario_loads(tmp_path):
    s = load_scenario(write(tmp_path, GOOD))
    assert s.issue_frame("x").position.tolist() == [20, 80]


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        ("salience: 60", "salience: 160", "positions.B.salience"),
        ("capability: 1}", "capability: 0}", "actors[1].capability"),
        ("capability: 1}", "capability: .nan}", "actors[1].capability"),
        ("status_quo: 10", "status_quo: 10\n    colour: red", "issues[0].colour: unknown key"),
        ("      B: {position: 80, salience: 60}\n", "", "actor 'B' has no position"),
        ("{a: A, b: B,", "{a: A, b: Z,", "unknown actor 'Z'"),
        ("propensity: -0.5", "propensity: -1.5", "relations[0].propensity"),
        ("name: tiny\n", "", "name: missing required key"),
    ],
)
def test_bad_scenarios_name_the_field(tmp_path, old, new, expect):
    assert old in GOOD
    p = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(ValidationError) as info:
        load_scenario(p)
    msg = str(info.value)
    assert expect in msg
    assert str(p) in msg
    assert "\n" not in msg


def test_every_problem_is_reported_with_lines(tmp_path):
    from realpolitik.scenario import validate_scenario_file

    text = GOOD.replace("salience: 60", "salience: 160")
    text = text.replace("capability: 1}", "capability: -1}")
    problems = validate_scenario_file(write(tmp_path, text))
    assert len(problems) == 2
    assert all(p.line for p in problems)
    sal = next(p for p in problems if "salience" in p.path)
    assert text.splitlines()[sal.line - 1].strip().startswith("B:")


def test_asymmetric_relations_rejected(tmp_path):
    text = GOOD + "  - {a: B, b: A, propensity: 0.5}\n"
    with pytest.raises(ValidationError, match="symmetric"):
        load_scenario(write(tmp_path, text))


@pytest.mark.parametrize(
    ("content", "expect"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"name: [unclosed", "not valid YAML"),
        (b"- just\n- a list\n", "mapping"),
        (b"\xff\xfe bad", "UTF-8"),
    ],
)
def test_unreadable_files(tmp_path, content, expect):
    p = tmp_path / "bad.yaml"
    p.write_bytes(content)
    with pytest.raises(InputError, match=expect):
        load_scenario(p)


def test_empty_scenario(tmp_path):
    with pytest.raises(ValidationError, match="actors"):
        load_scenario(write(tmp_path, "name: empty\nactors: []\n"))


def test_cli_validate_ok_and_bad(run_cli, tmp_path):
    ok = run_cli("scenario", "validate", bundled_scenario_path())
    assert ok.exit_code == 0, ok.stderr
    bad = write(tmp_path, GOOD.replace("salience: 60", "salience: 160"))
    res = run_cli("scenario", "validate", bad)
    assert res.exit_code == 2
    assert "salience" in res.stderr and "Traceback" not in res.stderr
    js = run_cli("scenario", "validate", bad, "--format", "json")
    assert js.exit_code == 2
    assert js.json()["problems"][0]["path"].endswith("salience")


def test_cli_missing_file_exits_2(run_cli, tmp_path):
    res = run_cli("scenario", "validate", tmp_path / "nope.yaml")
    assert res.exit_code == 2
    assert "nope.yaml" in res.stderr
