"""Resolve ICEWS actor names to realpolitik actor codes.

ICEWS names actors in two ways: sector actors as ``"<Sector> (<Country>)"`` -- "Citizen
(North Korea)", "Government (China)", "Military Personnel - Special (Russia)" -- and named
actors by their plain name -- "North Korea", "Xi Jinping", "Sergey Viktorovich Lavrov".

:func:`resolve_icews` maps a sector actor to the country's ISO3 code plus the CAMEO agent code
of the sector (``data/actors/icews_sectors.tsv``; "Citizen (North Korea)" -> ``PRKCVL``). A
sector that is not in that table gives the bare country code (the state, sector unspecified);
:func:`icews_sector_agent` tells the caller whether a sector is mapped. When the part in
parentheses is an organisation or group rather than a country ("Hamas", "United Nations"), the
parent is resolved through the actor dictionary. A plain name is resolved through the actor
dictionary, by date when ``on`` is given (office-holders).

References
----------
Boschee, E. et al. (2015). *ICEWS Coded Event Data*. Harvard Dataverse,
doi:10.7910/DVN/28075 (actor naming conventions: sector actors carry their country in
parentheses).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from realpolitik.actors.dictionary import ActorDictionary, load_rows

__all__ = ["resolve_icews", "icews_sector_agent", "ICEWS_COUNTRY_NAMES"]

_SECTOR_RE = re.compile(r"^(?P<sector>.+?)\s*\((?P<parent>[^()]+)\)?\s*$")

#: ICEWS country spellings that differ from the dictionary's names.
ICEWS_COUNTRY_NAMES: dict[str, str] = {
    "Palestinian Territory, Occupied": "PSE",
    "Occupied Palestinian Territory": "PSE",
    "Congo": "COG",
    "Holy See Vatican City State": "VAT",
    "Vatican City State": "VAT",
    "Macao": "MAC",
    "Virgin Islands, U.S.": "VIR",
    "Swaziland": "SWZ",
}


@lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    return {r["sector"].strip().casefold(): r["agent"] for r in load_rows("icews_sectors.tsv")}


def icews_sector_agent(sector: str) -> str | None:
    """CAMEO agent code of an ICEWS sector name, if the sector table maps it.

    Parameters
    ----------
    sector
        The sector part of an ICEWS name, e.g. ``"Citizen"``, ``"Foreign Affairs"``.

    Returns
    -------
    str or None
        ``"CVL"``, ``"GOV"``, ... or None for an unmapped sector.
    """
    return _sectors().get(sector.strip().casefold())


def _parent_code(parent: str, on: dt.date | None, d: ActorDictionary) -> str | None:
    parent = parent.strip()
    if parent in ICEWS_COUNTRY_NAMES:
        return ICEWS_COUNTRY_NAMES[parent]
    m = d.resolve(parent, on)
    return m.code if m is not None else None


def resolve_icews(
    name: str, on: dt.date | None = None, *, dictionary: ActorDictionary | None = None
) -> str | None:
    """Actor code of an ICEWS actor name.

    Parameters
    ----------
    name
        An ICEWS actor name: ``"Citizen (North Korea)"``, ``"Government (China)"``,
        ``"North Korea"``, ``"Xi Jinping"``.
    on
        Event date, used to pick office-holders for plain person names.
    dictionary
        Actor dictionary to use; the packaged default when None.

    Returns
    -------
    str or None
        ``"PRKCVL"``, ``"CHNGOV"``, ``"PRK"``, ``"CHNGOV"``; None when the name (or, for a
        sector actor, its parenthesised parent) is not known.

    Examples
    --------
    >>> resolve_icews("Citizen (North Korea)")
    'PRKCVL'
    >>> resolve_icews("Military (Russia)")
    'RUSMIL'
    """
    if dictionary is None:
        undated = _undated_default(name)
        if undated is not _DATED:
            return undated  # type: ignore[return-value]
    d = dictionary or ActorDictionary.default()
    return _resolve(name, on, d)


_DATED = object()


@lru_cache(maxsize=1 << 16)
def _undated_default(name: str) -> object:
    """Cached result for names whose resolution does not depend on the date, else _DATED."""
    d = ActorDictionary.default()
    text = name.strip()
    m = _SECTOR_RE.match(text)
    probe = m.group("parent").strip() if m is not None else text
    if probe in ICEWS_COUNTRY_NAMES:
        return _resolve(name, None, d)
    if any(e.start is not None or e.end is not None for e in d.entries_for(probe)):
        return _DATED
    hit = d.resolve(probe)
    if hit is not None and hit.kind in ("person", "former_official"):
        return _DATED
    return _resolve(name, None, d)


def _resolve(name: str, on: dt.date | None, d: ActorDictionary) -> str | None:
    text = name.strip()
    if not text:
        return None
    m = _SECTOR_RE.match(text)
    if m is not None:
        parent = _parent_code(m.group("parent"), on, d)
        if parent is None:
            return None
        if parent in d.organisation_codes or d.country_of(parent) != parent:
            return parent  # the parent is an organisation or already carries an agent code
        agent = icews_sector_agent(m.group("sector"))
        return parent + agent if agent else parent
    if text in ICEWS_COUNTRY_NAMES:
        return ICEWS_COUNTRY_NAMES[text]
    hit = d.resolve(text, on)
    return hit.code if hit is not None else None
