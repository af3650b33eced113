"""The text coder: news text to who-did-what-to-whom events, modality-aware.

Exports
-------
Coder, CoderConfig, DocumentInput, CODER_NAME
    The pipeline (:mod:`.pipeline`): ``Coder().code_text(text, date=...) -> list[Event]``.
PatternSet
    Verb patterns to CAMEO codes (:mod:`.patterns`).
tag_modality, ModalityTag
    Modality of an event verb (:mod:`.modality`).
furniture_reason
    Web-page furniture detection (:mod:`.clean`).
LinearTextModel
    The learned fallback classifier (:mod:`.classifier`).
read_plover, read_petrarch_xml, read_confli
    Gold-standard readers (:mod:`.readers`).
evaluate_gold, score_events, score_labels
    OEDA-style scoring (:mod:`.evaluate`).
EventWriter
    Streaming JSONL/CSV/Parquet output (:mod:`.output`).
"""

from realpolitik.events.coder.classifier import LinearTextModel
from realpolitik.events.coder.clean import furniture_reason
from realpolitik.events.coder.evaluate import evaluate_gold, score_events, score_labels
from realpolitik.events.coder.modality import ModalityTag, tag_modality
from realpolitik.events.coder.output import EventWriter
from realpolitik.events.coder.patterns import PatternSet
from realpolitik.events.coder.pipeline import CODER_NAME, Coder, CoderConfig, DocumentInput
from realpolitik.events.coder.readers import read_confli, read_petrarch_xml, read_plover

__all__ = [
    "Coder",
    "CoderConfig",
    "DocumentInput",
    "CODER_NAME",
    "PatternSet",
    "tag_modality",
    "ModalityTag",
    "furniture_reason",
    "LinearTextModel",
    "read_plover",
    "read_petrarch_xml",
    "read_confli",
    "evaluate_gold",
    "score_events",
    "score_labels",
    "EventWriter",
]
