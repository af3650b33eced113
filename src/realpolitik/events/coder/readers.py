"""Readers for gold-standard coded text: PLOVER JSON, PETRARCH2 validation XML, ConfliBERT TSV.

Each reader checks its input and raises :class:`~realpolitik.errors.InputError` naming the file,
the record/line and the field on the first malformed record.

Formats
-------
``plover``
    The OEDA PLOVER gold-standard records (a JSON list; each record has ``id``, ``text``,
    ``event`` — a PLOVER type, legacy labels accepted — and ``source``/``target`` lists of
    ``{actorText, code, sector}``; ``DOCUMENT`` records are skipped).
``petrarch-xml``
    PETRARCH2's validation records: ``<Sentence date="YYYYMMDD" id="...">`` holding
    ``<Text>`` and zero or more ``<EventCoding sourcecode="" targetcode="" eventcode=""/>``.
``confliBERT``
    ConfliBERT's CAMEO classification files: ``sentence<TAB>label`` without header, label 0-4.

References
----------
Open Event Data Alliance (2016). PLOVER gold standard records, ``PLOVER_GSR_CAMEO.txt`` and
its readme (record fields, sec. 2).
Norris, C., Schrodt, P. A. & Beieler, J. (2017). PETRARCH2: another event coding program.
*Journal of Open Source Software* 2(9), 133 (validation file format).
Hu, Y. et al. (2022). ConfliBERT. NAACL 2022, sec. 4 (``cameo_class`` task).
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from realpolitik.errors import InputError

__all__ = [
    "GoldEvent",
    "GoldRecord",
    "read_plover",
    "read_petrarch_xml",
    "read_confli",
    "GOLD_FORMATS",
]

#: Gold formats the readers understand.
GOLD_FORMATS: tuple[str, ...] = ("plover", "confliBERT", "petrarch-xml")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One gold event.

    Attributes
    ----------
    sources, targets
        Acceptable actor codes (several for compound actors); empty = not coded in the gold.
    code
        CAMEO code (PETRARCH XML) or ``None``.
    ptype
        Current PLOVER event type (PLOVER records) or ``None``.
    """

    sources: tuple[str, ...]
    targets: tuple[str, ...]
    code: str | None = None
    ptype: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """A gold sentence with its events.

    Attributes
    ----------
    id
        Record id.
    text
        The sentence.
    date
        Its date (``None`` if the format has none).
    events
        Gold events (may be empty: a sentence that should yield nothing).
    label
        Phoenix 5-class label (ConfliBERT) or ``None``.
    """

    id: str
    text: str
    date: dt.date | None = None
    events: tuple[GoldEvent, ...] = field(default_factory=tuple)
    label: str | None = None


def _codes(value: object, *, file: str, rid: str, fld: str) -> tuple[str, ...]:
    if value is None or value == "" or value == []:
        return ()
    if isinstance(value, str):
        return (value.strip().upper(),) if value.strip() else ()
    if isinstance(value, list):
        out = []
        for item in value:
            if not isinstance(item, dict) or not isinstance(item.get("code"), str):
                raise InputError(f"record {rid}: expected a list of {{code: ...}} objects",
                                 file=file, field=fld)
            out.append(item["code"].strip().upper())
        return tuple(out)
    raise InputError(f"record {rid}: expected a list of actors or a code", file=file, field=fld)


def read_plover(path: str | Path) -> list[GoldRecord]:
    """Read PLOVER gold-standard records.

    Parameters
    ----------
    path
        JSON file (a list of records).

    Returns
    -------
    list of GoldRecord
        One record per event sentence, with one :class:`GoldEvent` carrying the PLOVER type.

    Raises
    ------
    InputError
        If the file is not a JSON list or a record lacks ``text``/``event`` or has an unknown
        PLOVER type.
    """
    from realpolitik.events.plover import normalize_plover_type

    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a readable JSON file ({exc})", file=str(p)) from exc
    if not isinstance(data, list):
        raise InputError("expected a JSON list of PLOVER records", file=str(p))
    out: list[GoldRecord] = []
    for k, rec in enumerate(data):
        if not isinstance(rec, dict):
            raise InputError(f"record {k}: expected an object", file=str(p))
        rid = str(rec.get("id", k))
        if rec.get("event") == "DOCUMENT":
            continue
        for key in ("text", "event"):
            if not isinstance(rec.get(key), str):
                raise InputError(f"record {rid}: missing", file=str(p), field=key)
        try:
            ptype = normalize_plover_type(rec["event"])
        except InputError as exc:
            raise InputError(f"record {rid}: {exc.message}", file=str(p), field="event") from exc
        date = None
        if isinstance(rec.get("date"), str):
            try:
                date = dt.date.fromisoformat(rec["date"])
            except ValueError as exc:
                raise InputError(f"record {rid}: expected YYYY-MM-DD", file=str(p),
                                 field="date") from exc
        ev = GoldEvent(
            sources=_codes(rec.get("source"), file=str(p), rid=rid, fld="source"),
            targets=_codes(rec.get("target"), file=str(p), rid=rid, fld="target"),
            ptype=ptype,
        )
        out.append(GoldRecord(rid, rec["text"].strip("{} "), date, (ev,)))
    return out


def read_petrarch_xml(path: str | Path) -> list[GoldRecord]:
    """Read PETRARCH2 validation records.

    Parameters
    ----------
    path
        XML file with ``<Sentence date= id=>`` elements holding ``<Text>`` and
        ``<EventCoding sourcecode= targetcode= eventcode=>``.

    Returns
    -------
    list of GoldRecord
        One per sentence (a sentence without codings expects no event).

    Raises
    ------
    InputError
        On malformed XML, a sentence without ``<Text>``, a bad date or a coding that lacks
        one of its three attributes.
    """
    p = Path(path)
    try:
        root = ET.parse(p).getroot()
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else None
        raise InputError(f"malformed XML ({exc.msg if hasattr(exc, 'msg') else exc})",
                         file=str(p), line=line) from exc
    except OSError as exc:
        raise InputError(f"cannot read ({exc})", file=str(p)) from exc
    sentences = [root] if root.tag == "Sentence" else list(root.iter("Sentence"))
    if not sentences:
        raise InputError("no <Sentence> elements; expected PETRARCH validation XML", file=str(p))
    out: list[GoldRecord] = []
    for k, s in enumerate(sentences):
        sid = s.get("id") or str(k)
        text_el = s.find("Text")
        if text_el is None or not (text_el.text or "").strip():
            raise InputError(f"sentence {sid}: missing <Text>", file=str(p), field="Text")
        date = None
        raw = (s.get("date") or "").strip()
        if raw:
            try:
                date = (dt.datetime.strptime(raw, "%Y%m%d").date() if raw.isdigit()
                        else dt.date.fromisoformat(raw))
            except ValueError as exc:
                raise InputError(f"sentence {sid}: expected YYYYMMDD", file=str(p),
                                 field="date") from exc
        events = []
        for ec in s.iter("EventCoding"):
            vals = {a: (ec.get(a) or "").strip() for a in ("sourcecode", "targetcode",
                                                          "eventcode")}
            missing = [a for a, v in vals.items() if not v]
            if missing:
                raise InputError(f"sentence {sid}: <EventCoding> lacks {', '.join(missing)}",
                                 file=str(p), field=missing[0])
            events.append(GoldEvent((vals["sourcecode"].upper(),),
                                    (vals["targetcode"].upper(),), code=vals["eventcode"]))
        text = " ".join((text_el.text or "").split())
        out.append(GoldRecord(sid, text, date, tuple(events)))
    return out


def read_confli(path: str | Path) -> list[GoldRecord]:
    """Read a ConfliBERT ``cameo_class`` file (``sentence<TAB>label``, label 0-4).

    Parameters
    ----------
    path
        The TSV file.

    Returns
    -------
    list of GoldRecord
        ``id`` is the 0-based row number; ``label`` the class as a string.

    Raises
    ------
    InputError
        On a line without a tab or a label outside 0-4.
    """
    p = Path(path)
    out: list[GoldRecord] = []
    try:
        fh = p.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read ({exc})", file=str(p)) from exc
    with fh:
        row = 0
        for lineno, line in enumerate(fh, start=1):
            line = line.rstrip("\n")
            if not line.strip():
                continue
            text, tab, label = line.rpartition("\t")
            if not tab:
                raise InputError("expected 'sentence<TAB>label'", file=str(p), line=lineno)
            label = label.strip()
            if label not in {"0", "1", "2", "3", "4"}:
                raise InputError(f"label {label!r}; expected 0-4", file=str(p), line=lineno,
                                 field="label")
            out.append(GoldRecord(str(row), text.strip(), None, (), label))
            row += 1
    if not out:
        raise InputError("no sentences", file=str(p))
    return out
