"""Modality of a coded verb, and attribution of reported statements.

Did the event happen (``actual``), is it announced (``future``), supposed (``hypothetical``),
denied (``negated``) or recommended (``prescriptive``)?

The tagger reads the dependency parse around the event verb: its auxiliaries and negation, the
verb it is the complement of ("plans to", "needs to", "refused to", "is unlikely to"), a
conditional subordinator ("if", "unless", "whether") on its clause, and whether the sentence is
a question whose main clause holds the verb. Clausal complements inherit the modality of the verb
that governs them (``"would like Pyongyang to join"`` is hypothetical); adverbial and relative
clauses keep their own. When several cues apply the order of precedence is prescriptive,
hypothetical, negated, future.

It also finds **attribution**: the speaker when the verb sits in the complement of a verb of
saying ("X said that Y attacked Z") or the sentence has "according to X".

References
----------
Saurí, R. & Pustejovsky, J. (2009). FactBank: a corpus annotated with event factuality.
*Language Resources and Evaluation* 43(3), 227-268 (the factuality distinctions — certain,
possible, counterfactual/negated, future — that the five tags coarsen; Table 2).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["ModalityTag", "tag_modality", "speech_head", "SPEECH_VERBS", "PRECEDENCE"]

#: Order of precedence when several cues apply.
PRECEDENCE: tuple[str, ...] = ("prescriptive", "hypothetical", "negated", "future", "actual")

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
_HYPO_AUX = frozenset({"would", "could", "might", "may", "can", "ca", "'d"})
_PRESC_AUX = frozenset({"should", "must", "ought"})

#: Heads of an open complement ("X plans to Y") and the tag they give Y.
_XCOMP_HEADS: dict[str, str] = {
    **{w: "future" for w in (
        "plan", "intend", "expect", "aim", "prepare", "schedule", "vow", "pledge", "promise",
        "threaten", "offer", "agree", "decide", "propose", "set", "poise", "due", "bind",
        "ready", "willing", "likely", "eager", "determined", "about", "resolve", "warn",
    )},
    **{w: "hypothetical" for w in (
        "want", "hope", "wish", "seek", "like", "love", "consider", "unlikely", "able",
        "try", "attempt", "struggle", "mull", "could", "desire", "dream", "urge", "ask",
        "call", "invite", "encourage", "press", "push", "appeal", "request", "demand",
    )},
    **{w: "prescriptive" for w in ("need", "have", "ought", "require", "oblige", "obligate")},
    **{w: "negated" for w in ("refuse", "fail", "decline", "reject", "avoid", "stop", "cease",
                             "deny", "halt", "forbid", "prevent", "ban")},
}
_MARK_HYPO = frozenset({"if", "unless", "whether", "lest", "whenever", "once"})

#: Verbs of saying, reporting and claiming (their complement is attributed to the subject).
SPEECH_VERBS: frozenset[str] = frozenset(
    "say tell announce claim report state add warn insist argue note stress suggest "
    "declare allege assert affirm reiterate confirm indicate explain write accuse believe "
    "think told charge contend maintain acknowledge admit reveal disclose learn hear".split()
)


@dataclass(frozen=True, slots=True)
class ModalityTag:
    """The modality of one verb and what decided it.

    Attributes
    ----------
    modality
        One of ``actual``, ``future``, ``hypothetical``, ``negated``, ``prescriptive``.
    cue
        The word (or ``"?"`` for a question) that decided it; empty for ``actual``.
    """

    modality: str
    cue: str = ""


def _own_cues(tok: Any) -> list[tuple[str, str]]:
    cues: list[tuple[str, str]] = []
    for c in tok.children:
        low = c.lower_
        if c.dep_ in ("aux", "auxpass"):
            if low in _FUTURE_AUX:
                cues.append(("future", low))
            elif low in _HYPO_AUX:
                cues.append(("hypothetical", low))
            elif low in _PRESC_AUX:
                cues.append(("prescriptive", low))
        elif c.dep_ == "neg":
            cues.append(("negated", low))
        elif c.dep_ == "mark" and low in _MARK_HYPO:
            cues.append(("hypothetical", low))
        elif c.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children
        ) and any(a.lower_ in ("would", "could", "might") for a in tok.children):
            cues.append(("hypothetical", "if"))
    return cues


def _is_main_clause(tok: Any) -> bool:
    t = tok
    while t.dep_ != "ROOT":
        if t.dep_ not in ("conj", "xcomp", "aux"):
            return False
        t = t.head
    return True


def tag_modality(verb: Any) -> ModalityTag:
    """Tag the modality of an event verb.

    Parameters
    ----------
    verb
        A spaCy ``Token`` (the verb the event was coded on).

    Returns
    -------
    ModalityTag
        The tag and its cue.
    """
    cues: list[tuple[str, str]] = []
    t = verb
    for _ in range(8):
        cues.extend(_own_cues(t))
        dep = t.dep_
        head = t.head
        if dep == "xcomp" or (dep in ("ccomp", "advcl") and head.lemma_.lower() in ("need",)):
            lem = head.lemma_.lower()
            if lem == "go" and head.tag_ == "VBG":
                cues.append(("future", "going to"))
            elif lem in _XCOMP_HEADS:
                cues.append((_XCOMP_HEADS[lem], lem))
            if head.pos_ == "AUX" or head.lemma_ == "be":
                pass
            t = head
            continue
        if dep == "acomp" or (dep == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux") for c in t.children
        )):
            t = head
            continue
        if dep in ("ccomp",) and head.lemma_.lower() not in SPEECH_VERBS:
            # "It is possible that ...", "hopes that ..." — complements of non-speech verbs
            lem = head.lemma_.lower()
            if lem in _XCOMP_HEADS:
                cues.append((_XCOMP_HEADS[lem], lem))
            t = head
            continue
        break
    i = verb.i
    doc_ = verb.doc
    if i >= 2 and doc_[i - 1].lower_ == "to" and not (verb.dep_ == "xcomp"
                                                      and verb.head.i == i - 2):
        # the parser misattached "X needs to VERB": read the word before "to"
        lem = doc_[i - 2].lemma_.lower()
        if lem in _XCOMP_HEADS and lem not in ("call", "set"):
            cues.append((_XCOMP_HEADS[lem], lem))
    if not cues and verb.tag_ in ("VBZ", "VBP") and verb.dep_ in ("advcl", "relcl", "acl"):
        # present tense in a temporal/conditional clause under a modal verb:
        # "relations could evolve ... the second the administration offers ..."
        a = verb.head
        for _ in range(4):
            if a.pos_ in ("VERB", "AUX"):
                inherited = [c for c in _own_cues(a) if c[0] in ("future", "hypothetical")]
                if inherited:
                    cues.extend(inherited)
                    break
            if a.head is a:
                break
            a = a.head
    doc = verb.doc
    sent = verb.sent
    if sent.text.rstrip().rstrip("\"'”’)").endswith("?") and _is_main_clause(verb):
        cues.append(("hypothetical", "?"))
    del doc
    if not cues:
        return ModalityTag("actual")
    best = min(cues, key=lambda c: PRECEDENCE.index(c[0]))
    return ModalityTag(best[0], best[1])


def speech_head(verb: Any) -> Any | None:
    """The verb of saying whose complement holds ``verb``, if any.

    Parameters
    ----------
    verb
        A spaCy ``Token``.

    Returns
    -------
    Token or None
        e.g. ``said`` for ``attacked`` in "X said that Y attacked Z".
    """
    t = verb
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return t.head
        if t.dep_ in ("conj", "xcomp", "ccomp", "advcl") and t.head is not t:
            t = t.head
            continue
        break
    # "..., Y attacked Z, X said": the speech verb is a child of the event verb
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis") and c.lemma_.lower() in SPEECH_VERBS and c.i > verb.i:
            return c
    return None
