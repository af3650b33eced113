"""``realpolitik scenario validate FILE``: check a scenario file, report every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``scenario`` command group."""
    group = typer.Typer(
        help="Scenario files: validate, list the bundled ones.", no_args_is_help=True
    )

    @group.command("validate")
    def validate(
        file: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Check FILE and report every problem with its location (exit 2 if any)."""
        from realpolitik.scenario import validate_scenario_file

        problems = validate_scenario_file(file)
        if fmt is OutputFormat.json:
            emit(
                {
                    "file": str(file),
                    "valid": not problems,
                    "problems": [
                        {"path": p.path, "line": p.line, "message": p.message} for p in problems
                    ],
                },
                fmt,
            )
        elif not problems:
            typer.echo(f"{file}: valid")
        else:
            for p in problems:
                typer.echo(p.format(str(file)), err=True)
        if problems:
            raise typer.Exit(2)

    @group.command("list")
    def list_bundled(fmt: FormatOpt = OutputFormat.table) -> None:
        """List the scenarios bundled with realpolitik."""
        from realpolitik.scenario.bundled import bundled_scenario_names, bundled_scenario_path

        names = bundled_scenario_names()
        rows = [{"name": n, "path": str(bundled_scenario_path(n))} for n in names]
        emit(rows, fmt, title="Bundled scenarios")

    app.add_typer(group, name="scenario")
