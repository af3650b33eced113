"""The Bueno de Mesquita expected-utility model, as replicated by Scholz, Calbert & Smith (2011).

Every actor ``i`` holds a position ``x_i``, capability ``c_i`` and salience ``s_i``. In each
round the model computes, for every ordered pair, the expected utility of ``i`` challenging
``j`` (as each actor perceives it), derives each actor's risk exponent from how threatened its
position is, classifies every dyad into an octant of the expected-utility plane as each side
sees it (conflict, compromise, capitulation, stalemate), and moves each actor to the offer it
accepts. The median and mean positions are recorded every round; the forecast is the median
after the last round.

The model as printed is ambiguous in many places; every ambiguity named by Scholz et al. and
later replications is an explicit field of the frozen :class:`BDMOptions`. Two presets exist:

``scholz-paper``
    The equations as printed in Scholz et al. (2011), obvious typos fixed: the probability of
    success has a per-pair denominator (eq. for P^i), offers are chosen by least move, a
    conflict loser moves fully, a capitulating actor moves fully.
``scholz-code``
    Two features of Scholz et al.'s code, as documented by a public Python port of it: the
    probability denominator sums |votes| over every voter *and every pair of actors*, and
    among compromise offers the actor takes the one whose ``|E_i| x_i + |E_j| x_j`` weighted
    point is smallest (Scholz's special case), after giving priority to conflicts, then
    compromises, then capitulations. Of all option combinations this one comes closest to
    their Table 2 by absolute error (7 of 16 figures to one decimal, 13 truncated, mean
    absolute difference 0.06); with ``probability_denominator="scholz-code-unordered"``
    10 of 16 agree to one decimal. See ``docs/bargaining.md`` for why neither reaches more.

Equations (Scholz et al. 2011, section 3; BDM 1994, pp. 79–86), with ``d = range``:

* votes ``v_k(a, b) = c_k s_k [(|x_k - x_b| / d)**r_k - (|x_k - x_a| / d)**r_k]``
* ``P^i_ij = sum_k max(v_k(i, j), 0) / denominator``
* ``U^s = 2 - 4 (0.5 - 0.5 |x_i - x_j| / d)**r``, ``U^f = 2 - 4 (0.5 + 0.5 |x_i - x_j| / d)**r``
* ``U^b = 2 - 4 (0.5 - 0.25 (|x_i - mu| + |x_i - x_j|) / d)**r``, ``U^w`` with ``+``,
  ``U^sq = 2 - 4 (0.5)**r``
* ``E^i(U_ij) = s_j [P U^s + (1 - P) U^f] + (1 - s_j) U^s - Q U^sq - (1 - Q)[T U^b + (1 - T) U^w]``
* ``R_i = (2 S_i - max_k S_k - min_k S_k) / (max_k S_k - min_k S_k)``, with the security sum
  ``S_i = sum_{j != i} E^j(U_ji)``; ``r_i = (1 - R_i / 3) / (1 + R_i / 3)``.

The inner O(n³) work (votes of every actor on every pair) is vectorised with NumPy and
batched over a leading axis, so Monte Carlo draws run together.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Literal

import numpy as np

from realpolitik.bargaining.mean import weighted_mean_positions
from realpolitik.bargaining.median import weighted_median_batch
from realpolitik.bargaining.problem import BargainingProblem
from realpolitik.bargaining.registry import register_model
from realpolitik.errors import InputError

__all__ = [
    "BDMOptions",
    "BDMRound",
    "BDMResult",
    "BDMBatch",
    "OCTANTS",
    "PRESETS",
    "preset",
    "run_bdm",
    "run_bdm_arrays",
    "risk_exponents",
]

#: Octant labels, as actor ``i`` sees the dyad ``(i, j)`` (index = code in the history).
OCTANTS: tuple[str, ...] = (
    "none",  # same position: no contest
    "conflict-win",  # both expect to gain by challenging; i expects to win
    "conflict-lose",  # both expect to gain; j's expected utility is larger: i expects to lose
    "compromise-gain",  # i gains, j loses less than i gains: j compromises towards i
    "compromise-yield",  # j gains more than i loses: i compromises towards j
    "capitulation-gain",  # j expects to lose at least what i gains: j gives in to i
    "capitulation-yield",  # i expects to lose at least what j gains: i gives in to j
    "stalemate",  # neither expects to gain: status quo
)
_NONE, _CWIN, _CLOSE, _CPG, _CPY, _CAPG, _CAPY, _STALE = range(8)
_TIE = 1e-9  # relative tolerance within which two offers' selection keys count as tied
_MIN_CHUNK = 128  # smallest batch share worth a thread of its own


@dataclass(frozen=True)
class BDMOptions:
    """Every ambiguity of the BDM model as an explicit choice.

    Attributes
    ----------
    salience_in_eu
        Which salience is the probability that the challenged actor resists in
        ``E^i(U_ij)``: ``"target"`` (``s_j``, Scholz et al. eq. for E^i) or ``"challenger"``
        (``s_i``, as some readings of BDM 1994 p. 80 have it).
    security_sum
        The security sum behind the risk exponent: ``"challenges-against"``
        (``S_i = sum_j E^j(U_ji)``, what others expect from challenging ``i``; Scholz et al.)
        or ``"challenges-by"`` (``S_i = sum_j E^i(U_ij)``).
    security_risk
        Risk exponents used while computing the security sums: ``"neutral"`` (all ``r = 1``,
        as in Scholz's code) or ``"previous"`` (the previous round's exponents; round 1 uses 1).
    compromise_fraction
        The compromise sign/ratio: the yielding actor moves towards the proposer by the
        fraction ``"ratio"`` = ``|E^i(U_ij) / E^i(U_ji)|`` (Scholz et al.) or
        ``"complement"`` = ``1 - ratio`` (the other reading of the printed formula).
    conflict_rule
        A conflict loser ``"full-move"`` (moves to the winner's position) or ``"no-move"``
        (stays; conflict is costly and resolved outside the model).
    capitulation
        A capitulating actor ``"full-move"`` (moves to the proposer's position) or
        ``"never"`` (capitulations are recorded but not acted on).

        Whatever the selection rule, offers whose keys tie (within a relative 1e-9) are
        resolved in favour of the lowest resulting position, so results do not depend on
        the order of the actors.
    offer_selection
        Which offer an actor accepts when several arrive: ``"least-move"`` (the one that
        moves it least; BDM 1994 and the paper), ``"highest-eu"`` (the one whose proposer
        expects the most), ``"priority-least-move"`` (the order of Scholz et al. sec. 6.2:
        conflicts first, then compromises, then capitulations, least move within each), or
        ``"scholz-compromise"`` (Scholz's code: conflicts first, then
        compromises, then capitulations; least move among conflicts and capitulations; among
        compromises the smallest ``(|E_ij| x_i + |E_ji| x_j) / (|E_ij| + |E_ji|)``).
    probability_denominator
        ``"paper"``: ``sum_k |v_k(i, j)|`` for the pair; ``"scholz-code"``: the sum of
        ``|v_k(a, b)|`` over every voter ``k`` and every ordered pair ``(a, b)`` (as the
        public port of Scholz's code does); ``"scholz-code-unordered"``: the same sum over
        every *unordered* pair ``{a, b}`` (each contest counted once, i.e. half the ordered
        sum, since ``|v_k(a, b)| = |v_k(b, a)|`` and ``v_k(a, a) = 0``). The second reading
        of "every pair" doubles every probability.
    vote_risk
        Exponent in the votes behind ``P``: ``"voter"`` (each voter's own ``r_k``) or
        ``"neutral"`` (1).
    risk_perspective
        Whose risk exponent evaluates ``E^i(U_ji)`` (what ``i`` thinks ``j`` expects):
        ``"observer"`` (``r_i``; Scholz et al.: everything is seen through ``i``'s eyes) or
        ``"own"`` (``r_j``).
    range
        The distance normaliser ``d``: ``"fixed"`` (range of the initial positions),
        ``"dynamic"`` (range of the current positions) or ``"scale"`` (the issue's scale).
    median
        ``"condorcet"`` (the stated position that wins every pairwise vote weighted by
        ``c s |Δx|``, risk-neutral; ties to the lowest) or ``"weighted-median"`` (the c·s
        weighted median, midpoint on an exact tie).
    q
        Probability ``Q`` that the status quo persists if ``i`` does not challenge.
    t
        Probability ``T`` that, if the status quo does change, it changes for the better.
    salience_scale
        Saliences are divided by this to become probabilities (100 for the 0–100 scale).
    """

    salience_in_eu: Literal["target", "challenger"] = "target"
    security_sum: Literal["challenges-against", "challenges-by"] = "challenges-against"
    security_risk: Literal["neutral", "previous"] = "neutral"
    compromise_fraction: Literal["ratio", "complement"] = "ratio"
    conflict_rule: Literal["full-move", "no-move"] = "full-move"
    capitulation: Literal["full-move", "never"] = "full-move"
    offer_selection: Literal[
        "least-move", "highest-eu", "priority-least-move", "scholz-compromise"
    ] = "least-move"
    probability_denominator: Literal["paper", "scholz-code", "scholz-code-unordered"] = "paper"
    vote_risk: Literal["voter", "neutral"] = "voter"
    risk_perspective: Literal["observer", "own"] = "observer"
    range: Literal["fixed", "dynamic", "scale"] = "fixed"
    median: Literal["condorcet", "weighted-median"] = "condorcet"
    q: float = 1.0
    t: float = 1.0
    salience_scale: float = 100.0

    def __post_init__(self) -> None:
        allowed = _allowed_values()
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in allowed and v not in allowed[f.name]:
                raise InputError(
                    f"BDM option {f.name}={v!r}; expected one of {', '.join(allowed[f.name])}",
                    field=f.name,
                )
        for name in ("q", "t"):
            v = getattr(self, name)
            if not 0.0 <= float(v) <= 1.0:
                raise InputError(f"BDM option {name}={v}; expected 0 to 1", field=name)
        if not float(self.salience_scale) > 0:
            raise InputError("BDM option salience_scale must be > 0", field="salience_scale")

    def to_dict(self) -> dict[str, Any]:
        """The options as a plain dict."""
        return asdict(self)


def _allowed_values() -> dict[str, tuple[str, ...]]:
    import typing

    hints = typing.get_type_hints(BDMOptions)
    out: dict[str, tuple[str, ...]] = {}
    for name, hint in hints.items():
        if typing.get_origin(hint) is Literal:
            out[name] = tuple(typing.get_args(hint))
    return out


#: Named presets.
PRESETS: dict[str, BDMOptions] = {
    "scholz-paper": BDMOptions(),
    "scholz-code": BDMOptions(
        offer_selection="scholz-compromise", probability_denominator="scholz-code"
    ),
}


def preset(name: str, **overrides: Any) -> BDMOptions:
    """The options of a named preset, with optional overrides.

    Parameters
    ----------
    name
        ``"scholz-paper"`` or ``"scholz-code"``.
    **overrides
        Fields of :class:`BDMOptions` to change.

    Returns
    -------
    BDMOptions
    """
    if name not in PRESETS:
        raise InputError(f"unknown BDM preset {name!r}; expected one of {', '.join(PRESETS)}",
                         field="preset")
    return replace(PRESETS[name], **overrides) if overrides else PRESETS[name]


# ---------------------------------------------------------------------------------------------
# vectorised core (leading batch axis B)
# ---------------------------------------------------------------------------------------------
def _pow(base: np.ndarray, expo: np.ndarray) -> np.ndarray:
    """``base ** expo``, skipping the (costly) power when every exponent is 1."""
    if not np.any(expo != 1.0):
        return np.broadcast_to(base, np.broadcast_shapes(base.shape, np.shape(expo)))
    return base**expo


def _dist(x: np.ndarray, rng: np.ndarray) -> np.ndarray:
    """|x_a - x_b| / d, shape (B, n, n)."""
    return np.abs(x[:, :, None] - x[:, None, :]) / rng[:, None, None]


def _probabilities(
    x: np.ndarray, w: np.ndarray, rv: np.ndarray, rng: np.ndarray, denominator: str
) -> np.ndarray:
    """P[b, a, c]: probability that ``a`` beats ``c`` (0 on equal positions).

    The votes ``v_k(a, c) = w_k (dk[k, c] - dk[k, a])`` form a ``(B, n, n, n)`` tensor; only
    its positive part needs summing over voters (the O(n³) step, done in voter blocks to bound
    memory), because ``|v| = 2 max(v, 0) - v`` and ``sum_k v_k(a, c) = g_c - g_a`` with
    ``g = sum_k w_k dk[k, :]``.
    """
    bsz, n = x.shape
    dk = _pow(_dist(x, rng), rv[:, :, None])  # dk[b, k, a] = (|x_k - x_a|/d)^r_k
    wd = w[:, :, None] * dk  # (B, k, a)
    top = np.zeros((bsz, n, n))
    block = max(1, int(4_000_000 // max(bsz * n * n, 1)))
    for k0 in range(0, n, block):
        part = wd[:, k0:k0 + block]
        v = part[:, :, None, :] - part[:, :, :, None]  # (B, kb, a, c)
        np.maximum(v, 0.0, out=v)
        top += v.sum(axis=1)
    g = wd.sum(axis=1)  # (B, a)
    net = g[:, None, :] - g[:, :, None]  # sum_k v_k(a, c)
    absum = 2.0 * top - net
    if denominator == "paper":
        den = absum
    else:
        total = absum.sum(axis=(1, 2))
        if denominator == "scholz-code-unordered":
            total = 0.5 * total  # each unordered pair once: |v_k(a, b)| = |v_k(b, a)|
        den = np.broadcast_to(total[:, None, None], top.shape)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.where(den > 0, top / np.where(den > 0, den, 1.0), 0.0)
    p[x[:, :, None] == x[:, None, :]] = 0.0
    return p


def _expected_utility(
    x: np.ndarray,
    s: np.ndarray,
    p: np.ndarray,
    expo: np.ndarray,
    rng: np.ndarray,
    mu: np.ndarray,
    opt: BDMOptions,
) -> np.ndarray:
    """E[b, a, c]: expected utility of ``a`` challenging ``c``, utilities raised to ``expo``."""
    d = _dist(x, rng)
    us = 2.0 - 4.0 * _pow(0.5 - 0.5 * d, expo)
    uf = 2.0 - 4.0 * _pow(0.5 + 0.5 * d, expo)
    usq = 2.0 - 4.0 * _pow(np.full(np.shape(expo), 0.5), expo)
    sal = s[:, None, :] if opt.salience_in_eu == "target" else s[:, :, None]
    e = sal * (p * us + (1.0 - p) * uf) + (1.0 - sal) * us - opt.q * usq
    if opt.q < 1.0:
        dm = (np.abs(x - mu[:, None]) / rng[:, None])[:, :, None] + d
        ub = 2.0 - 4.0 * _pow(np.clip(0.5 - 0.25 * dm, 0.0, None), expo)
        uw = 2.0 - 4.0 * _pow(0.5 + 0.25 * dm, expo)
        e = e - (1.0 - opt.q) * (opt.t * ub + (1.0 - opt.t) * uw)
    return e


def risk_exponents(security: np.ndarray) -> np.ndarray:
    """Risk exponents from security sums: ``r = (1 - R/3) / (1 + R/3)``.

    Parameters
    ----------
    security
        Security sums ``S``, shape ``(B, n)``.

    Returns
    -------
    numpy.ndarray
        ``r`` in ``[0.5, 2]``; 1 for every actor when all security sums are equal.

    References
    ----------
    .. [1] Scholz, Calbert & Smith (2011), section 3 (risk), after Bueno de Mesquita (1985),
       *American Political Science Review* 79(1): 156–177.
    """
    mx = security.max(axis=1, keepdims=True)
    mn = security.min(axis=1, keepdims=True)
    spread = mx - mn
    with np.errstate(invalid="ignore", divide="ignore"):
        big_r = np.where(spread > 0, (2.0 * security - mx - mn) / np.where(spread > 0, spread,
                                                                            1.0), 0.0)
    return (1.0 - big_r / 3.0) / (1.0 + big_r / 3.0)


def _median(x: np.ndarray, w: np.ndarray, how: str) -> np.ndarray:
    if how == "condorcet":
        f = (w[:, None, :] * np.abs(x[:, :, None] - x[:, None, :])).sum(axis=2)  # candidate a
        fmin = f.min(axis=1, keepdims=True)
        tol = 1e-12 * np.maximum(np.abs(fmin), 1.0)
        return np.where(f <= fmin + tol, x, np.inf).min(axis=1)
    return weighted_median_batch(x, w)


@dataclass(frozen=True)
class BDMBatch:
    """Raw arrays of a batched BDM run (``B`` problems, ``n`` actors, ``T`` rounds).

    Attributes
    ----------
    positions
        ``(B, T + 1, n)``; index 0 holds the inputs.
    medians, means
        ``(B, T + 1)``.
    risk
        ``(B, T + 1, n)`` risk exponents used in each round (index 0: ones).
    octants
        ``(B, T + 1, n, n)`` int8 codes into :data:`OCTANTS` (index 0: ``none``).
    rounds_run
        ``(B,)`` rounds each problem ran before stopping.
    """

    positions: np.ndarray
    medians: np.ndarray
    means: np.ndarray
    risk: np.ndarray
    octants: np.ndarray
    rounds_run: np.ndarray


def _pick(mask: np.ndarray, key: np.ndarray, newpos: np.ndarray) -> np.ndarray:
    """Index of the offer with the smallest key; ties (within 1e-9) go to the lowest position.

    Breaking ties by position rather than by actor index keeps the model invariant to the
    order in which actors are listed.
    """
    k = np.where(mask, key, np.inf)
    kmin = k.min(axis=2, keepdims=True)
    tied = mask & (k <= kmin + _TIE * np.maximum(np.abs(kmin), 1.0))
    return np.argmin(np.where(tied, newpos, np.inf), axis=2)


def _one_round(
    x: np.ndarray,
    w: np.ndarray,
    s: np.ndarray,
    r_prev: np.ndarray,
    rng: np.ndarray,
    mu: np.ndarray,
    opt: BDMOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round for a batch: returns (new positions, risk exponents, octant codes)."""
    bsz, n = x.shape
    ones = np.ones_like(x)
    # 1. security sums and risk exponents
    r_sec = ones if opt.security_risk == "neutral" else r_prev
    p_sec = _probabilities(x, w, r_sec if opt.vote_risk == "voter" else ones, rng,
                           opt.probability_denominator)
    e_sec = _expected_utility(x, s, p_sec, r_sec[:, :, None], rng, mu, opt)  # own exponent
    diag = np.eye(n, dtype=bool)[None]
    e_sec = np.where(diag, 0.0, e_sec)
    security = e_sec.sum(axis=1) if opt.security_sum == "challenges-against" else e_sec.sum(
        axis=2)
    r = risk_exponents(security)
    # 2. expected utilities as each actor perceives them
    p = _probabilities(x, w, r if opt.vote_risk == "voter" else ones, rng,
                       opt.probability_denominator)
    e_row = _expected_utility(x, s, p, r[:, :, None], rng, mu, opt)  # E[a,c] with r_a
    eij = e_row
    if opt.risk_perspective == "observer":
        e_col = _expected_utility(x, s, p, r[:, None, :], rng, mu, opt)  # E[a,c] with r_c
        eji = np.swapaxes(e_col, 1, 2)
    else:
        eji = np.swapaxes(e_row, 1, 2)
    # 3. octants as i sees (i, j)
    same = x[:, :, None] == x[:, None, :]
    ip, jp = eij > 0, eji > 0
    oct_ = np.full((bsz, n, n), _STALE, dtype=np.int8)
    both = ip & jp
    oct_[both & (eji > eij)] = _CLOSE
    oct_[both & ~(eji > eij)] = _CWIN
    gi = ip & ~jp
    oct_[gi & (eij > np.abs(eji))] = _CPG
    oct_[gi & ~(eij > np.abs(eji))] = _CAPG
    gj = jp & ~ip
    oct_[gj & (eji > np.abs(eij))] = _CPY
    oct_[gj & ~(eji > np.abs(eij))] = _CAPY
    oct_[same] = _NONE
    # 4. offers received by i (i yields) and the new position each would give
    xi, xj = x[:, :, None], x[:, None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.abs(eij) / np.where(eji != 0, np.abs(eji), 1.0)
    frac = ratio if opt.compromise_fraction == "ratio" else 1.0 - ratio
    target = np.broadcast_to(xj, (bsz, n, n))
    newpos = np.where(oct_ == _CPY, xi + (xj - xi) * frac, target)
    is_conf = oct_ == _CLOSE if opt.conflict_rule == "full-move" else np.zeros_like(same)
    is_comp = oct_ == _CPY
    is_cap = oct_ == _CAPY if opt.capitulation == "full-move" else np.zeros_like(same)
    move = np.abs(newpos - xi)
    if opt.offer_selection in ("scholz-compromise", "priority-least-move"):
        if opt.offer_selection == "scholz-compromise":
            wsum = np.abs(eij) + np.abs(eji)
            with np.errstate(invalid="ignore", divide="ignore"):
                cpt = (np.abs(eij) * xi + np.abs(eji) * xj) / np.where(wsum > 0, wsum, 1.0)
        else:
            cpt = move
        choice = np.full((bsz, n), -1)
        for mask, key in ((is_cap, move), (is_comp, cpt), (is_conf, move)):
            best = _pick(mask, key, newpos)
            choice = np.where(mask.any(axis=2), best, choice)  # later categories win
    else:
        any_offer = is_conf | is_comp | is_cap
        key = move if opt.offer_selection == "least-move" else -eji
        choice = np.where(any_offer.any(axis=2), _pick(any_offer, key, newpos), -1)
    bi, ii = np.nonzero(choice >= 0)
    new = x.copy()
    new[bi, ii] = newpos[bi, ii, choice[bi, ii]]
    return new, r, oct_


def run_bdm_arrays(
    position: np.ndarray,
    capability: np.ndarray,
    salience: np.ndarray,
    options: BDMOptions,
    *,
    rounds: int = 10,
    tolerance: float | None = None,
    scale: tuple[float, float] | None = None,
    workers: int | None = None,
) -> BDMBatch:
    """Run the BDM round loop on a batch of problems (vectorised core).

    Parameters
    ----------
    position, capability, salience
        Arrays of shape ``(B, n)`` (or ``(n,)`` for one problem); salience on the scale given
        by ``options.salience_scale``.
    options
        Model options.
    rounds
        Maximum number of rounds.
    tolerance
        Stop a problem once no actor moved more than this in a round (``None``: run all
        rounds). Stopped problems keep their positions in later rows.
    scale
        ``(min, max)`` of the issue scale, required when ``options.range == "scale"``.
    workers
        Threads to split a large batch over (default: the CPU count). The problems of a batch
        are independent, so the split changes nothing in the results; NumPy releases the GIL
        in the array operations, so the threads run on separate cores.

    Returns
    -------
    BDMBatch
    """
    x = np.atleast_2d(np.asarray(position, dtype=float)).copy()
    c = np.atleast_2d(np.asarray(capability, dtype=float))
    s_in = np.atleast_2d(np.asarray(salience, dtype=float))
    if rounds < 0:
        raise InputError(f"rounds must be >= 0, got {rounds}", field="rounds")
    bsz, n = x.shape
    nthreads = min(workers or os.cpu_count() or 1, bsz // _MIN_CHUNK)
    if nthreads > 1:
        from concurrent.futures import ThreadPoolExecutor

        bounds = np.linspace(0, bsz, nthreads + 1).astype(int)
        with ThreadPoolExecutor(max_workers=nthreads) as pool:
            parts = list(pool.map(
                lambda lo_hi: run_bdm_arrays(
                    x[lo_hi[0]:lo_hi[1]], c[lo_hi[0]:lo_hi[1]], s_in[lo_hi[0]:lo_hi[1]],
                    options, rounds=rounds, tolerance=tolerance, scale=scale, workers=1),
                list(zip(bounds[:-1], bounds[1:], strict=True)),
            ))
        return BDMBatch(*(np.concatenate([getattr(pt, f.name) for pt in parts])
                          for f in fields(BDMBatch)))
    s = s_in / float(options.salience_scale)
    w = c * s
    hist_x = np.empty((bsz, rounds + 1, n))
    hist_r = np.ones((bsz, rounds + 1, n))
    hist_o = np.zeros((bsz, rounds + 1, n, n), dtype=np.int8)
    hist_x[:, 0] = x
    r = np.ones((bsz, n))
    fixed_rng = x.max(axis=1) - x.min(axis=1)
    if options.range == "scale":
        if scale is None:
            raise InputError("range='scale' needs the issue's scale", field="range")
        fixed_rng = np.full(bsz, float(scale[1]) - float(scale[0]))
    active = np.ones(bsz, dtype=bool)
    rounds_run = np.zeros(bsz, dtype=int)
    for t in range(1, rounds + 1):
        rng = fixed_rng if options.range != "dynamic" else x.max(axis=1) - x.min(axis=1)
        rng = np.where(rng > 0, rng, 1.0)
        mu = _median(x, w, options.median)
        new, r_new, oct_ = _one_round(x, w, s, r, rng, mu, options)
        new = np.where(active[:, None], new, x)
        r = np.where(active[:, None], r_new, r)
        hist_o[:, t] = np.where(active[:, None, None], oct_, 0)
        hist_r[:, t] = r
        moved = np.abs(new - x).max(axis=1)
        rounds_run += active
        x = new
        hist_x[:, t] = x
        if tolerance is not None:
            active &= moved > tolerance
            if not active.any():
                hist_x[:, t + 1:] = x[:, None, :]
                hist_r[:, t + 1:] = r[:, None, :]
                break
    med = np.stack([_median(hist_x[:, t], w, options.median) for t in range(rounds + 1)],
                   axis=1)
    mean = weighted_mean_positions(hist_x, c[:, None, :], s[:, None, :])
    return BDMBatch(hist_x, med, mean, hist_r, hist_o, rounds_run)


# ---------------------------------------------------------------------------------------------
# result types and the registered entry point
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class BDMRound:
    """One row of the history: the state after round ``round`` (0 = the inputs).

    Attributes
    ----------
    round
        Round number.
    median, mean
        Median (per ``options.median``) and c·s-weighted mean of the positions.
    positions
        Every actor's position.
    risk_exponents
        The ``r_i`` used in this round (all 1 in round 0).
    octants
        ``octants[i][j]``: the octant of dyad ``(i, j)`` as ``i`` saw it this round.
    """

    round: int
    median: float
    mean: float
    positions: dict[str, float]
    risk_exponents: dict[str, float]
    octants: dict[str, dict[str, str]]

    def to_dict(self) -> dict[str, Any]:
        """Plain-data view (keys ``round, median, mean, positions, ...``)."""
        return {
            "round": self.round,
            "median": self.median,
            "mean": self.mean,
            "positions": dict(self.positions),
            "risk_exponents": dict(self.risk_exponents),
            "octants": {k: dict(v) for k, v in self.octants.items()},
        }


@dataclass(frozen=True)
class BDMResult:
    """Result of the BDM model on one issue.

    Attributes
    ----------
    forecast
        The median position after the last round.
    mean
        The c·s-weighted mean position after the last round.
    rounds
        The history, round 0 (inputs) first.
    converged
        Whether the tolerance stopped the loop before the round limit.
    options
        The options used; ``preset`` names the preset they came from, if any.
    """

    forecast: float
    mean: float
    rounds: tuple[BDMRound, ...]
    converged: bool
    options: BDMOptions
    preset: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """``{"forecast", "mean", "preset", "converged", "options", "rounds": [...]}``."""
        return {
            "forecast": self.forecast,
            "mean": self.mean,
            "preset": self.preset,
            "converged": self.converged,
            "options": self.options.to_dict(),
            "rounds": [r.to_dict() for r in self.rounds],
        }

    def to_frame(self) -> Any:
        """Long frame: one row per round and actor (``round, actor, position, risk``)."""
        import pandas as pd

        rows = [
            {"round": r.round, "actor": a, "position": x, "risk_exponent": r.risk_exponents[a],
             "median": r.median, "mean": r.mean}
            for r in self.rounds
            for a, x in r.positions.items()
        ]
        return pd.DataFrame(rows)

    def trajectory(self) -> Any:
        """One row per round: ``round, median, mean``."""
        import pandas as pd

        return pd.DataFrame([{"round": r.round, "median": r.median, "mean": r.mean}
                             for r in self.rounds])


@register_model(
    "bdm",
    title="Bueno de Mesquita expected-utility model (Scholz et al. 2011)",
    reference="Scholz, Calbert & Smith 2011, J. Theoretical Politics 23(4):510-531, sec. 3 "
    "and Table 2; Bueno de Mesquita 1994, ch. 4, pp. 79-86",
)
def run_bdm(
    problem: BargainingProblem,
    options: BDMOptions | str | None = None,
    *,
    rounds: int = 10,
    tolerance: float | None = None,
) -> BDMResult:
    """Run the BDM expected-utility model on one issue.

    Parameters
    ----------
    problem
        The issue.
    options
        A :class:`BDMOptions`, a preset name (``"scholz-paper"``, ``"scholz-code"``) or
        ``None`` for ``"scholz-code"``.
    rounds
        Maximum number of rounds.
    tolerance
        Stop when no actor moves more than this in a round.

    Returns
    -------
    BDMResult

    References
    ----------
    .. [1] Scholz, J. B., Calbert, G. J. & Smith, G. A. (2011). Unravelling Bueno De
       Mesquita's group decision model. *Journal of Theoretical Politics* 23(4): 510–531
       (conference version: Proc. ICAART 2011, pp. 18–30), section 3 (model) and Table 2
       (emissions trajectory, rounds 1–8).
    .. [2] Bueno de Mesquita, B. (1994). Political forecasting: an expected utility method.
       In Bueno de Mesquita & Stokman (eds), *European Community Decision Making*, Yale UP,
       ch. 4, pp. 71–104.
    """
    name: str | None
    if options is None:
        name, opt = "scholz-code", PRESETS["scholz-code"]
    elif isinstance(options, str):
        name, opt = options, preset(options)
    else:
        name = next((k for k, v in PRESETS.items() if v == options), None)
        opt = options
    batch = run_bdm_arrays(
        problem.position, problem.capability, problem.salience, opt, rounds=rounds,
        tolerance=tolerance, scale=problem.scale,
    )
    done = int(batch.rounds_run[0])
    actors = problem.actors
    hist = []
    for t in range(done + 1):
        oct_ = batch.octants[0, t]
        hist.append(
            BDMRound(
                round=t,
                median=float(batch.medians[0, t]),
                mean=float(batch.means[0, t]),
                positions={a: float(v) for a, v in zip(actors, batch.positions[0, t],
                                                       strict=True)},
                risk_exponents={a: float(v) for a, v in zip(actors, batch.risk[0, t],
                                                            strict=True)},
                octants={} if t == 0 else {
                    a: {b: OCTANTS[oct_[i, j]] for j, b in enumerate(actors) if j != i}
                    for i, a in enumerate(actors)
                },
            )
        )
    last = hist[-1]
    return BDMResult(last.median, last.mean, tuple(hist), done < rounds, opt, name)
