"""Backtests: compare a claim's relation prediction with measured event data.

The measure is *net cooperation per event* between two actors, both directions pooled:
``(cooperative − conflictual) / all`` with cooperative = GDELT quad classes 1–2 (CAMEO roots
01–09) and conflictual = quad classes 3–4 (roots 10–20), computed over the claim's ``window`` and
``baseline`` periods. The change is judged against its sampling error (each event a ±1 draw):

* ``supported`` — the change has the predicted sign and exceeds 1.96 standard errors;
* ``contradicted`` — it does not (no significant change in the predicted direction);
* ``not measurable`` — no data covers a period, or a period has fewer than ``min_events``.

Data come from an event store (``db``) when one is given, else from the monthly ICEWS table
bundled with realpolitik (see :mod:`realpolitik.relations.bundled`); the source used is reported.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

from realpolitik.scenario.claims import Claim
from realpolitik.scenario.schema import Scenario

__all__ = ["run_backtest", "net_cooperation", "measure_period"]


def net_cooperation(coop: float, conflict: float) -> tuple[float, float]:
    """Net cooperation per event and its standard error (events as ±1 draws)."""
    n = coop + conflict
    if n == 0:
        return math.nan, math.nan
    m = (coop - conflict) / n
    var = max(1.0 - m * m, 0.0)
    return m, math.sqrt(var / n)


def _counts_bundled(a: str, b: str, since: dt.date, until: dt.date) -> tuple[dict[str, Any], str]:
    from realpolitik.relations.bundled import bundled_monthly, dataset_covering

    name = dataset_covering(since, until)
    if name is None:
        return {"coop": 0, "conflict": 0, "n": 0}, "bundled ICEWS: no subset covers the period"
    df = bundled_monthly()
    df = df[(df.dataset == name)]
    lo = dt.date(since.year, since.month, 1)
    df = df[(df.month.dt.date >= lo) & (df.month.dt.date <= until)]
    df = df[((df.source == a) & (df.target == b)) | ((df.source == b) & (df.target == a))]
    coop = int(df.n_verbal_coop.sum() + df.n_material_coop.sum())
    conflict = int(df.n_verbal_conflict.sum() + df.n_material_conflict.sum())
    return {"coop": coop, "conflict": conflict, "n": coop + conflict}, f"bundled ICEWS ({name})"


def _counts_db(
    db: str | Path, a: str, b: str, since: dt.date, until: dt.date
) -> tuple[dict[str, Any], str]:
    from realpolitik.relations import dyad_counts

    c = dyad_counts(db, a, b, since=since, until=until, both_directions=True)
    coop = int(c["n_verbal_coop"] + c["n_material_coop"])
    conflict = int(c["n_verbal_conflict"] + c["n_material_conflict"])
    return {"coop": coop, "conflict": conflict, "n": coop + conflict}, f"event store {db}"


def measure_period(
    a: str, b: str, since: dt.date, until: dt.date, db: str | Path | None = None
) -> dict[str, Any]:
    """Counts, net cooperation and its standard error for one period."""
    counts, src = (_counts_db(db, a, b, since, until) if db is not None
                   else _counts_bundled(a, b, since, until))
    m, se = net_cooperation(counts["coop"], counts["conflict"])
    return {**counts, "net_cooperation": m, "se": se, "data": src,
            "since": since.isoformat(), "until": until.isoformat()}


def run_backtest(claim: Claim, scenario: Scenario, db: str | Path | None = None) -> dict[str, Any]:
    """Backtest one claim (its ``backtest`` section) against measured relations."""
    spec = claim.backtest
    if spec is None:
        return {"status": "not measurable", "reason": "the claim has no backtest section"}
    a = scenario.actor(spec.a).event_code
    b = scenario.actor(spec.b).event_code
    win = measure_period(a, b, *spec.window, db=db)
    base = measure_period(a, b, *spec.baseline, db=db)
    out: dict[str, Any] = {
        "a": spec.a,
        "b": spec.b,
        "direction": spec.direction,
        "measure": "net cooperation per event (both directions)",
        "window": win,
        "baseline": base,
    }
    thin = [p for p, m in (("window", win), ("baseline", base)) if m["n"] < spec.min_events]
    if thin:
        out.update(status="not measurable",
                   reason=f"fewer than {spec.min_events} events in the {' and '.join(thin)}")
        return out
    change = win["net_cooperation"] - base["net_cooperation"]
    se = math.hypot(win["se"], base["se"])
    z = change / se if se > 0 else math.copysign(math.inf, change) if change else 0.0
    wanted = z > 1.96 if spec.direction == "improves" else z < -1.96
    out.update(change=change, se=se, z=z, status="supported" if wanted else "contradicted")
    out["reason"] = (
        f"net cooperation {base['net_cooperation']:+.3f} (n={base['n']}) in the baseline, "
        f"{win['net_cooperation']:+.3f} (n={win['n']}) in the window: change {change:+.3f}, "
        f"z = {z:+.2f}"
    )
    return out
