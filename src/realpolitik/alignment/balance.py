"""Structural balance: the signed triad census.

Heider (1946) called a triad of sentiments balanced when the product of its three signs is
positive; Cartwright and Harary (1956) extended this to cycles of a signed graph. The census
counts the triangles (triads with all three edges present) by their number of negative edges:
``+++`` and ``+--`` are balanced, ``++-`` and ``---`` are unbalanced.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["TriadCensus", "triad_census", "unbalanced_triads"]


@dataclass(frozen=True)
class TriadCensus:
    """Counts of triangles by sign pattern.

    Attributes
    ----------
    ppp, ppn, pnn, nnn
        Triangles with 0, 1, 2 and 3 negative edges.
    """

    ppp: int
    ppn: int
    pnn: int
    nnn: int

    @property
    def balanced(self) -> int:
        """Balanced triangles (``+++`` and ``+--``)."""
        return self.ppp + self.pnn

    @property
    def unbalanced(self) -> int:
        """Unbalanced triangles (``++-`` and ``---``)."""
        return self.ppn + self.nnn

    @property
    def total(self) -> int:
        """All triangles."""
        return self.balanced + self.unbalanced

    @property
    def balance_ratio(self) -> float:
        """Share of balanced triangles (NaN when there are none)."""
        return self.balanced / self.total if self.total else float("nan")

    def to_dict(self) -> dict[str, Any]:
        """The census as plain data: ``balanced``, ``unbalanced`` and the four patterns."""
        return {
            "balanced": self.balanced,
            "unbalanced": self.unbalanced,
            "+++": self.ppp,
            "++-": self.ppn,
            "+--": self.pnn,
            "---": self.nnn,
        }


def triad_census(graph: Any) -> TriadCensus:
    """Count the balanced and unbalanced triangles of a signed graph.

    Uses closed walks of length three: with ``P`` and ``N`` the 0/1 adjacency matrices of the
    positive and negative edges, ``tr(P^3) = 6·#(+++)``, ``tr(P P N) = 2·#(++-)``,
    ``tr(P N N) = 2·#(+--)`` and ``tr(N^3) = 6·#(---)``.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph` (only the signs matter).

    Returns
    -------
    TriadCensus

    References
    ----------
    Heider, F. (1946). Attitudes and cognitive organization. *J. Psychology* 21, 107-112.
    Cartwright, D. & Harary, F. (1956). Structural balance: a generalization of Heider's
    theory. *Psychological Review* 63(5), 277-293 (a cycle is balanced when the product of
    its signs is positive).
    """
    s = np.sign(graph.weights)
    p = (s > 0).astype(np.int64)
    n = (s < 0).astype(np.int64)
    pp = p @ p
    nn = n @ n
    t_ppp = int(np.einsum("ij,ji->", pp, p)) // 6
    t_ppn = int(np.einsum("ij,ji->", pp, n)) // 2
    t_pnn = int(np.einsum("ij,ji->", p, nn)) // 2
    t_nnn = int(np.einsum("ij,ji->", nn, n)) // 6
    return TriadCensus(t_ppp, t_ppn, t_pnn, t_nnn)


def unbalanced_triads(graph: Any) -> list[tuple[str, str, str]]:
    """List the unbalanced triangles ``(a, b, c)`` in node order.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph`.

    Returns
    -------
    list of tuple
        Each unbalanced triangle once, ``a < b < c`` by node index.
    """
    s = np.sign(graph.weights)
    out: list[tuple[str, str, str]] = []
    iu, ju = np.nonzero(np.triu(s, 1))
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        ks = np.flatnonzero((s[i] != 0) & (s[j] != 0))
        ks = ks[ks > j]
        bad = ks[s[i, j] * s[i, ks] * s[j, ks] < 0]
        out.extend((graph.nodes[i], graph.nodes[j], graph.nodes[int(k)]) for k in bad)
    return out
