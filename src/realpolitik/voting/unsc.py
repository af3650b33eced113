"""The UN Security Council as a weighted voting game (preset ``unsc``)."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.errors import InputError
from realpolitik.voting.weighted_game import WeightedGame, weighted_voting_game

__all__ = ["PERMANENT_MEMBERS", "unsc_game", "PRESETS", "preset_game"]

#: The five permanent members (UN Charter art. 23), ISO3 codes.
PERMANENT_MEMBERS: tuple[str, ...] = ("CHN", "FRA", "GBR", "RUS", "USA")


def unsc_game(elected: Sequence[str] | None = None) -> WeightedGame:
    """The Security Council since 1966: 15 members, 9 votes including all 5 permanent ones.

    Substantive decisions need nine affirmative votes including the concurring votes of the
    permanent members (UN Charter art. 27(3)); abstention is treated as in the classical
    power-index literature, i.e. the game is ``[9; 1, ..., 1]`` with the permanent members as
    veto players.

    Parameters
    ----------
    elected
        Labels of the ten elected members (default ``E01`` ... ``E10``).

    Returns
    -------
    WeightedGame

    References
    ----------
    Charter of the United Nations, art. 23 and 27(3) (as amended in 1965: 15 members, nine
    votes). Felsenthal, D. S. & Machover, M. (1998), *The Measurement of Voting Power*
    (the Council as a weighted game with vetoes).
    """
    names = list(elected) if elected is not None else [f"E{k:02d}" for k in range(1, 11)]
    if len(names) != 10:
        raise InputError(f"the Council has 10 elected members, got {len(names)}", field="elected")
    players = list(PERMANENT_MEMBERS) + names
    return weighted_voting_game([1] * 15, 9, veto=PERMANENT_MEMBERS, players=players)


#: Named games for the CLI (``realpolitik power NAME``).
PRESETS = {"unsc": unsc_game}


def preset_game(name: str) -> WeightedGame:
    """A named preset game (``unsc``).

    Parameters
    ----------
    name
        Preset name.

    Returns
    -------
    WeightedGame
    """
    try:
        return PRESETS[name]()
    except KeyError:
        raise InputError(
            f"unknown preset {name!r}; available: {', '.join(PRESETS)}", field="preset"
        ) from None
