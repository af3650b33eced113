from __future__ import annotations

import numpy as np
import pytest

from realpolitik.bargaining import BargainingProblem, Noise, monte_carlo, weighted_mean
from realpolitik.errors import InputError


def _p():
    return BargainingProblem.from_arrays("ABCD", [1, 2, 3, 1], [10, 40, 60, 90],
                                         [50, 60, 70, 40], status_quo=0, scale_min=0,
                                         scale_max=100)


def test_deterministic_with_seed_and_sensitive_to_it():
    a = monte_carlo(_p(), draws=200, seed=7)
    b = monte_carlo(_p(), draws=200, seed=7)
    c = monte_carlo(_p(), draws=200, seed=8)
    for m in ("mean", "median", "nash", "bdm"):
        np.testing.assert_array_equal(a.samples[m], b.samples[m])
    assert a.summary == b.summary
    assert not np.array_equal(a.samples["mean"], c.samples["mean"])


def test_zero_noise_reproduces_point_forecasts():
    p = _p()
    mc = monte_carlo(p, draws=5, seed=1, noise=Noise(0, 0, 0))
    assert mc.summary["mean"]["p05"] == pytest.approx(weighted_mean(p).forecast)
    assert mc.summary["mean"]["p95"] == pytest.approx(weighted_mean(p).forecast)


def test_intervals_ordered_and_inside_scale():
    mc = monte_carlo(_p(), draws=300, seed=3, noise=Noise(position=0.1))
    for v in mc.summary.values():
        assert 0 <= v["p05"] <= v["mean"] <= v["p95"] <= 100
        assert v["draws"] == 300


def test_noise_parse_and_errors():
    assert Noise.parse("position=0.1, salience=5") == Noise(0.1, 5.0, 0.1)
    with pytest.raises(InputError, match="noise"):
        Noise.parse("height=3")
    with pytest.raises(InputError, match="noise"):
        Noise(position=-1)
    with pytest.raises(InputError, match="seed"):
        monte_carlo(_p(), draws=3)
    with pytest.raises(InputError, match="draws"):
        monte_carlo(_p(), draws=0, seed=1)


def test_other_registered_models_run_draw_by_draw():
    from realpolitik.bargaining.registry import _REGISTRY, register_model

    @register_model("test-midrange", title="midrange", reference="test only")
    def midrange(problem):
        class R:
            forecast = 0.5 * (problem.position.min() + problem.position.max())

        return R()

    try:
        mc = monte_carlo(_p(), models=["test-midrange", "mean"], draws=20, seed=2,
                         noise=Noise(0, 0, 0))
        assert mc.summary["test-midrange"]["mean"] == pytest.approx(50.0)
        with pytest.raises(InputError, match="unknown model"):
            monte_carlo(_p(), models=["nope"], draws=2, seed=1)
    finally:
        _REGISTRY.pop("test-midrange", None)
