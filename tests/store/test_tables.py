"""Packaged code tables: FIPS 10-4 -> ISO3 and CAMEO country codes."""

from __future__ import annotations

from realpolitik.events.readers._tables import cameo_country_table, fips_table, iso3_codes


def test_fips_table_is_a_function_and_targets_iso3():
    t = fips_table()
    assert t["fips"].is_unique
    assert (t["fips"].str.len() == 2).all()
    allowed = iso3_codes() | {"SCG", "ANT", ""}
    assert set(t["iso3"]) <= allowed
    fips = dict(zip(t["fips"], t["iso3"], strict=True))
    # codes where FIPS and ISO alpha-2 disagree (the reason for the table)
    expected = {
        "KN": "PRK",
        "KS": "KOR",
        "CH": "CHN",
        "JA": "JPN",
        "RS": "RUS",
        "US": "USA",
        "GM": "DEU",
        "UK": "GBR",
        "SF": "ZAF",
        "AS": "AUS",
        "AU": "AUT",
        "EZ": "CZE",
        "IZ": "IRQ",
        "RP": "PHL",
        "VM": "VNM",
        "BM": "MMR",
        "TW": "TWN",
        "MG": "MNG",
    }
    assert {k: fips[k] for k in expected} == expected


def test_cameo_country_codes():
    t = cameo_country_table()
    m = dict(zip(t["cameo"], t["iso3"], strict=True))
    assert m["ROM"] == "ROU" and m["ZAR"] == "COD" and m["TMP"] == "TLS"
    assert m["PRK"] == "PRK" and m["KOR"] == "KOR"
    assert m["AFR"] == "AFR"  # regions keep their own code
