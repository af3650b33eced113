"""Claims: testable theses, each stated as a prediction the models produce.

A claim names its ``source`` (a key of the scenario's ``sources``), its ``text``, the
``intervention`` (one id or a list, composed) it is about, and a ``prediction`` of one kind:

``alignment``
    In the global minimum of the aggregation landscape (Axelrod & Bennett 1993) after the
    intervention, the actors in ``together`` share a bloc and each pair in ``apart`` is split.
``triangle``
    The Dittmer (1981) strategic triangle of ``actors`` after the intervention has the given
    ``configuration`` and/or ``pivot`` / ``outcast`` / per-actor ``roles``.
``relation``
    The tie ``a``–``b`` ``improves`` (or ``worsens``) relative to the baseline after continuous
    Heider balance dynamics (Kułakowski et al. 2005) run for ``horizon`` time units from both
    states: the intervention need not touch the tie itself; balance pressure through third
    parties decides.
``bargaining``
    The forecast of ``model`` on ``issue`` moves ``up`` (toward the scale's high end) or
    ``down`` by more than ``min_shift`` scale points relative to the baseline; ``not_up`` and
    ``not_down`` state the negation (for theses that a move will *not* work).

An optional ``backtest`` compares a relation prediction with measured event data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from realpolitik.errors import Problem
from realpolitik.scenario.extensions import register_check
from realpolitik.scenario.yamlsource import format_path

__all__ = [
    "AlignmentPrediction",
    "TrianglePrediction",
    "RelationPrediction",
    "BargainingPrediction",
    "Prediction",
    "BacktestSpec",
    "Claim",
    "parse_claims",
    "TRIANGLE_CONFIGURATIONS",
]

TRIANGLE_CONFIGURATIONS = ("menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class AlignmentPrediction(_Strict):
    """Who ends up together or apart in the landscape's global minimum."""

    kind: Literal["alignment"]
    together: list[str] = Field(default_factory=list)
    apart: list[list[str]] = Field(default_factory=list)

    @model_validator(mode="after")
    def _some(self) -> AlignmentPrediction:
        if len(self.together) == 1 or (not self.together and not self.apart):
            raise ValueError("an alignment prediction needs 'together' (2+ actors) or 'apart'")
        for pair in self.apart:
            if len(pair) != 2 or pair[0] == pair[1]:
                raise ValueError("each 'apart' entry is a pair of two different actors")
        return self

    def actors(self) -> set[str]:
        """Actors the prediction names."""
        return set(self.together) | {a for p in self.apart for a in p}

    def describe(self) -> str:
        """One line for people."""
        parts = []
        if self.together:
            parts.append(f"{', '.join(self.together)} in one bloc")
        parts += [f"{a} and {b} in different blocs" for a, b in self.apart]
        return "landscape global minimum: " + "; ".join(parts)


class TrianglePrediction(_Strict):
    """A strategic-triangle configuration or role after the intervention."""

    kind: Literal["triangle"]
    actors: list[str] = Field(min_length=3, max_length=3)
    configuration: Literal[
        "menage_a_trois", "romantic_triangle", "stable_marriage", "unit_veto"
    ] | None = None
    pivot: str | None = None
    outcast: str | None = None
    roles: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _some(self) -> TrianglePrediction:
        if len(set(self.actors)) != 3:
            raise ValueError("a triangle needs three different actors")
        if not (self.configuration or self.pivot or self.outcast or self.roles):
            raise ValueError("a triangle prediction needs configuration, pivot, outcast or roles")
        for who in (self.pivot, self.outcast, *self.roles):
            if who is not None and who not in self.actors:
                raise ValueError(f"{who!r} is not one of the triangle's actors")
        return self

    def describe(self) -> str:
        """One line for people."""
        bits = [f"triangle {'-'.join(self.actors)}"]
        if self.configuration:
            bits.append(self.configuration.replace("_", " "))
        if self.pivot:
            bits.append(f"pivot {self.pivot}")
        if self.outcast:
            bits.append(f"outcast {self.outcast}")
        bits += [f"{a} {r}" for a, r in self.roles.items()]
        return ": ".join(bits[:1]) + (", ".join([""] + bits[1:])[1:] if len(bits) > 1 else "")


class RelationPrediction(_Strict):
    """A tie improves or worsens relative to the baseline under balance dynamics."""

    kind: Literal["relation"]
    a: str
    b: str
    direction: Literal["improves", "worsens"]
    horizon: float = Field(default=1.0, gt=0, le=20)

    @model_validator(mode="after")
    def _pair(self) -> RelationPrediction:
        if self.a == self.b:
            raise ValueError("a relation needs two different actors")
        return self

    def describe(self) -> str:
        """One line for people."""
        return f"the {self.a}-{self.b} tie {self.direction} (balance dynamics, t={self.horizon:g})"


class BargainingPrediction(_Strict):
    """A bargaining forecast moves toward one end of an issue."""

    kind: Literal["bargaining"]
    issue: str
    direction: Literal["up", "down", "not_up", "not_down"]
    model: Literal["mean", "median", "nash", "bdm"] = "bdm"
    min_shift: float = Field(default=1.0, ge=0)

    def describe(self) -> str:
        """One line for people."""
        end = "high" if self.direction.endswith("up") else "low"
        verb = "does not move" if self.direction.startswith("not_") else "moves"
        return (f"{self.model} forecast on {self.issue} {verb} toward the {end} end "
                f"by more than {self.min_shift:g}")


Prediction = Annotated[
    AlignmentPrediction | TrianglePrediction | RelationPrediction | BargainingPrediction,
    Field(discriminator="kind"),
]


class BacktestSpec(_Strict):
    """Compare a relation with measured events: mean net cooperation, window vs baseline."""

    a: str
    b: str
    window: tuple[dt.date, dt.date]
    baseline: tuple[dt.date, dt.date]
    direction: Literal["improves", "worsens"]
    min_events: int = Field(default=20, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> BacktestSpec:
        for name in ("window", "baseline"):
            lo, hi = getattr(self, name)
            if lo > hi:
                raise ValueError(f"{name} starts after it ends")
        return self


class Claim(_Strict):
    """A thesis from a source, put as a prediction."""

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$")
    source: str
    text: str = Field(min_length=1)
    intervention: str | list[str]
    prediction: Prediction
    backtest: BacktestSpec | None = None
    note: str | None = None

    @property
    def interventions(self) -> list[str]:
        """The intervention ids as a list."""
        iv = self.intervention
        return [iv] if isinstance(iv, str) else list(iv)

    def actors(self) -> set[str]:
        """Every actor the claim names."""
        p = self.prediction
        names: set[str] = set()
        if isinstance(p, AlignmentPrediction):
            names = p.actors()
        elif isinstance(p, TrianglePrediction):
            names = set(p.actors)
        elif isinstance(p, RelationPrediction):
            names = {p.a, p.b}
        if self.backtest:
            names |= {self.backtest.a, self.backtest.b}
        return names


def _problems(data: dict[str, Any]) -> list[Problem]:
    raw = data.get("claims") or []
    if not isinstance(raw, list):
        return [Problem("claims", "must be a list")]
    actors = {a.get("id") for a in data.get("actors") or [] if isinstance(a, dict)}
    issues = {i.get("id") for i in data.get("issues") or [] if isinstance(i, dict)}
    ivs = {i.get("id") for i in data.get("interventions") or [] if isinstance(i, dict)}
    src = data.get("sources")
    sources = set(src) if isinstance(src, dict) else set()
    problems: list[Problem] = []
    seen: set[str] = set()
    for k, item in enumerate(raw):
        try:
            c = Claim.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                msg = err["msg"].removeprefix("Value error, ")
                if err["type"] == "extra_forbidden":
                    msg = "unknown key"
                elif err["type"] == "missing":
                    msg = "missing required key"
                kinds = ("alignment", "triangle", "relation", "bargaining")
                loc = [p for p in err["loc"] if p not in kinds]
                problems.append(Problem(format_path(("claims", k, *loc)), msg))
            continue
        where = f"claims[{k}]"
        if c.id in seen:
            problems.append(Problem(f"{where}.id", f"duplicate claim id {c.id!r}"))
        seen.add(c.id)
        if sources and c.source not in sources:
            problems.append(Problem(f"{where}.source", f"unknown source {c.source!r}"))
        for who in sorted(c.actors()):
            if who not in actors:
                problems.append(Problem(where, f"claim names unknown actor {who!r}"))
        for iv in c.interventions:
            if iv not in ivs:
                problems.append(Problem(f"{where}.intervention", f"unknown intervention {iv!r}"))
        if all(iv in ivs for iv in c.interventions):
            problems += _composition_problems(data, c, f"{where}.intervention")
        if isinstance(c.prediction, BargainingPrediction) and c.prediction.issue not in issues:
            problems.append(Problem(f"{where}.prediction.issue",
                                    f"unknown issue {c.prediction.issue!r}"))
    return problems


register_check(_problems)


def _composition_problems(data: dict[str, Any], claim: Claim, where: str) -> list[Problem]:
    """A claim's interventions must compose (no contradictions)."""
    from pydantic import ValidationError as _VE

    from realpolitik.errors import InputError
    from realpolitik.scenario.interventions import compose, parse_interventions

    try:
        ivs = parse_interventions(data.get("interventions") or [])
    except _VE:
        return []  # reported by the interventions check
    try:
        compose(ivs, claim.interventions)
    except InputError as exc:
        return [Problem(where, exc.message)]
    return []


def parse_claims(raw: Sequence[dict[str, Any]]) -> list[Claim]:
    """Validate a scenario's ``claims`` section (already checked by ``load_scenario``)."""
    return [Claim.model_validate(item) for item in raw]
