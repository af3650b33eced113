"""Options shared by the commands that measure relations from stored events.

``relations`` and ``dyads`` read the same sources (a store file or an exported Parquet
dataset, with DuckDB or Dask) over the same periods, so they declare these options once;
``triangle --db`` shares ``--modality``.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

__all__ = [
    "Freq",
    "FreqOpt",
    "SinceOpt",
    "UntilOpt",
    "EventsDbOpt",
    "EngineOpt",
    "SchedulerOpt",
    "ModalityOpt",
    "check_engine",
    "parse_modality",
    "modality_label",
]


class Freq(str, Enum):
    """Period lengths."""

    day = "day"
    week = "week"
    month = "month"
    year = "year"


FreqOpt = Annotated[Freq, typer.Option("--freq", help="Period length.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First date.")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Last date.")]
EventsDbOpt = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Store file or exported Parquet dataset directory "
        "(default $REALPOLITIK_DB or ./realpolitik.duckdb).",
    ),
]
EngineOpt = Annotated[
    str, typer.Option("--engine", help="duckdb (default) or dask (Parquet --db).")
]
SchedulerOpt = Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address.")]
ModalityOpt = Annotated[
    str,
    typer.Option(
        "--modality",
        help="Events counted, by modality: actual (default: reported as having happened), "
        "all, or a comma-separated list such as actual,future.",
    ),
]


def parse_modality(value: str) -> tuple[str, ...] | None:
    """``--modality`` as the ``modalities`` of the relation measures (None for ``all``)."""
    from realpolitik.relations._source import check_modalities

    if value.strip().lower() == "all":
        return None
    return check_modalities([v for v in value.split(",") if v.strip()])


def check_engine(engine: str, db: Path | None, scheduler: str | None) -> None:
    """Refuse an unknown engine, Dask without a Parquet dataset, a scheduler without Dask."""
    from realpolitik.errors import InputError

    if engine == "dask":
        if db is None or not Path(db).is_dir():
            raise InputError(
                "--engine dask reads a Parquet dataset: give --db DIR (written by "
                "'realpolitik store export')",
                field="db",
            )
    elif engine == "duckdb":
        if scheduler is not None:
            raise InputError("--scheduler needs --engine dask", field="scheduler")
    else:
        raise InputError(f"unknown engine {engine!r} (expected duckdb or dask)", field="engine")


def modality_label(modalities: tuple[str, ...] | None) -> str:
    """The JSON echo of the parsed ``--modality``: ``all`` or the names joined by commas."""
    return "all" if modalities is None else ",".join(modalities)
