"""The Dask engine: ingestion and dyad aggregation over a partitioned Parquet dataset.

* :func:`aggregate_dask` computes the integer aggregates of
  :func:`realpolitik.relations.series.aggregate_sql` (events and quad-class counts, Goldstein
  sums in integer tenths) per period and directed dyad with ``dask.dataframe`` — on a
  ``distributed`` cluster when a scheduler address or client is given. It keeps the same
  events (date bounds, and by default only ``actual`` modality, through the same helpers of
  :mod:`realpolitik.relations._source`), and because every aggregate is an integer, the
  result equals DuckDB's exactly.
* :func:`ingest_dask` parses every Parquet file of a dataset of realpolitik events on the
  cluster (each task runs the same vectorised reader as ``realpolitik ingest``) and writes
  the results into the DuckDB store in one transaction with the usual deduplication (DuckDB
  has a single writer, so the write itself is not distributed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from realpolitik.errors import InputError
from realpolitik.relations._source import DEFAULT_MODALITIES, Modalities

__all__ = ["aggregate_dask", "ingest_dask", "dask_client"]


def dask_client(scheduler: Any = None) -> Any:
    """A ``distributed.Client`` for ``scheduler`` (address or client), or None for local.

    Parameters
    ----------
    scheduler
        ``None`` (use Dask's local threaded scheduler), an address such as
        ``tcp://10.0.0.5:8786``, or an existing ``Client``.

    Returns
    -------
    distributed.Client or None
        The client to compute with.
    """
    if scheduler is None:
        return None
    from distributed import Client

    if isinstance(scheduler, Client):
        return scheduler
    try:
        return Client(str(scheduler), timeout="10s")
    except OSError as exc:
        raise InputError(f"cannot reach the Dask scheduler: {exc}", field="scheduler") from None


def _period(dates: pd.Series, freq: str) -> pd.Series:
    d = pd.to_datetime(dates)
    if freq == "day":
        return d.dt.normalize()
    if freq == "week":
        return (d - pd.to_timedelta(d.dt.day_of_week, unit="D")).dt.normalize()
    if freq == "month":
        return d.dt.to_period("M").dt.start_time
    return d.dt.to_period("Y").dt.start_time


def _keep(part: pd.DataFrame, lo: Any, hi: Any, modalities: Modalities) -> pd.DataFrame:
    """The rows of ``part`` inside the inclusive date bounds and of the counted modalities."""
    import numpy as np

    from realpolitik.relations._source import modality_mask

    keep = np.ones(len(part), dtype=bool)
    if lo is not None or hi is not None:
        # Parquet dates arrive as date32[pyarrow], object dates or datetime64 depending on the
        # Dask/pandas configuration: compare them all as Timestamps.
        dates = pd.to_datetime(part["date"])
        if lo is not None:
            keep &= (dates >= pd.Timestamp(lo)).to_numpy(dtype=bool)
        if hi is not None:
            keep &= (dates <= pd.Timestamp(hi)).to_numpy(dtype=bool)
    mask = modality_mask(part["modality"], modalities)
    if mask is not None:
        keep &= mask.fillna(False).to_numpy(dtype=bool)
    return part if keep.all() else part[keep]


def _partial(
    part: pd.DataFrame, freq: str, exact: bool, lo: Any, hi: Any, modalities: Modalities
) -> pd.DataFrame:
    import numpy as np

    part = _keep(part, lo, hi, modalities)
    src = part["source"] if exact else part["source"].str.slice(0, 3)
    tgt = part["target"] if exact else part["target"].str.slice(0, 3)
    q = part["quad_class"].astype("int64")
    frame = pd.DataFrame(
        {
            "period": _period(part["date"], freq),
            "source": src.astype("string"),
            "target": tgt.astype("string"),
            "n_events": np.ones(len(part), dtype="int64"),
            "n_verbal_coop": (q == 1).astype("int64"),
            "n_material_coop": (q == 2).astype("int64"),
            "n_verbal_conflict": (q == 3).astype("int64"),
            "n_material_conflict": (q == 4).astype("int64"),
            "goldstein_tenths": np.round(part["goldstein"].to_numpy(dtype=float) * 10).astype(
                "int64"
            ),
        }
    )
    return frame.groupby(["period", "source", "target"], sort=False).sum().reset_index()


def aggregate_dask(
    dataset: str | Path,
    freq: str = "month",
    *,
    exact: bool = False,
    since: Any = None,
    until: Any = None,
    scheduler: Any = None,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Per-period directed-dyad aggregates of a Parquet event dataset, computed with Dask.

    Parameters
    ----------
    dataset
        Directory written by :func:`realpolitik.store.export_parquet` (or any Parquet
        dataset with the ``events`` columns).
    freq
        ``day``, ``week``, ``month`` or ``year``.
    exact
        Group by full codes instead of states.
    since, until
        Inclusive date bounds on the events.
    scheduler
        Dask scheduler address or client (None: local threads).
    modalities
        Modalities of the events counted (default only ``actual``; None for all), as
        :func:`realpolitik.relations.all_dyads`.

    Returns
    -------
    pandas.DataFrame
        The same frame as :func:`realpolitik.relations.all_dyads` on the same data.

    Raises
    ------
    InputError
        A bad period, date or modality, ``since`` after ``until``, or a dataset without one
        of :data:`realpolitik.relations._source.MEASURED_COLUMNS`.
    """
    import dask.dataframe as dd

    from realpolitik.relations._source import (
        MEASURED_COLUMNS,
        check_freq,
        check_modalities,
        date_bounds,
        missing_columns_error,
    )
    from realpolitik.relations.series import COUNT_COLUMNS, add_measures
    from realpolitik.store.parquet import dataset_glob

    check_freq(freq)
    mods = check_modalities(modalities)
    lo, hi = date_bounds(since, until)
    dataset_glob(dataset)  # validates the directory
    ddf = dd.read_parquet(str(dataset))
    missing = [c for c in MEASURED_COLUMNS if c not in ddf.columns]
    if missing:
        raise missing_columns_error(missing, file=str(dataset), field="db")
    ddf = ddf[list(MEASURED_COLUMNS)]
    meta = pd.DataFrame(
        {
            "period": pd.Series([], dtype="datetime64[ns]"),
            "source": pd.Series([], dtype="string"),
            "target": pd.Series([], dtype="string"),
            **{c: pd.Series([], dtype="int64") for c in COUNT_COLUMNS},
        }
    )
    parts = ddf.map_partitions(_partial, freq, exact, lo, hi, mods, meta=meta)
    total = parts.groupby(["period", "source", "target"]).sum()
    client = dask_client(scheduler)
    result = client.compute(total).result() if client is not None else total.compute()
    out = result.reset_index()
    out["period"] = pd.to_datetime(out["period"]).dt.date
    out["source"] = out["source"].astype("str")
    out["target"] = out["target"].astype("str")
    out = add_measures(out)
    return out.sort_values(["period", "source", "target"]).reset_index(drop=True)


def _parse_file(path: str) -> tuple[Any, Any, int]:
    """Run the events reader on one file; return (events Arrow table, rejected, rows)."""
    import duckdb

    from realpolitik.events.readers import get_reader
    from realpolitik.events.readers._pipeline import (
        PARSED_TABLE,
        create_parsed_table,
        stage_select_text,
    )

    con = duckdb.connect()
    try:
        create_parsed_table(con)
        n = get_reader("events")(con, Path(path))
        # row_hash crosses to the scheduler as decimal text (Arrow has no 128-bit unsigned).
        cols = stage_select_text("line", "raw", "reason")
        table = con.sql(f"SELECT {cols} FROM {PARSED_TABLE}").to_arrow_table()
    finally:
        con.close()
    return table, path, n


def ingest_dask(db: str | Path | None, dataset: str | Path, *, scheduler: Any = None) -> list[Any]:
    """Ingest every Parquet file of ``dataset`` (realpolitik events) parsing them on Dask.

    Parameters
    ----------
    db
        Store path.
    dataset
        Directory of Parquet files with the ``Event`` columns.
    scheduler
        Dask scheduler address or client (None: local threads).

    Returns
    -------
    list of IngestReport
        One report per file, as :func:`realpolitik.store.ingest` gives.
    """
    import dask

    from realpolitik.store.eventstore import connect, ingest_staged
    from realpolitik.store.parquet import dataset_glob

    dataset_glob(dataset)
    files = sorted(str(p) for p in Path(dataset).rglob("*.parquet"))
    tasks = [dask.delayed(_parse_file)(f) for f in files]
    client = dask_client(scheduler)
    if client is not None:
        parsed = client.gather(client.compute(tasks))
    else:
        parsed = dask.compute(*tasks)
    reports = []
    with connect(db) as con:
        for table, path, n in parsed:
            reports.append(ingest_staged(con, table, path, "events", n))
    return reports
