"""``realpolitik relations``: JSON contract, aliases, plots, errors."""

from __future__ import annotations

import pytest

from realpolitik.errors import InputError
from realpolitik.relations import dyad_counts, dyad_series


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


def test_relations_dask_engine_with_bounds_matches(run_cli, icews_store, tmp_path):
    db, _ = icews_store("2018")
    assert run_cli("store", "export", tmp_path / "exp", "--db", db).exit_code == 0
    bounds = ("--since", "2018-09-10", "--until", "2018-10-05", "--freq", "week", "--both")
    base = run_cli(
        "relations", "--source", "KOR", "--target", "PRK", "--db", db, *bounds, "-f", "json"
    )
    assert base.exit_code == 0, base.stderr
    dk = run_cli(
        "relations",
        "--source",
        "KOR",
        "--target",
        "PRK",
        "--db",
        tmp_path / "exp",
        "--engine",
        "dask",
        *bounds,
        "-f",
        "json",
    )
    assert dk.exit_code == 0, dk.stderr
    assert dk.json()["series"] == base.json()["series"]
    assert [s["period"] for s in base.json()["series"]][0] == "2018-09-10"


def _ev(date, s, t, code, modality=None):
    row = {"date": date, "source": s, "target": t, "code": code}
    if modality is not None:
        row["modality"] = modality
    return row


ROWS = [
    _ev("2021-03-01", "USA", "IRN", "057"),
    _ev("2021-03-05", "USA", "CHN", "040"),
    _ev("2021-03-06", "CHN", "IRN", "040"),
]


def test_since_after_until_is_an_error(run_cli, synthetic_store):
    from realpolitik.relations._source import date_bounds

    with pytest.raises(InputError, match="since .* is after until") as err:
        date_bounds("2018-05", "2018-02")
    assert err.value.field == "since"
    date_bounds("2018-05", "2018-05")  # one month: fine
    db = synthetic_store(ROWS)
    with pytest.raises(InputError, match="after until"):
        dyad_counts(db, "USA", "IRN", "2018-05", "2018-01")
    for args in (
        ("relations", "--source", "USA", "--target", "IRN"),
        ("dyads",),
        ("triangle", "USA", "IRN", "CHN"),
    ):
        r = run_cli(*args, "--db", db, "--since", "2021-05", "--until", "2021-02")
        lines = r.stderr.strip().splitlines()
        assert r.exit_code == 2 and len(lines) == 1, (args, r.stderr)
        assert "since" in lines[0] and "until" in lines[0] and "Traceback" not in r.stderr


def test_relations_empty_series_echoes_the_normalised_codes(run_cli, synthetic_store):
    db = synthetic_store(ROWS)
    r = run_cli("relations", "--source", "ROK", "--target", "DPRK", "--db", db, "-f", "json")
    assert r.exit_code == 0, r.stderr
    d = r.json()
    assert d["series"] == [] and (d["source"], d["target"]) == ("KOR", "PRK")


def test_plot_into_a_missing_directory(run_cli, synthetic_store, tmp_path):
    from realpolitik.relations.plot import plot_series

    db = synthetic_store(ROWS)
    png = tmp_path / "nodir" / "p.png"
    r = run_cli("relations", "--source", "USA", "--target", "IRN", "--db", db, "--plot", png)
    lines = r.stderr.strip().splitlines()
    assert r.exit_code == 2 and len(lines) == 1 and "field 'plot'" in lines[0]
    assert "nodir" in lines[0] and "Traceback" not in r.stderr
    frame = dyad_series(db, "USA", "IRN", "month")
    with pytest.raises(InputError, match="cannot write the figure") as err:
        plot_series(frame, png)
    assert err.value.file == str(png)
