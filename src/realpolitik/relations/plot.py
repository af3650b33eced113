"""Figures of dyad series (matplotlib, Agg backend; imported only when a plot is asked for)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from realpolitik.errors import InputError

__all__ = ["plot_series", "plot_panels"]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, plt, path: str | Path) -> Path:
    """Write ``fig`` as PNG to ``path`` and close it.

    A path that cannot be written is an :class:`InputError` naming the file (no traceback).
    """
    out = Path(path)
    try:
        fig.savefig(out, dpi=110)
    except OSError as exc:
        msg = exc.strerror or str(exc)
        raise InputError(f"cannot write the figure ({msg})", file=str(out)) from None
    finally:
        plt.close(fig)
    return out


def _draw(ax, frame: pd.DataFrame, title: str) -> None:
    x = pd.to_datetime(frame["period"])
    coop = frame["n_verbal_coop"] + frame["n_material_coop"]
    conf = frame["n_verbal_conflict"] + frame["n_material_conflict"]
    width = (x.diff().median() if len(x) > 1 else pd.Timedelta(days=20)) * 0.8
    ax.bar(x, coop, width=width, color="#4c9a6a", label="cooperative events (quad 1-2)")
    ax.bar(x, -conf, width=width, color="#c0504d", label="conflictual events (quad 3-4)")
    ax.axhline(0, color="black", lw=0.6)
    ax.set_ylabel("events per period")
    ax.set_title(title, fontsize=10)
    ax2 = ax.twinx()
    ax2.plot(
        x, frame["goldstein_mean"], color="#1f3b73", marker=".", lw=1.2, label="mean Goldstein"
    )
    ax2.set_ylim(-10, 10)
    ax2.set_ylabel("mean Goldstein (-10..10)")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = ax2.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, fontsize=7, loc="upper left")


def plot_series(frame: pd.DataFrame, path: str | Path, title: str | None = None) -> Path:
    """Draw one dyad series (event counts by sign and mean Goldstein) to a PNG.

    Parameters
    ----------
    frame
        Output of :func:`realpolitik.relations.dyad_series`.
    path
        PNG file to write.
    title
        Figure title; default ``SOURCE -> TARGET``.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    InputError
        When ``path`` cannot be written (a missing directory, no permission).
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 3.6))
    src = frame["source"].iloc[0] if len(frame) else "?"
    tgt = frame["target"].iloc[0] if len(frame) else "?"
    _draw(ax, frame, title or f"{src} -> {tgt}")
    fig.tight_layout()
    return _save(fig, plt, path)


def plot_panels(
    frames: Sequence[tuple[str, pd.DataFrame]], path: str | Path, title: str | None = None
) -> Path:
    """Draw several series as stacked panels sharing the time axis.

    Parameters
    ----------
    frames
        ``(panel title, series frame)`` pairs.
    path
        PNG file to write.
    title
        Overall title.

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    InputError
        When ``path`` cannot be written (a missing directory, no permission).
    """
    plt = _pyplot()
    fig, axes = plt.subplots(
        len(frames), 1, figsize=(9, 2.8 * len(frames)), sharex=True, squeeze=False
    )
    for ax, (name, frame) in zip(axes[:, 0], frames, strict=True):
        _draw(ax, frame, name)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return _save(fig, plt, path)
