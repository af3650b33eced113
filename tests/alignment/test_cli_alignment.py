import pandas as pd
import pytest


@pytest.fixture
def tribes(shared_data):
    return shared_data / "alignment" / "tribes_edges.csv"


def test_balance_tribes_json(run_cli, tribes):
    r = run_cli("balance", tribes, "--format", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()
    assert d["frustration_index"] == 7 and d["optimal"] is True
    assert len(d["partition"]) == 16 and set(d["partition"].values()) == {0, 1}
    assert set(d["triads"]) >= {"balanced", "unbalanced"}
    assert d["triads"]["balanced"] + d["triads"]["unbalanced"] == 68


def test_balance_cow_period_and_csv(run_cli, shared_data):
    path = shared_data / "alignment" / "cow_signed_edges.csv"
    r = run_cli("balance", path, "--period", "46-49", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = r.stdout.strip().splitlines()
    assert rows[0].startswith("period,nodes,edges,frustration_index,optimal")
    assert rows[1].startswith("46-49,64,362,17,True")


def test_balance_heuristic_flag(run_cli, tribes):
    d = run_cli("balance", tribes, "--heuristic", "--format", "json").json()
    assert d["method"] == "heuristic" and d["frustration_index"] >= 7


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("a,b,sign\nx,y,1\nz,z,1\n", "bad.csv:3"),
        ("a,b,sign\nx,y,1\nx,y,-1\n", "conflicting"),
        ("a,b,weight\nx,y,heavy\n", "field 'weight'"),
    ],
)
def test_balance_bad_input_exit_2(run_cli, tmp_path, text, needle):
    p = tmp_path / "bad.csv"
    p.write_text(text)
    r = run_cli("balance", p)
    assert r.exit_code == 2
    assert needle in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.stderr


def test_triangle_named_and_unknown(run_cli, shared_data, tribes):
    r = run_cli("triangle", "Gavev", "Kotun", "Ove", "--edges", tribes, "--format", "json")
    d = r.json()
    assert d["configuration"] == "stable_marriage" and d["outcast"] == "Ove"
    assert d["pariah"] == "Ove"  # Dittmer's name for the outcast
    r = run_cli("triangle", "Gavev", "Kotun", "Nowhere", "--edges", tribes)
    assert r.exit_code == 2 and "Nowhere" in r.stderr
    cow = shared_data / "alignment" / "cow_signed_edges.csv"
    d = run_cli(
        "triangle", "USA", "CHN", "NKR", "--edges", cow, "--period", "50-53", "-f", "json"
    ).json()
    assert d["relations"]["USA-CHN"] == -1 and d["complete"] is False


def test_triangle_all_triads_of_a_graph(run_cli, tribes):
    from realpolitik.alignment import SignedGraph, triad_census

    d = run_cli("triangle", "--edges", tribes, "--format", "json").json()
    census = triad_census(SignedGraph.from_csv(tribes))
    assert len(d["triangles"]) == census.total
    assert d["counts"].get("romantic_triangle", 0) + d["counts"].get("unit_veto", 0) == (
        census.unbalanced
    )


def test_triangle_needs_one_source(run_cli, tribes):
    r = run_cli("triangle", "a", "b", "c")
    assert r.exit_code == 2 and "exactly one" in r.stderr
    r = run_cli("triangle", "a", "b", "--edges", tribes)
    assert r.exit_code == 2 and "three" in r.stderr


def test_triangle_scenario(run_cli):
    from realpolitik.alignment import SignedGraph
    from realpolitik.scenario import bundled_scenario, bundled_scenario_path

    g = SignedGraph.from_scenario(bundled_scenario("korea-2017"))
    a, b, c = g.nodes[:3]
    d = run_cli(
        "triangle", a, b, c, "--scenario", bundled_scenario_path("korea-2017"), "-f", "json"
    ).json()
    assert d["actors"] == [a, b, c]
    assert d["relations"][f"{a}-{b}"] == g.weight(a, b)


def test_triangle_over_time_path(run_cli, monkeypatch, tmp_path):
    relations = pytest.importorskip("realpolitik.relations")
    if not hasattr(relations, "triangle_over_time"):
        pytest.skip("realpolitik.relations.triangle_over_time is not built yet")
    calls = {}

    def fake(db, a, b, c, freq="month", since=None, until=None, **rule):
        calls.update(db=str(db), actors=(a, b, c), freq=freq, since=since, until=until, **rule)
        return pd.DataFrame(
            [
                {
                    "period": "2017-01",
                    "r_ab": -0.5,
                    "r_ac": -0.7,
                    "r_bc": 0.4,
                    "configuration": "stable_marriage",
                    "pivot": None,
                    "pariah": "USA",
                    "outcast": "USA",
                }
            ]
        )

    monkeypatch.setattr(relations, "triangle_over_time", fake)
    r = run_cli(
        "triangle",
        "USA",
        "CHN",
        "PRK",
        "--db",
        tmp_path / "x.duckdb",
        "--freq",
        "week",
        "--since",
        "2017-01-01",
        "-f",
        "json",
    )
    assert r.exit_code == 0, r.stderr
    assert calls["actors"] == ("USA", "CHN", "PRK") and calls["freq"] == "week"
    assert calls["since"] == "2017-01-01"
    # the signed graph's rule and the modality, passed on with their defaults
    assert (calls["threshold"], calls["min_events"], calls["measure"]) == (0.05, 5, "goldstein")
    assert calls["modalities"] == ("actual",)
    assert r.json()["periods"][0]["outcast"] == "USA"
    assert r.json()["periods"][0]["pariah"] == "USA"


def test_landscape_scenario_and_keys(run_cli):
    d = run_cli("landscape", "korea-2017", "--format", "json").json()
    g = d["global_minimum"]
    assert set(g) >= {"energy", "blocs"} and len(g["blocs"]) == 2
    assert all(set(m) >= {"energy", "blocs", "basin_share"} for m in d["local_minima"])
    assert sum(m["basin_share"] for m in d["local_minima"]) == pytest.approx(1.0)


def test_landscape_from_csvs_tribes(run_cli, tmp_path, tribes):
    from realpolitik.alignment import SignedGraph

    g = SignedGraph.from_csv(tribes)
    sizes = tmp_path / "sizes.csv"
    sizes.write_text("actor,size\n" + "".join(f"{v},1\n" for v in g.nodes))
    d = run_cli("landscape", "--sizes", sizes, "--propensities", tribes, "-f", "json").json()
    assert d["global_minimum"]["energy"] == -44


def test_landscape_bad_inputs(run_cli, tmp_path):
    sizes = tmp_path / "s.csv"
    sizes.write_text("actor,size\nA,1\nB,2\n")
    props = tmp_path / "p.csv"
    props.write_text("actor,A,B\nA,,0.5\nB,-0.5,\n")
    r = run_cli("landscape", "--sizes", sizes, "--propensities", props)
    assert r.exit_code == 2 and "p.csv:2" in r.stderr and "asymmetric" in r.stderr
    r = run_cli("landscape")
    assert r.exit_code == 2 and "SCENARIO" in r.stderr
    r = run_cli("landscape", "no-such-scenario")
    assert r.exit_code == 2


def test_triangle_over_time_real_store(run_cli, tmp_path):
    import datetime as dt
    import json

    relations = pytest.importorskip("realpolitik.relations")
    store = pytest.importorskip("realpolitik.store")
    if not hasattr(relations, "triangle_over_time") or not hasattr(store, "ingest"):
        pytest.skip("the store / relations functions are not built yet")
    from realpolitik.alignment import classify_triangle
    from realpolitik.events.record import Event

    rows = []
    for m in (1, 2, 3):
        # five events per pair and month: the signed graph's min_events (a pair with fewer
        # has no relation and leaves the period unclassified)
        for k in range(5):
            day = dt.date(2017, m, 10 + k)
            rows += [
                Event(day, "USA", "PRK", "190", "19", -10.0, 4, doc_id=f"a{m}{k}"),
                Event(day, "USA", "CHN", "042", "04", 1.9, 1, doc_id=f"b{m}{k}"),
                Event(day, "CHN", "PRK", "057", "05", 8.0, 1, doc_id=f"c{m}{k}"),
            ]
    events = tmp_path / "ev.jsonl"
    events.write_text("".join(json.dumps(e.to_dict()) + "\n" for e in rows))
    db = tmp_path / "store.duckdb"
    store.ingest(db, [events], "events")
    r = run_cli("triangle", "USA", "CHN", "PRK", "--db", db, "-f", "json")
    assert r.exit_code == 0, r.stderr
    periods = r.json()["periods"]
    assert len(periods) == 3
    for p in periods:
        t = classify_triangle("USA", "CHN", "PRK", p["r_ab"], p["r_ac"], p["r_bc"])
        assert p["configuration"] == t.configuration == "romantic_triangle"
        assert p["pivot"] == "CHN"
