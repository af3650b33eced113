"""Where relation measures read events from: a DuckDB store file or a Parquet dataset."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
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
    "DEFAULT_MODALITIES",
    "Modalities",
    "open_events",
    "check_freq",
    "check_modalities",
    "as_date",
    "date_bounds",
    "date_where",
    "modality_where",
    "modality_mask",
    "event_where",
    "fetch_frame",
    "missing_columns_error",
]

#: Which events a measure counts, by their ``modality``: a sequence of modality names
#: (:data:`realpolitik.events.MODALITIES`), or None for every event whatever its modality.
Modalities: TypeAlias = "Sequence[str] | None"

#: What every relation measure counts by default: events reported as having happened. A
#: negated ("did not strike"), hypothetical ("might strike"), future ("will strike") or
#: prescriptive ("should strike") report is not an act, and Goldstein (1992) weights acts.
DEFAULT_MODALITIES: tuple[str, ...] = ("actual",)

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
    """Inclusive ``(first, last)`` days of a ``since``/``until`` pair (see :func:`as_date`).

    Raises
    ------
    InputError
        A bad date, or ``since`` after ``until`` (an empty span is a mistake, not a query).
    """
    lo, hi = as_date(since, "since"), as_date(until, "until", end=True)
    if lo is not None and hi is not None and lo > hi:
        raise InputError(
            f"since ({lo.isoformat()}) is after until ({hi.isoformat()}); expected since <= until",
            field="since",
        )
    return lo, hi


def date_where(lo: dt.date | None, hi: dt.date | None) -> str:
    """SQL condition keeping events with ``lo <= date <= hi`` (``TRUE`` without bounds)."""
    parts = []
    if lo is not None:
        parts.append(f"date >= DATE '{lo.isoformat()}'")
    if hi is not None:
        parts.append(f"date <= DATE '{hi.isoformat()}'")
    return " AND ".join(parts) or "TRUE"


def check_modalities(modalities: Modalities) -> tuple[str, ...] | None:
    """Validate the modalities a measure counts; None (every event) passes through.

    Parameters
    ----------
    modalities
        Modality names (:data:`realpolitik.events.MODALITIES`), one name, or None.

    Returns
    -------
    tuple of str or None
        The names without repeats, in the order given; None for every modality.

    Raises
    ------
    InputError
        No name, or a name that is not a modality (naming field ``modality``).
    """
    from realpolitik.events.record import MODALITIES

    if modalities is None:
        return None
    names = (modalities,) if isinstance(modalities, str) else tuple(modalities)
    out = tuple(dict.fromkeys(str(m).strip() for m in names))
    expected = f"expected one or more of: {', '.join(MODALITIES)}"
    if not out:
        raise InputError(f"no modality given ({expected}; None for all)", field="modality")
    for name in out:
        if name not in MODALITIES:
            raise InputError(f"unknown modality {name!r} ({expected})", field="modality")
    return out


def modality_where(modalities: Modalities = DEFAULT_MODALITIES) -> str:
    """SQL condition keeping events of the given modalities (``TRUE`` for None).

    With the default the condition is ``modality = 'actual'``. On a store where every event is
    actual, DuckDB's zone maps show each row group's minimum and maximum ``modality`` both
    ``'actual'``, so the filter is known true for the whole group and costs almost nothing.
    """
    mods = check_modalities(modalities)
    if mods is None:
        return "TRUE"
    if len(mods) == 1:
        return f"modality = '{mods[0]}'"
    return "modality IN (" + ", ".join(f"'{m}'" for m in mods) + ")"


def modality_mask(column: Any, modalities: Modalities = DEFAULT_MODALITIES) -> Any:
    """The pandas/Dask counterpart of :func:`modality_where`: a boolean mask of ``column``.

    Returns None when every modality counts (no filter to apply).
    """
    mods = check_modalities(modalities)
    if mods is None:
        return None
    return column == mods[0] if len(mods) == 1 else column.isin(list(mods))


def event_where(
    lo: dt.date | None, hi: dt.date | None, modalities: Modalities = DEFAULT_MODALITIES
) -> str:
    """The SQL condition every relation measure filters events with: dates and modality.

    Parameters
    ----------
    lo, hi
        Inclusive date bounds (None for no bound), as :func:`date_bounds` gives them.
    modalities
        The modalities counted (see :func:`modality_where`); default only ``actual``.

    Returns
    -------
    str
        A condition (``TRUE`` when nothing is filtered).
    """
    parts = [p for p in (date_where(lo, hi), modality_where(modalities)) if p != "TRUE"]
    return " AND ".join(parts) or "TRUE"


def fetch_frame(con: Any, sql: str) -> Any:
    """Run ``sql`` and return a pandas frame through Arrow (much faster than ``.df()``)."""
    return con.sql(sql).to_arrow_table().to_pandas()


#: Columns the relation measures read (an event source must offer them in ``events``;
#: the Dask engine loads only these).
MEASURED_COLUMNS = ("date", "source", "target", "quad_class", "goldstein", "modality")


def missing_columns_error(missing: Sequence[str], **where: Any) -> InputError:
    """The error for an event source that lacks some of :data:`MEASURED_COLUMNS`."""
    return InputError(
        f"the events have no column {', '.join(missing)} (expected columns "
        f"{', '.join(MEASURED_COLUMNS)}; a store or an export made by realpolitik has them)",
        **where,
    )


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
        A connection that is closed or has no ``events`` with those columns; a store file or
        dataset whose events lack one of :data:`MEASURED_COLUMNS` (naming the file).
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
            table = f"read_parquet('{glob}', hive_partitioning = true)"
            _check_columns(con, table, str(db))
            yield con, table
        finally:
            con.close()
        return
    with connect(db, read_only=True) as con:
        _check_columns(con, "events", str(db) if db is not None else None)
        yield con, "events"


def _check_columns(con: Any, table: str, file: str | None) -> None:
    """Raise :class:`InputError` naming ``file`` when ``table`` lacks a measured column."""
    import duckdb

    try:
        have = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {table}").fetchall()}
    except duckdb.Error as exc:
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise InputError(f"no usable events ({first})", file=file, field="db") from None
    missing = [c for c in MEASURED_COLUMNS if c not in have]
    if missing:
        raise missing_columns_error(missing, file=file, field="db")
