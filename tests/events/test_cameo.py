import csv

import pytest

from realpolitik.errors import InputError
from realpolitik.events import cameo
from realpolitik.events.cameo import UnknownCodeError


def test_table_is_a_faithful_transcription_of_the_kit_table(shared_data):
    path = shared_data / "events" / "cameo_goldstein.tsv"
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == 311
    for r in rows:
        info = cameo.code_info(r["code"])
        assert info.goldstein == float(r["goldstein"]), r["code"]
        assert info.root == r["root"]
        assert info.level == int(r["level"])
        assert info.label == r["cameo_1_1b3_label"]
        assert info.gdelt_label == r["description"]


def test_counts_by_level():
    levels = [cameo.code_info(c).level for c in cameo.all_codes()]
    assert (levels.count(2), levels.count(3), levels.count(4)) == (20, 147, 146)
    assert len(cameo.all_codes()) == 313


@pytest.mark.parametrize(
    ("code", "score"),
    [("163", -8.0), ("057", 8.0), ("19", -10.0), ("0874", 10.0), ("138", -7.0), ("051", 3.4),
     ("010", 0.0), ("1384", -7.0)],
)
def test_goldstein_known_codes(code, score):
    assert cameo.goldstein(code) == score


def test_fallback_four_to_three_to_root():
    # 1213/1214 exist in CAMEO 1.1b3 but not in GDELT: parent 121 = -4.0
    assert cameo.is_known("1213") and cameo.is_known("1214")
    assert cameo.resolve_code("1213") == "121"
    assert cameo.goldstein("1213") == -4.0
    assert cameo.label("1214") == "Reject intelligence cooperation"
    # a four-digit code whose three-digit parent exists
    assert cameo.resolve_code("1389") == "138" and cameo.goldstein("1389") == -7.0
    # neither four- nor three-digit listed: the root
    assert cameo.resolve_code("1999") == "19" and cameo.goldstein("1999") == -10.0
    assert cameo.resolve_code("099") == "09" and cameo.goldstein("099") == -2.0
    # known codes resolve to themselves
    assert cameo.resolve_code("0874") == "0874"


def test_root_and_labels():
    assert cameo.root_of("0431") == "04"
    assert cameo.root_of(" 163 ") == "16"
    assert cameo.label("163") == "Impose embargo, boycott, or sanctions"
    assert cameo.label("13") == "THREATEN"
    # stale GDELT wording is kept apart from the CAMEO 1.1b3 label
    assert cameo.label("105") == "Demand that target yields"
    assert cameo.gdelt_label("105") != cameo.label("105")


@pytest.mark.parametrize("bad", ["", "1", "21", "00", "12345", "abc", "16a", "-16"])
def test_malformed_codes_raise(bad):
    with pytest.raises(UnknownCodeError):
        cameo.goldstein(bad)
    assert not cameo.is_known(bad)


def test_unknown_code_error_is_an_input_error_with_one_line():
    with pytest.raises(InputError) as exc:
        cameo.label("1999")
    assert "\n" not in str(exc.value) and "1999" in str(exc.value)
    with pytest.raises(UnknownCodeError):
        cameo.root_of(163)  # type: ignore[arg-type]


def test_every_known_code_has_a_score_in_range():
    for c in cameo.all_codes():
        assert -10.0 <= cameo.goldstein(c) <= 10.0
        assert c.startswith(cameo.root_of(c))
