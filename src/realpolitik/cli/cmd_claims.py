"""``realpolitik claims SCENARIO``: what the models say about each claim, with uncertainty."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add the ``claims`` command."""

    @app.command("claims")
    def claims(
        scenario: Annotated[Path, typer.Argument(help="Scenario YAML file with claims.")],
        draws: Annotated[int, typer.Option(min=0, help="Monte Carlo draws per claim.")] = 200,
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        db: Annotated[
            Path | None,
            typer.Option(help="Event store for backtests (default: bundled ICEWS table)."),
        ] = None,
        claim: Annotated[
            list[str] | None, typer.Option("--claim", help="Only these claim ids (repeatable).")
        ] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Evaluate each claim under baseline and interventions; report probability and verdict.

        JSON: a list of {id, source, text, intervention, prediction, probability, verdict,
        backtest}, plus point_holds, baseline_probability, draws, seed and details.
        """
        from realpolitik.errors import InputError
        from realpolitik.scenario import load_scenario
        from realpolitik.scenario.runner import evaluate_claims

        scn = load_scenario(scenario)
        if not scn.claims:
            raise InputError("the scenario has no claims", file=str(scenario), field="claims")
        if db is not None and not db.exists():
            raise InputError("no such event store", file=str(db), field="--db")
        known = {str(c.get("id")) for c in scn.claims}
        for c in claim or []:
            if c not in known:
                raise InputError(f"unknown claim {c!r}; have {', '.join(sorted(known))}",
                                 field="--claim")
        results = evaluate_claims(scn, draws=draws, seed=seed, db=db, only=claim)
        data = [r.to_dict() for r in results]
        rows = [
            {
                "id": r.claim.id,
                "source": r.claim.source,
                "intervention": "+".join(r.claim.interventions),
                "prediction": r.claim.prediction.describe(),
                "probability": round(r.probability, 3),
                "verdict": r.verdict,
                "backtest": (r.backtest or {}).get("status", "-"),
            }
            for r in results
        ]
        emit(data, fmt, rows=rows, title=f"Claims of {scn.name} ({draws} draws, seed {seed})")
