"""Bargaining benchmarks: BDM rounds (fast vs plain-loop reference) and Monte Carlo throughput.

The baseline is the plain-loop reference implementation kept in
``tests/bargaining/bdm_loop_reference.py`` (the one the tests check the fast code against),
timed in the same run. At 200 actors the loop runs fewer rounds (it takes minutes per round
otherwise); figures are per round, so the ratio is comparable.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EMISSIONS = ROOT.parent / "shared" / "data" / "bargaining" / "emissions_bdm1994.csv"


def _reference():
    sys.path.insert(0, str(ROOT / "tests" / "bargaining"))
    from bdm_loop_reference import run_reference

    return run_reference


def _timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _problem(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    return (rng.uniform(0, 100, n), rng.uniform(0.1, 1.0, n), rng.uniform(10, 100, n))


def main(quick: bool = False) -> None:
    from realpolitik.bargaining import BargainingProblem, Noise, monte_carlo, preset
    from realpolitik.bargaining.bdm import run_bdm_arrays
    from realpolitik.bargaining.montecarlo import perturb

    run_reference = _reference()
    opt = preset("scholz-code")
    sizes = [(10, 10, 10), (50, 10, 2)] + ([] if quick else [(200, 10, 1)])
    print("BDM rounds, preset scholz-code (per round; best of repeats)")
    print(f"{'actors':>7} {'fast s/round':>13} {'loop s/round':>13} {'loop rounds':>12} "
          f"{'speed-up':>9}")
    for n, fast_rounds, loop_rounds in sizes:
        x, c, s = _problem(n)
        fast = _timed(lambda x=x, c=c, s=s, r=fast_rounds: run_bdm_arrays(x, c, s, opt,
                                                                           rounds=r),
                      repeat=3) / fast_rounds
        loop = _timed(lambda x=x, c=c, s=s, r=loop_rounds: run_reference(x, c, s, opt, r)
                      ) / loop_rounds
        print(f"{n:>7} {fast:>13.5f} {loop:>13.4f} {loop_rounds:>12} {loop / fast:>8.0f}x")

    if not EMISSIONS.exists():
        print("(emissions data not found beside the checkout; Monte Carlo bench skipped)")
        return
    prob = BargainingProblem.from_csv(EMISSIONS)
    draws = 200 if quick else 1000
    x, c, s = perturb(prob, draws, Noise(), np.random.default_rng(0))
    t_batch = _timed(lambda: run_bdm_arrays(x, c, s, opt, rounds=10), repeat=3)
    n_loop = 5 if quick else 20
    t_loop = _timed(lambda: [run_reference(x[b], c[b], s[b], opt, 10) for b in range(n_loop)])
    t_loop_all = t_loop / n_loop * draws
    print(f"\nMonte Carlo, emissions case (10 actors), {draws} draws x 10 BDM rounds")
    print(f"  batched fast BDM:          {t_batch:8.3f} s  ({draws / t_batch:,.0f} draws/s)")
    print(f"  plain loop (from {n_loop} draws): {t_loop_all:8.1f} s  (extrapolated)")
    print(f"  speed-up: {t_loop_all / t_batch:,.0f}x")
    t_all = _timed(lambda: monte_carlo(prob.replace(status_quo=4.0), draws=draws, seed=0,
                                       rounds=10), repeat=2)
    print(f"  all four models (mean, median, nash, bdm): {t_all:.3f} s")
