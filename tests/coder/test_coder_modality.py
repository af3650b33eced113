import pytest

from realpolitik.events.coder.modality import speech_head, tag_modality


def _verb(nlp, sentence, word):
    doc = nlp(sentence)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    "sentence, word, tag",
    [
        ("China banned coal imports from North Korea.", "banned", "actual"),
        ("China will ban coal imports from North Korea.", "ban", "future"),
        ("China is going to ban coal imports.", "ban", "future"),
        ("China plans to ban coal imports.", "ban", "future"),
        ("China could ban coal imports.", "ban", "hypothetical"),
        ("If China banned coal imports, Pyongyang would suffer.", "banned", "hypothetical"),
        ("Could the administration start a dialogue with Pyongyang?", "start", "hypothetical"),
        ("China did not ban coal imports.", "ban", "negated"),
        ("China refused to ban coal imports.", "ban", "negated"),
        ("China should ban coal imports.", "ban", "prescriptive"),
        ("China needs to ban coal imports.", "ban", "prescriptive"),
        ("China must ban coal imports.", "ban", "prescriptive"),
        ("China ought to ban coal imports.", "ban", "prescriptive"),
        ("Trump is unlikely to commit to talks.", "commit", "hypothetical"),
        ("Seoul would like Pyongyang to join the talks.", "join", "hypothetical"),
    ],
)
def test_modality(nlp, sentence, word, tag):
    assert tag_modality(_verb(nlp, sentence, word)).modality == tag


def test_refused_itself_is_actual(nlp):
    # "refused" is a CAMEO 12x event that happened; the refused action did not.
    assert tag_modality(_verb(nlp, "Moscow refused to withdraw its troops.",
                              "refused")).modality == "actual"


def test_question_only_affects_main_clause(nlp):
    s = "With the president praising Kim on Wednesday, could the U.S. abandon its rhetoric?"
    assert tag_modality(_verb(nlp, s, "praising")).modality == "actual"
    assert tag_modality(_verb(nlp, s, "abandon")).modality == "hypothetical"


def test_speech_head(nlp):
    doc = nlp("The minister said that Russia attacked the convoy.")
    v = next(t for t in doc if t.text == "attacked")
    assert speech_head(v).text == "said"
    assert speech_head(next(t for t in doc if t.text == "said")) is None
