"""``realpolitik ingest``: load event files into the DuckDB store (idempotent, transactional)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._output import OutputFormat, emit

__all__ = ["register", "InputFormat", "Engine"]


class InputFormat(str, Enum):
    """Input formats of ``ingest`` (the registered readers)."""

    gdelt1 = "gdelt1"
    gdelt2 = "gdelt2"
    icews = "icews"
    phoenix = "phoenix"
    events = "events"


class Engine(str, Enum):
    """Where parsing runs."""

    duckdb = "duckdb"
    dask = "dask"


def register(app: typer.Typer) -> None:
    """Add the ``ingest`` command."""

    @app.command("ingest")
    def ingest(
        files: Annotated[
            list[Path],
            typer.Argument(
                help="Event files (or, with --engine dask, directories of events Parquet)."
            ),
        ],
        fmt: Annotated[
            InputFormat,
            typer.Option(
                "--format",
                help="Input format (this command's --format is the "
                "input format, not the output format).",
            ),
        ],
        db: Annotated[
            Path | None,
            typer.Option(
                "--db", help="Store file (default $REALPOLITIK_DB or ./realpolitik.duckdb)."
            ),
        ] = None,
        output: Annotated[
            OutputFormat, typer.Option("--output", "-o", help="Report format: table|json|csv.")
        ] = OutputFormat.table,
        engine: Annotated[
            Engine, typer.Option("--engine", help="duckdb (default) or dask.")
        ] = Engine.duckdb,
        scheduler: Annotated[
            str | None,
            typer.Option("--scheduler", help="Dask scheduler address (with --engine dask)."),
        ] = None,
    ) -> None:
        """Load event files into the store: one transaction per file, duplicates skipped.

        Bad rows go to the store's ``rejected`` table with file, line and reason; the
        counts are printed. Exits with status 2 when a file yields no event at all.
        """
        from realpolitik.errors import InputError
        from realpolitik.store import default_db_path

        path = default_db_path(db)
        if engine is Engine.dask:
            from realpolitik.store.dask_engine import ingest_dask

            if fmt is not InputFormat.events:
                raise InputError(
                    "--engine dask ingests Parquet datasets of realpolitik events "
                    "(--format events)",
                    field="engine",
                )
            reports = []
            for f in files:
                reports.extend(ingest_dask(path, f, scheduler=scheduler))
        else:
            if scheduler is not None:
                raise InputError("--scheduler needs --engine dask", field="scheduler")
            reports = _ingest_with_progress(path, files, fmt.value)
        rows = [
            {
                "file": Path(r.file).name,
                "read": r.rows_read,
                "added": r.added,
                "duplicates": r.duplicates,
                "rejected": r.rejected,
                "top_reason": _short(next(iter(r.reasons), "")),
            }
            for r in reports
        ]
        data = {"db": str(path), "files": [r.to_dict() for r in reports]}
        emit(data, output, rows=rows, title=f"ingest into {path}")
        empty = [r for r in reports if r.good == 0]
        if empty:
            r = empty[0]
            reason = next(iter(r.reasons), "no rows")
            raise InputError(
                f"no event ingested: all {r.rejected} row(s) rejected; first reason: {reason} "
                "(see 'realpolitik store rejected')",
                file=r.file,
            )

    def _short(text: str, n: int = 60) -> str:
        return text if len(text) <= n else text[: n - 1] + "…"

    def _ingest_with_progress(path: Path, files: list[Path], fmt: str) -> list:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from realpolitik.store import ingest as do_ingest

        console = Console(stderr=True)
        with Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as bar:
            task = bar.add_task("ingest", total=None)
            names = iter(files)

            def on_file(rep) -> None:
                nxt = next(names, None)
                if nxt is not None:
                    bar.update(task, description=f"ingest {nxt.name}")

            bar.update(task, description=f"ingest {files[0].name}" if files else "ingest")
            next(names, None)
            return do_ingest(
                path, files, fmt, progress=lambda n: bar.advance(task, n), on_file=on_file
            )
