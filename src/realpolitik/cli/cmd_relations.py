"""``realpolitik relations``: the event series of a directed dyad from the store."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "Freq"]


class Freq(str, Enum):
    """Period lengths."""

    day = "day"
    week = "week"
    month = "month"
    year = "year"


def register(app: typer.Typer) -> None:
    """Add the ``relations`` command."""

    @app.command("relations")
    def relations(
        source: Annotated[str, typer.Option("--source", help="Source actor (code or alias).")],
        target: Annotated[str, typer.Option("--target", help="Target actor (code or alias).")],
        freq: Annotated[Freq, typer.Option("--freq", help="Period length.")] = Freq.month,
        since: Annotated[str | None, typer.Option("--since", help="First date.")] = None,
        until: Annotated[str | None, typer.Option("--until", help="Last date.")] = None,
        db: Annotated[
            Path | None,
            typer.Option(
                "--db",
                help="Store file or exported Parquet dataset directory "
                "(default $REALPOLITIK_DB or ./realpolitik.duckdb).",
            ),
        ] = None,
        exact: Annotated[
            bool, typer.Option("--exact", help="Match full codes (PRKMIL), not states.")
        ] = False,
        both: Annotated[
            bool, typer.Option("--both", help="Pool both directions (symmetric series).")
        ] = False,
        plot: Annotated[
            Path | None, typer.Option("--plot", help="Also draw the series to this PNG.")
        ] = None,
        engine: Annotated[
            str, typer.Option("--engine", help="duckdb (default) or dask (Parquet --db).")
        ] = "duckdb",
        scheduler: Annotated[
            str | None, typer.Option("--scheduler", help="Dask scheduler address.")
        ] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Counts per quad class, Goldstein sum/mean and net cooperation per period."""
        from realpolitik.errors import InputError
        from realpolitik.relations import dyad_series

        if engine == "dask":
            frame = _dask_series(
                db, source, target, freq.value, since, until, exact, both, scheduler
            )
        elif engine == "duckdb":
            if scheduler is not None:
                raise InputError("--scheduler needs --engine dask", field="scheduler")
            frame = dyad_series(
                db, source, target, freq.value, since, until, exact=exact, both_directions=both
            )
        else:
            raise InputError(f"unknown engine {engine!r} (expected duckdb or dask)", field="engine")
        rows = frame.to_dict("records")
        if plot is not None:
            from realpolitik.relations.plot import plot_series

            plot_series(frame, plot)
        a, b = (rows[0]["source"], rows[0]["target"]) if rows else (source, target)
        arrow = "<->" if both else "->"
        emit(
            {"source": a, "target": b, "freq": freq.value, "both_directions": both, "series": rows},
            fmt,
            rows=rows,
            title=f"{a} {arrow} {b} by {freq.value}",
        )

    def _dask_series(db, source, target, freq, since, until, exact, both, scheduler):
        from realpolitik.errors import InputError
        from realpolitik.relations._source import as_date
        from realpolitik.relations.actors import normalize_actor
        from realpolitik.relations.series import series_from_aggregates
        from realpolitik.store.dask_engine import aggregate_dask

        if db is None or not Path(db).is_dir():
            raise InputError(
                "--engine dask reads a Parquet dataset: give --db DIR (written by "
                "'realpolitik store export')",
                field="db",
            )
        a, b = normalize_actor(source, exact=exact), normalize_actor(target, exact=exact)
        lo, hi = as_date(since, "since"), as_date(until, "until")
        allrows = aggregate_dask(db, freq, exact=exact, since=lo, until=hi, scheduler=scheduler)
        pick = (allrows.source == a) & (allrows.target == b)
        if both:
            pick |= (allrows.source == b) & (allrows.target == a)
        sel = allrows[pick]
        counts = [
            "n_events",
            "n_verbal_coop",
            "n_material_coop",
            "n_verbal_conflict",
            "n_material_conflict",
        ]
        grouped = sel.groupby("period", as_index=False)[counts].sum()
        tenths = (sel["goldstein_sum"] * 10).round().astype("int64").groupby(sel["period"]).sum()
        grouped["goldstein_tenths"] = grouped["period"].map(tenths).astype("int64")
        return series_from_aggregates(grouped, a, b, freq, lo, hi)
