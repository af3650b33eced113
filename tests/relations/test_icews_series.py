"""Dyad series from the ICEWS files: exact agreement with the raw files and the summit peak."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from realpolitik.relations import dyad_counts, dyad_series

DYADS = [
    ("USA", "PRK"),
    ("PRK", "USA"),
    ("CHN", "PRK"),
    ("PRK", "CHN"),
    ("USA", "CHN"),
    ("CHN", "USA"),
]
WINDOWS = {
    "2014": ("2014-01-01", "2014-12-31"),
    "2018": ("2018-08-29", "2018-10-31"),
    "sample": ("2005-01-01", "2015-12-31"),
}


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4


def _expected(tsv, a, b, since, until) -> pd.DataFrame:
    """Independent monthly aggregation of the raw TSV with pandas (file's own Goldstein)."""
    raw = pd.read_csv(tsv, sep="\t", dtype={"cameo_code": str}, keep_default_na=False)
    raw = raw[(raw.source_iso3 == a) & (raw.target_iso3 == b)]
    raw = raw[(raw.date >= since) & (raw.date <= until)]
    raw = raw.assign(month=raw.date.str[:7], q=raw.cameo_code.map(_quad))
    g = raw.groupby("month")
    out = pd.DataFrame(
        {
            "n_events": g.size(),
            **{f"q{k}": g.q.apply(lambda s, k=k: int((s == k).sum())) for k in (1, 2, 3, 4)},
            "goldstein_sum": g.goldstein.sum(),
        }
    )
    return out


@pytest.mark.parametrize("subset", ["2014", "2018", "sample"])
def test_store_keeps_every_row_and_the_published_interstate_counts(icews_store, subset):
    import duckdb

    db, tsv = icews_store(subset)
    rows = {"2014": (9100, 6720), "2018": (8495, 5762), "sample": (10313, 7441)}[subset]
    con = duckdb.connect(str(db), read_only=True)
    n, inter = con.execute(
        "SELECT count(*), count(*) FILTER (substr(source,1,3) <> substr(target,1,3)) FROM events"
    ).fetchall()[0]
    con.close()
    assert (n, inter) == rows  # the data kit's SOURCES.md table


@pytest.mark.parametrize("subset", ["2014", "2018", "sample"])
@pytest.mark.parametrize("a,b", DYADS)
def test_monthly_series_equals_raw_file(icews_store, subset, a, b):
    db, tsv = icews_store(subset)
    since, until = WINDOWS[subset]
    got = dyad_series(db, a, b, "month", since, until)
    # a complete month grid, no gaps
    first = dt.date.fromisoformat(since).replace(day=1)
    assert got["period"].iloc[0] == first
    assert got["period"].is_monotonic_increasing and got["period"].is_unique
    want = _expected(tsv, a, b, since, until)
    got = got.assign(month=[p.isoformat()[:7] for p in got["period"]]).set_index("month")
    assert got["n_events"].sum() == want["n_events"].sum() > 0
    sub = got.loc[want.index]
    assert (sub["n_events"] == want["n_events"]).all()
    assert (sub["n_verbal_coop"] == want["q1"]).all()
    assert (sub["n_material_coop"] == want["q2"]).all()
    assert (sub["n_verbal_conflict"] == want["q3"]).all()
    assert (sub["n_material_conflict"] == want["q4"]).all()
    np.testing.assert_allclose(sub["goldstein_sum"], want["goldstein_sum"], atol=1e-9)
    # months without events are present with zero counts
    assert (got.drop(index=want.index)["n_events"] == 0).all()


def test_inter_korean_peak_at_pyongyang_summit(icews_store):
    """The 18-20 September 2018 Pyongyang summit is the peak of the ROK-PRK series."""
    db, _ = icews_store("2018")
    week = dyad_series(db, "ROK", "PRK", "week", both_directions=True)
    top = week.loc[week["n_events"].idxmax()]
    assert top["period"] == dt.date(2018, 9, 17)  # ISO week of 17-23 September
    assert week.loc[week["goldstein_sum"].idxmax(), "period"] == dt.date(2018, 9, 17)
    day = dyad_series(db, "KOR", "PRK", "day", both_directions=True)
    assert day.loc[day["goldstein_sum"].idxmax(), "period"] == dt.date(2018, 9, 19)
    month = dyad_series(db, "KOR", "PRK", "month", "2018-09-01", "2018-10-31", both_directions=True)
    assert month["n_events"].iloc[0] > month["n_events"].iloc[1]


def test_sample_yearly_series_covers_every_year(icews_store):
    db, _ = icews_store("sample")
    s = dyad_series(db, "USA", "PRK", "year", "2005", "2015-12-31", both_directions=True)
    assert [p.year for p in s["period"]] == list(range(2005, 2016))
    # the 20 % sample has 28 USA-PRK events, none in 2013-2015 (checked against the raw file)
    assert s["n_events"].tolist() == [4, 3, 6, 2, 2, 1, 7, 3, 0, 0, 0]
    chn = dyad_series(db, "USA", "CHN", "year", "2005", "2015-12-31", both_directions=True)
    assert (chn["n_events"] > 0).all()
    total = dyad_counts(db, "USA", "PRK", "2005", "2015-12-31", both_directions=True)
    assert total["n_events"] == s["n_events"].sum()
    assert total["goldstein_sum"] == pytest.approx(s["goldstein_sum"].sum(), abs=1e-9)


def test_measures_are_consistent(icews_store):
    db, _ = icews_store("2014")
    s = dyad_series(db, "USA", "CHN", "month", "2014-01-01", "2014-12-31")
    n = s["n_events"]
    coop = s["n_verbal_coop"] + s["n_material_coop"]
    conf = s["n_verbal_conflict"] + s["n_material_conflict"]
    assert (coop + conf == n).all()
    assert (s["net_coop"] == coop - conf).all()
    np.testing.assert_allclose(s["net_coop_share"], (coop - conf) / n)
    np.testing.assert_allclose(s["goldstein_mean"], s["goldstein_sum"] / n)
