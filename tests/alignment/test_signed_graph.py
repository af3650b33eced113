import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from strategies_alignment import signed_graphs

from realpolitik.alignment import SignedGraph
from realpolitik.alignment.graph import read_propensities_csv, read_sizes_csv
from realpolitik.errors import InputError, UnknownActorError


def test_tribes_from_csv(shared_data):
    g = SignedGraph.from_csv(shared_data / "alignment" / "tribes_edges.csv")
    assert g.n == 16 and g.n_edges == 58
    s = np.triu(g.signs, 1)
    assert (s > 0).sum() == 29 and (s < 0).sum() == 29
    names = pd.read_csv(shared_data / "alignment" / "tribes_nodes.csv")["name"]
    assert set(g.nodes) == set(names)


def test_cow_needs_period_and_degrees_match_node_file(shared_data):
    path = shared_data / "alignment" / "cow_signed_edges.csv"
    with pytest.raises(InputError, match="period"):
        SignedGraph.from_csv(path)
    g = SignedGraph.from_csv(path, period="46-49")
    nodes = pd.read_csv(shared_data / "alignment" / "cow_signed_nodes.csv")
    nodes = nodes[nodes["period"] == "46-49"].set_index("country")["degree"]
    assert g.n == len(nodes) == 64
    deg = dict(zip(g.nodes, (g.weights != 0).sum(axis=1), strict=True))
    assert deg == nodes.to_dict()


def test_frame_networkx_and_edges_agree():
    frame = pd.DataFrame({"a": ["x", "y", "x"], "b": ["y", "z", "z"], "weight": [2.0, -1.0, 0.5]})
    g = SignedGraph.from_edges(frame)
    assert g.weight("y", "x") == 2.0 and g.weight("x", "z") == 0.5
    h = SignedGraph.from_networkx(g.to_networkx())
    assert h == g
    assert sorted(g.edges()) == [("x", "y", 2.0), ("x", "z", 0.5), ("y", "z", -1.0)]


@settings(max_examples=30, deadline=None)
@given(signed_graphs(max_n=7, weighted=True))
def test_networkx_round_trip(g):
    assert SignedGraph.from_networkx(g.to_networkx()) == g


def test_from_scenario_uses_capabilities_and_propensities():
    from realpolitik.scenario import bundled_scenario

    sc = bundled_scenario("korea-2017")
    g = SignedGraph.from_scenario(sc)
    assert g.nodes == sc.actor_ids
    assert np.allclose(g.sizes, [a.capability for a in sc.actors])
    assert np.allclose(g.weights, sc.propensity_matrix())


def _csv(tmp_path, text, name="e.csv"):
    p = tmp_path / name
    p.write_text(text)
    return p


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("a,b,sign\nx,y,1\nx,x,-1\n", r"e\.csv:3.*self-loop"),
        ("a,b,sign\nx,y,1\ny,x,-1\n", r"e\.csv:3.*asymmetric"),
        ("a,b,sign\nx,y,1\nx,y,-1\n", r"e\.csv:3.*conflicting"),
        ("a,b,sign\nx,y,one\n", r"e\.csv:2, field 'sign'.*finite number"),
        ("a,b,sign\nx,y,0\n", r"e\.csv:2.*0 means no edge"),
        ("p,q,sign\nx,y,1\n", r"e\.csv:1, field 'header'"),
    ],
)
def test_bad_edge_files(tmp_path, text, pattern):
    with pytest.raises(InputError, match=pattern):
        SignedGraph.from_csv(_csv(tmp_path, text))


def test_identical_duplicate_is_accepted(tmp_path):
    g = SignedGraph.from_csv(_csv(tmp_path, "a,b,sign\nx,y,1\ny,x,1\n"))
    assert g.n_edges == 1


def test_constructor_checks():
    with pytest.raises(InputError, match="symmetric"):
        SignedGraph(["a", "b"], [[0, 1], [-1, 0]])
    with pytest.raises(InputError, match="self-loop"):
        SignedGraph(["a", "b"], [[1, 0], [0, 0]])
    with pytest.raises(InputError, match="more than once"):
        SignedGraph(["a", "a"], [[0, 1], [1, 0]])
    with pytest.raises(InputError, match="sizes"):
        SignedGraph(["a", "b"], [[0, 1], [1, 0]], sizes=[1, 0])
    with pytest.raises(UnknownActorError, match="unknown node 'c'"):
        SignedGraph(["a", "b"], [[0, 1], [1, 0]]).index("c")
    with pytest.raises(InputError, match="directed"):
        SignedGraph.from_networkx(nx.DiGraph([(1, 2)]))


def test_propensity_and_size_readers(tmp_path):
    m = _csv(tmp_path, "actor,A,B,C\nA,,0.5,-1\nB,0.5,,0.2\nC,-1,0.2,\n", "p.csv")
    actors, mat = read_propensities_csv(m)
    assert actors == ["A", "B", "C"] and mat[0, 2] == -1 and mat[2, 0] == -1
    bad = _csv(tmp_path, "actor,A,B\nA,,0.5\nB,0.4,\n", "q.csv")
    with pytest.raises(InputError, match=r"q\.csv:2, field 'B': asymmetric propensities"):
        read_propensities_csv(bad)
    s = _csv(tmp_path, "actor,size\nA,2\nB,x\n", "s.csv")
    with pytest.raises(InputError, match=r"s\.csv:3, field 'size'"):
        read_sizes_csv(s)
