import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.actors import ActorDictionary, ActorMatch
from realpolitik.actors.dictionary import DictionaryEntry, normalize_name
from realpolitik.errors import UnknownActorError


@pytest.fixture(scope="module")
def d():
    return ActorDictionary.default()


def code(d, name, on=None, **kw):
    m = d.resolve(name, on, **kw)
    return None if m is None else m.code


def test_default_is_cached(d):
    assert ActorDictionary.default() is d


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("North Korea", "PRK"), ("DPRK", "PRK"), ("Democratic People's Republic of Korea", "PRK"),
        ("South Korea", "KOR"), ("ROK", "KOR"), ("Republic of Korea", "KOR"),
        ("United States", "USA"), ("U.S.", "USA"), ("US", "USA"), ("America", "USA"),
        ("China", "CHN"), ("Japan", "JPN"), ("Russia", "RUS"), ("Russian Federation", "RUS"),
        ("Chinese", "CHN"), ("North Korean", "PRK"), ("South Korean", "KOR"),
        ("Japanese", "JPN"), ("Russian", "RUS"), ("American", "USA"),
        ("Turkey", "TUR"), ("Ivory Coast", "CIV"), ("Burma", "MMR"), ("Britain", "GBR"),
        ("Washington", "USAGOV"), ("Pyongyang", "PRKGOV"), ("Beijing", "CHNGOV"),
        ("Seoul", "KORGOV"), ("Tokyo", "JPNGOV"), ("Moscow", "RUSGOV"),
        ("the Kim regime", "PRKGOV"), ("the Trump administration", "USAGOV"),
        ("the White House", "USAGOV"), ("the Kremlin", "RUSGOV"), ("the Pentagon", "USAMIL"),
        ("the Blue House", "KORGOV"), ("Zhongnanhai", "CHNGOV"),
        ("UN", "UNO"), ("United Nations", "UNO"), ("UN Security Council", "UNSC"),
        ("IAEA", "IAEA"), ("ASEAN", "ASEAN"), ("EU", "EU"), ("NATO", "NATO"), ("WTO", "WTO"),
        ("IMF", "IMF"), ("World Bank", "WBK"), ("G20", "G20"), ("African Union", "AU"),
        ("North Korean military", "PRKMIL"), ("Chinese officials", "CHNGOV"),
        ("South Korean troops", "KORMIL"), ("Japanese government", "JPNGOV"),
        ("China's foreign ministry", "CHNGOV"), ("the army of Japan", "JPNMIL"),
        ("Russian state media", "RUSMED"), ("KCNA", "PRKMED"), ("Xinhua", "CHNMED"),
        ("Guam", "USA"),
    ],
)
def test_resolve_names(d, name, expected):
    assert code(d, name) == expected


def test_kor_not_rok_in_codes(d):
    assert "ROK" not in d.base_codes and "KOR" in d.base_codes
    assert d.country_of("KORGOV") == "KOR"


def test_office_holders_by_date(d):
    assert code(d, "Trump", dt.date(2018, 6, 12)) == "USAGOV"
    # between his terms Trump held no office: former official, CAMEO elite code
    m = d.resolve("Trump", dt.date(2022, 6, 1))
    assert m is not None and m.code == "USAELI" and m.kind == "former_official"
    assert code(d, "Donald Trump", dt.date(2025, 3, 1)) == "USAGOV"
    assert code(d, "Moon Jae-in", dt.date(2018, 4, 27)) == "KORGOV"
    assert code(d, "Moon Jae-in", dt.date(2023, 1, 1)) == "KORELI"
    assert code(d, "Kim Jong Un", dt.date(2011, 12, 17)) == "PRKGOV"
    assert code(d, "Kim Jong-un", dt.date(2011, 12, 16)) is None  # before his first tenure
    assert code(d, "Kim Jong Il", dt.date(2005, 1, 1)) == "PRKGOV"
    assert code(d, "Obama", dt.date(2016, 1, 1)) == "USAGOV"
    assert code(d, "Obama", dt.date(2008, 1, 1)) is None
    assert code(d, "Biden", dt.date(2012, 1, 1)) == "USAGOV"  # vice president
    assert code(d, "Putin", dt.date(2010, 1, 1)) == "RUSGOV"  # prime minister
    assert code(d, "Koizumi", dt.date(2004, 5, 22)) == "JPNGOV"
    assert code(d, "Koizumi", dt.date(2025, 11, 1)) == "JPNGOV"  # Shinjiro, defence minister
    assert code(d, "Koizumi", dt.date(2010, 1, 1)) == "JPNELI"
    assert code(d, "Pompeo", dt.date(2017, 6, 1)) == "USASPY"  # CIA director
    assert code(d, "Pompeo", dt.date(2019, 6, 1)) == "USAGOV"
    # an office-holder of an organisation, then a former state official
    assert code(d, "Ban Ki-moon", dt.date(2010, 1, 1)) == "UNO"
    assert code(d, "Ban Ki-moon", dt.date(2020, 1, 1)) == "KORELI"


def test_no_date_uses_latest_tenure(d):
    assert code(d, "Trump") == "USAGOV"
    assert code(d, "Ban Ki-moon") == "UNO"


def test_exact_case_terms(d):
    assert code(d, "US") == "USA" and code(d, "us") is None
    assert code(d, "UN") == "UNO" and code(d, "un") is None
    assert code(d, "Moon", dt.date(2018, 1, 1)) == "KORGOV" and code(d, "moon") is None


def test_the_north_needs_korean_context(d):
    assert code(d, "the North") is None
    assert code(d, "the North", context="North Korea fired a missile") == "PRK"
    assert code(d, "the South", context="talks between Seoul and Pyongyang") == "KOR"
    mentions = d.find_mentions("The North and the South of England disagree.")
    assert mentions == []


def test_find_mentions_offsets_and_composition(d):
    text = (
        "China banned imports of North Korean coal, and U.S. President Donald Trump praised "
        "Kim Jong Un. The North threatened Guam; the Kremlin said Japan's Self-Defense Forces "
        "and Chinese President Xi Jinping were watching."
    )
    ms = d.find_mentions(text, dt.date(2017, 8, 15))
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert isinstance(m, ActorMatch)
    got = [(m.text, m.code, m.kind) for m in ms]
    assert got == [
        ("China", "CHN", "state"),
        ("North Korean", "PRK", "state"),
        ("U.S. President Donald Trump", "USAGOV", "person"),
        ("Kim Jong Un", "PRKGOV", "person"),
        ("The North", "PRK", "state"),
        ("Guam", "USA", "state"),
        ("Kremlin", "RUSGOV", "government"),
        ("Japan's Self-Defense Forces", "JPNMIL", "agent"),
        ("Chinese President Xi Jinping", "CHNGOV", "person"),
    ]
    assert [m.start for m in ms] == sorted(m.start for m in ms)


def test_longest_match_and_stop_phrases(d):
    ms = d.find_mentions("Ships in the South China Sea and the Korean Peninsula; Latin America.")
    assert ms == []
    ms = d.find_mentions("South Sudan and Sudan")
    assert [m.code for m in ms] == ["SSD", "SDN"]
    ms = d.find_mentions("the UN Security Council met")
    assert [(m.code, m.text) for m in ms] == [("UNSC", "UN Security Council")]


def test_role_alone_is_not_an_actor(d):
    assert d.find_mentions("Officials said the military and the police were ready.") == []
    assert code(d, "officials") is None


def test_resolve_requires_whole_string(d):
    assert code(d, "China and Japan") is None
    assert code(d, "Chinese officials said") is None
    assert code(d, "") is None and code(d, "   ") is None


def test_normalization_is_punctuation_and_case_insensitive(d):
    assert normalize_name("Kim Jong-un") == normalize_name("kim jong un")
    assert normalize_name("U.S.") == ("us",)
    assert normalize_name("Erdoğan") == ("erdogan",)
    assert code(d, "KIM JONG-UN", dt.date(2019, 1, 1)) == "PRKGOV"
    assert code(d, "Recep Tayyip Erdogan", dt.date(2019, 1, 1)) == "TURGOV"


def test_country_and_name_of(d):
    assert d.country_of("PRKMIL") == "PRK"
    assert d.country_of("USA") == "USA"
    assert d.country_of("UNSC") == "UNSC"
    assert d.name_of("PRKMIL") == "North Korea (military)"
    assert d.name_of("KOR") == "South Korea"
    assert d.name_of("UNO") == "United Nations"
    assert d.is_code("CHNGOV") and not d.is_code("ROKGOV") and not d.is_code("USAXYZ")
    with pytest.raises(UnknownActorError):
        d.country_of("ROK")
    with pytest.raises(UnknownActorError):
        d.name_of("XXXMIL")


def test_every_state_has_a_resolvable_name(d):
    from realpolitik.actors.dictionary import load_rows

    rows = load_rows("states.tsv")
    states = [r for r in rows if r["kind"] == "state"]
    assert len(states) >= 195
    for r in states:
        assert code(d, r["name"]) == r["iso3"], r["name"]


def test_from_entries_small_dictionary():
    e1 = DictionaryEntry("AAAGOV", "person", dt.date(2000, 1, 1), dt.date(2001, 1, 1), person="X")
    small = ActorDictionary.from_entries(
        [("Alpha", DictionaryEntry("AAA", "state")), ("Xavier", e1)], {"AAA": "Alpha"}
    )
    assert small.resolve("alpha").code == "AAA"
    assert small.resolve("Xavier", dt.date(2000, 6, 1)).code == "AAAGOV"
    assert small.resolve("Xavier", dt.date(2002, 6, 1)).code == "AAAELI"
    assert small.resolve("Xavier", dt.date(1999, 6, 1)) is None


_PIECES = ["China", "North Korean", "military", "officials", "Kim Jong-un", "U.S.", "President",
           "Trump", "the North", "Seoul", "said", "and", "the", ",", ".", "UN", "un", "Japan's",
           "Self-Defense Forces", "South China Sea", "of", "army", "Moon", "moon", "Xi Jinping"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25), st.dates(dt.date(1995, 1, 1),
                                                                   dt.date(2026, 12, 31)))
def test_find_mentions_spans_are_consistent_and_disjoint(pieces, on):
    d = ActorDictionary.default()
    text = " ".join(pieces)
    ms = d.find_mentions(text, on)
    last_end = -1
    for m in ms:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end and m.end > m.start
        last_end = m.end
        assert d.is_code(m.code)
        assert m.kind in ("state", "government", "agent", "person", "former_official",
                          "organisation")
    # deterministic
    assert ms == d.find_mentions(text, on)


def test_lone_surnames_inside_other_names_are_not_office_holders(d):
    on = dt.date(2018, 1, 1)

    def found(text):
        return [(m.text, m.code) for m in d.find_mentions(text, on)]

    assert found("He met Melania Trump.") == []
    assert found("Yesterday Jeb Bush said.") == []
    assert found("Trump Tower rose.") == []
    assert found("Abe Lincoln") == []
    assert found("the Blue Moon bar") == []
    assert found("When Trump met Kim, Mr. Trump smiled.") == [
        ("Trump", "USAGOV"), ("Trump", "USAGOV")
    ]
    assert found("Trump Monday said") == [("Trump", "USAGOV")]
    assert found("President Trump and Moon talked.") == [
        ("President Trump", "USAGOV"), ("Moon", "KORGOV")
    ]


def test_title_case_headline_keeps_the_surname(d):
    ms = d.find_mentions("Can Trump Peel North Korea Away From China?", dt.date(2017, 8, 15))
    assert [(m.text, m.code) for m in ms] == [
        ("Trump", "USAGOV"), ("North Korea", "PRK"), ("China", "CHN")
    ]


def test_organs_several_states_have_compose_with_their_state(d):
    def found(text):
        return [(m.text, m.code) for m in d.find_mentions(text, dt.date(2017, 8, 15))]

    assert found("South Korea's Joint Chiefs of Staff said") == [
        ("South Korea's Joint Chiefs of Staff", "KORMIL")
    ]
    assert found("Russia's Security Council met") == [("Russia's Security Council", "RUSGOV")]
    assert found("the Security Council voted") == [("Security Council", "UNSC")]
    assert found("the US National Security Council") == [
        ("US National Security Council", "USAGOV")
    ]
    assert found("officials of the Joint Chiefs of Staff") == []


def test_capitals_compose_with_roles(d):
    def found(text):
        return [(m.text, m.code) for m in d.find_mentions(text, dt.date(2018, 1, 1))]

    assert found("Pyongyang's military fired") == [("Pyongyang's military", "PRKMIL")]
    assert found("Pyongyang's state media") == [("Pyongyang's state media", "PRKMED")]
    assert found("Beijing officials") == [("Beijing officials", "CHNGOV")]
    assert found("Washington and Pyongyang") == [("Washington", "USAGOV"), ("Pyongyang", "PRKGOV")]


def test_modifiers_and_coordinated_demonyms(d):
    def found(text):
        return [(m.text, m.code) for m in d.find_mentions(text, dt.date(2018, 1, 1))]

    assert found("Senior Hungarian and Romanian officials agreed") == [
        ("Hungarian", "HUNGOV"), ("Romanian officials", "ROUGOV")
    ]
    assert found("China and Japanese officials") == [
        ("China", "CHN"), ("Japanese officials", "JPNGOV")
    ]
    assert found("Lebanon's new President Elias Hrawi") == [("Lebanon's new President", "LBNGOV")]
    assert found("Chinese top officials") == [("Chinese top officials", "CHNGOV")]
