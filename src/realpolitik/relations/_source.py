"""Where relation measures read events from: a DuckDB store file or a Parquet dataset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from realpolitik.errors import InputError

if TYPE_CHECKING:
    from duckdb import DuckDBPyConnection

#: Where relation measures read events from: a store file, a Parquet dataset directory,
#: an open DuckDB connection to a store (kept open by the caller), or None for the default
#: store (:func:`realpolitik.store.default_db_path`).
EventSource: TypeAlias = "str | Path | DuckDBPyConnection | None"

__all__ = [
    "EventSource",
    "FREQS",
    "MEASURED_COLUMNS",
    "open_events",
    "check_freq",
    "as_date",
    "date_bounds",
    "date_where",
    "fetch_frame",
]

#: Period lengths; weeks start on Monday (ISO 8601), as DuckDB's ``date_trunc('week', ...)``.
FREQS = ("day", "week", "month", "year")


def check_freq(freq: str) -> str:
    """Validate a period name; raises :class:`InputError` naming the allowed ones."""
    if freq not in FREQS:
        raise InputError(
            f"unknown period {freq!r} (expected one of: {', '.join(FREQS)})", field="freq"
        )
    return freq


def as_date(value: Any, field: str, *, end: bool = False) -> dt.date | None:
    """``None``, a date, or ISO text (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as a date.

    A year or a month names a span of days: its first day, or with ``end`` (an inclusive
    upper bound such as ``until``) its last day, so ``since=2018-09, until=2018-10`` covers
    September and October whole.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4 and text.isdigit():
            return dt.date(int(text), 12, 31) if end else dt.date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:7])
            first = dt.date(year, month, 1)
            if not end:
                return first
            following = dt.date(year + month // 12, month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"bad date {text!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)", field=field
        ) from None


def date_bounds(since: Any, until: Any) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive ``(first, last)`` days of a ``since``/``until`` pair (see :func:`as_date`)."""
    return as_date(since, "since"), as_date(until, "until", end=True)


def date_where(lo: dt.date | None, hi: dt.date | None) -> str:
    """SQL condition keeping events with ``lo <= date <= hi`` (``TRUE`` without bounds)."""
    parts = []
    if lo is not None:
        parts.append(f"date >= DATE '{lo.isoformat()}'")
    if hi is not None:
        parts.append(f"date <= DATE '{hi.isoformat()}'")
    return " AND ".join(parts) or "TRUE"


def fetch_frame(con: Any, sql: str) -> Any:
    """Run ``sql`` and return a pandas frame through Arrow (much faster than ``.df()``)."""
    return con.sql(sql).to_arrow_table().to_pandas()


#: Columns the relation measures read (an open connection must offer them in ``events``;
#: the Dask engine loads only these).
MEASURED_COLUMNS = ("date", "source", "target", "quad_class", "goldstein")


@contextmanager
def open_events(db: EventSource) -> Iterator[tuple[Any, str]]:
    """Open an event source read-only; yield ``(connection, SQL table expression)``.

    Parameters
    ----------
    db
        A store file (see :func:`realpolitik.store.default_db_path`), a directory holding
        a Parquet dataset written by :func:`realpolitik.store.export_parquet`, or an open
        DuckDB connection whose ``events`` table (or view) has the store's columns. A
        connection is used as it is and left open: a caller that runs many queries keeps
        the store's blocks in DuckDB's buffer pool instead of reading them again for each
        one (at 50M rows reopening cost 0.1-0.8 s of a 1.1-2.5 s aggregation in the
        benchmark, see ``docs/perf-store.md``).

    Yields
    ------
    tuple
        The DuckDB connection and the expression to select events from.

    Raises
    ------
    InputError
        A connection that is closed or has no ``events`` with those columns.
    """
    import duckdb

    from realpolitik.store.eventstore import connect
    from realpolitik.store.parquet import dataset_glob

    if isinstance(db, duckdb.DuckDBPyConnection):
        needed = ", ".join(MEASURED_COLUMNS)
        try:
            db.execute(f"SELECT {needed} FROM events LIMIT 0")
        except duckdb.Error as exc:
            first = (str(exc).splitlines() or [type(exc).__name__])[0]
            raise InputError(
                f"the DuckDB connection given as the event source has no usable 'events' "
                f"table (expected columns {needed}): {first}",
                field="db",
            ) from None
        yield db, "events"
        return
    if db is not None and Path(db).is_dir():
        glob = dataset_glob(db)
        con = duckdb.connect()
        con.execute("SET enable_progress_bar = false")
        try:
            yield con, f"read_parquet('{glob}', hive_partitioning = true)"
        finally:
            con.close()
        return
    with connect(db, read_only=True) as con:
        yield con, "events"
