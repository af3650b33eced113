"""ICEWS reader: the named-actor TSVs of the data kit and the 20-column release."""

from __future__ import annotations

import pandas as pd

from realpolitik.events.readers import icews, read_events
from realpolitik.events.readers._tables import country_name_to_iso3


def test_resolve_names():
    assert icews.resolve_name("Citizen (North Korea)") == ("PRK", "CVL")
    assert icews.resolve_name("Government (China)") == ("CHN", "GOV")
    assert icews.resolve_name("Military (South Korea)") == ("KOR", "MIL")
    assert icews.resolve_name("Japan") == ("JPN", "")
    assert icews.resolve_name("Russian Federation") == ("RUS", "")
    assert country_name_to_iso3("Palestinian Territory, Occupied") == "PSE"
    # person names must not hit country patterns (Saint Martin, Saint Helena ...)
    assert country_name_to_iso3("Martin Indyk") is None
    assert icews.resolve_name("Associated Press")[0] is None


def test_named_file_keeps_every_row(shared_data):
    path = shared_data / "events/icews/icews_2018-08-29_2018-10-31_named.tsv"
    r = read_events(path, "icews")
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    assert r.rejected.empty
    assert len(r.events) == len(raw) == 8495
    assert (r.events["source"].str[:3].to_numpy() == raw["source_iso3"].to_numpy()).all()


def test_all_named_file_resolves_officials_by_tenure(shared_data):
    path = shared_data / "events/icews/icews_2018-08-29_2018-10-31_all_named.tsv"
    r = read_events(path, "icews")
    assert len(r.events) + len(r.rejected) == r.lines == 95540
    ev = r.events
    kim = ev[ev["source_name"] == "Kim Jong-Un"]
    moon = ev[ev["source_name"] == "Moon Jae-in"]
    assert len(kim) > 100 and set(kim["source"].str[:3]) == {"PRK"}
    assert len(moon) > 100 and set(moon["source"].str[:3]) == {"KOR"}
    assert set(ev.loc[ev["source_name"] == "Citizen (North Korea)", "source"]) == {"PRKCVL"}
    assert r.rejected["reason"].str.startswith("unknown actor").all()


def test_officials_outside_tenure_are_not_attributed(write):
    header = "\t".join(icews.NAMED_FIELDS)
    lines = [
        header,
        "2005-03-01\tBarack Obama\tConsult\tChina\t040\t1.0",  # not yet president
        "2014-03-01\tBarack Obama\tConsult\tChina\t040\t1.0",
        "2014-03-01\tBarack Obama\tConsult\tChina\t\t",  # code from the event text
        "2014-03-01\tBarack Obama\tDo something odd\tChina\t\t",
    ]
    r = read_events(write("t.tsv", lines), "icews")
    assert r.events["line"].tolist() == [3, 4]
    assert r.events["code"].tolist() == ["040", "040"]
    reasons = r.rejected.set_index("line")["reason"]
    assert reasons[2].startswith('unknown actor "Barack Obama"')
    assert reasons[5].startswith('unknown event text "Do something odd"')


def test_release_layout(write):
    header = "\t".join(icews.RELEASE_FIELDS)

    def row(eid, date, src, sc, tgt, tc, code="036"):
        vals = [
            eid,
            date,
            src,
            "Government",
            sc,
            "Express intent to meet or negotiate",
            code,
            "4.0",
            tgt,
            "",
            tc,
            "s1",
            "2",
            "Yonhap",
            "Seoul",
            "",
            "Seoul",
            "South Korea",
            "37.5",
            "127.0",
        ]
        return "\t".join(vals)

    lines = [
        header,
        row("1", "2018-09-18", "Moon Jae-in", "South Korea", "Kim Jong-Un", "North Korea"),
        row(
            "2",
            "2018-09-18",
            "Government (South Korea)",
            "South Korea",
            "North Korea",
            "North Korea",
        ),
        row("3", "18/09/2018", "Moon Jae-in", "South Korea", "Kim Jong-Un", "North Korea"),
        row("4", "2018-09-18", "", "", "Kim Jong-Un", "North Korea"),
        "\t".join(["5", "2018-09-18", "truncated"]),
    ]
    r = read_events(write("events.2018.tab", lines), "icews")
    ev = r.events.sort_values("line")
    assert ev["source"].str[:3].tolist() == ["KOR", "KOR"]
    assert ev["source"].tolist()[1] == "KORGOV"
    assert ev["target"].str[:3].tolist() == ["PRK", "PRK"]
    assert ev["doc_id"].tolist() == ["1", "2"] and ev["sentence_index"].tolist() == [2, 2]
    assert ev["action_country"].tolist() == ["KOR", "KOR"]
    reasons = r.rejected.set_index("line")["reason"]
    assert "bad date" in reasons[4] and "Event Date" in reasons[4]
    assert "empty actor" in reasons[5]
    assert "expected 20 tab-separated columns" in reasons[6]


def test_gdelt_file_passed_as_icews(write, g2line):
    r = read_events(write("20180919.export.CSV", [g2line(), g2line(GLOBALEVENTID="2")]), "icews")
    assert r.events.empty and r.rejected["line"].tolist() == [1, 2]
    assert "not an ICEWS file" in r.rejected["reason"][0]
    assert "looks like GDELT 2.0" in r.rejected["reason"][0]
