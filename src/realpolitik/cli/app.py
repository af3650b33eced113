"""Build the typer application from the discovered command modules and run it."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from realpolitik.errors import RealpolitikError

__all__ = ["app", "main", "build_app"]


def build_app() -> typer.Typer:
    """Create the typer app and let every ``cmd_*`` module register its commands."""
    application = typer.Typer(
        name="realpolitik",
        help="Measure, model and forecast how states align and bargain.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @application.callback()
    def _root() -> None:
        """Measure, model and forecast how states align and bargain."""

    import realpolitik.cli as pkg

    for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("cmd_"):
            module = importlib.import_module(f"realpolitik.cli.{info.name}")
            module.register(application)
    return application


app = build_app()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; a :class:`RealpolitikError` becomes one line on stderr and exit code 2."""
    try:
        app(args=argv, standalone_mode=True)
    except RealpolitikError as exc:
        print(f"realpolitik: error: {exc}", file=sys.stderr)
        sys.exit(2)
