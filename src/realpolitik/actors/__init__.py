"""Actors: codes, the actor dictionary and resolution of mentions to codes.

Exports
-------
ActorDictionary
    Names, demonyms, capitals, phrases and dated office-holders to actor codes;
    ``ActorDictionary.default()`` loads the packaged tables.
ActorMatch
    One resolved mention: ``code, start, end, text, kind``.
resolve_icews
    ICEWS actor names ("Citizen (North Korea)", "Xi Jinping") to actor codes.
AGENT_CODES
    CAMEO agent suffixes (``GOV``, ``MIL``, ...) and their labels.
"""

from realpolitik.actors.codes import AGENT_CODES
from realpolitik.actors.dictionary import ActorDictionary, ActorMatch
from realpolitik.actors.icews import resolve_icews

__all__ = ["ActorDictionary", "ActorMatch", "resolve_icews", "AGENT_CODES"]
