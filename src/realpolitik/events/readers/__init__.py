"""Readers of event data sets into the ``Event`` columns, vectorised over DuckDB.

Exports
-------
ReaderInfo, readers, get_reader, ReadResult, read_events, STAGE_COLUMNS

Formats (``--format`` of ``realpolitik ingest``): ``gdelt1``, ``gdelt2``, ``icews``,
``phoenix``, ``events``. Text files may be gzip or single-file zip archives; a byte-order
mark is dropped and blank lines are skipped. Every other source row ends up either as an event
or as a rejected row with its line number and reason.
"""

from realpolitik.events.readers import events, gdelt1, gdelt2, icews, phoenix  # noqa: F401
from realpolitik.events.readers._pipeline import STAGE_COLUMNS
from realpolitik.events.readers._read import ReadResult, read_events
from realpolitik.events.readers._registry import ReaderInfo, get_reader, readers

__all__ = ["ReaderInfo", "readers", "get_reader", "ReadResult", "read_events", "STAGE_COLUMNS"]
