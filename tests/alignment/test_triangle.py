import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_alignment import relations, signed_graphs

from realpolitik.alignment import SignedGraph, classify_triangle, triad_census, triangles_of_graph
from realpolitik.errors import InputError, UnknownActorError


@pytest.mark.parametrize(
    ("r", "config", "pivot", "outcast", "roles", "scores"),
    [
        ((1, 1, 1), "menage_a_trois", None, None, ("partner",) * 3, (1, 1, 1)),
        ((1, 1, -1), "romantic_triangle", "A", None, ("pivot", "wing", "wing"), (3, -1, -1)),
        ((-1, 1, 1), "romantic_triangle", "C", None, ("wing", "wing", "pivot"), (-1, -1, 3)),
        ((1, -1, -1), "stable_marriage", None, "C", ("partner", "partner", "outcast"), (1, 1, -3)),
        ((-1, -1, 1), "stable_marriage", None, "A", ("outcast", "partner", "partner"), (-3, 1, 1)),
        ((-1, -1, -1), "unit_veto", None, None, ("adversary",) * 3, (-1, -1, -1)),
    ],
)
def test_dittmer_configurations_and_scores(r, config, pivot, outcast, roles, scores):
    t = classify_triangle("A", "B", "C", *r)
    assert t.pariah == t.outcast and t.to_dict()["pariah"] == t.to_dict()["outcast"]
    assert t.configuration == config
    assert t.pivot == pivot and t.outcast == outcast
    assert tuple(t.roles[x] for x in "ABC") == roles
    assert tuple(t.scores[x] for x in "ABC") == scores
    assert t.complete


def test_graded_scores_and_missing_tie():
    t = classify_triangle("USA", "CHN", "PRK", -0.5, -0.8, 0.6)
    assert t.configuration == "stable_marriage" and t.outcast == "USA"
    assert t.scores["USA"] == pytest.approx(-0.5 - 0.8 - 0.6)
    assert t.scores["PRK"] == pytest.approx(-0.8 + 0.6 + 0.5)
    u = classify_triangle("a", "b", "c", 1, 1, 0)
    assert u.configuration == "romantic_triangle" and not u.complete


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "x", None])
def test_bad_relations(bad):
    with pytest.raises(InputError, match="r_ac"):
        classify_triangle("a", "b", "c", 1, bad, 1)


def test_repeated_player():
    with pytest.raises(InputError, match="three different"):
        classify_triangle("a", "a", "c", 1, 1, 1)


@settings(max_examples=60, deadline=None)
@given(relations, relations, relations, st.permutations([0, 1, 2]))
def test_relabelling_changes_nothing(r_ab, r_ac, r_bc, perm):
    names = ["A", "B", "C"]
    r = {frozenset("AB"): r_ab, frozenset("AC"): r_ac, frozenset("BC"): r_bc}
    t = classify_triangle("A", "B", "C", r_ab, r_ac, r_bc)
    a, b, c = (names[i] for i in perm)
    u = classify_triangle(a, b, c, r[frozenset(a + b)], r[frozenset(a + c)], r[frozenset(b + c)])
    assert u.configuration == t.configuration
    assert (u.pivot, u.outcast, u.roles) == (t.pivot, t.outcast, t.roles)
    for x in names:
        assert math.isclose(u.scores[x], t.scores[x], abs_tol=1e-11)
    # scores sum to the sum of the relations
    assert math.isclose(sum(t.scores.values()), r_ab + r_ac + r_bc, abs_tol=1e-11)


@settings(max_examples=30, deadline=None)
@given(signed_graphs(min_n=3, max_n=9))
def test_triangles_of_graph_agree_with_census(g):
    tris = triangles_of_graph(g)
    census = triad_census(g)
    assert len(tris) == census.total
    unbalanced = {"romantic_triangle", "unit_veto"}
    assert sum(t.configuration in unbalanced for t in tris) == census.unbalanced


def test_unknown_node_in_graph():
    from realpolitik.alignment import triangle_in_graph

    g = SignedGraph(["a", "b", "c"], np.array([[0, 1, 1], [1, 0, -1], [1, -1, 0]]))
    assert triangle_in_graph(g, "a", "b", "c").pivot == "a"
    with pytest.raises(UnknownActorError, match="'zz'"):
        triangle_in_graph(g, "a", "b", "zz")
    assert len(triangles_of_graph(g, complete_only=False)) == 1
    assert list(itertools.combinations("abc", 3)) == [("a", "b", "c")]
