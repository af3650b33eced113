"""Exceptions of realpolitik.

Every error that bad input can cause derives from :class:`RealpolitikError`. Its ``str()`` is
one line naming where the problem is (file, field, line) and what was expected; the CLI prints
exactly that line to stderr and exits with status 2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "RealpolitikError",
    "InputError",
    "ValidationError",
    "Problem",
    "UnknownActorError",
    "ModelError",
]


class RealpolitikError(Exception):
    """Base class of every error realpolitik raises on bad input or impossible requests."""


def _where(file: str | None, field: str | None, line: int | None) -> str:
    parts = []
    if file:
        parts.append(f"{file}:{line}" if line else str(file))
    if field:
        parts.append(f"field '{field}'")
    return ", ".join(parts)


class InputError(RealpolitikError, ValueError):
    """Bad input in a file or argument.

    Parameters
    ----------
    message
        What is wrong and what was expected.
    file, field, line
        Where it is; any may be omitted.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        field: str | None = None,
        line: int | None = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.field = field
        self.line = line
        self.message = message
        where = _where(self.file, field, line)
        super().__init__(f"{where}: {message}" if where else message)


@dataclass(frozen=True)
class Problem:
    """One problem found while validating a file: where it is and what is wrong."""

    path: str
    message: str
    line: int | None = None

    def format(self, file: str | None = None) -> str:
        """Render as ``file:line: path: message``."""
        loc = file or ""
        if self.line:
            loc = f"{loc}:{self.line}" if loc else f"line {self.line}"
        head = f"{loc}: " if loc else ""
        return f"{head}{self.path}: {self.message}" if self.path else f"{head}{self.message}"


class ValidationError(InputError):
    """A file failed validation; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem], *, file: str | None = None) -> None:
        self.problems = list(problems)
        first = self.problems[0].format(file) if self.problems else f"{file}: invalid"
        more = f" (and {len(self.problems) - 1} more problem(s))" if len(self.problems) > 1 else ""
        RealpolitikError.__init__(self, first + more)
        self.file = file
        self.field = self.problems[0].path if self.problems else None
        self.line = self.problems[0].line if self.problems else None
        self.message = str(self)


class UnknownActorError(InputError):
    """An actor code or name that the scenario or dictionary does not know."""


class ModelError(RealpolitikError):
    """A model was asked for something its definition does not allow."""
