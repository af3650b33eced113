"""Dittmer's triangle over time follows the signed graph's edge rule; the CLI's flags and output."""

from __future__ import annotations

import pandas as pd
import pytest

from realpolitik.errors import InputError
from realpolitik.relations import signed_graph_window, triangle_over_time


def _ev(date, s, t, code, modality=None):
    row = {"date": date, "source": s, "target": t, "code": code}
    if modality is not None:
        row["modality"] = modality
    return row


def _pair(month, a, b, code, n):
    return [_ev(f"2017-{month:02d}-{d + 1:02d}", a, b, code) for d in range(n)]


def test_triangle_uses_the_signed_graph_rule(synthetic_store):
    from realpolitik.alignment import triangle_in_graph

    rows = (
        # January: every pair 5 events, USA-CHN +, CHN-PRK +, USA-PRK - (romantic triangle)
        _pair(1, "USA", "CHN", "040", 5)
        + _pair(1, "CHN", "PRK", "057", 5)
        + _pair(1, "USA", "PRK", "112", 5)
        # February: as January, but USA-PRK only neutral statements (r = 0: no relation)
        + _pair(2, "USA", "CHN", "040", 5)
        + _pair(2, "CHN", "PRK", "057", 5)
        + _pair(2, "USA", "PRK", "010", 5)
        # March: USA-PRK hostile but only 4 events (too few)
        + _pair(3, "USA", "CHN", "040", 5)
        + _pair(3, "CHN", "PRK", "057", 5)
        + _pair(3, "USA", "PRK", "112", 4)
        # April: USA-CHN weakly positive, 4 x 0.0 + 1 x 4.0 over 5 events: r = 0.08, an
        # edge at the default threshold 0.05, none at 0.1
        + _pair(4, "USA", "CHN", "010", 4)
        + [_ev("2017-04-20", "USA", "CHN", "036")]
        + _pair(4, "CHN", "PRK", "057", 5)
        + _pair(4, "USA", "PRK", "112", 5)
    )
    db = synthetic_store(rows)
    t = triangle_over_time(db, "USA", "CHN", "PRK", "month", "2017-01", "2017-04")
    jan, feb, mar, apr = t.to_dict("records")
    assert jan["configuration"] == "romantic_triangle" and jan["pivot"] == "CHN"
    g = signed_graph_window(db, ["USA", "CHN", "PRK"], "2017-01", "2017-01")
    assert triangle_in_graph(g, "USA", "CHN", "PRK").configuration == jan["configuration"]
    # a zero relation and too few events are neither amity nor enmity: unclassified
    assert feb["r_ac"] == 0.0 and feb["n_ac"] == 5 and pd.isna(feb["configuration"])
    assert pd.isna(feb["pivot"]) and pd.isna(feb["role_USA"])
    assert mar["n_ac"] == 4 and pd.isna(mar["configuration"])
    assert apr["r_ab"] == pytest.approx(0.08) and apr["configuration"] == "romantic_triangle"
    # the same rule's parameters: a stricter threshold drops April's weak USA-CHN amity
    strict = triangle_over_time(
        db, "USA", "CHN", "PRK", "month", "2017-04", "2017-04", threshold=0.1
    )
    assert strict["configuration"].isna().tolist() == [True]
    loose = triangle_over_time(db, "USA", "CHN", "PRK", "month", "2017-03", "2017-03", min_events=4)
    assert loose["configuration"].tolist() == ["romantic_triangle"]
    with pytest.raises(InputError, match="threshold"):
        triangle_over_time(db, "USA", "CHN", "PRK", threshold=1.0)


def test_triangle_stable_marriage_names_the_pariah(synthetic_store):
    rows = (
        _pair(1, "CHN", "PRK", "057", 5)
        + _pair(1, "USA", "CHN", "112", 5)
        + _pair(1, "USA", "PRK", "112", 5)
    )
    t = triangle_over_time(synthetic_store(rows), "USA", "CHN", "PRK")
    row = t.iloc[0]
    assert row["configuration"] == "stable_marriage"
    assert row["pariah"] == row["outcast"] == "USA" and row["role_USA"] == "outcast"


def test_cli_triangle_flags_and_output(run_cli, synthetic_store):
    rows = (
        _pair(1, "USA", "KOR", "040", 5)
        + _pair(1, "KOR", "PRK", "057", 5)
        + _pair(1, "USA", "PRK", "112", 3)
    )
    db = synthetic_store(rows)
    base = ("triangle", "usa", "South Korea", "DPRK", "--db", db)
    d = run_cli(*base, "-f", "json").json()
    assert d["actors"] == ["USA", "KOR", "PRK"] and d["input"] == ["usa", "South Korea", "DPRK"]
    assert (d["measure"], d["threshold"], d["min_events"]) == ("goldstein", 0.05, 5)
    (p,) = d["periods"]
    assert p["n_ac"] == 3 and p["configuration"] is None  # USA-PRK: too few events
    assert set(p) >= {"role_USA", "role_KOR", "role_PRK", "pariah", "outcast"}
    d = run_cli(*base, "--min-events", "3", "-f", "json").json()
    assert d["min_events"] == 3 and d["periods"][0]["configuration"] == "romantic_triangle"
    d = run_cli(*base, "--min-events", "3", "--threshold", "0.9", "-f", "json").json()
    assert d["periods"][0]["configuration"] is None
    d = run_cli(*base, "--min-events", "3", "--measure", "net_coop", "-f", "json").json()
    assert d["measure"] == "net_coop" and d["periods"][0]["configuration"] == "romantic_triangle"

    table = run_cli(*base)
    assert table.exit_code == 0 and "None" not in table.stdout
    empty = run_cli(*base, "--since", "2019-01", "--until", "2019-01", "--format", "csv")
    assert empty.exit_code == 0
    assert empty.stdout.splitlines()[0].startswith("period,r_ab,r_ac,r_bc,n_ab,n_ac,n_bc,")
    assert empty.stdout.splitlines()[0].endswith("role_USA,role_KOR,role_PRK")

    for flag in (("--threshold", "0.1"), ("--min-events", "3"), ("--modality", "all")):
        r = run_cli("triangle", "a", "b", "c", "--scenario", "korea-2017", *flag)
        assert r.exit_code == 2 and "applies to --db" in r.stderr, flag
    r = run_cli(*base, "--threshold", "1.5")
    assert r.exit_code == 2 and "field 'threshold'" in r.stderr
