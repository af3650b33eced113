"""Key events of the two opinion pieces in ../shared/corpus (issue 4, "Must show")."""

import datetime as dt

from realpolitik.events.cameo import goldstein


def _country(code: str) -> str:
    return code[:3]


def _all(corpus_events):
    return [e for evs in corpus_events.values() for e in evs]


def test_china_ban_on_north_korean_imports(corpus_events):
    hits = [e for e in _all(corpus_events)
            if _country(e.source) == "CHN" and _country(e.target) == "PRK"
            and e.code.startswith("163") and e.modality == "actual"]
    assert hits, "CHN->PRK sanctions/embargo event missing"
    assert any("iron, lead and coal" in e.text for e in hits)
    assert all(e.goldstein < 0 and e.goldstein == goldstein(e.code) for e in hits)


def test_threat_to_strike_guam(corpus_events):
    hits = [e for e in _all(corpus_events)
            if _country(e.source) == "PRK" and _country(e.target) == "USA"
            and e.root == "13" and e.modality == "actual" and "Guam" in e.text]
    assert hits and hits[0].code.startswith("13")


def test_trump_praises_kims_wise_decision(corpus_events):
    hits = [e for e in _all(corpus_events)
            if _country(e.source) == "USA" and _country(e.target) == "PRK"
            and e.code.startswith("05") and "wise" in e.text]
    assert hits and hits[0].modality == "actual" and hits[0].code == "051"


def test_prescriptions_and_hypotheticals_not_actual(coder, corpus_events):
    for e in _all(corpus_events):
        if "could the Trump administration start a dialogue" in e.text:
            assert e.modality == "hypothetical", e
        if "Trump needs to recognize" in e.text or "now Donald Trump should" in e.text:
            assert e.modality != "actual", e
    # the dialogue is coded, but tagged hypothetical
    assert any("could the Trump administration start a dialogue" in e.text
               and e.code.startswith("04") and e.modality == "hypothetical"
               for e in _all(corpus_events))
    # the modality of "recognize" itself is prescriptive
    doc = coder.nlp("Trump needs to recognize that multilateral talks are the way to go.")
    from realpolitik.events.coder.modality import tag_modality

    assert tag_modality(doc[3]).modality == "prescriptive"


def test_page_furniture_yields_no_events(corpus_events, corpus_dir):
    text = (corpus_dir / "000_976ea60afbb74736.txt").read_text(encoding="utf-8")
    start = text.index("Our Editorial Standards")
    for e in corpus_events["000_976ea60afbb74736.txt"]:
        assert e.char_end <= start
        assert "sponsored links" not in e.text and "email" not in e.text


def test_provenance(corpus_events, corpus_dir):
    for name, evs in corpus_events.items():
        text = (corpus_dir / name).read_text(encoding="utf-8")
        for e in evs:
            assert text[e.char_start:e.char_end] == e.text
            assert e.doc_id == name[:-4] and e.sentence_index >= 0
            assert e.coder == "realpolitik-coder" and e.coder_version
            assert 0 < e.confidence <= 1 and e.date == dt.date(2017, 8, 17)


def test_same_input_same_output(coder, corpus_dir):
    text = (corpus_dir / "001_c5685fead5100629.txt").read_text(encoding="utf-8")
    a = coder.code_text(text, date=dt.date(2017, 4, 1))
    b = coder.code_text(text, date=dt.date(2017, 4, 1))
    assert [e.to_dict() for e in a] == [e.to_dict() for e in b]
