"""GDELT 1.0 / 2.0 readers: real column layouts, code mapping, validation of every row."""

from __future__ import annotations

from realpolitik.events import cameo
from realpolitik.events.readers import gdelt1, gdelt2, read_events


def test_layouts_have_the_documented_widths():
    assert len(gdelt2.FIELDS) == 61
    assert len(gdelt1.FIELDS) == 58
    assert gdelt2.FIELDS[53] == "ActionGeo_CountryCode"
    assert gdelt1.FIELDS[51] == "ActionGeo_CountryCode"
    assert gdelt2.FIELDS[26] == "EventCode" == gdelt1.FIELDS[26]


def test_gdelt2_good_row_maps_to_event_columns(write, g2line):
    p = write("a.export.CSV", [g2line()])
    r = read_events(p, "gdelt2")
    assert r.lines == 1 and r.rejected.empty
    e = r.events.iloc[0]
    assert str(e["date"])[:10] == "2018-09-19"
    assert (e["source"], e["target"], e["code"], e["root"]) == ("KORGOV", "PRK", "036", "03")
    assert e["goldstein"] == cameo.goldstein("036") and e["quad_class"] == 1
    assert e["action_country"] == "PRK"  # FIPS KN -> ISO3 PRK
    assert (e["doc_id"], e["text"], e["dataset"]) == ("1", "https://example.org/a", "gdelt2")


def test_fips_geo_codes_are_not_taken_as_iso(write, g2line):
    # FIPS "AS" is Australia (ISO AUS), "AU" Austria, "KS" South Korea, "GM" Germany.
    lines = [
        g2line(GLOBALEVENTID=str(i), ActionGeo_CountryCode=f)
        for i, f in enumerate(["AS", "AU", "KS", "GM", "CH", ""], 1)
    ]
    ev = read_events(write("g.csv", lines), "gdelt2").events.sort_values("line")
    assert ev["action_country"].tolist()[:5] == ["AUS", "AUT", "KOR", "DEU", "CHN"]
    assert ev["action_country"].isna().tolist()[5]


def test_cameo_country_codes_and_groups(write, g2line):
    lines = [
        g2line(GLOBALEVENTID="1", Actor2CountryCode="ROM", Actor2Type1Code=""),
        g2line(
            GLOBALEVENTID="2", Actor1CountryCode="", Actor1KnownGroupCode="UNO", Actor1Type1Code=""
        ),
        g2line(GLOBALEVENTID="3", Actor1CountryCode="PRK", Actor1Type1Code="MIL"),
    ]
    ev = read_events(write("g.csv", lines), "gdelt2").events.sort_values("line")
    assert ev["target"].tolist()[0] == "ROU"
    assert ev["source"].tolist()[1:] == ["UNO", "PRKMIL"]


def test_bad_rows_are_rejected_with_reasons_and_no_good_row_is_lost(write, g2line):
    good = [g2line(GLOBALEVENTID=str(i), SQLDATE=f"201809{i:02d}") for i in range(1, 6)]
    bad = [
        g2line(GLOBALEVENTID="90")[:40],  # truncated line
        g2line(GLOBALEVENTID="91") + "\textra",  # 62 columns
        g2line(GLOBALEVENTID="92", SQLDATE="20180931"),  # no such day
        g2line(GLOBALEVENTID="93", SQLDATE="2018091"),  # too short
        g2line(GLOBALEVENTID="94", EventCode="999"),  # unknown code
        g2line(  # no actor 1 at all: a one-sided event
            GLOBALEVENTID="95",
            Actor1CountryCode="",
            Actor1Code="",
            Actor1Name="",
            Actor1Type1Code="",
        ),
        g2line(GLOBALEVENTID="96", Actor2CountryCode="XYZ"),  # unknown actor code
        g2line(GLOBALEVENTID="97", EventCode="20"),  # 020 with its leading zero lost
        g2line(GLOBALEVENTID="98", Actor1CountryCode="", Actor1Type1Code="GOV"),  # no country
        "",  # blank line: skipped, neither read nor rejected
    ]
    lines = good[:2] + bad + good[2:]
    r = read_events(write("mixed.csv", lines), "gdelt2")
    assert r.lines == len(lines) - 1
    assert sorted(r.events["doc_id"]) == [str(i) for i in range(1, 6)]
    reasons = dict(zip(r.rejected["line"], r.rejected["reason"], strict=True))
    assert len(reasons) == len(bad) - 1
    assert "expected 61 tab-separated columns" in reasons[3]
    assert "got 62" in reasons[4]
    assert 'bad date "20180931"' in reasons[5] and "SQLDATE" in reasons[5]
    assert 'bad date "2018091"' in reasons[6]
    assert 'unknown CAMEO event code "999"' in reasons[7]
    assert reasons[8] == "no source actor (a one-sided event; the store keeps dyadic events)"
    assert 'unknown actor country code "XYZ"' in reasons[9]
    assert reasons[10] == (
        'CAMEO code "20" in field EventCode has 2 digit(s); event codes have 3 or 4 '
        "(a leading zero lost?)"
    )
    assert 'source actor has no country or known-group code (role "GOV"' in reasons[11]
    assert 12 not in reasons


def test_an_unknown_location_code_keeps_the_event(write, g2line):
    # The location is optional: a FIPS code missing from the table leaves it unknown.
    lines = [
        g2line(GLOBALEVENTID="1", ActionGeo_CountryCode="QQ"),
        g2line(GLOBALEVENTID="2", ActionGeo_CountryCode="KN"),
    ]
    r = read_events(write("geo.csv", lines), "gdelt2")
    assert r.rejected.empty
    ev = r.events.sort_values("line")
    assert ev["action_country"].isna().tolist() == [True, False]
    assert ev["action_country"].tolist()[1] == "PRK"


def test_gdelt_city_code_bag_is_iraq(write, g2line):
    r = read_events(
        write("bag.csv", [g2line(Actor1CountryCode="BAG", Actor1Type1Code="")]), "gdelt2"
    )
    assert r.rejected.empty and r.events["source"].tolist() == ["IRQ"]


def test_gdelt1_accepts_57_and_58_columns(write, g1line):
    lines = [g1line(58, GLOBALEVENTID="1"), g1line(57, GLOBALEVENTID="2")]
    r = read_events(write("g1.csv", lines), "gdelt1")
    assert r.rejected.empty and len(r.events) == 2
    assert set(r.events["action_country"]) == {"PRK"}
    assert r.events.sort_values("line")["text"].tolist() == ["https://example.org/a", ""]


def test_gdelt2_file_read_as_gdelt1_names_the_format(write, g2line):
    r = read_events(write("g.csv", [g2line()]), "gdelt1")
    assert r.events.empty
    assert "looks like GDELT 2.0 (61 columns) — use --format gdelt2" in r.rejected["reason"][0]


def test_crlf_line_endings(write, g2line):
    p = write("crlf.csv", [g2line(GLOBALEVENTID="1") + "\r", g2line(GLOBALEVENTID="2") + "\r"])
    r = read_events(p, "gdelt2")
    assert len(r.events) == 2 and r.rejected.empty
    assert set(r.events["text"]) == {"https://example.org/a"}


def test_known_group_codes_take_the_organisation_code(write, g2line):
    # One organisation, one code across data sets: CAMEO's NAT and EEC are NATO and the EU.
    lines = [
        g2line(GLOBALEVENTID="1", Actor1CountryCode="WST", Actor1KnownGroupCode="NAT"),
        g2line(GLOBALEVENTID="2", Actor1CountryCode="", Actor1KnownGroupCode="EEC"),
        g2line(GLOBALEVENTID="3", Actor1CountryCode="", Actor1KnownGroupCode="UNO"),
    ]
    ev = read_events(write("groups.csv", lines), "gdelt2").events.sort_values("line")
    assert ev["source"].tolist() == ["NATO", "EU", "UNO"]
