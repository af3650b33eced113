"""Score the coder against gold-standard records, the way the Open Event Data Alliance does.

Event formats (PLOVER records, PETRARCH2 validation XML) are scored per gold event:

``n``
    number of gold events;
``correct``
    gold events for which the coder produced an event with the same (source, target, code)
    triple in the same sentence. For PLOVER records, which carry a PLOVER type and ISO3
    actor codes without CAMEO codes, the coder's CAMEO code is mapped to its PLOVER type
    through :func:`realpolitik.events.plover.cameo_to_plover`, actors are compared on their
    state part (an international organisation counts as ``IGO``), and a gold slot left empty
    (no target) matches anything;
``uncoded``
    gold events whose sentence received no event at all;
``extra``
    coded events that match no gold event of their sentence (exact triple);
``root_correct``
    gold events for which some event coded in the sentence has the same root category (CAMEO
    root; PLOVER type for PLOVER records), whatever its actors — the event-type accuracy is
    ``root_correct / n``.

Sentence-label formats (ConfliBERT's Phoenix 5-class task) are scored with ``n``,
``accuracy`` and ``macro_f1`` (unweighted mean of the per-class F1 over the classes present in
the gold or the predictions).

References
----------
Norris, C., Schrodt, P. A. & Beieler, J. (2017). PETRARCH2: another event coding program.
*JOSS* 2(9), 133 (the correct / uncoded / extra validation counts).
Open Event Data Alliance (2016). PLOVER gold standard records, readme sec. 3 (scoring records
on event type and actors).
Hu, Y. et al. (2022). ConfliBERT. NAACL 2022, sec. 4 (accuracy and macro-F1 on cameo_class).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from realpolitik.errors import InputError
from realpolitik.events.coder.readers import (
    GOLD_FORMATS,
    GoldRecord,
    read_confli,
    read_petrarch_xml,
    read_plover,
)

__all__ = [
    "score_events",
    "score_labels",
    "evaluate_gold",
    "heldout_rows",
    "plover_type_accuracy",
    "EVENT_KEYS",
    "LABEL_KEYS",
]

#: JSON keys of an event-format score.
EVENT_KEYS: tuple[str, ...] = ("n", "correct", "uncoded", "extra", "root_correct")
#: JSON keys of a sentence-label score.
LABEL_KEYS: tuple[str, ...] = ("n", "accuracy", "macro_f1")

#: Legacy CAMEO country codes seen in older gold files.
_LEGACY_ACTORS = {"JAP": "JPN", "ROM": "ROU", "ROK": "KOR", "DPRK": "PRK"}


def score_labels(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Accuracy and macro-F1 of sentence labels.

    Parameters
    ----------
    gold, predicted
        Labels, one per sentence.

    Returns
    -------
    dict
        ``n``, ``accuracy``, ``macro_f1``.
    """
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    n = len(gold)
    if n == 0:
        return {"n": 0, "accuracy": None, "macro_f1": None}
    acc = sum(g == p for g, p in zip(gold, predicted, strict=True)) / n
    f1s = []
    for c in sorted(set(gold) | set(predicted)):
        tp = sum(g == c and p == c for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, predicted, strict=True))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return {"n": n, "accuracy": round(acc, 4), "macro_f1": round(sum(f1s) / len(f1s), 4)}


def score_events(
    records: Sequence[GoldRecord],
    coded: Sequence[Sequence[Any]],
    *,
    plover: bool = False,
    actor_key: Any = None,
) -> dict[str, Any]:
    """Score coded events against gold events sentence by sentence.

    Parameters
    ----------
    records
        Gold records.
    coded
        For each record, the coded events (objects with ``source``, ``target``, ``code``).
    plover
        Compare PLOVER types and state-level actors (PLOVER records).
    actor_key
        Maps a coded actor code to the form the gold uses (``PRKGOV -> PRK``); identity
        when ``None``.

    Returns
    -------
    dict
        ``n``, ``correct``, ``uncoded``, ``extra``, ``root_correct`` (see module docstring).
    """
    from realpolitik.events.cameo import root_of
    from realpolitik.events.plover import cameo_to_plover

    key = actor_key or (lambda c: c)
    n = correct = uncoded = extra = root_correct = 0
    for rec, events in zip(records, coded, strict=True):
        mine = []
        for e in events:
            cat = cameo_to_plover(e.code) if plover else root_of(e.code)
            mine.append((key(e.source), key(e.target), e.code, cat))
        matched_coded: set[int] = set()
        for g in rec.events:
            n += 1
            if not mine:
                uncoded += 1
            g_src = {_LEGACY_ACTORS.get(c, c) for c in g.sources}
            g_tgt = {_LEGACY_ACTORS.get(c, c) for c in g.targets}
            g_cat = g.ptype if plover else root_of(g.code or "")
            hit = False
            for k, (s, t, code, cat) in enumerate(mine):
                same_code = cat == g_cat if plover else code == g.code
                if (same_code and (not g_src or s in g_src) and (not g_tgt or t in g_tgt)):
                    matched_coded.add(k)
                    hit = True
            correct += hit
            root_correct += any(cat == g_cat for *_x, cat in mine)
        extra += len(mine) - len(matched_coded)
    return {"n": n, "correct": correct, "uncoded": uncoded, "extra": extra,
            "root_correct": root_correct}


def heldout_rows() -> dict[str, Any]:
    """The saved ConfliBERT split (``data/coder/confliBERT_split.json``)."""
    path = resources.files("realpolitik.data") / "coder" / "confliBERT_split.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _state_key(actors: Any) -> Any:
    orgs: set[str] = set()
    try:
        from realpolitik.actors.dictionary import load_rows

        orgs = {r.get("code", "") for r in load_rows("organisations.tsv")}
    except Exception:  # noqa: BLE001 - without the table, organisations keep their own code
        orgs = set()

    def key(code: str) -> str:
        try:
            base = actors.country_of(code)
        except Exception:  # noqa: BLE001 - unknown code: compare as written
            return code
        return "IGO" if base in orgs or len(base) != 3 else base

    return key


def evaluate_gold(
    path: str | Path,
    fmt: str,
    coder: Any = None,
    *,
    modalities: Iterable[str] = ("actual",),
    split: str = "auto",
) -> dict[str, Any]:
    """Read a gold file, code its sentences and score them.

    Parameters
    ----------
    path
        Gold file.
    fmt
        ``plover``, ``confliBERT`` or ``petrarch-xml``.
    coder
        A :class:`~realpolitik.events.coder.pipeline.Coder` (a default one if ``None``).
    modalities
        Which coded modalities count as coded events (default: ``actual`` only).
    split
        ConfliBERT only: ``auto`` scores only the held-out rows when the file is the training
        file the classifier was trained on (checked by SHA-256), else all rows; ``heldout``
        insists on the held-out rows; ``all`` scores every row.

    Returns
    -------
    dict
        Event formats: ``n, correct, uncoded, extra, root_correct``; ConfliBERT:
        ``n, accuracy, macro_f1``.

    Raises
    ------
    InputError
        Unknown format, malformed gold file, or ``split="heldout"`` on another file.
    """
    from realpolitik.events.coder.pipeline import Coder

    if fmt not in GOLD_FORMATS:
        raise InputError(f"unknown gold format {fmt!r}; expected one of "
                         f"{', '.join(GOLD_FORMATS)}", field="--format")
    coder = coder or Coder()
    p = Path(path)
    if fmt == "confliBERT":
        recs = read_confli(p)
        saved = heldout_rows()
        is_train = hashlib.sha256(p.read_bytes()).hexdigest() == saved["sha256"]
        if split == "heldout" and not is_train:
            raise InputError("--split heldout needs the ConfliBERT training file the "
                             "classifier was trained on (SHA-256 differs)", file=str(p))
        if split not in ("auto", "heldout", "all"):
            raise InputError(f"split {split!r}; expected auto, heldout or all", field="--split")
        if (split in ("auto", "heldout")) and is_train:
            keep = set(saved["heldout"])
            recs = [r for r in recs if int(r.id) in keep]
        readings = coder.read_sentences([r.text for r in recs])
        pred = [_sentence_label(rd) for rd in readings]
        return score_labels([r.label or "" for r in recs], pred)
    recs = read_plover(p) if fmt == "plover" else read_petrarch_xml(p)
    allowed = set(modalities)
    coded: list[list[Any]] = []
    for r in recs:
        date = r.date or dt.date(2000, 1, 1)
        evs = coder.code_text(r.text, date=date, doc_id=r.id, clean=False)
        coded.append([e for e in evs if e.modality in allowed])
    key = _state_key(coder.actors) if fmt == "plover" else None
    return score_events(recs, coded, plover=fmt == "plover", actor_key=key)


def _sentence_label(reading: Any) -> str:
    from realpolitik.events.coder.pipeline import Coder
    from realpolitik.events.quadclass import phoenix5_label

    if reading.label is not None:
        return str(reading.label)
    best = Coder.best(reading.predications)
    if best is not None:
        return str(phoenix5_label(best.code))
    return "0"


def plover_type_accuracy(records: Sequence[GoldRecord], coder: Any) -> dict[str, Any]:
    """Sentence-level PLOVER event-type accuracy of the coder and of a verb-dictionary baseline.

    The coder's type for a sentence is that of its most confident coded verb (any modality,
    actors not required). The baseline is a dictionary coder without syntax: the first verb
    of the sentence whose lemma has a bare-lemma rule in the same pattern files gives the code
    (no particles, prepositions, objects, complements, modality or classifier).

    Parameters
    ----------
    records
        PLOVER gold records.
    coder
        A :class:`~realpolitik.events.coder.pipeline.Coder`.

    Returns
    -------
    dict
        ``n``, ``coder_accuracy``, ``dictionary_accuracy``, ``coder_coverage``,
        ``dictionary_coverage`` (share of sentences given any type).
    """
    from realpolitik.events.plover import cameo_to_plover

    bare: dict[str, str] = {}
    for r in coder.patterns.rules:
        if r.specificity == 0:
            for lem in r.lemmas:
                bare.setdefault(lem, r.code)
    n = hit_c = hit_d = cov_c = cov_d = 0
    for rec, doc in zip(records, coder.nlp.pipe([r.text for r in records]), strict=True):
        gold = rec.events[0].ptype if rec.events else None
        n += 1
        preds = [p for s in doc.sents for p in coder.predications(s)]
        if preds:
            cov_c += 1
            best = coder.best(preds)
            hit_c += cameo_to_plover(best.code) == gold
        code = next((bare[t.lemma_.lower()] for t in doc
                     if t.pos_ == "VERB" and t.lemma_.lower() in bare), None)
        if code is not None:
            cov_d += 1
            hit_d += cameo_to_plover(code) == gold
    return {
        "n": n,
        "coder_accuracy": round(hit_c / n, 4) if n else None,
        "dictionary_accuracy": round(hit_d / n, 4) if n else None,
        "coder_coverage": round(cov_c / n, 4) if n else None,
        "dictionary_coverage": round(cov_d / n, 4) if n else None,
    }
