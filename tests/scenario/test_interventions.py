"""Interventions: validation, composition, contradictions, application to a state."""

from __future__ import annotations

import numpy as np
import pytest

from realpolitik.errors import InputError, ValidationError
from realpolitik.scenario import bundled_scenario, bundled_scenario_path, load_scenario
from realpolitik.scenario.interventions import apply_interventions, compose, parse_interventions
from realpolitik.scenario.state import ScenarioState, Uncertainty

KOREA = bundled_scenario_path()


def korea_with(tmp_path, extra: str, replace: tuple[str, str] | None = None):
    text = KOREA.read_text()
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    p = tmp_path / "k.yaml"
    p.write_text(text + extra)
    return p


def test_bundled_interventions_compose_and_apply():
    s = bundled_scenario()
    ivs = parse_interventions(s.interventions)
    assert {"us_engagement_package", "china_coal_ban", "dprk_missile_test",
            "six_party_resumption"} <= {i.id for i in ivs}
    base = ScenarioState.from_scenario(s)
    after = apply_interventions(base, compose(ivs, ["us_engagement_package"]))
    i_usa, i_prk = base.actor_index("USA"), base.actor_index("PRK")
    k = base.issue_index("security_guarantees")
    assert after.position[k, i_usa] == 70
    assert after.propensity[i_usa, i_prk] == pytest.approx(base.propensity[i_usa, i_prk] + 0.6)
    assert np.allclose(after.propensity, after.propensity.T)
    # the baseline is untouched
    assert base.position[k, i_usa] == 30


def test_composition_of_two_interventions():
    s = bundled_scenario()
    ivs = parse_interventions(s.interventions)
    base = ScenarioState.from_scenario(s)
    both = apply_interventions(base, compose(ivs, ["china_coal_ban", "us_engagement_package"]))
    i_chn, i_prk = base.actor_index("CHN"), base.actor_index("PRK")
    assert both.propensity[i_chn, i_prk] == pytest.approx(base.propensity[i_chn, i_prk] - 0.3)
    assert both.capability[i_prk] == pytest.approx(0.9 * base.capability[i_prk])


def test_contradictory_interventions_are_an_error():
    s = bundled_scenario()
    ivs = parse_interventions(s.interventions)
    with pytest.raises(InputError, match="contradictory"):
        compose(ivs, ["six_party_resumption", "dprk_missile_test"])


def test_two_sets_of_one_quantity_contradict(tmp_path):
    extra = ""
    p = korea_with(
        tmp_path,
        extra,
        (
            "  - id: china_coal_ban\n",
            "  - id: rival\n    description: r\n    includes: [us_engagement_package]\n"
            "    changes:\n      - {what: position, actor: USA, issue: sanctions, set: 10}\n"
            "  - id: china_coal_ban\n",
        ),
    )
    with pytest.raises(ValidationError, match="contradictory"):
        load_scenario(p)


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        ("{what: position, actor: USA, issue: security_guarantees, set: 70,",
         "{what: position, actor: USA, issue: trade, set: 70,", "unknown issue 'trade'"),
        ("{what: relation, a: USA, b: PRK, add: 0.6,", "{what: relation, a: USA, b: XXX, add: 0.6,",
         "unknown actor 'XXX'"),
        ("{what: capability, actor: PRK, multiply: 0.9,",
         "{what: capability, actor: PRK, multiply: 0.9, add: 1,", "exactly one of"),
        ("excludes: [dprk_missile_test]", "excludes: [nope]", "unknown intervention 'nope'"),
    ],
)
def test_bad_interventions(tmp_path, old, new, expect):
    p = korea_with(tmp_path, "", (old, new))
    with pytest.raises(ValidationError, match=expect):
        load_scenario(p)


def test_cli_reports_bad_intervention_exit_2(run_cli, tmp_path):
    p = korea_with(tmp_path, "", ("issue: security_guarantees, set: 70,", "issue: nope, set: 70,"))
    res = run_cli("scenario", "validate", p)
    assert res.exit_code == 2
    assert "unknown issue 'nope'" in res.stderr


def test_perturbation_is_seeded_and_valid():
    base = ScenarioState.from_scenario(bundled_scenario())
    unc = Uncertainty(position_sd=30, salience_sd=30, capability_cv=0.5, propensity_sd=0.8)
    a = base.perturbed(np.random.default_rng(7), unc)
    b = base.perturbed(np.random.default_rng(7), unc)
    assert np.array_equal(a.position, b.position) and np.array_equal(a.propensity, b.propensity)
    assert (a.position >= 0).all() and (a.position <= 100).all()
    assert (a.salience >= 0).all() and (a.salience <= 100).all()
    assert (a.capability > 0).all()
    assert np.allclose(a.propensity, a.propensity.T) and np.abs(a.propensity).max() <= 1
