"""``realpolitik landscape``: minima of the Axelrod-Bennett aggregation landscape."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "landscape_graph"]


def landscape_graph(scenario: Path | None, sizes: Path | None, propensities: Path | None) -> Any:
    """The signed graph of a landscape: from a scenario, or from sizes + propensities CSVs.

    Parameters
    ----------
    scenario
        Scenario file (capabilities become sizes, relations propensities), or a bundled
        scenario name such as ``korea-2017``.
    sizes, propensities
        CSV files (``actor,size``; matrix ``actor,A,B,...`` or edge list ``a,b,propensity``).

    Returns
    -------
    SignedGraph
    """
    from realpolitik.alignment.graph import (
        SignedGraph,
        read_propensities_csv,
        read_sizes_csv,
    )
    from realpolitik.errors import InputError

    if scenario is not None:
        if sizes is not None or propensities is not None:
            raise InputError("give a scenario or --sizes/--propensities, not both", field="source")
        from realpolitik.scenario import bundled_scenario_path, load_scenario

        path = scenario
        if not path.exists() and path.suffix == "":
            path = bundled_scenario_path(str(scenario))
        return SignedGraph.from_scenario(load_scenario(path))
    if sizes is None or propensities is None:
        raise InputError(
            "give a SCENARIO, or both --sizes CSV and --propensities CSV", field="source"
        )
    size_map = read_sizes_csv(sizes)
    actors, matrix = read_propensities_csv(propensities)
    missing = [a for a in actors if a not in size_map]
    if missing:
        raise InputError(
            f"no size for actor(s) {', '.join(missing)}", file=str(sizes), field="size"
        )
    extra = [a for a in size_map if a not in actors]
    if extra:
        raise InputError(
            f"actor(s) {', '.join(extra)} have a size but no propensities",
            file=str(propensities),
            field="actor",
        )
    return SignedGraph(actors, matrix, [size_map[a] for a in actors], name=str(propensities))


def register(app: typer.Typer) -> None:
    """Add the ``landscape`` command."""

    @app.command("landscape")
    def landscape(
        scenario: Annotated[
            Path | None, typer.Argument(help="Scenario file or bundled scenario name.")
        ] = None,
        sizes: Annotated[Path | None, typer.Option("--sizes", help="CSV actor,size.")] = None,
        propensities: Annotated[
            Path | None,
            typer.Option("--propensities", help="CSV matrix actor,A,B,... or a,b,propensity."),
        ] = None,
        max_actors: Annotated[
            int, typer.Option("--max-actors", help="Enumerate up to this many actors.")
        ] = 26,
        time_limit: Annotated[
            float, typer.Option("--time-limit", help="MILP seconds beyond the enumeration.")
        ] = 60.0,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Global and local minima of the aggregation landscape, with basins of attraction.

        Energy is summed over ordered pairs (Axelrod & Bennett 1993); two blocs.
        """
        from realpolitik.alignment.landscape import aggregation_landscape as compute

        graph = landscape_graph(scenario, sizes, propensities)
        result = compute(graph, max_actors=max_actors, time_limit=time_limit).to_dict()
        minima = result["local_minima"] or [result["global_minimum"]]
        rows = []
        for rank, m in enumerate(minima, start=1):
            rows.append(
                {
                    "rank": rank,
                    "energy": m["energy"],
                    "basin_share": m.get("basin_share"),
                    "bloc_1": " ".join(m["blocs"][0]),
                    "bloc_2": " ".join(m["blocs"][1]),
                    "global": m["blocs"] == result["global_minimum"]["blocs"],
                }
            )
        emit(result, fmt, rows=rows, title="Aggregation landscape minima")
