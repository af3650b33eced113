"""The Nash bargaining solution with the status quo as the disagreement point.

Utility form
------------
Each actor ``i`` has quadratic spatial loss ``u_i(x) = -(x - x_i)**2`` and bargaining weight
``w_i = c_i s_i``. The (asymmetric) Nash bargaining solution maximises the weighted Nash
product of the gains over the disagreement point, the status quo ``q``::

    x* = argmax_x  sum_i w_i * log(u_i(x) - u_i(q))   over {x : u_i(x) > u_i(q) for all i}.

Actors with ``w_i = 0`` do not enter the product. When no outcome makes every weighted actor
strictly better off than the status quo (the status quo lies inside the span of the
positions, or an actor sits on it) the bargaining set is empty and the solution is the
disagreement point itself: the model forecasts the status quo and reports
``agreement=False``. The log-objective is strictly concave on the bargaining set, so its
unique maximum is found by bisection on the derivative (to machine precision).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.bargaining.problem import BargainingProblem
from realpolitik.bargaining.registry import register_model
from realpolitik.errors import ModelError

__all__ = ["NashResult", "nash_bargaining", "nash_solution", "nash_solution_batch"]


def nash_solution(
    position: np.ndarray, weight: np.ndarray, status_quo: float
) -> tuple[float, bool]:
    """The weighted Nash bargaining solution with quadratic loss.

    Parameters
    ----------
    position, weight
        Ideal points ``x_i`` and bargaining weights ``w_i >= 0`` (1-D, same length).
    status_quo
        The disagreement point ``q``.

    Returns
    -------
    (float, bool)
        The solution and whether an agreement better than the status quo exists.
    """
    keep = weight > 0
    x, w = position[keep], weight[keep]
    q = float(status_quo)
    if x.size == 0:
        raise ModelError("the Nash solution needs at least one actor with salience > 0")
    radius = np.abs(q - x)
    lo = float(np.max(x - radius))
    hi = float(np.min(x + radius))
    if not lo < hi:
        return q, False

    def slope(v: float) -> float:
        gain = (q - x) ** 2 - (v - x) ** 2
        with np.errstate(invalid="ignore", divide="ignore"):
            return float(np.sum(w * (-2.0 * (v - x)) / gain))

    a, b = lo, hi
    for _ in range(200):
        mid = 0.5 * (a + b)
        if mid <= a or mid >= b:
            break
        if slope(mid) > 0:
            a = mid
        else:
            b = mid
    return 0.5 * (a + b), True


def nash_solution_batch(
    position: np.ndarray, weight: np.ndarray, status_quo: float
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`nash_solution` for a batch: arrays of shape ``(B, n)``, one status quo.

    Parameters
    ----------
    position, weight
        Shape ``(B, n)``.
    status_quo
        The disagreement point.

    Returns
    -------
    (numpy.ndarray, numpy.ndarray)
        Solutions ``(B,)`` and agreement flags ``(B,)``.
    """
    q = float(status_quo)
    keep = weight > 0
    radius = np.abs(q - position)
    lo = np.where(keep, position - radius, -np.inf).max(axis=1)
    hi = np.where(keep, position + radius, np.inf).min(axis=1)
    ok = (lo < hi) & keep.any(axis=1)
    a = np.where(ok, lo, q)
    b = np.where(ok, hi, q)
    w = np.where(keep, weight, 0.0)
    for _ in range(80):
        mid = 0.5 * (a + b)
        gain = (q - position) ** 2 - (mid[:, None] - position) ** 2
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            # rows without agreement (ok False) are never used; their NaNs are harmless
            term = np.where(keep, w * (-2.0 * (mid[:, None] - position)) / gain, 0.0)
            up = term.sum(axis=1) > 0
        a = np.where(ok & up, mid, a)
        b = np.where(ok & ~up, mid, b)
    return np.where(ok, 0.5 * (a + b), q), ok


@dataclass(frozen=True)
class NashResult:
    """Forecast of the Nash bargaining model.

    Attributes
    ----------
    forecast
        The Nash bargaining solution (the status quo when no agreement is possible).
    status_quo
        The disagreement point used.
    agreement
        ``False`` when no outcome beats the status quo for every weighted actor.
    gains
        Each actor's utility gain over the status quo at the forecast.
    actors
        Actor names.
    """

    forecast: float
    status_quo: float
    agreement: bool
    gains: tuple[float, ...]
    actors: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data view; ``forecast`` first."""
        return {
            "forecast": self.forecast,
            "status_quo": self.status_quo,
            "agreement": self.agreement,
            "utility": "quadratic loss -(x - x_i)^2, weights c*s",
            "gains": dict(zip(self.actors, self.gains, strict=True)),
        }

    def to_frame(self) -> Any:
        """One row per actor: ``actor, gain``."""
        import pandas as pd

        return pd.DataFrame({"actor": list(self.actors), "gain": list(self.gains)})


@register_model(
    "nash",
    title="Nash bargaining solution (status quo = disagreement point)",
    reference="Nash 1950, Econometrica 18(2):155-162 (maximise the product of gains); "
    "asymmetric weights Kalai 1977; quadratic loss and c*s weights as in Achen 2006, "
    "The European Union Decides, CUP",
    needs_status_quo=True,
)
def nash_bargaining(problem: BargainingProblem, status_quo: float | None = None) -> NashResult:
    """Weighted Nash bargaining solution, disagreement point = the status quo.

    Parameters
    ----------
    problem
        The issue; its ``status_quo`` is used unless ``status_quo`` is given.
    status_quo
        Overrides the problem's status quo.

    Returns
    -------
    NashResult

    Raises
    ------
    ModelError
        If no status quo is known.

    References
    ----------
    .. [1] Nash, J. F. (1950). The bargaining problem. *Econometrica* 18(2): 155–162 — the
       solution maximises the product of the players' utility gains over the disagreement
       point.
    .. [2] Kalai, E. (1977). Nonsymmetric Nash solutions and replications of 2-person
       bargaining. *Int. J. Game Theory* 6: 129–133 — weights as exponents of the product.
    .. [3] Achen, C. H. (2006). Institutional realism and bargaining models. In Thomson et
       al. (eds), *The European Union Decides*, CUP, ch. 4 — quadratic spatial loss,
       capability × salience weights, status quo as the breakdown point.
    """
    q = problem.status_quo if status_quo is None else float(status_quo)
    if q is None:
        raise ModelError(
            "the Nash model needs a status quo (give it in the scenario, or --status-quo)"
        )
    w = problem.weight
    value, agreement = nash_solution(problem.position, w, q)
    gains = tuple(float(v) for v in (q - problem.position) ** 2 - (value - problem.position) ** 2)
    return NashResult(float(value), float(q), agreement, gains, problem.actors)
