"""Streaming writers of coded events: JSONL, CSV or Parquet, chosen by file extension.

Every writer uses the columns of :data:`realpolitik.events.record.EVENT_COLUMNS`, in that order;
Parquet files use :func:`realpolitik.events.record.event_arrow_schema`. Events are written as
they come (Parquet in row groups of ``batch`` events), so memory stays bounded.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import IO, Any

from realpolitik.errors import InputError
from realpolitik.events.record import EVENT_COLUMNS, Event

__all__ = ["EventWriter", "event_row", "OUTPUT_SUFFIXES"]

#: Supported output extensions.
OUTPUT_SUFFIXES: tuple[str, ...] = (".jsonl", ".csv", ".parquet")


def event_row(e: Event) -> dict[str, Any]:
    """An event as a flat dict with exactly the ``EVENT_COLUMNS`` keys (date as ISO text)."""
    d = e.to_dict()
    return {k: d[k] for k in EVENT_COLUMNS}


class EventWriter:
    """Write events to a JSONL/CSV/Parquet file or to a text stream (JSONL).

    Parameters
    ----------
    path
        Output file; its suffix picks the format. ``None`` writes JSONL to ``stream``.
    stream
        Text stream for ``path=None``.
    batch
        Events per Parquet row group.
    """

    def __init__(self, path: str | Path | None, stream: IO[str] | None = None,
                 batch: int = 5000) -> None:
        self.path = Path(path) if path is not None else None
        self.count = 0
        self._batch = batch
        self._rows: list[dict[str, Any]] = []
        self._fh: IO[str] | None = None
        self._csv: Any = None
        self._pq: Any = None
        if self.path is None:
            self.fmt = ".jsonl"
            self._fh = stream
            return
        self.fmt = self.path.suffix.lower()
        if self.fmt not in OUTPUT_SUFFIXES:
            raise InputError(f"output extension {self.path.suffix or '(none)'!r}; expected one "
                             f"of {', '.join(OUTPUT_SUFFIXES)}", field="--out")
        try:
            if self.fmt == ".parquet":
                import pyarrow.parquet as pq

                from realpolitik.events.record import event_arrow_schema

                self._schema = event_arrow_schema()
                self._pq = pq.ParquetWriter(str(self.path), self._schema)
            else:
                self._fh = self.path.open("w", encoding="utf-8", newline="")
                if self.fmt == ".csv":
                    self._csv = csv.DictWriter(self._fh, fieldnames=list(EVENT_COLUMNS),
                                               lineterminator="\n")
                    self._csv.writeheader()
        except OSError as exc:
            raise InputError(f"cannot write ({exc.strerror})", file=str(self.path)) from exc

    def write(self, e: Event) -> None:
        """Write one event."""
        row = event_row(e)
        self.count += 1
        if self.fmt == ".parquet":
            self._rows.append(row)
            if len(self._rows) >= self._batch:
                self._flush()
        elif self.fmt == ".csv":
            self._csv.writerow(row)
        else:
            assert self._fh is not None
            self._fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def _flush(self) -> None:
        if not self._rows:
            return
        import datetime as dt

        import pyarrow as pa

        cols = {k: [r[k] for r in self._rows] for k in EVENT_COLUMNS}
        cols["date"] = [dt.date.fromisoformat(v) for v in cols["date"]]
        self._pq.write_table(pa.Table.from_pydict(cols, schema=self._schema))
        self._rows = []

    def close(self) -> None:
        """Flush and close the file (an empty Parquet file still gets the schema)."""
        if self._pq is not None:
            self._flush()
            self._pq.close()
            self._pq = None
        elif self._fh is not None and self.path is not None:
            self._fh.close()
            self._fh = None
        elif self._fh is not None:
            self._fh.flush()

    def __enter__(self) -> EventWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
