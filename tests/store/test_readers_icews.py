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


# --------------------------------------------------------------------------- audit fixes

_RELEASE_ROW = dict(
    zip(
        icews.RELEASE_FIELDS,
        [
            "1",
            "2015-06-01",
            "Government (South Korea)",
            "Government",
            "South Korea",
            "Consult",
            "040",
            "1.0",
            "North Korea",
            "",
            "North Korea",
            "s1",
            "3",
            "Yonhap News Agency",
            "",
            "",
            "",
            "South Korea",
            "",
            "",
        ],
        strict=True,
    )
)


def _release_row(**kw: str) -> str:
    """One release row; keyword names are the field names with spaces as underscores."""
    d = dict(_RELEASE_ROW)
    d.update({k.replace("_", " "): v for k, v in kw.items()})
    return "\t".join(d[f] for f in icews.RELEASE_FIELDS)


def _release_file(write, rows: list[str], header: str | None = None, name: str = "e.tab"):
    head = "\t".join(icews.RELEASE_FIELDS) if header is None else header
    return read_events(write(name, [head, *rows]), "icews")


def test_header_with_bom_lower_case_or_quotes_is_recognised(tmp_path, write):
    rows = [_release_row(), _release_row(**{"Event_ID": "2"})]
    header = "\t".join(icews.RELEASE_FIELDS)
    bom = tmp_path / "bom.tab"
    bom.write_bytes(b"\xef\xbb\xbf" + "\n".join([header, *rows]).encode() + b"\n")
    lower = write("lower.tab", [header.lower(), *rows])
    quote = lambda line: "\t".join(f'"{c}"' for c in line.split("\t"))  # noqa: E731
    quoted = write("quoted.tab", [quote(header), *(quote(r) for r in rows)])
    for path in (bom, lower, quoted):
        r = read_events(path, "icews")
        assert r.rejected.empty, (path.name, r.rejected["reason"].tolist())
        assert r.events["source"].tolist() == ["KORGOV", "KORGOV"], path.name
        assert r.events["doc_id"].tolist() == ["1", "2"], path.name


def test_missing_or_misspelt_header_is_named(write):
    r = read_events(write("noheader.tab", [_release_row(), _release_row()]), "icews")
    assert r.events.empty and r.rejected["line"].tolist() == [1, 2]
    reason = r.rejected["reason"][0]
    assert reason.startswith("missing ICEWS header line")
    assert "use --format icews" not in reason  # no longer "not ICEWS ... looks like ICEWS"
    named = "\t".join(["2018-09-18", "Japan", "Consult", "China", "040", "1.0"])
    r = read_events(write("noheader.tsv", [named]), "icews")
    assert r.rejected["reason"][0].startswith("missing ICEWS header line")
    bad = "\t".join(icews.RELEASE_FIELDS).replace("CAMEO Code", "CAMEO")
    r = _release_file(write, [_release_row()], header=bad)
    assert r.rejected["reason"][0] == (
        'ICEWS header line not recognised: column 7 is "CAMEO", expected "CAMEO Code" '
        "(ICEWS release, 20 columns)"
    )


def test_month_day_year_dates(write):
    rows = [
        _release_row(Event_Date="12/1/2017"),
        _release_row(Event_ID="2", Event_Date="1/15/2017"),
        _release_row(Event_ID="3", Event_Date="2/30/2017"),
        _release_row(Event_ID="4", Event_Date="13/1/2017"),
    ]
    r = _release_file(write, rows)
    dates = pd.to_datetime(r.events["date"]).dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2017-12-01", "2017-01-15"]
    reasons = r.rejected.set_index("line")["reason"]
    assert reasons[4] == (
        'bad date "2/30/2017" in field Event Date (expected YYYY-MM-DD or M/D/YYYY)'
    )
    assert reasons[5].startswith('bad date "13/1/2017"')


def test_sector_actors_use_the_project_resolver(write):
    from realpolitik.actors import resolve_icews

    for name in [
        "Men (South Africa)",
        "Lawyer/Attorney (Australia)",
        "Insurgent (Afghanistan)",
        "Defense / Security Ministry (United States)",
        "Protester (Egypt)",
    ]:
        base, agent = icews.resolve_name(name)
        assert base is not None and base + agent == resolve_icews(name), name
    assert icews.resolve_name("Men (South Africa)") == ("ZAF", "CVL")
    named = "\t".join(icews.NAMED_FIELDS)
    r = read_events(
        write("s.tsv", [named, "2015-06-01\tMen (South Africa)\tConsult\tInsurgent (Iraq)\t040\t"]),
        "icews",
    )
    assert (r.events["source"][0], r.events["target"][0]) == ("ZAFCVL", "IRQINS")


def test_kit_sector_names_resolve_as_the_project_resolver(shared_data):
    """Wherever the project's resolver places a sector actor, the reader gives the same code."""
    from realpolitik.actors import resolve_icews

    path = shared_data / "events/icews/icews_2014_all_named.tsv"
    raw = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False)
    names = set(raw["source_name"]) | set(raw["target_name"])
    sectors = sorted(n for n in names if n.endswith(")") and " (" in n)
    assert len(sectors) > 1000
    differ = []
    for name in sectors:
        want = resolve_icews(name)
        base, agent = icews.resolve_name(name)
        if want is not None and (base is None or base + agent != want):
            differ.append((name, base, agent, want))
    assert differ == []


def test_organisation_code_wins_over_the_country_column(write):
    rows = [
        _release_row(Source_Name="United Nations Security Council", Source_Country="United States"),
        _release_row(Event_ID="2", Source_Name="NATO", Source_Country="Belgium"),
    ]
    r = _release_file(write, rows)
    assert r.rejected.empty
    assert r.events["source"].tolist() == ["UNSC", "NATO"]
    assert icews.resolve_name("United Nations Security Council") == ("UNSC", "")
    assert icews.is_organisation("NATO") and not icews.is_organisation("BEL")


def test_country_spellings_and_nested_parentheses(write):
    expected = {
        "Government (Moldova, Republic of)": "MDAGOV",
        "Government (the former Yugoslav Republic of Macedonia)": "MKDGOV",
        "Police (Guinea Bissau)": "GNBCOP",
        "Citizen (Timor Leste)": "TLSCVL",
        "Citizen (Cocos (Keeling) Islands)": "CCKCVL",
        "Priest (Holy See (Vatican City State))": "VATREL",
        "Government (Serbia and Montenegro)": "SRBGOV",
        "Holy See": "VAT",
        "Reunion": "REU",
        "Faeroe Islands": "FRO",
    }
    for name, code in expected.items():
        base, agent = icews.resolve_name(name)
        assert (base or "") + agent == code, name
    rows = [
        _release_row(
            Event_ID=str(i),
            Source_Name=name,
            Source_Country=name.partition(" (")[2][:-1] or name,
        )
        for i, name in enumerate(expected)
    ]
    r = _release_file(write, rows)
    assert r.rejected.empty, r.rejected["reason"].tolist()
    assert r.events["source"].tolist() == list(expected.values())
    # regular expressions only ever read the release's country columns, never actor names
    assert icews.resolve_country_field("Tanzania, United Republic of") == "TZA"
    assert icews.resolve_country_field("NA") is None
    assert icews.resolve_name("Militant (Islamic State of Iraq and the Levant)") == (None, "")
    assert icews.resolve_name("Tanzania, United Republic of") == (None, "")


def test_cameo_code_that_lost_its_leading_zero(write):
    rows = [
        _release_row(Event_Text="Make an appeal or request", CAMEO_Code="20"),
        _release_row(Event_ID="2", Event_Text="Consult", CAMEO_Code="20"),
        _release_row(Event_ID="3", Event_Text="Some unlisted text", CAMEO_Code="20"),
        _release_row(Event_ID="4", Event_Text="Some unlisted text", CAMEO_Code="10"),
        _release_row(Event_ID="5", Event_Text="Consult", CAMEO_Code="043"),
        _release_row(Event_ID="6", Event_Text="Consult", CAMEO_Code="40"),
    ]
    r = _release_file(write, rows)
    ev = r.events.set_index("doc_id")
    assert ev.loc["1", "code"] == "020" and ev.loc["1", "root"] == "02"
    assert ev.loc["1", "quad_class"] == 1 and ev.loc["1", "goldstein"] == 3.0
    assert ev.loc["5", "code"] == "043"  # a 3-digit code that disagrees: the file's code
    assert ev.loc["6", "code"] == "040"
    reasons = r.rejected.set_index("line")["reason"]
    assert reasons[3] == (
        'CAMEO code "20" in field CAMEO Code has 2 digits; event codes have 3 or 4 '
        '(a leading zero lost?); event text "Consult" is 040'
    )
    assert reasons[4] == (
        'CAMEO code "20" in field CAMEO Code has 2 digits; event codes have 3 or 4 '
        "(a leading zero lost?)"
    )
    assert reasons[5].startswith('CAMEO code "10" in field CAMEO Code has 2 digits')
    assert sorted(reasons.index) == [3, 4, 5]
