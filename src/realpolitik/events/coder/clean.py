"""Strip web-page furniture from article text before coding.

News pages copied as text carry material that is not reporting: breadcrumbs and headings,
affiliate and cookie notices, newsletter boxes, author lines, photo captions with agency
credits and "editorial standards" boxes. The rules below recognise such blocks by their
*form* (short title-case lines without sentence punctuation, credit lines) and by the
stock *phrases* web publishers use; they keep every ordinary prose paragraph.

Each kept paragraph keeps its character offset in the original text so that coded events can
point back to it (provenance).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["Paragraph", "furniture_reason", "split_paragraphs", "clean_paragraphs"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of text and where it starts in the document.

    Attributes
    ----------
    text
        The paragraph's text (internal line breaks kept).
    start
        Character offset of ``text[0]`` in the original document.
    """

    text: str
    start: int


# Stock phrases of page furniture (matched case-insensitively anywhere in the block).
_FURNITURE_PHRASES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(rx, re.IGNORECASE))
    for reason, rx in (
        ("affiliate notice", r"\b(sponsored|affiliate) links?\b|\bearn (a |an )?commission\b"),
        (
            "terms notice",
            r"\bagree to (our|the) (t&cs|terms)|\bprivacy policy\b|\bcookies? policy\b",
        ),
        ("terms notice", r"\bby using this (web)?site\b"),
        (
            "newsletter box",
            r"\b(subscribe|sign up|signup)\b.*\b(newsletter|email|inbox)\b"
            r"|\byour (e-?mail|inbox)\b|\bnewsletters?\b|\bwe never send spam\b",
        ),
        ("editorial box", r"\beditorial (standards|policy|guidelines)\b|\bour editors\b"),
        (
            "photo caption",
            r"\b(file photo|undated (picture|photo|image)|photo(graph)? (by|provided by|courtesy)"
            r"|picture provided by|getty images|ap photo|afp photo|/via reuters|reuters/)\b",
        ),
        ("share widget", r"^\s*(share|tweet|print|email)( this)?( article| story)?\s*$"),
        (
            "advertisement",
            r"^\s*(advertisement|sponsored content|related( articles| stories)?)\s*$",
        ),
        ("read more", r"^\s*(read more|continue reading|click here)\b"),
        (
            "author bio",
            r"^(?:[A-Z][\w.'’\-]+ ){1,4}is (?:an? |the )?(?:senior |associate |assistant |"
            r"contributing |staff |visiting )?(?:lecturer|professor|fellow|editor|correspondent|"
            r"reporter|writer|contributor|columnist|analyst|researcher|author)\b",
        ),
    )
)

_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)
_SMALL_WORDS = frozenset(
    "a an the and or but of in on at to for from by with as vs via is are its it's".split()
)


def _title_case_share(words: list[str]) -> float:
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not content:
        return 0.0
    return sum(w[0].isupper() for w in content) / len(content)


def furniture_reason(block: str) -> str | None:
    """Say why a block of text is page furniture, or ``None`` if it is prose.

    Parameters
    ----------
    block
        One paragraph (a run of non-blank lines).

    Returns
    -------
    str or None
        A short reason ("newsletter box", "heading", "byline", ...) or ``None`` to keep it.
    """
    text = block.strip()
    if not text:
        return "blank"
    stripped = text.lstrip("•*-–·> \t")
    for reason, rx in _FURNITURE_PHRASES:
        if rx.search(stripped):
            return reason
    words = _WORD.findall(stripped)
    if not words:
        return "no words"
    if not _SENT_END.search(stripped):
        # No sentence-final punctuation: headings, breadcrumbs, bylines, lone names.
        if len(words) <= 4 and _title_case_share(words) >= 0.99:
            return "byline"
        if len(words) <= 16:
            return "heading"
    elif len(words) <= 14 and _title_case_share(words) >= 0.75 and stripped.endswith("?"):
        return "heading"  # question-style headline in Title Case
    return None


def split_paragraphs(text: str, start: int = 0) -> Iterator[Paragraph]:
    """Split text into paragraphs at blank lines and single-line breaks.

    Web text copied from a page has one paragraph per line; plain files use blank lines.
    Both are treated as paragraph breaks.

    Parameters
    ----------
    text
        The document text.
    start
        Offset of ``text[0]`` in the document (for streaming).

    Yields
    ------
    Paragraph
        Non-blank lines with their offsets.
    """
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        if body.strip():
            yield Paragraph(body.strip(), start + pos + lead)
        pos += len(line)


def clean_paragraphs(paragraphs: Iterable[Paragraph]) -> Iterator[Paragraph]:
    """Drop the furniture paragraphs, keep prose.

    Parameters
    ----------
    paragraphs
        Paragraphs from :func:`split_paragraphs`.

    Yields
    ------
    Paragraph
        The paragraphs :func:`furniture_reason` does not flag.
    """
    for p in paragraphs:
        if furniture_reason(p.text) is None:
            yield p
