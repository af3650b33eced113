"""A signed weighted graph of measured relations over a time window, for the alignment models.

Edge weight between two actors = their symmetric score ``r`` over the window
(:func:`realpolitik.relations.symmetric.dyad_scores`), kept only when the pair has at least
``min_events`` events and ``|r| >= threshold``; otherwise there is no edge (weight 0). The
sign is amity (+) or enmity (−). :func:`edge_weights` states this rule once; the strategic
triangle over time (:func:`realpolitik.relations.triangle_over_time`) applies the same one.

Default thresholds: ``threshold = 0.05`` (a pooled mean Goldstein score of ±0.5 on the -10..+10
scale, i.e. half a "make statement"-to-"consult" step; for ``measure="net_coop"`` a 5-point
margin of cooperative over conflictual events) and ``min_events = 5`` (fewer events give a
sign that flips with single reports).

The comparison ``|r| >= threshold`` is exact: ``r`` is taken as the ratio of integers it is
(Goldstein tenths over ``100 n``, or ``coop − conflict`` over ``n``) and ``threshold`` as the
decimal number it is written as (``0.05`` is 1/20), so a pooled mean of exactly ±0.5 is an
edge whatever ``n`` (floating point made ``3.0 / 6 / 10`` fall just short of 0.05).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from realpolitik.errors import InputError
from realpolitik.relations._source import DEFAULT_MODALITIES, EventSource, Modalities
from realpolitik.relations.symmetric import check_measure, pair_score, pair_table, score_terms

__all__ = [
    "signed_graph_window",
    "edge_weights",
    "check_edge_rule",
    "DEFAULT_THRESHOLD",
    "DEFAULT_MIN_EVENTS",
]

DEFAULT_THRESHOLD = 0.05
DEFAULT_MIN_EVENTS = 5


def check_edge_rule(threshold: float, min_events: int) -> tuple[Fraction, int]:
    """Validate the edge rule's parameters.

    Parameters
    ----------
    threshold
        Minimum ``|r|`` for an edge, in [0, 1).
    min_events
        Minimum number of events (both directions) for an edge, >= 0.

    Returns
    -------
    tuple
        The threshold as the exact decimal it is written as (``Fraction('0.05')`` = 1/20)
        and ``min_events`` as an int.

    Raises
    ------
    InputError
        A threshold outside [0, 1) or not a number (field ``threshold``); a negative or
        fractional ``min_events`` (field ``min_events``).
    """
    try:
        t = float(threshold)
    except (TypeError, ValueError):
        raise InputError(
            f"threshold must be a number in [0, 1), got {threshold!r}", field="threshold"
        ) from None
    if not 0.0 <= t < 1.0:
        raise InputError(f"threshold must be in [0, 1), got {threshold}", field="threshold")
    if isinstance(min_events, bool) or int(min_events) != min_events or int(min_events) < 0:
        raise InputError(
            f"min_events must be an integer >= 0, got {min_events}", field="min_events"
        )
    return Fraction(repr(t)), int(min_events)


def edge_weights(
    frame: pd.DataFrame,
    measure: str = "goldstein",
    threshold: float = DEFAULT_THRESHOLD,
    min_events: int = DEFAULT_MIN_EVENTS,
) -> np.ndarray:
    """The signed-graph edge weight of each row of pooled pair aggregates (0 = no edge).

    Parameters
    ----------
    frame
        Rows with ``n_events``, ``goldstein_tenths``, ``n_coop`` and ``n_conflict`` (as
        :func:`realpolitik.relations.symmetric.pair_table` or ``pair_aggregates`` give).
    measure
        ``goldstein`` or ``net_coop``.
    threshold
        Minimum ``|r|`` for an edge (in [0, 1)); compared exactly (see the module docstring).
    min_events
        Minimum number of events for an edge.

    Returns
    -------
    numpy.ndarray
        ``r`` where the row has at least ``min_events`` (and at least one) events, ``r != 0``
        and ``|r| >= threshold``; 0 elsewhere.
    """
    check_measure(measure)
    t, k = check_edge_rule(threshold, min_events)
    num, den = score_terms(frame, measure)
    r = pair_score(frame, measure)
    keep = [
        b > 0 and n >= k and a != 0 and abs(a) * t.denominator >= t.numerator * b
        for a, b, n in zip(num, den, (int(x) for x in frame["n_events"]), strict=True)
    ]
    return np.where(np.asarray(keep, dtype=bool), r, 0.0)


def signed_graph_window(
    db: EventSource,
    actors: Sequence[str],
    since: Any = None,
    until: Any = None,
    threshold: float = DEFAULT_THRESHOLD,
    *,
    min_events: int = DEFAULT_MIN_EVENTS,
    measure: str = "goldstein",
    sizes: Sequence[float] | None = None,
    modalities: Modalities = DEFAULT_MODALITIES,
) -> Any:
    """Build a :class:`~realpolitik.alignment.graph.SignedGraph` from events in a window.

    Parameters
    ----------
    db
        Event source: a store file, an exported Parquet dataset directory or an open
        DuckDB connection to a store (:data:`realpolitik.relations.EventSource`).
    actors
        The nodes (codes or aliases; state level), in order.
    since, until
        Inclusive window bounds.
    threshold
        Minimum ``|r|`` for an edge (in [0, 1)), compared exactly.
    min_events
        Minimum number of events (both directions) for an edge.
    measure
        ``goldstein`` or ``net_coop``.
    sizes
        Optional node sizes (e.g. capabilities), passed to the graph.
    modalities
        Modalities of the events counted (default only ``actual``; None for all).

    Returns
    -------
    SignedGraph
        Symmetric weights ``r`` (0 = no edge).

    Raises
    ------
    InputError
        For a threshold outside [0, 1) or a negative ``min_events``.
    """
    from realpolitik.alignment.graph import SignedGraph
    from realpolitik.relations.actors import normalize_actor

    check_measure(measure)
    check_edge_rule(threshold, min_events)
    nodes = list(dict.fromkeys(normalize_actor(a) for a in actors))
    pairs = pair_table(db, nodes, since, until, modalities=modalities)
    weights = edge_weights(pairs, measure, threshold, min_events)
    idx = {a: i for i, a in enumerate(nodes)}
    w = np.zeros((len(nodes), len(nodes)))
    for a, b, weight in zip(pairs["a"], pairs["b"], weights, strict=True):
        i, j = idx[a], idx[b]
        w[i, j] = w[j, i] = weight
    size_arr = None if sizes is None else np.asarray(sizes, dtype=float)
    return SignedGraph(nodes, w, size_arr)
