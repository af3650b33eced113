"""Landscape theory of aggregation (Axelrod & Bennett 1993).

Actors of sizes ``s_i`` with pairwise propensities ``p_ij`` (positive: they want to be
together) split into two blocs. For a configuration ``X`` let ``d_ij(X)`` be 0 when ``i`` and
``j`` are in the same bloc and 1 otherwise. Axelrod and Bennett define

* the frustration of actor ``i``:  ``F_i(X) = sum_{j != i} s_j p_ij d_ij(X)``  (their eq. 1);
* the energy of the configuration: ``E(X) = sum_i s_i F_i(X)``
  ``= sum_{i != j} s_i s_j p_ij d_ij(X)``  (eq. 2), a sum over *ordered* pairs, so each pair
  counts twice.

Moving one actor ``i`` to the other bloc changes the energy by exactly ``2 s_i ΔF_i`` (the
Lyapunov property that makes single-actor moves descend the landscape). The predicted
alignments are the local minima of ``E``; each has a basin of attraction, the configurations
from which descent ends there. Configurations are counted up to swapping the two blocs' names
(``X`` and its complement have the same energy), so there are ``2**(n-1)`` of them.

Descent rule used here: from a configuration, the actor whose move lowers the energy most moves
(ties: the earliest actor); a configuration where no move lowers the energy is a local minimum.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from realpolitik.errors import InputError, ModelError

__all__ = [
    "Landscape",
    "LandscapeMinimum",
    "actor_frustration",
    "energy",
    "move_energy_changes",
    "descend",
    "enumerate_landscape",
    "enumerate_landscape_naive",
    "aggregation_landscape",
    "landscape_weights",
    "MAX_ENUMERATION_ACTORS",
]

#: Largest number of actors enumerated exhaustively by default (2**25 configurations).
MAX_ENUMERATION_ACTORS = 26
#: Never enumerate more actors than this, whatever ``max_actors`` says (memory: 2**29 entries).
_HARD_LIMIT = 30


# -- input checks -----------------------------------------------------------------------------
def _check(sizes: Any, propensities: Any) -> tuple[np.ndarray, np.ndarray]:
    s = np.asarray(sizes, dtype=float)
    p = np.asarray(propensities, dtype=float)
    n = s.shape[0] if s.ndim == 1 else -1
    if s.ndim != 1 or n < 1:
        raise InputError("sizes must be a non-empty vector", field="sizes")
    if not np.all(np.isfinite(s)) or np.any(s <= 0):
        raise InputError("sizes must be positive finite numbers", field="sizes")
    if p.shape != (n, n):
        raise InputError(
            f"propensities must be a {n}x{n} matrix, got shape {p.shape}", field="propensities"
        )
    if not np.all(np.isfinite(p)):
        raise InputError("propensities must be finite numbers", field="propensities")
    bad = np.argwhere(~np.isclose(p, p.T, rtol=0, atol=1e-12))
    if bad.size:
        i, j = (int(v) for v in bad[0])
        raise InputError(
            f"propensities must be symmetric: p[{i},{j}]={p[i, j]:g} but p[{j},{i}]={p[j, i]:g}",
            field="propensities",
        )
    if np.any(np.diag(p) != 0):
        raise InputError(
            "an actor has no propensity to itself: the diagonal must be 0", field="propensities"
        )
    return s, p


def landscape_weights(sizes: Any, propensities: Any) -> np.ndarray:
    """The pair weights ``W_ij = s_i s_j p_ij`` of the energy (zero diagonal).

    Parameters
    ----------
    sizes
        Actor sizes, positive.
    propensities
        Symmetric matrix of propensities with zero diagonal.

    Returns
    -------
    numpy.ndarray
    """
    s, p = _check(sizes, propensities)
    return s[:, None] * s[None, :] * p


def _blocs(blocs: Any, n: int) -> np.ndarray:
    x = np.asarray(blocs)
    if x.shape != (n,) or not np.all((x == 0) | (x == 1)):
        raise InputError(f"a configuration is {n} bloc labels, each 0 or 1", field="blocs")
    return x.astype(np.int8)


# -- definitions ------------------------------------------------------------------------------
def actor_frustration(sizes: Any, propensities: Any, blocs: Any) -> np.ndarray:
    """Frustration ``F_i(X) = sum_j s_j p_ij d_ij(X)`` of every actor.

    Parameters
    ----------
    sizes
        Actor sizes ``s``.
    propensities
        Symmetric propensity matrix ``p``.
    blocs
        Configuration ``X``: each actor's bloc, 0 or 1.

    Returns
    -------
    numpy.ndarray
        One frustration per actor.

    References
    ----------
    Axelrod, R. & Bennett, D. S. (1993). A landscape theory of aggregation. *British Journal
    of Political Science* 23(2), 211-233, eq. (1) (frustration).
    """
    s, p = _check(sizes, propensities)
    x = _blocs(blocs, s.size)
    d = (x[:, None] != x[None, :]).astype(float)
    return (p * d) @ s


def energy(sizes: Any, propensities: Any, blocs: Any) -> float:
    """Energy ``E(X) = sum_i s_i F_i(X)`` of a configuration (each pair counted twice).

    Parameters
    ----------
    sizes
        Actor sizes ``s``.
    propensities
        Symmetric propensity matrix ``p``.
    blocs
        Configuration ``X``: each actor's bloc, 0 or 1.

    Returns
    -------
    float

    References
    ----------
    Axelrod, R. & Bennett, D. S. (1993). A landscape theory of aggregation. *British Journal
    of Political Science* 23(2), 211-233, eq. (2) (energy).
    """
    s, _ = _check(sizes, propensities)
    return float(s @ actor_frustration(sizes, propensities, blocs))


def move_energy_changes(sizes: Any, propensities: Any, blocs: Any) -> np.ndarray:
    """Energy change of moving each actor alone to the other bloc.

    Equals ``2 s_i ΔF_i`` where ``ΔF_i = sum_j s_j p_ij (1 - 2 d_ij)`` is the change of that
    actor's frustration.

    Parameters
    ----------
    sizes, propensities, blocs
        As in :func:`energy`.

    Returns
    -------
    numpy.ndarray
        ``ΔE_i`` for every actor ``i``.
    """
    s, p = _check(sizes, propensities)
    x = _blocs(blocs, s.size)
    sigma = np.where(x == 0, 1.0, -1.0)
    w = s[:, None] * s[None, :] * p
    return 2.0 * sigma * (w @ sigma)


def descend(
    sizes: Any, propensities: Any, blocs: Any, *, max_steps: int = 100_000
) -> list[np.ndarray]:
    """Single-actor descent from a configuration to a local minimum.

    At each step the actor whose move lowers the energy most moves (ties: the earliest actor);
    the walk stops where no single move lowers the energy.

    Parameters
    ----------
    sizes, propensities, blocs
        As in :func:`energy`; ``blocs`` is the starting configuration.
    max_steps
        Safety bound on the number of moves.

    Returns
    -------
    list of numpy.ndarray
        The configurations visited, the start first and the local minimum last.

    References
    ----------
    Axelrod, R. & Bennett, D. S. (1993) (movement to lower energy; local minima as predicted
    configurations).
    """
    s, p = _check(sizes, propensities)
    w = s[:, None] * s[None, :] * p
    x = _blocs(blocs, s.size).copy()
    tol = _tolerance(w)
    path = [x.copy()]
    sigma = np.where(x == 0, 1.0, -1.0)
    for _ in range(max_steps):
        delta = 2.0 * sigma * (w @ sigma)
        i = int(np.argmin(delta))
        if delta[i] >= -tol:
            return path
        sigma[i] = -sigma[i]
        x[i] = 1 - x[i]
        path.append(x.copy())
    raise ModelError(f"descent did not stop within {max_steps} moves")


def _tolerance(w: np.ndarray) -> float:
    return 1e-9 * max(1.0, float(np.abs(w).sum()))


# -- results ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class LandscapeMinimum:
    """One minimum of the landscape.

    Attributes
    ----------
    energy
        ``E(X)`` (ordered-pair convention).
    blocs
        The two blocs as lists of actors; the first holds the first actor.
    basin_share
        Share of all ``2**(n-1)`` configurations whose descent ends here (``None`` when not
        enumerated).
    """

    energy: float
    blocs: tuple[tuple[str, ...], tuple[str, ...]]
    basin_share: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain data: ``energy``, ``blocs``, ``basin_share``."""
        out: dict[str, Any] = {"energy": self.energy, "blocs": [list(b) for b in self.blocs]}
        if self.basin_share is not None:
            out["basin_share"] = self.basin_share
        return out


@dataclass(frozen=True)
class Landscape:
    """The aggregation landscape of a set of actors.

    Attributes
    ----------
    actors
        Actor labels.
    global_minimum
        The configuration of least energy.
    local_minima
        Every local minimum (global first, then by energy), with basins, or ``None`` when the
        landscape was too large to enumerate.
    method
        ``"enumeration"`` or ``"milp"`` (global minimum only).
    optimal
        Whether the global minimum is proven (always for enumeration).
    n_configurations
        ``2**(n-1)`` when enumerated.
    """

    actors: list[str]
    global_minimum: LandscapeMinimum
    local_minima: list[LandscapeMinimum] | None
    method: str
    optimal: bool = True
    n_configurations: int | None = None
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the agreed keys ``global_minimum`` and ``local_minima``."""
        return {
            "actors": list(self.actors),
            "global_minimum": self.global_minimum.to_dict(),
            "local_minima": None
            if self.local_minima is None
            else [m.to_dict() for m in self.local_minima],
            "method": self.method,
            "optimal": self.optimal,
            "n_configurations": self.n_configurations,
            "convention": "E = sum over ordered pairs i!=j of s_i s_j p_ij d_ij; two blocs",
            "notes": list(self.notes),
        }


# -- enumeration ------------------------------------------------------------------------------
def _index_to_blocs(index: int, n: int) -> np.ndarray:
    x = np.zeros(n, dtype=np.int8)
    for i in range(1, n):
        x[i] = (index >> (i - 1)) & 1
    return x


def _flip_masks(n: int) -> np.ndarray:
    m = n - 1
    masks = np.empty(n, dtype=np.int64)
    masks[0] = (1 << m) - 1  # moving actor 0 = complement of the others (canonical form)
    masks[1:] = 1 << np.arange(m, dtype=np.int64)
    return masks


def _low_spins(k: int, n: int) -> np.ndarray:
    """Spins of actor 0 (+1), the ``k`` low actors (all 2**k patterns), the rest +1."""
    idx = np.arange(1 << k, dtype=np.int64)
    sig = np.ones((1 << k, n))
    for b in range(k):
        sig[:, 1 + b] = 1.0 - 2.0 * ((idx >> b) & 1)
    return sig


def _roots(succ: np.ndarray) -> np.ndarray:
    root = succ.copy()
    while True:
        nxt = root[root]
        if np.array_equal(nxt, root):
            return root
        root = nxt


def _enumerate(w: np.ndarray, gray: bool, low_bits: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Energies and steepest-descent successors of all 2**(n-1) configurations."""
    n = w.shape[0]
    m = n - 1
    total = 1 << m
    energies = np.empty(total)
    dtype = np.int32 if m < 31 else np.int64
    succ = np.empty(total, dtype=dtype)
    # block sizes tuned separately for each method on 24 actors (docs/perf-alignment.md)
    k = min(m, low_bits if low_bits is not None else (13 if gray else 16))
    mh = m - k
    const = 0.5 * float(w.sum())
    tol = _tolerance(w)
    masks = _flip_masks(n).astype(dtype)
    sig = _low_spins(k, n)
    low_idx = np.arange(1 << k, dtype=dtype)
    rows = np.arange(1 << k)
    h = sig @ w
    half = np.empty_like(h)  # sigma_i h_i = half the energy change of moving actor i
    np.multiply(sig, h, out=half)
    e_vec = const - 0.5 * half.sum(axis=1)
    high = np.ones(mh)  # spins of actors k+1 .. n-1 (current Gray-code state)
    for t in range(1 << mh):
        if t:
            b = (t & -t).bit_length() - 1  # bit that changes between Gray codes t-1 and t
            a = k + 1 + b
            if gray:
                e_vec += 2.0 * half[:, a]  # the move's energy change, known before it
                high[b] = -high[b]
                sig[:, a] = high[b]
                h += (2.0 * high[b]) * w[a]  # O(n) per configuration
                np.multiply(sig, h, out=half)
            else:
                high[b] = -high[b]
                sig[:, a] = high[b]
                h = sig @ w  # recompute every field: O(n^2) per configuration
                np.multiply(sig, h, out=half)
                e_vec = const - 0.5 * half.sum(axis=1)
        g = t ^ (t >> 1)
        sl = slice(g << k, (g + 1) << k)
        energies[sl] = e_vec
        best = np.argmin(half, axis=1)
        improve = half[rows, best] < -0.5 * tol
        here = low_idx + dtype(g << k)
        succ[sl] = np.where(improve, here ^ masks[best], here)
    return energies, succ


def enumerate_landscape(
    sizes: Any,
    propensities: Any,
    actors: list[str] | None = None,
    *,
    max_actors: int = MAX_ENUMERATION_ACTORS,
    _gray: bool = True,
    _low_bits: int | None = None,
) -> Landscape:
    """Every local minimum and its basin, by exhaustive enumeration in Gray-code order.

    The ``2**(n-1)`` configurations (actor 0 fixed in bloc 0) are visited in blocks: the
    first ``k`` actors' patterns are held as rows of an array while the remaining actors run
    through a reflected Gray code, so consecutive states differ by one actor's move and the
    local fields ``h = W sigma`` (hence energies and all single-move changes) update in
    ``O(n)`` per configuration instead of being recomputed in ``O(n^2)``.

    Parameters
    ----------
    sizes
        Actor sizes (positive).
    propensities
        Symmetric propensity matrix with zero diagonal.
    actors
        Labels (default ``A0, A1, ...``).
    max_actors
        Refuse larger problems (memory grows as ``2**(n-1)``; 26 actors need about 400 MB).

    Returns
    -------
    Landscape

    Raises
    ------
    ModelError
        More actors than ``max_actors``.

    References
    ----------
    Axelrod, R. & Bennett, D. S. (1993). A landscape theory of aggregation. *British Journal
    of Political Science* 23(2), 211-233 (eqs. 1-2; local minima and basins of
    attraction).
    Gray, F. (1953). Pulse code communication. US Patent 2,632,058 (the reflected binary code).
    """
    w = landscape_weights(sizes, propensities)
    n = w.shape[0]
    labels = _labels(actors, n)
    if n > max_actors or n > _HARD_LIMIT:
        raise ModelError(
            f"{n} actors exceed the enumeration limit of {min(max_actors, _HARD_LIMIT)} "
            f"(2**{n - 1} configurations); use aggregation_landscape() for the MILP global minimum"
        )
    if n == 1:
        only = LandscapeMinimum(0.0, ((labels[0],), ()), 1.0)
        return Landscape(labels, only, [only], "enumeration", True, 1)
    energies, succ = _enumerate(w, _gray, _low_bits)
    root = _roots(succ)
    minima, counts = np.unique(root, return_counts=True)
    total = energies.size
    s_arr = np.asarray(sizes, dtype=float)
    p_arr = np.asarray(propensities, dtype=float)

    def _minimum(ix: int, share: float | None) -> LandscapeMinimum:
        x = _index_to_blocs(ix, n)  # exact energy, not the incrementally updated one
        return LandscapeMinimum(_clean(energy(s_arr, p_arr, x)), _bloc_names(x, labels), share)

    found = [
        _minimum(ix, c / total) for ix, c in zip(minima.tolist(), counts.tolist(), strict=True)
    ]
    found.sort(key=lambda mn: (mn.energy, -(mn.basin_share or 0.0), mn.blocs))
    g = int(np.argmin(energies))
    gmin = _minimum(g, None)
    share = next((mn.basin_share for mn in found if mn.blocs == gmin.blocs), None)
    gmin = LandscapeMinimum(gmin.energy, gmin.blocs, share)
    return Landscape(labels, gmin, found, "enumeration", True, total)


def enumerate_landscape_naive(
    sizes: Any, propensities: Any, actors: list[str] | None = None, **kw: Any
) -> Landscape:
    """Same as :func:`enumerate_landscape` but recomputing each configuration from scratch.

    The baseline of the benchmark and a cross-check in the tests; ``O(n^2)`` per configuration.

    Parameters
    ----------
    sizes, propensities, actors
        As in :func:`enumerate_landscape`.
    **kw
        Passed on (``max_actors``).

    Returns
    -------
    Landscape
    """
    return enumerate_landscape(sizes, propensities, actors, _gray=False, **kw)


def _clean(v: float) -> float:
    r = round(float(v))
    return float(r) if math.isclose(v, r, abs_tol=1e-9) else float(v)


def _labels(actors: list[str] | None, n: int) -> list[str]:
    if actors is None:
        return [f"A{i}" for i in range(n)]
    labels = [str(a) for a in actors]
    if len(labels) != n:
        raise InputError(f"expected {n} actor labels, got {len(labels)}", field="actors")
    return labels


def _bloc_names(x: np.ndarray, labels: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    first = x[0]
    return (
        tuple(lab for lab, v in zip(labels, x, strict=True) if v == first),
        tuple(lab for lab, v in zip(labels, x, strict=True) if v != first),
    )


def aggregation_landscape(
    graph: Any,
    *,
    max_actors: int = MAX_ENUMERATION_ACTORS,
    time_limit: float | None = 60.0,
) -> Landscape:
    """The landscape of a signed graph whose node sizes and weights are sizes and propensities.

    Up to ``max_actors`` actors the landscape is enumerated (global minimum, every local
    minimum, basins). Beyond, only the global minimum is found, exactly, as a weighted
    frustration problem: ``min E = 2 (phi_W - sum_{i<j, W_ij<0} |W_ij|)`` where ``phi_W`` is the
    weighted frustration index of the graph with weights ``W_ij = s_i s_j p_ij``.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph` (e.g. ``SignedGraph.from_scenario``:
        capabilities as sizes, relation propensities as weights).
    max_actors
        Enumeration limit.
    time_limit
        MILP time limit for larger graphs.

    Returns
    -------
    Landscape

    References
    ----------
    Axelrod, R. & Bennett, D. S. (1993). A landscape theory of aggregation. *British Journal
    of Political Science* 23(2), 211-233.
    Aref, S., Mason, A. J. & Wilson, M. C. (2020). A modeling and computational study of the
    frustration index in signed networks. *Networks* 75(1), 95-110.
    """
    sizes = np.asarray(graph.sizes, dtype=float)
    props = np.asarray(graph.weights, dtype=float)
    if graph.n <= min(max_actors, _HARD_LIMIT):
        return enumerate_landscape(sizes, props, list(graph.nodes), max_actors=max_actors)
    from realpolitik.alignment.frustration import frustration_index
    from realpolitik.alignment.graph import SignedGraph

    w = landscape_weights(sizes, props)
    res = frustration_index(SignedGraph(graph.nodes, w), weighted=True, time_limit=time_limit)
    x = np.array([res.partition[v] for v in graph.nodes], dtype=np.int8)
    if x[0] == 1:
        x = 1 - x
    e = energy(sizes, props, x)
    gmin = LandscapeMinimum(_clean(e), _bloc_names(x, list(graph.nodes)), None)
    notes = [
        f"{graph.n} actors exceed the enumeration limit {min(max_actors, _HARD_LIMIT)}: local "
        "minima and basins are not computed; the global minimum comes from the weighted "
        "frustration MILP"
    ]
    if not res.optimal:
        lb = 2.0 * (res.lower_bound - float(np.abs(np.triu(np.minimum(w, 0), 1)).sum()))
        notes.append(f"MILP stopped at the time limit: the minimum energy is >= {lb:.6g}")
    return Landscape(list(graph.nodes), gmin, None, "milp", res.optimal, None, notes)
