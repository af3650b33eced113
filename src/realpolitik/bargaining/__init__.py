"""Spatial bargaining forecasts on one issue.

Exports
-------
BargainingProblem
    The validated input (actors, capability, position, salience, status quo, scale).
weighted_mean, MeanResult
    The c·s-weighted mean ("compromise") model.
weighted_median, MedianResult, condorcet_winners
    The weighted median and the pairwise Condorcet winner.
nash_bargaining, NashResult
    The Nash bargaining solution with the status quo as disagreement point.
run_bdm, BDMOptions, BDMResult, BDMRound, PRESETS, preset, OCTANTS
    The Bueno de Mesquita expected-utility model after Scholz et al. (2011).
monte_carlo, Noise, MonteCarloResult
    Forecast distributions under perturbed inputs.
ModelInfo, available_models, get_model
    The registry in which the models register themselves.
"""

from realpolitik.bargaining.bdm import (
    OCTANTS,
    PRESETS,
    BDMOptions,
    BDMResult,
    BDMRound,
    preset,
    run_bdm,
)
from realpolitik.bargaining.mean import MeanResult, weighted_mean
from realpolitik.bargaining.median import MedianResult, condorcet_winners, weighted_median
from realpolitik.bargaining.montecarlo import MonteCarloResult, Noise, monte_carlo
from realpolitik.bargaining.nash import NashResult, nash_bargaining
from realpolitik.bargaining.problem import BargainingProblem
from realpolitik.bargaining.registry import ModelInfo, available_models, get_model

__all__ = [
    "BargainingProblem",
    "weighted_mean",
    "MeanResult",
    "weighted_median",
    "MedianResult",
    "condorcet_winners",
    "nash_bargaining",
    "NashResult",
    "run_bdm",
    "BDMOptions",
    "BDMResult",
    "BDMRound",
    "PRESETS",
    "preset",
    "OCTANTS",
    "monte_carlo",
    "Noise",
    "MonteCarloResult",
    "ModelInfo",
    "available_models",
    "get_model",
]
