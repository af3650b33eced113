"""Interventions: declarative policy moves that change a scenario's numbers.

An intervention has an ``id``, a ``description``, ``sources`` and a list of ``changes``. Each
change names *what* it changes and exactly one operation::

    - {what: position,   actor: USA, issue: sanctions, set: 60}
    - {what: salience,   actor: PRK, issue: denuclearisation, add: -10}
    - {what: capability, actor: PRK, multiply: 0.95}
    - {what: relation,   a: USA, b: PRK, add: 0.5}

Results are clipped to the valid range (the issue's scale, 0..100 salience, [-1, 1] propensity;
capabilities must stay positive). Interventions compose: ``includes`` lists others applied first,
and a claim may name several. Two interventions that ``set`` the same quantity to different
values, or that declare each other in ``excludes``, are contradictory: composing them is an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from realpolitik.errors import InputError, Problem
from realpolitik.scenario.extensions import register_check
from realpolitik.scenario.state import ScenarioState
from realpolitik.scenario.yamlsource import format_path

__all__ = ["Change", "Intervention", "parse_interventions", "apply_interventions", "compose"]


class Change(BaseModel):
    """One change of one quantity."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    what: Literal["position", "salience", "capability", "relation"]
    actor: str | None = None
    issue: str | None = None
    a: str | None = None
    b: str | None = None
    set: float | None = None
    add: float | None = None
    multiply: float | None = None
    rationale: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Change:
        ops = [k for k in ("set", "add", "multiply") if getattr(self, k) is not None]
        if len(ops) != 1:
            raise ValueError("a change needs exactly one of set, add, multiply")
        if self.what == "relation":
            if not (self.a and self.b) or self.actor or self.issue:
                raise ValueError("a relation change names a and b (and no actor or issue)")
            if self.a == self.b:
                raise ValueError("a relation change needs two different actors")
        else:
            if not self.actor or self.a or self.b:
                raise ValueError(f"a {self.what} change names one actor (and no a/b)")
            if self.what in ("position", "salience") and not self.issue:
                raise ValueError(f"a {self.what} change names its issue")
            if self.what == "capability" and self.issue:
                raise ValueError("a capability change names no issue")
        if self.what == "capability" and self.set is not None and self.set <= 0:
            raise ValueError("capability must stay positive")
        if self.what == "capability" and self.multiply is not None and self.multiply <= 0:
            raise ValueError("capability multiplier must be positive")
        return self

    @property
    def key(self) -> tuple[str, ...]:
        """The quantity this change touches."""
        if self.what == "relation":
            a, b = sorted((str(self.a), str(self.b)))
            return ("relation", a, b)
        return (self.what, str(self.actor), str(self.issue or ""))


class Intervention(BaseModel):
    """A named, sourced policy move."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)

    id: str = Field(pattern=r"^[A-Za-z][A-Za-z0-9_\-]*$")
    description: str = Field(min_length=1)
    sources: list[str] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    includes: list[str] = Field(default_factory=list)
    excludes: list[str] = Field(default_factory=list)


def _problems(data: dict[str, Any]) -> list[Problem]:
    raw = data.get("interventions") or []
    if not isinstance(raw, list):
        return [Problem("interventions", "must be a list")]
    actors = {a.get("id") for a in data.get("actors") or [] if isinstance(a, dict)}
    issues = {i.get("id") for i in data.get("issues") or [] if isinstance(i, dict)}
    problems: list[Problem] = []
    parsed: dict[str, Intervention] = {}
    for k, item in enumerate(raw):
        try:
            iv = Intervention.model_validate(item)
        except ValidationError as exc:
            for err in exc.errors():
                msg = err["msg"].removeprefix("Value error, ")
                if err["type"] == "extra_forbidden":
                    msg = "unknown key"
                problems.append(Problem(format_path(("interventions", k, *err["loc"])), msg))
            continue
        if iv.id in parsed:
            problems.append(Problem(f"interventions[{k}].id", f"duplicate id {iv.id!r}"))
        parsed[iv.id] = iv
        for c, ch in enumerate(iv.changes):
            where = f"interventions[{k}].changes[{c}]"
            for who in (ch.actor, ch.a, ch.b):
                if who is not None and who not in actors:
                    problems.append(Problem(where, f"unknown actor {who!r}"))
            if ch.issue is not None and ch.issue not in issues:
                problems.append(Problem(where, f"unknown issue {ch.issue!r}"))
    for k, iv in enumerate(parsed.values()):
        for ref in (*iv.includes, *iv.excludes):
            if ref not in parsed:
                problems.append(
                    Problem(f"interventions[{k}]", f"{iv.id} names unknown intervention {ref!r}")
                )
    if not problems:
        for iv in parsed.values():
            try:
                compose(list(parsed.values()), [iv.id])
            except InputError as exc:
                problems.append(Problem(f"interventions[{iv.id}]", exc.message))
    return problems


register_check(_problems)


def parse_interventions(raw: Sequence[dict[str, Any]]) -> list[Intervention]:
    """Validate a scenario's ``interventions`` section (already checked by ``load_scenario``)."""
    return [Intervention.model_validate(item) for item in raw]


def compose(interventions: Sequence[Intervention], ids: Sequence[str]) -> list[Change]:
    """The ordered list of changes of ``ids`` with their ``includes`` (depth first, once each).

    Raises
    ------
    InputError
        For an unknown id, a cycle of ``includes``, interventions that exclude each other, or
        two ``set`` changes of one quantity to different values.
    """
    by_id = {iv.id: iv for iv in interventions}
    order: list[Intervention] = []
    visiting: set[str] = set()

    def visit(i: str) -> None:
        if i not in by_id:
            known = ", ".join(by_id) or "none"
            raise InputError(f"unknown intervention {i!r}; the scenario has {known}",
                             field="interventions")
        if any(iv.id == i for iv in order):
            return
        if i in visiting:
            raise InputError(f"intervention {i!r} includes itself", field="interventions")
        visiting.add(i)
        for j in by_id[i].includes:
            visit(j)
        visiting.discard(i)
        order.append(by_id[i])

    for i in ids:
        visit(i)
    chosen = {iv.id for iv in order}
    for iv in order:
        clash = chosen.intersection(iv.excludes)
        if clash:
            raise InputError(
                f"contradictory interventions: {iv.id} excludes {', '.join(sorted(clash))}",
                field="interventions",
            )
    sets: dict[tuple[str, ...], tuple[str, float]] = {}
    changes: list[Change] = []
    for iv in order:
        for ch in iv.changes:
            if ch.set is not None:
                prev = sets.get(ch.key)
                if prev is not None and prev[1] != ch.set:
                    raise InputError(
                        f"contradictory interventions: {prev[0]} sets {' '.join(ch.key)} to "
                        f"{prev[1]:g}, {iv.id} to {ch.set:g}",
                        field="interventions",
                    )
                sets[ch.key] = (iv.id, ch.set)
            changes.append(ch)
    return changes


def _op(old: np.ndarray | float, ch: Change) -> float:
    if ch.set is not None:
        return float(ch.set)
    if ch.add is not None:
        return float(old) + ch.add
    return float(old) * float(ch.multiply)  # type: ignore[arg-type]


def apply_interventions(state: ScenarioState, changes: Sequence[Change]) -> ScenarioState:
    """Return a new state with ``changes`` applied in order (clipped to valid ranges)."""
    cap = state.capability.copy()
    pos = state.position.copy()
    sal = state.salience.copy()
    prop = state.propensity.copy()
    for ch in changes:
        if ch.what == "relation":
            i, j = state.actor_index(str(ch.a)), state.actor_index(str(ch.b))
            prop[i, j] = prop[j, i] = float(np.clip(_op(prop[i, j], ch), -1.0, 1.0))
            continue
        i = state.actor_index(str(ch.actor))
        if ch.what == "capability":
            cap[i] = max(_op(cap[i], ch), 1e-12)
        else:
            k = state.issue_index(str(ch.issue))
            if ch.what == "position":
                lo, hi = state.scale_min[k], state.scale_max[k]
                pos[k, i] = float(np.clip(_op(pos[k, i], ch), lo, hi))
            else:
                sal[k, i] = float(np.clip(_op(sal[k, i], ch), 0.0, 100.0))
    return replace(state, capability=cap, position=pos, salience=sal, propensity=prop)
