import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_alignment import configurations, landscape_instances

from realpolitik.alignment import SignedGraph
from realpolitik.alignment.landscape import (
    actor_frustration,
    aggregation_landscape,
    descend,
    energy,
    enumerate_landscape,
    enumerate_landscape_naive,
    move_energy_changes,
)
from realpolitik.errors import InputError, ModelError


def brute_minima(sizes, p):
    """Local minima by definition: the energy of every configuration (actor 0 in bloc 0),
    recomputed from scratch, and every single-actor move compared."""
    sizes = np.asarray(sizes, dtype=float)
    n = len(sizes)
    m = n - 1
    idx = np.arange(2**m)
    x = np.zeros((2**m, n), dtype=np.int8)
    for i in range(1, n):
        x[:, i] = (idx >> (i - 1)) & 1
    d = (x[:, :, None] != x[:, None, :]).astype(float)
    w = sizes[:, None] * sizes[None, :] * np.asarray(p)
    e = np.einsum("cij,ij->c", d, w)  # E = sum over ordered pairs s_i s_j p_ij d_ij
    minima = {}
    for c in range(2**m):
        neighbours = [c ^ (2**m - 1)] + [c ^ (1 << (i - 1)) for i in range(1, n)]
        if all(e[k] >= e[c] - 1e-9 for k in neighbours):
            minima[tuple(int(v) for v in x[c])] = float(e[c])
    return minima


def as_vectors(result, labels):
    out = {}
    for m in result.local_minima:
        x = tuple(0 if a in m.blocs[0] else 1 for a in labels)
        out[x] = m.energy
    return out


def test_tribes_minimum_energy_and_local_minima(shared_data):
    g = SignedGraph.from_csv(shared_data / "alignment" / "tribes_edges.csv")
    result = aggregation_landscape(g)
    assert result.global_minimum.energy == 2 * (7 - 29) == -44
    assert as_vectors(result, g.nodes) == brute_minima(g.sizes, g.weights)
    assert sum(m.basin_share for m in result.local_minima) == pytest.approx(1.0)
    # beyond the enumeration limit the MILP finds the same global minimum
    big = aggregation_landscape(g, max_actors=10)
    assert big.method == "milp" and big.local_minima is None
    assert big.global_minimum.energy == -44 and big.optimal


def test_definitions_on_a_small_case():
    sizes = np.array([1.0, 2.0, 3.0])
    p = np.array([[0, 1, -1], [1, 0, 0.5], [-1, 0.5, 0]])
    x = np.array([0, 1, 1])
    # F_0 = 2*1*1 + 3*(-1)*1 = -1; F_1 = 1*1*1 = 1; F_2 = 1*(-1)*1 = -1
    assert actor_frustration(sizes, p, x).tolist() == [-1.0, 1.0, -1.0]
    assert energy(sizes, p, x) == 1 * -1 + 2 * 1 + 3 * -1


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_lyapunov_property(data):
    sizes, p = data.draw(landscape_instances(max_n=8))
    n = len(sizes)
    x = data.draw(configurations(n))
    i = data.draw(st.integers(0, n - 1))
    y = x.copy()
    y[i] = 1 - y[i]
    d_f = actor_frustration(sizes, p, y)[i] - actor_frustration(sizes, p, x)[i]
    d_e = energy(sizes, p, y) - energy(sizes, p, x)
    assert d_e == 2 * sizes[i] * d_f  # exact: small integers and halves
    assert move_energy_changes(sizes, p, x)[i] == d_e


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_energy_falls_along_descent(data):
    sizes, p = data.draw(landscape_instances(max_n=8))
    x = data.draw(configurations(len(sizes)))
    path = descend(sizes, p, x)
    es = [energy(sizes, p, c) for c in path]
    assert all(b < a for a, b in zip(es, es[1:], strict=False))
    assert np.all(move_energy_changes(sizes, p, path[-1]) >= -1e-9)


@settings(max_examples=30, deadline=None)
@given(landscape_instances(min_n=2, max_n=7))
def test_enumeration_equals_brute_force_with_basins(inst):
    sizes, p = inst
    n = len(sizes)
    labels = [f"A{i}" for i in range(n)]
    res = enumerate_landscape(sizes, p, labels, _low_bits=2)  # exercise the Gray-code blocks
    assert as_vectors(res, labels) == brute_minima(sizes, p)
    # basins: follow descend() from every configuration
    counts = {}
    for bits in itertools.product([0, 1], repeat=n - 1):
        end = descend(sizes, p, np.array((0,) + bits))[-1]
        end = end if end[0] == 0 else 1 - end
        counts[tuple(end)] = counts.get(tuple(end), 0) + 1
    total = 2 ** (n - 1)
    got = {}
    for m in res.local_minima:
        x = tuple(0 if a in m.blocs[0] else 1 for a in labels)
        got[x] = m.basin_share
    assert got == {k: v / total for k, v in counts.items()}
    naive = enumerate_landscape_naive(sizes, p, labels)
    assert [m.to_dict() for m in naive.local_minima] == [m.to_dict() for m in res.local_minima]


@settings(max_examples=20, deadline=None)
@given(landscape_instances(min_n=3, max_n=7), st.randoms(use_true_random=False))
def test_relabelling_changes_nothing(inst, rnd):
    sizes, p = inst
    n = len(sizes)
    perm = list(range(n))
    rnd.shuffle(perm)
    labels = [f"A{i}" for i in range(n)]
    a = enumerate_landscape(sizes, p, labels)
    b = enumerate_landscape(sizes[perm], p[np.ix_(perm, perm)], [labels[k] for k in perm])
    # the set of minima and their energies do not depend on the labels (basins can, through
    # the tie-break among equally good moves)
    key = lambda m: (m.energy, frozenset(map(frozenset, m.blocs)))  # noqa: E731
    assert set(map(key, a.local_minima)) == set(map(key, b.local_minima))
    assert a.global_minimum.energy == b.global_minimum.energy


def test_milp_beyond_limit_matches_enumeration():
    rng = np.random.default_rng(5)
    n = 11
    p = np.round(rng.uniform(-1, 1, (n, n)) * 4) / 4
    p = np.triu(p, 1)
    p = p + p.T
    sizes = rng.integers(1, 5, n).astype(float)
    g = SignedGraph([f"A{i}" for i in range(n)], p, sizes)
    exact = aggregation_landscape(g).global_minimum.energy
    milp = aggregation_landscape(g, max_actors=5)
    assert milp.global_minimum.energy == pytest.approx(exact)


def test_bad_inputs():
    with pytest.raises(InputError, match="symmetric"):
        energy([1, 1], [[0, 1], [0.5, 0]], [0, 1])
    with pytest.raises(InputError, match="sizes"):
        energy([1, -1], [[0, 1], [1, 0]], [0, 1])
    with pytest.raises(InputError, match="diagonal"):
        energy([1, 1], [[1, 1], [1, 0]], [0, 1])
    with pytest.raises(InputError, match="bloc labels"):
        energy([1, 1], [[0, 1], [1, 0]], [0, 2])
    with pytest.raises(ModelError, match="enumeration limit"):
        enumerate_landscape(np.ones(5), np.zeros((5, 5)), max_actors=4)
