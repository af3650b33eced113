"""Scenario files: schema, located validation, interventions, claims and the claim runner.

Exports
-------
Scenario, Actor, Issue, Stance, Scale, Relation
    The schema (:mod:`.schema`).
load_scenario, validate_scenario_file, scenario_problems
    Loading with every problem located (:mod:`.validate`).
bundled_scenario, bundled_scenario_path
    The scenarios shipped with the package (:mod:`.bundled`).
Intervention, Change, compose, apply_interventions
    Policy moves (:mod:`.interventions`).
Claim, parse_claims
    Testable theses (:mod:`.claims`).
ScenarioState, Uncertainty
    The numbers of a scenario variant, and Monte Carlo noise (:mod:`.state`).
ClaimResult, evaluate_claim, evaluate_claims
    The Monte Carlo claim runner (:mod:`.runner`); backtests in :mod:`.backtest`.
Analysis, analyse
    Every model under the baseline and each intervention (:mod:`.analysis`).
"""

from realpolitik.scenario.analysis import Analysis, analyse
from realpolitik.scenario.bundled import bundled_scenario, bundled_scenario_path
from realpolitik.scenario.claims import Claim, parse_claims
from realpolitik.scenario.interventions import (
    Change,
    Intervention,
    apply_interventions,
    compose,
)
from realpolitik.scenario.runner import ClaimResult, evaluate_claim, evaluate_claims
from realpolitik.scenario.schema import Actor, Issue, Relation, Scale, Scenario, Stance
from realpolitik.scenario.state import ScenarioState, Uncertainty
from realpolitik.scenario.validate import load_scenario, scenario_problems, validate_scenario_file

__all__ = [
    "Scenario",
    "Actor",
    "Issue",
    "Stance",
    "Scale",
    "Relation",
    "load_scenario",
    "validate_scenario_file",
    "scenario_problems",
    "bundled_scenario",
    "bundled_scenario_path",
    "Intervention",
    "Change",
    "compose",
    "apply_interventions",
    "Claim",
    "parse_claims",
    "ScenarioState",
    "Uncertainty",
    "ClaimResult",
    "evaluate_claim",
    "evaluate_claims",
    "Analysis",
    "analyse",
]
