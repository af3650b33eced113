import pytest

from realpolitik.events.coder.clean import clean_paragraphs, furniture_reason, split_paragraphs


@pytest.mark.parametrize(
    "block, reason",
    [
        ("When you purchase through our sponsored links, we may earn a commission.",
         "affiliate notice"),
        ("Sign up for our newsletter to get the latest news in your inbox.", "newsletter box"),
        ("• Pop your email in the box and receive updates.", "newsletter box"),
        ("Jane Q. Reporter", "byline"),
        ("Related Articles", "advertisement"),
        ("Leader X visits a factory in this undated picture provided by KCNA. KCNA/via Reuters",
         "photo caption"),
        ("John Smith is senior lecturer in politics at a university.", "author bio"),
        ("Why the Sanctions Debate Returns to Washington", "heading"),
    ],
)
def test_furniture_is_recognised(block, reason):
    assert furniture_reason(block) == reason


@pytest.mark.parametrize(
    "block",
    [
        "China banned coal imports from North Korea on Monday.",
        "Will the talks resume? Officials in Seoul said they hoped so.",
        "It's Kim again.",
    ],
)
def test_prose_is_kept(block):
    assert furniture_reason(block) is None


def test_offsets_point_into_the_original_text():
    text = "Title Line\n\n  First paragraph here.\nSecond one.\n"
    paras = list(split_paragraphs(text))
    assert [text[p.start:p.start + len(p.text)] for p in paras] == [p.text for p in paras]
    kept = list(clean_paragraphs(paras))
    assert [p.text for p in kept] == ["First paragraph here.", "Second one."]


def test_corpus_furniture_dropped(corpus_dir):
    text = (corpus_dir / "000_976ea60afbb74736.txt").read_text(encoding="utf-8")
    kept = " ".join(p.text for p in clean_paragraphs(split_paragraphs(text)))
    for furniture in ("sponsored links", "Editorial Standards", "Pop your email",
                      "never send spam"):
        assert furniture not in kept
    assert "banning iron, lead and coal imports" in kept
