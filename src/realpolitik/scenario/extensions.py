"""Registry of extra scenario checks (interventions, claims register theirs on import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from realpolitik.errors import Problem

__all__ = ["register_check", "registered_checks"]

Check = Callable[[dict[str, Any]], list[Problem]]
_CHECKS: list[Check] = []


def register_check(check: Check) -> Check:
    """Decorator: add a whole-scenario check returning a list of problems."""
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


def registered_checks() -> tuple[Check, ...]:
    """The registered checks, in registration order."""
    return tuple(_CHECKS)
