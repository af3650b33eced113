"""Actor arguments of relation queries: codes and aliases to realpolitik codes."""

from __future__ import annotations

from functools import lru_cache

from realpolitik.errors import UnknownActorError

__all__ = ["normalize_actor"]


def normalize_actor(actor: str, *, exact: bool = False) -> str:
    """The realpolitik code a relation query uses for ``actor``.

    Taken as a code: exactly a known three-letter state or region code, ISO3 or CAMEO
    (``KOR``, ``ROM`` → ``ROU``, in any letter case), or such a code followed by CAMEO
    agent (role) codes of :data:`realpolitik.actors.codes.AGENT_CODES` (``PRKMIL``,
    ``USAGOVMIL``), the table ``data/actors/roles.tsv`` is checked against. Anything else
    (``ROK``, ``South Korea``, ``DPRK``, ``Indonesia``) is resolved through the actor
    dictionary (:mod:`realpolitik.actors`): a name is never read as a code because its first
    letters happen to be one (``Indonesia`` is ``IDN``, not ``IND`` + ``ONE`` + ``SIA``).
    Without ``exact``, only the state part (first three letters) is kept: relations aggregate
    at the state level.

    Parameters
    ----------
    actor
        Code, alias or name.
    exact
        Keep the full code (role suffix included).

    Returns
    -------
    str
        The code.

    Raises
    ------
    UnknownActorError
        When the actor is neither a known code nor resolvable by the dictionary.
    """
    text = str(actor).strip()
    code = _as_code(text)
    if code is None:
        code = _dictionary(text)
    if code is None:
        raise UnknownActorError(
            f"unknown actor {actor!r} (expected an ISO3 code such as KOR, a code with a role "
            "suffix such as PRKMIL, or a name/alias the actor dictionary knows)",
            field="actor",
        )
    return code if exact else code[:3]


def _as_code(text: str) -> str | None:
    """``text`` as a state code with optional role suffixes, or None when it is not one."""
    from realpolitik.actors.codes import AGENT_CODES

    up = text.upper()
    if not up.isascii() or not up.isalpha() or len(up) % 3:
        return None
    state = _state_codes().get(up[:3])
    suffixes = [up[i : i + 3] for i in range(3, len(up), 3)]
    if state is None or any(s not in AGENT_CODES for s in suffixes):
        return None
    return state + "".join(suffixes)


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """CAMEO and ISO3 state/region codes -> realpolitik (ISO3) code."""
    from realpolitik.events.readers._tables import cameo_country_table

    table = cameo_country_table()
    return dict(zip(table["cameo"], table["iso3"], strict=True))


def _dictionary(text: str) -> str | None:
    try:
        from realpolitik.actors import ActorDictionary
    except ImportError:
        return None
    match = ActorDictionary.default().resolve(text)
    return None if match is None else str(match.code)
