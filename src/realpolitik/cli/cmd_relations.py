"""``realpolitik relations``: the event series of a directed dyad from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._event_options import (
    EngineOpt,
    EventsDbOpt,
    Freq,
    FreqOpt,
    SchedulerOpt,
    SinceOpt,
    UntilOpt,
    check_engine,
)
from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "Freq"]


def register(app: typer.Typer) -> None:
    """Add the ``relations`` command."""

    @app.command("relations")
    def relations(
        source: Annotated[str, typer.Option("--source", help="Source actor (code or alias).")],
        target: Annotated[str, typer.Option("--target", help="Target actor (code or alias).")],
        freq: FreqOpt = Freq.month,
        since: SinceOpt = None,
        until: UntilOpt = None,
        db: EventsDbOpt = None,
        exact: Annotated[
            bool, typer.Option("--exact", help="Match full codes (PRKMIL), not states.")
        ] = False,
        both: Annotated[
            bool, typer.Option("--both", help="Pool both directions (symmetric series).")
        ] = False,
        plot: Annotated[
            Path | None, typer.Option("--plot", help="Also draw the series to this PNG.")
        ] = None,
        engine: EngineOpt = "duckdb",
        scheduler: SchedulerOpt = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Counts per quad class, Goldstein sum/mean and net cooperation per period."""
        from realpolitik.relations import dyad_series

        check_engine(engine, db, scheduler)
        if engine == "dask":
            frame = _dask_series(
                db, source, target, freq.value, since, until, exact, both, scheduler
            )
        else:
            frame = dyad_series(
                db, source, target, freq.value, since, until, exact=exact, both_directions=both
            )
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
            columns=list(frame.columns),
        )

    def _dask_series(db, source, target, freq, since, until, exact, both, scheduler):
        from realpolitik.relations._source import date_bounds
        from realpolitik.relations.actors import normalize_actor
        from realpolitik.relations.series import series_from_aggregates
        from realpolitik.store.dask_engine import aggregate_dask

        a, b = normalize_actor(source, exact=exact), normalize_actor(target, exact=exact)
        lo, hi = date_bounds(since, until)
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
