"""The frustration index (line index of balance) of a signed graph.

The frustration index is the minimum number — or, for weighted graphs, the minimum total weight
— of edges whose removal (equivalently, whose sign change) makes the graph balanced. By
Harary's structure theorem a signed graph is balanced exactly when its nodes split into two
blocs with every positive edge inside a bloc and every negative edge between blocs, so the
index is the minimum over two-bloc partitions of the number of *frustrated* edges (positive
between blocs, negative inside one). Computing it is NP-hard.

:func:`frustration_index` solves it exactly as the binary linear programme of Aref, Mason &
Wilson (2018, 2020) on SciPy's HiGHS MILP solver, after two exact reductions: the index is the
sum of the indices of the graph's biconnected components (every cycle lies in one block, and the
blocs of different blocks can be flipped independently at cut vertices), and each block fixes its
highest-degree node's side to break the ``x -> 1 - x`` symmetry; unbalanced triangles add valid
cuts. At a time limit it reports the best partition
found and the proven lower bound instead of claiming optimality. :func:`frustration_heuristic`
is a seeded multi-start local search for graphs too large for the MILP.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from realpolitik.errors import InputError

__all__ = [
    "FrustrationResult",
    "frustration_index",
    "frustration_heuristic",
    "frustration_of_partition",
    "frustrated_edges",
]


@dataclass(frozen=True)
class FrustrationResult:
    """The frustration index of a graph, with the partition attaining it and its proof status.

    Attributes
    ----------
    frustration_index
        Number (or weight) of frustrated edges of the best partition found (an upper bound;
        the exact index when ``optimal``).
    lower_bound
        A proven lower bound on the index (equal to ``frustration_index`` when optimal).
    optimal
        True when the index is proven optimal.
    partition
        Node -> bloc (0 or 1) of the best partition found.
    frustrated
        The frustrated edges ``(a, b, weight)`` of that partition.
    method
        ``"milp"`` or ``"heuristic"``.
    weighted
        Whether edge weights were used (otherwise every edge counts 1).
    seconds
        Wall-clock solve time.
    blocks
        Number of biconnected components with a cycle that needed solving.
    status
        Short human-readable status (solver message).
    """

    frustration_index: float
    lower_bound: float
    optimal: bool
    partition: dict[str, int]
    frustrated: list[tuple[str, str, float]] = field(default_factory=list)
    method: str = "milp"
    weighted: bool = False
    seconds: float = 0.0
    blocks: int = 0
    status: str = ""

    @property
    def gap(self) -> float:
        """Absolute gap between the best partition and the lower bound."""
        return self.frustration_index - self.lower_bound

    def to_dict(self) -> dict[str, Any]:
        """Plain data with the agreed keys ``frustration_index``, ``optimal``, ``partition``."""
        fi = self.frustration_index
        lb = self.lower_bound
        return {
            "frustration_index": int(fi) if not self.weighted and float(fi).is_integer() else fi,
            "optimal": self.optimal,
            "lower_bound": int(lb) if not self.weighted and float(lb).is_integer() else lb,
            "partition": dict(self.partition),
            "frustrated_edges": [list(e) for e in self.frustrated],
            "method": self.method,
            "weighted": self.weighted,
            "seconds": round(self.seconds, 4),
            "status": self.status,
        }


# -- helpers ----------------------------------------------------------------------------------
def _cost_matrix(graph: Any, weighted: bool) -> np.ndarray:
    w = np.asarray(graph.weights, dtype=float)
    return w if weighted else np.sign(w)


def frustration_of_partition(weights: np.ndarray, blocs: np.ndarray) -> float:
    """Total weight of the frustrated edges of a two-bloc partition.

    Parameters
    ----------
    weights
        Symmetric signed weight matrix (0 = no edge).
    blocs
        Array of 0/1 bloc labels, one per node.

    Returns
    -------
    float
        ``sum |w_ij|`` over positive edges between blocs and negative edges inside a bloc.
    """
    w = np.asarray(weights, dtype=float)
    x = np.asarray(blocs).astype(bool)
    cut = x[:, None] != x[None, :]
    bad = ((w > 0) & cut) | ((w < 0) & ~cut)
    return float(np.abs(w)[np.triu(bad, 1)].sum())


def frustrated_edges(graph: Any, partition: dict[str, int]) -> list[tuple[str, str, float]]:
    """Edges ``(a, b, weight)`` frustrated by ``partition`` (node -> 0/1)."""
    x = np.array([partition[v] for v in graph.nodes], dtype=bool)
    out = []
    for a, b, w in graph.edges():
        same = x[graph.index(a)] == x[graph.index(b)]
        if (w > 0) != same:
            out.append((a, b, w))
    return out


def _blocks(w: np.ndarray) -> list[np.ndarray]:
    """Node index sets of the biconnected components (bridges are 2-node components)."""
    import networkx as nx

    g = nx.Graph()
    iu, ju = np.nonzero(np.triu(w, 1))
    g.add_edges_from(zip(iu.tolist(), ju.tolist(), strict=True))
    return [np.array(sorted(b)) for b in nx.biconnected_components(g)]


def _solve_block(
    w: np.ndarray, time_limit: float | None, cuts: bool = True, fix_node: str = "max_degree"
) -> tuple[np.ndarray, float, float, bool, str]:
    """Exact MILP for one block. Returns (blocs, value, lower bound, optimal, status)."""
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_matrix

    k = w.shape[0]
    iu, ju = np.nonzero(np.triu(w, 1))
    m = iu.size
    cost = np.abs(w[iu, ju])
    pos = w[iu, ju] > 0
    # variables: x_0..x_{k-1} (sides), f_0..f_{m-1} (edge frustrated)
    # positive edge:  f >= x_i - x_j,  f >= x_j - x_i       (f = x_i XOR x_j)
    # negative edge:  f >= x_i + x_j - 1,  f >= 1 - x_i - x_j  (f = 1 - (x_i XOR x_j))
    e = np.arange(m)
    rows = np.concatenate([2 * e] * 3 + [2 * e + 1] * 3)
    cols = np.concatenate([iu, ju, k + e, iu, ju, k + e])
    sgn = np.where(pos, 1.0, -1.0)
    # row 2e:   a_i x_i + a_j x_j - f <= b
    # positive: x_i - x_j - f <= 0 ;  -x_i + x_j - f <= 0
    # negative: x_i + x_j - f <= 1 ; -x_i - x_j - f <= -1
    vals = np.concatenate([np.ones(m), -sgn, -np.ones(m), -np.ones(m), sgn, -np.ones(m)])
    ub = np.empty(2 * m)
    ub[2 * e] = np.where(pos, 0.0, 1.0)
    ub[2 * e + 1] = np.where(pos, 0.0, -1.0)
    n_rows = 2 * m
    if cuts:
        t_rows, t_cols, t_vals, t_ub = _triangle_cuts(w, iu, ju, k, n_rows)
        rows = np.concatenate([rows, t_rows])
        cols = np.concatenate([cols, t_cols])
        vals = np.concatenate([vals, t_vals])
        ub = np.concatenate([ub, t_ub])
        n_rows += t_ub.size
    a = coo_matrix((vals, (rows, cols)), shape=(n_rows, k + m)).tocsr()
    c = np.concatenate([np.zeros(k), cost])
    lo = np.zeros(k + m)
    hi = np.ones(k + m)
    # fix one node's side (the problem is symmetric under x -> 1 - x); fixing the node of
    # highest degree, as Aref, Mason & Wilson do, fixes the most terms (8x faster on CoW)
    hi[int(np.argmax((w != 0).sum(axis=1))) if fix_node == "max_degree" else 0] = 0.0
    integrality = np.concatenate([np.ones(k), np.zeros(m)])  # f is integral at optimum
    options: dict[str, Any] = {"disp": False}
    if time_limit is not None:
        options["time_limit"] = max(float(time_limit), 0.01)
    res = milp(
        c,
        constraints=LinearConstraint(a, -np.inf, ub),
        integrality=integrality,
        bounds=Bounds(lo, hi),
        options=options,
    )
    if res.x is None:
        lb = max(_dual_bound(res), _packing_bound(w))
        return np.zeros(k, dtype=np.int8), math.inf, lb, False, str(res.message)
    x = np.rint(res.x[:k]).astype(np.int8)
    value = frustration_of_partition(w, x)
    optimal = res.status == 0
    lb = value if optimal else max(_dual_bound(res), _packing_bound(w))
    return x, value, lb, optimal, str(res.message)


def _triangle_cuts(
    w: np.ndarray, iu: np.ndarray, ju: np.ndarray, k: int, first_row: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Valid inequalities: every unbalanced triangle has a frustrated edge.

    The number of frustrated edges on a cycle has the parity of its number of negative edges,
    so an unbalanced triangle ``(i, j, t)`` needs ``f_ij + f_it + f_jt >= 1``. These cuts
    tighten the weak LP relaxation of the XOR model (cycle inequalities of this kind are
    discussed by Aref, Mason & Wilson 2020).
    """
    eid = -np.ones(w.shape, dtype=np.int64)
    eid[iu, ju] = np.arange(iu.size)
    eid[ju, iu] = eid[iu, ju]
    adj = w != 0
    sgn = np.sign(w)
    rows: list[int] = []
    cols: list[int] = []
    ub: list[float] = []
    r = first_row
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        ks = np.flatnonzero(adj[i] & adj[j])
        ks = ks[ks > j]
        odd = ks[sgn[i, j] * sgn[i, ks] * sgn[j, ks] < 0]
        for t in odd.tolist():
            rows += [r, r, r]
            cols += [k + int(eid[i, j]), k + int(eid[i, t]), k + int(eid[j, t])]
            ub.append(-1.0)
            r += 1
    vals = [-1.0] * len(rows)
    return (
        np.asarray(rows, dtype=np.int64),
        np.asarray(cols, dtype=np.int64),
        np.asarray(vals, dtype=float),
        np.asarray(ub, dtype=float),
    )


#: Edge count above which the heuristic skips its triangle-packing lower bound.
_PACKING_EDGE_LIMIT = 200_000


def _packing_bound(w: np.ndarray) -> float:
    """Lower bound from a greedy packing of edge-disjoint unbalanced triangles.

    Every unbalanced triangle has at least one frustrated edge in any partition, so triangles
    that share no edge contribute at least their lightest edge each.
    """
    adj = w != 0
    sgn = np.sign(w)
    used = np.zeros(w.shape, dtype=bool)
    bound = 0.0
    iu, ju = np.nonzero(np.triu(adj, 1))
    for i, j in zip(iu.tolist(), ju.tolist(), strict=True):
        if used[i, j]:
            continue
        ks = np.flatnonzero(adj[i] & adj[j] & ~used[i] & ~used[j])
        ks = ks[sgn[i, j] * sgn[i, ks] * sgn[j, ks] < 0]
        if ks.size:
            t = int(ks[0])
            for a, b in ((i, j), (i, t), (j, t)):
                used[a, b] = used[b, a] = True
            bound += float(min(abs(w[i, j]), abs(w[i, t]), abs(w[j, t])))
    return bound


def _dual_bound(res: Any) -> float:
    lb = getattr(res, "mip_dual_bound", None)
    if lb is None or not np.isfinite(lb):
        return 0.0
    return float(lb)


def _check_graph(graph: Any) -> None:
    if not hasattr(graph, "weights") or not hasattr(graph, "nodes"):
        raise InputError("expected a SignedGraph", field="graph")


def _stitch(n: int, pieces: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Join block-wise bloc labels at the cut vertices into one partition of all nodes."""
    side = np.full(n, -1, dtype=np.int8)
    node_blocks: dict[int, list[int]] = {}
    for b, (idx, _) in enumerate(pieces):
        for v in idx.tolist():
            node_blocks.setdefault(v, []).append(b)
    done = [False] * len(pieces)
    for start in range(len(pieces)):
        if done[start]:
            continue
        queue = [start]
        done[start] = True
        while queue:
            b = queue.pop()
            idx, x = pieces[b]
            assigned = side[idx] >= 0
            if assigned.any():
                k = int(np.flatnonzero(assigned)[0])
                xb = x if x[k] == side[idx[k]] else 1 - x
            else:
                xb = x
            side[idx] = xb
            for v in idx.tolist():
                for nb in node_blocks[v]:
                    if not done[nb]:
                        done[nb] = True
                        queue.append(nb)
    return side


def frustration_index(
    graph: Any,
    *,
    weighted: bool = False,
    time_limit: float | None = 60.0,
    decompose: bool = True,
    triangle_cuts: bool = True,
    fix_node: str = "max_degree",
) -> FrustrationResult:
    """Exact frustration index of a signed graph by binary linear programming.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph`.
    weighted
        Minimise the total absolute weight of frustrated edges instead of their number.
    time_limit
        Seconds allowed for the MILP solves in total (``None``: no limit). When it runs out
        the result carries ``optimal=False``, the better of the solver's incumbent and a local
        search's partition, and a proven lower bound: the larger of HiGHS's dual bound and a
        greedy packing of edge-disjoint unbalanced triangles.
    decompose
        Solve each biconnected component separately (default). ``False`` solves one model
        for the whole graph (the benchmark's baseline; same optimum).
    triangle_cuts
        Add ``f_ij + f_ik + f_jk >= 1`` for every unbalanced triangle (valid, and it tightens
        the LP relaxation; default). ``False`` gives the plain XOR model.
    fix_node
        Which node's side is fixed in each block: ``"max_degree"`` (default, much faster) or
        ``"first"`` (the benchmark's baseline).

    Returns
    -------
    FrustrationResult

    Notes
    -----
    Model (one per biconnected block with a cycle; ``x_i`` binary side, ``f_ij`` frustration
    indicator, which takes 0/1 values at every optimum so it is left continuous)::

        min  sum_ij |w_ij| f_ij
        s.t. f_ij >= x_i - x_j,   f_ij >= x_j - x_i            (positive edges)
             f_ij >= x_i + x_j - 1, f_ij >= 1 - x_i - x_j      (negative edges)
             x_r = 0 for the node r of highest degree in the block
             f_ij + f_ik + f_jk >= 1   for every unbalanced triangle (valid cuts)

    References
    ----------
    Aref, S., Mason, A. J. & Wilson, M. C. (2018). Computing the line index of balance using
    integer programming optimisation. In *Optimization Problems in Graph Theory*, Springer,
    pp. 65-84 (the binary linear "XOR" model; fixing one node's side).
    Aref, S., Mason, A. J. & Wilson, M. C. (2020). A modeling and computational study of the
    frustration index in signed networks. *Networks* 75(1), 95-110 (the Gahuku-Gama index 7).
    Harary, F. (1959). On the measurement of structural balance. *Behavioral Science* 4,
    316-323 (the line index of balance).
    """
    _check_graph(graph)
    if fix_node not in ("max_degree", "first"):
        raise InputError("fix_node must be 'max_degree' or 'first'", field="fix_node")
    t0 = time.perf_counter()
    w = _cost_matrix(graph, weighted)
    n = w.shape[0]
    if decompose:
        blocks = _blocks(w)
    else:
        blocks = [np.arange(n)] if n >= 2 else []
    pieces: list[tuple[np.ndarray, np.ndarray]] = []
    total = lower = 0.0
    optimal = True
    statuses = []
    for idx in sorted(blocks, key=len):
        if idx.size == 2:  # a bridge is never frustrated
            pieces.append((idx, np.array([0, 0 if w[idx[0], idx[1]] > 0 else 1], dtype=np.int8)))
            continue
        remaining = None
        if time_limit is not None:
            remaining = time_limit - (time.perf_counter() - t0)
        sub = w[np.ix_(idx, idx)]
        if remaining is not None and remaining <= 0:
            x, val, lb, ok, msg = _block_heuristic(sub)
        else:
            x, val, lb, ok, msg = _solve_block(sub, remaining, triangle_cuts, fix_node)
            if not ok:  # keep whichever partition is better: the solver's or a local search's
                hx, hval, _, _, _ = _block_heuristic(sub)
                if hval < val:
                    x, val = hx, hval
        pieces.append((idx, x))
        total += val
        lower += lb
        optimal = optimal and ok
        if not ok:
            statuses.append(msg)
    side = _stitch(n, pieces)
    side[side < 0] = 0  # isolated nodes
    partition = {v: int(s) for v, s in zip(graph.nodes, side.tolist(), strict=True)}
    value = frustration_of_partition(w, side)
    if not weighted:
        lower = float(math.ceil(lower - 1e-6))
    if optimal:
        lower = value
    status = "optimal" if optimal else "time limit reached: " + "; ".join(sorted(set(statuses)))
    return FrustrationResult(
        frustration_index=value,
        lower_bound=min(lower, value),
        optimal=optimal,
        partition=partition,
        frustrated=frustrated_edges(_signed_view(graph, w), partition),
        method="milp",
        weighted=weighted,
        seconds=time.perf_counter() - t0,
        blocks=sum(1 for b in blocks if b.size > 2),
        status=status,
    )


def _signed_view(graph: Any, w: np.ndarray) -> Any:
    from realpolitik.alignment.graph import SignedGraph

    return SignedGraph(graph.nodes, w)


def _block_heuristic(w: np.ndarray) -> tuple[np.ndarray, float, float, bool, str]:
    x, val = _local_search(w, np.random.default_rng(0), restarts=8)
    return x, val, _packing_bound(w), False, "no time left: heuristic partition"


def _greedy(w: np.ndarray, sigma: np.ndarray) -> np.ndarray:
    """Flip single nodes while that lowers the frustration (steepest first)."""
    h = w @ sigma
    while True:
        g = sigma * h  # flipping i changes the frustration by +g_i
        i = int(np.argmin(g))
        if g[i] >= -1e-12:
            return sigma
        sigma[i] = -sigma[i]
        h += (2.0 * sigma[i]) * w[i]  # w is symmetric: the row is contiguous


def _leading_signs(w: np.ndarray) -> np.ndarray:
    """Signs of the leading eigenvector of the signed adjacency matrix (deterministic)."""
    n = w.shape[0]
    if n < 300:
        vals, vecs = np.linalg.eigh(w)
        lead = vecs[:, int(np.argmax(vals))]
    else:
        from scipy.sparse import csr_matrix
        from scipy.sparse.linalg import eigsh

        _, vecs = eigsh(csr_matrix(w), k=1, which="LA", v0=np.ones(n), tol=1e-6)
        lead = vecs[:, 0]
    return np.where(lead >= 0, 1.0, -1.0)


def _local_search(
    w: np.ndarray, rng: np.random.Generator, restarts: int
) -> tuple[np.ndarray, float]:
    n = w.shape[0]
    if n == 0:
        return np.zeros(0, dtype=np.int8), 0.0
    from scipy.sparse import csr_matrix

    ws = csr_matrix(w)
    half_total = 0.5 * float(np.abs(ws.data).sum()) / 2.0

    def cost(sig: np.ndarray) -> float:
        # frustrated weight = 1/2 sum_{i<j} (|w_ij| - w_ij s_i s_j)
        return half_total - 0.25 * float(sig @ (ws @ sig))

    starts = [_leading_signs(w)]
    starts.extend(rng.choice([-1.0, 1.0], size=n) for _ in range(max(restarts - 1, 0)))
    best_x = None
    best = math.inf
    for s in starts:
        sigma = _greedy(w, s.copy())
        current = cost(sigma)
        # a short perturbation phase: flip a few random nodes and re-descend
        for _ in range(4):
            trial = sigma.copy()
            flip = rng.choice(n, size=max(1, n // 10), replace=False)
            trial[flip] = -trial[flip]
            trial = _greedy(w, trial)
            c = cost(trial)
            if c < current - 1e-9:
                sigma, current = trial, c
        if current < best - 1e-9:
            best, best_x = current, sigma
    assert best_x is not None
    x = (best_x < 0).astype(np.int8)
    return x, frustration_of_partition(w, x)


def frustration_heuristic(
    graph: Any, *, weighted: bool = False, restarts: int = 10, seed: int | None = 0
) -> FrustrationResult:
    """Fast upper bound on the frustration index by seeded multi-start local search.

    Starts from the sign pattern of the leading eigenvector of the signed adjacency matrix and
    from ``restarts - 1`` random partitions; each start descends by single-node moves (always
    the move that removes the most frustration) and is then perturbed a few times.

    Parameters
    ----------
    graph
        A :class:`~realpolitik.alignment.graph.SignedGraph`.
    weighted
        Use edge weights (default: count edges).
    restarts
        Number of starting partitions (>= 1).
    seed
        Seed of the random starts; the same seed gives the same result.

    Returns
    -------
    FrustrationResult
        ``lower_bound`` comes from a greedy packing of edge-disjoint unbalanced triangles
        (skipped, i.e. 0, above 200,000 edges); ``optimal`` is True only when the partition
        meets it.

    References
    ----------
    Aref, S., Mason, A. J. & Wilson, M. C. (2020). A modeling and computational study of the
    frustration index in signed networks. *Networks* 75(1), 95-110 (heuristic upper bounds by
    local search).
    """
    _check_graph(graph)
    if restarts < 1:
        raise InputError("restarts must be at least 1", field="restarts")
    t0 = time.perf_counter()
    w = _cost_matrix(graph, weighted)
    x, val = _local_search(w, np.random.default_rng(seed), restarts)
    n_edges = int(np.count_nonzero(w)) // 2
    lb = _packing_bound(w) if n_edges <= _PACKING_EDGE_LIMIT else 0.0
    partition = {v: int(s) for v, s in zip(graph.nodes, x.tolist(), strict=True)}
    return FrustrationResult(
        frustration_index=val,
        lower_bound=min(lb, val),
        optimal=val <= lb + 1e-9,
        partition=partition,
        frustrated=frustrated_edges(_signed_view(graph, w), partition),
        method="heuristic",
        weighted=weighted,
        seconds=time.perf_counter() - t0,
        blocks=0,
        status="local search (upper bound)",
    )
