"""Alignment models on signed graphs.

Exports
-------
SignedGraph
    Nodes with sizes and symmetric signed weights (from CSV, frames, scenarios, networkx).
Triangle, classify_triangle, triangles_of_graph, triangle_in_graph
    Dittmer's strategic triangle.
TriadCensus, triad_census, unbalanced_triads
    Heider / Cartwright-Harary structural balance of triads.
FrustrationResult, frustration_index, frustration_heuristic
    The exact frustration index (MILP on HiGHS) and a fast heuristic.
"""

from realpolitik.alignment.balance import TriadCensus, triad_census, unbalanced_triads
from realpolitik.alignment.frustration import (
    FrustrationResult,
    frustration_heuristic,
    frustration_index,
)
from realpolitik.alignment.graph import SignedGraph
from realpolitik.alignment.triangle import (
    Triangle,
    classify_triangle,
    triangle_in_graph,
    triangles_of_graph,
)

__all__ = [
    "SignedGraph",
    "Triangle",
    "classify_triangle",
    "triangles_of_graph",
    "triangle_in_graph",
    "TriadCensus",
    "triad_census",
    "unbalanced_triads",
    "FrustrationResult",
    "frustration_index",
    "frustration_heuristic",
]
