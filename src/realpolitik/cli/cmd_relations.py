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
    ModalityOpt,
    SchedulerOpt,
    SinceOpt,
    UntilOpt,
    check_engine,
    modality_label,
    parse_modality,
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
        modality: ModalityOpt = "actual",
        engine: EngineOpt = "duckdb",
        scheduler: SchedulerOpt = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Counts per quad class, Goldstein sum/mean and net cooperation per period.

        Only events reported as having happened count unless --modality says otherwise.
        A --since (or --until) inside a period shortens that period, which keeps its label.
        """
        from realpolitik.errors import InputError
        from realpolitik.relations import dyad_series, normalize_actor

        check_engine(engine, db, scheduler)
        mods = parse_modality(modality)
        if plot is not None and not plot.parent.is_dir():
            raise InputError(
                f"cannot write the figure: directory {str(plot.parent)!r} does not exist",
                file=str(plot),
                field="plot",
            )
        if engine == "dask":
            frame = _dask_series(
                db, source, target, freq.value, since, until, exact, both, scheduler, mods
            )
        else:
            frame = dyad_series(
                db,
                source,
                target,
                freq.value,
                since,
                until,
                exact=exact,
                both_directions=both,
                modalities=mods,
            )
        rows = frame.to_dict("records")
        if plot is not None:
            from realpolitik.relations.plot import plot_series

            plot_series(frame, plot)
        a, b = normalize_actor(source, exact=exact), normalize_actor(target, exact=exact)
        arrow = "<->" if both else "->"
        emit(
            {
                "source": a,
                "target": b,
                "freq": freq.value,
                "both_directions": both,
                "modality": modality_label(mods),
                "series": rows,
            },
            fmt,
            rows=rows,
            title=f"{a} {arrow} {b} by {freq.value}",
            columns=list(frame.columns),
        )

    def _dask_series(db, source, target, freq, since, until, exact, both, scheduler, mods):
        from realpolitik.relations._source import date_bounds
        from realpolitik.relations.actors import normalize_actor
        from realpolitik.relations.series import series_from_aggregates
        from realpolitik.store.dask_engine import aggregate_dask

        a, b = normalize_actor(source, exact=exact), normalize_actor(target, exact=exact)
        lo, hi = date_bounds(since, until)
        allrows = aggregate_dask(
            db, freq, exact=exact, since=lo, until=hi, scheduler=scheduler, modalities=mods
        )
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
