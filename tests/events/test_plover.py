import json

import pytest

from realpolitik.errors import InputError
from realpolitik.events import cameo
from realpolitik.events.cameo import UnknownCodeError
from realpolitik.events.plover import (
    PLOVER_QUAD,
    PLOVER_TYPES,
    cameo_to_plover,
    crosswalk_rules,
    normalize_plover_type,
    plover_quad,
    plover_to_cameo,
)


def test_every_root_is_covered_and_only_statements_are_dropped():
    for root in cameo.ROOTS:
        t = cameo_to_plover(root)
        if root == "01":
            assert t is None
        else:
            assert t in PLOVER_TYPES, root


def test_every_known_code_maps_and_every_type_is_reached():
    reached = {cameo_to_plover(c) for c in cameo.all_codes()}
    assert reached - {None} == set(PLOVER_TYPES)
    for c in cameo.all_codes():
        t = cameo_to_plover(c)
        assert (t is None) == c.startswith("01")


@pytest.mark.parametrize(
    ("code", "ptype"),
    [("163", "SANCTION"), ("160", "SANCTION"), ("0841", "RETREAT"), ("0871", "RETREAT"),
     ("081", "CONCEDE"), ("083", "CONCEDE"), ("055", "CONCEDE"), ("051", "SUPPORT"),
     ("1712", "ASSAULT"), ("173", "COERCE"), ("191", "COERCE"), ("193", "ASSAULT"),
     ("138", "THREATEN"), ("090", "ACCUSE"), ("111", "ACCUSE"), ("116", "SANCTION"),
     ("1056", "REQUEST"), ("0234", "REQUEST"), ("046", "CONSULT"), ("1213", "REJECT")],
)
def test_crosswalk_examples(code, ptype):
    assert cameo_to_plover(code) == ptype


def test_legacy_labels_and_quads():
    assert normalize_plover_type("demand") == "REQUEST"
    assert normalize_plover_type("DISAPPROVE") == "ACCUSE"
    assert normalize_plover_type("INVESTIGATE") == "ACCUSE"
    assert normalize_plover_type("FIGHT") == "ASSAULT"
    assert plover_quad("SANCTION") == 4 and plover_quad("CONCEDE") == 1
    assert plover_quad("RETREAT") == 2 and plover_quad("REQUEST") == 3
    assert sorted(PLOVER_QUAD.values()).count(4) == 5
    with pytest.raises(InputError):
        normalize_plover_type("CRIME")


def test_gold_standard_labels_are_all_reachable(shared_data):
    records = json.loads((shared_data / "events" / "plover_gsr.json").read_text())
    labels = {r["event"] for r in records if r["event"] != "DOCUMENT"}
    assert len(labels) == 18
    for lab in labels:
        assert plover_to_cameo(lab), lab


def test_reverse_crosswalk_is_consistent():
    total = 0
    for t in PLOVER_TYPES:
        codes = plover_to_cameo(t)
        total += len(codes)
        assert all(cameo_to_plover(c) == t for c in codes)
    assert total == len(cameo.all_codes()) - 11  # the 11 codes of root 01


def test_rules_file_and_bad_code():
    rules = crosswalk_rules()
    assert rules["01"] is None
    assert rules["16"] == "SANCTION" and rules["084"] == "RETREAT"
    with pytest.raises(UnknownCodeError):
        cameo_to_plover("2101")
