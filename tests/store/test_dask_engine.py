"""The Dask engine gives exactly DuckDB's results on the same Parquet data."""

from __future__ import annotations

import pandas as pd
import pytest

from realpolitik.relations import all_dyads
from realpolitik.store import export_parquet, ingest, store_info
from realpolitik.store.dask_engine import aggregate_dask, ingest_dask


@pytest.fixture(scope="module")
def cluster():
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None
        ) as lc,
        distributed.Client(lc) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def dataset(tmp_path_factory, shared_data_module):
    tmp = tmp_path_factory.mktemp("dask")
    db = tmp / "s.duckdb"
    ingest(db, [shared_data_module / "events/icews/icews_2014_named.tsv"], "icews")
    export_parquet(db, tmp / "exp")
    return db, tmp / "exp"


@pytest.fixture(scope="module")
def shared_data_module():
    from pathlib import Path

    p = Path(__file__).resolve().parents[2].parent / "shared" / "data"
    if not p.is_dir():
        pytest.skip("../shared/data is not beside the checkout")
    return p


@pytest.mark.parametrize("freq", ["week", "month"])
def test_dask_equals_duckdb_exactly(cluster, dataset, freq):
    db, exp = dataset
    got = aggregate_dask(exp, freq, scheduler=cluster)
    want_parquet = all_dyads(exp, freq)
    want_store = all_dyads(db, freq)
    assert len(got) > 300
    pd.testing.assert_frame_equal(got, want_parquet, check_exact=True)
    pd.testing.assert_frame_equal(want_parquet, want_store, check_exact=True)


def test_dask_ingest_equals_duckdb_ingest(cluster, tmp_path, shared_data_module):
    src = tmp_path / "src.duckdb"
    ingest(
        src, [shared_data_module / "events/icews/icews_2018-08-29_2018-10-31_named.tsv"], "icews"
    )
    export_parquet(src, tmp_path / "exp")
    db = tmp_path / "d.duckdb"
    reports = ingest_dask(db, tmp_path / "exp", scheduler=cluster)
    assert len(reports) == 3  # one per month partition
    assert sum(r.added for r in reports) == 8495
    assert sum(r.rejected for r in reports) == 0
    again = ingest_dask(db, tmp_path / "exp", scheduler=cluster)
    assert sum(r.added for r in again) == 0
    assert store_info(db)["events"] == 8495
    pd.testing.assert_frame_equal(all_dyads(db), all_dyads(src), check_exact=True)


def test_dask_with_date_bounds_equals_duckdb_exactly(cluster, dataset):
    import datetime as dt

    from realpolitik.errors import InputError

    db, exp = dataset
    bounds = {"since": "2014-03-15", "until": "2014-06"}
    got = aggregate_dask(exp, "week", scheduler=cluster, **bounds)
    want = all_dyads(exp, "week", **bounds)
    assert 100 < len(got) < len(all_dyads(exp, "week"))
    # the week of Saturday 15 March starts on Monday 10 March and holds only 15-16 March
    assert got["period"].min() == dt.date(2014, 3, 10)
    assert got["period"].max() == dt.date(2014, 6, 30)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    pd.testing.assert_frame_equal(want, all_dyads(db, "week", **bounds), check_exact=True)
    with pytest.raises(InputError, match="after until"):
        aggregate_dask(exp, since="2014-06", until="2014-03")


def test_dask_counts_the_same_modalities_as_duckdb(cluster, tmp_path):
    import json

    rows = [
        {"date": "2021-03-01", "source": "USA", "target": "IRN", "code": "057"},
        {
            "date": "2021-03-02",
            "source": "USA",
            "target": "IRN",
            "code": "190",
            "modality": "negated",
        },
        {
            "date": "2021-03-03",
            "source": "USA",
            "target": "IRN",
            "code": "190",
            "modality": "hypothetical",
        },
        {
            "date": "2021-04-04",
            "source": "IRN",
            "target": "USA",
            "code": "138",
            "modality": "future",
        },
        {
            "date": "2021-04-05",
            "source": "USA",
            "target": "CHN",
            "code": "040",
            "modality": "actual",
        },
    ]
    src = tmp_path / "ev.jsonl"
    src.write_text("".join(json.dumps({"doc_id": f"d{i}", **r}) + "\n" for i, r in enumerate(rows)))
    db = tmp_path / "m.duckdb"
    ingest(db, [src], "events")
    export_parquet(db, tmp_path / "exp")
    for mods in (("actual",), None, ("negated", "future")):
        got = aggregate_dask(tmp_path / "exp", "month", scheduler=cluster, modalities=mods)
        want = all_dyads(db, "month", modalities=mods)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert aggregate_dask(tmp_path / "exp", "month")["n_events"].sum() == 2  # default: actual
