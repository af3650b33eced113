import numpy as np
import pytest

from realpolitik.alignment import triad_census
from realpolitik.alignment.dynamics import (
    constrained_triad_dynamics,
    local_triad_dynamics,
    ltd_stationary_density,
    random_complete_signed_graph,
)
from realpolitik.errors import InputError


def test_stationary_density_formula():
    assert ltd_stationary_density(0.0) == pytest.approx(1 / (1 + 3**0.5))
    assert ltd_stationary_density(0.5) == 1.0
    with pytest.raises(InputError):
        ltd_stationary_density(1.5)


@pytest.mark.parametrize("p", [0.0, 0.3])
def test_ltd_stationary_density_within_sampling_error(p):
    # AKR (2005) eq. (8): rho = 1 / (1 + sqrt(3 (1 - 2p))) for p < 1/2
    g = random_complete_signed_graph(24, 0.5, seed=1)
    r = local_triad_dynamics(g, p, max_time=120, seed=2)
    assert r.balanced_at is None
    tail = r.friendly_density[r.times >= 20]
    # standard error of a time average over ~100 time units (correlation time ~1)
    se = tail.std() / np.sqrt(len(tail) / 2)
    assert abs(tail.mean() - ltd_stationary_density(p)) < max(4 * se, 0.015)


def test_ltd_is_seeded_and_tracks_unbalanced_triads():
    g = random_complete_signed_graph(12, 0.5, seed=4)
    a = local_triad_dynamics(g, 0.2, max_time=5, seed=9)
    b = local_triad_dynamics(g, 0.2, max_time=5, seed=9)
    assert np.array_equal(a.friendly_density, b.friendly_density)
    assert a.unbalanced[-1] == triad_census(a.final).unbalanced


def test_ltd_reaches_balance_for_large_p():
    g = random_complete_signed_graph(9, 0.5, seed=3)
    r = local_triad_dynamics(g, 0.9, max_time=500, seed=1)
    assert r.balanced_at is not None and r.unbalanced[-1] == 0
    assert triad_census(r.final).unbalanced == 0


def test_ctd_never_increases_unbalanced_triads():
    g = random_complete_signed_graph(16, 0.4, seed=5)
    r = constrained_triad_dynamics(g, max_time=40, seed=6)
    assert np.all(np.diff(r.unbalanced) <= 0)
    assert r.unbalanced[-1] == triad_census(r.final).unbalanced
    frame = r.to_frame()
    assert list(frame.columns) == ["time", "friendly_density", "unbalanced"]
