"""Weighted mean, weighted median / Condorcet winner and the Nash bargaining solution."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.bargaining import (
    BargainingProblem,
    available_models,
    nash_bargaining,
    weighted_mean,
    weighted_median,
)
from realpolitik.bargaining.nash import nash_solution_batch
from realpolitik.errors import ModelError


def P(actors, c, x, s, **kw):
    return BargainingProblem.from_arrays(actors, c, x, s, **kw)


def test_registry_holds_the_four_models():
    models = available_models()
    assert set(models) == {"mean", "median", "nash", "bdm"}
    assert all(m.reference for m in models.values())
    assert models["nash"].needs_status_quo


def test_emissions_mean_and_median(shared_data):
    p = BargainingProblem.from_csv(shared_data / "bargaining" / "emissions_bdm1994.csv")
    mean = weighted_mean(p)
    assert round(mean.forecast, 3) == 7.390
    assert mean.forecast == pytest.approx(7.38996, abs=5e-6)
    med = weighted_median(p)
    assert med.forecast == 7.0
    assert med.condorcet_winner == 7.0
    # power shares at 4 / 7 / 10 (emissions_expected.md)
    assert [round(100 * v, 1) for v in med.shares.values()] == [36.6, 13.7, 49.6]


def test_mean_closed_forms():
    assert weighted_mean(P("AB", [1, 1], [0, 10], [50, 50])).forecast == 5.0
    assert weighted_mean(P("AB", [3, 1], [0, 10], [50, 50])).forecast == 2.5
    assert weighted_mean(P("AB", [1, 1], [0, 10], [90, 10])).forecast == pytest.approx(1.0)
    with pytest.raises(ModelError):
        weighted_mean(P("AB", [1, 1], [0, 10], [0, 0]))


def test_median_ties_and_condorcet():
    # exact half split: midpoint, and both positions are weak Condorcet winners
    r = weighted_median(P("AB", [1, 1], [0, 10], [50, 50]))
    assert r.forecast == 5.0 and r.condorcet_winner is None
    assert r.condorcet_winners == (0.0, 10.0)
    # a majority bloc wins
    r = weighted_median(P("ABC", [1, 1, 3], [0, 10, 20], [50, 50, 50]))
    assert r.forecast == 20.0 and r.condorcet_winner == 20.0


def test_nash_single_actor_and_no_agreement():
    r = nash_bargaining(P("A", [1], [30], [50], status_quo=80, scale_min=0, scale_max=100))
    assert r.forecast == pytest.approx(30.0, abs=1e-9) and r.agreement
    r = nash_bargaining(P("AB", [1, 1], [20, 80], [50, 50], status_quo=50))
    assert r.forecast == 50.0 and not r.agreement
    with pytest.raises(ModelError):
        nash_bargaining(P("AB", [1, 1], [20, 80], [50, 50]))


def test_nash_two_actor_closed_form():
    # u = q - x; FOC  -2/u + 1/(A-u) + 1/(B-u) = 0  ->  4u^2 - 3(A+B)u + 2AB = 0
    a, b, q = 0.0, 4.0, 10.0
    big_a, big_b = 2 * (q - a), 2 * (q - b)
    u = (3 * (big_a + big_b) - math.sqrt(9 * (big_a + big_b) ** 2 - 32 * big_a * big_b)) / 8
    r = nash_bargaining(P("AB", [1, 1], [a, b], [50, 50], status_quo=q, scale_max=10))
    assert r.forecast == pytest.approx(q - u, abs=1e-9)
    batch, ok = nash_solution_batch(np.array([[a, b]]), np.array([[1.0, 1.0]]), q)
    assert ok[0] and batch[0] == pytest.approx(q - u, abs=1e-9)


def test_nash_tends_to_weighted_mean_when_status_quo_is_remote():
    p = P("ABC", [1, 2, 3], [10, 20, 40], [50, 80, 30], status_quo=1e6, scale_max=1e6)
    assert nash_bargaining(p).forecast == pytest.approx(weighted_mean(p).forecast, abs=1e-3)


positions = st.lists(st.floats(0, 100, allow_nan=False), min_size=1, max_size=8)


@st.composite
def problems(draw):
    x = draw(positions)
    n = len(x)
    c = draw(st.lists(st.floats(0.01, 10), min_size=n, max_size=n))
    s = draw(st.lists(st.floats(1, 100), min_size=n, max_size=n))
    q = draw(st.floats(0, 100))
    return P([f"a{i}" for i in range(n)], c, x, s, status_quo=q, scale_min=0, scale_max=100)


@settings(max_examples=60, deadline=None)
@given(problems(), st.floats(0.01, 100), st.randoms(use_true_random=False))
def test_spatial_properties(p, k, rnd):
    lo, hi = p.position.min(), p.position.max()
    order = list(range(p.n))
    rnd.shuffle(order)
    perm = p.replace(actors=[p.actors[i] for i in order], capability=p.capability[order],
                     position=p.position[order], salience=p.salience[order])
    scaled = p.replace(capability=p.capability * k)
    for f in (weighted_mean, weighted_median):
        v = f(p).forecast
        assert lo - 1e-9 <= v <= hi + 1e-9
        assert f(perm).forecast == pytest.approx(v, abs=1e-9)
        assert f(scaled).forecast == pytest.approx(v, abs=1e-9)
    nv = nash_bargaining(p).forecast
    assert min(lo, p.status_quo) - 1e-9 <= nv <= max(hi, p.status_quo) + 1e-9
    assert nash_bargaining(perm).forecast == pytest.approx(nv, abs=1e-7)
    assert nash_bargaining(scaled).forecast == pytest.approx(nv, abs=1e-7)


def test_weighted_median_pools_tied_positions_and_batches():
    from realpolitik.bargaining.median import weighted_median_batch, weighted_median_value

    # the partial sum at a duplicated position must not count as an exact split
    assert weighted_median_value(np.array([4.0, 4.0, 10.0]), np.array([1.0, 1.0, 0.0])) == 4.0
    assert weighted_median_value(np.array([4.0, 4.0, 10.0]), np.array([1.0, 1.0, 2.0])) == 7.0
    rng = np.random.default_rng(0)
    x = rng.integers(0, 6, size=(500, 5)).astype(float)
    w = rng.integers(0, 4, size=(500, 5)).astype(float)
    w[:, 0] += 1
    batch = weighted_median_batch(x, w)
    for b in range(500):
        # brute force: the set of minimisers of sum w |x - m| is [lo, hi]; median = midpoint
        grid = np.unique(x[b])
        f = np.array([(w[b] * np.abs(x[b] - g)).sum() for g in grid])
        mins = grid[np.isclose(f, f.min())]
        expected = 0.5 * (mins.min() + mins.max()) if len(mins) > 1 else mins[0]
        assert batch[b] == pytest.approx(expected)
