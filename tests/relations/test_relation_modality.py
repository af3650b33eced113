"""Every relation measure counts only events reported as having happened, unless told otherwise."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from realpolitik.errors import InputError
from realpolitik.relations import (
    all_dyads,
    dyad_counts,
    dyad_scores,
    dyad_series,
    period_measure,
    relation_change,
    signed_graph_window,
    triangle_over_time,
)


def _ev(date, s, t, code, modality=None):
    row = {"date": date, "source": s, "target": t, "code": code}
    if modality is not None:
        row["modality"] = modality
    return row


MOD_ROWS = [
    _ev("2021-03-01", "USA", "IRN", "057", "actual"),  # sign agreement, +8.0
    _ev("2021-03-02", "USA", "IRN", "190", "negated"),  # "did not use force"
    _ev("2021-03-03", "IRNGOV", "USA", "190", "hypothetical"),  # "might use force"
    _ev("2021-03-04", "USA", "IRN", "138", "future"),  # "will threaten force"
    _ev("2021-03-05", "USA", "CHN", "040", "actual"),
    _ev("2021-03-06", "CHN", "IRN", "040", "prescriptive"),
]


def test_every_measure_counts_only_actual_events_by_default(synthetic_store):
    db = synthetic_store(MOD_ROWS)
    s = dyad_series(db, "USA", "IRN", "month")
    assert s["n_events"].tolist() == [1] and s["goldstein_sum"].tolist() == [8.0]
    s_all = dyad_series(db, "USA", "IRN", "month", modalities=None)
    assert s_all["n_events"].tolist() == [3] and s_all["n_material_conflict"].tolist() == [1]
    c = dyad_counts(db, "USA", "IRN", both_directions=True)
    assert (c["n_events"], c["goldstein_sum"]) == (1, 8.0)
    c = dyad_counts(db, "USA", "IRN", both_directions=True, modalities=("actual", "negated"))
    assert (c["n_events"], c["goldstein_sum"]) == (2, -2.0)
    assert dyad_counts(db, "USA", "IRN", both_directions=True, modalities=None)["n_events"] == 4

    every = all_dyads(db, "month")
    assert every[["source", "target", "n_events"]].values.tolist() == [
        ["USA", "CHN", 1],
        ["USA", "IRN", 1],
    ]
    assert all_dyads(db, "month", modalities=None)["n_events"].sum() == 6

    sc = dyad_scores(db, ["USA", "IRN", "CHN"]).set_index(["a", "b"])
    assert sc.loc[("USA", "IRN"), "n_events"] == 1 and sc.loc[("IRN", "CHN"), "n_events"] == 0
    sc = dyad_scores(db, ["USA", "IRN"], modalities=None)
    assert sc["n_events"].tolist() == [4]

    g = signed_graph_window(db, ["USA", "IRN"], min_events=1)
    assert np.asarray(g.weights)[0, 1] == pytest.approx(0.8)
    g = signed_graph_window(db, ["USA", "IRN"], min_events=1, modalities=None)
    assert np.asarray(g.weights)[0, 1] == pytest.approx((8.0 - 10 - 10 - 7) / 4 / 10)

    t = triangle_over_time(db, "USA", "IRN", "CHN", min_events=1)
    assert (t["n_ab"].iloc[0], t["n_bc"].iloc[0]) == (1, 0)
    t = triangle_over_time(db, "USA", "IRN", "CHN", min_events=1, modalities=None)
    assert (t["n_ab"].iloc[0], t["n_bc"].iloc[0]) == (4, 1)

    m = period_measure(db, "USA", "IRN", "2021-03", "2021-03")
    assert m["n_events"] == 1 and m["value"] == 1.0
    ch = relation_change(db, "USA", "IRN", ("2021-03", "2021-03"), ("2021-03", "2021-03"))
    assert ch["window"]["n_events"] == 1
    ch = relation_change(
        db, "USA", "IRN", ("2021-03", "2021-03"), ("2021-03", "2021-03"), modalities=None
    )
    assert ch["window"]["n_events"] == 4


def test_bad_modality_and_sources_without_the_column(synthetic_store, tmp_path):
    import duckdb

    db = synthetic_store(MOD_ROWS)
    for bad in (("maybe",), ()):
        with pytest.raises(InputError, match="modality") as err:
            all_dyads(db, modalities=bad)
        assert err.value.field == "modality"
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (date DATE, source VARCHAR, target VARCHAR, quad_class TINYINT, "
        "goldstein DOUBLE)"
    )
    with pytest.raises(InputError, match="modality"):
        all_dyads(con)
    ds = tmp_path / "ds"
    ds.mkdir()
    con.execute(f"COPY events TO '{ds / 'part.parquet'}' (FORMAT parquet)")
    con.close()
    with pytest.raises(InputError, match="no column modality") as err:
        all_dyads(ds)
    assert err.value.file == str(ds)


def test_cli_modality_flag(run_cli, synthetic_store):
    db = synthetic_store(MOD_ROWS)
    base = ("relations", "--source", "USA", "--target", "IRN", "--db", db, "-f", "json")
    d = run_cli(*base).json()
    assert d["modality"] == "actual" and d["series"][0]["n_events"] == 1
    d = run_cli(*base, "--modality", "all").json()
    assert d["modality"] == "all" and d["series"][0]["n_events"] == 3
    d = run_cli(*base, "--modality", "actual,future").json()
    assert d["series"][0]["n_events"] == 2
    r = run_cli(*base, "--modality", "rumoured")
    assert r.exit_code == 2 and "field 'modality'" in r.stderr and "rumoured" in r.stderr
    d = run_cli("dyads", "--db", db, "--modality", "all", "-f", "json").json()
    assert d["modality"] == "all" and sum(s["n_events"] for s in d["series"]) == 6
    d = run_cli("triangle", "USA", "IRN", "CHN", "--db", db, "--modality", "all", "-f", "json")
    assert d.exit_code == 0, d.stderr
    assert d.json()["modality"] == "all" and d.json()["periods"][0]["n_ab"] == 4


def test_dyads_csv_keeps_its_columns_with_the_modality_flag(run_cli, synthetic_store):
    db = synthetic_store(MOD_ROWS)
    r = run_cli("dyads", "--db", db, "--modality", "negated", "--format", "csv")
    got = pd.read_csv(io.StringIO(r.stdout))
    assert got[["source", "target", "n_events"]].values.tolist() == [["USA", "IRN", 1]]
