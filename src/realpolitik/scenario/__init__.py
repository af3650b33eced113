"""Scenario files: schema, loading with located errors, and (later) interventions and claims.

Exports
-------
Scenario, Actor, Issue, Stance, Scale, Relation, load_scenario, validate_scenario_file,
scenario_problems, bundled_scenario
"""

from realpolitik.scenario.bundled import bundled_scenario, bundled_scenario_path
from realpolitik.scenario.schema import Actor, Issue, Relation, Scale, Scenario, Stance
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
]
