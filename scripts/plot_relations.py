"""Draw the relation figures in docs/figures/ from the ICEWS files of the data kit.

Run from the repository root with ``../shared/data`` beside the checkout::

    .venv/bin/python scripts/plot_relations.py            # figures + a summary table
    .venv/bin/python scripts/plot_relations.py --out DIR   # elsewhere

Each ICEWS subset is ingested into its own temporary store (the subsets come from different
preprocessings and must not be concatenated); the series are pooled over both directions of
each dyad, by month (and by week for the 2018 inter-Korean panel).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICEWS = ROOT.parent / "shared" / "data" / "events" / "icews"
SUBSETS = {
    "2014": ("icews_2014_named.tsv", "2014-01-01", "2014-12-31", "ICEWS14, 2014"),
    "2018": (
        "icews_2018-08-29_2018-10-31_named.tsv",
        "2018-08-29",
        "2018-10-31",
        "ICEWS18 window, 29 Aug - 31 Oct 2018",
    ),
    "2005_2015": (
        "icews_2005-2015_sample20_named.tsv",
        "2005-01-01",
        "2015-12-31",
        "ICEWS05-15 20 % sample, 2005-2015",
    ),
}
DYADS = [("USA", "PRK"), ("CHN", "PRK"), ("USA", "CHN")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "figures")
    args = parser.parse_args()
    from realpolitik.relations import dyad_series
    from realpolitik.relations.plot import plot_panels
    from realpolitik.store import ingest

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for key, (name, since, until, label) in SUBSETS.items():
            db = Path(tmp) / f"{key}.duckdb"
            ingest(db, [ICEWS / name], "icews")
            freq = "month"
            frames = []
            for a, b in DYADS:
                s = dyad_series(db, a, b, freq, since, until, both_directions=True)
                frames.append((f"{a} <-> {b} ({label}, by {freq})", s))
                top = s.loc[s["n_events"].idxmax()]
                print(
                    f"{key} {a}<->{b}: {int(s['n_events'].sum())} events, Goldstein sum "
                    f"{s['goldstein_sum'].sum():+.1f}, busiest month {top['period']} "
                    f"({top['n_events']} events)"
                )
            out = plot_panels(frames, args.out / f"relations_{key}.png")
            print("wrote", out)
            if key == "2018":
                wk = dyad_series(db, "KOR", "PRK", "week", since, until, both_directions=True)
                out = plot_panels(
                    [("KOR <-> PRK by ISO week (Pyongyang summit 18-20 Sep 2018)", wk)],
                    args.out / "relations_korea_2018_weekly.png",
                )
                top = wk.loc[wk["n_events"].idxmax()]
                print(
                    f"inter-Korean peak week: {top['period']} ({top['n_events']} events); "
                    f"summit {dt.date(2018, 9, 18)}..{dt.date(2018, 9, 20)}"
                )
                print("wrote", out)


if __name__ == "__main__":
    main()
