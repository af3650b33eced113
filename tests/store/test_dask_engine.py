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
