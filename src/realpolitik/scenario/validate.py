"""Load and validate scenario files, reporting every problem with its location."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError as PydanticValidationError

from realpolitik.errors import Problem, ValidationError
from realpolitik.scenario.schema import Scenario
from realpolitik.scenario.yamlsource import format_path, load_yaml_with_lines

__all__ = ["load_scenario", "validate_scenario_file", "scenario_problems", "check_references"]


def _line_for(path: str, lines: dict[str, int]) -> int | None:
    p = path
    while True:
        if p in lines:
            return lines[p]
        if not p:
            return None
        cut = max(p.rfind("."), p.rfind("["))
        p = p[:cut] if cut > 0 else ""


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and x == x


def check_references(data: dict[str, Any]) -> list[Problem]:
    """Cross-reference checks pydantic cannot do field by field.

    Every actor named in an issue or relation must be declared; every declared actor needs a
    stance on every issue; relation pairs must not repeat with a different propensity.
    """
    problems: list[Problem] = []
    actors = [a.get("id") for a in data.get("actors") or [] if isinstance(a, dict)]
    known = set(actors)
    for i, iss in enumerate(data.get("issues") or []):
        if not isinstance(iss, dict):
            continue
        pos = iss.get("positions") or {}
        if not isinstance(pos, dict):
            continue
        for actor in pos:
            if actor not in known:
                problems.append(
                    Problem(f"issues[{i}].positions.{actor}", f"unknown actor {actor!r}")
                )
        for actor in actors:
            if actor not in pos:
                problems.append(
                    Problem(
                        f"issues[{i}].positions",
                        f"actor {actor!r} has no position on issue {iss.get('id')!r}",
                    )
                )
        raw_scale = iss.get("scale")
        scale: dict[str, Any] = raw_scale if isinstance(raw_scale, dict) else {}
        lo, hi = scale.get("min", 0.0), scale.get("max", 100.0)
        for actor, st in pos.items():
            x = st.get("position") if isinstance(st, dict) else None
            if _is_number(x) and _is_number(lo) and _is_number(hi) and not lo <= x <= hi:
                problems.append(
                    Problem(
                        f"issues[{i}].positions.{actor}.position",
                        f"position {x} lies outside the issue's scale [{lo}, {hi}]",
                    )
                )
    if actors and not (data.get("issues") or []) and not (data.get("relations") or []):
        problems.append(Problem("issues", "the scenario has neither issues nor relations"))
    seen: dict[frozenset[str], tuple[int, Any]] = {}
    for k, rel in enumerate(data.get("relations") or []):
        if not isinstance(rel, dict):
            continue
        for end in ("a", "b"):
            if end in rel and rel[end] not in known:
                problems.append(Problem(f"relations[{k}].{end}", f"unknown actor {rel[end]!r}"))
        pair = frozenset((str(rel.get("a")), str(rel.get("b"))))
        if pair in seen and seen[pair][1] != rel.get("propensity"):
            problems.append(
                Problem(
                    f"relations[{k}]",
                    f"propensity between {rel.get('a')} and {rel.get('b')} given twice with "
                    f"different values ({seen[pair][1]} at relations[{seen[pair][0]}], "
                    f"{rel.get('propensity')} here); propensities are symmetric",
                )
            )
        seen.setdefault(pair, (k, rel.get("propensity")))
    return problems


def scenario_problems(data: Any, lines: dict[str, int] | None = None) -> list[Problem]:
    """Every problem in an already-parsed scenario mapping (empty list if it is valid)."""
    lines = lines or {}
    if not isinstance(data, dict):
        return [Problem("", "a scenario file must be a mapping at the top level", 1)]
    problems: list[Problem] = []
    try:
        Scenario.model_validate(data)
    except PydanticValidationError as exc:
        for err in exc.errors():
            loc = format_path(err["loc"])
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "unknown key"
            elif err["type"] == "missing":
                msg = "missing required key"
            if msg.startswith("Value error, "):
                msg = msg[len("Value error, ") :]
            if "input" in err and err["type"] not in ("missing", "extra_forbidden"):
                inp = err["input"]
                if not isinstance(inp, (dict, list)):
                    msg = f"{msg} (got {inp!r})"
            problems.append(Problem(loc, msg, _line_for(loc, lines)))
    for p in check_references(data):
        problems.append(Problem(p.path, p.message, _line_for(p.path, lines)))
    # pluggable extensions (interventions, claims) validate their own sections
    from realpolitik.scenario import claims, extensions, interventions

    del claims, interventions  # imported for their registered checks

    for check in extensions.registered_checks():
        for p in check(data):
            problems.append(Problem(p.path, p.message, p.line or _line_for(p.path, lines)))
    return problems


def validate_scenario_file(path: str | Path) -> list[Problem]:
    """Parse and validate a scenario file; return every problem (an empty list when valid).

    Raises
    ------
    InputError
        When the file cannot be read or is not YAML at all.
    """
    data, lines = load_yaml_with_lines(path)
    return scenario_problems(data, lines)


def load_scenario(path: str | Path) -> Scenario:
    """Load a scenario file, raising :class:`ValidationError` listing every problem."""
    data, lines = load_yaml_with_lines(path)
    problems = scenario_problems(data, lines)
    if problems:
        raise ValidationError(problems, file=str(path))
    return Scenario.model_validate(data)
