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
DynamicsResult, local_triad_dynamics, constrained_triad_dynamics, ltd_stationary_density,
random_complete_signed_graph
    Antal-Krapivsky-Redner balance dynamics.
Landscape, LandscapeMinimum, aggregation_landscape, enumerate_landscape, actor_frustration,
energy, move_energy_changes, descend
    Axelrod-Bennett landscape theory of aggregation.
heider_flow, heider_trajectory
    Continuous Heider balance dynamics (Kułakowski, Gawroński & Gronek 2005).
"""

from realpolitik.alignment.balance import TriadCensus, triad_census, unbalanced_triads
from realpolitik.alignment.continuous_balance import heider_flow, heider_trajectory
from realpolitik.alignment.dynamics import (
    DynamicsResult,
    constrained_triad_dynamics,
    local_triad_dynamics,
    ltd_stationary_density,
    random_complete_signed_graph,
)
from realpolitik.alignment.frustration import (
    FrustrationResult,
    frustration_heuristic,
    frustration_index,
)
from realpolitik.alignment.graph import SignedGraph
from realpolitik.alignment.landscape import (
    Landscape,
    LandscapeMinimum,
    actor_frustration,
    aggregation_landscape,
    descend,
    energy,
    enumerate_landscape,
    move_energy_changes,
)
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
    "DynamicsResult",
    "local_triad_dynamics",
    "constrained_triad_dynamics",
    "ltd_stationary_density",
    "random_complete_signed_graph",
    "Landscape",
    "LandscapeMinimum",
    "aggregation_landscape",
    "enumerate_landscape",
    "actor_frustration",
    "energy",
    "move_energy_changes",
    "descend",
    "heider_flow",
    "heider_trajectory",
]
