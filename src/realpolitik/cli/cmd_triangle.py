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
        pariah=t["outcast"] or "",
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
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                help="First date (--db); inside a period it shortens that period, "
                "which keeps its label.",
            ),
        ] = None,
        until: Annotated[str | None, typer.Option("--until", help="Last date (--db).")] = None,
        measure: Annotated[
            str | None,
            typer.Option("--measure", help="With --db: goldstein (default) or net_coop."),
        ] = None,
        threshold: Annotated[
            float | None,
            typer.Option(
                "--threshold",
                help="With --db: minimum |r| of a pair in a period for amity or enmity "
                "(default 0.05, as the signed graph).",
            ),
        ] = None,
        min_events: Annotated[
            int | None,
            typer.Option(
                "--min-events",
                help="With --db: minimum events of a pair in a period (default 5, as the "
                "signed graph).",
            ),
        ] = None,
        modality: Annotated[
            str | None,
            typer.Option(
                "--modality",
                help="With --db: events counted, by modality: actual (default), all, or a "
                "comma-separated list.",
            ),
        ] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Dittmer strategic triangle: configuration, pivot/pariah and role scores.

        Configurations: ménage à trois, romantic triangle, stable marriage, unit veto.
        With --db, each period's pairs follow the signed graph's rule: a pair with fewer
        than --min-events events or |r| below --threshold has no relation, and a period
        with such a pair is left unclassified.
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
            _over_time(db, names, freq, since, until, measure, threshold, min_events, modality, fmt)
            return
        for flag, value in (
            ("--measure", measure),
            ("--threshold", threshold),
            ("--min-events", min_events),
            ("--modality", modality),
            ("--since", since),
            ("--until", until),
        ):
            if value is not None:
                raise InputError(f"{flag} applies to --db", field=flag.lstrip("-"))
        if period is not None and edges is None:
            raise InputError("--period applies to --edges", field="period")
        graph = _graph(scenario, edges, period)
        data = triangle_data(graph, names)
        if names:
            emit(data, fmt, rows=[_flat(data)], title="Strategic triangle")
        else:
            emit(data, fmt, rows=[_flat(t) for t in data["triangles"]], title="Strategic triangles")


def _over_time(
    db: Path,
    names: list[str],
    freq: str,
    since: str | None,
    until: str | None,
    measure: str | None,
    threshold: float | None,
    min_events: int | None,
    modality: str | None,
    fmt: OutputFormat,
) -> None:
    """``triangle A B C --db PATH``: the triad period by period from measured relations."""
    from realpolitik import relations
    from realpolitik.cli._event_options import modality_label, parse_modality
    from realpolitik.errors import InputError
    from realpolitik.relations.signed_graph import DEFAULT_MIN_EVENTS, DEFAULT_THRESHOLD

    over_time = getattr(relations, "triangle_over_time", None)
    if over_time is None:
        raise InputError(
            "this installation has no realpolitik.relations.triangle_over_time", field="db"
        )
    codes = [relations.normalize_actor(x) for x in names]
    mods = parse_modality(modality or "actual")
    rule = {
        "measure": measure or "goldstein",
        "threshold": DEFAULT_THRESHOLD if threshold is None else threshold,
        "min_events": DEFAULT_MIN_EVENTS if min_events is None else min_events,
    }
    frame = over_time(db, *names, freq=freq, since=since, until=until, modalities=mods, **rule)
    records = frame.to_dict(orient="records")
    data = {
        "actors": codes,
        "input": names,
        "freq": freq,
        **rule,
        "modality": modality_label(mods),
        "periods": records,
    }
    # A table shows an unclassified period's configuration, pivot and roles as empty cells.
    rows = records
    if fmt is OutputFormat.table:
        rows = [{k: ("" if v is None else v) for k, v in r.items()} for r in records]
    emit(
        data,
        fmt,
        rows=rows,
        title=f"{'-'.join(codes)} triangle by {freq}",
        columns=list(frame.columns),
    )
