"""Source and target actors of an event verb, read from the dependency parse.

For an event verb the **source** is its subject (``nsubj``); for a passive verb the agent
(``by ...``). A verb without its own subject borrows it from the verb it is coordinated with
("China putting pressure ... and banning imports") or, for an open complement, from the
governing verb ("Kim threatened to strike"). A relative clause's subject is the noun it
modifies. The **target** is the first actor among: the direct object, the indirect object, the
passive subject, the objects of the prepositions that name a recipient (to, with, against, on,
at, toward, into, over, for, from, upon), the prepositional objects attached to the direct
object ("imports *from* the North", "sanctions *on* Pyongyang"), and the objects of a
complement the pattern consumed ("threatened to strike *Guam*"). Coordinated arguments give
one event per actor.

An argument noun phrase is resolved to an actor from the dictionary's mentions that overlap
it: the mention covering the head noun first, then one in its pre-modifiers ("*North Korean*
leader", "the *U.S.* territory") or in an "of" phrase. Personal pronouns and "counterpart" are
resolved against the actors mentioned so far in the document (:class:`Context`).

References
----------
de Marneffe, M.-C. & Manning, C. D. (2008). *Stanford typed dependencies manual* (the relation
labels spaCy's English parser uses: nsubj, nsubjpass, dobj, dative, prep/pobj, agent, xcomp,
ccomp, conj, relcl; sec. 2).
Schrodt, P. A. (2012). CAMEO codebook 1.1b3, ch. 1 (source = the actor initiating the action,
target = the actor it is directed at).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

__all__ = [
    "Mention",
    "ActorRef",
    "Context",
    "TokenActors",
    "sources_of",
    "targets_of",
    "TARGET_PREPS",
]

#: Prepositions whose object is the recipient of an action.
TARGET_PREPS: frozenset[str] = frozenset(
    "to with against on at toward towards into over for from upon onto".split()
)

_INNER_PREPS = frozenset({"with", "against", "toward", "towards"})
_PERSONAL = frozenset({"he", "she", "him", "her", "they", "them", "it", "its", "his", "their"})
_COUNTERPART = frozenset({"counterpart", "counterparts", "rival", "adversary", "foe"})


class Mention(Protocol):
    """What the coder needs from an actor mention (``realpolitik.actors.ActorMatch``)."""

    code: str
    start: int
    end: int
    text: str
    kind: str


@dataclass(frozen=True, slots=True)
class ActorRef:
    """A resolved argument.

    Attributes
    ----------
    code
        Actor code.
    text
        The surface words it was read from.
    via
        ``mention`` (named in the phrase), ``pronoun`` or ``counterpart`` (resolved from context).
    """

    code: str
    text: str
    via: str = "mention"


@dataclass
class Context:
    """Actors mentioned so far in a document (for pronouns and "counterpart").

    Parameters
    ----------
    country_of
        Maps an actor code to its country part (e.g. ``USAGOV -> USA``).
    size
        How many recent mentions to keep.
    """

    country_of: Any = None
    size: int = 12
    resolver: Any = None
    recent: deque[tuple[str, str, str]] = field(default_factory=deque)
    last_subject: tuple[str, str] | None = None
    text: str = ""

    _cache: dict[str, str | None] = field(default_factory=dict)
    _seen: set[str] = field(default_factory=set)

    def remember_text(self, mention_texts: Iterable[str], limit: int = 24) -> None:
        """Keep the names of the states and organisations the document has mentioned so far.

        They are the context in which phrases such as "the North" are resolved.
        """
        for t in mention_texts:
            if t not in self._seen and len(self._seen) < limit:
                self._seen.add(t)
                self.text = f"{self.text} {t}".strip()
                # a richer context can only resolve more: forget the failures
                self._cache = {k: v for k, v in self._cache.items() if v is not None}

    def lookup(self, phrase: str) -> str | None:
        """Resolve a whole phrase with the dictionary in this document's context (cached)."""
        if self.resolver is None:
            return None
        if phrase not in self._cache:
            m = self.resolver(phrase, None)
            if m is None and self.text:
                m = self.resolver(phrase, self.text)
            self._cache[phrase] = None if m is None else str(m.code)
        return self._cache[phrase]

    def by_surname(self, word: str) -> tuple[str, str] | None:
        """A recent mention whose words include ``word`` ("Kim" -> "Kim Jong Un")."""
        w = word.lower()
        for c, t, _k in reversed(self.recent):
            if w in {x.strip(".,'’").lower() for x in t.replace("-", " ").split()[1:]} or (
                len(t.split()) > 1 and t.split()[0].lower() == w
            ):
                return c, t
        return None

    def note(self, code: str, text: str, kind: str = "") -> None:
        """Remember a mention (most recent last)."""
        self.recent.append((code, text, kind))
        while len(self.recent) > self.size:
            self.recent.popleft()

    def country(self, code: str) -> str:
        """The country part of a code."""
        if self.country_of is None:
            return code[:3]
        try:
            return str(self.country_of(code))
        except Exception:  # noqa: BLE001 - unknown codes keep their first three letters
            return code[:3]

    def other_than(self, code: str) -> tuple[str, str] | None:
        """The most recent mention of a different country than ``code``."""
        mine = self.country(code)
        for c, t, _k in reversed(self.recent):
            if self.country(c) != mine:
                return c, t
        return None


class TokenActors:
    """Actor mentions of one sentence, indexed by token.

    Parameters
    ----------
    sent
        The spaCy ``Span``.
    mentions
        Mentions with character offsets relative to ``sent.doc.text``.
    """

    def __init__(self, sent: Any, mentions: list[Any]) -> None:
        self.sent = sent
        self.by_token: dict[int, Any] = {}
        for m in mentions:
            for tok in sent:
                if tok.idx < m.end and tok.idx + len(tok.text) > m.start:
                    self.by_token.setdefault(tok.i, m)
        self.mentions = mentions

    def for_phrase(self, head: Any) -> Any | None:
        """The mention naming the noun phrase headed by ``head``, if any."""
        m = self.by_token.get(head.i)
        if m is not None:
            return m
        for c in head.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod", "appos") and c.i < head.i + 6:
                for t in c.subtree:
                    m = self.by_token.get(t.i)
                    if m is not None:
                        return m
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        m = self.by_token.get(g.i)
                        if m is not None:
                            return m
                        for gc in g.children:
                            if gc.dep_ in ("compound", "amod"):
                                m = self.by_token.get(gc.i)
                                if m is not None:
                                    return m
        for c in head.children:
            if c.dep_ == "appos":
                m = self.by_token.get(c.i)
                if m is not None:
                    return m
        return None

    def resolve(
        self, head: Any, ctx: Context | None, subject: ActorRef | None = None
    ) -> ActorRef | None:
        """Resolve an argument head to an actor.

        Parameters
        ----------
        head
            Head token of the argument.
        ctx
            Document context for pronouns and "counterpart".
        subject
            The already-resolved source (a "counterpart" is someone of another country).

        Returns
        -------
        ActorRef or None
            The actor, or ``None`` when nothing in the phrase names one.
        """
        low = head.lower_
        m = self.for_phrase(head)
        if m is not None:  # "his counterpart, Italian President Sergio Mattarella"
            return ActorRef(m.code, m.text)
        if low in _COUNTERPART and ctx is not None:
            ref = subject.code if subject else None
            if ref is not None:
                other = ctx.other_than(ref)
                if other is not None:
                    return ActorRef(other[0], head.text, "counterpart")
            return None
        if ctx is None:
            return None
        if head.pos_ == "PRON" and low in _PERSONAL:
            return self._pronoun(head, ctx)
        if head.pos_ == "PROPN":
            phrase = " ".join(t.text for t in head.subtree
                              if t.i <= head.i and t.dep_ in ("compound", "det") or t is head)
            code = ctx.lookup(phrase) or ctx.lookup(f"the {phrase}")
            if code is not None:
                return ActorRef(code, phrase, "context")
            prev = ctx.by_surname(head.text)
            if prev is not None:
                return ActorRef(prev[0], head.text, "coreference")
        return None

    def _pronoun(self, head: Any, ctx: Context) -> ActorRef | None:
        # 1. the subject of a governing clause ("Kim ... has vacuumed ... when he threatened")
        t = head.head
        for _ in range(6):
            if t.dep_ == "ROOT" or t.head is t:
                break
            t = t.head
            for c in t.children:
                if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i and c.pos_ != "PRON":
                    ref = self.resolve(c, ctx)
                    if ref is not None:
                        return ActorRef(ref.code, head.text, "pronoun")
        # 2. the nearest earlier subject-like mention in the sentence
        for tok in reversed(list(self.sent)[: head.i - self.sent.start]):
            mm = self.by_token.get(tok.i)
            if mm is not None and tok.dep_ in ("nsubj", "nsubjpass"):
                return ActorRef(mm.code, head.text, "pronoun")
        # 3. the previous sentence's subject
        if ctx.last_subject is not None:
            return ActorRef(ctx.last_subject[0], head.text, "pronoun")
        return None


def _expand(tok: Any) -> list[Any]:
    return [tok, *tok.conjuncts]


def _subject_heads(verb: Any) -> tuple[list[Any], bool]:
    """Subject heads of ``verb`` (borrowed from governing verbs if needed) and passivity."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    t = verb
    for _ in range(5):
        if passive:
            for c in t.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return _expand(objs[0]), True
            return [], True
        subs = [c for c in t.children if c.dep_ in ("nsubj", "csubj", "expl")]
        subs = [c for c in subs if c.dep_ != "expl"]
        if subs:
            return _expand(subs[0]), passive
        if t.dep_ == "relcl":
            return _expand(t.head), passive
        if t.dep_ == "acl" and t.head.dep_ in ("dobj", "pobj", "attr"):
            # "X reached a consensus to exchange ...": the subject of the noun's verb
            noun = t.head
            t = noun.head.head if noun.dep_ == "pobj" else noun.head
            continue
        if t.dep_ == "xcomp":
            head = t.head
            # object control: "urged Pyongyang to stop" -> Pyongyang
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in ("urge", "ask", "tell", "force", "persuade",
                                                   "order", "invite", "encourage", "allow",
                                                   "help", "press", "push", "like", "want"):
                return _expand(objs[0]), passive
            t = head
            continue
        if t.dep_ in ("conj", "advcl", "pcomp") and t.head is not t:
            if (t.dep_ == "advcl" and t.tag_ != "VBG"
                    and not any(c.dep_ == "mark" for c in t.children)):
                return [], passive
            t = t.head
            continue
        break
    return [], passive


def sources_of(verb: Any, actors: TokenActors, ctx: Context | None) -> list[ActorRef]:
    """Resolved source actors of an event verb (see the module docstring)."""
    heads, _passive = _subject_heads(verb)
    out: list[ActorRef] = []
    for h in heads:
        ref = actors.resolve(h, ctx)
        if ref is not None and ref not in out:
            out.append(ref)
    return out


def _target_heads(verb: Any, consumed: tuple[int, ...]) -> list[Any]:
    heads: list[Any] = []
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    first: list[Any] = []
    later: list[Any] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj") or (passive and c.dep_ == "nsubjpass"):
            first.extend(_expand(c))
    inner: list[Any] = []
    for c in verb.children:
        if c.dep_ in ("prep",):
            for g in c.children:
                if g.dep_ == "pobj":
                    if c.lower_ in TARGET_PREPS:
                        later.extend(_expand(g))
                    else:
                        inner.extend(_expand(g))
    obj_preps: list[Any] = []
    # look inside a prepositional phrase only when the verb has no object of its own
    # ("engaged in diplomacy *with* X", but not "attacked their fighters near the border with X")
    for o in first + (inner if not first else []):
        allowed = TARGET_PREPS | {"of"} if o in first else _INNER_PREPS
        for c in o.children:
            if c.dep_ == "prep" and c.lower_ in allowed:
                for g in c.children:
                    if g.dep_ == "pobj":
                        obj_preps.extend(_expand(g))
    comp: list[Any] = []
    for i in consumed:
        ctok = verb.doc[i]
        comp.extend(_target_heads(ctok, ()))
    heads = first + later + obj_preps + comp
    return heads


def targets_of(
    verb: Any,
    actors: TokenActors,
    ctx: Context | None,
    consumed: tuple[int, ...] = (),
    source: ActorRef | None = None,
) -> list[ActorRef]:
    """Resolved target actors of an event verb (see the module docstring).

    Only the first argument slot that resolves to an actor is used (with its coordinated
    members), so "praised Kim for his decision on Guam" targets Kim, not Guam.
    """
    heads = _target_heads(verb, consumed)
    for h in heads:
        ref = actors.resolve(h, ctx, subject=source)
        if ref is None:
            continue
        out = [ref]
        for c in h.conjuncts:
            r2 = actors.resolve(c, ctx, subject=source)
            if r2 is not None and r2 not in out:
                out.append(r2)
        return out
    return []
