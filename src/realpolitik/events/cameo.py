"""The CAMEO event-code table with GDELT's Goldstein scores.

The table (``realpolitik/data/events/cameo_goldstein.tsv``) holds the 311 codes of GDELT's
lookup tables: 20 roots, 147 three-digit and 144 four-digit codes, each with its Goldstein
(1992) conflict-cooperation score as GDELT publishes it, the CAMEO 1.1b3 label and GDELT's own
label. CAMEO 1.1b3 also defines ``1213`` (reject judicial cooperation) and ``1214`` (reject
intelligence cooperation), which GDELT's table lacks; they are known codes here and take the
score of their parent ``121`` through the fallback.

Fallback
--------
:func:`goldstein` of a syntactically valid code that is not in the table walks up its prefixes,
four digits to three to the root, and uses the first one that is in the table.
:func:`resolve_code` returns the code whose score is used, so a caller can see (and report)
that a fallback happened. Anything that is not a CAMEO-shaped code (two to four digits with a
root ``01``..``20``) raises :class:`UnknownCodeError`.

References
----------
Goldstein, J. S. (1992). A conflict-cooperation scale for WEIS events data. *Journal of
Conflict Resolution* 36(2), 369-385 (scale values, Table 1 as adapted to CAMEO by GDELT).
Schrodt, P. A. (2012). *CAMEO Conflict and Mediation Event Observations Event and Actor
Codebook*, version 1.1b3 (code labels, ch. 2).
GDELT Project, lookup tables ``CAMEO.eventcodes.txt`` and ``CAMEO.goldsteinscale.txt``.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from realpolitik.errors import InputError

__all__ = [
    "UnknownCodeError",
    "CameoCode",
    "goldstein",
    "root_of",
    "label",
    "gdelt_label",
    "is_known",
    "all_codes",
    "resolve_code",
    "normalize_code",
    "code_info",
    "ROOTS",
]

#: The twenty CAMEO root categories, as two-digit strings.
ROOTS: tuple[str, ...] = tuple(f"{i:02d}" for i in range(1, 21))

_CODE_RE = re.compile(r"^\d{2,4}$")

#: Codes of CAMEO 1.1b3 that GDELT's lookup table does not carry (labels from the codebook).
_CAMEO_ONLY: dict[str, str] = {
    "1213": "Reject judicial cooperation",
    "1214": "Reject intelligence cooperation",
}


class UnknownCodeError(InputError):
    """A string that is not a CAMEO event code (or not one this table knows)."""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One row of the CAMEO table.

    Attributes
    ----------
    code
        The code as a string with leading zeros (``"0431"``).
    goldstein
        GDELT's Goldstein score, -10..+10.
    root
        Two-digit root category.
    level
        Number of digits: 2, 3 or 4.
    label
        CAMEO 1.1b3 label.
    gdelt_label
        GDELT's label (stale for 101-103 and 105-108; see the data README).
    in_gdelt
        False for the CAMEO 1.1b3 codes GDELT lacks (1213, 1214).
    """

    code: str
    goldstein: float
    root: str
    level: int
    label: str
    gdelt_label: str
    in_gdelt: bool = True


@lru_cache(maxsize=1)
def _table() -> dict[str, CameoCode]:
    text = (
        resources.files("realpolitik.data")
        .joinpath("events/cameo_goldstein.tsv")
        .read_text(encoding="utf-8")
    )
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        table[row["code"]] = CameoCode(
            code=row["code"],
            goldstein=float(row["goldstein"]),
            root=row["root"],
            level=int(row["level"]),
            label=row["cameo_label"],
            gdelt_label=row["gdelt_label"],
        )
    for code, lab in _CAMEO_ONLY.items():
        parent = table[code[:3]]
        table[code] = CameoCode(code, parent.goldstein, code[:2], 4, lab, "", in_gdelt=False)
    return table


def normalize_code(code: str) -> str:
    """Check that ``code`` is CAMEO-shaped and return it stripped.

    Parameters
    ----------
    code
        A CAMEO code as a string: two to four digits with a root from ``01`` to ``20``.

    Returns
    -------
    str
        The code without surrounding whitespace.

    Raises
    ------
    UnknownCodeError
        When ``code`` is not a string of 2-4 digits with a valid root.
    """
    if not isinstance(code, str):
        raise UnknownCodeError(
            f"CAMEO code must be a string such as '0431', got {type(code).__name__} {code!r}",
            field="code",
        )
    c = code.strip()
    if not _CODE_RE.match(c) or c[:2] not in ROOTS:
        raise UnknownCodeError(
            f"{code!r} is not a CAMEO event code (expected 2-4 digits with root 01-20, "
            "e.g. '0431')",
            field="code",
        )
    return c


@lru_cache(maxsize=4096)
def resolve_code(code: str) -> str:
    """Return the code whose Goldstein score :func:`goldstein` uses for ``code``.

    Parameters
    ----------
    code
        A CAMEO-shaped code.

    Returns
    -------
    str
        ``code`` itself when it is in the GDELT table, otherwise its longest prefix that is
        (four digits, then three, then the root).

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.
    """
    c = normalize_code(code)
    table = _table()
    for n in range(len(c), 1, -1):
        entry = table.get(c[:n])
        if entry is not None and entry.in_gdelt:
            return entry.code
    # Every root is in the table, so this is unreachable for validated codes.
    raise UnknownCodeError(f"no Goldstein score for CAMEO code {code!r}", field="code")


def goldstein(code: str) -> float:
    """Goldstein conflict-cooperation score of a CAMEO code, as GDELT publishes it.

    Parameters
    ----------
    code
        A CAMEO code string (``"163"``, ``"0431"``, ``"19"``).

    Returns
    -------
    float
        The score, -10..+10. Codes absent from GDELT's table (e.g. ``1213``) take the score of
        their longest listed prefix (4 -> 3 -> root); see :func:`resolve_code`.

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.

    References
    ----------
    Goldstein (1992), Table 1; GDELT ``CAMEO.goldsteinscale.txt``.

    Examples
    --------
    >>> goldstein("163")
    -8.0
    >>> goldstein("1213")  # not in GDELT: parent 121
    -4.0
    """
    return _table()[resolve_code(code)].goldstein


def root_of(code: str) -> str:
    """Two-digit root category of a CAMEO code.

    Parameters
    ----------
    code
        A CAMEO-shaped code.

    Returns
    -------
    str
        The root, ``"01"``..``"20"``.

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.
    """
    return normalize_code(code)[:2]


def is_known(code: str) -> bool:
    """Whether ``code`` is a code of CAMEO 1.1b3 in this table (GDELT's 311 plus 1213, 1214).

    Parameters
    ----------
    code
        Any string.

    Returns
    -------
    bool
        True for a listed code; False for anything else, including malformed input.
    """
    return isinstance(code, str) and code.strip() in _table()


def code_info(code: str) -> CameoCode:
    """The full table row of a known code.

    Parameters
    ----------
    code
        A known CAMEO code.

    Returns
    -------
    CameoCode
        The row.

    Raises
    ------
    UnknownCodeError
        When ``code`` is malformed or not in CAMEO 1.1b3.
    """
    c = normalize_code(code)
    entry = _table().get(c)
    if entry is None:
        raise UnknownCodeError(
            f"{code!r} is not a CAMEO 1.1b3 event code (see realpolitik.events.cameo.all_codes())",
            field="code",
        )
    return entry


def label(code: str) -> str:
    """CAMEO 1.1b3 label of a known code (e.g. ``"163"`` -> "Impose embargo, boycott, ...").

    Parameters
    ----------
    code
        A known CAMEO code.

    Returns
    -------
    str
        The label. Root codes carry their upper-case category names ("THREATEN").

    Raises
    ------
    UnknownCodeError
        When ``code`` is malformed or not in CAMEO 1.1b3 (no label is invented for it).
    """
    return code_info(code).label


def gdelt_label(code: str) -> str:
    """GDELT's own label of a code (empty for 1213 and 1214, which GDELT lacks).

    Parameters
    ----------
    code
        A known CAMEO code.

    Returns
    -------
    str
        GDELT's label; stale for 101-103 and 105-108 (older CAMEO wording).

    Raises
    ------
    UnknownCodeError
        When ``code`` is malformed or unknown.
    """
    return code_info(code).gdelt_label


def all_codes() -> list[str]:
    """Every known CAMEO code, sorted as strings (so ``"01" < "010" < "0211" < "02"``...).

    Returns
    -------
    list of str
        313 codes: GDELT's 311 plus CAMEO 1.1b3's 1213 and 1214.
    """
    return sorted(_table())
