"""Hypothesis strategies shared by the alignment and voting tests."""

from __future__ import annotations

import numpy as np
from hypothesis import strategies as st

from realpolitik.alignment.graph import SignedGraph

__all__ = [
    "signed_graphs",
    "landscape_instances",
    "configurations",
    "relations",
    "weighted_games",
]

relations = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False).filter(lambda v: v != 0)


@st.composite
def signed_graphs(
    draw, min_n: int = 1, max_n: int = 9, weighted: bool = False, density: float | None = None
):
    """Small signed graphs: each pair absent, positive or negative (integer weights 1..4)."""
    n = draw(st.integers(min_value=min_n, max_value=max_n))
    w = np.zeros((n, n))
    values = st.sampled_from([-4, -3, -2, -1, 1, 2, 3, 4]) if weighted else st.sampled_from([-1, 1])
    for i in range(n):
        for j in range(i + 1, n):
            present = draw(st.booleans()) if density is None else draw(st.floats(0, 1)) < density
            if present:
                w[i, j] = w[j, i] = draw(values)
    return SignedGraph([f"n{i}" for i in range(n)], w)


@st.composite
def landscape_instances(draw, min_n: int = 2, max_n: int = 8):
    """``(sizes, propensities)`` with small exact values (integers and halves)."""
    n = draw(st.integers(min_value=min_n, max_value=max_n))
    sizes = np.array(draw(st.lists(st.integers(1, 5), min_size=n, max_size=n)), dtype=float)
    p = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            p[i, j] = p[j, i] = draw(st.sampled_from([-1.0, -0.5, 0.0, 0.5, 1.0]))
    return sizes, p


@st.composite
def configurations(draw, n: int):
    """A configuration of ``n`` actors: bloc labels 0/1."""
    return np.array(draw(st.lists(st.integers(0, 1), min_size=n, max_size=n)), dtype=np.int8)


@st.composite
def weighted_games(draw, max_n: int = 8):
    """``(weights, quota, veto)`` of a small weighted game with integer weights."""
    n = draw(st.integers(min_value=1, max_value=max_n))
    weights = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n).filter(lambda w: sum(w)))
    quota = draw(st.integers(1, sum(weights)))
    veto = draw(st.lists(st.sampled_from([f"P{i + 1}" for i in range(n)]), unique=True, max_size=2))
    return weights, quota, veto
