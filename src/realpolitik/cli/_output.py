"""Output helpers shared by every command: the ``--format`` option and the writers.

``json`` output is the stable, scriptable contract; ``table`` is for people (rich); ``csv`` is a
flat table. Commands build plain Python data and hand it here.
"""

from __future__ import annotations

import csv
import io
import json
import math
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from fractions import Fraction
from typing import Annotated, Any

import typer

__all__ = ["OutputFormat", "FormatOpt", "emit", "to_jsonable", "print_table", "write_csv"]


class OutputFormat(str, Enum):
    """The formats every data-producing command offers."""

    table = "table"
    json = "json"
    csv = "csv"


FormatOpt = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="Output format: table (for people), json (stable), csv."),
]


def to_jsonable(obj: Any) -> Any:
    """Convert NumPy scalars/arrays, fractions, dates, enums and NaN into JSON-ready values."""
    import datetime as _dt

    import numpy as np

    if isinstance(obj, Mapping):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return to_jsonable(obj.tolist())
    if isinstance(obj, np.generic):
        return to_jsonable(obj.item())
    if isinstance(obj, float):
        return None if math.isnan(obj) or math.isinf(obj) else obj
    if isinstance(obj, Fraction):
        return f"{obj.numerator}/{obj.denominator}"
    if isinstance(obj, (_dt.date, _dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, Enum):
        return obj.value
    if hasattr(obj, "to_dict") and callable(obj.to_dict):
        return to_jsonable(obj.to_dict())
    return obj


def write_csv(
    rows: Sequence[Mapping[str, Any]],
    out: io.TextIOBase | Any = None,
    *,
    columns: Sequence[str] = (),
) -> None:
    """Write flat rows as CSV (header from ``columns``, then the union of keys, in order).

    With ``columns`` an empty result still gets its header line.
    """
    out = out or sys.stdout
    cols: list[str] = list(columns)
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    w = csv.DictWriter(out, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: to_jsonable(v) for k, v in r.items()})


def _fmt_cell(v: Any) -> str:
    if isinstance(v, float):
        return "" if math.isnan(v) else f"{v:.4g}" if abs(v) < 1e-3 and v != 0 else f"{v:.3f}"
    return str(to_jsonable(v)) if not isinstance(v, str) else v


def print_table(rows: Sequence[Mapping[str, Any]], title: str | None = None) -> None:
    """Print flat rows as a rich table.

    On a terminal the table fits its width (rich shortens cells); written to a pipe or a file
    it is as wide as its contents, so that no value is cut (rich would assume 80 columns).
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title)
    cols: list[str] = []
    for r in rows:
        for k in r:
            if k not in cols:
                cols.append(k)
    for c in cols:
        table.add_column(c)
    for r in rows:
        table.add_row(*[_fmt_cell(r.get(c, "")) for c in cols])
    console = Console()
    if not console.is_terminal:
        wide = Console(width=100_000, file=io.StringIO())
        console = Console(width=max(80, wide.measure(table).maximum))
    console.print(table)


def emit(
    data: Any,
    fmt: OutputFormat,
    *,
    rows: Sequence[Mapping[str, Any]] | None = None,
    title: str | None = None,
    columns: Sequence[str] = (),
) -> None:
    """Print ``data`` as JSON, or ``rows`` (flat records) as a table or CSV.

    Parameters
    ----------
    data
        The full result, printed as JSON for ``--format json``.
    fmt
        The chosen format.
    rows
        A flat view of the result for ``table`` and ``csv``; defaults to ``data`` when it is
        already a list of flat mappings.
    title
        Table title.
    columns
        Column names of ``rows`` (so that an empty CSV still has its header).
    """
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(to_jsonable(data), indent=2, ensure_ascii=False) + "\n")
        return
    flat = rows if rows is not None else data
    if isinstance(flat, Mapping):
        flat = [flat]
    if fmt is OutputFormat.csv:
        write_csv(flat, columns=columns)
    else:
        print_table(flat, title=title)
