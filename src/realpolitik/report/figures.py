"""Figures of the report, drawn with matplotlib (Agg) and returned as PNG bytes.

Each function takes plain data from :class:`realpolitik.scenario.analysis.Analysis` and returns
the PNG of one figure; nothing here computes a model.
"""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np

__all__ = [
    "png_bytes",
    "bdm_trajectory_figure",
    "forecast_figure",
    "network_figure",
    "triangle_figure",
    "relations_figure",
    "claims_figure",
]

_SIGN_COLOURS = {True: "#2a9d4b", False: "#c8382c"}
_BLOC_COLOURS = ["#3b6fb6", "#e0892b", "#7a52a8", "#3aa39a"]


def _plt() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def png_bytes(fig: Any) -> bytes:
    """Render a matplotlib figure to PNG and close it."""
    plt = _plt()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def bdm_trajectory_figure(issue: str, data: dict[str, Any], labels: tuple[str, str]) -> bytes:
    """BDM median per round under the baseline and each intervention, with actor paths."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    base_rounds = data["variants"]["baseline"]["bdm"]["rounds"]
    actors = list(base_rounds[0]["positions"])
    for a in actors:
        ys = [r["positions"][a] for r in base_rounds]
        ax.plot(range(len(ys)), ys, color="0.75", lw=0.9, zorder=1)
        ax.annotate(a, (len(ys) - 1, ys[-1]), fontsize=7, color="0.45",
                    xytext=(3, 0), textcoords="offset points", va="center")
    for k, (name, models) in enumerate(data["variants"].items()):
        rounds = models["bdm"]["rounds"]
        style = {"lw": 2.6, "color": "black"} if name == "baseline" else {"lw": 1.6}
        ax.plot([r["round"] for r in rounds], [r["median"] for r in rounds],
                label=f"{name} (median)", zorder=3 + k, **style)
    ax.axhline(data["status_quo"], ls=":", color="0.3", lw=1)
    ax.text(0.1, data["status_quo"], " status quo", fontsize=7, va="bottom", color="0.3")
    lo, hi = data["scale"]
    ax.set_ylim(lo - 0.03 * (hi - lo), hi + 0.03 * (hi - lo))
    ax.set_xlabel("round")
    ax.set_ylabel(f"{lo:g} = {labels[0][:38]}\n{hi:g} = {labels[1][:38]}", fontsize=7)
    ax.set_title(f"BDM rounds on '{issue}' (grey: actors under the baseline)", fontsize=10)
    ax.legend(fontsize=7, loc="best", frameon=False)
    ax.grid(alpha=0.25)
    return png_bytes(fig)


def forecast_figure(bargaining: dict[str, Any]) -> bytes:
    """Each model's baseline forecast with its 5–95 % interval, per issue."""
    plt = _plt()
    issues = list(bargaining)
    fig, axes = plt.subplots(1, len(issues), figsize=(3.3 * len(issues), 3.6), squeeze=False)
    for ax, issue in zip(axes[0], issues, strict=True):
        data = bargaining[issue]
        models = data["variants"]["baseline"]
        names = list(models)
        for y, m in enumerate(names):
            entry = models[m]
            mc = entry.get("montecarlo")
            if mc and mc.get("draws"):
                ax.plot([mc["p05"], mc["p95"]], [y, y], color="#3b6fb6", lw=4, alpha=0.35)
            ax.plot(entry["forecast"], y, "o", color="#3b6fb6")
        ax.axvline(data["status_quo"], ls=":", color="0.3")
        ax.set_yticks(range(len(names)), names)
        ax.set_xlim(*data["scale"])
        ax.set_title(issue, fontsize=9)
        ax.grid(axis="x", alpha=0.25)
    fig.suptitle("Baseline forecasts with 5-95 % Monte Carlo intervals (dotted: status quo)",
                 fontsize=10)
    fig.tight_layout()
    return png_bytes(fig)


def network_figure(actors: list[str], sizes: np.ndarray, propensity: np.ndarray,
                   blocs: list[list[str]], title: str) -> bytes:
    """Signed network of propensities, nodes sized by capability and coloured by bloc."""
    plt = _plt()
    n = len(actors)
    angles = np.linspace(0, 2 * math.pi, n, endpoint=False) + math.pi / 2
    xy = np.c_[np.cos(angles), np.sin(angles)]
    fig, ax = plt.subplots(figsize=(4.2, 4.2))
    for i in range(n):
        for j in range(i + 1, n):
            p = propensity[i, j]
            if abs(p) < 1e-9:
                continue
            ax.plot(*zip(xy[i], xy[j], strict=True), color=_SIGN_COLOURS[p > 0],
                    lw=0.5 + 4 * abs(p), alpha=0.75, zorder=1,
                    ls="-" if p > 0 else "--")
    bloc_of = {a: k for k, b in enumerate(blocs) for a in b}
    s = np.asarray(sizes, dtype=float)
    area = 300 + 2200 * s / s.max()
    for i, a in enumerate(actors):
        ax.scatter(*xy[i], s=area[i], color=_BLOC_COLOURS[bloc_of.get(a, 0) % 4], zorder=2,
                   edgecolors="white", linewidths=1.5)
        ax.annotate(a, xy[i], ha="center", va="center", fontsize=8, color="white",
                    fontweight="bold", zorder=3)
    ax.set_xlim(-1.35, 1.35)
    ax.set_ylim(-1.35, 1.35)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=9)
    return png_bytes(fig)


def triangle_figure(triangles: dict[str, dict[str, Any]], triad: str) -> bytes:
    """The Dittmer triangle of one triad under each variant, side by side."""
    plt = _plt()
    names = list(triangles)
    fig, axes = plt.subplots(1, len(names), figsize=(2.6 * len(names), 2.9), squeeze=False)
    pts = np.array([[0.0, 1.0], [-0.9, -0.55], [0.9, -0.55]])
    for ax, name in zip(axes[0], names, strict=True):
        t = triangles[name]
        a, b, c = t["actors"]
        ties = {(0, 1): t["relations"][f"{a}-{b}"], (0, 2): t["relations"][f"{a}-{c}"],
                (1, 2): t["relations"][f"{b}-{c}"]}
        for (i, j), w in ties.items():
            ax.plot(*zip(pts[i], pts[j], strict=True), color=_SIGN_COLOURS[w > 0],
                    lw=1 + 4 * abs(w), ls="-" if w > 0 else "--")
            mid = (pts[i] + pts[j]) / 2
            ax.text(*mid, f"{w:+.2f}", fontsize=7, ha="center", va="center",
                    bbox={"fc": "white", "ec": "none", "pad": 0.5})
        for k, actor in enumerate((a, b, c)):
            role = t["roles"].get(actor, "")
            ax.scatter(*pts[k], s=900, color="#3b6fb6", zorder=3, edgecolors="white")
            ax.text(*pts[k], actor, color="white", ha="center", va="center", fontsize=8,
                    fontweight="bold", zorder=4)
            ax.text(pts[k][0], pts[k][1] - 0.33, role, ha="center", fontsize=7)
        ax.set_title(f"{name}\n{t['configuration'].replace('_', ' ')}", fontsize=8)
        ax.set_xlim(-1.4, 1.4)
        ax.set_ylim(-1.1, 1.4)
        ax.set_aspect("equal")
        ax.axis("off")
    fig.suptitle(f"Strategic triangle {triad} (Dittmer 1981)", fontsize=10)
    return png_bytes(fig)


def relations_figure(frame: Any, pairs: list[tuple[str, str]], title: str) -> bytes:
    """Monthly net cooperation per event for undirected pairs (both directions pooled)."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 3.8))
    for a, b in pairs:
        sel = frame[((frame.source == a) & (frame.target == b))
                    | ((frame.source == b) & (frame.target == a))]
        if sel.empty:
            continue
        g = sel.groupby("month")[["n_verbal_coop", "n_material_coop", "n_verbal_conflict",
                                  "n_material_conflict"]].sum()
        coop = g.n_verbal_coop + g.n_material_coop
        conf = g.n_verbal_conflict + g.n_material_conflict
        n = coop + conf
        net = ((coop - conf) / n).where(n >= 5)
        ax.plot(g.index, net.rolling(3, min_periods=1).mean(), marker=".", ms=3, lw=1.2,
                label=f"{a}-{b}")
    ax.axhline(0, color="0.4", lw=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel("net cooperation per event\n(3-month mean; months with >= 5 events)",
                  fontsize=8)
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, ncol=4, frameon=False, loc="lower left")
    ax.grid(alpha=0.25)
    return png_bytes(fig)


def claims_figure(claims: list[dict[str, Any]]) -> bytes:
    """Share of Monte Carlo draws in which each claim's prediction holds."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(7.5, 0.55 * len(claims) + 1.2))
    ids = [c["id"] for c in claims]
    probs = [c["probability"] for c in claims]
    colours = ["#2a9d4b" if c["verdict"] == "supported" else "#c8382c"
               if c["verdict"] == "rejected" else "#d9a400" for c in claims]
    ax.barh(range(len(ids)), probs, color=colours)
    for y, p in enumerate(probs):
        ax.text(min(p + 0.01, 0.93), y, f"{p:.2f}", va="center", fontsize=8)
    ax.axvline(2 / 3, ls=":", color="0.3")
    ax.axvline(1 / 3, ls=":", color="0.3")
    ax.set_yticks(range(len(ids)), ids, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.set_xlabel("probability (share of draws in which the prediction holds)")
    ax.set_title("Claims: green supported (>= 2/3), amber uncertain, red rejected (<= 1/3)",
                 fontsize=9)
    return png_bytes(fig)
