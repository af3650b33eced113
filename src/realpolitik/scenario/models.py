"""Adapters from a ``ScenarioState`` to the model packages (bargaining, alignment).

The runner and the report ask these functions, never the model internals, so each model is
called the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.scenario.state import ScenarioState

__all__ = [
    "bargaining_problem",
    "bargaining_forecast",
    "bargaining_result",
    "LandscapeSummary",
    "landscape_summary",
    "triangle_of",
    "relation_after_dynamics",
]


def bargaining_problem(state: ScenarioState, issue: str) -> Any:
    """The :class:`~realpolitik.bargaining.problem.BargainingProblem` of one issue."""
    from realpolitik.bargaining.problem import BargainingProblem

    k = state.issue_index(issue)
    return BargainingProblem(
        actors=state.actors,
        capability=state.capability,
        position=state.position[k],
        salience=state.salience[k],
        status_quo=float(state.status_quo[k]),
        scale_min=float(state.scale_min[k]),
        scale_max=float(state.scale_max[k]),
    )


def bargaining_result(model: str, state: ScenarioState, issue: str, **options: Any) -> Any:
    """Run one registered bargaining model on one issue; returns the model's result object."""
    from realpolitik.bargaining.registry import get_model

    return get_model(model).func(bargaining_problem(state, issue), **options)


def bargaining_forecast(model: str, state: ScenarioState, issue: str, **options: Any) -> float:
    """The point forecast of one model on one issue."""
    return float(bargaining_result(model, state, issue, **options).forecast)


@dataclass(frozen=True)
class LandscapeSummary:
    """The landscape's global minimum as blocs of actor ids, and its basin share."""

    blocs: tuple[tuple[str, ...], ...]
    energy: float
    basin_share: float
    n_local_minima: int

    def bloc_of(self, actor: str) -> int:
        """Index of the bloc holding ``actor``."""
        for k, bloc in enumerate(self.blocs):
            if actor in bloc:
                return k
        raise KeyError(actor)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict."""
        return {
            "blocs": [list(b) for b in self.blocs],
            "energy": self.energy,
            "basin_share": self.basin_share,
            "n_local_minima": self.n_local_minima,
        }


def landscape_summary(state: ScenarioState) -> LandscapeSummary:
    """Global minimum of the Axelrod–Bennett landscape of the state's sizes and propensities."""
    from realpolitik.alignment.landscape import enumerate_landscape

    res = enumerate_landscape(np.asarray(state.capability), np.asarray(state.propensity),
                              list(state.actors))
    gm = res.global_minimum
    blocs = tuple(tuple(b) for b in gm.blocs if b)
    share = float(gm.basin_share) if gm.basin_share is not None else float("nan")
    return LandscapeSummary(blocs, float(gm.energy), share, len(res.local_minima or []))


def triangle_of(state: ScenarioState, a: str, b: str, c: str) -> Any:
    """Dittmer triangle of three actors from the state's propensities."""
    from realpolitik.alignment.triangle import classify_triangle

    i, j, k = (state.actor_index(x) for x in (a, b, c))
    p = state.propensity
    return classify_triangle(a, b, c, float(p[i, j]), float(p[i, k]), float(p[j, k]))


def relation_after_dynamics(state: ScenarioState, a: str, b: str, horizon: float) -> float:
    """Tie a–b after continuous Heider dynamics for ``horizon`` time units (sizes = capability)."""
    from realpolitik.alignment.continuous_balance import heider_trajectory

    traj = heider_trajectory(state.propensity, state.capability, t_max=horizon, dt=0.05)
    return float(traj[-1, state.actor_index(a), state.actor_index(b)])
