"""Continuous Heider balance dynamics (Kułakowski, Gawroński & Gronek 2005).

Each tie moves with the pressure of the two-paths through third parties::

    dx_ij/dt = (1 - (x_ij / R)^2) * sum_k w_k x_ik x_kj

so that "the enemy of my enemy" pulls i and j together and a shared friend with opposite ties
pushes them apart; the factor ``1 - (x/R)^2`` keeps ties within [-R, R]. With ``sizes`` the
third parties are weighted by size (``w_k = s_k / mean(s)``), an extension in the spirit of
Axelrod & Bennett's size-weighted landscape; unit sizes give the published model.

realpolitik uses it to derive *relation* predictions from a scenario: how an intervention that
changes some ties shifts the pressure on the others.

References
----------
.. [1] K. Kułakowski, P. Gawroński and P. Gronek, "The Heider balance: a continuous approach",
   International Journal of Modern Physics C 16(5): 707–716 (2005), eq. (1).
.. [2] F. Heider, "Attitudes and cognitive organization", J. Psychology 21: 107–112 (1946).
"""

from __future__ import annotations

import numpy as np

from realpolitik.errors import InputError

__all__ = ["heider_flow", "heider_trajectory"]


def _check(x: np.ndarray, sizes: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=float)
    if x.ndim != 2 or x.shape[0] != x.shape[1]:
        raise InputError("tie matrix must be square", field="propensity")
    if not np.all(np.isfinite(x)):
        raise InputError("tie matrix holds NaN or infinite values", field="propensity")
    if not np.allclose(x, x.T):
        raise InputError("tie matrix must be symmetric", field="propensity")
    n = x.shape[0]
    w = np.ones(n) if sizes is None else np.asarray(sizes, dtype=float)
    if w.shape != (n,) or np.any(~np.isfinite(w)) or np.any(w <= 0):
        raise InputError("sizes must be n positive finite numbers", field="sizes")
    return x, w / w.mean()


def _flow(x: np.ndarray, w: np.ndarray, bound: float) -> np.ndarray:
    pressure = (x * w[None, :]) @ x
    np.fill_diagonal(pressure, 0.0)
    return (1.0 - (x / bound) ** 2) * pressure


def heider_flow(x: np.ndarray, sizes: np.ndarray | None = None, bound: float = 1.0) -> np.ndarray:
    """The right-hand side dx/dt of eq. (1) of [1]_ (zero diagonal), as an n×n array."""
    x, w = _check(x, sizes)
    x = x.copy()
    np.fill_diagonal(x, 0.0)
    return _flow(x, w, bound)


def heider_trajectory(
    x0: np.ndarray,
    sizes: np.ndarray | None = None,
    *,
    t_max: float = 1.0,
    dt: float = 0.01,
    bound: float = 1.0,
) -> np.ndarray:
    """Integrate eq. (1) of [1]_ with classical Runge–Kutta from ``x0`` up to ``t_max``.

    Returns
    -------
    numpy.ndarray
        Array of shape (steps + 1, n, n): the tie matrix at t = 0, dt, ..., t_max.
    """
    x, w = _check(x0, sizes)
    if not (t_max >= 0 and dt > 0):
        raise InputError("need t_max >= 0 and dt > 0", field="t_max")
    steps = int(round(t_max / dt))
    out = np.empty((steps + 1, *x.shape))
    cur = x.copy()
    np.fill_diagonal(cur, 0.0)
    out[0] = cur
    for s in range(steps):
        k1 = _flow(cur, w, bound)
        k2 = _flow(cur + 0.5 * dt * k1, w, bound)
        k3 = _flow(cur + 0.5 * dt * k2, w, bound)
        k4 = _flow(cur + dt * k3, w, bound)
        cur = np.clip(cur + dt / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4), -bound, bound)
        out[s + 1] = cur
    return out
