"""Weighted voting games with a quota and veto players, and their swing counts.

A coalition wins when its total weight reaches the quota *and* it contains every veto player.
Player ``i`` is *pivotal* (a swing) for a coalition ``S`` not containing it when ``S`` loses
and ``S ∪ {i}`` wins. Both power indices are sums over swings: Shapley-Shubik weights a swing by
``|S|! (n - |S| - 1)! / n!``, Banzhaf counts them. :func:`swing_counts` counts the swings of
every player by coalition size exactly, with a generating-function dynamic programme.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Any

import numpy as np

from realpolitik.errors import InputError, ModelError

__all__ = ["WeightedGame", "weighted_voting_game", "swing_counts", "MAX_DP_CELLS"]

#: Largest generating-function table (coalition sizes x total weights) handled.
MAX_DP_CELLS = 40_000_000


def _fraction(value: Any, what: str) -> Fraction:
    if isinstance(value, bool):
        raise InputError(f"expected a number, got {value!r}", field=what)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    try:
        text = str(value).strip()
        frac = Fraction(text)
    except (ValueError, ZeroDivisionError, TypeError):
        raise InputError(f"expected a number, got {value!r}", field=what) from None
    if not math.isfinite(float(frac)):
        raise InputError(f"expected a finite number, got {value!r}", field=what)
    return frac


@dataclass(frozen=True)
class WeightedGame:
    """A weighted voting game ``[q; w_1, ..., w_n]`` with veto players.

    Attributes
    ----------
    players
        Player labels.
    weights
        Exact non-negative weights (``Fraction``).
    quota
        Exact quota: a coalition wins when its weight is at least this.
    veto
        Players every winning coalition must contain.
    """

    players: tuple[str, ...]
    weights: tuple[Fraction, ...]
    quota: Fraction
    veto: frozenset[str] = frozenset()

    @property
    def n(self) -> int:
        """Number of players."""
        return len(self.players)

    def is_winning(self, coalition: Iterable[str]) -> bool:
        """Whether a coalition (player labels) wins.

        Parameters
        ----------
        coalition
            Labels of its members.

        Returns
        -------
        bool
        """
        members = set(coalition)
        unknown = members - set(self.players)
        if unknown:
            raise InputError(f"unknown player(s) {', '.join(sorted(unknown))}", field="coalition")
        if not self.veto <= members:
            return False
        weight = sum(
            (w for p, w in zip(self.players, self.weights, strict=True) if p in members),
            Fraction(0),
        )
        return weight >= self.quota

    def integer_form(self) -> tuple[list[int], int]:
        """Weights and quota scaled by a common factor to integers (same game)."""
        den = math.lcm(*(w.denominator for w in self.weights), self.quota.denominator)
        return [int(w * den) for w in self.weights], int(math.ceil(self.quota * den))

    def to_dict(self) -> dict[str, Any]:
        """Plain data: players, weights, quota, veto."""
        return {
            "players": list(self.players),
            "weights": [_num(w) for w in self.weights],
            "quota": _num(self.quota),
            "veto": [p for p in self.players if p in self.veto],
        }


def _num(f: Fraction) -> int | float:
    return int(f) if f.denominator == 1 else float(f)


def weighted_voting_game(
    weights: Mapping[str, Any] | Sequence[Any],
    quota: Any,
    veto: Iterable[str] = (),
    players: Sequence[str] | None = None,
) -> WeightedGame:
    """Build and check a weighted voting game.

    Parameters
    ----------
    weights
        ``{player: weight}``, or a sequence of weights (labels from ``players`` or ``P1..Pn``).
        Weights are non-negative numbers; decimals are read exactly (``"0.1"`` is 1/10).
    quota
        Winning threshold, ``0 < quota <= total weight``.
    veto
        Labels of veto players.
    players
        Labels when ``weights`` is a sequence.

    Returns
    -------
    WeightedGame

    Raises
    ------
    InputError
        Negative or non-numeric weights, repeated players, an unknown veto player, or a quota
        outside ``(0, total weight]``.
    """
    if isinstance(weights, Mapping):
        labels = [str(k) for k in weights]
        raw = list(weights.values())
    else:
        raw = list(weights)
        labels = (
            [str(p) for p in players]
            if players is not None
            else [f"P{i + 1}" for i in range(len(raw))]
        )
        if len(labels) != len(raw):
            raise InputError(f"{len(labels)} players but {len(raw)} weights", field="weights")
    if not raw:
        raise InputError("a game needs at least one player", field="weights")
    if len(set(labels)) != len(labels):
        dup = next(p for p in labels if labels.count(p) > 1)
        raise InputError(f"player {dup!r} appears more than once", field="weights")
    ws = tuple(_fraction(w, "weights") for w in raw)
    for p, w in zip(labels, ws, strict=True):
        if w < 0:
            raise InputError(f"weight of {p} is negative ({w})", field="weights")
    q = _fraction(quota, "quota")
    total = sum(ws, Fraction(0))
    if not 0 < q <= total:
        raise InputError(
            f"quota must be > 0 and <= the total weight {_num(total)}, got {_num(q)}",
            field="quota",
        )
    vset = frozenset(str(v) for v in veto)
    unknown = vset - set(labels)
    if unknown:
        raise InputError(
            f"veto player(s) {', '.join(sorted(unknown))} are not players", field="veto"
        )
    return WeightedGame(tuple(labels), ws, q, vset)


# -- exact swing counting -----------------------------------------------------------------------
def _is_prime(n: int) -> bool:
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in small:  # deterministic for n < 3.3e24
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


@lru_cache(maxsize=1)
def _primes(count: int = 64) -> tuple[int, ...]:
    """Primes just below 2**50 (sums of 8192 residues still fit in int64)."""
    out: list[int] = []
    c = (1 << 50) - 1
    while len(out) < count:
        if _is_prime(c):
            out.append(c)
        c -= 2
    return tuple(out)


def _modsum_rows(a: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Row sums (last axis) modulo p (shape (P,1,1)) without int64 overflow."""
    chunk = 8192
    if a.shape[-1] <= chunk:
        return a.sum(axis=-1) % p[..., 0]
    while a.shape[-1] > 1:
        n = a.shape[-1]
        pad = (-n) % chunk
        if pad:
            a = np.concatenate([a, np.zeros(a.shape[:-1] + (pad,), dtype=a.dtype)], axis=-1)
        a = a.reshape(a.shape[:-1] + (-1, chunk)).sum(axis=-1) % p
        if a.shape[-1] == 1:
            break
    return a[..., 0]


def _crt(residues: Sequence[int], primes: Sequence[int]) -> int:
    x, mod = 0, 1
    for r, p in zip(residues, primes, strict=True):
        # solve x + mod*t = r (mod p)
        t = ((r - x) * pow(mod, -1, p)) % p
        x += mod * t
        mod *= p
    return x


def swing_counts(game: WeightedGame) -> dict[str, list[int]]:
    """Exact swing counts of every player by coalition size.

    ``counts[i][s]`` is the number of coalitions ``S`` with ``|S| = s`` and ``i ∉ S`` such that
    ``S`` loses and ``S ∪ {i}`` wins.

    Parameters
    ----------
    game
        A :class:`WeightedGame`.

    Returns
    -------
    dict
        Player -> list of ``n`` exact integers (sizes ``0 .. n-1``).

    Raises
    ------
    ModelError
        When the table of (coalition size x total weight) would exceed ``MAX_DP_CELLS``; scale
        or round the weights.

    Notes
    -----
    Generating function of the non-veto players ``G(x, y) = prod_j (1 + y x^{w_j})``: the
    coefficient of ``y^k x^w`` counts the coalitions of ``k`` of them with weight ``w``. Every
    veto player must be in any winning coalition, so they are added as a fixed block. Removing
    player ``i`` divides ``G`` by ``(1 + y x^{w_i})`` (a recurrence in ``k``), once per distinct
    weight. The counts can exceed 64 bits, so the programme runs modulo several primes below
    ``2**50`` (enough for ``2**n``) and the exact integers are rebuilt by the Chinese
    remainder theorem.

    References
    ----------
    Brams, S. J. & Affuso, P. J. (1976). Power and size: a new paradox. *Theory and Decision*
    7, 29-56 (generating functions for Banzhaf swings).
    Bilbao, J. M., Fernández, J. R., Jiménez Losada, A. & López, J. J. (2000). Generating
    functions for computing power indices efficiently. *TOP* 8(2), 191-213 (the bivariate
    function by coalition size used for Shapley-Shubik).
    """
    n = game.n
    w_int, q = game.integer_form()
    veto_idx = [k for k, p in enumerate(game.players) if p in game.veto]
    free_idx = [k for k in range(n) if k not in set(veto_idx)]
    w_veto = sum(w_int[k] for k in veto_idx)
    nv = len(veto_idx)
    nf = len(free_idx)
    # only coalition weights below the quota matter: w_free caps the table
    w_free = max(0, min(sum(w_int[k] for k in free_idx), q - 1 - w_veto))
    if (nf + 1) * (w_free + 1) > MAX_DP_CELLS:
        raise ModelError(
            f"the weights need a {nf + 1}x{w_free + 1} table (over {MAX_DP_CELLS} cells); "
            "use smaller integer weights"
        )
    n_primes = max(1, math.ceil((n + 2) / 49))
    primes = _primes()[:n_primes]
    pv = np.array(primes, dtype=np.int64).reshape(-1, 1, 1)
    table = np.zeros((n_primes, nf + 1, w_free + 1), dtype=np.int64)
    table[:, 0, 0] = 1
    size_hi, weight_hi = 0, 0
    # ascending weights keep the used region of the table small for longer
    for step, k in enumerate(sorted(free_idx, key=lambda j: w_int[j]), start=1):
        wk = w_int[k]
        # add player k: T[s, w] += T[s-1, w-wk], on the used region only. Entries start below
        # 2**50 and at most double per addition, so reducing every 12 players avoids overflow.
        top = min(weight_hi, w_free - wk)
        if top >= 0:
            table[:, 1 : size_hi + 2, wk : top + wk + 1] += table[:, : size_hi + 1, : top + 1]
        size_hi += 1
        weight_hi = min(weight_hi + wk, w_free)
        if step % 12 == 0:
            table[:, : size_hi + 1, : weight_hi + 1] %= pv
    table %= pv

    def window(tab: np.ndarray, lo: int, hi: int) -> np.ndarray:
        """Per prime and size, the count of weights in [lo, hi] (mod p)."""
        lo, hi = max(lo, 0), min(hi, w_free)
        if hi < lo:
            return np.zeros(tab.shape[:2], dtype=np.int64)
        return _modsum_rows(tab[:, :, lo : hi + 1], pv)

    result: dict[str, list[int]] = {}
    # veto players: S = (other vetoes) + any free subset T with w(T) + w_veto >= q
    if veto_idx:
        below = window(table, 0, q - w_veto - 1)  # (P, nf+1): free subsets that fall short
        counts = [0] * n
        for s_free in range(nf + 1):
            short = _crt([int(r) for r in below[:, s_free]], primes)
            counts[s_free + nv - 1] = math.comb(nf, s_free) - short
        for k in veto_idx:
            result[game.players[k]] = list(counts)
    # free players: divide out (1 + y x^w) once per distinct weight
    by_weight: dict[int, list[int]] = {}
    for k in free_idx:
        by_weight.setdefault(w_int[k], []).append(k)
    for wk, members in by_weight.items():
        rest = np.empty_like(table)
        rest[:, 0] = table[:, 0]
        for s in range(1, nf + 1):
            row = table[:, s].copy()
            if wk <= w_free:
                row[:, wk:] -= rest[:, s - 1, : w_free + 1 - wk]
            row %= pv[:, :, 0]
            rest[:, s] = row
        # S = all vetoes + T (T free, without i): loses, and wins with i
        res = window(rest, q - wk - w_veto, q - 1 - w_veto)
        counts = [0] * n
        for s_free in range(nf):
            counts[s_free + nv] = _crt([int(r) for r in res[:, s_free]], primes)
        for k in members:
            result[game.players[k]] = list(counts)
    return {p: result[p] for p in game.players}
