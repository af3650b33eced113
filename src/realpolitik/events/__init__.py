"""Events: the ``Event`` record, CAMEO tables, quad classes, the PLOVER crosswalk, the coder.

Readers of event data sets live in :mod:`realpolitik.events.readers`.

Exports
-------
Event, MODALITIES, EVENT_COLUMNS, event_arrow_schema
goldstein, root_of, UnknownCodeError (CAMEO table, ``events.cameo``)
quad_class, phoenix5_label (quad-class schemes, ``events.quadclass``)
cameo_to_plover (CAMEO -> PLOVER crosswalk, ``events.plover``)
Coder, CoderConfig (the text coder, ``events.coder``)
"""

from realpolitik.events.cameo import UnknownCodeError, goldstein, root_of
from realpolitik.events.coder import Coder, CoderConfig
from realpolitik.events.plover import cameo_to_plover
from realpolitik.events.quadclass import phoenix5_label, quad_class
from realpolitik.events.record import EVENT_COLUMNS, MODALITIES, Event, event_arrow_schema

__all__ = [
    "Event",
    "MODALITIES",
    "EVENT_COLUMNS",
    "event_arrow_schema",
    "goldstein",
    "root_of",
    "UnknownCodeError",
    "quad_class",
    "phoenix5_label",
    "cameo_to_plover",
    "Coder",
    "CoderConfig",
]
