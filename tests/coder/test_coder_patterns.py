import pytest

from realpolitik.errors import InputError
from realpolitik.events.cameo import is_known
from realpolitik.events.coder.patterns import PatternSet, parse_rule


def test_parse_rule_conditions():
    r = parse_rule("138", "threaten ~attack|strike +with >war")
    assert r.lemmas == {"threaten"}
    assert r.complements == {"attack", "strike"}
    assert r.preps == {"with"} and r.objects == {"war"}
    assert r.particles is None and r.specificity == 3


@pytest.mark.parametrize("bad", ["", "~attack", "threaten attack"])
def test_bad_rules_rejected(bad):
    with pytest.raises(InputError):
        parse_rule("138", bad)


def test_packaged_patterns_use_known_codes():
    ps = PatternSet.default()
    assert len(ps) > 500
    assert all(is_known(r.code) for r in ps.rules)
    # every CAMEO root has patterns
    assert {r.code[:2] for r in ps.rules} == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize(
    "sentence, verb, code",
    [
        ("Japan sharply criticized Russia.", "criticized", "111"),
        ("The government imposed sanctions on Iran.", "imposed", "163"),
        ("The army threatened to attack the rebels.", "threatened", "138"),
        ("Seoul lifted sanctions on the company.", "lifted", "085"),
        ("The minister visited Beijing.", "visited", "042"),
        ("Russia signed an agreement with Japan.", "signed", "057"),
        ("Police arrested the opposition leader.", "arrested", "173"),
        ("The rebels released the hostages.", "released", "0841"),
        ("Protesters demanded the withdrawal of troops.", "demanded", "1056"),
        ("China deployed troops to the border.", "deployed", "154"),
        ("The talks were called off by Seoul.", "called", "164"),
    ],
)
def test_codebook_categories(nlp, sentence, verb, code):
    ps = PatternSet.default()
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == verb)
    m = ps.match(tok)
    assert m is not None and m.code == code, (m and m.rule.text)


def test_more_specific_rule_wins(nlp):
    ps = PatternSet.from_yaml([])
    assert len(ps) == 0
    ps = PatternSet([parse_rule("120", "refuse", 0), parse_rule("1246", "refuse ~withdraw", 1)])
    doc = nlp("Moscow refused to withdraw its troops.")
    m = ps.match(doc[1])
    assert m.code == "1246" and m.consumed == (3,)
    doc = nlp("Moscow refused the offer.")
    assert ps.match(doc[1]).code == "120"
