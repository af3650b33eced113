"""The full analysis of a scenario: every model under the baseline and each intervention.

``analyse`` is pure computation (no files written): bargaining forecasts per issue (mean,
median, Nash, BDM with its rounds, Monte Carlo intervals), the Dittmer triangle of each triad of
interest and the Axelrod–Bennett landscape under the baseline and each intervention, the claims
with their verdicts and backtests, and measured relation series where data exist. The report
renders it; ``realpolitik demo`` writes its ``to_dict()`` as ``summary.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.scenario.interventions import apply_interventions, compose, parse_interventions
from realpolitik.scenario.models import (
    bargaining_problem,
    bargaining_result,
    landscape_summary,
    triangle_of,
)
from realpolitik.scenario.runner import ClaimResult, evaluate_claims
from realpolitik.scenario.schema import Scenario
from realpolitik.scenario.state import ScenarioState, Uncertainty

__all__ = ["Analysis", "analyse", "BARGAINING_MODELS"]

BARGAINING_MODELS = ("mean", "median", "nash", "bdm")


@dataclass
class Analysis:
    """Everything the report shows, as plain data plus the claim results."""

    scenario: Scenario
    variants: dict[str, ScenarioState]
    bargaining: dict[str, dict[str, Any]]
    alignment: dict[str, dict[str, Any]]
    claims: list[ClaimResult]
    relations: dict[str, Any] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary (the demo's ``summary.json``)."""
        s = self.scenario
        return {
            "scenario": {"name": s.name, "date": s.date, "actors": s.actor_ids,
                         "issues": [i.id for i in s.issues]},
            "settings": self.settings,
            "bargaining": self.bargaining,
            "alignment": self.alignment,
            "claims": [c.to_dict() for c in self.claims],
            "relations": {k: v for k, v in self.relations.items() if k != "frame"},
            "events": self.events,
        }


def _variants(scenario: Scenario) -> dict[str, ScenarioState]:
    base = ScenarioState.from_scenario(scenario)
    ivs = parse_interventions(scenario.interventions)
    out = {"baseline": base}
    for iv in ivs:
        out[iv.id] = apply_interventions(base, compose(ivs, [iv.id]))
    return out


def _bargaining(
    variants: dict[str, ScenarioState], draws: int, seed: int, rounds: int, unc: Uncertainty
) -> dict[str, dict[str, Any]]:
    from realpolitik.bargaining.montecarlo import Noise, monte_carlo

    out: dict[str, dict[str, Any]] = {}
    base = variants["baseline"]
    for issue in base.issues:
        per_variant: dict[str, Any] = {}
        for name, st in variants.items():
            models: dict[str, Any] = {}
            for m in BARGAINING_MODELS:
                opts = {"rounds": rounds} if m == "bdm" else {}
                res = bargaining_result(m, st, issue, **opts)
                entry: dict[str, Any] = {"forecast": float(res.forecast)}
                if m == "bdm":
                    entry["rounds"] = [
                        {"round": r.round, "median": r.median, "mean": r.mean,
                         "positions": r.positions}
                        for r in res.rounds
                    ]
                models[m] = entry
            if draws:
                k = st.issue_index(issue)
                width = float(st.scale_max[k] - st.scale_min[k])
                noise = Noise(position=unc.position_sd / width, salience=unc.salience_sd,
                              capability=unc.capability_cv)
                mc = monte_carlo(bargaining_problem(st, issue), noise=noise, draws=draws,
                                 seed=seed, models=list(BARGAINING_MODELS), rounds=rounds)
                for m, summary in mc.to_dict()["models"].items():
                    models[m]["montecarlo"] = summary
            per_variant[name] = models
        k = base.issue_index(issue)
        out[issue] = {"status_quo": float(base.status_quo[k]),
                      "scale": [float(base.scale_min[k]), float(base.scale_max[k])],
                      "variants": per_variant}
    return out


def _alignment(variants: dict[str, ScenarioState], triads: list[tuple[str, str, str]]
               ) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for name, st in variants.items():
        land = landscape_summary(st)
        tris = {"-".join(t): triangle_of(st, *t).to_dict() for t in triads}
        out[name] = {"landscape": land.to_dict(), "triangles": tris}
    return out


def analyse(
    scenario: Scenario,
    *,
    draws: int = 200,
    seed: int = 0,
    rounds: int = 10,
    db: str | Path | None = None,
    triads: list[tuple[str, str, str]] | None = None,
) -> Analysis:
    """Run every model on the scenario's baseline and each single intervention.

    Parameters
    ----------
    scenario
        A validated scenario.
    draws, seed
        Monte Carlo draws (claims and bargaining intervals) and the seed.
    rounds
        BDM rounds.
    db
        Event store for backtests and relation series (else the bundled ICEWS table).
    triads
        Triads to classify; default: every triad named by a triangle claim, else the first
        three actors.
    """
    from realpolitik.scenario.claims import TrianglePrediction, parse_claims

    variants = _variants(scenario)
    claims = parse_claims(scenario.claims)
    if triads is None:
        triads = []
        for c in claims:
            if isinstance(c.prediction, TrianglePrediction):
                t = tuple(c.prediction.actors)
                if t not in triads:
                    triads.append(t)  # type: ignore[arg-type]
        if not triads and len(scenario.actor_ids) >= 3:
            triads = [tuple(scenario.actor_ids[:3])]  # type: ignore[list-item]
    results = evaluate_claims(scenario, draws=draws, seed=seed, db=db)
    return Analysis(
        scenario=scenario,
        variants=variants,
        bargaining=_bargaining(variants, draws, seed, rounds,
                               Uncertainty.from_mapping(scenario.uncertainty)),
        alignment=_alignment(variants, triads),
        claims=results,
        settings={"draws": draws, "seed": seed, "rounds": rounds,
                  "uncertainty": Uncertainty.from_mapping(scenario.uncertainty).to_dict(),
                  "db": str(db) if db else None},
    )

