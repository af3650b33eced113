"""``realpolitik code``: news text files to coded events (JSONL, CSV or Parquet).

Exit status: 0 when every file was coded; 2 when any file failed (empty, binary, unreadable,
no date) — the events of the good files are still written, and each failure is one line on
stderr. Non-UTF-8 bytes are replaced (U+FFFD) with a warning; the file still counts as coded.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register", "expand_inputs"]


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files named on the command line, directories expanded (sorted, recursive, no hidden)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*")
                              if f.is_file() and not any(part.startswith(".")
                                                         for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def register(app: typer.Typer) -> None:
    """Add the ``code`` command."""

    @app.command("code")
    def code(
        inputs: Annotated[list[Path], typer.Argument(help="Text files or directories.")],
        out: Annotated[
            Path | None,
            typer.Option("--out", "-o", help="Output file: .jsonl, .csv or .parquet "
                         "(default: JSONL on stdout)."),
        ] = None,
        date: Annotated[
            str | None,
            typer.Option("--date", help="Document date YYYY-MM-DD (default: a date in the "
                         "file's first lines; a file without one fails)."),
        ] = None,
        all_modalities: Annotated[
            bool,
            typer.Option("--all-modalities", help="Write every event with its modality tag "
                         "(default: only 'actual' events)."),
        ] = False,
        doc_id: Annotated[
            str | None,
            typer.Option("--doc-id", help="Document id (one input file only; default: the "
                         "file name without extension)."),
        ] = None,
        n_process: Annotated[
            int,
            typer.Option("--n-process", help="Parser processes (0 = auto: 2 for large "
                         "inputs)."),
        ] = 0,
        keep_furniture: Annotated[
            bool, typer.Option("--keep-furniture", help="Do not strip page furniture.")
        ] = False,
    ) -> None:
        """Code news text into CAMEO events with modality, provenance and confidence."""
        from rich.console import Console
        from rich.progress import Progress

        from realpolitik.errors import InputError, RealpolitikError
        from realpolitik.events.coder.output import EventWriter
        from realpolitik.events.coder.pipeline import Coder, CoderConfig, DocumentInput
        from realpolitik.events.coder.reading import find_header_date, iter_paragraphs, open_text

        err = Console(stderr=True)
        fixed_date = None
        if date is not None:
            try:
                fixed_date = dt.date.fromisoformat(date)
            except ValueError as exc:
                raise InputError(f"{date!r} is not a date; expected YYYY-MM-DD",
                                 field="--date") from exc
        files = expand_inputs(inputs)
        if not files:
            raise InputError("no input files", field="FILE_OR_DIR")
        if doc_id is not None and len(files) > 1:
            raise InputError("--doc-id needs exactly one input file", field="--doc-id")
        total_bytes = sum(f.stat().st_size for f in files if f.is_file())
        procs = n_process or (2 if total_bytes > 2_000_000 else 1)
        coder = Coder(CoderConfig(n_process=procs))
        failures: list[str] = []
        per_file: dict[str, int] = {}
        sources = {}

        def documents(progress, task):
            for f in files:
                progress.update(task, description=f"coding {f.name}")
                try:
                    src = open_text(f)
                    day = fixed_date or find_header_date(src.head())
                    if day is None:
                        raise InputError("no document date in the file's first lines; pass "
                                         "--date YYYY-MM-DD", file=str(f))
                except RealpolitikError as exc:
                    failures.append(str(exc))
                    _say(f"realpolitik: skipped: {exc}")
                    progress.advance(task)
                    continue
                ident = doc_id or f.stem
                sources[ident] = src
                per_file[ident] = 0
                yield DocumentInput(iter_paragraphs(src), day, ident)
                progress.advance(task)

        writer = EventWriter(out, stream=sys.stdout)
        try:
            with Progress(console=err, transient=True, disable=len(files) < 2) as progress:
                task = progress.add_task("coding", total=len(files))
                for e in coder.code_documents(documents(progress, task),
                                              clean=not keep_furniture):
                    if all_modalities or e.modality == "actual":
                        writer.write(e)
                        per_file[e.doc_id] = per_file.get(e.doc_id, 0) + 1
        finally:
            writer.close()
        for src in sources.values():
            for w in src.warnings:
                _say(f"realpolitik: warning: {w}")
        coded = len(files) - len(failures)
        _say(f"realpolitik: {writer.count} events from {coded} of {len(files)} files"
             + (f" -> {out}" if out else ""))
        if failures:
            raise typer.Exit(code=2)
