"""Read a file into frames without a store (for inspection and tests)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from realpolitik.events.readers._pipeline import (
    PARSED_TABLE,
    create_parsed_table,
    stage_select_text,
)
from realpolitik.events.readers._registry import get_reader

__all__ = ["ReadResult", "read_events"]


@dataclass(frozen=True)
class ReadResult:
    """Events and rejected rows of one file.

    Attributes
    ----------
    events
        One row per good source row, columns :data:`STAGE_COLUMNS` plus ``line``
        (``row_hash`` as decimal text).
    rejected
        ``line, reason, raw`` of every rejected row.
    lines
        Source rows read: the records of a Parquet file; for a text file its non-blank
        lines (after any header line), whether they became events or rejected rows. Blank
        and whitespace-only lines are skipped, so ``len(events) + len(rejected) == lines``.
    """

    events: pd.DataFrame
    rejected: pd.DataFrame
    lines: int


def read_events(path: str | Path, fmt: str) -> ReadResult:
    """Parse and validate an event file of format ``fmt`` (no deduplication, no store).

    Parameters
    ----------
    path
        The file.
    fmt
        Input format name (``gdelt1``, ``gdelt2``, ``icews``, ``phoenix``, ``events``).

    Returns
    -------
    ReadResult
        The good rows and the rejected rows, both ordered by line.
    """
    import duckdb

    reader = get_reader(fmt)
    con = duckdb.connect()
    try:
        create_parsed_table(con)
        n = reader(con, Path(path))
        cols = stage_select_text("line")
        ev = con.execute(
            f"SELECT {cols} FROM {PARSED_TABLE} WHERE reason IS NULL ORDER BY line"
        ).df()
        rej = con.execute(
            f"SELECT line, reason, raw FROM {PARSED_TABLE} WHERE reason IS NOT NULL ORDER BY line"
        ).df()
    finally:
        con.close()
    return ReadResult(ev, rej, n)
