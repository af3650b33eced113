"""Change of a pair's relations between a baseline period and a window.

For each period the measure is pooled over both directions:

* ``net_coop`` (default) — net cooperation per event ``m = (coop − conflict) / n`` (GDELT
  quad classes 1-2 vs 3-4), with standard error ``sqrt((1 − m²) / n)`` (each event a ±1
  draw; every event is in one of the four quad classes, so ``n`` counts them all);
* ``goldstein`` — mean Goldstein score with standard error ``s / sqrt(n)`` (``s`` the sample
  standard deviation of the events' scores).

``change = window − baseline`` and ``z = change / sqrt(se_w² + se_b²)`` (a two-sample normal
approximation treating events as independent draws — it ignores clustering of reports, so
read ``z`` as an upper bound on the evidence). Only events of the counted modalities enter
(default ``actual``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from realpolitik.errors import InputError
from realpolitik.relations._source import (
    DEFAULT_MODALITIES,
    EventSource,
    Modalities,
    date_bounds,
    event_where,
    open_events,
)
from realpolitik.relations.actors import normalize_actor
from realpolitik.relations.symmetric import check_measure

__all__ = ["relation_change", "period_measure"]


def period_measure(
    db: EventSource,
    a: str,
    b: str,
    since: Any,
    until: Any,
    measure: str = "net_coop",
    *,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> dict[str, Any]:
    """The pooled measure of the pair ``(a, b)`` over ``[since, until]`` with its standard error.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    a, b
        Actors (state level).
    since, until
        Inclusive bounds (required).
    measure
        ``net_coop`` or ``goldstein``.
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    dict
        ``since, until, n_events, n_coop, n_conflict, value, se`` (value and se NaN when
        there are no events).
    """
    check_measure(measure)
    x, y = normalize_actor(a), normalize_actor(b)
    lo, hi = date_bounds(since, until)
    if lo is None or hi is None:
        raise InputError(
            f"a period needs since and until, got {since!r}..{until!r}", field="period"
        )
    where = event_where(lo, hi, modalities)
    with open_events(db) as (con, table):
        n, coop, conf, s1, s2 = con.execute(
            f"""
            SELECT count(*), CAST(count_if(quad_class IN (1, 2)) AS BIGINT),
                   CAST(count_if(quad_class IN (3, 4)) AS BIGINT),
                   coalesce(sum(goldstein), 0), coalesce(sum(goldstein * goldstein), 0)
            FROM {table}
            WHERE ((substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?)
                OR (substr(source, 1, 3) = ? AND substr(target, 1, 3) = ?))
              AND {where}
            """,
            [x, y, y, x],
        ).fetchall()[0]
    n = int(n)
    value = se = math.nan
    if n > 0 and measure == "net_coop":
        value = (coop - conf) / n
        se = math.sqrt(max(1.0 - value * value, 0.0) / n)
    elif n > 0:
        value = s1 / n
        var = (s2 - n * value * value) / (n - 1) if n > 1 else math.nan
        se = math.sqrt(max(var, 0.0) / n) if n > 1 else math.nan
    return {
        "since": lo,
        "until": hi,
        "n_events": n,
        "n_coop": int(coop),
        "n_conflict": int(conf),
        "value": value,
        "se": se,
    }


def relation_change(
    db: EventSource,
    a: str,
    b: str,
    window: Sequence[Any],
    baseline: Sequence[Any],
    *,
    measure: str = "net_coop",
    modalities: Modalities = DEFAULT_MODALITIES,
) -> dict[str, Any]:
    """Compare the pooled relation measure of ``(a, b)`` in ``window`` against ``baseline``.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    a, b
        Actors.
    window, baseline
        ``(since, until)`` pairs (inclusive).
    measure
        ``net_coop`` (net cooperation per event) or ``goldstein`` (mean Goldstein score).
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    dict
        ``a, b, measure, window, baseline`` (each as :func:`period_measure`), ``change``,
        ``se``, ``z`` (NaN when a period has no events).
    """
    if len(window) != 2 or len(baseline) != 2:
        raise InputError("window and baseline must be (since, until) pairs", field="window")
    w = period_measure(db, a, b, window[0], window[1], measure=measure, modalities=modalities)
    base = period_measure(
        db, a, b, baseline[0], baseline[1], measure=measure, modalities=modalities
    )
    change = w["value"] - base["value"]
    se = math.hypot(w["se"], base["se"])
    z = change / se if se and math.isfinite(se) and se > 0 else math.nan
    return {
        "a": normalize_actor(a),
        "b": normalize_actor(b),
        "measure": measure,
        "window": w,
        "baseline": base,
        "change": change,
        "se": se,
        "z": z,
    }
