"""A scenario's numbers as arrays: the state that interventions change and models read.

``ScenarioState`` holds capabilities (n), positions and saliences (issues × n), and the
symmetric propensity matrix (n × n), all in the scenario's actor order. It is what Monte Carlo
perturbs and what interventions modify, without touching the validated ``Scenario`` object.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from realpolitik.scenario.schema import Scenario

__all__ = ["ScenarioState", "Uncertainty"]


@dataclass(frozen=True)
class Uncertainty:
    """Stated input uncertainty for Monte Carlo draws.

    Attributes
    ----------
    position_sd
        Standard deviation of Gaussian noise on positions, in scale points (clipped to the scale).
    salience_sd
        Standard deviation on saliences, clipped to 0..100.
    capability_cv
        Coefficient of variation of log-normal noise on capabilities (stays positive).
    propensity_sd
        Standard deviation on each pair's propensity, clipped to [-1, 1]; symmetry is kept.
    """

    position_sd: float = 5.0
    salience_sd: float = 5.0
    capability_cv: float = 0.10
    propensity_sd: float = 0.10

    @classmethod
    def from_mapping(cls, data: dict[str, Any] | None) -> Uncertainty:
        """Build from a scenario's ``uncertainty`` mapping (missing keys take defaults)."""
        return cls(**(data or {}))

    def to_dict(self) -> dict[str, float]:
        """Plain dict."""
        return {
            "position_sd": self.position_sd,
            "salience_sd": self.salience_sd,
            "capability_cv": self.capability_cv,
            "propensity_sd": self.propensity_sd,
        }


@dataclass(frozen=True)
class ScenarioState:
    """Arrays of one scenario variant (baseline, a draw, or after interventions)."""

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    capability: np.ndarray  # (n,)
    position: np.ndarray  # (m, n)
    salience: np.ndarray  # (m, n)
    propensity: np.ndarray  # (n, n), symmetric, zero diagonal
    scale_min: np.ndarray  # (m,)
    scale_max: np.ndarray  # (m,)
    status_quo: np.ndarray  # (m,)

    @classmethod
    def from_scenario(cls, scenario: Scenario) -> ScenarioState:
        """The baseline state of a validated scenario."""
        actors = tuple(scenario.actor_ids)
        issues = tuple(i.id for i in scenario.issues)
        pos = np.array([[i.positions[a].position for a in actors] for i in scenario.issues])
        sal = np.array([[i.positions[a].salience for a in actors] for i in scenario.issues])
        n = len(actors)
        return cls(
            actors=actors,
            issues=issues,
            capability=np.array([a.capability for a in scenario.actors], dtype=float),
            position=pos.reshape(len(issues), n).astype(float),
            salience=sal.reshape(len(issues), n).astype(float),
            propensity=np.asarray(scenario.propensity_matrix(), dtype=float),
            scale_min=np.array([i.scale.min for i in scenario.issues], dtype=float),
            scale_max=np.array([i.scale.max for i in scenario.issues], dtype=float),
            status_quo=np.array([i.status_quo for i in scenario.issues], dtype=float),
        )

    def actor_index(self, actor: str) -> int:
        """Index of an actor id."""
        return self.actors.index(actor)

    def issue_index(self, issue: str) -> int:
        """Index of an issue id."""
        return self.issues.index(issue)

    def perturbed(self, rng: np.random.Generator, unc: Uncertainty) -> ScenarioState:
        """One Monte Carlo draw around this state (clipped to valid ranges; symmetric ties)."""
        n = len(self.actors)
        pos = self.position + rng.normal(0.0, unc.position_sd, self.position.shape)
        pos = np.clip(pos, self.scale_min[:, None], self.scale_max[:, None])
        sal = np.clip(self.salience + rng.normal(0.0, unc.salience_sd, self.salience.shape), 0, 100)
        sigma = np.sqrt(np.log1p(unc.capability_cv**2))
        cap = self.capability * rng.lognormal(-0.5 * sigma**2, sigma, n)
        noise = np.triu(rng.normal(0.0, unc.propensity_sd, (n, n)), 1)
        prop = self.propensity + noise + noise.T
        prop = np.clip(prop, -1.0, 1.0)
        np.fill_diagonal(prop, 0.0)
        return replace(self, position=pos, salience=sal, capability=cap, propensity=prop)

    def issue_arrays(self, issue: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(capability, position, salience)`` of one issue."""
        k = self.issue_index(issue)
        return self.capability, self.position[k], self.salience[k]
