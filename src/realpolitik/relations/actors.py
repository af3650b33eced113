"""Actor arguments of relation queries: codes and aliases to realpolitik codes."""

from __future__ import annotations

from realpolitik.errors import UnknownActorError

__all__ = ["normalize_actor"]


def normalize_actor(actor: str, *, exact: bool = False) -> str:
    """The realpolitik code a relation query uses for ``actor``.

    An ISO3 code, a CAMEO country/region code (``ROM`` → ``ROU``) or a code with a role
    suffix (``PRKMIL``) is taken as it is; anything else (``ROK``, ``South Korea``,
    ``DPRK``) is resolved through the actor dictionary (:mod:`realpolitik.actors`). Without
    ``exact``, only the state part (first three letters) is kept: relations aggregate at the
    state level.

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
    from realpolitik.events.readers._tables import cameo_country_table

    text = str(actor).strip()
    up = text.upper()
    table = cameo_country_table()
    known = dict(zip(table["cameo"], table["iso3"], strict=True))
    if up.isalpha() and len(up) >= 3 and up[:3] in known and (len(up) == 3 or len(up) % 3 == 0):
        code = known[up[:3]] + up[3:]
        return code if exact else code[:3]
    code = _dictionary(text)
    if code is None:
        raise UnknownActorError(
            f"unknown actor {actor!r} (expected an ISO3 code such as KOR, a code with a role "
            "suffix such as PRKMIL, or a name/alias the actor dictionary knows)",
            field="actor",
        )
    return code if exact else code[:3]


def _dictionary(text: str) -> str | None:
    try:
        from realpolitik.actors import ActorDictionary
    except ImportError:
        return None
    match = ActorDictionary.default().resolve(text)
    return None if match is None else str(match.code)
