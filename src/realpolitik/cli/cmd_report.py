"""``realpolitik report SCENARIO --out DIR`` and ``realpolitik demo [--out DIR]``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register"]

DrawsOpt = Annotated[int, typer.Option(min=0, help="Monte Carlo draws per claim and issue.")]
SeedOpt = Annotated[int, typer.Option(help="Random seed.")]
DbOpt = Annotated[Path | None, typer.Option(help="Event store (default: bundled ICEWS table).")]


def _articles(paths: list[Path] | None) -> list[Path]:
    from realpolitik.errors import InputError

    out: list[Path] = []
    for p in paths or []:
        if p.is_dir():
            out += sorted(q for q in p.iterdir() if q.suffix == ".txt")
        elif p.is_file():
            out.append(p)
        else:
            raise InputError("no such file or directory", file=str(p), field="--articles")
    return out


def _run(scenario_path: Path | None, out: Path, draws: int, seed: int, db: Path | None,
         articles: list[Path] | None, date: str | None) -> None:
    from rich.console import Console

    from realpolitik.errors import InputError
    from realpolitik.report.pipeline import build_report
    from realpolitik.scenario import bundled_scenario, load_scenario

    console = Console(stderr=True)
    if db is not None and not db.exists():
        raise InputError("no such event store", file=str(db), field="--db")
    scn = bundled_scenario() if scenario_path is None else load_scenario(scenario_path)
    files = build_report(scn, out, draws=draws, seed=seed, db=db, articles=_articles(articles),
                         article_date=date, progress=lambda m: console.print(f"[dim]{m}…[/dim]"))
    console.print(f"wrote {files.markdown} and {files.summary} ({files.figures} figures)")
    typer.echo(str(files.html))


def register(app: typer.Typer) -> None:
    """Add the ``report`` and ``demo`` commands."""

    @app.command("report")
    def report(
        scenario: Annotated[Path, typer.Argument(help="Scenario YAML file.")],
        out: Annotated[Path, typer.Option("--out", help="Directory for the report.")],
        draws: DrawsOpt = 200,
        seed: SeedOpt = 0,
        db: DbOpt = None,
        articles: Annotated[
            list[Path] | None, typer.Option(help="Article text files or folders to code.")
        ] = None,
        date: Annotated[str | None, typer.Option(help="Document date of the articles.")] = None,
    ) -> None:
        """Write the full report (report.html, report.md, summary.json); print the HTML path."""
        _run(scenario, out, draws, seed, db, articles, date)

    @app.command("demo")
    def demo(
        out: Annotated[Path, typer.Option("--out", help="Directory for the report.")] = Path(
            "out/demo"
        ),
        draws: DrawsOpt = 200,
        seed: SeedOpt = 0,
        db: DbOpt = None,
        articles: Annotated[
            list[Path] | None,
            typer.Option(help="The op-eds to code (text files or a folder), if you have them."),
        ] = None,
        date: Annotated[str | None, typer.Option(help="Document date of the articles.")] = (
            "2017-08-17"
        ),
    ) -> None:
        """The flagship Korea-2017 analysis end to end; prints the path of report.html."""
        _run(None, out, draws, seed, db, articles, date)
