"""Directed-dyad event series: counts per quad class, Goldstein sums and means, net cooperation.

Definitions (per directed dyad and period; quad classes are GDELT's: 1 verbal cooperation =
CAMEO roots 01-05, 2 material cooperation = 06-09, 3 verbal conflict = 10-14, 4 material
conflict = 15-20):

* ``n_events`` and ``n_verbal_coop``, ``n_material_coop``, ``n_verbal_conflict``,
  ``n_material_conflict``;
* ``goldstein_sum`` (Goldstein-weighted net cooperation) and ``goldstein_mean``
  (``goldstein_sum / n_events``);
* ``net_coop`` = (verbal coop + material coop) − (verbal conflict + material conflict),
  the count-based net cooperation, and its volume-normalised form
  ``net_coop_share = net_coop / n_events`` in [-1, 1]; ``material_conflict_share`` =
  ``n_material_conflict / n_events``.

Only events of the counted modalities enter (default ``actual``: what was reported as done,
not what was denied, threatened as a possibility, announced or urged; ``modalities=None``
counts every event).

Goldstein sums are accumulated in integer tenths (every CAMEO Goldstein score has one
decimal), so DuckDB and Dask give bit-identical sums whatever the summation order. (DuckDB's
DOUBLE-to-BIGINT cast rounds to the nearest integer, so ``CAST(goldstein * 10 AS BIGINT)`` is
the score in tenths without a separate ``round``.)

References
----------
Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events data. *Journal of
Conflict Resolution* 36(2), 369-385, Table 1 (the weights; summing them per dyad and period is
the paper's use). Leetaru, K. & Schrodt, P. A. (2013), *GDELT Event Database Data Format
Codebook* V1.03, field ``QuadClass`` (the four classes; after Duval & Thompson 1980).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from realpolitik.relations._source import (
    DEFAULT_MODALITIES,
    EventSource,
    Modalities,
    check_freq,
    date_bounds,
    event_where,
    fetch_frame,
    open_events,
)
from realpolitik.relations.actors import normalize_actor

__all__ = [
    "COUNT_COLUMNS",
    "aggregate_sql",
    "add_measures",
    "dyad_series",
    "series_from_aggregates",
    "dyad_counts",
    "all_dyads",
]

COUNT_COLUMNS = (
    "n_events",
    "n_verbal_coop",
    "n_material_coop",
    "n_verbal_conflict",
    "n_material_conflict",
    "goldstein_tenths",
)


#: Integer grouping key and its period start, per frequency (others use ``date_trunc``).
_PERIOD_KEYS = {
    "month": (
        "year(date) * 12 + month(date) - 1",
        "make_date(CAST(_k // 12 AS INTEGER), CAST(_k % 12 + 1 AS INTEGER), 1)",
    ),
    "year": ("year(date)", "make_date(CAST(_k AS INTEGER), 1, 1)"),
}


def aggregate_sql(
    table: str,
    freq: str | None,
    where: str = "TRUE",
    *,
    by_dyad: bool = False,
    exact: bool = False,
) -> str:
    """SQL of the integer aggregates of ``table`` per period (and state-level dyad).

    Parameters
    ----------
    table
        Table expression holding events.
    freq
        ``day``, ``week``, ``month`` or ``year``; None for totals over the whole filter
        (``period`` NULL).
    where
        Filter condition.
    by_dyad
        Also group by ``source`` and ``target`` (state level unless ``exact``).
    exact
        Group by full codes instead of their first three letters.

    Returns
    -------
    str
        A query with ``period`` (DATE), optionally ``source``/``target``, and
        :data:`COUNT_COLUMNS`.
    """
    s = "source" if exact else "substr(source, 1, 3)"
    t = "target" if exact else "substr(target, 1, 3)"
    dyad = f"{s} AS source, {t} AS target, " if by_dyad else ""
    group = "1, 2, 3" if by_dyad else "1"
    if freq is None:
        key, period = "CAST(NULL AS INTEGER)", "CAST(NULL AS DATE)"
        group = "1, 2, 3" if by_dyad else ""  # no GROUP BY: one row, zeros when empty
    else:
        check_freq(freq)
        # Months and years are grouped by an integer key (cheaper than date_trunc per row)
        # and turned back into the period's first day once per group. The quad counts use
        # count_if, not count(*) FILTER (...): same values (NULL counts in neither), about 15 %
        # less time on a clustered 50M store (docs/perf-store.md). count_if returns HUGEINT,
        # which reaches pandas as Python Decimal objects: cast back to BIGINT per group.
        default = (f"CAST(date_trunc('{freq}', date) AS DATE)", "_k")
        key, period = _PERIOD_KEYS.get(freq, default)
    return f"""
        SELECT {period} AS period, * EXCLUDE (_k) FROM (
        SELECT {key} AS _k, {dyad}
            count(*) AS n_events,
            CAST(count_if(quad_class = 1) AS BIGINT) AS n_verbal_coop,
            CAST(count_if(quad_class = 2) AS BIGINT) AS n_material_coop,
            CAST(count_if(quad_class = 3) AS BIGINT) AS n_verbal_conflict,
            CAST(count_if(quad_class = 4) AS BIGINT) AS n_material_conflict,
            CAST(sum(CAST(goldstein * 10 AS BIGINT)) AS BIGINT) AS goldstein_tenths
        FROM {table} WHERE {where} {"GROUP BY " + group if group else ""})
    """


def add_measures(frame: pd.DataFrame) -> pd.DataFrame:
    """Add Goldstein sum/mean and net-cooperation columns to integer aggregates.

    Parameters
    ----------
    frame
        Rows with :data:`COUNT_COLUMNS`.

    Returns
    -------
    pandas.DataFrame
        A copy with ``goldstein_sum``, ``goldstein_mean``, ``net_coop``,
        ``net_coop_share`` and ``material_conflict_share`` (means and shares NaN where
        ``n_events`` is 0), ``goldstein_tenths`` dropped.
    """
    # A frame fresh from DuckDB has hundreds of thousands of rows: copying it whole (then
    # again for ``fillna``/``astype`` and ``drop``) cost more than the measures themselves,
    # so only the new columns are written (copy-on-write keeps ``frame`` unchanged).
    out = frame.copy(deep=False)
    counts = {c: _int_counts(out[c]) for c in COUNT_COLUMNS}
    for c, values in counts.items():
        if out[c].dtype != np.int64:
            out[c] = values
    n = counts["n_events"].astype(float)
    some = n > 0
    net = counts["n_verbal_coop"] + counts["n_material_coop"]
    net -= counts["n_verbal_conflict"]
    net -= counts["n_material_conflict"]
    goldstein_sum = counts["goldstein_tenths"] / 10.0
    out["goldstein_sum"] = goldstein_sum
    out["goldstein_mean"] = _share(goldstein_sum, n, some)
    out["net_coop"] = net
    out["net_coop_share"] = _share(net, n, some)
    out["material_conflict_share"] = _share(counts["n_material_conflict"], n, some)
    del out["goldstein_tenths"]
    return out


def _share(values: np.ndarray, n: np.ndarray, some: np.ndarray) -> np.ndarray:
    """``values / n`` where ``some``, NaN elsewhere (one array, no temporaries)."""
    return np.divide(values, n, out=np.full(len(n), np.nan), where=some)


def _int_counts(column: pd.Series) -> np.ndarray:
    """A count column as int64 values, missing (no events) as 0; no copy when already so."""
    if column.dtype == np.int64:
        return column.to_numpy()
    return column.fillna(0).to_numpy(dtype=np.int64)


def _actor_where(column: str, code: str, exact: bool) -> str:
    code = code.replace("'", "''")
    return f"{column} = '{code}'" if exact else f"substr({column}, 1, 3) = '{code}'"


def _dyad_filter(
    source: str,
    target: str,
    since: Any,
    until: Any,
    exact: bool,
    both_directions: bool,
    modalities: Modalities,
) -> tuple[str, str, Any, Any, str]:
    """Normalised actors, date bounds and the SQL ``WHERE`` clause of one dyad."""
    a = normalize_actor(source, exact=exact)
    b = normalize_actor(target, exact=exact)
    lo, hi = date_bounds(since, until)
    direct = f"{_actor_where('source', a, exact)} AND {_actor_where('target', b, exact)}"
    if both_directions:
        back = f"{_actor_where('source', b, exact)} AND {_actor_where('target', a, exact)}"
        direct = f"(({direct}) OR ({back}))"
    return a, b, lo, hi, f"{direct} AND {event_where(lo, hi, modalities)}"


def _grid(con, freq: str, lo, hi) -> pd.DataFrame:
    return con.execute(
        f"SELECT CAST(p AS DATE) AS period FROM (SELECT unnest(range("
        f"date_trunc('{freq}', DATE '{lo.isoformat()}'), "
        f"DATE '{hi.isoformat()}' + INTERVAL 1 DAY, INTERVAL 1 {freq})) AS p)"
    ).df()


def dyad_series(
    db: EventSource,
    source: str,
    target: str,
    freq: str = "month",
    since: Any = None,
    until: Any = None,
    *,
    exact: bool = False,
    both_directions: bool = False,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Event series of the directed dyad ``source → target``, one row per period.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    source, target
        Actors (codes or aliases, see :func:`realpolitik.relations.actors.normalize_actor`).
    freq
        ``day``, ``week`` (ISO, Monday start), ``month`` or ``year``.
    since, until
        Inclusive date bounds (date or ISO text); default: the dyad's first/last event. A
        ``since`` inside a period shortens that period, which keeps its label (the period's
        first day) but holds only the events from ``since`` on; ``until`` likewise.
    exact
        Match full codes (``PRKMIL``) instead of the state (first three letters).
    both_directions
        Pool ``source → target`` and ``target → source`` (a symmetric series).
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    pandas.DataFrame
        Columns ``period, source, target, n_events, n_verbal_coop, n_material_coop,
        n_verbal_conflict, n_material_conflict, goldstein_sum, goldstein_mean, net_coop,
        net_coop_share, material_conflict_share``; every period between the bounds is
        present (zero counts, NaN means where there were no events).

    Raises
    ------
    InputError
        A bad date, ``since`` after ``until``, an unknown period or modality.
    UnknownActorError
        An actor that is neither a code nor a name the actor dictionary knows.

    References
    ----------
    See the module docstring (Goldstein 1992, Table 1; GDELT codebook ``QuadClass``).
    """
    a, b, lo, hi, where = _dyad_filter(
        source, target, since, until, exact, both_directions, modalities
    )
    with open_events(db) as (con, table):
        agg = fetch_frame(con, aggregate_sql(table, freq, where))
    return series_from_aggregates(agg, a, b, freq, lo, hi)


def series_from_aggregates(
    agg: pd.DataFrame, source: str, target: str, freq: str, since: Any, until: Any
) -> pd.DataFrame:
    """Fill the period grid between the bounds and add the measures to integer aggregates.

    Parameters
    ----------
    agg
        ``period`` and :data:`COUNT_COLUMNS` of one (possibly pooled) dyad.
    source, target
        Codes to put in the ``source``/``target`` columns.
    freq
        Period length.
    since, until
        Bounds of the grid (dates); when None, the first/last period of ``agg``.

    Returns
    -------
    pandas.DataFrame
        As :func:`dyad_series` returns.
    """
    import duckdb

    agg = agg.copy()
    agg["period"] = pd.to_datetime(agg["period"])
    lo = since if since is not None else (agg["period"].min().date() if len(agg) else None)
    hi = until if until is not None else (agg["period"].max().date() if len(agg) else None)
    if lo is not None and hi is not None:
        con = duckdb.connect()
        try:
            grid = _grid(con, freq, lo, hi)
        finally:
            con.close()
        grid["period"] = pd.to_datetime(grid["period"])
    else:
        grid = pd.DataFrame({"period": pd.Series([], dtype="datetime64[us]")})
    out = grid.merge(agg, on="period", how="left")
    out = add_measures(out)
    out.insert(1, "source", source)
    out.insert(2, "target", target)
    out["period"] = out["period"].dt.date
    return out.sort_values("period").reset_index(drop=True)


def dyad_counts(
    db: EventSource,
    a: str,
    b: str,
    since: Any = None,
    until: Any = None,
    *,
    both_directions: bool = False,
    exact: bool = False,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> dict[str, Any]:
    """Totals of :func:`dyad_series` over ``[since, until]`` (one dict, no periods).

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    a, b
        Actors (source and target).
    since, until
        Inclusive bounds.
    both_directions
        Pool both directions.
    exact
        Match full codes.
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    dict
        ``source, target, since, until, n_events, n_verbal_coop, n_material_coop,
        n_verbal_conflict, n_material_conflict, goldstein_sum, goldstein_mean, net_coop,
        net_coop_share, material_conflict_share``.
    """
    sa, sb, lo, hi, where = _dyad_filter(a, b, since, until, exact, both_directions, modalities)
    with open_events(db) as (con, table):
        agg = con.execute(aggregate_sql(table, None, where)).df()
    row = add_measures(agg).iloc[0].to_dict()
    row.pop("period", None)
    return {
        "source": sa,
        "target": sb,
        "since": lo,
        "until": hi,
        "both_directions": both_directions,
        **row,
    }


def all_dyads(
    db: EventSource,
    freq: str = "month",
    *,
    exact: bool = False,
    since: Any = None,
    until: Any = None,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Aggregates of every directed (state-level) dyad and period present in the data.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    freq
        Period length.
    exact
        Group by full codes.
    since, until
        Inclusive bounds on the event dates (a date or ``YYYY``/``YYYY-MM``/``YYYY-MM-DD``);
        None for no bound. Periods cut by a bound hold only the events inside it.
    modalities
        Modalities of the events counted (default only ``actual``; None for all). On a
        store whose events are all actual the default filter costs next to nothing (DuckDB
        knows from each row group's zone map that it holds only ``actual``).

    Returns
    -------
    pandas.DataFrame
        ``period, source, target`` and the measures of :func:`add_measures`, sorted; only
        dyad-periods with at least one event.
    """
    where = event_where(*date_bounds(since, until), modalities)
    with open_events(db) as (con, table):
        sql = aggregate_sql(table, freq, where, by_dyad=True, exact=exact)
        agg = fetch_frame(con, f"SELECT * FROM ({sql}) ORDER BY period, source, target")
    return add_measures(agg)  # Arrow date32 arrives as datetime.date objects
