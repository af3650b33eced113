"""The Banzhaf power index (raw and normalised) of a weighted voting game."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from realpolitik.voting.weighted_game import WeightedGame, swing_counts

__all__ = ["BanzhafIndex", "banzhaf_index"]


@dataclass(frozen=True)
class BanzhafIndex:
    """Banzhaf power of every player.

    Attributes
    ----------
    swings
        Player -> number of coalitions for which it is a swing (``eta_i``).
    raw
        Player -> ``eta_i / 2**(n-1)`` (the probability of being decisive; Penrose measure).
    normalised
        Player -> ``eta_i / sum_j eta_j`` (sums to 1).
    """

    swings: dict[str, int]
    raw: dict[str, Fraction]
    normalised: dict[str, Fraction]

    def to_dict(self) -> dict[str, Any]:
        """Plain data (fractions as ``"p/q"`` strings)."""
        return {
            p: {
                "swings": self.swings[p],
                "raw": f"{self.raw[p].numerator}/{self.raw[p].denominator}",
                "normalised": f"{self.normalised[p].numerator}/{self.normalised[p].denominator}",
            }
            for p in self.swings
        }


def banzhaf_index(game: WeightedGame, counts: dict[str, list[int]] | None = None) -> BanzhafIndex:
    """Exact raw and normalised Banzhaf indices.

    Parameters
    ----------
    game
        A :class:`~realpolitik.voting.weighted_game.WeightedGame`.
    counts
        Swing counts from :func:`~realpolitik.voting.weighted_game.swing_counts`, if already
        computed (saves the dynamic programme when both indices are wanted).

    Returns
    -------
    BanzhafIndex

    References
    ----------
    Banzhaf, J. F. (1965). Weighted voting doesn't work: a mathematical analysis. *Rutgers
    Law Review* 19, 317-343 (swing counts and their normalisation).
    Felsenthal, D. S. & Machover, M. (1998). *The Measurement of Voting Power*. Edward Elgar
    (the raw index ``eta_i / 2**(n-1)`` as the Penrose-Banzhaf measure; for the 15-member UN
    Security Council the normalised index is 106/635 per permanent and 21/1270 per elected
    member, reproduced in the tests).
    """
    n = game.n
    swings = {p: sum(c) for p, c in (counts if counts is not None else swing_counts(game)).items()}
    total = sum(swings.values())
    raw = {p: Fraction(s, 2 ** (n - 1)) for p, s in swings.items()}
    norm = {p: (Fraction(s, total) if total else Fraction(0)) for p, s in swings.items()}
    return BanzhafIndex(swings, raw, norm)
