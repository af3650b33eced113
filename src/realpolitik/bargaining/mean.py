"""The weighted-mean ("compromise") model: the c·s-weighted mean of the positions.

The forecast is ``sum(c_i s_i x_i) / sum(c_i s_i)``. In the evaluation of Thomson et al.
(2006) on the EU legislative data set (DEU) this simple compromise model was among the most
accurate of all the models compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.bargaining.problem import BargainingProblem
from realpolitik.bargaining.registry import register_model
from realpolitik.errors import ModelError

__all__ = ["MeanResult", "weighted_mean", "weighted_mean_positions"]


def weighted_mean_positions(
    position: np.ndarray, capability: np.ndarray, salience: np.ndarray
) -> np.ndarray:
    """Vectorised c·s-weighted mean over the last axis (any leading batch axes).

    Parameters
    ----------
    position, capability, salience
        Arrays of the same shape ``(..., n)``.

    Returns
    -------
    numpy.ndarray
        Shape ``(...)``; NaN where every weight is zero.
    """
    w = capability * salience
    tot = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(tot > 0, (w * position).sum(axis=-1) / np.where(tot > 0, tot, 1.0),
                        np.nan)


@dataclass(frozen=True)
class MeanResult:
    """Forecast of the weighted-mean model.

    Attributes
    ----------
    forecast
        The c·s-weighted mean position.
    weights
        Each actor's share of the total weight ``c_i s_i / sum(c s)``.
    actors
        Actor names, in input order.
    """

    forecast: float
    weights: tuple[float, ...]
    actors: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """``{"forecast": x, "weights": {actor: share}}``."""
        return {"forecast": self.forecast,
                "weights": dict(zip(self.actors, self.weights, strict=True))}

    def to_frame(self) -> Any:
        """One row per actor: ``actor, weight``."""
        import pandas as pd

        return pd.DataFrame({"actor": list(self.actors), "weight": list(self.weights)})


@register_model(
    "mean",
    title="Weighted mean (compromise model)",
    reference="Achen 2006, 'Evaluating political decision-making models', in Thomson et al. "
    "(eds), The European Union Decides, CUP, ch. 10 (compromise model: sum c s x / sum c s)",
)
def weighted_mean(problem: BargainingProblem) -> MeanResult:
    """The c·s-weighted mean position, Σ c_i s_i x_i / Σ c_i s_i.

    Parameters
    ----------
    problem
        The issue.

    Returns
    -------
    MeanResult

    Raises
    ------
    ModelError
        If every actor has salience 0 (the mean is then undefined).

    References
    ----------
    .. [1] Achen, C. H. (2006). Evaluating political decision-making models. In R. Thomson,
       F. N. Stokman, C. H. Achen & T. König (eds), *The European Union Decides*, Cambridge
       University Press, ch. 10 — the "compromise model", Σ c s x / Σ c s.
    .. [2] Bueno de Mesquita, B. (1994). Political forecasting: an expected utility method.
       In *European Community Decision Making*, Yale UP, ch. 4, Table 1 (the emissions data
       on which this mean is 7.390).
    """
    w = problem.weight
    if not w.sum() > 0:
        raise ModelError("the weighted mean is undefined when every salience is 0")
    value = float(weighted_mean_positions(problem.position, problem.capability,
                                          problem.salience))
    shares = tuple(float(v) for v in w / w.sum())
    return MeanResult(value, shares, problem.actors)
