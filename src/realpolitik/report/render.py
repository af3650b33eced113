"""Render an :class:`~realpolitik.scenario.analysis.Analysis` as HTML and Markdown.

The HTML report is self-contained: figures are embedded as base64 PNG, the style sheet is
inline, and nothing is fetched when it is opened. The Markdown summary carries the same text and
tables and refers to the figures by title.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.report import figures

__all__ = ["Figure", "ReportFiles", "build_figures", "render_html", "render_markdown",
           "write_report", "RELATION_PAIRS"]

RELATION_PAIRS: list[tuple[str, str]] = [("USA", "CHN"), ("USA", "PRK"), ("CHN", "PRK"),
                                         ("KOR", "PRK")]


@dataclass(frozen=True)
class Figure:
    """One embedded figure."""

    key: str
    title: str
    caption: str
    png: bytes

    @property
    def data_uri(self) -> str:
        """``data:image/png;base64,...``."""
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


@dataclass(frozen=True)
class ReportFiles:
    """Paths of a written report."""

    html: Path
    markdown: Path
    summary: Path
    figures: int


def _claims_view(analysis: Any) -> list[dict[str, Any]]:
    out = []
    for r in analysis.claims:
        d = r.to_dict()
        d["prediction_text"] = r.claim.prediction.describe()
        d["interventions"] = " + ".join(r.claim.interventions)
        d["source_title"] = analysis.scenario.sources.get(r.claim.source, r.claim.source)
        out.append(d)
    return out


def build_figures(analysis: Any) -> list[Figure]:
    """Draw every figure of the report."""
    scn = analysis.scenario
    figs: list[Figure] = []
    figs.append(Figure("forecasts", "Where the bargaining lands",
                       "Each model's forecast under the baseline, with the 5-95 % interval of "
                       "its Monte Carlo distribution.",
                       figures.forecast_figure(analysis.bargaining)))
    for issue in scn.issues:
        figs.append(Figure(
            f"bdm-{issue.id}", f"BDM rounds: {issue.id}",
            "Median position after each round of the expected-utility model, under the "
            "baseline (black) and each intervention; grey lines are the actors' positions "
            "under the baseline.",
            figures.bdm_trajectory_figure(issue.id, analysis.bargaining[issue.id],
                                          (issue.scale.low, issue.scale.high))))
    for name, st in analysis.variants.items():
        land = analysis.alignment[name]["landscape"]
        figs.append(Figure(
            f"network-{name}", f"Alignment network: {name}",
            "Propensities (green solid: positive, red dashed: negative; width: strength); "
            "node size: capability; colour: bloc in the landscape's global minimum "
            f"(energy {land['energy']:.4f}, basin {land['basin_share']:.0%}).",
            figures.network_figure(list(st.actors), st.capability, st.propensity,
                                   land["blocs"], name)))
    triads = list(next(iter(analysis.alignment.values()))["triangles"])
    for triad in triads:
        tris = {name: a["triangles"][triad] for name, a in analysis.alignment.items()}
        figs.append(Figure(f"triangle-{triad}", f"Strategic triangle {triad}",
                           "Dittmer's configuration and roles under each variant.",
                           figures.triangle_figure(tris, triad)))
    frame = analysis.relations.get("frame")
    if frame is not None and len(frame):
        figs.append(Figure("relations", "Measured relations",
                           analysis.relations.get("caption", ""),
                           figures.relations_figure(frame, RELATION_PAIRS,
                                                    analysis.relations.get("title", ""))))
    if analysis.claims:
        figs.append(Figure("claims", "What the models say about the claims",
                           "Share of Monte Carlo draws in which each prediction holds.",
                           figures.claims_figure(_claims_view(analysis))))
    return figs


def _context(analysis: Any, figs: list[Figure]) -> dict[str, Any]:
    from realpolitik import __version__

    scn = analysis.scenario
    actors = [{"id": a.id, "name": a.name, "capability": a.capability,
               "rationale": a.rationale or "", "source": a.source or ""} for a in scn.actors]
    issues = []
    for iss in scn.issues:
        b = analysis.bargaining[iss.id]
        variants = {}
        for name, models in b["variants"].items():
            variants[name] = {m: models[m] for m in models}
        issues.append({"id": iss.id, "description": iss.description, "low": iss.scale.low,
                       "high": iss.scale.high, "status_quo": iss.status_quo,
                       "rationale": iss.rationale or "",
                       "positions": [{"actor": a, "position": st.position,
                                      "salience": st.salience, "rationale": st.rationale or ""}
                                     for a, st in iss.positions.items()],
                       "variants": variants})
    from realpolitik.scenario.interventions import parse_interventions

    interventions = [iv.model_dump() for iv in parse_interventions(scn.interventions)]
    alignment = []
    for name, a in analysis.alignment.items():
        alignment.append({"name": name, "blocs": a["landscape"]["blocs"],
                          "energy": a["landscape"]["energy"],
                          "basin_share": a["landscape"]["basin_share"],
                          "n_local_minima": a["landscape"]["n_local_minima"],
                          "triangles": a["triangles"]})
    return {
        "scenario": scn,
        "actors": actors,
        "issues": issues,
        "interventions": interventions,
        "alignment": alignment,
        "claims": _claims_view(analysis),
        "figures": {f.key: f for f in figs},
        "figure_list": figs,
        "settings": analysis.settings,
        "relations": {k: v for k, v in analysis.relations.items() if k != "frame"},
        "events": analysis.events,
        "version": __version__,
        "generated": dt.date.today().isoformat(),
        "models": ["mean", "median", "nash", "bdm"],
    }


def _env() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("realpolitik.report", "templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v, d=1: "–" if v is None else f"{float(v):.{d}f}"
    env.filters["pct"] = lambda v: "–" if v is None else f"{100 * float(v):.0f} %"
    env.filters["human"] = lambda s: str(s).replace("_", " ")
    return env


def render_html(analysis: Any, figs: list[Figure]) -> str:
    """The self-contained HTML report."""
    return _env().get_template("report.html.j2").render(**_context(analysis, figs))


def render_markdown(analysis: Any, figs: list[Figure]) -> str:
    """The Markdown summary."""
    env = _env()
    env.autoescape = False
    return env.get_template("report.md.j2").render(**_context(analysis, figs))


def write_report(analysis: Any, out_dir: str | Path) -> ReportFiles:
    """Write ``report.html``, ``report.md`` and ``summary.json`` into ``out_dir``.

    Files are written to temporary names and renamed, so a failure leaves no half report.
    """
    from realpolitik.cli._output import to_jsonable

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    figs = build_figures(analysis)
    payloads = {
        "report.html": render_html(analysis, figs),
        "report.md": render_markdown(analysis, figs),
        "summary.json": json.dumps(to_jsonable(analysis.to_dict()), indent=2,
                                   ensure_ascii=False) + "\n",
    }
    for name, text in payloads.items():
        tmp = out / f".{name}.tmp"
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out / name)
    return ReportFiles(out / "report.html", out / "report.md", out / "summary.json", len(figs))
