"""``realpolitik store info|export|import|rejected|optimize``: inspect, move, lay out the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register"]

_DB_HELP = "Store file (default $REALPOLITIK_DB or ./realpolitik.duckdb)."


def register(app: typer.Typer) -> None:
    """Add the ``store`` command group."""
    store = typer.Typer(help="Inspect, export and import the event store.", no_args_is_help=True)
    app.add_typer(store, name="store")

    @store.command("info")
    def info(
        db: Annotated[Path | None, typer.Option("--db", help=_DB_HELP)] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Event counts, date range, datasets, rejected rows by reason, ingested files."""
        from realpolitik.store import store_info

        data = store_info(db)
        rows = [
            {"item": "events", "value": data["events"]},
            {"item": "first_date", "value": data["first_date"]},
            {"item": "last_date", "value": data["last_date"]},
            {"item": "rejected", "value": data["rejected"]},
            {"item": "unclustered_events", "value": data["unclustered_events"]},
        ]
        rows += [
            {"item": f"dataset {d['dataset']}", "value": d["events"]} for d in data["datasets"]
        ]
        rows += [
            {"item": f"rejected: {r['reason']}", "value": r["rows"]}
            for r in data["rejected_by_reason"]
        ]
        emit(data, fmt, rows=rows, title=data["db"])

    @store.command("optimize")
    def optimize(
        db: Annotated[Path | None, typer.Option("--db", help=_DB_HELP)] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Rewrite even if already clustered.")
        ] = False,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Rewrite the events clustered by month and dyad (faster aggregation; crash-safe)."""
        from rich.console import Console

        from realpolitik.store import optimize_store

        with Console(stderr=True).status("sorting the events by month and dyad"):
            report = optimize_store(db, force=force)
        emit(report, fmt, title="optimize")

    @store.command("rejected")
    def rejected(
        db: Annotated[Path | None, typer.Option("--db", help=_DB_HELP)] = None,
        file: Annotated[str | None, typer.Option("--file", help="Only files ending so.")] = None,
        limit: Annotated[int, typer.Option("--limit", help="At most this many rows.")] = 50,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """List rejected rows with file, line and reason."""
        from realpolitik.store import rejected_rows

        rows = rejected_rows(db, file=file, limit=limit)
        flat = [{**r, "raw": (r["raw"] or "")[:80]} for r in rows]
        emit(rows, fmt, rows=flat, title="rejected rows")

    @store.command("export")
    def export(
        out: Annotated[Path, typer.Argument(help="New directory for the Parquet dataset.")],
        db: Annotated[Path | None, typer.Option("--db", help=_DB_HELP)] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Write the events as Parquet partitioned by month (year=YYYY/month=M)."""
        from realpolitik.store import export_parquet

        emit(export_parquet(db, out), fmt, title="export")

    @store.command("import")
    def import_(
        directory: Annotated[Path, typer.Argument(help="A dataset written by 'store export'.")],
        db: Annotated[Path | None, typer.Option("--db", help=_DB_HELP)] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Add an exported Parquet dataset to the store (deduplicated, one transaction)."""
        from realpolitik.store import import_parquet

        emit(import_parquet(db, directory), fmt, title="import")
