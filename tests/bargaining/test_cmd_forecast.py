from __future__ import annotations

import pytest

from realpolitik.scenario import bundled_scenario_path

EMISSIONS = "bargaining/emissions_bdm1994.csv"


def test_json_contract_for_csv(run_cli, shared_data):
    res = run_cli("forecast", shared_data / EMISSIONS, "--format", "json", "--rounds", "8")
    assert res.exit_code == 0, res.stderr
    data = res.json()
    assert data["issue"] == "emissions_bdm1994"
    models = data["models"]
    assert round(models["mean"]["forecast"], 3) == 7.390
    assert models["median"]["forecast"] == 7.0
    assert models["nash"]["forecast"] is None and "status quo" in models["nash"]["skipped"]
    rounds = models["bdm"]["rounds"]
    assert [r["round"] for r in rounds] == list(range(9))
    assert rounds[0]["median"] == 7.0 and rounds[0]["positions"]["France"] == 10.0
    assert set(rounds[0]) >= {"round", "median", "mean", "positions"}
    assert models["bdm"]["forecast"] == rounds[-1]["median"]


def test_montecarlo_keys_and_determinism(run_cli, shared_data):
    args = ("forecast", shared_data / EMISSIONS, "--format", "json", "--draws", "50",
            "--seed", "4", "--status-quo", "4", "--model", "all")
    a, b = run_cli(*args), run_cli(*args)
    assert a.exit_code == 0, a.stderr
    assert a.stdout == b.stdout
    for m in ("mean", "median", "nash", "bdm"):
        mc = a.json()["models"][m]["montecarlo"]
        assert {"mean", "p05", "p95", "draws"} <= set(mc) and mc["draws"] == 50


def test_scenario_all_issues_is_a_list(run_cli):
    path = bundled_scenario_path("korea-2017")
    res = run_cli("forecast", path, "--format", "json", "--rounds", "3")
    assert res.exit_code == 0, res.stderr
    data = res.json()
    assert isinstance(data, list) and len(data) >= 3
    for item in data:
        assert set(item["models"]) == {"mean", "median", "nash", "bdm"}
        assert item["models"]["nash"]["forecast"] is not None
    one = run_cli("forecast", path, "--issue", data[0]["issue"], "--model", "mean",
                  "--format", "json").json()
    assert one["models"]["mean"]["forecast"] == pytest.approx(
        data[0]["models"]["mean"]["forecast"])


def test_table_and_csv_formats(run_cli, shared_data):
    res = run_cli("forecast", shared_data / EMISSIONS, "--rounds", "2")
    assert res.exit_code == 0 and "7.390" in res.stdout and "BDM rounds" in res.stdout
    res = run_cli("forecast", shared_data / EMISSIONS, "--format", "csv", "--model", "median")
    assert res.stdout.splitlines()[0].startswith("issue,model,forecast")


@pytest.mark.parametrize(
    ("content", "name", "needle"),
    [
        ("actor,capability,position,salience\nA,1,5,120\n", "bad.csv", "salience"),
        ("actor,capability,position,salience\nA,0,5,10\n", "bad.csv", "capability"),
        ("actor,capability,position,salience\nA,1,nan,10\n", "bad.csv", "position"),
        ("actor,capability,position\nA,1,5\n", "bad.csv", "salience"),
        ("", "bad.csv", "empty file"),
        ("hello", "notes.txt", "unsupported file type"),
        ("a: [unclosed", "bad.yaml", "bad.yaml"),
        ("", "empty.yaml", "empty"),
        ("name: x\nactors:\n  - {id: USA, name: U, capability: 1}\n", "noissue.yaml",
         "issues"),
        ("actor,capability,position,salience\n", "header.csv", "no actor rows"),
        ("PK\x03\x04\x00\x00binary", "book.csv", "not a text CSV"),
        ("name;weight\nA;1\n", "semicolons.csv", "missing column"),
    ],
)
def test_bad_input_exits_2_with_one_line(run_cli, tmp_path, content, name, needle):
    f = tmp_path / name
    f.write_text(content)
    res = run_cli("forecast", f)
    assert res.exit_code == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and str(f.name) in lines[0]


def test_bad_options_exit_2(run_cli, shared_data, tmp_path):
    f = shared_data / EMISSIONS
    for args, needle in [
        (("--model", "oracle"), "unknown model"),
        (("--preset", "nope"), "unknown BDM preset"),
        (("--model", "nash"), "status quo"),
        (("--issue", "x"), "--issue"),
        (("--draws", "5", "--noise", "height=1"), "noise"),
    ]:
        res = run_cli("forecast", f, *args)
        assert res.exit_code == 2, args
        assert needle in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = run_cli("forecast", tmp_path / "missing.csv")
    assert res.exit_code == 2 and "no such file" in res.stderr
    res = run_cli("forecast", bundled_scenario_path("korea-2017"), "--issue", "nope")
    assert res.exit_code == 2 and "unknown issue" in res.stderr


def test_bdm_option_overrides(run_cli, shared_data):
    f = shared_data / EMISSIONS
    paper = run_cli("forecast", f, "--model", "bdm", "--preset", "scholz-paper", "--rounds", "4",
                    "--format", "json").json()["models"]["bdm"]
    code_overridden = run_cli(
        "forecast", f, "--model", "bdm", "--rounds", "4", "--format", "json",
        "--bdm-option", "probability_denominator=paper",
        "--bdm-option", "offer_selection=least-move",
    ).json()["models"]["bdm"]
    assert code_overridden["rounds"] == paper["rounds"]
    assert code_overridden["overrides"] == ["probability_denominator=paper",
                                            "offer_selection=least-move"]
    for bad, needle in [("offer_selection=random", "offer_selection"),
                        ("colour=red", "bdm-option"), ("q=abc", "number"), ("q=2", "0 to 1")]:
        res = run_cli("forecast", f, "--model", "bdm", "--bdm-option", bad)
        assert res.exit_code == 2 and needle in res.stderr
