"""``realpolitik forecast``: bargaining forecasts for a scenario issue or a single-issue CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.cli._output import FormatOpt, OutputFormat, emit, print_table

__all__ = ["register", "forecast_data"]

_MODELS = ("mean", "median", "nash", "bdm")


def _problems(path: Path, issue: str | None, status_quo: float | None) -> list[tuple[str, Any]]:
    """``[(issue id, BargainingProblem)]`` from a CSV or a YAML scenario."""
    from realpolitik.bargaining import BargainingProblem
    from realpolitik.errors import InputError

    if not path.exists():
        raise InputError("no such file", file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".csv":
        if issue is not None:
            raise InputError("--issue applies to scenario files; a CSV holds one issue",
                             file=str(path), field="issue")
        prob = BargainingProblem.from_csv(path, status_quo=status_quo)
        return [(path.stem, prob)]
    if suffix in (".yaml", ".yml"):
        from realpolitik.scenario import load_scenario

        scenario = load_scenario(path)
        ids = [issue] if issue is not None else [i.id for i in scenario.issues]
        if not ids:
            raise InputError("the scenario has no issues to forecast", file=str(path),
                             field="issues")
        out = []
        for iid in ids:
            scenario.issue(iid)  # unknown issue -> InputError naming the known ones
            prob = BargainingProblem.from_scenario(scenario, iid)
            prob = prob.replace(source=f"{path} issue {iid}")
            if status_quo is not None:
                prob = prob.replace(status_quo=status_quo)
            out.append((iid, prob))
        return out
    raise InputError(
        f"unsupported file type {suffix or '(none)'!r}; expected a scenario (.yaml/.yml) or a "
        "single-issue CSV (.csv)",
        file=str(path),
    )


def _bdm_options(preset: str, overrides: list[str] | None) -> Any:
    """The preset's options with ``KEY=VALUE`` overrides applied (validated)."""
    from dataclasses import fields

    from realpolitik.bargaining import BDMOptions
    from realpolitik.bargaining import preset as get_preset
    from realpolitik.errors import InputError

    known = {f.name: f for f in fields(BDMOptions)}
    changes: dict[str, Any] = {}
    for item in overrides or []:
        key, sep, val = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or key not in known:
            raise InputError(
                f"bad --bdm-option {item!r}; expected KEY=VALUE with KEY one of "
                f"{', '.join(known)}",
                field="bdm-option",
            )
        if key in ("q", "t", "salience_scale"):
            try:
                changes[key] = float(val)
            except ValueError:
                raise InputError(f"--bdm-option {key} needs a number, got {val!r}",
                                 field="bdm-option") from None
        else:
            changes[key] = val.strip()
    return get_preset(preset, **changes)


def forecast_data(
    issue_id: str,
    problem: Any,
    *,
    model: str = "all",
    preset: str = "scholz-code",
    bdm_options: list[str] | None = None,
    rounds: int = 10,
    tolerance: float | None = None,
    draws: int = 0,
    seed: int = 0,
    noise: str | None = None,
) -> dict[str, Any]:
    """The JSON object of one issue: ``{"issue": id, "models": {name: {...}}}``.

    Parameters
    ----------
    issue_id
        The issue's id (the file stem for a CSV).
    problem
        A :class:`realpolitik.bargaining.BargainingProblem`.
    model
        ``mean``, ``median``, ``nash``, ``bdm`` or ``all``.
    preset, bdm_options, rounds, tolerance
        BDM settings (``bdm_options``: ``KEY=VALUE`` overrides of the preset's options).
    draws, seed, noise
        Monte Carlo settings (``draws = 0``: none).

    Returns
    -------
    dict
    """
    from realpolitik.bargaining import Noise, get_model, monte_carlo
    from realpolitik.errors import InputError

    names = list(_MODELS) if model == "all" else [model]
    for m in names:
        get_model(m)
    opts = _bdm_options(preset, bdm_options)
    results: dict[str, Any] = {}
    ran: list[str] = []
    for m in names:
        info = get_model(m)
        if info.needs_status_quo and problem.status_quo is None:
            if model != "all":
                raise InputError(
                    f"the {m} model needs a status quo; this input has none (use --status-quo)",
                    file=problem.source, field="status_quo",
                )
            results[m] = {"forecast": None, "skipped": "no status quo (use --status-quo)"}
            continue
        if m == "bdm":
            res = info.func(problem, opts, rounds=rounds, tolerance=tolerance)
            d = res.to_dict()
            d["preset"] = preset
            if bdm_options:
                d["overrides"] = list(bdm_options)
        else:
            d = info.func(problem).to_dict()
        results[m] = d
        ran.append(m)
    if draws:
        mc = monte_carlo(problem, models=ran, draws=draws, seed=seed,
                         noise=Noise.parse(noise) if noise else Noise(), bdm_options=opts,
                         rounds=rounds, tolerance=tolerance)
        for m in ran:
            results[m]["montecarlo"] = {**mc.summary[m], "seed": seed,
                                        "noise": mc.noise.to_dict()}
    return {"issue": issue_id, "models": results}


def _model_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for m, d in data["models"].items():
        row: dict[str, Any] = {"issue": data["issue"], "model": m, "forecast": d.get("forecast")}
        if "montecarlo" in d:
            mc = d["montecarlo"]
            row.update({"mc_mean": mc["mean"], "p05": mc["p05"], "p95": mc["p95"],
                        "draws": mc["draws"]})
        if d.get("skipped"):
            row["note"] = d["skipped"]
        elif m == "nash" and not d.get("agreement", True):
            row["note"] = "no agreement: status quo"
        elif m == "median" and d.get("condorcet_winner") is None:
            row["note"] = "Condorcet tie: " + ", ".join(map(str, d["condorcet_winners"]))
        rows.append(row)
    return rows


def _round_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    bdm = data["models"].get("bdm")
    if not bdm or "rounds" not in bdm:
        return []
    return [{"round": r["round"], "median": r["median"], "mean": r["mean"]}
            for r in bdm["rounds"]]


def _actor_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    bdm = data["models"].get("bdm")
    if not bdm or "rounds" not in bdm:
        return []
    first, last = bdm["rounds"][0], bdm["rounds"][-1]
    return [{"actor": a, "start": x, f"round {last['round']}": last["positions"][a],
             "risk exponent": last["risk_exponents"][a]}
            for a, x in first["positions"].items()]


def register(app: typer.Typer) -> None:
    """Add the ``forecast`` command."""

    @app.command("forecast")
    def forecast(
        path: Annotated[Path, typer.Argument(help="Scenario (.yaml) or single-issue CSV.")],
        issue: Annotated[str | None, typer.Option(help="Issue id (default: every issue).")]
        = None,
        model: Annotated[str, typer.Option(help="mean, median, nash, bdm or all.")] = "all",
        preset: Annotated[str, typer.Option(help="BDM preset: scholz-code or scholz-paper.")]
        = "scholz-code",
        bdm_option: Annotated[list[str] | None, typer.Option(
            "--bdm-option", help="Override one BDM option of the preset, KEY=VALUE "
            "(repeatable), e.g. offer_selection=least-move or q=0.5.")] = None,
        rounds: Annotated[int, typer.Option(min=0, help="BDM rounds (maximum).")] = 10,
        tolerance: Annotated[float | None, typer.Option(
            help="Stop BDM when no actor moves more than this.")] = None,
        draws: Annotated[int, typer.Option(min=0, help="Monte Carlo draws (0 = none).")] = 0,
        seed: Annotated[int, typer.Option(help="Seed of the Monte Carlo draws.")] = 0,
        noise: Annotated[str | None, typer.Option(
            help="Noise, e.g. 'position=0.05,salience=10,capability=0.1' (the defaults: "
            "position sd as a fraction of the scale width, salience sd in points, sd of "
            "log capability).")] = None,
        status_quo: Annotated[float | None, typer.Option(
            "--status-quo", help="Status quo (needed by nash for a CSV).")] = None,
        fmt: FormatOpt = OutputFormat.table,
    ) -> None:
        """Forecast where bargaining on an issue lands (mean, median, Nash, BDM)."""
        from realpolitik.errors import InputError

        if model not in (*_MODELS, "all"):
            raise InputError(f"unknown model {model!r}; expected mean, median, nash, bdm or all",
                             field="model")
        problems = _problems(path, issue, status_quo)
        data = [
            forecast_data(iid, prob, model=model, preset=preset, bdm_options=bdm_option,
                          rounds=rounds,
                          tolerance=tolerance, draws=draws, seed=seed, noise=noise)
            for iid, prob in problems
        ]
        payload: Any = data[0] if len(data) == 1 else data
        if fmt is OutputFormat.json:
            emit(payload, fmt)
            return
        rows = [r for d in data for r in _model_rows(d)]
        if fmt is OutputFormat.csv:
            emit(payload, fmt, rows=rows)
            return
        for d in data:
            mrows = [{k: v for k, v in r.items() if k != "issue"} for r in _model_rows(d)]
            print_table(mrows, title=f"Forecasts: {d['issue']}")
            rr = _round_rows(d)
            if rr:
                print_table(rr, title=f"BDM rounds ({preset}): {d['issue']}")
                print_table(_actor_rows(d), title=f"BDM positions: {d['issue']}")
