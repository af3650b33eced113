"""Actor codes: CAMEO-style state codes with agent (role) suffixes, and organisation codes.

A realpolitik actor code is either

* a state or territory code -- its ISO 3166-1 alpha-3 code (``USA``, ``PRK``, ``KOR``; CAMEO
  uses ISO3 for states, so South Korea is ``KOR``, never ``ROK``), optionally followed by one
  CAMEO agent suffix of three letters (``USAGOV``, ``PRKMIL``, ``CHNMED``); or
* an international-organisation code (``UNO``, ``UNSC``, ``IAEA``, ``EU``, ``NATO``; see
  ``data/actors/organisations.tsv``), which takes no suffix.

The agent suffixes are the CAMEO 1.1b3 generic agent types (Schrodt 2012, ch. 3 "Actor and
agent codes", the tables of "Generic agents"): ``GOV`` government (executive, governing
parties, ministries), ``MIL`` military, ``COP`` police, ``JUD`` judiciary, ``SPY``
intelligence, ``REB`` rebels, ``INS`` insurgents, ``SEP`` separatists, ``OPP`` opposition,
``PTY`` political parties, ``LEG`` legislature, ``BUS`` business, ``MED`` media, ``EDU``
education, ``CVL`` civilians, ``HRI`` human-rights groups, ``LAB`` labour, ``REF`` refugees,
``HLH`` health, ``AGR`` agriculture, ``ENV`` environment, ``CRM`` criminals, ``ELI`` elites
(including former officials), ``REL`` religious, ``NGO`` non-governmental organisations, ``UAF``
unaligned armed forces.

References
----------
Schrodt, P. A. (2012). *CAMEO Conflict and Mediation Event Observations Event and Actor
Codebook*, version 1.1b3, ch. 3 (actor codes; generic agent types).
ISO 3166-1 alpha-3 country codes.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = ["AGENT_CODES", "split_code"]

#: CAMEO generic agent suffix -> label.
AGENT_CODES = MappingProxyType(
    {
        "GOV": "government",
        "MIL": "military",
        "COP": "police",
        "JUD": "judiciary",
        "SPY": "intelligence",
        "REB": "rebels",
        "INS": "insurgents",
        "SEP": "separatists",
        "OPP": "opposition",
        "PTY": "political party",
        "LEG": "legislature",
        "BUS": "business",
        "MED": "media",
        "EDU": "education",
        "CVL": "civilians",
        "HRI": "human rights",
        "LAB": "labour",
        "REF": "refugees",
        "HLH": "health",
        "AGR": "agriculture",
        "ENV": "environment",
        "CRM": "criminals",
        "ELI": "elites and former officials",
        "REL": "religious",
        "NGO": "non-governmental organisations",
        "UAF": "unaligned armed forces",
    }
)


def split_code(code: str, bases: set[str] | frozenset[str]) -> tuple[str, str | None] | None:
    """Split an actor code into its base (state or organisation) and agent suffix.

    Parameters
    ----------
    code
        An actor code such as ``"PRKMIL"``, ``"USA"`` or ``"UNSC"``.
    bases
        The known base codes (ISO3 codes and organisation codes).

    Returns
    -------
    tuple or None
        ``(base, agent)`` with ``agent`` None for a bare base code; None when ``code`` is not
        a known base or a known base followed by one agent suffix.
    """
    c = code.strip().upper()
    if c in bases:
        return c, None
    if len(c) == 6 and c[:3] in bases and c[3:] in AGENT_CODES:
        return c[:3], c[3:]
    return None
