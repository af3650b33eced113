"""Reader of GDELT 1.0 event files (57 columns; 58 with ``SOURCEURL`` from April 2013).

Same mapping as :mod:`realpolitik.events.readers.gdelt2`; GDELT 1.0 lacks the three
``*Geo_ADM2Code`` fields. ``ActionGeo_CountryCode`` is FIPS 10-4, mapped to ISO3.

References
----------
The GDELT Project, *GDELT Event Database Data Format Codebook* V1.03 (2013), field list.
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.events.readers import gdelt2
from realpolitik.events.readers._cameo_tab import stage_tab
from realpolitik.events.readers._pipeline import Progress
from realpolitik.events.readers._registry import register_reader

__all__ = ["LAYOUT", "FIELDS", "stage", "READER"]

#: GDELT 1.0 event fields in file order (``SOURCEURL`` only in files from April 2013).
FIELDS = tuple(f for f in gdelt2.FIELDS if not f.endswith("_ADM2Code"))

LAYOUT = gdelt2.gdelt_layout("gdelt1", FIELDS, (57, 58))


def stage(con, path: Path, progress: Progress | None = None) -> int:
    """Parse a GDELT 1.0 event file into the staging table; return lines read."""
    return stage_tab(con, path, LAYOUT, progress)


READER = register_reader("gdelt1", "GDELT 1.0 event files (57 or 58 tab-separated columns)", stage)
