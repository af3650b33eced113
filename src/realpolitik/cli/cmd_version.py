"""``realpolitik version``: print the package version."""

from __future__ import annotations

import typer

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``version`` command."""

    @app.command("version")
    def version() -> None:
        """Print the realpolitik version."""
        from realpolitik import __version__

        typer.echo(__version__)
