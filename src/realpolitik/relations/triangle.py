"""Dittmer's strategic triangle of a named triad, period by period, from measured relations.

For each period the three pairwise relations are the symmetric scores ``r`` of
:mod:`realpolitik.relations.symmetric` (pooled mean Goldstein / 10 by default), and the triad
is classified with :func:`realpolitik.alignment.triangle.classify_triangle` (amity when
``r > 0``). A period in which some pair has fewer than ``min_events`` events is not
classified (configuration and roles empty, the scores still shown).

References
----------
Dittmer, L. (1981). The strategic triangle: an elementary game-theoretical analysis.
*World Politics* 33(4), 485-515, pp. 489-490.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from realpolitik.errors import InputError
from realpolitik.relations._source import EventSource, check_freq, open_events
from realpolitik.relations.actors import normalize_actor
from realpolitik.relations.series import _grid
from realpolitik.relations.symmetric import _dates, check_measure, pair_aggregates, pair_score

__all__ = ["triangle_over_time"]


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
    min_events: int = 1,
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
        Inclusive bounds; default: first and last event among the three.
    measure
        ``goldstein`` or ``net_coop``.
    min_events
        Events a pair needs in a period for the period to be classified.

    Returns
    -------
    pandas.DataFrame
        ``period, r_ab, r_ac, r_bc, n_ab, n_ac, n_bc, configuration, pivot, outcast,
        role_<a>, role_<b>, role_<c>``.
    """
    from realpolitik.alignment.triangle import classify_triangle

    check_freq(freq)
    check_measure(measure)
    codes = [normalize_actor(x) for x in (a, b, c)]
    if len(set(codes)) != 3:
        raise InputError(f"a triangle needs three different states, got {', '.join(codes)}")
    lo, hi, where = _dates(since, until)
    with open_events(db) as (con, table):
        agg = pair_aggregates(con, table, codes, where, freq=freq)
        if lo is None or hi is None:
            first = agg["period"].min() if len(agg) else None
            last = agg["period"].max() if len(agg) else None
            lo = lo or (pd.Timestamp(first).date() if first is not None else None)
            hi = hi or (pd.Timestamp(last).date() if last is not None else None)
        grid = _grid(con, freq, lo, hi) if lo is not None and hi is not None else None
    agg["r"] = pair_score(agg, measure)
    agg["period"] = pd.to_datetime(agg["period"]).dt.date
    periods = [] if grid is None else list(pd.to_datetime(grid["period"]).dt.date)
    x, y, z = codes
    pairs = {"ab": (x, y), "ac": (x, z), "bc": (y, z)}
    look = {(r.period, r.a, r.b): (float(r.r), int(r.n_events)) for r in agg.itertuples()}
    rows = []
    for p in periods:
        rec: dict[str, Any] = {"period": p}
        ok = True
        for key, (u, v) in pairs.items():
            r, n = look.get((p, min(u, v), max(u, v)), (float("nan"), 0))
            rec[f"r_{key}"] = r
            rec[f"n_{key}"] = n
            ok = ok and n >= max(int(min_events), 1)
        rec.update(configuration=None, pivot=None, outcast=None)
        for code in codes:
            rec[f"role_{code}"] = None
        if ok:
            t = classify_triangle(x, y, z, rec["r_ab"], rec["r_ac"], rec["r_bc"])
            rec.update(configuration=t.configuration, pivot=t.pivot, outcast=t.outcast)
            for code in codes:
                rec[f"role_{code}"] = t.roles.get(code)
        rows.append(rec)
    cols = [
        "period",
        "r_ab",
        "r_ac",
        "r_bc",
        "n_ab",
        "n_ac",
        "n_bc",
        "configuration",
        "pivot",
        "outcast",
    ] + [f"role_{code}" for code in codes]
    return pd.DataFrame(rows, columns=cols)
