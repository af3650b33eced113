"""``realpolitik balance``: exact frustration index, optimal partition and triad census."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "balance_data"]


def balance_data(
    graph: Any,
    *,
    weighted: bool = False,
    time_limit: float | None = 60.0,
    heuristic: bool = False,
    seed: int = 0,
) -> dict[str, Any]:
    """JSON object of one graph: ``frustration_index``, ``optimal``, ``partition``, ``triads``.

    Parameters
    ----------
    graph
        A :class:`realpolitik.alignment.SignedGraph`.
    weighted
        Use edge weights.
    time_limit
        MILP time limit in seconds.
    heuristic
        Use the local-search heuristic instead of the exact MILP.
    seed
        Seed of the heuristic.

    Returns
    -------
    dict
    """
    from realpolitik.alignment.balance import triad_census
    from realpolitik.alignment.frustration import frustration_heuristic, frustration_index

    if heuristic:
        res = frustration_heuristic(graph, weighted=weighted, seed=seed)
    else:
        res = frustration_index(graph, weighted=weighted, time_limit=time_limit)
    out = {"nodes": graph.n, "edges": graph.n_edges}
    out.update(res.to_dict())
    out["triads"] = triad_census(graph).to_dict()
    return out


def _row(d: dict[str, Any], period: str | None) -> dict[str, Any]:
    row: dict[str, Any] = {"period": period} if period is not None else {}
    sides = list(d["partition"].values())
    row.update(
        nodes=d["nodes"],
        edges=d["edges"],
        frustration_index=d["frustration_index"],
        optimal=d["optimal"],
        lower_bound=d["lower_bound"],
        bloc_0=sides.count(0),
        bloc_1=sides.count(1),
        balanced_triads=d["triads"]["balanced"],
        unbalanced_triads=d["triads"]["unbalanced"],
        seconds=d["seconds"],
    )
    return row


def register(app: typer.Typer) -> None:
    """Add the ``balance`` command."""

    @app.command("balance")
    def balance(
        edges: Annotated[Path, typer.Argument(help="Edge-list CSV: a,b,sign or a,b,weight.")],
        period: Annotated[
            str | None,
            typer.Option(
                "--period",
                help="One period of a file with a period column (default: every period).",
            ),
        ] = None,
        weighted: Annotated[
            bool, typer.Option("--weighted", help="Minimise frustrated weight, not count.")
        ] = False,
        time_limit: Annotated[
            float, typer.Option("--time-limit", help="MILP seconds per graph; then bounds.")
        ] = 60.0,
        heuristic: Annotated[
            bool, typer.Option("--heuristic", help="Fast local search (upper bound only).")
        ] = False,
        seed: Annotated[int, typer.Option("--seed", help="Heuristic seed.")] = 0,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Structural balance: exact frustration index, optimal partition, triad census.

        The index is solved exactly as a MILP on HiGHS (bounds are reported at the time limit).
        """
        from realpolitik.alignment.graph import read_edge_table
        from realpolitik.errors import InputError

        if time_limit <= 0:
            raise InputError("must be positive", field="--time-limit")
        tables = read_edge_table(edges)
        kw: dict[str, Any] = dict(
            weighted=weighted, time_limit=time_limit, heuristic=heuristic, seed=seed
        )
        if None in tables:
            if period is not None:
                raise InputError("the file has no period column", file=str(edges), field="period")
            data = balance_data(tables[None].to_graph(), **kw)
            emit(data, fmt, rows=[_row(data, None)], title=f"Balance of {edges}")
            return
        if period is not None:
            if period not in tables:
                raise InputError(
                    f"no period {period!r} in the file", file=str(edges), field="period"
                )
            tables = {period: tables[period]}
        results = []
        for per, table in tables.items():
            d = {"period": per}
            d.update(balance_data(table.to_graph(), **kw))
            results.append(d)
        if len(results) == 1:
            emit(results[0], fmt, rows=[_row(results[0], period)], title=f"Balance, {period}")
        else:
            emit(
                {"periods": results},
                fmt,
                rows=[_row(d, d["period"]) for d in results],
                title=f"Balance of {edges}",
            )
