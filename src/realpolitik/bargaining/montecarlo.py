"""Monte Carlo forecast distributions: perturb the inputs, rerun every model, summarise.

Each draw perturbs every actor's position, salience and capability independently:

* position: ``x + N(0, (position * width)**2)``, clipped to the scale, where ``width`` is the
  width of the issue scale;
* salience: ``s + N(0, salience**2)`` in salience points, clipped to ``[0, 100]``;
* capability: ``c * exp(N(0, capability**2))`` (log-normal, stays positive).

All randomness comes from one ``numpy.random.Generator`` built from ``seed`` (or passed in as
``rng``), so the same inputs and seed give the same output. The models run on all draws at
once (the BDM core is batched over draws).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from realpolitik.bargaining.bdm import BDMOptions, preset, run_bdm_arrays
from realpolitik.bargaining.mean import weighted_mean_positions
from realpolitik.bargaining.median import weighted_median_batch
from realpolitik.bargaining.nash import nash_solution_batch
from realpolitik.bargaining.problem import BargainingProblem
from realpolitik.errors import InputError, ModelError

__all__ = ["Noise", "MonteCarloResult", "monte_carlo", "perturb"]


@dataclass(frozen=True)
class Noise:
    """The stated noise of a Monte Carlo study.

    Attributes
    ----------
    position
        Standard deviation of position noise, as a fraction of the scale width (0.05).
    salience
        Standard deviation of salience noise, in salience points on 0–100 (10).
    capability
        Standard deviation of the log of the capability multiplier (0.1).
    """

    position: float = 0.05
    salience: float = 10.0
    capability: float = 0.1

    def __post_init__(self) -> None:
        for k, v in asdict(self).items():
            if not (np.isfinite(v) and v >= 0):
                raise InputError(f"noise {k}={v}; expected a finite number >= 0", field="noise")

    @classmethod
    def parse(cls, text: str) -> Noise:
        """Parse ``"position=0.05,salience=10,capability=0.1"`` (any subset).

        Parameters
        ----------
        text
            Comma-separated ``key=value`` pairs.

        Returns
        -------
        Noise
        """
        values: dict[str, float] = {}
        for part in filter(None, (p.strip() for p in text.split(","))):
            key, sep, val = part.partition("=")
            key = key.strip().lower()
            if not sep or key not in ("position", "salience", "capability"):
                raise InputError(
                    f"bad noise term {part!r}; expected position=F,salience=F,capability=F",
                    field="noise",
                )
            try:
                values[key] = float(val)
            except ValueError:
                raise InputError(f"noise {key} {val!r} is not a number", field="noise") from None
        return cls(**values)

    def to_dict(self) -> dict[str, float]:
        """The noise as a plain dict."""
        return asdict(self)


def perturb(
    problem: BargainingProblem, draws: int, noise: Noise, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw perturbed ``(position, capability, salience)`` arrays of shape ``(draws, n)``.

    Parameters
    ----------
    problem
        The issue.
    draws
        Number of draws.
    noise
        The noise levels.
    rng
        The random generator.

    Returns
    -------
    tuple of numpy.ndarray
    """
    n = problem.n
    lo, hi = problem.scale
    x = problem.position + rng.normal(0.0, noise.position * (hi - lo), size=(draws, n))
    x = np.clip(x, lo, hi)
    s = np.clip(problem.salience + rng.normal(0.0, noise.salience, size=(draws, n)), 0, 100)
    c = problem.capability * np.exp(rng.normal(0.0, noise.capability, size=(draws, n)))
    return x, c, s


@dataclass(frozen=True)
class MonteCarloResult:
    """Forecast distributions, one per model.

    Attributes
    ----------
    summary
        ``{model: {"mean", "p05", "p95", "sd", "draws"}}``.
    samples
        ``{model: array of draws}`` (NaN where a model is undefined for a draw).
    noise
        The noise used; ``seed`` the seed (``None`` when an ``rng`` was passed).
    """

    summary: dict[str, dict[str, float]]
    samples: dict[str, np.ndarray]
    noise: Noise
    seed: int | None

    def to_dict(self) -> dict[str, Any]:
        """``{"noise", "seed", "models": {name: summary}}``."""
        return {"noise": self.noise.to_dict(), "seed": self.seed,
                "models": {k: dict(v) for k, v in self.summary.items()}}

    def to_frame(self) -> Any:
        """One row per model: ``model, mean, p05, p95, sd, draws``."""
        import pandas as pd

        return pd.DataFrame([{"model": k, **v} for k, v in self.summary.items()])


def _summary(v: np.ndarray) -> dict[str, float]:
    ok = v[np.isfinite(v)]
    if ok.size == 0:
        return {"mean": float("nan"), "p05": float("nan"), "p95": float("nan"),
                "sd": float("nan"), "draws": 0}
    return {"mean": float(ok.mean()), "p05": float(np.percentile(ok, 5)),
            "p95": float(np.percentile(ok, 95)), "sd": float(ok.std()), "draws": int(ok.size)}


def monte_carlo(
    problem: BargainingProblem,
    *,
    models: Sequence[str] = ("mean", "median", "nash", "bdm"),
    draws: int = 1000,
    noise: Noise | None = None,
    seed: int | None = None,
    rng: np.random.Generator | None = None,
    bdm_options: BDMOptions | str | None = None,
    rounds: int = 10,
    tolerance: float | None = None,
) -> MonteCarloResult:
    """Forecast distributions of the bargaining models under perturbed inputs.

    Parameters
    ----------
    problem
        The issue.
    models
        Which models to run (``nash`` needs a status quo).
    draws
        Number of draws (>= 1).
    noise
        Noise levels (default :class:`Noise`).
    seed, rng
        Seed of a new generator, or a generator to use; one of them is required.
    bdm_options, rounds, tolerance
        Passed to the BDM model (``bdm_options`` as options or preset name).

    Returns
    -------
    MonteCarloResult

    References
    ----------
    .. [1] Scholz, Calbert & Smith (2011), section 5 — the sensitivity of BDM forecasts to
       small input changes, which motivates reporting a distribution.
    """
    if draws < 1:
        raise InputError(f"draws must be >= 1, got {draws}", field="draws")
    if rng is None:
        if seed is None:
            raise InputError("a Monte Carlo study needs a seed (or an rng)", field="seed")
        rng = np.random.default_rng(seed)
    noise = noise or Noise()
    x, c, s = perturb(problem, draws, noise, rng)
    out: dict[str, np.ndarray] = {}
    for m in models:
        if m == "mean":
            out[m] = weighted_mean_positions(x, c, s)
        elif m == "median":
            out[m] = weighted_median_batch(x, c * s)
        elif m == "nash":
            if problem.status_quo is None:
                raise ModelError("the Nash model needs a status quo")
            out[m] = nash_solution_batch(x, c * s, problem.status_quo)[0]
        elif m == "bdm":
            opt = (preset("scholz-code") if bdm_options is None else
                   preset(bdm_options) if isinstance(bdm_options, str) else bdm_options)
            batch = run_bdm_arrays(x, c, s, opt, rounds=rounds, tolerance=tolerance,
                                   scale=problem.scale)
            out[m] = batch.medians[np.arange(draws), batch.rounds_run]
        else:
            # any other registered model: run it draw by draw through the registry
            from realpolitik.bargaining.registry import get_model

            func = get_model(m).func
            out[m] = np.array([
                float(func(problem.replace(capability=c[b], position=x[b],
                                           salience=s[b])).forecast)
                for b in range(draws)
            ])
    return MonteCarloResult({k: _summary(v) for k, v in out.items()}, out, noise, seed)
