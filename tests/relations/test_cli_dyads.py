"""``realpolitik dyads``: every directed dyad's measures per period, to stdout or a file."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from realpolitik.relations import all_dyads


def _events(rows):
    base = {"source": "USA", "target": "PRK", "code": "042"}
    return [{**base, **r} for r in rows]


def test_dyads_csv_matches_all_dyads_and_closed_form(run_cli, synthetic_store):
    db = synthetic_store(
        _events(
            [
                {"date": "2018-09-03"},
                {"date": "2018-09-20", "code": "190"},  # material conflict, Goldstein -10
                {"date": "2018-10-02", "source": "CHN"},
                {"date": "2018-11-15", "target": "KORGOV"},
            ]
        )
    )
    r = run_cli("dyads", "--db", db, "--format", "csv")
    assert r.exit_code == 0, r.stderr
    got = pd.read_csv(io.StringIO(r.stdout))
    assert len(got) == 3 and list(got["source"]) == ["USA", "CHN", "USA"]
    sep = got.iloc[0]  # USA -> PRK, September: a visit (042, +1.9), a use of force (190, -10)
    assert sep["n_events"] == 2 and sep["n_material_conflict"] == 1
    assert sep["goldstein_sum"] == pytest.approx(1.9 - 10.0) and sep["net_coop"] == 0
    assert list(got["target"]) == ["PRK", "PRK", "KOR"]  # state level: KORGOV is KOR
    frame = all_dyads(db, "month")
    assert got["n_events"].tolist() == frame["n_events"].tolist()

    r = run_cli(
        "dyads", "--db", db, "--since", "2018-10", "--until", "2018-10-31", "--format", "csv"
    )
    got = pd.read_csv(io.StringIO(r.stdout))
    assert got[["period", "source", "target"]].values.tolist() == [["2018-10-01", "CHN", "PRK"]]

    r = run_cli("dyads", "--db", db, "--since", "2019", "--format", "csv")
    assert r.exit_code == 0 and r.stdout.startswith("period,source,target,n_events")
    assert len(r.stdout.splitlines()) == 1  # no events after 2018: the header alone


def test_dyads_out_file_and_dask_engine(run_cli, icews_store, tmp_path):
    db, _ = icews_store("2018")
    out = tmp_path / "all.parquet"
    r = run_cli("dyads", "--db", db, "--out", out, "--format", "json")
    assert r.exit_code == 0, r.stderr
    summary = r.json()
    frame = all_dyads(db, "month")
    assert summary == {
        "freq": "month",
        "exact": False,
        "modality": "actual",
        "rows": len(frame),
        "dyads": len(frame[["source", "target"]].drop_duplicates()),
        "periods": 3,
        "out": str(out),
    }
    written = pd.read_parquet(out)
    assert written["n_events"].sum() == frame["n_events"].sum()
    assert written[["source", "target", "n_events"]].equals(frame[["source", "target", "n_events"]])

    assert run_cli("store", "export", tmp_path / "exp", "--db", db).exit_code == 0
    csv = tmp_path / "dask.csv"
    r = run_cli("dyads", "--db", tmp_path / "exp", "--engine", "dask", "--out", csv)
    assert r.exit_code == 0, r.stderr
    dk = pd.read_csv(csv)
    assert dk[["source", "target", "n_events", "goldstein_sum"]].equals(
        frame[["source", "target", "n_events", "goldstein_sum"]].reset_index(drop=True)
    )


def test_dyads_bad_input(run_cli, synthetic_store, tmp_path):
    db = synthetic_store(_events([{"date": "2018-09-03"}]))
    for args, words in [
        (("--out", tmp_path / "x.xlsx"), ("x.xlsx", "expected .csv or .parquet")),
        (("--since", "2018-13"), ("since", "YYYY-MM")),
        (("--engine", "spark"), ("engine", "duckdb or dask")),
        (("--engine", "dask"), ("--engine dask reads a Parquet dataset",)),
    ]:
        r = run_cli("dyads", "--db", db, *args)
        assert r.exit_code == 2, args
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and all(w in lines[0] for w in words), r.stderr
    assert not (tmp_path / "x.xlsx").exists()
    r = run_cli("dyads", "--db", tmp_path / "none.duckdb")
    assert r.exit_code == 2 and "no event store here" in r.stderr
