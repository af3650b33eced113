"""CAMEO <-> PLOVER crosswalk: PLOVER event types and their quad categories.

PLOVER (Political Language Ontology for Verifiable Event Records) keeps only the CAMEO cue
categories, merged into 16 event types. The crosswalk (``data/events/cameo_plover.tsv``) was
written for realpolitik from the category definitions in the PLOVER manual: every CAMEO code
takes the PLOVER type of its longest listed prefix. The judgement calls, each with its reason in
the data file, are:

* ``01`` (public statements) has no PLOVER type: PLOVER eliminated the comment categories.
* ``02`` (appeal) and ``10`` (demand) -> ``REQUEST`` (the manual's DEMAND, renamed REQUEST,
  covers requests, demands and orders). Draft 0.7b1 did not code appeals at all; we follow the
  later REQUEST type so that appeals are not lost.
* ``08`` (yield) splits: verbal concessions (080-083) -> ``CONCEDE``; releases, easing of
  economic sanctions, admitting observers, de-escalation (084-087) -> ``RETREAT``.
* ``055`` (apologise) -> ``CONCEDE``; ``09`` (investigate) -> ``ACCUSE``; ``116`` (find guilty)
  -> ``SANCTION``; ``163`` (embargo, sanctions) stays in ``SANCTION``.
* ``1712`` (destroy property) and ``175`` (violent repression) -> ``ASSAULT``; ``191``
  (blockade) and ``192`` (occupy territory) -> ``COERCE``; the rest of 19 and 20 -> ``ASSAULT``.

Older PLOVER labels, used for example in the PLOVER gold-standard records, are mapped to the
current types by :func:`normalize_plover_type`: DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE
-> ACCUSE, FIGHT -> ASSAULT.

References
----------
Open Event Data Alliance (2021). *PLOVER: Political Language Ontology for Verifiable Event
Records*, draft 0.7b1/0.8, ch. 2 (category definitions and their quad headings); CC BY-SA 4.0.
Schrodt, P. A. (2012). *CAMEO Codebook* 1.1b3, ch. 2.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from realpolitik.errors import InputError

__all__ = [
    "PLOVER_TYPES",
    "PLOVER_QUAD",
    "cameo_to_plover",
    "plover_to_cameo",
    "plover_quad",
    "normalize_plover_type",
    "crosswalk_rules",
]

#: The 16 PLOVER event types, cooperative to conflictual.
PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE",
    "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

#: PLOVER quad category of each type: 1 verbal cooperation, 2 material cooperation,
#: 3 verbal conflict, 4 material conflict (PLOVER manual ch. 2 headings).
PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}  # fmt: skip

_LEGACY: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@lru_cache(maxsize=1)
def crosswalk_rules() -> dict[str, str | None]:
    """The crosswalk's prefix rules as shipped: CAMEO prefix -> PLOVER type (None = no type).

    Returns
    -------
    dict
        Prefix to type, in file order.
    """
    text = (
        resources.files("realpolitik.data")
        .joinpath("events/cameo_plover.tsv")
        .read_text(encoding="utf-8")
    )
    rules: dict[str, str | None] = {}
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    for ln in lines[1:]:
        prefix, ptype = ln.split("\t")[:2]
        if ptype != "-" and ptype not in PLOVER_QUAD:
            raise InputError(
                f"unknown PLOVER type {ptype!r}", file="cameo_plover.tsv", field="plover"
            )
        rules[prefix] = None if ptype == "-" else ptype
    return rules


@lru_cache(maxsize=4096)
def cameo_to_plover(code: str) -> str | None:
    """PLOVER event type of a CAMEO code.

    Parameters
    ----------
    code
        CAMEO code string (``"163"``).

    Returns
    -------
    str or None
        One of :data:`PLOVER_TYPES`, or None for CAMEO 01 (public statements), which PLOVER
        does not code.

    Raises
    ------
    UnknownCodeError
        When ``code`` is not CAMEO-shaped.

    References
    ----------
    PLOVER manual draft 0.7b1/0.8 (2021), ch. 2; crosswalk reasons in
    ``data/events/cameo_plover.tsv``.

    Examples
    --------
    >>> cameo_to_plover("163"), cameo_to_plover("0841"), cameo_to_plover("012")
    ('SANCTION', 'RETREAT', None)
    """
    from realpolitik.events.cameo import normalize_code

    c = normalize_code(code)
    rules = crosswalk_rules()
    for n in range(len(c), 1, -1):
        if c[:n] in rules:
            return rules[c[:n]]
    raise InputError(f"no crosswalk rule covers CAMEO code {code!r}", field="code")


def plover_to_cameo(ptype: str) -> list[str]:
    """All known CAMEO codes whose PLOVER type is ``ptype`` (the reverse crosswalk).

    Parameters
    ----------
    ptype
        A PLOVER type; legacy labels are accepted (see :func:`normalize_plover_type`).

    Returns
    -------
    list of str
        Sorted CAMEO codes.

    Raises
    ------
    InputError
        When ``ptype`` is not a PLOVER type.
    """
    from realpolitik.events.cameo import all_codes

    target = normalize_plover_type(ptype)
    return [c for c in all_codes() if cameo_to_plover(c) == target]


def normalize_plover_type(label: str) -> str:
    """Map a PLOVER label, current or legacy, to one of the 16 current types.

    Parameters
    ----------
    label
        e.g. ``"DEMAND"``, ``"fight"``, ``"ASSAULT"``.

    Returns
    -------
    str
        The current type (``"REQUEST"``, ``"ASSAULT"``, ...).

    Raises
    ------
    InputError
        When the label is no PLOVER type, current or legacy.
    """
    up = str(label).strip().upper()
    up = _LEGACY.get(up, up)
    if up not in PLOVER_QUAD:
        raise InputError(
            f"{label!r} is not a PLOVER event type; expected one of {', '.join(PLOVER_TYPES)} "
            f"(or legacy {', '.join(_LEGACY)})",
            field="event",
        )
    return up


def plover_quad(ptype: str) -> int:
    """PLOVER quad category of an event type.

    Parameters
    ----------
    ptype
        PLOVER type (legacy labels accepted).

    Returns
    -------
    int
        1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.

    Raises
    ------
    InputError
        When ``ptype`` is not a PLOVER type.
    """
    return PLOVER_QUAD[normalize_plover_type(ptype)]
