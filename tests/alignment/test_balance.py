import itertools

import numpy as np
from hypothesis import given, settings
from strategies_alignment import signed_graphs

from realpolitik.alignment import SignedGraph, triad_census, unbalanced_triads


def brute_census(g):
    s = g.signs
    counts = [0, 0, 0, 0]
    for i, j, k in itertools.combinations(range(g.n), 3):
        e = (s[i, j], s[i, k], s[j, k])
        if 0 in e:
            continue
        counts[sum(x < 0 for x in e)] += 1
    return counts


@settings(max_examples=40, deadline=None)
@given(signed_graphs(max_n=10))
def test_census_matches_brute_force(g):
    c = triad_census(g)
    assert [c.ppp, c.ppn, c.pnn, c.nnn] == brute_census(g)
    assert len(unbalanced_triads(g)) == c.unbalanced


def test_tribes_census(shared_data):
    g = SignedGraph.from_csv(shared_data / "alignment" / "tribes_edges.csv")
    c = triad_census(g)
    assert [c.ppp, c.ppn, c.pnn, c.nnn] == brute_census(g)
    assert c.to_dict()["balanced"] == c.ppp + c.pnn


def test_balanced_graph_has_no_unbalanced_triads():
    x = np.array([0, 0, 1, 1, 1])
    w = np.where(x[:, None] == x[None, :], 1.0, -1.0)
    np.fill_diagonal(w, 0)
    c = triad_census(SignedGraph(list("abcde"), w))
    assert c.unbalanced == 0 and c.total == 10
