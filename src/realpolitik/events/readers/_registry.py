"""The registry of input formats: each reader module registers itself with its metadata."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import InputError

__all__ = ["ReaderInfo", "register_reader", "readers", "get_reader"]


@dataclass(frozen=True)
class ReaderInfo:
    """One input format.

    Attributes
    ----------
    name
        The ``--format`` value (``gdelt2``).
    description
        One line for help texts.
    stage
        ``stage(con, path, progress) -> lines read``: parses the file into the staging table.
    """

    name: str
    description: str
    stage: Callable[..., int]

    def __call__(self, con, path: Path, progress=None) -> int:
        """Run :attr:`stage`."""
        return self.stage(con, path, progress)


_READERS: dict[str, ReaderInfo] = {}


def register_reader(name: str, description: str, stage: Callable[..., int]) -> ReaderInfo:
    """Register an input format under ``name`` and return its :class:`ReaderInfo`."""
    info = ReaderInfo(name, description, stage)
    _READERS[name] = info
    return info


def readers() -> dict[str, ReaderInfo]:
    """All registered formats, by name."""
    return dict(_READERS)


def get_reader(name: str) -> ReaderInfo:
    """The reader of format ``name``; raises :class:`InputError` naming the known formats."""
    try:
        return _READERS[name]
    except KeyError:
        known = ", ".join(sorted(_READERS))
        raise InputError(
            f"unknown input format {name!r} (expected one of: {known})", field="format"
        ) from None
