"""Read documents for the coder: detect bad input, decode, stream paragraphs, find the date.

Files are read in binary chunks and decoded incrementally, so a 50 MB file is processed with
bounded memory. A file is refused (``InputError``) when it is empty or looks binary (NUL bytes
or a high share of control characters in its first block). Bytes that are not valid UTF-8 are
replaced by U+FFFD and the document records a warning.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.events.coder.clean import Paragraph

__all__ = [
    "TextSource",
    "open_text",
    "iter_paragraphs",
    "find_header_date",
    "looks_binary",
    "CHUNK_BYTES",
    "MAX_PARAGRAPH_CHARS",
    "text_source",
]

#: Bytes read per chunk.
CHUNK_BYTES = 1 << 20
#: A "paragraph" longer than this (a file without line breaks) is cut at a sentence end.
MAX_PARAGRAPH_CHARS = 20_000

_BINARY_PROBE = 8192


def looks_binary(head: bytes) -> bool:
    """Whether the first bytes of a file look like binary data rather than text.

    Parameters
    ----------
    head
        The first few kilobytes.

    Returns
    -------
    bool
        True if there is a NUL byte or more than 10 % control bytes (other than tab, CR, LF, FF).
    """
    if not head:
        return False
    if b"\x00" in head:
        return True
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl / len(head) > 0.10


@dataclass
class TextSource:
    """A document opened for streaming.

    Attributes
    ----------
    path
        The file (or a label for in-memory text).
    warnings
        Messages gathered while reading (e.g. replaced undecodable bytes).
    """

    path: str
    _file: Path | None = None
    _text: str | None = None
    warnings: list[str] = field(default_factory=list)
    _warned_decode: bool = False

    def chunks(self) -> Iterator[str]:
        """Yield the decoded text in chunks."""
        if self._text is not None:
            yield self._text
            return
        assert self._file is not None
        strict = codecs.getincrementaldecoder("utf-8")(errors="strict")
        dec = strict
        with self._file.open("rb") as fh:
            while True:
                raw = fh.read(CHUNK_BYTES)
                final = not raw
                if dec is strict:
                    state = strict.getstate()
                    try:
                        out = strict.decode(raw, final=final)
                    except UnicodeDecodeError as exc:
                        dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
                        dec.setstate(state)
                        out = dec.decode(raw, final=final)
                        if not self._warned_decode:
                            self._warned_decode = True
                            self.warnings.append(
                                f"{self.path}: not valid UTF-8 (first bad byte near offset "
                                f"{exc.start}); undecodable bytes replaced by U+FFFD"
                            )
                else:
                    out = dec.decode(raw, final=final)
                if out:
                    yield out.replace("\x00", "")
                if final:
                    return

    def head(self, n_chars: int = 2000) -> str:
        """The first ``n_chars`` characters (decoded with replacement)."""
        if self._text is not None:
            return self._text[:n_chars]
        assert self._file is not None
        with self._file.open("rb") as fh:
            return fh.read(n_chars * 4).decode("utf-8", errors="replace")[:n_chars]


def open_text(path: str | Path) -> TextSource:
    """Open a text file for coding, refusing empty and binary files.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    TextSource
        Streams the decoded text.

    Raises
    ------
    InputError
        If the file is missing, not a regular file, empty (or only whitespace) or binary.
    """
    p = Path(path)
    if not p.exists():
        raise InputError("no such file", file=str(p))
    if not p.is_file():
        raise InputError("not a regular file", file=str(p))
    with p.open("rb") as fh:
        head = fh.read(_BINARY_PROBE)
    if not head.strip():
        raise InputError("file is empty; expected news text", file=str(p))
    if looks_binary(head):
        raise InputError("binary file skipped; expected UTF-8 text", file=str(p))
    return TextSource(str(p), _file=p)


def text_source(text: str, label: str = "<text>") -> TextSource:
    """Wrap in-memory text as a :class:`TextSource`."""
    return TextSource(label, _text=text)


_CUT = re.compile(r"[.!?…][\"'”’)\]]*\s+")


def _cut_long(text: str, start: int) -> Iterator[Paragraph]:
    pos = 0
    while len(text) - pos > MAX_PARAGRAPH_CHARS:
        window = text[pos : pos + MAX_PARAGRAPH_CHARS]
        ends = [m.end() for m in _CUT.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > MAX_PARAGRAPH_CHARS // 4 else window.rfind(" ") + 1
        if cut <= 0:
            cut = MAX_PARAGRAPH_CHARS
        piece = text[pos : pos + cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield Paragraph(piece.strip(), start + pos + lead)
        pos += cut
    piece = text[pos:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield Paragraph(piece.strip(), start + pos + lead)


def iter_paragraphs(source: TextSource) -> Iterator[Paragraph]:
    """Stream a document's paragraphs (one per non-blank line) with their character offsets.

    Parameters
    ----------
    source
        From :func:`open_text` or :func:`text_source`.

    Yields
    ------
    Paragraph
        Stripped non-blank lines, cut at sentence ends if longer than ``MAX_PARAGRAPH_CHARS``.
    """
    pending = ""
    offset = 0  # document offset of pending[0]
    for chunk in source.chunks():
        pending += chunk
        nl = max(pending.rfind("\n"), pending.rfind("\r"))
        if nl < 0:
            if len(pending) > 2 * MAX_PARAGRAPH_CHARS:
                keep = len(pending) - MAX_PARAGRAPH_CHARS
                ends = [m.end() for m in _CUT.finditer(pending, max(0, keep - MAX_PARAGRAPH_CHARS),
                                                        keep)]
                cut = ends[-1] if ends else (pending.rfind(" ", 0, keep) + 1 or keep)
                yield from _cut_long(pending[:cut], offset)
                offset += cut
                pending = pending[cut:]
            continue
        complete, pending_rest = pending[: nl + 1], pending[nl + 1 :]
        yield from _lines(complete, offset)
        offset += len(complete)
        pending = pending_rest
    if pending:
        yield from _lines(pending, offset)


def _lines(text: str, start: int) -> Iterator[Paragraph]:
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            yield from _cut_long(body, start + pos)
        pos += len(line)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_RX = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(
        rf"\b(?P<mon>{_MONTH_RX})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<mon>{_MONTH_RX})\.?,? (?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
)


def find_header_date(text: str, max_lines: int = 12) -> dt.date | None:
    """Find a full calendar date (year, month and day) in the first lines of a document.

    Parameters
    ----------
    text
        The beginning of the document.
    max_lines
        How many non-blank lines count as the header.

    Returns
    -------
    datetime.date or None
        The first valid date written as ``YYYY-MM-DD``, ``Month D, YYYY`` or ``D Month YYYY``.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()][:max_lines]
    for line in lines:
        for rx in _DATE_PATTERNS:
            for m in rx.finditer(line):
                gd = m.groupdict()
                month = int(gd["m"]) if gd.get("m") else _MONTHS[gd["mon"].lower()]
                try:
                    return dt.date(int(gd["y"]), month, int(gd["d"]))
                except ValueError:
                    continue
    return None
