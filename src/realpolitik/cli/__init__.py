"""The ``realpolitik`` command line: thin adapters over library calls.

Each command lives in its own module ``realpolitik.cli.cmd_<name>`` which defines
``register(app: typer.Typer) -> None``. Modules are discovered, so adding a command never means
editing a list. Library imports inside commands are lazy, so ``realpolitik --help`` stays fast.

Exports
-------
app, main
"""

from realpolitik.cli.app import app, main

__all__ = ["app", "main"]
