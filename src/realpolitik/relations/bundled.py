"""The monthly ICEWS dyad table bundled with realpolitik (no event store needed).

``data/relations/icews_six_monthly.csv`` holds inter-state events among the six Korea actors,
aggregated by month and directed dyad, built by ``scripts/build_bundled_relations.py`` from ICEWS
(Boschee et al., doi:10.7910/DVN/28075). The four subsets are kept apart in column ``dataset``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib.resources import files
from typing import Any

__all__ = ["bundled_monthly", "BUNDLED_DATASETS", "dataset_covering"]

# Preference order: complete subsets before the 20 % sample.
BUNDLED_DATASETS: tuple[str, ...] = (
    "icews14",
    "icews0515_window",
    "icews18_window",
    "icews0515_sample20",
)
_SPANS = {
    "icews14": (dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
    "icews0515_window": (dt.date(2013, 11, 18), dt.date(2015, 12, 31)),
    "icews18_window": (dt.date(2018, 8, 29), dt.date(2018, 10, 31)),
    "icews0515_sample20": (dt.date(2005, 1, 1), dt.date(2015, 12, 31)),
}


@lru_cache(maxsize=1)
def _load() -> Any:
    import pandas as pd

    path = files("realpolitik.data") / "relations" / "icews_six_monthly.csv"
    with path.open("r", encoding="utf-8") as fh:
        df = pd.read_csv(fh, comment="#", parse_dates=["month"])
    return df


def bundled_monthly() -> Any:
    """A copy of the bundled table (pandas frame; ``month`` as Timestamp)."""
    return _load().copy()


def dataset_covering(since: dt.date, until: dt.date) -> str | None:
    """The preferred bundled subset whose span covers ``[since, until]`` entirely, if any."""
    for name in BUNDLED_DATASETS:
        lo, hi = _SPANS[name]
        if lo <= since and until <= hi:
            return name
    return None
