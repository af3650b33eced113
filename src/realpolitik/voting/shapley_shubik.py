"""The Shapley-Shubik power index of a weighted voting game."""

from __future__ import annotations

import math
from fractions import Fraction

from realpolitik.voting.weighted_game import WeightedGame, swing_counts

__all__ = ["shapley_shubik_index"]


def shapley_shubik_index(
    game: WeightedGame, counts: dict[str, list[int]] | None = None
) -> dict[str, Fraction]:
    """Exact Shapley-Shubik index of every player.

    The index of player ``i`` is the share of the ``n!`` orderings of the players in which
    ``i`` is pivotal (turns the coalition of its predecessors from losing into winning):
    ``phi_i = sum_S |S|! (n - |S| - 1)! / n!`` over the coalitions ``S`` for which ``i`` is a
    swing.

    Parameters
    ----------
    game
        A :class:`~realpolitik.voting.weighted_game.WeightedGame`.
    counts
        Swing counts from :func:`~realpolitik.voting.weighted_game.swing_counts`, if already
        computed (saves the dynamic programme when both indices are wanted).

    Returns
    -------
    dict
        Player -> exact ``Fraction``; the values sum to 1.

    References
    ----------
    Shapley, L. S. & Shubik, M. (1954). A method for evaluating the distribution of power in a
    committee system. *American Political Science Review* 48(3), 787-792 (the index as the
    share of orderings in which a player is pivotal). Their Security Council example is the
    11-member Council of 1954; for the 15-member Council since 1966 the index is 421/2145 per
    permanent and 4/2145 per elected member (reproduced in the tests, and checked there
    against the definition over all orderings on small games).
    """
    n = game.n
    fact = [math.factorial(k) for k in range(n + 1)]
    out: dict[str, Fraction] = {}
    table = counts if counts is not None else swing_counts(game)
    for player, by_size in table.items():
        num = sum(c * fact[s] * fact[n - s - 1] for s, c in enumerate(by_size))
        out[player] = Fraction(num, fact[n])
    return out
