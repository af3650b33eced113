"""Verb patterns: from a parsed verb to a CAMEO event code.

A rule tests the verb's lemma, particle, preposition, object and complement.

The patterns live in ``realpolitik/data/coder/patterns*.yaml`` (one mapping ``code -> rules``
per file; the syntax is documented at the top of ``patterns.yaml``). They were written for
realpolitik from the category definitions of the CAMEO codebook. Matching picks the most
specific rule whose conditions all hold; ties go to the more detailed (longer) code, then to the
rule that comes first in the file.

References
----------
Schrodt, P. A. (2012). *CAMEO Conflict and Mediation Event Observations Event and Actor
Codebook*, version 1.1b3, Event Data Project, Pennsylvania State University, ch. 2
(the code definitions the rules were written from).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import InputError

__all__ = ["Rule", "PatternMatch", "PatternSet", "verb_features", "VerbFeatures", "parse_rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern: a CAMEO code and the conditions on a verb.

    Attributes
    ----------
    code
        CAMEO code the rule assigns.
    lemmas
        Verb lemmas that trigger the rule.
    particles, preps, objects, complements
        Optional condition sets (``None`` means "no condition").
    order
        Position in the pattern files (for tie-breaking).
    text
        The rule as written.
    """

    code: str
    lemmas: frozenset[str]
    particles: frozenset[str] | None = None
    preps: frozenset[str] | None = None
    objects: frozenset[str] | None = None
    complements: frozenset[str] | None = None
    order: int = 0
    text: str = ""

    @property
    def specificity(self) -> int:
        """Number of conditions beyond the lemma."""
        return sum(
            c is not None for c in (self.particles, self.preps, self.objects, self.complements)
        )


@dataclass(frozen=True, slots=True)
class VerbFeatures:
    """What the patterns look at on one verb token."""

    lemma: str
    particles: frozenset[str]
    preps: frozenset[str]
    objects: frozenset[str]
    complements: frozenset[str]
    complement_tokens: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """A matched rule on a verb.

    Attributes
    ----------
    code
        CAMEO code.
    rule
        The rule that matched.
    consumed
        Token indices of complement verbs the rule used (not coded again on their own).
    """

    code: str
    rule: Rule
    consumed: tuple[int, ...] = field(default_factory=tuple)


def _alts(s: str) -> frozenset[str]:
    return frozenset(a.strip().lower() for a in s.split("|") if a.strip())


def parse_rule(code: str, text: str, order: int = 0, source: str = "patterns") -> Rule:
    """Parse one rule written in the pattern mini-language.

    Parameters
    ----------
    code
        CAMEO code the rule assigns.
    text
        e.g. ``"threaten ~attack|strike"`` or ``"impose >sanction|embargo"``.
    order
        Position, for tie-breaking.
    source
        File name for error messages.

    Returns
    -------
    Rule
        The parsed rule.

    Raises
    ------
    InputError
        On an empty rule or an unknown marker.
    """
    tokens = str(text).split()
    if not tokens or tokens[0][0] in "@+>~":
        raise InputError(f"rule {text!r} must start with a verb lemma", file=source, field=code)
    cond: dict[str, frozenset[str]] = {}
    keys = {"@": "particles", "+": "preps", ">": "objects", "~": "complements"}
    for tok in tokens[1:]:
        key = keys.get(tok[0])
        if key is None or len(tok) < 2:
            raise InputError(
                f"rule {text!r}: token {tok!r} must start with @, +, > or ~",
                file=source,
                field=code,
            )
        cond[key] = cond.get(key, frozenset()) | _alts(tok[1:])
    return Rule(code=str(code), lemmas=_alts(tokens[0]), order=order, text=str(text), **cond)


_OBJ_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "dative"})
_NOUN_MODS = frozenset({"compound", "amod"})


def _noun_lemmas(tok: Any) -> set[str]:
    out = {tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ in _NOUN_MODS:
            out.add(c.lemma_.lower())
        elif c.dep_ == "prep" and c.lower_ == "of":
            # "dollars of aid", "a package of benefits"
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    for c in tok.conjuncts:
        out.add(c.lemma_.lower())
    return out


def verb_features(verb: Any) -> VerbFeatures:
    """Collect the features the patterns test on a spaCy verb token.

    Parameters
    ----------
    verb
        A spaCy ``Token``.

    Returns
    -------
    VerbFeatures
        Lemma; particles; prepositions; object lemmas (direct object, passive subject,
        prepositional objects and their compound/adjective modifiers); complement verb lemmas.
    """
    particles: set[str] = set()
    preps: set[str] = set()
    objects: set[str] = set()
    comps: set[str] = set()
    comp_toks: list[int] = []
    for c in verb.children:
        dep = c.dep_
        if dep == "prt":
            particles.add(c.lemma_.lower())
        elif dep in ("prep", "agent"):
            preps.add(c.lower_)
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    objects |= _noun_lemmas(g)
        elif dep in _OBJ_DEPS:
            objects |= _noun_lemmas(c)
            if dep == "dobj":
                # "urge North Korea to stop": the complement hangs off the object sometimes
                for g in c.children:
                    if g.dep_ in ("xcomp", "acl") and g.pos_ in ("VERB", "AUX"):
                        comps.add(g.lemma_.lower())
                        comp_toks.append(g.i)
        elif dep in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX", "NOUN"):
            comps.add(c.lemma_.lower())
            comp_toks.append(c.i)
            if dep == "xcomp":
                for g in c.children:
                    if g.dep_ in ("dobj", "nsubjpass"):
                        objects |= _noun_lemmas(g)
        elif dep == "acomp":
            comps.add(c.lemma_.lower())
    return VerbFeatures(
        lemma=verb.lemma_.lower(),
        particles=frozenset(particles),
        preps=frozenset(preps),
        objects=frozenset(objects),
        complements=frozenset(comps),
        complement_tokens=tuple(comp_toks),
    )


class PatternSet:
    """An indexed set of verb rules.

    Parameters
    ----------
    rules
        The rules, in file order.
    """

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules: tuple[Rule, ...] = tuple(rules)
        index: dict[str, list[Rule]] = {}
        for r in self.rules:
            for lem in r.lemmas:
                index.setdefault(lem, []).append(r)
        for lst in index.values():
            lst.sort(key=lambda r: (-r.specificity, -len(r.code), r.order))
        self._index = index

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def lemmas(self) -> frozenset[str]:
        """Every verb lemma some rule triggers on."""
        return frozenset(self._index)

    @classmethod
    def from_yaml(cls, paths: Iterable[str | Path]) -> PatternSet:
        """Load rules from YAML files (mapping ``code -> list of rules``).

        Parameters
        ----------
        paths
            The files, read in order.

        Returns
        -------
        PatternSet
            The rules.

        Raises
        ------
        InputError
            If a file is not a mapping of code to a list of rule strings.
        """
        rules: list[Rule] = []
        for path in paths:
            p = Path(path)
            data = yaml.safe_load(p.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise InputError("expected a mapping of CAMEO code to rules", file=str(p))
            for code, items in data.items():
                if not isinstance(items, list):
                    raise InputError("expected a list of rules", file=str(p), field=str(code))
                for item in items:
                    rules.append(parse_rule(str(code), item, order=len(rules), source=str(p)))
        return cls(rules)

    @classmethod
    def default(cls) -> PatternSet:
        """The packaged patterns (``realpolitik/data/coder/patterns*.yaml``)."""
        base = resources.files("realpolitik.data") / "coder"
        files = sorted(
            str(f)
            for f in base.iterdir()
            if f.name.startswith("patterns") and f.name.endswith(".yaml")
        )
        return cls.from_yaml(files)

    def match_features(self, f: VerbFeatures) -> Rule | None:
        """The best rule for the given verb features, or ``None``."""
        for r in self._index.get(f.lemma, ()):
            if r.particles is not None and not (r.particles & f.particles):
                continue
            if r.preps is not None and not (r.preps & f.preps):
                continue
            if r.objects is not None and not (r.objects & f.objects):
                continue
            if r.complements is not None and not (r.complements & f.complements):
                continue
            return r
        return None

    def match(self, verb: Any) -> PatternMatch | None:
        """Match a spaCy verb token.

        Parameters
        ----------
        verb
            A spaCy ``Token``.

        Returns
        -------
        PatternMatch or None
            The best rule, with the complement tokens it consumed.
        """
        if verb.lemma_.lower() not in self._index:
            return None
        f = verb_features(verb)
        rule = self.match_features(f)
        if rule is None:
            return None
        consumed = f.complement_tokens if rule.complements is not None else ()
        return PatternMatch(code=rule.code, rule=rule, consumed=consumed)
