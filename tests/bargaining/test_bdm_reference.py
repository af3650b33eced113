"""The vectorised BDM equals the plain-loop reference on random inputs (hypothesis)."""

from __future__ import annotations

import numpy as np
from bdm_loop_reference import run_reference
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.bargaining.bdm import OCTANTS, BDMOptions, run_bdm_arrays

_OPTION_CHOICES = {
    "salience_in_eu": ["target", "challenger"],
    "security_sum": ["challenges-against", "challenges-by"],
    "security_risk": ["neutral", "previous"],
    "compromise_fraction": ["ratio", "complement"],
    "conflict_rule": ["full-move", "no-move"],
    "capitulation": ["full-move", "never"],
    "offer_selection": ["least-move", "highest-eu", "priority-least-move", "scholz-compromise"],
    "probability_denominator": ["paper", "scholz-code", "scholz-code-unordered"],
    "vote_risk": ["voter", "neutral"],
    "risk_perspective": ["observer", "own"],
    "range": ["fixed", "dynamic"],
    "median": ["condorcet", "weighted-median"],
}


@st.composite
def problems(draw):
    n = draw(st.integers(2, 7))
    grid = st.integers(0, 20)  # positions on a grid so that ties between actors occur
    x = [float(v) * 5 for v in draw(st.lists(grid, min_size=n, max_size=n))]
    c = draw(st.lists(st.floats(0.05, 5.0), min_size=n, max_size=n))
    s = draw(st.lists(st.floats(1.0, 100.0), min_size=n, max_size=n))
    opts = {k: draw(st.sampled_from(v)) for k, v in _OPTION_CHOICES.items()}
    q = draw(st.sampled_from([1.0, 0.5, 0.9]))
    t = draw(st.sampled_from([1.0, 0.5]))
    return x, c, s, BDMOptions(**opts, q=q, t=t)


@settings(max_examples=60, deadline=None)
@given(problems())
def test_fast_equals_loop_reference(case):
    x, c, s, opt = case
    rounds = 4
    fast = run_bdm_arrays(np.array(x), np.array(c), np.array(s), opt, rounds=rounds)
    hist, meds, means, octs = run_reference(x, c, s, opt, rounds)
    np.testing.assert_allclose(fast.positions[0], np.array(hist), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(fast.medians[0], np.array(meds), rtol=1e-9, atol=1e-9)
    np.testing.assert_allclose(fast.means[0], np.array(means), rtol=1e-9, atol=1e-9)
    n = len(x)
    for t in range(1, rounds + 1):
        for i in range(n):
            for j in range(n):
                if i != j:
                    assert OCTANTS[fast.octants[0, t, i, j]] == octs[t][i][j]


def test_batch_equals_one_by_one():
    rng = np.random.default_rng(3)
    x = rng.uniform(0, 100, size=(5, 8))
    c = rng.uniform(0.1, 1, size=(5, 8))
    s = rng.uniform(10, 100, size=(5, 8))
    opt = BDMOptions(offer_selection="scholz-compromise", probability_denominator="scholz-code")
    batch = run_bdm_arrays(x, c, s, opt, rounds=5)
    for b in range(5):
        one = run_bdm_arrays(x[b], c[b], s[b], opt, rounds=5)
        np.testing.assert_allclose(batch.positions[b], one.positions[0], rtol=1e-12)


def test_threaded_batch_identical_to_single_thread():
    rng = np.random.default_rng(5)
    x = rng.uniform(0, 100, size=(300, 6))
    c = rng.uniform(0.1, 1, size=(300, 6))
    s = rng.uniform(10, 100, size=(300, 6))
    opt = BDMOptions(offer_selection="scholz-compromise", probability_denominator="scholz-code")
    one = run_bdm_arrays(x, c, s, opt, rounds=4, workers=1)
    two = run_bdm_arrays(x, c, s, opt, rounds=4, workers=2)
    for name in ("positions", "medians", "means", "risk", "octants", "rounds_run"):
        np.testing.assert_array_equal(getattr(one, name), getattr(two, name))
