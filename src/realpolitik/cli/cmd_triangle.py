"""``realpolitik triangle``: Dittmer strategic-triangle configuration and roles."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit

__all__ = ["register", "triangle_data"]


def _graph(scenario: Path | None, edges: Path | None, period: str | None) -> Any:
    from realpolitik.alignment.graph import SignedGraph

    if scenario is not None:
        from realpolitik.scenario import bundled_scenario_path, load_scenario

        path = scenario
        if not path.exists() and path.suffix == "":
            path = bundled_scenario_path(str(scenario))  # a bundled name such as korea-2017
        return SignedGraph.from_scenario(load_scenario(path))
    assert edges is not None
    return SignedGraph.from_csv(edges, period=period)


def triangle_data(graph: Any, actors: list[str]) -> dict[str, Any]:
    """JSON object for one named triad (``actors``) or for every complete triad (empty list).

    Parameters
    ----------
    graph
        A :class:`realpolitik.alignment.SignedGraph`.
    actors
        Three node labels, or none for all triads whose three relations are present.

    Returns
    -------
    dict
        One triangle's ``to_dict()``, or ``{"triangles": [...], "counts": {...}}``.
    """
    from realpolitik.alignment.triangle import triangle_in_graph, triangles_of_graph

    if actors:
        return triangle_in_graph(graph, *actors).to_dict()
    tris = [t.to_dict() for t in triangles_of_graph(graph)]
    counts: dict[str, int] = {}
    for t in tris:
        counts[t["configuration"]] = counts.get(t["configuration"], 0) + 1
    return {"triangles": tris, "counts": counts}


def _flat(t: dict[str, Any]) -> dict[str, Any]:
    a, b, c = t["actors"]
    rel = list(t["relations"].values())
    row = {"a": a, "b": b, "c": c, "r_ab": rel[0], "r_ac": rel[1], "r_bc": rel[2]}
    row.update(
        configuration=t["configuration"],
        pivot=t["pivot"] or "",
        outcast=t["outcast"] or "",
        complete=t["complete"],
    )
    for key, x in zip(("a", "b", "c"), (a, b, c), strict=True):
        row[f"role_{key}"] = t["roles"][x]
        row[f"score_{key}"] = t["scores"][x]
    return row


def register(app: typer.Typer) -> None:
    """Add the ``triangle`` command."""

    @app.command("triangle")
    def triangle(
        actors: Annotated[
            list[str] | None,
            typer.Argument(help="Three actors A B C; omit for every complete triad of a graph."),
        ] = None,
        scenario: Annotated[
            Path | None, typer.Option("--scenario", help="Scenario file or bundled name.")
        ] = None,
        edges: Annotated[
            Path | None, typer.Option("--edges", help="Edge-list CSV a,b,sign or a,b,weight.")
        ] = None,
        period: Annotated[
            str | None, typer.Option("--period", help="Period of a multi-period edge CSV.")
        ] = None,
        db: Annotated[
            Path | None, typer.Option("--db", help="Event store: the triangle over time.")
        ] = None,
        freq: Annotated[str, typer.Option("--freq", help="Period with --db: week|month|...")] = (
            "month"
        ),
        since: Annotated[str | None, typer.Option("--since", help="First date (--db).")] = None,
        until: Annotated[str | None, typer.Option("--until", help="Last date (--db).")] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Dittmer strategic triangle: configuration, pivot/outcast and role scores.

        Configurations: ménage à trois, romantic triangle, stable marriage, unit veto.
        """
        from realpolitik.errors import InputError

        names = list(actors or [])
        sources = [x for x in (scenario, edges, db) if x is not None]
        if len(sources) != 1:
            raise InputError(
                "give exactly one of --scenario FILE, --edges CSV or --db PATH", field="source"
            )
        if names and len(names) != 3:
            raise InputError(f"name three actors (got {len(names)})", field="actors")
        if db is not None:
            if not names:
                raise InputError("--db needs three actors A B C", field="actors")
            from realpolitik import relations

            over_time = getattr(relations, "triangle_over_time", None)
            if over_time is None:
                raise InputError(
                    "this installation has no realpolitik.relations.triangle_over_time",
                    field="db",
                )
            frame = over_time(db, *names, freq=freq, since=since, until=until)
            records = frame.to_dict(orient="records")
            emit(
                {"actors": names, "periods": records},
                fmt,
                rows=records,
                title=f"{'-'.join(names)} triangle by {freq}",
            )
            return
        if period is not None and edges is None:
            raise InputError("--period applies to --edges", field="period")
        graph = _graph(scenario, edges, period)
        data = triangle_data(graph, names)
        if names:
            emit(data, fmt, rows=[_flat(data)], title="Strategic triangle")
        else:
            emit(data, fmt, rows=[_flat(t) for t in data["triangles"]], title="Strategic triangles")
