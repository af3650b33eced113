import importlib
import itertools
import math
import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "alignment"))
from strategies_alignment import weighted_games  # noqa: E402

from realpolitik.errors import InputError, ModelError  # noqa: E402
from realpolitik.voting import (  # noqa: E402
    PERMANENT_MEMBERS,
    banzhaf_index,
    shapley_shubik_index,
    swing_counts,
    unsc_game,
    weighted_voting_game,
)

wg_module = importlib.import_module("realpolitik.voting.weighted_game")


def brute_swings(game):
    out = {p: [0] * game.n for p in game.players}
    for r in range(game.n + 1):
        for s in itertools.combinations(game.players, r):
            if game.is_winning(s):
                continue
            for p in game.players:
                if p not in s and game.is_winning(s + (p,)):
                    out[p][len(s)] += 1
    return out


def brute_shapley(game):
    n = game.n
    piv = dict.fromkeys(game.players, 0)
    for order in itertools.permutations(game.players):
        for k in range(n):
            if game.is_winning(order[: k + 1]) and not game.is_winning(order[:k]):
                piv[order[k]] += 1
                break
    return {p: Fraction(c, math.factorial(n)) for p, c in piv.items()}


def test_security_council_exact_fractions():
    # the 15-member Council since 1966 (the published figures)
    g = unsc_game()
    ss = shapley_shubik_index(g)
    bz = banzhaf_index(g)
    for p in g.players:
        if p in PERMANENT_MEMBERS:
            assert ss[p] == Fraction(421, 2145)
            assert bz.normalised[p] == Fraction(106, 635)
        else:
            assert ss[p] == Fraction(4, 2145)
            assert bz.normalised[p] == Fraction(21, 1270)
    assert sum(ss.values()) == 1 and sum(bz.normalised.values()) == 1
    # raw Banzhaf: a permanent member is decisive in 848 of the 2**14 coalitions of the others
    assert bz.swings["USA"] == 848 and bz.raw["USA"] == Fraction(848, 2**14)


@settings(max_examples=60, deadline=None)
@given(weighted_games(max_n=7))
def test_generating_function_equals_brute_force(game_args):
    weights, quota, veto = game_args
    g = weighted_voting_game(weights, quota, veto)
    assert swing_counts(g) == brute_swings(g)


@settings(max_examples=25, deadline=None)
@given(weighted_games(max_n=6))
def test_shapley_shubik_equals_permutation_definition_and_sums_to_one(game_args):
    weights, quota, veto = game_args
    g = weighted_voting_game(weights, quota, veto)
    ss = shapley_shubik_index(g)
    assert ss == brute_shapley(g)
    assert sum(ss.values()) == 1
    bz = banzhaf_index(g)
    assert sum(bz.normalised.values()) in (0, 1)


def test_many_primes_for_large_games():
    # 130 equal players: counts above 2**100 need several CRT primes
    n = 130
    g = weighted_voting_game([1] * n, 66)
    c = swing_counts(g)["P1"]
    assert c[65] == math.comb(n - 1, 65) and sum(c) == math.comb(n - 1, 65)
    assert shapley_shubik_index(g)["P7"] == Fraction(1, n)


def test_decimal_weights_are_exact():
    g = weighted_voting_game({"A": "0.3", "B": "0.3", "C": "0.4"}, "0.6")
    assert shapley_shubik_index(g) == dict.fromkeys("ABC", Fraction(1, 3))


@pytest.mark.parametrize(
    ("kwargs", "pattern"),
    [
        ({"weights": [1, -1], "quota": 1}, "negative"),
        ({"weights": [1, "x"], "quota": 1}, "expected a number"),
        ({"weights": [1, 1], "quota": 3}, "quota"),
        ({"weights": [1, 1], "quota": 0}, "quota"),
        ({"weights": [1, 1], "quota": 1, "veto": ["Z"]}, "veto"),
        ({"weights": {"A": 1}, "quota": "nan"}, "number"),
        ({"weights": [1, 1], "quota": 1, "players": ["A", "A"]}, "more than once"),
    ],
)
def test_bad_games(kwargs, pattern):
    with pytest.raises(InputError, match=pattern):
        weighted_voting_game(**kwargs)


def test_table_size_guard(monkeypatch):
    monkeypatch.setattr(wg_module, "MAX_DP_CELLS", 100)
    with pytest.raises(ModelError, match="table"):
        swing_counts(weighted_voting_game([50, 60, 70], 100))
