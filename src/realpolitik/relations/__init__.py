"""Relations measured from stored events: dyad series, symmetric scores, graphs, triangles.

Exports
-------
dyad_series, dyad_counts, all_dyads, add_measures
    Directed-dyad series per day/week/month/year (quad-class counts, Goldstein sum and mean,
    net cooperation and its volume-normalised share).
dyad_scores, MEASURES
    Symmetric (both directions pooled) scores in [-1, 1].
signed_graph_window, edge_weights
    A ``SignedGraph`` of measured relations in a time window, and its edge rule (at least
    ``min_events`` events and ``|r| >= threshold``, compared exactly).
triangle_over_time
    Dittmer's strategic triangle of a named triad per period (the signed graph's edge rule).
relation_change, period_measure
    Window-versus-baseline comparison of a pair's relations (for claim backtests).
normalize_actor, FREQS
    Actor arguments (aliases via the actor dictionary) and period names.
DEFAULT_MODALITIES
    What every measure counts unless told otherwise: events whose ``modality`` is
    ``actual`` (``modalities=None`` counts every event).
EventSource
    What every function's ``db`` accepts: a store file, an exported Parquet dataset
    directory, an open DuckDB connection to a store (left open), or None (default store).
"""

from realpolitik.relations._source import DEFAULT_MODALITIES, FREQS, EventSource
from realpolitik.relations.actors import normalize_actor
from realpolitik.relations.change import period_measure, relation_change
from realpolitik.relations.series import add_measures, all_dyads, dyad_counts, dyad_series
from realpolitik.relations.signed_graph import edge_weights, signed_graph_window
from realpolitik.relations.symmetric import MEASURES, dyad_scores
from realpolitik.relations.triangle import triangle_over_time

__all__ = [
    "dyad_series",
    "dyad_counts",
    "all_dyads",
    "add_measures",
    "dyad_scores",
    "MEASURES",
    "signed_graph_window",
    "edge_weights",
    "triangle_over_time",
    "relation_change",
    "period_measure",
    "normalize_actor",
    "FREQS",
    "DEFAULT_MODALITIES",
    "EventSource",
]
