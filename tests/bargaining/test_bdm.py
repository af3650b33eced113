"""BDM expected-utility model: published figures, closed forms, properties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.bargaining import BargainingProblem, BDMOptions, preset, run_bdm
from realpolitik.bargaining.bdm import risk_exponents, run_bdm_arrays
from realpolitik.errors import InputError

# Scholz, Calbert & Smith (2011), Table 2 (ICAART version), rounds 1-8, Q = 1.0
TABLE2_MEDIAN = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]
TABLE2_MEAN = [7.4, 7.5, 7.6, 7.3, 7.3, 7.4, 7.5, 7.6]


def P(actors, c, x, s, **kw):
    return BargainingProblem.from_arrays(actors, c, x, s, **kw)


@pytest.fixture
def emissions(shared_data):
    return BargainingProblem.from_csv(shared_data / "bargaining" / "emissions_bdm1994.csv")


def _matches(values, targets, how):
    f = (lambda v: math.floor(v * 10 + 1e-9) / 10) if how == "truncate" else (
        lambda v: math.floor(v * 10 + 0.5) / 10)
    return sum(abs(f(v) - t) < 1e-9 for v, t in zip(values, targets, strict=True))


def test_scholz_code_table2(emissions):
    res = run_bdm(emissions, "scholz-code", rounds=8)
    assert res.rounds[0].median == 7.0
    assert res.rounds[0].mean == pytest.approx(7.38996, abs=5e-6)
    med = [r.median for r in res.rounds[1:]]
    mean = [r.mean for r in res.rounds[1:]]
    # Exact trajectory of this implementation (regression guard, 3 decimals)
    assert [round(v, 3) for v in med] == [8.416, 9.611, 9.962, 9.962, 9.962, 7.472, 8.825,
                                          9.671]
    assert [round(v, 3) for v in mean] == [7.461, 7.553, 7.59, 7.358, 7.349, 7.415, 7.51,
                                           7.572]
    # Agreement with the published Table 2 (see docs/bargaining.md): rounded to one
    # decimal 7 of 16 figures agree; truncated to one decimal 13 of 16 agree. The issue's
    # target is 15 rounded; these are the real figures, not that target.
    rounded = _matches(med, TABLE2_MEDIAN, "round") + _matches(mean, TABLE2_MEAN, "round")
    truncated = _matches(med, TABLE2_MEDIAN, "truncate") + _matches(mean, TABLE2_MEAN,
                                                                     "truncate")
    assert rounded == 7
    assert truncated == 13
    # the shape Scholz et al. describe: the median rises to ~9.9, holds, falls back and rises
    assert med[0] == pytest.approx(8.4, abs=0.05) and med[6] == pytest.approx(8.8, abs=0.05)
    assert all(v > 9.5 for v in med[1:5]) and med[5] < 7.5


def test_unordered_pair_denominator_table2(emissions):
    # The all-pairs denominator summed over unordered pairs (half the ordered sum, so every
    # probability doubles): 10 of 16 Table 2 figures agree rounded, 10 truncated.
    opt = preset("scholz-code", probability_denominator="scholz-code-unordered")
    res = run_bdm(emissions, opt, rounds=8)
    med = [r.median for r in res.rounds[1:]]
    mean = [r.mean for r in res.rounds[1:]]
    assert [round(v, 3) for v in med] == [8.31, 9.52, 9.938, 9.938, 9.938, 7.424, 8.681,
                                          9.564]
    assert [round(v, 3) for v in mean] == [7.456, 7.547, 7.587, 7.367, 7.359, 7.415, 7.503,
                                           7.565]
    assert _matches(med, TABLE2_MEDIAN, "round") + _matches(mean, TABLE2_MEAN, "round") == 10
    assert (_matches(med, TABLE2_MEDIAN, "truncate")
            + _matches(mean, TABLE2_MEAN, "truncate")) == 10


def test_unordered_denominator_is_half_the_ordered_one():
    # Halving the denominator doubles every probability (closed form on three actors).
    from realpolitik.bargaining.bdm import _probabilities

    x = np.array([[0.0, 0.0, 10.0]])
    w = np.array([[1.0, 0.5, 2.0]])
    ones = np.ones_like(x)
    rng = np.array([10.0])
    p_ord = _probabilities(x, w, ones, rng, "scholz-code")
    p_un = _probabilities(x, w, ones, rng, "scholz-code-unordered")
    np.testing.assert_allclose(p_un, 2.0 * p_ord)
    # votes on (0 vs 10) are +1, +0.5, -2 (sum of |v| = 3.5); four ordered pairs of actors
    # at different positions give 14, the two unordered ones 7
    assert p_ord[0, 0, 2] == pytest.approx(1.5 / 14.0)
    assert p_un[0, 0, 2] == pytest.approx(1.5 / 7.0)
    assert p_un[0, 2, 0] == pytest.approx(2.0 / 7.0)


def test_scholz_paper_trajectory(emissions):
    res = run_bdm(emissions, "scholz-paper", rounds=8)
    assert [r.median for r in res.rounds] == [7.0] * 9
    assert [round(r.mean, 3) for r in res.rounds] == [7.39, 7.267, 7.23, 7.222, 7.214, 7.118,
                                                      7.123, 7.142, 7.098]
    first = res.rounds[1].positions
    assert round(first["France"], 2) == 7.0 and round(first["Germany"], 2) == 6.81


def test_two_actors_closed_form():
    # A: c=3, s=50; B: c=1, s=50; positions 0 and 100; paper preset.
    # P_AB = 3/4, E_AB = 2 - 4 s (1 - P) = 1.5, E_BA = 0.5 (risk-neutral)
    # security S_A = E_BA = 0.5, S_B = 1.5 -> R_A = -1, R_B = 1 -> r_A = 2, r_B = 1/2
    # B (r = 1/2) sees E_BA = 2 - 2 + 0.5 (0.25*2 - 0.75*2) + 1 - (2 - 4/sqrt 2) < E_AB:
    # B loses the conflict and moves to A's position.
    p = P("AB", [3, 1], [0, 100], [50, 50])
    res = run_bdm(p, "scholz-paper", rounds=3)
    r1 = res.rounds[1]
    assert r1.risk_exponents["A"] == pytest.approx(2.0)
    assert r1.risk_exponents["B"] == pytest.approx(0.5)
    assert r1.octants["B"]["A"] == "conflict-lose"
    assert r1.positions == {"A": 0.0, "B": 0.0}
    assert res.forecast == 0.0 and res.converged is False


def test_all_at_one_position():
    p = P("ABCD", [1, 2, 3, 4], [42, 42, 42, 42], [10, 20, 30, 40])
    for name in ("scholz-paper", "scholz-code"):
        res = run_bdm(p, name, rounds=4)
        assert res.forecast == 42.0 and res.mean == 42.0
        assert all(set(r.positions.values()) == {42.0} for r in res.rounds)
        assert all(v == "none" for r in res.rounds[1:] for d in r.octants.values()
                   for v in d.values())


def test_symmetric_case():
    p = P("ABC", [1, 1, 1], [0, 50, 100], [50, 50, 50])
    res = run_bdm(p, "scholz-code", rounds=5)
    r1 = res.rounds[1]
    assert r1.risk_exponents["A"] == pytest.approx(r1.risk_exponents["C"])
    assert [r.median for r in res.rounds] == [50.0] * 6
    assert all(r.mean == pytest.approx(50.0) for r in res.rounds)
    assert r1.octants["A"]["B"] == r1.octants["C"]["B"]


def test_dominated_actor():
    # a bloc of three strong, committed actors and one weak, indifferent outlier
    p = P("ABCD", [1, 1, 1, 0.01], [40, 40, 40, 90], [80, 80, 80, 5])
    for name in ("scholz-paper", "scholz-code"):
        res = run_bdm(p, name, rounds=6)
        assert [r.median for r in res.rounds] == [40.0] * 7
        d = [r.positions["D"] for r in res.rounds]
        assert all(b <= a for a, b in zip(d, d[1:], strict=False)) and d[-1] < 90
        assert all(r.positions["A"] == 40.0 for r in res.rounds)


def test_risk_exponent_range():
    r = risk_exponents(np.array([[0.0, 1.0, 2.0], [5.0, 5.0, 5.0]]))
    np.testing.assert_allclose(r[0], [2.0, 1.0, 0.5])
    np.testing.assert_allclose(r[1], [1.0, 1.0, 1.0])


def test_tolerance_stops_and_options_validated():
    p = P("AB", [3, 1], [0, 100], [50, 50])
    res = run_bdm(p, "scholz-paper", rounds=10, tolerance=1e-9)
    assert res.converged and len(res.rounds) == 3  # round 2 moves nobody
    with pytest.raises(InputError, match="offer_selection"):
        BDMOptions(offer_selection="random")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="preset"):
        preset("nope")
    with pytest.raises(InputError):
        BDMOptions(q=1.5)


def test_result_views(emissions):
    res = run_bdm(emissions, rounds=2)
    d = res.to_dict()
    assert d["rounds"][0]["round"] == 0 and d["preset"] == "scholz-code"
    assert set(d["rounds"][0]["positions"]) == set(emissions.actors)
    assert len(res.to_frame()) == 3 * 10
    assert list(res.trajectory().columns) == ["round", "median", "mean"]


@st.composite
def problems(draw):
    n = draw(st.integers(2, 7))
    # integer positions: exact ties between actors occur and are handled exactly
    x = [float(v) for v in draw(st.lists(st.integers(0, 100), min_size=n, max_size=n))]
    c = draw(st.lists(st.floats(0.05, 5.0), min_size=n, max_size=n))
    s = draw(st.lists(st.floats(1.0, 100.0), min_size=n, max_size=n))
    return P([f"a{i}" for i in range(n)], c, x, s)


@settings(max_examples=40, deadline=None)
@given(problems(), st.sampled_from(["scholz-paper", "scholz-code"]),
       st.sampled_from([0.125, 0.5, 2.0, 16.0]), st.randoms(use_true_random=False))
def test_bdm_properties(p, name, k, rnd):
    # Capabilities are rescaled by powers of two so that the rescaled run is exact in floating
    # point: the model is discontinuous (octant boundaries), and a rounding difference at a
    # knife-edge would otherwise be reported as a failure of a property that holds exactly.
    res = run_bdm(p, name, rounds=4)
    lo, hi = p.position.min(), p.position.max()
    for r in res.rounds:
        assert all(lo - 1e-9 <= v <= hi + 1e-9 for v in r.positions.values())
        assert lo - 1e-9 <= r.median <= hi + 1e-9
    scaled = run_bdm(p.replace(capability=p.capability * k), name, rounds=4)
    assert scaled.forecast == pytest.approx(res.forecast, abs=1e-6)
    order = list(range(p.n))
    rnd.shuffle(order)
    perm = p.replace(actors=[p.actors[i] for i in order], capability=p.capability[order],
                     position=p.position[order], salience=p.salience[order])
    pres = run_bdm(perm, name, rounds=4)
    assert pres.forecast == pytest.approx(res.forecast, abs=1e-6)
    assert pres.rounds[-1].positions == pytest.approx(res.rounds[-1].positions, abs=1e-6)


def test_scale_range_needs_scale():
    with pytest.raises(InputError, match="scale"):
        run_bdm_arrays(np.array([0.0, 1.0]), np.ones(2), np.ones(2) * 50,
                       BDMOptions(range="scale"), rounds=1)
