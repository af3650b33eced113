"""The text coder: news text to who-did-what-to-whom events, modality-aware.

Exports
-------
Coder, CoderConfig, CODER_NAME
    The pipeline (:mod:`.pipeline`).
PatternSet
    Verb patterns to CAMEO codes (:mod:`.patterns`).
tag_modality, ModalityTag
    Modality of an event verb (:mod:`.modality`).
furniture_reason
    Web-page furniture detection (:mod:`.clean`).
LinearTextModel
    The learned fallback classifier (:mod:`.classifier`).
"""

from realpolitik.events.coder.classifier import LinearTextModel
from realpolitik.events.coder.clean import furniture_reason
from realpolitik.events.coder.modality import ModalityTag, tag_modality
from realpolitik.events.coder.patterns import PatternSet

__all__ = ["PatternSet", "tag_modality", "ModalityTag", "furniture_reason", "LinearTextModel"]
