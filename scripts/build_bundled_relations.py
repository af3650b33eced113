"""Aggregate the shared ICEWS files into the small monthly dyad table bundled with realpolitik.

Run from the repository root with ``../shared/data`` beside the checkout::

    .venv/bin/python scripts/build_bundled_relations.py           # rewrite the bundled table
    .venv/bin/python scripts/build_bundled_relations.py --check   # compare (run by a test)

Input: the four ``*_named.tsv`` subsets in ``../shared/data/events/icews/`` (ICEWS coded event
data, Boschee et al., Harvard Dataverse doi:10.7910/DVN/28075, in the temporal-knowledge-graph
versions described in that folder's SOURCES.md). Only inter-state rows among USA, CHN, PRK, KOR,
JPN and RUS are kept (``source_iso3 != target_iso3``). The subsets are kept apart (column
``dataset``): they come from different preprocessings and overlap in time.

Output: ``src/realpolitik/data/relations/icews_six_monthly.csv``, one row per dataset, month and
directed dyad with counts per GDELT quad class (CAMEO roots 01–05 verbal cooperation, 06–09
material cooperation, 10–14 verbal conflict, 15–20 material conflict) and the Goldstein sum.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
ICEWS = ROOT.parent / "shared" / "data" / "events" / "icews"
OUT = ROOT / "src" / "realpolitik" / "data" / "relations" / "icews_six_monthly.csv"
SUBSETS = {
    "icews14": "icews_2014_named.tsv",
    "icews0515_window": "icews_2013-11-18_2015-12-31_named.tsv",
    "icews18_window": "icews_2018-08-29_2018-10-31_named.tsv",
    "icews0515_sample20": "icews_2005-2015_sample20_named.tsv",
}
COLUMNS = ["dataset", "month", "source", "target", "n_events", "n_verbal_coop",
           "n_material_coop", "n_verbal_conflict", "n_material_conflict", "goldstein_sum"]


def build() -> pd.DataFrame:
    """The aggregated table."""
    frames = []
    for name, fname in SUBSETS.items():
        ev = pd.read_csv(ICEWS / fname, sep="\t", dtype={"cameo_code": str})
        ev = ev[ev.source_iso3 != ev.target_iso3]
        root = ev.cameo_code.str[:2].astype(int)
        quad = pd.cut(root, [0, 5, 9, 14, 20], labels=[1, 2, 3, 4]).astype(int)
        df = pd.DataFrame({
            "dataset": name,
            "month": ev.date.str[:7] + "-01",
            "source": ev.source_iso3,
            "target": ev.target_iso3,
            "n_verbal_coop": (quad == 1).astype(int),
            "n_material_coop": (quad == 2).astype(int),
            "n_verbal_conflict": (quad == 3).astype(int),
            "n_material_conflict": (quad == 4).astype(int),
            "goldstein_sum": ev.goldstein.astype(float),
        })
        g = df.groupby(["dataset", "month", "source", "target"], as_index=False).sum()
        frames.append(g)
    out = pd.concat(frames, ignore_index=True)
    out["n_events"] = out[["n_verbal_coop", "n_material_coop", "n_verbal_conflict",
                           "n_material_conflict"]].sum(axis=1)
    out["goldstein_sum"] = out.goldstein_sum.round(2)
    return out[COLUMNS].sort_values(["dataset", "month", "source", "target"]).reset_index(drop=True)


HEADER = """\
# ICEWS inter-state events among USA, CHN, PRK, KOR, JPN, RUS, by month and directed dyad.
# Source: ICEWS Coded Event Data (Boschee et al., Harvard Dataverse, doi:10.7910/DVN/28075), in the
# temporal-knowledge-graph subsets ICEWS14, ICEWS05-15 and ICEWS18 (García-Durán et al. 2018;
# Jin et al. 2020) as distributed by nec-research/TKG-Forecasting-Evaluation and mniepert/mmkb.
# Built by scripts/build_bundled_relations.py; the datasets are separate preprocessings.
"""


def render(df: pd.DataFrame) -> str:
    """CSV text with the provenance header."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator="\n")
    return HEADER + buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        same = OUT.read_text() == text
        print("bundled table matches" if same else "bundled table differs from its derivation")
        return 0 if same else 1
    OUT.write_text(text)
    print(f"wrote {OUT} ({len(text.splitlines()) - 6} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
