"""Evaluate a scenario's claims under baseline and interventions, with Monte Carlo.

For each claim and each draw ``d`` the runner perturbs the baseline by the scenario's stated
``uncertainty`` (seeded), applies the claim's interventions to that same draw, and asks the
models whether the prediction holds. The claim's probability is the share of draws in which it
does; the point evaluation (no noise) is reported beside it. Verdicts:

* ``supported`` — probability ≥ 2/3;
* ``rejected`` — probability ≤ 1/3;
* ``uncertain`` — in between.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.scenario.claims import (
    AlignmentPrediction,
    BargainingPrediction,
    Claim,
    RelationPrediction,
    TrianglePrediction,
    parse_claims,
)
from realpolitik.scenario.interventions import (
    Change,
    apply_interventions,
    compose,
    parse_interventions,
)
from realpolitik.scenario.models import (
    bargaining_forecast,
    landscape_summary,
    relation_after_dynamics,
    triangle_of,
)
from realpolitik.scenario.schema import Scenario
from realpolitik.scenario.state import ScenarioState, Uncertainty

__all__ = [
    "ClaimResult",
    "evaluate_claim",
    "evaluate_claims",
    "verdict_for",
    "SUPPORT_THRESHOLD",
    "REJECT_THRESHOLD",
]

SUPPORT_THRESHOLD = 2 / 3
REJECT_THRESHOLD = 1 / 3


def verdict_for(probability: float) -> str:
    """``supported`` / ``uncertain`` / ``rejected`` from the share of draws."""
    if probability >= SUPPORT_THRESHOLD:
        return "supported"
    if probability <= REJECT_THRESHOLD:
        return "rejected"
    return "uncertain"


@dataclass(frozen=True)
class ClaimResult:
    """What the models say about one claim."""

    claim: Claim
    probability: float
    verdict: str
    point_holds: bool
    draws: int
    seed: int
    baseline_probability: float | None
    details: dict[str, Any] = field(default_factory=dict)
    backtest: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON record of ``realpolitik claims``."""
        c = self.claim
        return {
            "id": c.id,
            "source": c.source,
            "text": c.text,
            "intervention": c.intervention,
            "prediction": {**c.prediction.model_dump(), "description": c.prediction.describe()},
            "probability": self.probability,
            "verdict": self.verdict,
            "backtest": self.backtest,
            "point_holds": self.point_holds,
            "baseline_probability": self.baseline_probability,
            "draws": self.draws,
            "seed": self.seed,
            "details": self.details,
        }


Check = Callable[[ScenarioState, ScenarioState], tuple[bool, bool | None, dict[str, Any]]]


def _alignment_check(p: AlignmentPrediction) -> Check:
    def holds(summary: Any) -> bool:
        ok = True
        if p.together:
            ok &= len({summary.bloc_of(a) for a in p.together}) == 1
        for a, b in p.apart:
            ok &= summary.bloc_of(a) != summary.bloc_of(b)
        return bool(ok)

    def check(base: ScenarioState, iv: ScenarioState) -> tuple[bool, bool | None, dict[str, Any]]:
        sb, si = landscape_summary(base), landscape_summary(iv)
        return holds(si), holds(sb), {"blocs": si.to_dict()["blocs"],
                                      "basin_share": si.basin_share}

    return check


def _triangle_check(p: TrianglePrediction) -> Check:
    def holds(t: Any) -> bool:
        ok = True
        if p.configuration:
            ok &= t.configuration == p.configuration
        if p.pivot:
            ok &= t.pivot == p.pivot
        if p.outcast:
            ok &= t.outcast == p.outcast
        for actor, role in p.roles.items():
            ok &= t.roles.get(actor) == role
        return bool(ok)

    def check(base: ScenarioState, iv: ScenarioState) -> tuple[bool, bool | None, dict[str, Any]]:
        tb, ti = triangle_of(base, *p.actors), triangle_of(iv, *p.actors)
        return holds(ti), holds(tb), {"configuration": ti.configuration, "pivot": ti.pivot,
                                      "outcast": ti.outcast}

    return check


def _relation_check(p: RelationPrediction) -> Check:
    def check(base: ScenarioState, iv: ScenarioState) -> tuple[bool, bool | None, dict[str, Any]]:
        xb = relation_after_dynamics(base, p.a, p.b, p.horizon)
        xi = relation_after_dynamics(iv, p.a, p.b, p.horizon)
        delta = xi - xb
        ok = delta > 0 if p.direction == "improves" else delta < 0
        return bool(ok), None, {"tie_baseline": xb, "tie_intervention": xi, "change": delta}

    return check


def _bargaining_check(p: BargainingPrediction, options: dict[str, Any]) -> Check:
    def check(base: ScenarioState, iv: ScenarioState) -> tuple[bool, bool | None, dict[str, Any]]:
        fb = bargaining_forecast(p.model, base, p.issue, **options)
        fi = bargaining_forecast(p.model, iv, p.issue, **options)
        shift = fi - fb
        moved = shift > p.min_shift if p.direction.endswith("up") else shift < -p.min_shift
        ok = not moved if p.direction.startswith("not_") else moved
        return bool(ok), None, {"forecast_baseline": fb, "forecast_intervention": fi,
                                "shift": shift}

    return check


def _check_for(claim: Claim, bdm_options: dict[str, Any]) -> Check:
    p = claim.prediction
    if isinstance(p, AlignmentPrediction):
        return _alignment_check(p)
    if isinstance(p, TrianglePrediction):
        return _triangle_check(p)
    if isinstance(p, RelationPrediction):
        return _relation_check(p)
    opts = bdm_options if p.model == "bdm" else {}
    return _bargaining_check(p, opts)


def _summarise(values: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in values[0] if values else []:
        vals = [v[key] for v in values]
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in vals):
            arr = np.asarray(vals, dtype=float)
            out[key] = {"mean": float(arr.mean()), "p05": float(np.quantile(arr, 0.05)),
                        "p95": float(np.quantile(arr, 0.95))}
    return out


def evaluate_claim(
    scenario: Scenario,
    claim: Claim,
    *,
    draws: int = 200,
    seed: int = 0,
    changes: Sequence[Change] | None = None,
    bdm_options: dict[str, Any] | None = None,
) -> ClaimResult:
    """Evaluate one claim: point estimate plus ``draws`` seeded Monte Carlo draws."""
    bdm_options = bdm_options or {}
    if changes is None:
        changes = compose(parse_interventions(scenario.interventions), claim.interventions)
    check = _check_for(claim, bdm_options)
    base = ScenarioState.from_scenario(scenario)
    point, point_base, point_detail = check(base, apply_interventions(base, changes))
    unc = Uncertainty.from_mapping(scenario.uncertainty)
    rng = np.random.default_rng(seed)
    hits = 0
    base_hits = 0
    has_base = point_base is not None
    details: list[dict[str, Any]] = []
    for _ in range(draws):
        b = base.perturbed(rng, unc)
        ok, ok_base, detail = check(b, apply_interventions(b, changes))
        hits += ok
        base_hits += bool(ok_base)
        details.append(detail)
    prob = hits / draws if draws else float(point)
    return ClaimResult(
        claim=claim,
        probability=prob,
        verdict=verdict_for(prob),
        point_holds=point,
        draws=draws,
        seed=seed,
        baseline_probability=(base_hits / draws if draws else float(bool(point_base)))
        if has_base
        else None,
        details={"point": point_detail, "draws": _summarise(details),
                 "uncertainty": unc.to_dict()},
    )


def evaluate_claims(
    scenario: Scenario,
    *,
    draws: int = 200,
    seed: int = 0,
    db: str | Path | None = None,
    only: Sequence[str] | None = None,
    bdm_options: dict[str, Any] | None = None,
) -> list[ClaimResult]:
    """Evaluate every claim of a scenario (or those in ``only``), with backtests if ``db``."""
    from dataclasses import replace

    from realpolitik.scenario.backtest import run_backtest

    results = []
    for claim in parse_claims(scenario.claims):
        if only and claim.id not in only:
            continue
        res = evaluate_claim(scenario, claim, draws=draws, seed=seed, bdm_options=bdm_options)
        bt = run_backtest(claim, scenario, db) if claim.backtest else None
        results.append(replace(res, backtest=bt))
    return results
