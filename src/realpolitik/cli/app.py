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


# typer ships its own copy of click: its exception classes, found from a public one.
_CLICK_EXCEPTION: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; every input error becomes one line on stderr and exit code 2.

    That covers :class:`RealpolitikError` (bad files, fields, actors) and the command line's
    own usage errors (an unknown option, a bad option value, a missing argument), which typer
    would print as a multi-line box. A bare command group still prints its help (exit 2).
    """
    try:
        code = app(args=argv, prog_name="realpolitik", standalone_mode=False)
    except RealpolitikError as exc:
        print(f"realpolitik: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except typer.Abort:
        print("Aborted!", file=sys.stderr)
        sys.exit(1)
    except _CLICK_EXCEPTION as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ != "NoArgsIsHelpError":  # that one has printed the help
            path = ctx.command_path if ctx is not None else "realpolitik"
            sub = path.removeprefix("realpolitik").strip()
            where = f"{sub}: " if sub else ""
            hint = f" (see '{path} --help')"
            message = exc.format_message()  # type: ignore[attr-defined]
            print(f"realpolitik: error: {where}{message}{hint}", file=sys.stderr)
        sys.exit(exc.exit_code)  # type: ignore[attr-defined]
    # Outside standalone mode an explicit ``typer.Exit(code)`` (and ``--help``) comes back
    # as its exit code; commands themselves return None.
    if isinstance(code, int) and not isinstance(code, bool) and code:
        sys.exit(code)
