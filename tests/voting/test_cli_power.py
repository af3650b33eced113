import pytest


def test_power_unsc_json(run_cli):
    r = run_cli("power", "unsc", "--format", "json")
    assert r.exit_code == 0, r.stderr
    players = r.json()["players"]
    usa, e = players["USA"], players["E01"]
    assert usa["shapley_shubik_exact"] == "421/2145" and e["shapley_shubik_exact"] == "4/2145"
    assert usa["banzhaf_exact"] == "106/635" and e["banzhaf_exact"] == "21/1270"
    assert usa["shapley_shubik"] == pytest.approx(421 / 2145)
    assert usa["banzhaf"] == pytest.approx(106 / 635)


def test_power_custom_game(run_cli):
    r = run_cli("power", "--quota", "4", "--weights", "A=3,B=2,C=1", "--veto", "A", "-f", "json")
    p = r.json()["players"]
    assert p["A"]["shapley_shubik_exact"] == "2/3" and p["B"]["banzhaf_exact"] == "1/5"
    r = run_cli("power", "--quota", "3", "--weights", "2,1,1", "-f", "csv")
    assert r.stdout.splitlines()[0].startswith("player,weight,veto,shapley_shubik")
    assert r.stdout.splitlines()[1].startswith("P1,2,False,0.666")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("power",), "preset"),
        (("power", "imf"), "unknown preset"),
        (("power", "unsc", "--quota", "3"), "preset takes no"),
        (("power", "--quota", "3", "--weights", "1,x"), "expected a number"),
        (("power", "--quota", "3", "--weights", "A=1,2"), "either name every"),
        (("power", "--quota", "9", "--weights", "1,1"), "quota"),
        (("power", "--quota", "1", "--weights", "1,1", "--veto", "Q"), "veto"),
    ],
)
def test_power_bad_input(run_cli, args, needle):
    r = run_cli(*args)
    assert r.exit_code == 2 and needle in r.stderr
