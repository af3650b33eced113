"""The ``Event`` record: who did what to whom, when, how surely, and where it was read.

This is the one schema shared by the text coder (which produces events), the readers of
GDELT / ICEWS / Phoenix files, the store (which persists them) and relations (which aggregates
them). ``EVENT_COLUMNS`` gives the column order and Arrow types used for JSONL/CSV/Parquet and
for the DuckDB ``events`` table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["Event", "Modality", "MODALITIES", "EVENT_COLUMNS", "event_arrow_schema"]

Modality = Literal["actual", "future", "hypothetical", "negated", "prescriptive"]
MODALITIES: tuple[str, ...] = ("actual", "future", "hypothetical", "negated", "prescriptive")


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event.

    Attributes
    ----------
    date
        Day the event happened (or the document date when the text gives none).
    source, target
        realpolitik actor codes: ISO3 state code plus optional CAMEO role suffix
        (``USAGOV``, ``PRKMIL``); international organisations use their CAMEO codes (``UNO``).
    code
        CAMEO event code as a string keeping leading zeros (``"0431"``, ``"163"``).
    root
        The two-digit CAMEO root of ``code``.
    goldstein
        Goldstein (1992) conflict-cooperation score, -10..+10, from GDELT's table.
    quad_class
        1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    modality
        ``actual``, ``future``, ``hypothetical``, ``negated`` or ``prescriptive``.
    dataset
        Where the event came from: ``realpolitik`` (the coder), ``icews``, ``gdelt1``,
        ``gdelt2``, ``phoenix``, ``events``.
    doc_id, sentence_index, char_start, char_end
        Provenance within the source document (for data-set rows: the row's own id).
    coder, coder_version
        Which coder produced it, and its version.
    confidence
        0..1, the coder's confidence.
    source_name, target_name
        The surface mentions / raw actor strings the codes were resolved from.
    attributed_to
        Actor code of the speaker when the sentence reports someone's statement.
    text
        The sentence (or a data set's own event text), for inspection.
    """

    date: dt.date
    source: str
    target: str
    code: str
    root: str
    goldstein: float
    quad_class: int
    modality: str = "actual"
    dataset: str = "realpolitik"
    doc_id: str = ""
    sentence_index: int = -1
    char_start: int = -1
    char_end: int = -1
    coder: str = ""
    coder_version: str = ""
    confidence: float = 1.0
    source_name: str = ""
    target_name: str = ""
    attributed_to: str = ""
    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict with the date as ISO text (``extra`` omitted when empty)."""
        d = asdict(self)
        d["date"] = self.date.isoformat()
        if not d["extra"]:
            d.pop("extra")
        return d


# Column order and Arrow type names for files and the store.
EVENT_COLUMNS: dict[str, str] = {
    "date": "date32",
    "source": "string",
    "target": "string",
    "code": "string",
    "root": "string",
    "goldstein": "float64",
    "quad_class": "int8",
    "modality": "string",
    "dataset": "string",
    "doc_id": "string",
    "sentence_index": "int32",
    "char_start": "int32",
    "char_end": "int32",
    "coder": "string",
    "coder_version": "string",
    "confidence": "float64",
    "source_name": "string",
    "target_name": "string",
    "attributed_to": "string",
    "text": "string",
}


def event_arrow_schema() -> Any:
    """The pyarrow schema of ``EVENT_COLUMNS``."""
    import pyarrow as pa

    types = {
        "date32": pa.date32(),
        "string": pa.string(),
        "float64": pa.float64(),
        "int8": pa.int8(),
        "int32": pa.int32(),
    }
    return pa.schema([(name, types[t]) for name, t in EVENT_COLUMNS.items()])
