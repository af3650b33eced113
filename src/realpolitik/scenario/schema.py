"""The scenario file schema (YAML), validated with pydantic.

A scenario holds actors (id, name, capability), issues (a continuum with labelled ends and a
status quo, each actor's position and salience), pairwise relations (propensities in [-1, 1]),
and the interventions and claims that later stages evaluate. Every number may carry a
``rationale`` and a ``source``: scenarios are arguments, and their inputs must be inspectable.

Positions live on the issue's own scale (``scale.min`` .. ``scale.max``, default 0..100);
saliences are on 0..100; capabilities are positive (any unit; models normalise).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "Actor",
    "Scale",
    "Stance",
    "Issue",
    "Relation",
    "Scenario",
    "ACTOR_ID_PATTERN",
]

ACTOR_ID_PATTERN = r"^[A-Za-z][A-Za-z0-9_\-]{0,31}$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class Actor(_Strict):
    """A player: a state, government, leader or organisation."""

    id: str = Field(pattern=ACTOR_ID_PATTERN, description="Short code, e.g. USA, PRK.")
    name: str = Field(min_length=1)
    capability: float = Field(gt=0, description="Relative power resources, > 0.")
    kind: str = "state"
    code: str | None = Field(
        default=None,
        description="Event-data actor code (ISO3-based, e.g. KOR for ROK) when it differs from id.",
    )
    rationale: str | None = None
    source: str | None = None

    @property
    def event_code(self) -> str:
        """The code this actor carries in event data (``code`` if given, else ``id``)."""
        return self.code or self.id


class Scale(_Strict):
    """A continuum with labelled ends."""

    low: str = Field(min_length=1, description="What the low end (min) means.")
    high: str = Field(min_length=1, description="What the high end (max) means.")
    min: float = 0.0
    max: float = 100.0

    @model_validator(mode="after")
    def _ordered(self) -> Scale:
        if not self.max > self.min:
            raise ValueError(f"scale max ({self.max}) must exceed min ({self.min})")
        return self


class Stance(_Strict):
    """One actor's position on an issue and how much it cares (salience 0..100)."""

    position: float
    salience: float = Field(ge=0, le=100)
    rationale: str | None = None
    source: str | None = None


class Issue(_Strict):
    """An issue: a continuum, its status quo, and every actor's stance."""

    id: str = Field(pattern=ACTOR_ID_PATTERN)
    description: str = Field(min_length=1)
    scale: Scale
    status_quo: float
    positions: dict[str, Stance] = Field(min_length=1)
    rationale: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _within_scale(self) -> Issue:
        lo, hi = self.scale.min, self.scale.max
        if not lo <= self.status_quo <= hi:
            raise ValueError(f"status_quo {self.status_quo} lies outside the scale [{lo}, {hi}]")
        # positions outside the scale are reported by validate.check_references, per actor
        return self


class Relation(_Strict):
    """A symmetric pairwise propensity in [-1, 1] (+1 close allies, -1 adversaries)."""

    a: str
    b: str
    propensity: float = Field(ge=-1, le=1)
    rationale: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _distinct(self) -> Relation:
        if self.a == self.b:
            raise ValueError(f"a relation needs two different actors (got {self.a} twice)")
        return self


class Scenario(_Strict):
    """A whole scenario file.

    ``interventions`` and ``claims`` are kept as mappings here and validated by
    :mod:`realpolitik.scenario.interventions` and :mod:`realpolitik.scenario.claims`.
    """

    name: str = Field(min_length=1)
    description: str = ""
    date: dt.date | None = None
    sources: dict[str, str] = Field(default_factory=dict)
    actors: list[Actor] = Field(min_length=1)
    issues: list[Issue] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    interventions: list[dict[str, Any]] = Field(default_factory=list)
    claims: list[dict[str, Any]] = Field(default_factory=list)
    uncertainty: dict[str, float] = Field(
        default_factory=dict,
        description="Monte Carlo noise: position_sd, salience_sd, capability_cv, propensity_sd.",
    )
    notes: str | None = None

    @field_validator("uncertainty")
    @classmethod
    def _known_uncertainty(cls, unc: dict[str, float]) -> dict[str, float]:
        allowed = {"position_sd", "salience_sd", "capability_cv", "propensity_sd"}
        for k, v in unc.items():
            if k not in allowed:
                raise ValueError(f"unknown uncertainty key {k!r}; expected {sorted(allowed)}")
            if not v >= 0:
                raise ValueError(f"uncertainty {k} must be >= 0 (got {v})")
        return unc

    @field_validator("actors")
    @classmethod
    def _unique_actors(cls, actors: list[Actor]) -> list[Actor]:
        seen: set[str] = set()
        for a in actors:
            if a.id in seen:
                raise ValueError(f"actor id {a.id!r} appears more than once")
            seen.add(a.id)
        return actors

    @field_validator("issues")
    @classmethod
    def _unique_issues(cls, issues: list[Issue]) -> list[Issue]:
        seen: set[str] = set()
        for i in issues:
            if i.id in seen:
                raise ValueError(f"issue id {i.id!r} appears more than once")
            seen.add(i.id)
        return issues

    # -- convenient views -------------------------------------------------------------------
    @property
    def actor_ids(self) -> list[str]:
        """Actor codes in file order."""
        return [a.id for a in self.actors]

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (``UnknownActorError`` otherwise)."""
        from realpolitik.errors import UnknownActorError

        for a in self.actors:
            if a.id == actor_id:
                return a
        raise UnknownActorError(
            f"unknown actor {actor_id!r}; the scenario has {', '.join(self.actor_ids)}",
            field="actors",
        )

    def issue(self, issue_id: str) -> Issue:
        """The issue with this id (``InputError`` otherwise)."""
        from realpolitik.errors import InputError

        for i in self.issues:
            if i.id == issue_id:
                return i
        known = ", ".join(i.id for i in self.issues) or "none"
        raise InputError(f"unknown issue {issue_id!r}; the scenario has {known}", field="issues")

    def issue_frame(self, issue_id: str) -> Any:
        """One issue as a pandas frame: ``actor, capability, position, salience`` (file order)."""
        import pandas as pd

        iss = self.issue(issue_id)
        rows = [
            {
                "actor": a.id,
                "capability": a.capability,
                "position": iss.positions[a.id].position,
                "salience": iss.positions[a.id].salience,
            }
            for a in self.actors
            if a.id in iss.positions
        ]
        return pd.DataFrame(rows, columns=["actor", "capability", "position", "salience"])

    def propensity_matrix(self) -> Any:
        """Symmetric n×n NumPy matrix of propensities in actor order (0 where none is given)."""
        import numpy as np

        idx = {a: k for k, a in enumerate(self.actor_ids)}
        m = np.zeros((len(idx), len(idx)))
        for r in self.relations:
            m[idx[r.a], idx[r.b]] = m[idx[r.b], idx[r.a]] = r.propensity
        return m
