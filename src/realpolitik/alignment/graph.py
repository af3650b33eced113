"""Signed graphs: nodes with sizes and symmetric signed weights.

A :class:`SignedGraph` is the one input type of the alignment models (strategic triangles,
structural balance, balance dynamics, landscape theory). It is built from an edge list
(CSV file or pandas frame), a scenario's relations, or a networkx graph, and it checks its
input once, here, so that every model fails the same way on the same bad input.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.errors import InputError, UnknownActorError

__all__ = [
    "SignedGraph",
    "read_edge_table",
    "read_sizes_csv",
    "read_propensities_csv",
    "EDGE_NODE_COLUMNS",
    "EDGE_VALUE_COLUMNS",
]

#: Accepted pairs of column names for the two end points of an edge (first match wins).
EDGE_NODE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("a", "b"),
    ("from", "to"),
    ("source", "target"),
    ("country_a", "country_b"),
    ("actor_a", "actor_b"),
)
#: Accepted names of the value column: a sign (+1/-1) or a real weight.
EDGE_VALUE_COLUMNS: tuple[str, ...] = ("sign", "weight", "propensity")


class SignedGraph:
    """An undirected signed, weighted graph whose nodes may carry sizes.

    Parameters
    ----------
    nodes
        Node labels, unique strings, in matrix order.
    weights
        Symmetric ``n x n`` array of finite reals; ``0`` means no edge, the sign of an entry is
        the sign of the relation (friendship ``+``, enmity ``-``). The diagonal must be zero.
    sizes
        Optional positive node sizes (e.g. capabilities); defaults to ones.
    name
        Optional label used in error messages (e.g. the file it came from).

    Raises
    ------
    InputError
        Non-square, asymmetric or non-finite weights, a self-loop, repeated node labels or
        non-positive sizes.
    """

    __slots__ = ("nodes", "weights", "sizes", "name", "_index")

    def __init__(
        self,
        nodes: Sequence[str],
        weights: np.ndarray | Sequence[Sequence[float]],
        sizes: np.ndarray | Sequence[float] | None = None,
        *,
        name: str | None = None,
    ) -> None:
        nodes = [str(v) for v in nodes]
        w = np.asarray(weights, dtype=float)
        n = len(nodes)
        src = name
        if w.shape != (n, n):
            raise InputError(
                f"weights must be a {n}x{n} matrix for {n} nodes, got shape {w.shape}",
                file=src,
                field="weights",
            )
        if len(set(nodes)) != n:
            seen: set[str] = set()
            dup = next(v for v in nodes if v in seen or seen.add(v))  # type: ignore[func-returns-value]
            raise InputError(f"node {dup!r} appears more than once", file=src, field="nodes")
        if not np.all(np.isfinite(w)):
            raise InputError("weights must be finite numbers", file=src, field="weights")
        diag = np.flatnonzero(np.diag(w))
        if diag.size:
            raise InputError(
                f"self-loop on node {nodes[int(diag[0])]!r}; a signed graph has no self-loops",
                file=src,
                field="weights",
            )
        asym = np.argwhere(~np.isclose(w, w.T, rtol=0.0, atol=1e-12))
        if asym.size:
            i, j = (int(x) for x in asym[0])
            raise InputError(
                f"weights must be symmetric: {nodes[i]}->{nodes[j]} is {w[i, j]:g} but "
                f"{nodes[j]}->{nodes[i]} is {w[j, i]:g}",
                file=src,
                field="weights",
            )
        if sizes is None:
            s = np.ones(n)
        else:
            s = np.asarray(sizes, dtype=float)
            if s.shape != (n,):
                raise InputError(
                    f"sizes must have one entry per node ({n}), got shape {s.shape}",
                    file=src,
                    field="sizes",
                )
            if not np.all(np.isfinite(s)) or np.any(s <= 0):
                raise InputError("sizes must be positive finite numbers", file=src, field="sizes")
        w = (w + w.T) / 2.0
        w.setflags(write=False)
        s.setflags(write=False)
        self.nodes: list[str] = nodes
        self.weights: np.ndarray = w
        self.sizes: np.ndarray = s
        self.name = name
        self._index = {v: k for k, v in enumerate(nodes)}

    # -- basic views ----------------------------------------------------------------------
    @property
    def n(self) -> int:
        """Number of nodes."""
        return len(self.nodes)

    @property
    def signs(self) -> np.ndarray:
        """Matrix of edge signs (+1, -1, 0 for no edge) as ``int8``."""
        return np.sign(self.weights).astype(np.int8)

    def index(self, node: str) -> int:
        """Matrix index of ``node``.

        Raises
        ------
        UnknownActorError
            If the graph has no such node.
        """
        try:
            return self._index[node]
        except KeyError:
            known = ", ".join(self.nodes[:12]) + (" ..." if self.n > 12 else "")
            raise UnknownActorError(
                f"unknown node {node!r}; the graph has {known}", file=self.name, field="node"
            ) from None

    def weight(self, a: str, b: str) -> float:
        """Weight of the edge ``a``–``b`` (0.0 when there is none)."""
        return float(self.weights[self.index(a), self.index(b)])

    def edges(self) -> list[tuple[str, str, float]]:
        """Edges as ``(a, b, weight)`` with ``a`` before ``b`` in node order."""
        iu, ju = np.nonzero(np.triu(self.weights, 1))
        return [
            (self.nodes[i], self.nodes[j], float(self.weights[i, j]))
            for i, j in zip(iu, ju, strict=True)
        ]

    @property
    def n_edges(self) -> int:
        """Number of (undirected) edges."""
        return int(np.count_nonzero(np.triu(self.weights, 1)))

    def subgraph(self, nodes: Iterable[str]) -> SignedGraph:
        """The induced subgraph on ``nodes`` (in the given order)."""
        keep = [self.index(v) for v in nodes]
        ix = np.ix_(keep, keep)
        return SignedGraph(
            [self.nodes[k] for k in keep], self.weights[ix], self.sizes[keep], name=self.name
        )

    def with_unit_weights(self) -> SignedGraph:
        """The same graph with every weight replaced by its sign (+1/-1)."""
        return SignedGraph(self.nodes, np.sign(self.weights), self.sizes, name=self.name)

    def __repr__(self) -> str:
        return f"SignedGraph(n={self.n}, edges={self.n_edges})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SignedGraph):
            return NotImplemented
        return (
            self.nodes == other.nodes
            and np.array_equal(self.weights, other.weights)
            and np.array_equal(self.sizes, other.sizes)
        )

    __hash__ = None  # type: ignore[assignment]

    # -- constructors ---------------------------------------------------------------------
    @classmethod
    def from_edges(
        cls,
        frame: Any,
        *,
        sizes: Mapping[str, float] | None = None,
        nodes: Sequence[str] | None = None,
        name: str | None = None,
    ) -> SignedGraph:
        """Build from an edge table (pandas frame or list of mappings).

        Parameters
        ----------
        frame
            Rows with two end-point columns (``a,b``; also accepted: ``from,to``,
            ``source,target``, ``country_a,country_b``) and a value column (``sign``, ``weight``
            or ``propensity``).
        sizes
            Optional node sizes by label.
        nodes
            Optional full node list (to include isolated nodes and fix the order); by default
            nodes appear in order of first mention.
        name
            Label for error messages.

        Returns
        -------
        SignedGraph

        Raises
        ------
        InputError
            Missing columns, a non-numeric or zero weight, a self-loop, or the same pair given
            twice with different values (line numbers count the header as line 1).
        """
        records = _records(frame)
        columns = list(records[0].keys()) if records else list(getattr(frame, "columns", []))
        table = _EdgeTable.parse(records, columns, name=name, first_line=2)
        return table.to_graph(sizes=sizes, nodes=nodes)

    @classmethod
    def from_csv(
        cls,
        path: str | Path,
        *,
        period: str | None = None,
        sizes: Mapping[str, float] | None = None,
    ) -> SignedGraph:
        """Read an edge-list CSV with a header (``a,b,sign`` or ``a,b,weight``).

        Parameters
        ----------
        path
            The CSV file.
        period
            If the file has a ``period`` column (e.g. the Correlates of War signed networks),
            the period to read. Required when the file holds more than one period.
        sizes
            Optional node sizes by label.

        Returns
        -------
        SignedGraph

        Raises
        ------
        InputError
            Unreadable file, missing header columns, bad values, or an ambiguous period.
        """
        tables = read_edge_table(path)
        if len(tables) == 1 and period is None:
            return next(iter(tables.values())).to_graph(sizes=sizes)
        names = [str(k) for k in tables]
        if period is None:
            raise InputError(
                f"the file holds {len(tables)} periods ({', '.join(names[:5])}, ...); "
                "choose one with period=...",
                file=str(path),
                field="period",
            )
        if period not in tables:
            raise InputError(
                f"no period {period!r} in the file; it has {', '.join(names[:8])} ...",
                file=str(path),
                field="period",
            )
        return tables[period].to_graph(sizes=sizes)

    @classmethod
    def from_scenario(cls, scenario: Any) -> SignedGraph:
        """Actors as nodes, capabilities as sizes, relation propensities as weights.

        Parameters
        ----------
        scenario
            A :class:`realpolitik.scenario.Scenario`.

        Returns
        -------
        SignedGraph
        """
        sizes = [a.capability for a in scenario.actors]
        return cls(scenario.actor_ids, scenario.propensity_matrix(), sizes, name=scenario.name)

    @classmethod
    def from_networkx(cls, graph: Any, weight: str = "weight") -> SignedGraph:
        """Build from an undirected networkx graph.

        Parameters
        ----------
        graph
            ``networkx.Graph``; each edge needs a numeric ``weight`` (or ``sign``) attribute;
            a node's ``size`` attribute, if present, becomes its size.
        weight
            Edge attribute to read; ``sign`` is used when ``weight`` is absent.

        Returns
        -------
        SignedGraph
        """
        if graph.is_directed():
            raise InputError("a signed graph is undirected; got a directed networkx graph")
        nodes = [str(v) for v in graph.nodes]
        idx = {v: k for k, v in enumerate(graph.nodes)}
        w = np.zeros((len(nodes), len(nodes)))
        for u, v, data in graph.edges(data=True):
            val = data.get(weight, data.get("sign"))
            if u == v:
                raise InputError(f"self-loop on node {u!r}", field=weight)
            num = _as_float(val)
            if num is None or num == 0:
                raise InputError(
                    f"edge {u}-{v}: expected a non-zero number, got {val!r}", field=weight
                )
            w[idx[u], idx[v]] = w[idx[v], idx[u]] = num
        have_sizes = all("size" in d for _, d in graph.nodes(data=True)) and len(nodes) > 0
        sizes = [float(d["size"]) for _, d in graph.nodes(data=True)] if have_sizes else None
        return cls(nodes, w, sizes)

    def to_networkx(self) -> Any:
        """Return a ``networkx.Graph`` with ``weight`` and ``sign`` edge and ``size`` node data."""
        import networkx as nx

        g = nx.Graph()
        for v, s in zip(self.nodes, self.sizes, strict=True):
            g.add_node(v, size=float(s))
        for a, b, w in self.edges():
            g.add_edge(a, b, weight=w, sign=int(np.sign(w)))
        return g


# -- edge tables ------------------------------------------------------------------------------
def _as_float(val: Any) -> float | None:
    if isinstance(val, bool):
        return None
    try:
        num = float(val)
    except (TypeError, ValueError):
        return None
    return num if math.isfinite(num) else None


def _records(frame: Any) -> list[dict[str, Any]]:
    if hasattr(frame, "to_dict") and hasattr(frame, "columns"):
        return list(frame.to_dict(orient="records"))
    return [dict(r) for r in frame]


class _EdgeTable:
    """Checked edges of one graph, remembering the file for later errors."""

    def __init__(self, edges: dict[tuple[str, str], float], order: list[str], name: str | None):
        self.edges = edges
        self.order = order
        self.name = name

    @classmethod
    def parse(
        cls,
        records: Sequence[Mapping[str, Any]],
        columns: Sequence[str],
        *,
        name: str | None,
        first_line: int = 2,
        lines: Sequence[int] | None = None,
    ) -> _EdgeTable:
        lower = {c.strip().lower(): c for c in columns}
        pair = next(
            ((lower[x], lower[y]) for x, y in EDGE_NODE_COLUMNS if x in lower and y in lower), None
        )
        value = next((lower[c] for c in EDGE_VALUE_COLUMNS if c in lower), None)
        if pair is None or value is None:
            raise InputError(
                "expected header columns a,b,sign (or a,b,weight); got "
                + (",".join(columns) or "none"),
                file=name,
                field="header",
                line=1,
            )
        col_a, col_b = pair
        edges: dict[tuple[str, str], float] = {}
        order: list[str] = []
        oriented: set[tuple[str, str]] = set()
        seen_nodes: set[str] = set()
        for k, rec in enumerate(records):
            line = lines[k] if lines is not None else first_line + k
            a = str(rec.get(col_a, "") or "").strip()
            b = str(rec.get(col_b, "") or "").strip()
            if not a or not b:
                raise InputError(
                    "empty node label", file=name, field=col_a if not a else col_b, line=line
                )
            raw = rec.get(value)
            num = _as_float(raw)
            if num is None:
                raise InputError(
                    f"expected a finite number, got {raw!r}", file=name, field=value, line=line
                )
            if num == 0:
                raise InputError(
                    "an edge weight of 0 means no edge; give +/- values only",
                    file=name,
                    field=value,
                    line=line,
                )
            if a == b:
                raise InputError(
                    f"self-loop {a}-{b}; a signed graph has no self-loops",
                    file=name,
                    field=col_b,
                    line=line,
                )
            key = (a, b) if a < b else (b, a)
            if key in edges and edges[key] != num and (b, a) in oriented:
                raise InputError(
                    f"asymmetric values: {b}->{a} is {edges[key]:g} but {a}->{b} is {num:g}",
                    file=name,
                    field=value,
                    line=line,
                )
            if key in edges and edges[key] != num:
                raise InputError(
                    f"duplicate edge {a}-{b} with conflicting values {edges[key]:g} and {num:g}",
                    file=name,
                    field=value,
                    line=line,
                )
            edges[key] = num
            oriented.add((a, b))
            for v in (a, b):
                if v not in seen_nodes:
                    seen_nodes.add(v)
                    order.append(v)
        return cls(edges, order, name)

    def to_graph(
        self, *, sizes: Mapping[str, float] | None = None, nodes: Sequence[str] | None = None
    ) -> SignedGraph:
        order = list(nodes) if nodes is not None else list(self.order)
        idx = {v: k for k, v in enumerate(order)}
        w = np.zeros((len(order), len(order)))
        for (a, b), num in self.edges.items():
            for v in (a, b):
                if v not in idx:
                    raise UnknownActorError(
                        f"edge mentions {v!r}, which is not in the node list",
                        file=self.name,
                        field="nodes",
                    )
            w[idx[a], idx[b]] = w[idx[b], idx[a]] = num
        size_arr = None
        if sizes is not None:
            missing = [v for v in order if v not in sizes]
            if missing:
                raise InputError(
                    f"no size for node(s) {', '.join(missing[:5])}", file=self.name, field="size"
                )
            size_arr = [float(sizes[v]) for v in order]
        return SignedGraph(order, w, size_arr, name=self.name)


def read_edge_table(path: str | Path) -> dict[str | None, _EdgeTable]:
    """Read and check an edge-list CSV, split by its ``period`` column if it has one.

    Parameters
    ----------
    path
        CSV with a header row.

    Returns
    -------
    dict
        ``period -> edge table`` in file order (key ``None`` when there is no period column).
        Call ``.to_graph()`` on a value to get a :class:`SignedGraph`.

    Raises
    ------
    InputError
        Unreadable file, missing header, bad values (with the line number).
    """
    p = Path(path)
    try:
        with p.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.DictReader(fh)
            rows = list(reader)
            columns = list(reader.fieldnames or [])
    except FileNotFoundError:
        raise InputError("file not found", file=str(p)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read CSV: {exc}", file=str(p)) from None
    if not columns:
        raise InputError("empty file; expected a header a,b,sign", file=str(p), line=1)
    lower = {c.strip().lower(): c for c in columns}
    if "period" not in lower:
        return {None: _EdgeTable.parse(rows, columns, name=str(p), first_line=2)}
    pcol = lower["period"]
    groups: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for k, r in enumerate(rows):
        groups.setdefault(str(r[pcol]).strip(), []).append((k + 2, r))
    out: dict[str | None, _EdgeTable] = {}
    for per, items in groups.items():
        out[per] = _EdgeTable.parse(
            [r for _, r in items], columns, name=str(p), lines=[ln for ln, _ in items]
        )
    return out


def _read_rows(path: str | Path) -> tuple[list[str], list[list[str]]]:
    p = Path(path)
    try:
        with p.open(newline="", encoding="utf-8-sig") as fh:
            rows = [r for r in csv.reader(fh)]
    except FileNotFoundError:
        raise InputError("file not found", file=str(p)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read CSV: {exc}", file=str(p)) from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise InputError("empty file; expected a header row", file=str(p), line=1)
    return [c.strip() for c in rows[0]], [[c.strip() for c in r] for r in rows[1:]]


def read_sizes_csv(path: str | Path) -> dict[str, float]:
    """Read actor sizes from a CSV with header ``actor,size`` (or ``actor,capability``).

    Parameters
    ----------
    path
        The CSV file.

    Returns
    -------
    dict
        Actor -> positive size, in file order.

    Raises
    ------
    InputError
        Missing columns, repeated actors, non-numeric or non-positive sizes (with line).
    """
    header, rows = _read_rows(path)
    low = [h.lower() for h in header]
    a_col = next((low.index(c) for c in ("actor", "node", "id", "name") if c in low), None)
    s_col = next((low.index(c) for c in ("size", "capability", "weight") if c in low), None)
    if a_col is None or s_col is None:
        raise InputError(
            "expected header columns actor,size; got " + ",".join(header),
            file=str(path),
            field="header",
            line=1,
        )
    out: dict[str, float] = {}
    for k, r in enumerate(rows, start=2):
        if len(r) <= max(a_col, s_col):
            raise InputError("too few columns", file=str(path), line=k)
        actor, raw = r[a_col], r[s_col]
        num = _as_float(raw)
        if num is None or num <= 0:
            raise InputError(
                f"expected a positive number, got {raw!r}",
                file=str(path),
                field=header[s_col],
                line=k,
            )
        if actor in out:
            raise InputError(
                f"actor {actor!r} appears more than once",
                file=str(path),
                field=header[a_col],
                line=k,
            )
        out[actor] = num
    return out


def read_propensities_csv(path: str | Path) -> tuple[list[str], np.ndarray]:
    """Read a propensity matrix (``actor,A,B,...``) or an edge list (``a,b,propensity``).

    Parameters
    ----------
    path
        The CSV file. A matrix has a first header cell naming the row label column and then
        one column per actor, in the same order as the rows; it must be symmetric with an empty
        or zero diagonal.

    Returns
    -------
    tuple
        ``(actors, matrix)``.

    Raises
    ------
    InputError
        Non-numeric cells, a non-square or asymmetric matrix, or a self-propensity (with the
        line and column).
    """
    header, rows = _read_rows(path)
    low = {h.lower() for h in header}
    is_matrix = len(rows) == len(header) - 1 and [r[0] if r else "" for r in rows] == header[1:]
    is_edges = any(x in low and y in low for x, y in EDGE_NODE_COLUMNS) and any(
        c in low for c in EDGE_VALUE_COLUMNS
    )
    if is_edges and not is_matrix:
        tables = read_edge_table(path)
        table = next(iter(tables.values()))
        g = table.to_graph()
        return list(g.nodes), np.array(g.weights)
    actors = header[1:]
    name = str(path)
    if not actors or len(rows) != len(actors):
        raise InputError(
            f"a propensity matrix needs one row per actor column ({len(actors)} columns, "
            f"{len(rows)} rows), or use an edge list a,b,propensity",
            file=name,
            field="header",
            line=1,
        )
    m = np.zeros((len(actors), len(actors)))
    for i, r in enumerate(rows):
        line = i + 2
        if r[0] != actors[i]:
            raise InputError(
                f"row {i + 1} is labelled {r[0]!r} but column {i + 1} is {actors[i]!r}; rows "
                "and columns must list the actors in the same order",
                file=name,
                field=header[0],
                line=line,
            )
        if len(r) != len(header):
            raise InputError(f"expected {len(header)} cells, got {len(r)}", file=name, line=line)
        for j, cell in enumerate(r[1:]):
            if cell == "" and i == j:
                continue
            num = _as_float(cell)
            if num is None:
                raise InputError(
                    f"expected a number, got {cell!r}", file=name, field=actors[j], line=line
                )
            if i == j and num != 0:
                raise InputError(
                    f"self-propensity of {actors[i]} must be empty or 0, got {cell}",
                    file=name,
                    field=actors[j],
                    line=line,
                )
            m[i, j] = num
    for i in range(len(actors)):
        for j in range(i + 1, len(actors)):
            if not math.isclose(m[i, j], m[j, i], rel_tol=0.0, abs_tol=1e-12):
                raise InputError(
                    f"asymmetric propensities: {actors[i]}->{actors[j]} is {m[i, j]:g} but "
                    f"{actors[j]}->{actors[i]} is {m[j, i]:g}; propensities must be symmetric",
                    file=name,
                    field=actors[j],
                    line=i + 2,
                )
    return list(actors), m
