"""Alignment and voting benchmarks.

* exact frustration index of all 51 Correlates of War signed networks (target < 60 s), with
  the plain XOR model on the whole graph (first node fixed, no block decomposition, no
  triangle cuts) on a sample of periods as the baseline;
* landscape enumeration of 24 actors (target < 10 s): Gray-code updates against recomputing
  every configuration, in the same run;
* power indices of a 200-player weighted game (target < 1 s), and at 20 players the
  generating-function programme against enumerating all coalitions.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

COW = Path(__file__).resolve().parents[2] / "shared" / "data" / "alignment" / "cow_signed_edges.csv"


def _cow(quick: bool) -> None:
    from realpolitik.alignment.frustration import frustration_index
    from realpolitik.alignment.graph import read_edge_table

    if not COW.is_file():
        print(f"CoW data not found at {COW}; skipped")
        return
    tables = read_edge_table(COW)
    periods = list(tables)[::10] if quick else list(tables)
    graphs = {p: tables[p].to_graph() for p in periods}
    t0 = time.perf_counter()
    results = {p: frustration_index(g, time_limit=60) for p, g in graphs.items()}
    total = time.perf_counter() - t0
    n_opt = sum(r.optimal for r in results.values())
    worst = max(results.items(), key=lambda kv: kv[1].seconds)
    print(
        f"CoW frustration index: {len(results)} periods in {total:.1f} s "
        f"({n_opt} proven optimal; slowest {worst[0]} {worst[1].seconds:.2f} s; target < 60 s "
        "for all 51)"
    )
    sample = periods[::5]
    t0 = time.perf_counter()
    base = {
        p: frustration_index(
            graphs[p], time_limit=120, decompose=False, triangle_cuts=False, fix_node="first"
        )
        for p in sample
    }
    t_base = time.perf_counter() - t0
    t_new = sum(results[p].seconds for p in sample)
    same = all(base[p].frustration_index == results[p].frustration_index for p in sample)
    print(
        f"  sample of {len(sample)} periods: plain XOR model (whole graph, first node fixed) "
        f"{t_base:.2f} s vs blocks + max-degree node + triangle cuts {t_new:.2f} s -> ratio "
        f"{t_base / t_new:.2f}x "
        f"(same indices: {same})"
    )


def _landscape(quick: bool) -> None:
    from realpolitik.alignment.landscape import enumerate_landscape, enumerate_landscape_naive

    n = 20 if quick else 24
    rng = np.random.default_rng(2024)
    p = rng.uniform(-1, 1, (n, n))
    p = np.triu(p, 1)
    p = p + p.T
    sizes = rng.uniform(0.5, 2.0, n)
    t0 = time.perf_counter()
    gray = enumerate_landscape(sizes, p)
    t_gray = time.perf_counter() - t0
    t0 = time.perf_counter()
    naive = enumerate_landscape_naive(sizes, p)
    t_naive = time.perf_counter() - t0
    same = [m.to_dict() for m in gray.local_minima] == [m.to_dict() for m in naive.local_minima]
    print(
        f"landscape, {n} actors ({2 ** (n - 1):,} configurations, "
        f"{len(gray.local_minima)} local minima): Gray code {t_gray:.2f} s, "
        f"recompute-each {t_naive:.2f} s -> ratio {t_naive / t_gray:.2f}x (same minima and "
        f"basins: {same}; target < 10 s)"
    )


def _power(quick: bool) -> None:
    from realpolitik.voting import (
        banzhaf_index,
        shapley_shubik_index,
        swing_counts,
        weighted_voting_game,
    )

    rng = np.random.default_rng(7)
    n = 100 if quick else 200
    w = rng.integers(1, 11, n).tolist()
    game = weighted_voting_game(w, sum(w) // 2 + 1, veto=["P1"])
    t0 = time.perf_counter()
    counts = swing_counts(game)
    ss = shapley_shubik_index(game, counts)
    bz = banzhaf_index(game, counts)
    t = time.perf_counter() - t0
    print(
        f"power indices, {n} players (weights 1..10, one veto): {t:.3f} s "
        f"(sum SS = {sum(ss.values())}, sum Banzhaf = {sum(bz.normalised.values())}; "
        "target < 1 s)"
    )
    # baseline: enumerate every coalition (vectorised) for a 20-player game
    m = 16 if quick else 20
    w2 = rng.integers(1, 11, m)
    small = weighted_voting_game(w2.tolist(), int(w2.sum()) // 2 + 1)
    t0 = time.perf_counter()
    gf = swing_counts(small)
    t_gf = time.perf_counter() - t0
    t0 = time.perf_counter()
    idx = np.arange(2**m, dtype=np.int64)
    members = ((idx[:, None] >> np.arange(m)) & 1).astype(bool)
    weight = members @ w2
    win = weight >= small.integer_form()[1]
    size = members.sum(axis=1)
    enum = {}
    for i in range(m):
        without = ~members[:, i]
        with_i = idx[without] | (1 << i)
        swing = without.copy()
        swing[without] = win[with_i] & ~win[without]
        enum[f"P{i + 1}"] = np.bincount(size[swing], minlength=m)[:m].tolist()
    t_enum = time.perf_counter() - t0
    assert enum == gf, "enumeration and generating function disagree"
    print(
        f"  {m} players: generating function {t_gf * 1000:.1f} ms vs enumerating "
        f"{2**m:,} coalitions {t_enum * 1000:.0f} ms -> ratio {t_enum / t_gf:.0f}x "
        "(identical swing counts)"
    )


def main(quick: bool = False) -> None:
    """Run the alignment benchmarks and print figures and ratios."""
    _cow(quick)
    _landscape(quick)
    _power(quick)


if __name__ == "__main__":
    main()


def cow_table_markdown() -> str:
    """The per-period CoW table of docs/cow_frustration.md (regenerate with
    ``python -c "import bench.bench_alignment as b; print(b.cow_table_markdown())"``)."""
    from realpolitik.alignment.balance import triad_census
    from realpolitik.alignment.frustration import frustration_index
    from realpolitik.alignment.graph import read_edge_table
    from realpolitik.alignment.triangle import triangle_in_graph

    lines = [
        "| period | states | edges | + / − | frustration index | proven optimal | lower bound "
        "| unbalanced triangles | USA–CHN | USA–NKR | CHN–NKR | configuration | pivot / outcast "
        "| all three ties present |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for period, table in read_edge_table(COW).items():
        g = table.to_graph()
        r = frustration_index(g, time_limit=60)
        s = g.signs[np.triu_indices(g.n, 1)]
        census = triad_census(g)
        if all(v in g.nodes for v in ("USA", "CHN", "NKR")):
            t = triangle_in_graph(g, "USA", "CHN", "NKR")
            rel = [int(v) for v in t.relations.values()]
            who = t.pivot or t.outcast or "—"
            tri = [
                *(f"{v:+d}" if v else "none" for v in rel),
                t.configuration if t.complete else f"({t.configuration})",
                who,
                "yes" if t.complete else "no",
            ]
        else:
            missing = [v for v in ("USA", "CHN", "NKR") if v not in g.nodes]
            tri = ["—", "—", "—", f"{', '.join(missing)} not in the network", "—", "no"]
        lines.append(
            "| "
            + " | ".join(
                [
                    period,
                    str(g.n),
                    str(g.n_edges),
                    f"{(s > 0).sum()} / {(s < 0).sum()}",
                    str(int(r.frustration_index)),
                    "yes" if r.optimal else "NO",
                    str(int(r.lower_bound)),
                    str(census.unbalanced),
                    *tri,
                ]
            )
            + " |"
        )
    return "\n".join(lines)
