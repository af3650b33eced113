"""``realpolitik evaluate-coder``: score the text coder on a gold-standard file.

``--format`` names the *gold* format here (``plover``, ``confliBERT``, ``petrarch-xml``), an
exception to the house ``--format`` option required by issue 4; the output format is
``--format-out table|json``. JSON keys: ``n, correct, uncoded, extra, root_correct`` for event
formats; ``n, accuracy, macro_f1`` for ConfliBERT sentence labels.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

__all__ = ["register", "GoldFormat", "OutFormat"]


class GoldFormat(str, Enum):
    """Gold-standard formats."""

    plover = "plover"
    confliBERT = "confliBERT"
    petrarch_xml = "petrarch-xml"


class OutFormat(str, Enum):
    """Output formats of the score."""

    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add the ``evaluate-coder`` command."""

    @app.command("evaluate-coder")
    def evaluate_coder(
        gold: Annotated[Path, typer.Argument(help="Gold-standard file.")],
        fmt: Annotated[
            GoldFormat,
            typer.Option("--format", help="Gold format: plover, confliBERT or petrarch-xml."),
        ],
        format_out: Annotated[
            OutFormat, typer.Option("--format-out", help="Output: table or json.")
        ] = OutFormat.table,
        all_modalities: Annotated[
            bool,
            typer.Option("--all-modalities", help="Count events of every modality as coded "
                         "(default: only 'actual')."),
        ] = False,
        split: Annotated[
            str,
            typer.Option("--split", help="ConfliBERT: auto (held-out rows when GOLD is the "
                         "training file), heldout, or all."),
        ] = "auto",
    ) -> None:
        """Score the coder against gold-coded sentences (OEDA-style counts or 5-class labels)."""
        from realpolitik.cli._output import OutputFormat, emit
        from realpolitik.errors import InputError
        from realpolitik.events.coder.evaluate import evaluate_gold
        from realpolitik.events.record import MODALITIES

        if not gold.is_file():
            raise InputError("no such file", file=str(gold))
        mods = MODALITIES if all_modalities else ("actual",)
        result = evaluate_gold(gold, fmt.value, modalities=mods, split=split)
        out = OutputFormat.json if format_out is OutFormat.json else OutputFormat.table
        emit(result, out, rows=[result], title=f"coder vs {gold.name} ({fmt.value})")
