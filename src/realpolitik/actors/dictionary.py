"""The actor dictionary: names, demonyms, capitals, phrases and office-holders to actor codes.

:class:`ActorDictionary` loads the packaged tables in ``realpolitik/data/actors/`` (their
sources are stated in each file's header and in the README beside them) and offers

* :meth:`ActorDictionary.resolve` -- a whole string to one :class:`ActorMatch` or None;
* :meth:`ActorDictionary.find_mentions` -- every actor mention in a text, longest
  non-overlapping matches first, with character offsets;
* :meth:`ActorDictionary.country_of` / :meth:`ActorDictionary.name_of` -- code helpers.

Matching works on normalised tokens: case-folded, accents stripped, punctuation and hyphens
ignored ("Kim Jong-un" = "Kim Jong Un"), dotted abbreviations joined ("U.S." = "US"). Short
acronyms and surnames that are also common words ("US", "UN", "Moon", "Abe") match only with
their exact capitalisation.

Mentions compose: a state (name or demonym) followed by a role noun gives the state's agent
code ("North Korean military" -> ``PRKMIL``, "Chinese officials" -> ``CHNGOV``); a role noun
followed by "of" and a state does the same ("the army of Japan" -> ``JPNMIL``); a state and/or
a title followed by an office-holder gives the office-holder's code over the whole span
("Chinese President Xi Jinping" -> ``CHNGOV``). A role noun or title alone is not a mention.

Office-holders are chosen by date: a person's name resolves to the code of the office they held
on ``on`` (tenure start and end both inclusive); after their last tenure it resolves to their
state's ``ELI`` code (elites, which CAMEO uses for former officials), so "Trump" on 2022-06-01
is ``USAELI``; before their first tenure it resolves to None. Without a date, the most recent
tenure is used.

Context-dependent phrases: "the North" and "the South" resolve to ``PRK`` and ``KOR`` only in
a Korean context -- when the text (for :meth:`find_mentions`) or the ``context`` argument (for
:meth:`resolve`) mentions Korea, Pyongyang, Seoul, the DPRK or the peninsula; otherwise they
are not mentions at all, since the same words denote other regions elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType

from realpolitik.actors.codes import AGENT_CODES, split_code
from realpolitik.errors import InputError, UnknownActorError

__all__ = [
    "ActorMatch",
    "ActorDictionary",
    "DictionaryEntry",
    "KINDS",
    "normalize_name",
    "load_rows",
]

#: Kinds an :class:`ActorMatch` can have.
KINDS: tuple[str, ...] = (
    "state",            # a state or territory by name or demonym -> ISO3
    "government",       # a capital, building or phrase standing for a government -> ISO3GOV
    "agent",            # state + role noun -> ISO3 + agent suffix (also media outlets etc.)
    "person",           # an office-holder in office on the date
    "former_official",  # an office-holder after their tenure -> ISO3ELI
    "organisation",     # an international organisation -> its code
)  # fmt: skip

_DATA = "actors"
_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W_]+", re.UNICODE)
_KOREA_CUES = frozenset(
    {"korea", "korean", "koreas", "pyongyang", "seoul", "dprk", "rok", "peninsula",
     "panmunjom", "kaesong", "kim"}
)  # fmt: skip
_POSSESSIVE = frozenset({"s"})
#: Words allowed between a state and a role or title ("Lebanon's new President").
_MODIFIERS = frozenset(
    {"new", "top", "senior", "acting", "interim", "deputy", "vice", "chief", "outgoing",
     "incoming", "current", "then", "high", "ranking", "junior", "veteran", "powerful"}
)  # fmt: skip
_COORDINATORS = frozenset({"and", "or"})
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame", "madam", "lord", "gen", "adm"})
_CALENDAR = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
     "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
     "oct", "nov", "dec"}
)  # fmt: skip
_SENTENCE_GAP = re.compile(r"[.!?\n:;\"\u201c\u201d(]")
_CONNECTORS = frozenset({"of"})
_ARTICLES = frozenset({"the"})


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """An actor mention: its code, character span in the text, surface text and kind.

    Attributes
    ----------
    code
        Actor code (``"PRKMIL"``, ``"USAGOV"``, ``"UNO"``).
    start, end
        Character offsets: ``text == source_text[start:end]``.
    text
        The surface string matched.
    kind
        One of :data:`KINDS`.
    """

    code: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One name -> code candidate in the dictionary.

    Attributes
    ----------
    code
        Actor code, or an agent suffix for ``kind == "role"``.
    kind
        A match kind (see :data:`KINDS`), or ``"role"``, ``"title"`` or ``"stop"`` (a phrase
        that is consumed but yields no actor, e.g. "Korean Peninsula").
    start, end
        Validity dates (inclusive); None = open.
    exact
        The exact-case token sequence required, or None for case-insensitive matching.
    context
        ``"korea"`` when the entry needs a Korean context, else None.
    person
        The office-holder's canonical name (persons only).
    demonym
        True for a state's adjective ("Hungarian"), which can modify a coordinated role noun
        ("Hungarian and Romanian officials").
    """

    code: str
    kind: str
    start: dt.date | None = None
    end: dt.date | None = None
    exact: tuple[str, ...] | None = None
    context: str | None = None
    person: str | None = None
    demonym: bool = False

    def valid_on(self, on: dt.date) -> bool:
        """Whether the entry is valid on ``on`` (open bounds always are)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True, slots=True)
class _Tok:
    norm: str
    raw: str
    start: int
    end: int
    initial: bool = False  # first token of the text or of a sentence/clause


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_end = 0
    for m in _TOKEN_RE.finditer(text):
        raw = m.group(0).replace(".", "")
        initial = not toks or _SENTENCE_GAP.search(text, prev_end, m.start()) is not None
        toks.append(_Tok(_fold(raw), raw, m.start(), m.end(), initial))
        prev_end = m.end()
    return toks


def normalize_name(name: str) -> tuple[str, ...]:
    """The token key a name is indexed and looked up under.

    Parameters
    ----------
    name
        Any name or phrase.

    Returns
    -------
    tuple of str
        Case-folded, accent-free tokens; punctuation and hyphens split tokens, dotted
        abbreviations are joined (``"U.S."`` -> ``("us",)``).
    """
    return tuple(t.norm for t in _tokenize(name))


def _date(value: str, *, file: str, line: int, field: str) -> dt.date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"expected a date YYYY-MM-DD or empty, got {value!r}", file=file, field=field, line=line
        ) from None


def _read_tsv(name: str) -> Iterator[tuple[int, dict[str, str]]]:
    text = resources.files("realpolitik.data").joinpath(f"{_DATA}/{name}").read_text("utf-8")
    lines = text.splitlines()
    body = [(i + 1, ln) for i, ln in enumerate(lines) if ln.strip() and not ln.startswith("#")]
    if not body:
        return
    header = body[0][1].split("\t")
    for lineno, ln in body[1:]:
        cells = ln.split("\t")
        if len(cells) < len(header):
            cells += [""] * (len(header) - len(cells))
        yield lineno, dict(zip(header, (c.strip() for c in cells), strict=False))


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


class ActorDictionary:
    """Names to actor codes, with date-aware office-holders.

    Build one with :meth:`default` (the packaged tables, cached) or from entries with
    :meth:`from_entries`. Instances are immutable after construction.

    Parameters
    ----------
    entries
        ``(name, entry)`` pairs.
    bases
        Base codes (ISO3 and organisation codes) to their display names.
    organisations
        Which of ``bases`` are organisations (they take no ``ELI`` code for former officials).
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, DictionaryEntry]],
        bases: dict[str, str],
        *,
        organisations: Iterable[str] = (),
    ) -> None:
        index: dict[tuple[str, ...], list[DictionaryEntry]] = {}
        for name, entry in entries:
            key = normalize_name(name)
            if not key:
                continue
            bucket = index.setdefault(key, [])
            if entry not in bucket:
                bucket.append(entry)
        self._index = {k: tuple(v) for k, v in index.items()}
        self._maxlen = max((len(k) for k in self._index), default=1)
        lengths: dict[str, set[int]] = {}
        for k in self._index:
            lengths.setdefault(k[0], set()).add(len(k))
        # first token -> the key lengths that start with it, longest first
        self._lengths = {t: tuple(sorted(ls, reverse=True)) for t, ls in lengths.items()}
        self._bases = MappingProxyType(dict(bases))
        self._base_set = frozenset(bases)
        self._orgs = frozenset(organisations)

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_entries(
        cls,
        entries: Iterable[tuple[str, DictionaryEntry]],
        bases: dict[str, str],
        *,
        organisations: Iterable[str] = (),
    ) -> ActorDictionary:
        """Build a dictionary from explicit entries (for tests and extensions).

        Parameters
        ----------
        entries
            ``(name, entry)`` pairs.
        bases
            Base code -> display name.
        organisations
            Which bases are organisations.

        Returns
        -------
        ActorDictionary
            The dictionary.
        """
        return cls(entries, bases, organisations=organisations)

    @classmethod
    def default(cls) -> ActorDictionary:
        """The dictionary built from the packaged tables (loaded once, then cached).

        Returns
        -------
        ActorDictionary
            The shared default instance.
        """
        return _default_dictionary()

    # ------------------------------------------------------------------ lookups
    def __len__(self) -> int:
        return sum(len(v) for v in self._index.values())

    def entries_for(self, name: str) -> tuple[DictionaryEntry, ...]:
        """All entries indexed under ``name`` (normalised), unfiltered.

        Parameters
        ----------
        name
            A name or phrase.

        Returns
        -------
        tuple of DictionaryEntry
            Possibly empty.
        """
        return self._index.get(normalize_name(name), ())

    def resolve(
        self, name: str, on: dt.date | None = None, *, context: str | None = None
    ) -> ActorMatch | None:
        """Resolve a whole string to one actor.

        Parameters
        ----------
        name
            The string, e.g. ``"Kim Jong Un"``, ``"the Kremlin"``, ``"North Korean military"``.
            Case and punctuation do not matter (except for the exact-case acronyms and
            surnames); a leading "the" is optional.
        on
            Document date for choosing office-holders; None uses each person's latest tenure.
        context
            Surrounding text, consulted only by context-dependent phrases ("the North").

        Returns
        -------
        ActorMatch or None
            The match spanning the whole string (offsets into ``name``), or None when the
            string is not exactly one known actor.
        """
        toks = _tokenize(name)
        if not toks:
            return None
        korea = self._korean_context(toks) or (
            context is not None and self._korean_context(_tokenize(context))
        )
        matches = self._scan(name, toks, on, korea)
        if len(matches) != 1:
            return None
        m = matches[0]
        body = list(toks)
        if len(body) > 1 and body[0].norm in _ARTICLES:
            body = body[1:]
        while len(body) > 1 and body[-1].norm in _POSSESSIVE:
            body = body[:-1]
        if m.start > body[0].start or m.end < body[-1].end:
            return None
        return m

    def find_mentions(self, text: str, on: dt.date | None = None) -> list[ActorMatch]:
        """Every actor mention in ``text``: longest non-overlapping matches, left to right.

        Parameters
        ----------
        text
            Any text.
        on
            Document date for choosing office-holders.

        Returns
        -------
        list of ActorMatch
            In text order; ``text[m.start:m.end] == m.text``.
        """
        toks = _tokenize(text)
        return self._scan(text, toks, on, self._korean_context(toks))

    # ------------------------------------------------------------------ codes
    def country_of(self, code: str) -> str:
        """The state or organisation part of an actor code (``"PRKMIL"`` -> ``"PRK"``).

        Parameters
        ----------
        code
            An actor code.

        Returns
        -------
        str
            ISO3 code or organisation code.

        Raises
        ------
        UnknownActorError
            When ``code`` is not a known base code, optionally with an agent suffix.
        """
        parts = split_code(code, self._base_set) if isinstance(code, str) else None
        if parts is None:
            raise UnknownActorError(
                f"{code!r} is not an actor code (expected ISO3 + optional agent suffix such as "
                "'PRKMIL', or an organisation code such as 'UNO')",
                field="code",
            )
        return parts[0]

    def name_of(self, code: str) -> str:
        """Display name of an actor code (``"PRKMIL"`` -> ``"North Korea (military)"``).

        Parameters
        ----------
        code
            An actor code.

        Returns
        -------
        str
            The name.

        Raises
        ------
        UnknownActorError
            When ``code`` is not an actor code.
        """
        base = self.country_of(code)
        parts = split_code(code, self._base_set)
        agent = parts[1] if parts else None
        name = self._bases[base]
        return f"{name} ({AGENT_CODES[agent]})" if agent else name

    def is_code(self, code: str) -> bool:
        """Whether ``code`` is a valid actor code.

        Parameters
        ----------
        code
            Any string.

        Returns
        -------
        bool
            True for a base code, optionally with one agent suffix.
        """
        return isinstance(code, str) and split_code(code, self._base_set) is not None

    @property
    def base_codes(self) -> frozenset[str]:
        """All base codes: ISO3 state/territory codes and organisation codes."""
        return self._base_set

    @property
    def organisation_codes(self) -> frozenset[str]:
        """The base codes that are international organisations."""
        return self._orgs

    # ------------------------------------------------------------------ internals
    @staticmethod
    def _korean_context(toks: list[_Tok]) -> bool:
        return any(t.norm in _KOREA_CUES for t in toks)

    def _choose(
        self, cands: tuple[DictionaryEntry, ...], toks: list[_Tok], on: dt.date | None, korea: bool
    ) -> DictionaryEntry | None:
        ok = []
        for e in cands:
            if e.exact is not None and tuple(t.raw for t in toks) != e.exact:
                continue
            if e.context == "korea" and not korea:
                continue
            ok.append(e)
        if not ok:
            return None
        undated = [e for e in ok if e.start is None and e.end is None]
        dated = [e for e in ok if not (e.start is None and e.end is None)]
        if on is None:
            if undated:
                return undated[0]
            return max(dated, key=lambda e: (e.start or dt.date.min))
        current = [e for e in dated if e.valid_on(on)]
        if current:
            return max(current, key=lambda e: (e.start or dt.date.min))
        if undated:
            return undated[0]
        past = [e for e in dated if e.end is not None and e.end < on]
        if past and all(e.kind == "person" for e in past):
            for last in sorted(past, key=lambda e: e.end or dt.date.min, reverse=True):
                parts = split_code(last.code, self._base_set)
                if parts is not None and parts[0] not in self._orgs:
                    return DictionaryEntry(parts[0] + "ELI", "former_official", person=last.person)
        return None

    def _raw_matches(
        self, toks: list[_Tok], on: dt.date | None, korea: bool
    ) -> list[tuple[int, int, DictionaryEntry]]:
        out: list[tuple[int, int, DictionaryEntry]] = []
        i, n = 0, len(toks)
        while i < n:
            hit = self._longest_at(toks, i, on, korea)
            if hit is None:
                i += 1
                continue
            # a match starting inside this one that reaches further wins ("the South China
            # Sea": "South China Sea" beats "the South")
            for k in range(i + 1, hit[1]):
                inner = self._longest_at(toks, k, on, korea)
                if inner is not None and inner[1] > hit[1]:
                    hit = None
                    i = k
                    break
            if hit is None:
                continue
            out.append(hit)
            i = hit[1]
        return out

    def _longest_at(
        self, toks: list[_Tok], i: int, on: dt.date | None, korea: bool
    ) -> tuple[int, int, DictionaryEntry] | None:
        lengths = self._lengths.get(toks[i].norm)
        if lengths is None:
            return None
        index = self._index
        room = len(toks) - i
        for length in lengths:
            if length > room:
                continue
            window = toks[i : i + length]
            cands = index.get(tuple(t.norm for t in window))
            if cands is None:
                continue
            entry = self._choose(cands, window, on, korea)
            if entry is not None:
                if length == 1 and any(c.exact is not None and c.kind == "person" for c in cands):
                    if not self._lone_surname_ok(toks, i):
                        continue
                return (i, i + length, entry)
        return None

    def _lone_surname_ok(self, toks: list[_Tok], i: int) -> bool:
        """A surname alone ("Trump", "Bush", "Abe") must not be part of another name.

        Rejected when a capitalised word that is not sentence-initial and not a known title,
        state or honorific stands right before it ("... Jeb Bush", "... Melania Trump"), or a
        capitalised word that is not a weekday or month follows it ("Trump Tower", "Abe
        Lincoln") -- unless the word after that is capitalised too (a title-case headline). A
        given name at the very start of a sentence is not caught.
        """
        tok = toks[i]
        if i > 0 and not tok.initial:
            prev = toks[i - 1]
            if (
                prev.raw[:1].isupper()
                and not prev.initial  # "When Trump ...": capitalised only as sentence start
                and prev.norm not in _HONORIFICS
                and (prev.norm,) not in self._index
            ):
                return False
        if i + 1 < len(toks):
            nxt = toks[i + 1]
            if (
                not nxt.initial
                and nxt.start == tok.end + 1
                and nxt.raw[:1].isupper()
                and nxt.norm not in _CALENDAR
                and (nxt.norm,) not in self._index
            ):
                # in a title-case headline ("Can Trump Peel North Korea Away") the next word
                # is capitalised too; only a lower-case word after it marks a name
                after = toks[i + 2] if i + 2 < len(toks) else None
                if after is None or not after.raw[:1].isupper() or after.initial:
                    return False
        return True

    def _scan(
        self, text: str, toks: list[_Tok], on: dt.date | None, korea: bool
    ) -> list[ActorMatch]:
        raw = self._raw_matches(toks, on, korea)
        result: list[ActorMatch] = []
        k = 0
        while k < len(raw):
            i, j, e = raw[k]
            consumed = 1
            code, kind, end_tok = e.code, e.kind, j
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            nxt2 = raw[k + 2] if k + 2 < len(raw) else None

            def adjacent(a_end: int, b_start: int) -> bool:
                gap = toks[a_end:b_start]
                return all(t.norm in _POSSESSIVE for t in gap)

            def near(a_end: int, b_start: int) -> bool:
                # adjacent, or separated only by a possessive and up to two modifiers
                gap = [t for t in toks[a_end:b_start] if t.norm not in _POSSESSIVE]
                return len(gap) <= 2 and all(t.norm in _MODIFIERS for t in gap)

            capital = e.kind == "government" and len(e.code) == 6 and e.code.endswith("GOV")
            if e.kind == "state" or capital:
                # a state, or a capital standing for its government ("Pyongyang's military")
                base = e.code[:3] if capital else e.code
                if (
                    e.demonym
                    and nxt is not None
                    and nxt2 is not None
                    and nxt[2].kind == "state"
                    and len(toks[j : nxt[0]]) == 1
                    and toks[j].norm in _COORDINATORS
                    and nxt2[2].kind in ("role", "title")
                    and near(nxt[1], nxt2[0])
                ):
                    # "Hungarian and Romanian officials": the role distributes over both
                    code, kind = base + nxt2[2].code, "agent"
                # state [title] person  -> person's code
                elif (
                    nxt is not None
                    and nxt[2].kind in ("role", "title")
                    and near(j, nxt[0])
                    and nxt2 is not None
                    and nxt2[2].kind in ("person", "former_official")
                    and adjacent(nxt[1], nxt2[0])
                    and self._same_country(nxt2[2].code, e.code)
                ):
                    code, kind, end_tok, consumed = nxt2[2].code, nxt2[2].kind, nxt2[1], 3
                elif (
                    nxt is not None
                    and nxt[2].kind in ("person", "former_official")
                    and adjacent(j, nxt[0])
                    and self._same_country(nxt[2].code, e.code)
                ):
                    code, kind, end_tok, consumed = nxt[2].code, nxt[2].kind, nxt[1], 2
                elif nxt is not None and nxt[2].kind in ("role", "title") and near(j, nxt[0]):
                    code, kind, end_tok, consumed = base + nxt[2].code, "agent", nxt[1], 2
                elif (
                    nxt is not None
                    and adjacent(j, nxt[0])
                    and (role := self._role_reading(toks[nxt[0] : nxt[1]])) is not None
                ):
                    # "Russia's Security Council": a name that is also a role noun
                    code, kind, end_tok, consumed = base + role, "agent", nxt[1], 2
                elif (
                    nxt is not None
                    and nxt[2].kind in ("agent", "government")
                    and adjacent(j, nxt[0])
                    and self._same_country(nxt[2].code, e.code)
                ):
                    # "Japan's Self-Defense Forces", "China's Xinhua"
                    code, kind, end_tok, consumed = nxt[2].code, nxt[2].kind, nxt[1], 2
            elif e.kind in ("role", "title"):
                if (
                    nxt is not None
                    and nxt[2].kind in ("person", "former_official")
                    and adjacent(j, nxt[0])
                ):
                    code, kind, end_tok, consumed = nxt[2].code, nxt[2].kind, nxt[1], 2
                elif (
                    nxt is not None
                    and nxt[2].kind == "state"
                    and all(t.norm in _CONNECTORS | _ARTICLES for t in toks[j : nxt[0]])
                    and any(t.norm in _CONNECTORS for t in toks[j : nxt[0]])
                ):
                    code, kind, end_tok, consumed = nxt[2].code + e.code, "agent", nxt[1], 2
                else:
                    k += 1
                    continue  # a role noun alone is not an actor
            elif e.kind == "organisation":
                if nxt is not None and nxt[2].kind in ("role", "title") and adjacent(j, nxt[0]):
                    end_tok, consumed = nxt[1], 2
            elif e.kind == "stop":
                k += 1
                continue
            s, t = toks[i].start, toks[end_tok - 1].end
            result.append(ActorMatch(code, s, t, text[s:t], kind))
            k += consumed
        return result

    def _role_reading(self, window: list[_Tok]) -> str | None:
        """The agent code of a role-noun entry under the same words, if there is one."""
        for e in self._index.get(tuple(t.norm for t in window), ()):
            if e.kind in ("role", "title") and (
                e.exact is None or tuple(t.raw for t in window) == e.exact
            ):
                return e.code
        return None

    def _same_country(self, code_a: str, code_b: str) -> bool:
        a = split_code(code_a, self._base_set)
        b = split_code(code_b, self._base_set)
        return a is not None and b is not None and a[0] == b[0]


# ---------------------------------------------------------------------- loading


def _load_entries() -> tuple[list[tuple[str, DictionaryEntry]], dict[str, str], frozenset[str]]:
    bases: dict[str, str] = {}
    orgs: set[str] = set()
    for _, r in _read_tsv("states.tsv"):
        bases[r["iso3"]] = r["name"]
    for _, r in _read_tsv("organisations.tsv"):
        bases[r["code"]] = r["name"]
        orgs.add(r["code"])
    known = frozenset(bases)

    # Order matters only among undated entries under the same name: the first wins, so
    # phrases (e.g. "Guam" -> USA) take precedence over the generated state names.
    phrases: list[tuple[str, DictionaryEntry]] = []
    states: list[tuple[str, DictionaryEntry]] = []
    others: list[tuple[str, DictionaryEntry]] = []

    def add(target: list[tuple[str, DictionaryEntry]], term: str, entry: DictionaryEntry) -> None:
        # a leading '=' marks an exact-case term ("=US", "=Moon")
        if term.startswith("="):
            term = term[1:]
            entry = DictionaryEntry(
                entry.code, entry.kind, entry.start, entry.end,
                tuple(t.raw for t in _tokenize(term)), entry.context, entry.person,
                entry.demonym,
            )  # fmt: skip
        target.append((term, entry))

    for _, r in _read_tsv("states.tsv"):
        st = DictionaryEntry(r["iso3"], "state")
        add(states, r["name"], st)
        add(states, r["official_name"], st)
    for lineno, r in _read_tsv("state_terms.tsv"):
        iso3 = r["iso3"]
        if iso3 not in bases:
            raise InputError(
                f"unknown ISO3 code {iso3!r}", file="state_terms.tsv", field="iso3", line=lineno
            )
        st = DictionaryEntry(iso3, "state")
        gov = DictionaryEntry(iso3 + "GOV", "government")
        for term in _split(r["aliases"]):
            add(states, term, st)
        adj = DictionaryEntry(iso3, "state", demonym=True)
        for term in _split(r["demonyms"]):
            add(states, term, adj)
        for term in _split(r["capitals"]):
            add(states, term, gov)
    for _, r in _read_tsv("organisations.tsv"):
        org = DictionaryEntry(r["code"], "organisation")
        add(others, r["name"], org)
        for term in _split(r["aliases"]):
            add(others, term, org)
    for lineno, r in _read_tsv("roles.tsv"):
        agent, kind = r["agent"], r.get("kind") or "role"
        if agent not in AGENT_CODES:
            raise InputError(
                f"unknown agent code {agent!r}", file="roles.tsv", field="agent", line=lineno
            )
        if kind not in ("role", "title"):
            raise InputError(
                f"kind must be 'role' or 'title', got {kind!r}",
                file="roles.tsv", field="kind", line=lineno,
            )  # fmt: skip
        for term in _split(r["terms"]):
            add(others, term, DictionaryEntry(agent, kind))
    for lineno, r in _read_tsv("phrases.tsv"):
        code, kind = r["code"], r["kind"]
        if kind not in KINDS and kind != "stop":
            raise InputError(
                f"unknown kind {kind!r}", file="phrases.tsv", field="kind", line=lineno
            )
        if kind != "stop" and split_code(code, known) is None:
            raise InputError(
                f"unknown actor code {code!r}", file="phrases.tsv", field="code", line=lineno
            )
        e = DictionaryEntry(
            code if kind != "stop" else "",
            kind,
            _date(r["start"], file="phrases.tsv", line=lineno, field="start"),
            _date(r["end"], file="phrases.tsv", line=lineno, field="end"),
            context=r.get("context") or None,
        )
        for term in _split(r["phrase"]):
            add(phrases, term, e)
    for lineno, r in _read_tsv("officeholders.tsv"):
        code = r["code"]
        if split_code(code, known) is None:
            raise InputError(
                f"unknown actor code {code!r}", file="officeholders.tsv", field="code", line=lineno
            )
        start = _date(r["start"], file="officeholders.tsv", line=lineno, field="start")
        end = _date(r["end"], file="officeholders.tsv", line=lineno, field="end")
        if start is None:
            raise InputError(
                "office-holder rows need a start date",
                file="officeholders.tsv", field="start", line=lineno,
            )  # fmt: skip
        if end is not None and end < start:
            raise InputError(
                f"end {end} is before start {start}",
                file="officeholders.tsv", field="end", line=lineno,
            )  # fmt: skip
        e = DictionaryEntry(code, "person", start, end, person=r["name"])
        for term in [r["name"], *_split(r["aliases"])]:
            add(others, term, e)
    return phrases + states + others, bases, frozenset(orgs)


@lru_cache(maxsize=1)
def _default_dictionary() -> ActorDictionary:
    entries, bases, orgs = _load_entries()
    return ActorDictionary(entries, bases, organisations=orgs)


def load_rows(name: str) -> list[dict[str, str]]:
    """Rows of one packaged actor table (for inspection and tests).

    Parameters
    ----------
    name
        File name in ``data/actors/`` (``"officeholders.tsv"``).

    Returns
    -------
    list of dict
        The rows, header keys to stripped cell strings.
    """
    return [r for _, r in _read_tsv(name)]
