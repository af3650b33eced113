"""Events: the ``Event`` record and (as they land) CAMEO tables, quad classes, readers, coder.

Exports
-------
Event, MODALITIES, EVENT_COLUMNS, event_arrow_schema
"""

from realpolitik.events.record import EVENT_COLUMNS, MODALITIES, Event, event_arrow_schema

__all__ = ["Event", "MODALITIES", "EVENT_COLUMNS", "event_arrow_schema"]
