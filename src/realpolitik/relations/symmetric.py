"""Symmetric dyad scores: one number in [-1, 1] per unordered pair, both directions pooled.

Two measures:

* ``goldstein`` (default) — the pooled mean Goldstein score divided by 10,
  ``r = (G_ab + G_ba) / (10 (n_ab + n_ba))``. Neutral statements (CAMEO 01x, Goldstein 0)
  count as neither amity nor enmity.
* ``net_coop`` — pooled net cooperation per event,
  ``r = ((coop_ab + coop_ba) − (conflict_ab + conflict_ba)) / (n_ab + n_ba)`` with GDELT quad
  classes (coop = 1, 2; conflict = 3, 4). Every CAMEO 01-05 event, statements included, counts
  as cooperation, so this measure leans positive.

``r`` is NaN when the pair has no events in the window. Both are ratios of integers
(:func:`score_terms`): ``r`` is their division rounded once, so a pooled mean Goldstein of
exactly +0.5 gives ``r = 0.05``, not ``0.049999999999999996``. Only events of the counted
modalities enter (default ``actual``).

References
----------
Goldstein, J. S. (1992), *J. Conflict Resolution* 36(2), 369-385, Table 1 (scale -10..+10,
hence the division by 10). Leetaru & Schrodt (2013), GDELT codebook, ``QuadClass``.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.errors import InputError
from realpolitik.relations._source import (
    DEFAULT_MODALITIES,
    EventSource,
    Modalities,
    check_freq,
    date_bounds,
    event_where,
    open_events,
)
from realpolitik.relations.actors import normalize_actor

__all__ = [
    "MEASURES",
    "check_measure",
    "pair_aggregates",
    "score_terms",
    "pair_score",
    "pair_table",
    "dyad_scores",
]

MEASURES = ("goldstein", "net_coop")


def check_measure(measure: str) -> str:
    """Validate a measure name; raises :class:`InputError` naming the allowed ones."""
    if measure not in MEASURES:
        raise InputError(
            f"unknown measure {measure!r} (expected one of: {', '.join(MEASURES)})",
            field="measure",
        )
    return measure


def score_terms(frame: pd.DataFrame, measure: str = "goldstein") -> tuple[list[int], list[int]]:
    """Integer numerator and denominator of ``r`` for each row of pooled aggregates.

    ``goldstein``: ``r = goldstein_tenths / (100 n)`` (Goldstein sum in tenths over ten times
    the events, times ten); ``net_coop``: ``r = (n_coop − n_conflict) / n``. Exact integers,
    so thresholds can be compared without rounding (see
    :func:`realpolitik.relations.signed_graph.edge_weights`).

    Parameters
    ----------
    frame
        Rows with ``n_events``, ``goldstein_tenths``, ``n_coop`` and ``n_conflict``.
    measure
        ``goldstein`` or ``net_coop``.

    Returns
    -------
    tuple of list of int
        Numerators and denominators (a denominator is 0 where ``n_events`` is 0).
    """
    check_measure(measure)
    n = [int(x) for x in frame["n_events"]]
    if measure == "goldstein":
        return [int(x) for x in frame["goldstein_tenths"]], [100 * k for k in n]
    coop, conflict = frame["n_coop"], frame["n_conflict"]
    return [int(c) - int(d) for c, d in zip(coop, conflict, strict=True)], n


def pair_score(frame: pd.DataFrame, measure: str = "goldstein") -> np.ndarray:
    """``r`` of each row of pooled aggregates (``n_events``, ``goldstein_tenths``, quad counts).

    Parameters
    ----------
    frame
        Rows with ``n_events``, ``goldstein_tenths``, ``n_coop`` and ``n_conflict``.
    measure
        ``goldstein`` or ``net_coop``.

    Returns
    -------
    numpy.ndarray
        Scores in [-1, 1], each the ratio of :func:`score_terms` rounded once; NaN where
        ``n_events`` is 0.
    """
    num, den = (np.asarray(x, dtype=np.int64) for x in score_terms(frame, measure))
    # int64 -> float64 is exact at these magnitudes, so the division is the only rounding
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan)


def pair_aggregates(
    con, table: str, actors: Sequence[str], where: str = "TRUE", freq: str | None = None
) -> pd.DataFrame:
    """Pooled (both directions) integer aggregates of every pair of ``actors`` (state codes).

    Parameters
    ----------
    con
        DuckDB connection.
    table
        Table expression holding events.
    actors
        State-level codes.
    where
        Extra filter (dates).
    freq
        When given, also group by period of this length.

    Returns
    -------
    pandas.DataFrame
        ``[period,] a, b, n_events, n_coop, n_conflict, goldstein_tenths`` with ``a < b``.
    """
    codes = ", ".join("'" + a.replace("'", "''") + "'" for a in actors)
    period = f"CAST(date_trunc('{check_freq(freq)}', date) AS DATE) AS period, " if freq else ""
    group = "1, 2, 3" if freq else "1, 2"
    return con.execute(
        f"""
        SELECT {period}
            least(substr(source, 1, 3), substr(target, 1, 3)) AS a,
            greatest(substr(source, 1, 3), substr(target, 1, 3)) AS b,
            count(*) AS n_events,
            CAST(count_if(quad_class IN (1, 2)) AS BIGINT) AS n_coop,
            CAST(count_if(quad_class IN (3, 4)) AS BIGINT) AS n_conflict,
            CAST(sum(CAST(goldstein * 10 AS BIGINT)) AS BIGINT) AS goldstein_tenths
        FROM {table}
        WHERE substr(source, 1, 3) IN ({codes}) AND substr(target, 1, 3) IN ({codes})
          AND substr(source, 1, 3) <> substr(target, 1, 3) AND {where}
        GROUP BY {group}
        """
    ).df()


def _dates(since: Any, until: Any, modalities: Modalities) -> tuple[Any, Any, str]:
    lo, hi = date_bounds(since, until)
    return lo, hi, event_where(lo, hi, modalities)


def pair_table(
    db: EventSource,
    actors: Sequence[str],
    since: Any = None,
    until: Any = None,
    *,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Pooled integer aggregates of every unordered pair of ``actors`` over ``[since, until]``.

    Parameters
    ----------
    db
        Event source (:data:`realpolitik.relations.EventSource`).
    actors
        Two or more actors (codes or aliases; state level).
    since, until
        Inclusive bounds.
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    pandas.DataFrame
        One row per pair in the order of ``actors``: ``a, b, n_events, n_coop, n_conflict,
        goldstein_tenths`` (zeros for a pair without events).
    """
    codes = [normalize_actor(a) for a in actors]
    if len(set(codes)) < 2:
        raise InputError("need at least two different actors", field="actors")
    _, _, where = _dates(since, until, modalities)
    with open_events(db) as (con, table):
        agg = pair_aggregates(con, table, codes, where)
    rows = []
    for x, y in itertools.combinations(dict.fromkeys(codes), 2):
        lo, hi = min(x, y), max(x, y)
        hit = agg[(agg["a"] == lo) & (agg["b"] == hi)]
        rec = {"n_events": 0, "n_coop": 0, "n_conflict": 0, "goldstein_tenths": 0}
        if len(hit):
            rec = {k: int(hit.iloc[0][k]) for k in rec}
        rows.append({"a": x, "b": y, **rec})
    return pd.DataFrame(rows)


def dyad_scores(
    db: EventSource,
    actors: Sequence[str],
    since: Any = None,
    until: Any = None,
    *,
    measure: str = "goldstein",
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Symmetric scores of every pair of ``actors`` over ``[since, until]``.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    actors
        Two or more actors (codes or aliases; state level).
    since, until
        Inclusive bounds.
    measure
        ``goldstein`` or ``net_coop`` (see the module docstring).
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair in the order of ``actors``: ``a, b, n_events, n_coop,
        n_conflict, goldstein_mean, net_coop_share, r``.
    """
    check_measure(measure)
    out = pair_table(db, actors, since, until, modalities=modalities)
    n = out["n_events"].to_numpy(dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out["goldstein_mean"] = np.where(n > 0, out["goldstein_tenths"] / 10.0 / n, np.nan)
        out["net_coop_share"] = np.where(n > 0, (out["n_coop"] - out["n_conflict"]) / n, np.nan)
    out["r"] = pair_score(out, measure)
    return out.drop(columns=["goldstein_tenths"])
