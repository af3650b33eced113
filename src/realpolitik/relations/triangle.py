"""Dittmer's strategic triangle of a named triad, period by period, from measured relations.

For each period the three pairwise relations are the symmetric scores ``r`` of
:mod:`realpolitik.relations.symmetric` (pooled mean Goldstein / 10 by default), turned into
signed-graph edges by the same rule as :func:`realpolitik.relations.signed_graph_window`
(:func:`realpolitik.relations.signed_graph.edge_weights`): a pair has an edge when it has at
least ``min_events`` events (default 5) in the period and ``|r| >= threshold`` (default 0.05),
amity when ``r > 0`` and enmity when ``r < 0``. When all three pairs have an edge, the triad is
classified with :func:`realpolitik.alignment.triangle.classify_triangle`. Dittmer's
configurations are defined by amity and enmity between every two players; a pair with too few
events, or a relation too weak to call (``|r|`` below the threshold, including ``r = 0``), is
neither, so such a period is left unclassified (``configuration``, ``pivot``, ``pariah``,
``outcast`` and the roles empty) while its scores and event counts are still shown.

References
----------
Dittmer, L. (1981). The strategic triangle: an elementary game-theoretical analysis.
*World Politics* 33(4), 485-515, pp. 489-490.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from realpolitik.errors import InputError
from realpolitik.relations._source import (
    DEFAULT_MODALITIES,
    EventSource,
    Modalities,
    check_freq,
    open_events,
)
from realpolitik.relations.actors import normalize_actor
from realpolitik.relations.series import _grid
from realpolitik.relations.signed_graph import (
    DEFAULT_MIN_EVENTS,
    DEFAULT_THRESHOLD,
    check_edge_rule,
    edge_weights,
)
from realpolitik.relations.symmetric import _dates, check_measure, pair_aggregates, pair_score

__all__ = ["triangle_over_time", "TRIANGLE_COLUMNS"]

#: Columns of :func:`triangle_over_time` before the three ``role_<code>`` columns.
TRIANGLE_COLUMNS = (
    "period",
    "r_ab",
    "r_ac",
    "r_bc",
    "n_ab",
    "n_ac",
    "n_bc",
    "configuration",
    "pivot",
    "pariah",
    "outcast",
)


def triangle_over_time(
    db: EventSource,
    a: str,
    b: str,
    c: str,
    freq: str = "month",
    since: Any = None,
    until: Any = None,
    *,
    measure: str = "goldstein",
    threshold: float = DEFAULT_THRESHOLD,
    min_events: int = DEFAULT_MIN_EVENTS,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> pd.DataFrame:
    """Configuration and roles of the triad ``(a, b, c)`` in every period.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    a, b, c
        The three actors (codes or aliases; state level).
    freq
        ``day``, ``week``, ``month`` or ``year``.
    since, until
        Inclusive bounds; default: first and last event among the three. A ``since``
        inside a period shortens that period, which keeps its label (its first day) but
        holds only the events from ``since`` on; ``until`` likewise.
    measure
        ``goldstein`` or ``net_coop``.
    threshold
        Minimum ``|r|`` of a pair in a period for an edge (as the signed graph's).
    min_events
        Minimum events of a pair in a period for an edge (as the signed graph's).
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    pandas.DataFrame
        ``period, r_ab, r_ac, r_bc, n_ab, n_ac, n_bc, configuration, pivot, pariah,
        outcast, role_<a>, role_<b>, role_<c>`` (codes as normalised). ``pariah`` is
        Dittmer's name for the player shut out of a stable marriage; ``outcast`` is the same
        player under the name the alignment package used first. ``r`` is NaN where a pair
        has no event; a period where some pair has no edge is unclassified (None).

    Raises
    ------
    InputError
        Repeated actors, a bad period, measure, date, threshold, ``min_events`` or modality.

    References
    ----------
    Dittmer, L. (1981). The strategic triangle: an elementary game-theoretical analysis.
    *World Politics* 33(4), 485-515, pp. 489-490 (the four configurations by amity and
    enmity of the three pairs).
    """
    from realpolitik.alignment.triangle import classify_triangle

    check_freq(freq)
    check_measure(measure)
    check_edge_rule(threshold, min_events)
    codes = [normalize_actor(x) for x in (a, b, c)]
    if len(set(codes)) != 3:
        raise InputError(f"a triangle needs three different states, got {', '.join(codes)}")
    lo, hi, where = _dates(since, until, modalities)
    with open_events(db) as (con, table):
        agg = pair_aggregates(con, table, codes, where, freq=freq)
        if lo is None or hi is None:
            first = agg["period"].min() if len(agg) else None
            last = agg["period"].max() if len(agg) else None
            lo = lo or (pd.Timestamp(first).date() if first is not None else None)
            hi = hi or (pd.Timestamp(last).date() if last is not None else None)
        grid = _grid(con, freq, lo, hi) if lo is not None and hi is not None else None
    agg["r"] = pair_score(agg, measure)
    agg["edge"] = edge_weights(agg, measure, threshold, min_events)
    agg["period"] = pd.to_datetime(agg["period"]).dt.date
    periods = [] if grid is None else list(pd.to_datetime(grid["period"]).dt.date)
    x, y, z = codes
    pairs = {"ab": (x, y), "ac": (x, z), "bc": (y, z)}
    look = {
        (r.period, r.a, r.b): (float(r.r), int(r.n_events), float(r.edge)) for r in agg.itertuples()
    }
    rows = []
    for p in periods:
        rec: dict[str, Any] = {"period": p}
        edges = {}
        for key, (u, v) in pairs.items():
            r, n, edge = look.get((p, min(u, v), max(u, v)), (float("nan"), 0, 0.0))
            rec[f"r_{key}"] = r
            rec[f"n_{key}"] = n
            edges[key] = edge
        rec.update(configuration=None, pivot=None, pariah=None, outcast=None)
        for code in codes:
            rec[f"role_{code}"] = None
        if all(w != 0 for w in edges.values()):
            t = classify_triangle(x, y, z, edges["ab"], edges["ac"], edges["bc"])
            rec.update(
                configuration=t.configuration, pivot=t.pivot, pariah=t.pariah, outcast=t.outcast
            )
            for code in codes:
                rec[f"role_{code}"] = t.roles.get(code)
        rows.append(rec)
    cols = list(TRIANGLE_COLUMNS) + [f"role_{code}" for code in codes]
    return pd.DataFrame(rows, columns=cols)
