"""The single-issue bargaining problem every model takes as input.

A :class:`BargainingProblem` holds, for one issue, each actor's capability ``c`` (> 0),
position ``x`` on the issue continuum and salience ``s`` (0–100), together with the status quo
and the ends of the scale. It is frozen and validated once, on construction, so every model can
trust its input and every bad input fails the same way, with one line naming what is wrong.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.errors import InputError

__all__ = ["BargainingProblem", "CSV_COLUMNS"]

#: The header of the single-issue CSV interchange format (any letter case, any column order).
CSV_COLUMNS: tuple[str, ...] = ("actor", "capability", "position", "salience")


def _as_array(values: Any, name: str, source: str | None) -> np.ndarray:
    try:
        arr = np.array(values, dtype=float).reshape(-1)
    except (TypeError, ValueError) as exc:
        raise InputError(f"expected numbers ({exc})", file=source, field=name) from None
    return arr


@dataclass(frozen=True, eq=False)
class BargainingProblem:
    """One issue: actors with capability, position and salience, a status quo and a scale.

    Parameters
    ----------
    actors
        Actor identifiers, unique.
    capability
        Capability ``c_i > 0`` of each actor (any unit; only ratios matter).
    position
        Position ``x_i`` of each actor on the issue continuum.
    salience
        Salience ``s_i`` in ``[0, 100]``.
    status_quo
        Position of the status quo, or ``None`` when the source gives none.
    scale_min, scale_max
        Ends of the issue continuum; default to the smallest and largest position.
    source
        Where the data came from (a file name), used in error messages.

    Raises
    ------
    InputError
        On any invalid value: no actors, repeated actor names, a non-finite number, a
        capability <= 0, a salience outside 0–100, or arrays of different lengths.
    """

    actors: tuple[str, ...]
    capability: np.ndarray
    position: np.ndarray
    salience: np.ndarray
    status_quo: float | None = None
    scale_min: float | None = None
    scale_max: float | None = None
    source: str | None = None

    def __post_init__(self) -> None:
        src = self.source
        actors = tuple(str(a) for a in self.actors)
        if len(actors) == 0:
            raise InputError("a bargaining problem needs at least one actor", file=src,
                             field="actor")
        if len(set(actors)) != len(actors):
            dup = sorted({a for a in actors if actors.count(a) > 1})
            raise InputError(f"actor names must be unique; repeated: {', '.join(dup)}",
                             file=src, field="actor")
        arrays = {}
        for name in ("capability", "position", "salience"):
            arr = _as_array(getattr(self, name), name, src)
            if arr.shape != (len(actors),):
                raise InputError(
                    f"expected {len(actors)} values (one per actor), got {arr.size}",
                    file=src, field=name,
                )
            bad = np.flatnonzero(~np.isfinite(arr))
            if bad.size:
                raise InputError(f"value for {actors[bad[0]]} is not a finite number",
                                 file=src, field=name)
            arr.setflags(write=False)
            arrays[name] = arr
        cap, sal = arrays["capability"], arrays["salience"]
        if (cap <= 0).any():
            k = int(np.flatnonzero(cap <= 0)[0])
            raise InputError(f"capability of {actors[k]} is {cap[k]:g}; expected > 0",
                             file=src, field="capability")
        if ((sal < 0) | (sal > 100)).any():
            k = int(np.flatnonzero((sal < 0) | (sal > 100))[0])
            raise InputError(f"salience of {actors[k]} is {sal[k]:g}; expected 0 to 100",
                             file=src, field="salience")
        pos = arrays["position"]
        lo = float(pos.min()) if self.scale_min is None else float(self.scale_min)
        hi = float(pos.max()) if self.scale_max is None else float(self.scale_max)
        for name, v in (("scale_min", lo), ("scale_max", hi)):
            if not math.isfinite(v):
                raise InputError("expected a finite number", file=src, field=name)
        if lo > hi:
            raise InputError(f"scale min {lo:g} exceeds scale max {hi:g}", file=src,
                             field="scale")
        if (pos < lo).any() or (pos > hi).any():
            raise InputError(f"a position lies outside the scale [{lo:g}, {hi:g}]", file=src,
                             field="position")
        sq = self.status_quo
        if sq is not None:
            sq = float(sq)
            if not math.isfinite(sq):
                raise InputError("status quo is not a finite number", file=src,
                                 field="status_quo")
        object.__setattr__(self, "actors", actors)
        for name, arr in arrays.items():
            object.__setattr__(self, name, arr)
        object.__setattr__(self, "scale_min", lo)
        object.__setattr__(self, "scale_max", hi)
        object.__setattr__(self, "status_quo", sq)

    # -- views ------------------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of actors."""
        return len(self.actors)

    @property
    def scale(self) -> tuple[float, float]:
        """``(scale_min, scale_max)``, always set after validation."""
        assert self.scale_min is not None and self.scale_max is not None
        return self.scale_min, self.scale_max

    @property
    def weight(self) -> np.ndarray:
        """The product ``c_i * s_i`` that weights each actor in the spatial models."""
        return self.capability * self.salience

    def to_frame(self) -> Any:
        """The problem as a pandas frame ``actor, capability, position, salience``."""
        import pandas as pd

        return pd.DataFrame(
            {
                "actor": list(self.actors),
                "capability": self.capability,
                "position": self.position,
                "salience": self.salience,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain-data view (lists and floats)."""
        return {
            "actors": list(self.actors),
            "capability": self.capability.tolist(),
            "position": self.position.tolist(),
            "salience": self.salience.tolist(),
            "status_quo": self.status_quo,
            "scale_min": self.scale_min,
            "scale_max": self.scale_max,
        }

    def replace(self, **changes: Any) -> BargainingProblem:
        """A copy with some fields changed (validated again)."""
        fields: dict[str, Any] = {
            "actors": self.actors,
            "capability": self.capability,
            "position": self.position,
            "salience": self.salience,
            "status_quo": self.status_quo,
            "scale_min": self.scale_min,
            "scale_max": self.scale_max,
            "source": self.source,
        }
        fields.update(changes)
        return BargainingProblem(**fields)

    # -- constructors -----------------------------------------------------------------------
    @classmethod
    def from_arrays(
        cls,
        actors: Sequence[str],
        capability: Any,
        position: Any,
        salience: Any,
        *,
        status_quo: float | None = None,
        scale_min: float | None = None,
        scale_max: float | None = None,
        source: str | None = None,
    ) -> BargainingProblem:
        """Build from plain sequences (a convenience equal to the constructor)."""
        return cls(tuple(actors), np.asarray(capability, dtype=float),
                   np.asarray(position, dtype=float), np.asarray(salience, dtype=float),
                   status_quo, scale_min, scale_max, source)

    @classmethod
    def from_frame(
        cls,
        frame: Any,
        *,
        status_quo: float | None = None,
        scale_min: float | None = None,
        scale_max: float | None = None,
        source: str | None = None,
    ) -> BargainingProblem:
        """Build from a frame with columns ``actor, capability, position, salience``.

        Column names are matched in any letter case.

        Parameters
        ----------
        frame
            A pandas DataFrame.
        status_quo, scale_min, scale_max, source
            As for the constructor.

        Returns
        -------
        BargainingProblem
        """
        cols = {str(c).strip().lower(): c for c in frame.columns}
        missing = [c for c in CSV_COLUMNS if c not in cols]
        if missing:
            raise InputError(
                f"missing column(s) {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}",
                file=source, field=missing[0],
            )
        return cls(
            tuple(str(a) for a in frame[cols["actor"]]),
            _as_array(frame[cols["capability"]].to_numpy(), "capability", source),
            _as_array(frame[cols["position"]].to_numpy(), "position", source),
            _as_array(frame[cols["salience"]].to_numpy(), "salience", source),
            status_quo, scale_min, scale_max, source,
        )

    @classmethod
    def from_scenario(cls, scenario: Any, issue_id: str) -> BargainingProblem:
        """Build from one issue of a :class:`realpolitik.scenario.Scenario`.

        Actors without a stance on the issue are left out. The status quo and the scale ends
        come from the issue.

        Parameters
        ----------
        scenario
            A loaded scenario.
        issue_id
            The issue's id.

        Returns
        -------
        BargainingProblem
        """
        issue = scenario.issue(issue_id)
        frame = scenario.issue_frame(issue_id)
        return cls.from_frame(
            frame,
            status_quo=issue.status_quo,
            scale_min=issue.scale.min,
            scale_max=issue.scale.max,
            source=f"issue {issue_id}",
        )

    @classmethod
    def from_csv(
        cls,
        path: str | Path,
        *,
        status_quo: float | None = None,
        scale_min: float | None = None,
        scale_max: float | None = None,
    ) -> BargainingProblem:
        """Read the single-issue CSV with header ``actor,capability,position,salience``.

        The header may be in any letter case and any column order; extra columns are
        ignored. Errors name the file, the line and the field.

        Parameters
        ----------
        path
            The CSV file.
        status_quo, scale_min, scale_max
            Optional issue data the format does not carry.

        Returns
        -------
        BargainingProblem

        Raises
        ------
        InputError
            If the file is missing, empty, not a CSV of that form, or holds a bad value.
        """
        p = Path(path)
        src = str(p)
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read file ({exc.strerror})", file=src) from None
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError("not a text CSV file (not UTF-8)", file=src) from None
        if "\x00" in text:
            raise InputError("not a text CSV file (binary content)", file=src)
        lines = text.splitlines()
        if not any(line.strip() for line in lines):
            raise InputError(
                f"empty file; expected a header {','.join(CSV_COLUMNS)} and one row per actor",
                file=src,
            )
        reader = csv.reader(lines)
        header: list[str] | None = None
        header_line = 0
        rows: list[tuple[int, list[str]]] = []
        for lineno, record in enumerate(reader, start=1):
            if not record or all(not f.strip() for f in record):
                continue
            if header is None:
                header = [h.strip().lower() for h in record]
                header_line = lineno
                continue
            rows.append((lineno, record))
        assert header is not None
        missing = [c for c in CSV_COLUMNS if c not in header]
        if missing:
            raise InputError(
                f"missing column(s) {', '.join(missing)}; expected a header "
                f"{','.join(CSV_COLUMNS)} (any letter case)",
                file=src, line=header_line, field=missing[0],
            )
        if not rows:
            raise InputError("no actor rows after the header", file=src, line=header_line)
        idx = {c: header.index(c) for c in CSV_COLUMNS}
        actors: list[str] = []
        values: dict[str, list[float]] = {"capability": [], "position": [], "salience": []}
        for lineno, record in rows:
            if len(record) < len(header):
                raise InputError(
                    f"expected {len(header)} fields, found {len(record)}",
                    file=src, line=lineno, field=CSV_COLUMNS[0] if not record else None,
                )
            name = record[idx["actor"]].strip()
            if not name:
                raise InputError("empty actor name", file=src, line=lineno, field="actor")
            actors.append(name)
            for col in ("capability", "position", "salience"):
                cell = record[idx[col]].strip()
                try:
                    v = float(cell)
                except ValueError:
                    raise InputError(f"expected a number, got {cell!r}", file=src, line=lineno,
                                     field=col) from None
                if not math.isfinite(v):
                    raise InputError(f"expected a finite number, got {cell!r}", file=src,
                                     line=lineno, field=col)
                if col == "capability" and v <= 0:
                    raise InputError(f"capability is {cell}; expected > 0", file=src,
                                     line=lineno, field=col)
                if col == "salience" and not 0 <= v <= 100:
                    raise InputError(f"salience is {cell}; expected 0 to 100", file=src,
                                     line=lineno, field=col)
                values[col].append(v)
        if len(set(actors)) != len(actors):
            seen: set[str] = set()
            for (lineno, _), a in zip(rows, actors, strict=True):
                if a in seen:
                    raise InputError(f"actor {a!r} appears twice", file=src, line=lineno,
                                     field="actor")
                seen.add(a)
        return cls(
            tuple(actors),
            np.array(values["capability"]),
            np.array(values["position"]),
            np.array(values["salience"]),
            status_quo, scale_min, scale_max, src,
        )
