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
