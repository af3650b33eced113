"""Balance dynamics: Antal-Krapivsky-Redner local and constrained triad dynamics.

Both processes act on the signs of a signed graph and count time in units of one update per
link (``time = updates / number of links``).

* **Local triad dynamics** (LTD): pick a triangle at random. If it is balanced nothing happens.
  If it has one negative link, that link turns positive with probability ``p`` and otherwise
  one of its two positive links (chosen at random) turns negative; if all three links are
  negative, one of them (at random) turns positive.
* **Constrained triad dynamics** (CTD): pick a link at random and flip it if that lowers the
  number of unbalanced triangles, flip it with probability 1/2 if the number stays the same,
  and leave it otherwise.

On the complete graph LTD reaches a stationary friendly-link density
``rho = 1 / (1 + sqrt(3 (1 - 2p)))`` for ``p < 1/2`` (Antal, Krapivsky & Redner 2005, the
LTD stationary state on the complete graph).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.errors import InputError

__all__ = [
    "DynamicsResult",
    "local_triad_dynamics",
    "constrained_triad_dynamics",
    "random_complete_signed_graph",
    "ltd_stationary_density",
]


@dataclass(frozen=True)
class DynamicsResult:
    """A trajectory of a balance dynamics.

    Attributes
    ----------
    times
        Recording times (updates per link).
    friendly_density
        Share of positive links at each recording time.
    unbalanced
        Number of unbalanced triangles at each recording time.
    final
        The signed graph at the end.
    balanced_at
        Time at which no unbalanced triangle was left (``None`` if never).
    updates
        Update events performed.
    """

    times: np.ndarray
    friendly_density: np.ndarray
    unbalanced: np.ndarray
    final: Any
    balanced_at: float | None
    updates: int

    def to_frame(self) -> Any:
        """The trajectory as a pandas frame ``time, friendly_density, unbalanced``."""
        import pandas as pd

        return pd.DataFrame(
            {
                "time": self.times,
                "friendly_density": self.friendly_density,
                "unbalanced": self.unbalanced,
            }
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain data (trajectory lists and summary)."""
        return {
            "times": self.times.tolist(),
            "friendly_density": self.friendly_density.tolist(),
            "unbalanced": self.unbalanced.tolist(),
            "balanced_at": self.balanced_at,
            "updates": self.updates,
        }


def ltd_stationary_density(p: float) -> float:
    """Mean-field stationary density of friendly links under LTD on a complete graph.

    Parameters
    ----------
    p
        Probability that an unbalanced ``++-`` triangle resolves by turning its negative link
        positive.

    Returns
    -------
    float
        ``1 / (1 + sqrt(3 (1 - 2p)))`` for ``p < 1/2``, else 1.

    References
    ----------
    Antal, T., Krapivsky, P. L. & Redner, S. (2005). Dynamics of social balance on networks.
    *Physical Review E* 72, 036121 (stationary density of friendly links under LTD).
    """
    if not 0.0 <= p <= 1.0:
        raise InputError("p must lie in [0, 1]", field="p")
    return 1.0 if p >= 0.5 else 1.0 / (1.0 + math.sqrt(3.0 * (1.0 - 2.0 * p)))


def random_complete_signed_graph(n: int, friendly: float = 0.5, *, seed: Any = None) -> Any:
    """A complete signed graph whose links are positive with probability ``friendly``.

    Parameters
    ----------
    n
        Number of nodes (>= 3).
    friendly
        Probability of a positive link.
    seed
        Seed or ``numpy.random.Generator``.

    Returns
    -------
    SignedGraph
    """
    from realpolitik.alignment.graph import SignedGraph

    if n < 3:
        raise InputError("a complete graph with triangles needs n >= 3", field="n")
    if not 0.0 <= friendly <= 1.0:
        raise InputError("friendly must lie in [0, 1]", field="friendly")
    rng = np.random.default_rng(seed)
    up = np.where(rng.random((n, n)) < friendly, 1.0, -1.0)
    w = np.triu(up, 1)
    w = w + w.T
    return SignedGraph([f"v{i}" for i in range(n)], w)


def _signs(graph: Any) -> np.ndarray:
    s = np.sign(np.asarray(graph.weights)).astype(np.int64)
    return s


def _unbalanced_count(s: np.ndarray) -> int:
    # sum over triangles of (1 - s_ij s_jk s_ki)/2 = (T - tr(S^3)/6) / 2
    a = np.abs(s)
    t = int(np.einsum("ij,jk,ki->", a, a, a)) // 6
    d = int(np.einsum("ij,jk,ki->", s, s, s)) // 6
    return (t - d) // 2


def _flip_change(s: np.ndarray, i: int, j: int) -> int:
    """Change in the number of unbalanced triangles if link i-j flips sign."""
    # over common neighbours k: balanced - unbalanced = s_ij * sum_k s_ik s_jk ; count c
    prod = s[i] * s[j]
    c = int(np.count_nonzero(prod))
    bal_minus_unb = int(s[i, j]) * int(prod.sum())
    u = (c - bal_minus_unb) // 2
    return c - 2 * u


def _result(s, nodes, times, dens, unb, balanced_at, updates):
    from realpolitik.alignment.graph import SignedGraph

    return DynamicsResult(
        np.asarray(times, dtype=float),
        np.asarray(dens, dtype=float),
        np.asarray(unb, dtype=np.int64),
        SignedGraph(nodes, s.astype(float)),
        balanced_at,
        updates,
    )


def _triangles(s: np.ndarray) -> np.ndarray:
    adj = s != 0
    tri: list[tuple[int, int, int]] = []
    iu, ju = np.nonzero(np.triu(adj, 1))
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        ks = np.flatnonzero(adj[i] & adj[j])
        ks = ks[ks > j]
        tri.extend((i, j, int(k)) for k in ks)
    return np.asarray(tri, dtype=np.int64).reshape(-1, 3)


def local_triad_dynamics(
    graph: Any,
    p: float,
    *,
    max_time: float = 100.0,
    record_every: float = 1.0,
    seed: Any = None,
) -> DynamicsResult:
    """Run Antal-Krapivsky-Redner local triad dynamics (LTD).

    Parameters
    ----------
    graph
        Initial :class:`~realpolitik.alignment.graph.SignedGraph` (only signs are used).
    p
        Probability that a ``++-`` triangle becomes ``+++`` (otherwise it becomes ``+--``).
    max_time
        Stop after this many updates per link.
    record_every
        Recording interval (in updates per link).
    seed
        Seed or ``numpy.random.Generator``; the same seed gives the same trajectory.

    Returns
    -------
    DynamicsResult
        Stops early when no unbalanced triangle is left.

    References
    ----------
    Antal, T., Krapivsky, P. L. & Redner, S. (2005). Dynamics of social balance on networks.
    *Physical Review E* 72, 036121 (the LTD update rule and its stationary density).
    """
    if not 0.0 <= p <= 1.0:
        raise InputError("p must lie in [0, 1]", field="p")
    if max_time <= 0 or record_every <= 0:
        raise InputError("max_time and record_every must be positive", field="max_time")
    rng = np.random.default_rng(seed)
    s = _signs(graph)
    tri = _triangles(s)
    if tri.shape[0] == 0:
        raise InputError("the graph has no triangles; LTD needs triads", field="graph")
    m = int(np.count_nonzero(np.triu(s, 1)))
    friendly = int(np.count_nonzero(np.triu(s, 1) > 0))
    unb = _unbalanced_count(s)
    total_updates = int(math.ceil(max_time * m))
    rec_step = max(1, int(round(record_every * m)))
    times, dens, unbs = [0.0], [friendly / m], [unb]
    balanced_at = 0.0 if unb == 0 else None
    sl = s.tolist()  # fast scalar access
    batch = 65536
    t = 0
    while t < total_updates and balanced_at is None:
        picks = rng.integers(0, tri.shape[0], size=batch).tolist()
        us = rng.random(batch).tolist()
        which = rng.integers(0, 2, size=batch).tolist()
        which3 = rng.integers(0, 3, size=batch).tolist()
        for q in range(batch):
            if t >= total_updates:
                break
            t += 1
            i, j, k = tri[picks[q]]
            e = ((i, j), (i, k), (j, k))
            sg = (sl[i][j], sl[i][k], sl[j][k])
            neg = sg.count(-1)
            flip = None
            if neg == 1:
                if us[q] < p:
                    flip = e[sg.index(-1)]
                else:
                    posl = [e[r] for r in range(3) if sg[r] == 1]
                    flip = posl[which[q]]
            elif neg == 3:
                flip = e[which3[q]]
            if flip is not None:
                a, b = flip
                delta = _flip_change(s, a, b)
                unb += delta
                friendly += -1 if sl[a][b] > 0 else 1
                new = -sl[a][b]
                sl[a][b] = sl[b][a] = new
                s[a, b] = s[b, a] = new
                if unb == 0:
                    balanced_at = t / m
            if t % rec_step == 0 or balanced_at is not None:
                times.append(t / m)
                dens.append(friendly / m)
                unbs.append(unb)
                if balanced_at is not None:
                    break
    return _result(s, graph.nodes, times, dens, unbs, balanced_at, t)


def constrained_triad_dynamics(
    graph: Any,
    *,
    max_time: float = 100.0,
    record_every: float = 1.0,
    seed: Any = None,
) -> DynamicsResult:
    """Run Antal-Krapivsky-Redner constrained triad dynamics (CTD).

    Parameters
    ----------
    graph
        Initial :class:`~realpolitik.alignment.graph.SignedGraph` (only signs are used).
    max_time
        Stop after this many updates per link.
    record_every
        Recording interval (in updates per link).
    seed
        Seed or ``numpy.random.Generator``.

    Returns
    -------
    DynamicsResult
        The number of unbalanced triangles never increases along the trajectory.

    References
    ----------
    Antal, T., Krapivsky, P. L. & Redner, S. (2005). Dynamics of social balance on networks.
    *Physical Review E* 72, 036121 (the CTD update rule).
    """
    if max_time <= 0 or record_every <= 0:
        raise InputError("max_time and record_every must be positive", field="max_time")
    rng = np.random.default_rng(seed)
    s = _signs(graph)
    iu, ju = np.nonzero(np.triu(s, 1))
    m = iu.size
    if m == 0:
        raise InputError("the graph has no edges", field="graph")
    friendly = int(np.count_nonzero(s[iu, ju] > 0))
    unb = _unbalanced_count(s)
    total_updates = int(math.ceil(max_time * m))
    rec_step = max(1, int(round(record_every * m)))
    times, dens, unbs = [0.0], [friendly / m], [unb]
    balanced_at = 0.0 if unb == 0 else None
    iul, jul = iu.tolist(), ju.tolist()
    batch = 65536
    t = 0
    while t < total_updates and balanced_at is None:
        picks = rng.integers(0, m, size=batch).tolist()
        coins = rng.random(batch).tolist()
        for q in range(batch):
            if t >= total_updates:
                break
            t += 1
            a, b = iul[picks[q]], jul[picks[q]]
            delta = _flip_change(s, a, b)
            if delta < 0 or (delta == 0 and coins[q] < 0.5):
                unb += delta
                friendly += -1 if s[a, b] > 0 else 1
                s[a, b] = s[b, a] = -s[a, b]
                if unb == 0:
                    balanced_at = t / m
            if t % rec_step == 0 or balanced_at is not None:
                times.append(t / m)
                dens.append(friendly / m)
                unbs.append(unb)
                if balanced_at is not None:
                    break
    return _result(s, graph.nodes, times, dens, unbs, balanced_at, t)
