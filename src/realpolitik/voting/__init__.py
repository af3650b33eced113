"""Voting power in weighted voting games.

Exports
-------
WeightedGame, weighted_voting_game, swing_counts
    Games ``[q; w_1..w_n]`` with veto players; exact swing counts by generating functions.
shapley_shubik_index
    Exact Shapley-Shubik index (``Fraction`` per player).
BanzhafIndex, banzhaf_index
    Exact raw and normalised Banzhaf indices.
unsc_game, preset_game, PERMANENT_MEMBERS
    The UN Security Council preset.
"""

from realpolitik.voting.banzhaf import BanzhafIndex, banzhaf_index
from realpolitik.voting.shapley_shubik import shapley_shubik_index
from realpolitik.voting.unsc import PERMANENT_MEMBERS, preset_game, unsc_game
from realpolitik.voting.weighted_game import WeightedGame, swing_counts, weighted_voting_game

__all__ = [
    "WeightedGame",
    "weighted_voting_game",
    "swing_counts",
    "shapley_shubik_index",
    "BanzhafIndex",
    "banzhaf_index",
    "unsc_game",
    "preset_game",
    "PERMANENT_MEMBERS",
]
