"""A signed weighted graph of measured relations over a time window, for the alignment models.

Edge weight between two actors = their symmetric score ``r`` over the window
(:func:`realpolitik.relations.symmetric.dyad_scores`), kept only when the pair has at least
``min_events`` events and ``|r| >= threshold``; otherwise there is no edge (weight 0). The
sign is amity (+) or enmity (−).

Default thresholds: ``threshold = 0.05`` (a pooled mean Goldstein score of ±0.5 on the -10..+10
scale, i.e. half a "make statement"-to-"consult" step; for ``measure="net_coop"`` a 5-point
margin of cooperative over conflictual events) and ``min_events = 5`` (fewer events give a
sign that flips with single reports).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from realpolitik.errors import InputError
from realpolitik.relations._source import EventSource
from realpolitik.relations.symmetric import dyad_scores

__all__ = ["signed_graph_window", "DEFAULT_THRESHOLD", "DEFAULT_MIN_EVENTS"]

DEFAULT_THRESHOLD = 0.05
DEFAULT_MIN_EVENTS = 5


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
        Minimum ``|r|`` for an edge (in [0, 1)).
    min_events
        Minimum number of events (both directions) for an edge.
    measure
        ``goldstein`` or ``net_coop``.
    sizes
        Optional node sizes (e.g. capabilities), passed to the graph.

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

    if not 0.0 <= float(threshold) < 1.0:
        raise InputError(f"threshold must be in [0, 1), got {threshold}", field="threshold")
    if int(min_events) < 0:
        raise InputError(f"min_events must be >= 0, got {min_events}", field="min_events")
    nodes = list(dict.fromkeys(normalize_actor(a) for a in actors))
    scores = dyad_scores(db, nodes, since, until, measure=measure)
    idx = {a: i for i, a in enumerate(nodes)}
    w = np.zeros((len(nodes), len(nodes)))
    for row in scores.itertuples(index=False):
        r = float(row.r)
        if row.n_events >= min_events and np.isfinite(r) and abs(r) >= threshold and r != 0:
            i, j = idx[row.a], idx[row.b]
            w[i, j] = w[j, i] = r
    size_arr = None if sizes is None else np.asarray(sizes, dtype=float)
    return SignedGraph(nodes, w, size_arr)
