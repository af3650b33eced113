"""``realpolitik relations``: JSON contract, aliases, plots, errors."""

from __future__ import annotations


def test_relations_json(run_cli, icews_store):
    db, _ = icews_store("2018")
    r = run_cli(
        "relations",
        "--source",
        "ROK",
        "--target",
        "DPRK",
        "--db",
        db,
        "--freq",
        "month",
        "--format",
        "json",
    )
    assert r.exit_code == 0, r.stderr
    data = r.json()
    assert (data["source"], data["target"], data["freq"]) == ("KOR", "PRK", "month")
    first = data["series"][0]
    assert set(first) == {
        "period",
        "source",
        "target",
        "n_events",
        "n_verbal_coop",
        "n_material_coop",
        "n_verbal_conflict",
        "n_material_conflict",
        "goldstein_sum",
        "goldstein_mean",
        "net_coop",
        "net_coop_share",
        "material_conflict_share",
    }
    assert [s["period"] for s in data["series"]] == ["2018-08-01", "2018-09-01", "2018-10-01"]


def test_relations_table_written_to_a_pipe_is_not_cut(run_cli, icews_store):
    db, _ = icews_store("2018")
    r = run_cli("relations", "--source", "KOR", "--target", "PRK", "--db", db)
    assert r.exit_code == 0, r.stderr
    assert "material_conflict_share" in r.stdout and "…" not in r.stdout
    assert "2018-09-01" in r.stdout


def test_relations_csv_and_plot(run_cli, icews_store, tmp_path):
    db, _ = icews_store("2018")
    png = tmp_path / "kp.png"
    r = run_cli(
        "relations",
        "--source",
        "KOR",
        "--target",
        "PRK",
        "--db",
        db,
        "--freq",
        "week",
        "--both",
        "--format",
        "csv",
        "--plot",
        png,
    )
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("period,source,target,n_events")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_relations_errors(run_cli, icews_store, tmp_path):
    db, _ = icews_store("2018")
    r = run_cli("relations", "--source", "Atlantis", "--target", "PRK", "--db", db)
    assert r.exit_code == 2 and "unknown actor 'Atlantis'" in r.stderr
    r = run_cli("relations", "--source", "USA", "--target", "PRK", "--db", tmp_path / "no.db")
    assert r.exit_code == 2 and "no event store here" in r.stderr


def test_relations_dask_engine_matches(run_cli, icews_store, tmp_path):
    db, _ = icews_store("2018")
    assert run_cli("store", "export", tmp_path / "exp", "--db", db).exit_code == 0
    base = run_cli(
        "relations", "--source", "USA", "--target", "PRK", "--db", db, "--format", "json"
    ).json()
    dk = run_cli(
        "relations",
        "--source",
        "USA",
        "--target",
        "PRK",
        "--db",
        tmp_path / "exp",
        "--engine",
        "dask",
        "--format",
        "json",
    ).json()
    assert dk["series"] == base["series"]
