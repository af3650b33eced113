"""Phoenix reader: the 26-column layout."""

from __future__ import annotations

from realpolitik.events.readers import phoenix, read_events


def test_phoenix_layout_and_mapping(write, pxline):
    assert len(phoenix.FIELDS) == 26 and phoenix.FIELDS[13] == "EventCode"
    lines = [
        pxline(),
        pxline(EventID="p2", SourceActorFull="IGOUNO", SourceActorEntity="IGO", SourceActorRole=""),
        pxline(EventID="p3", Date="2018-09-19"),
        pxline(EventID="p4", EventCode="0999"),
    ]
    r = read_events(write("events.full.20180919.txt", lines), "phoenix")
    ev = r.events.sort_values("line")
    assert ev["source"].tolist() == ["KORGOV", "IGOUNO"]
    assert ev["action_country"].tolist() == ["PRK", "PRK"]
    assert ev["quad_class"].tolist() == [1, 1]  # GDELT scheme, like every data set
    reasons = r.rejected.set_index("line")["reason"]
    assert "bad date" in reasons[3] and "YYYYMMDD" in reasons[3]
    assert "unknown CAMEO event code" in reasons[4]


def test_phoenix_unknown_entity_and_failed_geolocation(write, pxline):
    lines = [
        pxline(EventID="p1", CountryCode="NA"),  # the geocoder found no country
        pxline(EventID="p2", SourceActorFull="---REB", SourceActorEntity="---"),
        pxline(EventID="p3", EventCode="36"),  # 036 read as a number somewhere upstream
    ]
    r = read_events(write("events.full.20170301.txt", lines), "phoenix")
    assert r.events["doc_id"].tolist() == ["p1"]
    assert r.events["action_country"].isna().all()
    reasons = r.rejected.set_index("line")["reason"]
    assert 'source actor has no country or known-group code (role "GOV"' in reasons[2]
    assert 'CAMEO code "36" in field EventCode has 2 digit(s)' in reasons[3]
