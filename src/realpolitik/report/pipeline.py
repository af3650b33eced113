"""The end-to-end path behind ``realpolitik report`` and ``realpolitik demo``.

Load (or take) a scenario, optionally code articles into events, attach measured relation
series (from an event store, else the bundled ICEWS table), run every model, evaluate the
claims, and write the report.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from realpolitik.report.render import RELATION_PAIRS, ReportFiles, write_report

__all__ = ["relations_section", "code_articles", "build_report"]


def relations_section(db: str | Path | None = None) -> dict[str, Any]:
    """Monthly relation counts for the report's figure, with their provenance."""
    from realpolitik.relations.bundled import bundled_monthly

    pairs = ", ".join(f"{a}–{b}" for a, b in RELATION_PAIRS)
    if db is not None:
        import pandas as pd

        from realpolitik.relations import all_dyads

        frame = all_dyads(db, "month").rename(columns={"period": "month"})
        frame["month"] = pd.to_datetime(frame["month"])
        src = f"the event store {db}"
    else:
        frame = bundled_monthly()
        frame = frame[frame.dataset.isin(["icews0515_sample20", "icews18_window"])]
        src = ("ICEWS (Boschee et al., doi:10.7910/DVN/28075): the 20 % random sample of "
               "2005–2015 and the complete August–October 2018 window, bundled with realpolitik")
    return {
        "frame": frame,
        "title": f"Net cooperation per event, {pairs}",
        "caption": f"Data: {src}. Cooperative = CAMEO roots 01–09, conflictual = 10–20.",
        "text": (
            "How the dyads actually behaved, measured from event data: for each month the share "
            "of cooperative minus conflictual events between the two states (both directions). "
            "The 2005–2015 series is a random sample of events, so thin months are left out; "
            "the 2018 window is complete and covers the inter-Korean summit of September 2018."
        ),
        "source": src,
    }


def code_articles(paths: Sequence[Path], date: str | None = None) -> list[dict[str, Any]]:
    """Code article files into events (every modality), as plain records for the report."""
    import datetime as dt

    from realpolitik.errors import InputError
    from realpolitik.events.coder.pipeline import Coder
    from realpolitik.scenario.yamlsource import read_text_file

    try:
        day = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise InputError(f"expected YYYY-MM-DD, got {date!r}", field="--date") from None
    coder = Coder()
    events = []
    for p in paths:
        text = read_text_file(p, "article")
        events += coder.code_text(text, date=day, doc_id=Path(p).stem)
    return [e.to_dict() for e in events]


def build_report(
    scenario: Any,
    out_dir: str | Path,
    *,
    draws: int = 200,
    seed: int = 0,
    db: str | Path | None = None,
    articles: Sequence[Path] = (),
    article_date: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportFiles:
    """Analyse ``scenario`` and write its report into ``out_dir``."""
    from realpolitik.scenario.analysis import analyse

    say = progress or (lambda _msg: None)
    events: list[dict[str, Any]] = []
    if articles:
        say(f"coding {len(articles)} article(s)")
        events = code_articles(articles, date=article_date)
    say("running the models and evaluating the claims")
    analysis = analyse(scenario, draws=draws, seed=seed, db=db)
    analysis.relations = relations_section(db)
    analysis.events = events
    say("writing the report")
    return write_report(analysis, out_dir)
