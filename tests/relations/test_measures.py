"""Relation measures on hand-made events: closed forms for series, scores, graphs, triangles."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from realpolitik.errors import InputError, UnknownActorError
from realpolitik.relations import (
    all_dyads,
    dyad_counts,
    dyad_scores,
    dyad_series,
    relation_change,
    signed_graph_window,
    triangle_over_time,
)


def _ev(date, s, t, code):
    return {"date": date, "source": s, "target": t, "code": code}


ROWS = [
    # January: USA-CHN cooperate, CHN-PRK cooperate, USA-PRK conflict (romantic triangle)
    _ev("2017-01-03", "USA", "CHN", "057"),  # sign agreement, +8.0
    _ev("2017-01-04", "CHNGOV", "USA", "036"),  # +4.0
    _ev("2017-01-05", "CHN", "PRK", "061"),  # material coop, +6.4
    _ev("2017-01-06", "USAGOV", "PRK", "112"),  # accuse, -2.0
    _ev("2017-01-07", "PRKMIL", "USA", "138"),  # threaten military force, -7.0
    # February: everybody quarrels (unit veto)
    _ev("2017-02-01", "USA", "CHN", "111"),  # -2.0
    _ev("2017-02-02", "CHN", "PRK", "111"),
    _ev("2017-02-03", "PRK", "USA", "190"),  # -10.0
    # March: nothing
    # April: only USA-CHN (not classifiable)
    _ev("2017-04-10", "USA", "CHN", "040"),  # +1.0
]


def test_series_closed_form(synthetic_store):
    db = synthetic_store(ROWS)
    s = dyad_series(db, "USA", "PRK", "month", "2017-01-01", "2017-04-30")
    assert s["period"].astype(str).tolist() == [
        "2017-01-01",
        "2017-02-01",
        "2017-03-01",
        "2017-04-01",
    ]
    assert s["n_events"].tolist() == [1, 0, 0, 0]
    assert s["goldstein_sum"].tolist()[0] == -2.0
    assert math.isnan(s["goldstein_mean"].iloc[1])
    exact = dyad_series(db, "USAGOV", "PRK", "month", exact=True)
    assert exact["n_events"].tolist() == [1]
    none = dyad_series(db, "USA", "PRK", "month", exact=True)
    assert none.empty
    both = dyad_counts(db, "USA", "PRK", both_directions=True)
    assert (both["n_events"], both["goldstein_sum"], both["net_coop"]) == (3, -19.0, -3)
    assert both["n_material_conflict"] == 1 and both["n_verbal_conflict"] == 2


def test_dyad_scores_closed_form(synthetic_store):
    db = synthetic_store(ROWS)
    sc = dyad_scores(db, ["USA", "CHN", "PRK"], "2017-01-01", "2017-01-31").set_index(["a", "b"])
    assert sc.loc[("USA", "CHN"), "r"] == pytest.approx((8.0 + 4.0) / 2 / 10)
    assert sc.loc[("USA", "PRK"), "r"] == pytest.approx((-2.0 - 7.0) / 2 / 10)
    assert sc.loc[("CHN", "PRK"), "r"] == pytest.approx(0.64)
    nc = dyad_scores(db, ["USA", "PRK"], "2017-01-01", "2017-01-31", measure="net_coop")
    assert nc["r"].tolist() == [-1.0]


def test_signed_graph_thresholds(synthetic_store):
    db = synthetic_store(ROWS)
    g = signed_graph_window(
        db, ["USA", "CHN", "PRK"], "2017-01-01", "2017-01-31", threshold=0.5, min_events=1
    )
    assert list(g.nodes) == ["USA", "CHN", "PRK"]
    w = np.asarray(g.weights)
    assert w[0, 1] == pytest.approx(0.6) and w[1, 2] == pytest.approx(0.64)
    assert w[0, 2] == 0.0  # |-0.45| < 0.5
    g2 = signed_graph_window(
        db, ["USA", "CHN", "PRK"], "2017-01-01", "2017-01-31", threshold=0.1, min_events=2
    )
    w2 = np.asarray(g2.weights)
    assert w2[1, 2] == 0.0 and w2[0, 2] == pytest.approx(-0.45)  # CHN-PRK has 1 event
    with pytest.raises(InputError, match="threshold"):
        signed_graph_window(db, ["USA", "CHN"], threshold=1.5)


def test_triangle_over_time(synthetic_store):
    db = synthetic_store(ROWS)
    # one or two events per pair: the configurations need min_events=1 (the default is 5)
    t = triangle_over_time(
        db, "USA", "CHN", "PRK", "month", "2017-01-01", "2017-04-30", min_events=1
    )
    assert t["period"].astype(str).tolist() == [
        "2017-01-01",
        "2017-02-01",
        "2017-03-01",
        "2017-04-01",
    ]
    jan, feb, mar, apr = t.to_dict("records")
    assert jan["configuration"] == "romantic_triangle" and jan["pivot"] == "CHN"
    assert jan["role_CHN"] == "pivot" and jan["role_USA"] == "wing"
    assert pd.isna(jan["pariah"]) and pd.isna(jan["outcast"])
    assert feb["configuration"] == "unit_veto"
    assert pd.isna(mar["configuration"]) and mar["n_ab"] == 0
    assert pd.isna(apr["configuration"]) and apr["r_ab"] == pytest.approx(0.1)


def test_relation_change_closed_form(synthetic_store):
    db = synthetic_store(ROWS)
    out = relation_change(
        db, "USA", "CHN", ("2017-02-01", "2017-04-30"), ("2017-01-01", "2017-01-31")
    )
    # baseline: 2 coop events -> m = 1, se = 0; window: 1 conflict + 1 coop -> m = 0
    assert out["baseline"]["value"] == 1.0 and out["baseline"]["se"] == 0.0
    assert out["window"]["value"] == 0.0
    assert out["window"]["se"] == pytest.approx(math.sqrt(1 / 2))
    assert out["change"] == -1.0
    assert out["z"] == pytest.approx(-1.0 / math.sqrt(0.5))
    g = relation_change(
        db,
        "USA",
        "CHN",
        ("2017-02-01", "2017-04-30"),
        ("2017-01-01", "2017-01-31"),
        measure="goldstein",
    )
    assert g["baseline"]["value"] == 6.0 and g["window"]["value"] == pytest.approx(-0.5)
    assert g["baseline"]["se"] == pytest.approx(math.sqrt(8.0 / 2))


def test_bad_arguments(synthetic_store):
    db = synthetic_store(ROWS)
    with pytest.raises(InputError, match="unknown period 'fortnight'"):
        dyad_series(db, "USA", "CHN", "fortnight")
    with pytest.raises(InputError, match="bad date"):
        dyad_series(db, "USA", "CHN", since="17/01/2017")
    with pytest.raises(UnknownActorError):
        dyad_series(db, "Atlantis", "CHN")
    with pytest.raises(InputError, match="three different"):
        triangle_over_time(db, "USA", "USA", "PRK")


def test_partial_dates_cover_whole_months_and_years():
    import datetime as dt

    from realpolitik.relations._source import as_date

    d = dt.date
    assert as_date("2018-10", "since") == d(2018, 10, 1)
    assert as_date("2018-10", "until", end=True) == d(2018, 10, 31)
    assert as_date("2016-02", "until", end=True) == d(2016, 2, 29)
    assert as_date("2018-12", "until", end=True) == d(2018, 12, 31)
    assert as_date("2018", "until", end=True) == d(2018, 12, 31)
    assert as_date("2018-10-05", "until", end=True) == d(2018, 10, 5)
    for bad in ("2018-13", "18-10", "abcd", "2018/10"):
        with pytest.raises(InputError, match="expected YYYY, YYYY-MM or YYYY-MM-DD"):
            as_date(bad, "until", end=True)


def test_until_a_month_includes_that_month(synthetic_store):
    db = synthetic_store(
        [
            {"date": day, "source": "USA", "target": "PRK", "code": "042"}
            for day in ("2018-09-30", "2018-10-01", "2018-10-31", "2018-11-01")
        ]
    )
    s = dyad_series(db, "USA", "PRK", "month", "2018-09", "2018-10")
    assert s["n_events"].tolist() == [1, 2]
    assert all_dyads(db, "month", since="2018-10", until="2018-10")["n_events"].tolist() == [2]
    assert dyad_counts(db, "USA", "PRK", "2018", "2018")["n_events"] == 4


def test_an_open_connection_is_an_event_source_and_stays_open(synthetic_store):
    import duckdb

    from realpolitik.store import connect

    db = synthetic_store(ROWS)
    with connect(db, read_only=True) as con:
        pd.testing.assert_frame_equal(all_dyads(con, "month"), all_dyads(db, "month"))
        pd.testing.assert_frame_equal(
            dyad_series(con, "USA", "PRK", "month", "2017-01", "2017-04"),
            dyad_series(db, "USA", "PRK", "month", "2017-01", "2017-04"),
        )
        t = triangle_over_time(
            con, "USA", "CHN", "PRK", "month", "2017-01-01", "2017-04-30", min_events=1
        )
        assert t["configuration"].iloc[0] == "romantic_triangle"
        assert dyad_scores(con, ["USA", "CHN"]).equals(dyad_scores(db, ["USA", "CHN"]))
        # the caller's connection is still open and usable
        assert con.execute("SELECT count(*) FROM events").fetchone() == (len(ROWS),)

    empty = duckdb.connect()
    with pytest.raises(InputError, match="no usable 'events' table") as err:
        all_dyads(empty, "month")
    assert err.value.field == "db"
    empty.execute("CREATE TABLE events (date DATE, source VARCHAR)")
    with pytest.raises(InputError, match="expected columns date, source, target"):
        dyad_counts(empty, "USA", "CHN")
    empty.close()
    with pytest.raises(InputError, match="no usable 'events' table"):
        all_dyads(empty, "month")


def test_counts_reach_pandas_as_int64(synthetic_store):
    """Counts stay 64-bit integers on the way out (a HUGEINT would arrive as Decimal objects)."""
    from realpolitik.relations._source import fetch_frame
    from realpolitik.relations.series import COUNT_COLUMNS, aggregate_sql
    from realpolitik.relations.symmetric import pair_aggregates
    from realpolitik.store import connect

    db = synthetic_store(ROWS)
    counts = [c for c in COUNT_COLUMNS if c != "goldstein_tenths"] + ["net_coop"]
    for frame in (all_dyads(db, "month"), dyad_series(db, "USA", "CHN", "month")):
        assert {c: str(frame[c].dtype) for c in counts} == dict.fromkeys(counts, "int64")
    with connect(db, read_only=True) as con:
        pairs = pair_aggregates(con, "events", ["USA", "CHN", "PRK"], freq="month")
        raw = fetch_frame(con, aggregate_sql("events", "month", by_dyad=True))
    assert {str(raw[c].dtype) for c in COUNT_COLUMNS} == {"int64"}
    assert {str(pairs[c].dtype) for c in ("n_events", "n_coop", "n_conflict")} == {"int64"}
