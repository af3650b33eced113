"""realpolitik: measure, model and forecast how states align and bargain.

The pipeline runs one way, each stage usable alone::

    text / event files -> events -> store -> relations -> models -> scenarios & claims -> report

Subpackages
-----------
actors      actor codes and the dictionary of names, resolution of mentions
events      the ``Event`` record, CAMEO/Goldstein tables, quad classes, the text coder, readers
store       the DuckDB event store, Parquet export, a Dask engine
relations   directed-dyad series and signed graphs built from events
alignment   strategic triangles, structural balance, landscape theory
bargaining  spatial bargaining forecasts (mean, median, Nash, BDM expected utility)
voting      power indices for weighted voting games
scenario    scenario files, interventions, claims and the runner
report      HTML and Markdown reports

Exports
-------
__version__, RealpolitikError
"""

from realpolitik._version import __version__
from realpolitik.errors import RealpolitikError

__all__ = ["__version__", "RealpolitikError"]
