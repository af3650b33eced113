"""Continuous Heider dynamics (Kułakowski et al. 2005): the flow and its fixed points."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.alignment.continuous_balance import heider_flow, heider_trajectory
from realpolitik.errors import InputError


def test_flow_matches_equation_on_a_triad():
    x = np.array([[0, 0.5, -0.4], [0.5, 0, 0.2], [-0.4, 0.2, 0]])
    f = heider_flow(x)
    # dx_01/dt = (1 - 0.5^2) * x_02 * x_21
    assert f[0, 1] == pytest.approx((1 - 0.25) * (-0.4) * 0.2)
    assert f[0, 2] == pytest.approx((1 - 0.16) * 0.5 * 0.2)
    assert f[1, 2] == pytest.approx((1 - 0.04) * 0.5 * (-0.4))
    assert np.allclose(f, f.T) and np.all(np.diag(f) == 0)


def test_common_enemy_pulls_together():
    # A and B neutral, both hostile to C: A-B must rise
    x = np.array([[0, 0.0, -0.8], [0.0, 0, -0.8], [-0.8, -0.8, 0]])
    traj = heider_trajectory(x, t_max=1.0)
    assert traj[-1, 0, 1] > 0.3


def test_balanced_extreme_state_is_fixed():
    x = np.array([[0, 1, -1], [1, 0, -1], [-1, -1, 0]], dtype=float)
    assert np.allclose(heider_flow(x), 0)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.floats(-1, 1), min_size=6, max_size=6))
def test_ties_stay_bounded_and_symmetric(vals):
    n = 4
    x = np.zeros((n, n))
    x[np.triu_indices(n, 1)] = vals
    x = x + x.T
    traj = heider_trajectory(x, t_max=2.0, dt=0.05)
    assert np.abs(traj).max() <= 1 + 1e-12
    assert np.allclose(traj[-1], traj[-1].T)


def test_bad_input():
    with pytest.raises(InputError, match="symmetric"):
        heider_flow(np.array([[0, 1], [0, 0]]))
    with pytest.raises(InputError, match="NaN"):
        heider_flow(np.array([[0, np.nan], [np.nan, 0]]))
