"""Dittmer's strategic triangle: configuration of a triad and each player's role.

Dittmer (1981) reads a triad of great powers by the signs of its three bilateral relations:

==========================  ======================  ==================================
signs (amity ``+``)         configuration           roles
==========================  ======================  ==================================
``+ + +``                   ménage à trois          three partners
``+ + -``                   romantic triangle       one pivot, two wings
``+ - -``                   stable marriage         two partners, one pariah (outcast)
``- - -``                   unit veto               three adversaries
==========================  ======================  ==================================

Dittmer calls the player shut out of a stable marriage the *pariah*. This module first named it
the *outcast*, and scenario claims, reports and JSON output use that name, so both are given:
:attr:`Triangle.pariah` is :attr:`Triangle.outcast`, ``to_dict()`` has both keys, and the
player's role value stays ``"outcast"``.

A relation counts as amity when it is strictly positive; zero (no relation) and negative values
count as enmity. The graded role score of player *i* is ``r_ij + r_ik - r_jk``: with relations of
±1 it is +3 for the pivot, +1 for a partner, -1 for a wing (and for each adversary of a unit
veto) and -3 for the outcast; with weighted relations the score grades how favourable the
position is.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from realpolitik.errors import InputError

__all__ = [
    "Triangle",
    "CONFIGURATIONS",
    "classify_triangle",
    "role_scores",
    "triangles_of_graph",
    "triangle_in_graph",
]

#: The four configurations, keyed by the number of amity relations (3, 2, 1, 0).
CONFIGURATIONS: dict[int, str] = {
    3: "menage_a_trois",
    2: "romantic_triangle",
    1: "stable_marriage",
    0: "unit_veto",
}


@dataclass(frozen=True)
class Triangle:
    """A classified strategic triangle.

    Attributes
    ----------
    actors
        The three players, in the order given.
    relations
        ``{"a-b": r_ab, "a-c": r_ac, "b-c": r_bc}`` keyed by the actor labels.
    configuration
        One of ``menage_a_trois``, ``romantic_triangle``, ``stable_marriage``, ``unit_veto``.
    pivot
        The player with amity to both others in a romantic triangle, else ``None``.
    outcast
        The player with enmity to both others in a stable marriage, else ``None``; Dittmer's
        pariah (also :attr:`pariah`).
    roles
        Player -> ``pivot`` / ``wing`` / ``partner`` / ``outcast`` / ``adversary``.
    scores
        Player -> graded role score ``r_ij + r_ik - r_jk``.
    complete
        False when a relation is exactly 0 (no relation): the configuration then treats the
        missing tie as enmity (absence of amity), which callers should report.
    """

    actors: tuple[str, str, str]
    relations: dict[str, float]
    configuration: str
    pivot: str | None
    outcast: str | None
    roles: dict[str, str] = field(default_factory=dict)
    scores: dict[str, float] = field(default_factory=dict)
    complete: bool = True

    @property
    def pariah(self) -> str | None:
        """Dittmer's (1981) name for the outsider of a stable marriage: :attr:`outcast`."""
        return self.outcast

    def to_dict(self) -> dict[str, Any]:
        """Plain-data view (JSON-ready); ``pariah`` and ``outcast`` name the same player."""
        return {
            "actors": list(self.actors),
            "relations": dict(self.relations),
            "configuration": self.configuration,
            "pivot": self.pivot,
            "pariah": self.outcast,
            "outcast": self.outcast,
            "roles": dict(self.roles),
            "scores": dict(self.scores),
            "complete": self.complete,
        }


def role_scores(r_ab: float, r_ac: float, r_bc: float) -> tuple[float, float, float]:
    """Graded role scores of the three players ``a, b, c``.

    Parameters
    ----------
    r_ab, r_ac, r_bc
        Relations between the players (positive = amity).

    Returns
    -------
    tuple of float
        ``(r_ab + r_ac - r_bc, r_ab + r_bc - r_ac, r_ac + r_bc - r_ab)``.

    References
    ----------
    Dittmer, L. (1981). The strategic triangle: an elementary game-theoretical analysis.
    *World Politics* 33(4), 485-515 (the ordinal ranking of the roles pivot > partner > wing >
    outcast; scored here as +3, +1, -1, -3 for relations of ±1).
    """
    return (r_ab + r_ac - r_bc, r_ab + r_bc - r_ac, r_ac + r_bc - r_ab)


def classify_triangle(a: str, b: str, c: str, r_ab: float, r_ac: float, r_bc: float) -> Triangle:
    """Classify a triad as one of Dittmer's four strategic-triangle configurations.

    Parameters
    ----------
    a, b, c
        The three players (distinct labels).
    r_ab, r_ac, r_bc
        Their bilateral relations; amity when strictly positive, otherwise enmity.

    Returns
    -------
    Triangle
        Configuration, pivot, outcast, roles and graded scores.

    Raises
    ------
    InputError
        Repeated players or a relation that is not a finite number.

    References
    ----------
    Dittmer, L. (1981). The strategic triangle: an elementary game-theoretical analysis.
    *World Politics* 33(4), 485-515 (the ménage à trois, romantic triangle,
    stable marriage and unit veto; pivot, wing, partner and pariah roles — the pariah is
    called ``outcast`` here).

    Examples
    --------
    >>> t = classify_triangle("USA", "CHN", "PRK", -0.5, -0.8, 0.6)
    >>> t.configuration, t.outcast
    ('stable_marriage', 'USA')
    """
    labels = (str(a), str(b), str(c))
    if len(set(labels)) != 3:
        raise InputError(f"a triangle needs three different players, got {', '.join(labels)}")
    vals = {"r_ab": r_ab, "r_ac": r_ac, "r_bc": r_bc}
    for key, v in vals.items():
        try:
            ok = not isinstance(v, (bool, str)) and math.isfinite(float(v))
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise InputError(f"expected a finite number, got {v!r}", field=key)
    r = {(0, 1): float(r_ab), (0, 2): float(r_ac), (1, 2): float(r_bc)}
    amity = {k: v > 0 for k, v in r.items()}
    n_amity = sum(amity.values())
    config = CONFIGURATIONS[n_amity]
    scores = role_scores(r[(0, 1)], r[(0, 2)], r[(1, 2)])
    pivot = outcast = None
    roles: dict[str, str] = {}
    if n_amity == 3:
        roles = dict.fromkeys(labels, "partner")
    elif n_amity == 0:
        roles = dict.fromkeys(labels, "adversary")
    elif n_amity == 2:
        # the pivot is the node on both amity edges = the node not on the enmity edge
        (i, j) = next(k for k, v in amity.items() if not v)
        p = ({0, 1, 2} - {i, j}).pop()
        pivot = labels[p]
        roles = {lab: ("pivot" if k == p else "wing") for k, lab in enumerate(labels)}
    else:
        (i, j) = next(k for k, v in amity.items() if v)
        o = ({0, 1, 2} - {i, j}).pop()
        outcast = labels[o]
        roles = {lab: ("outcast" if k == o else "partner") for k, lab in enumerate(labels)}
    return Triangle(
        actors=labels,
        relations={
            f"{labels[0]}-{labels[1]}": r[(0, 1)],
            f"{labels[0]}-{labels[2]}": r[(0, 2)],
            f"{labels[1]}-{labels[2]}": r[(1, 2)],
        },
        configuration=config,
        pivot=pivot,
        outcast=outcast,
        roles=roles,
        scores={lab: round(float(s), 12) for lab, s in zip(labels, scores, strict=True)},
        complete=all(v != 0 for v in r.values()),
    )


def triangle_in_graph(graph: Any, a: str, b: str, c: str) -> Triangle:
    """Classify the named triad of a :class:`~realpolitik.alignment.graph.SignedGraph`.

    Parameters
    ----------
    graph
        The signed graph; missing edges have weight 0 and count as enmity (no amity).
    a, b, c
        Three node labels.

    Returns
    -------
    Triangle

    Raises
    ------
    UnknownActorError
        If a label is not a node of the graph.
    """
    return classify_triangle(a, b, c, graph.weight(a, b), graph.weight(a, c), graph.weight(b, c))


def triangles_of_graph(graph: Any, complete_only: bool = True) -> list[Triangle]:
    """Classify every triad of a signed graph.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph`.
    complete_only
        Only triads whose three relations are all present (non-zero); default ``True``.

    Returns
    -------
    list of Triangle
        In node order (``i < j < k``).
    """
    w = graph.weights
    out = []
    if complete_only:
        adj = w != 0
        iu, ju = np.nonzero(np.triu(adj, 1))
        for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
            for k in np.flatnonzero(adj[i] & adj[j]).tolist():
                if k > j:
                    out.append(_of(graph, i, j, k))
        return out
    for i, j, k in combinations(range(graph.n), 3):
        out.append(_of(graph, i, j, k))
    return out


def _of(graph: Any, i: int, j: int, k: int) -> Triangle:
    w = graph.weights
    nd = graph.nodes
    return classify_triangle(nd[i], nd[j], nd[k], w[i, j], w[i, k], w[j, k])
