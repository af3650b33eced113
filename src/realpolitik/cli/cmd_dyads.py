"""``realpolitik dyads``: the relation measures of every directed dyad, per period."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli import _event_options as opt
from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register"]

#: File types ``--out`` writes, by extension.
OUT_SUFFIXES = (".csv", ".parquet")


def register(app: typer.Typer) -> None:
    """Add the ``dyads`` command."""

    @app.command("dyads")
    def dyads(
        freq: opt.FreqOpt = opt.Freq.month,
        since: opt.SinceOpt = None,
        until: opt.UntilOpt = None,
        db: opt.EventsDbOpt = None,
        exact: Annotated[
            bool, typer.Option("--exact", help="Full codes (PRKMIL) as dyads, not states.")
        ] = False,
        out: Annotated[
            Path | None,
            typer.Option(
                "--out", help="Write the rows to this .csv or .parquet file instead of stdout."
            ),
        ] = None,
        modality: opt.ModalityOpt = "actual",
        engine: opt.EngineOpt = "duckdb",
        scheduler: opt.SchedulerOpt = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Counts, Goldstein and net cooperation of every directed dyad per period.

        Only events reported as having happened count unless --modality says otherwise.
        """
        from realpolitik.errors import InputError

        if out is not None and out.suffix.lower() not in OUT_SUFFIXES:
            raise InputError(
                f"cannot write {out.suffix or 'a file without extension'!r} "
                f"(expected {' or '.join(OUT_SUFFIXES)})",
                file=str(out),
                field="out",
            )
        opt.check_engine(engine, db, scheduler)
        mods = opt.parse_modality(modality)
        if engine == "dask":
            from realpolitik.store.dask_engine import aggregate_dask

            assert db is not None  # check_engine: Dask needs a dataset directory
            frame = aggregate_dask(
                db,
                freq.value,
                exact=exact,
                since=since,
                until=until,
                scheduler=scheduler,
                modalities=mods,
            )
        else:
            from realpolitik.relations import all_dyads

            frame = all_dyads(
                db, freq.value, exact=exact, since=since, until=until, modalities=mods
            )
        summary = {
            "freq": freq.value,
            "exact": exact,
            "modality": opt.modality_label(mods),
            "rows": len(frame),
            "dyads": int(frame[["source", "target"]].drop_duplicates().shape[0]),
            "periods": int(frame["period"].nunique()),
        }
        if out is not None:
            _write(frame, out)
            emit({**summary, "out": str(out)}, fmt, title="dyads")
            return
        rows = frame.to_dict("records")
        emit(
            {**summary, "series": rows},
            fmt,
            rows=rows,
            title=f"every dyad by {freq.value}",
            columns=list(frame.columns),
        )

    def _write(frame, out: Path) -> None:
        """Write the rows to ``out`` whole or not at all (a temporary file renamed over it)."""
        import os

        from realpolitik.errors import InputError

        tmp = out.with_name(f".{out.name}.part")
        try:
            if out.suffix.lower() == ".parquet":
                frame.to_parquet(tmp, index=False)
            else:
                frame.to_csv(tmp, index=False)
            os.replace(tmp, out)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                msg = exc.strerror or str(exc)
                raise InputError(f"cannot write ({msg})", file=str(out)) from None
            raise
