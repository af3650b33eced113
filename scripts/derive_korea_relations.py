"""Derive the pairwise propensities of the Korea-2017 scenario from three public data sets.

Run from the repository root with ``../shared/data`` beside the checkout::

    .venv/bin/python scripts/derive_korea_relations.py            # prints the YAML block
    .venv/bin/python scripts/derive_korea_relations.py --check    # compares with the scenario

The package never reads ``../shared``: the numbers this prints are written into
``src/realpolitik/data/scenarios/korea-2017.yaml`` (relations block), and ``--check`` (run by a
test) proves the file still matches its derivation.

Components, for each unordered pair (i, j) of USA, CHN, PRK, ROK, JPN, RUS
-------------------------------------------------------------------------
u   UN General Assembly identical-vote share, pooled 2012–2016 (Voeten's UNGA votes via
    ``unga_agreement_six_dyads.csv``: sum n_identical / sum n_common), mapped to [-1, 1] as 2u - 1.
a   1 if an ATOP 5.1 defence pact links the pair in 2016 (``atop_dyads_six.csv``, either
    direction), else 0. ATOP carries no evidence of enmity, so a = 0 is neutral.
e   ICEWS net cooperation 2013-11-18 … 2015-12-31 (``icews_2013-11-18_2015-12-31_named.tsv``,
    inter-state rows, both directions): (cooperative − conflictual) / all events, cooperative =
    CAMEO roots 01–09, conflictual = roots 10–20. News coverage makes every dyad look
    cooperative, so e is centred on the mean over the 15 dyads and shrunk toward 0 for thin
    dyads: e~ = n / (n + 20) · (e − mean e).

Propensity p = clip(0.6·(2u − 1) + 0.3·a + 0.3·e~, −1, 1), rounded to 2 decimals. The weights are
judgement: UNGA voting is the longest, most comparable series; an alliance is a strong but binary
signal; ICEWS is measured behaviour but noisy for dyads involving North Korea.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import pandas as pd

SIX = ["USA", "CHN", "PRK", "ROK", "JPN", "RUS"]
ISO = {"ROK": "KOR"}  # ICEWS uses ISO3; COW/UNGA use ROK
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
SCENARIO = ROOT / "src" / "realpolitik" / "data" / "scenarios" / "korea-2017.yaml"


def derive(data: Path = DATA) -> pd.DataFrame:
    """Return one row per pair with the components and the propensity."""
    unga = pd.read_csv(data / "ir" / "unga_agreement_six_dyads.csv")
    unga = unga[(unga.year >= 2012) & (unga.year <= 2016)]
    atop = pd.read_csv(data / "ir" / "atop_dyads_six.csv")
    atop = atop[(atop.year == 2016) & (atop.atop_defense == 1)]
    allied = {frozenset((r.stateabb1, r.stateabb2)) for r in atop.itertuples()}
    ev = pd.read_csv(
        data / "events" / "icews" / "icews_2013-11-18_2015-12-31_named.tsv",
        sep="\t",
        dtype={"cameo_code": str},
    )
    ev = ev[ev.source_iso3 != ev.target_iso3]
    ev = ev.assign(coop=ev.cameo_code.str[:2].astype(int) <= 9)
    rows = []
    for a, b in itertools.combinations(SIX, 2):
        fwd = (unga.state_a == a) & (unga.state_b == b)
        sel = unga[fwd | ((unga.state_a == b) & (unga.state_b == a))]
        u = sel.n_identical.sum() / sel.n_common.sum()
        ia, ib = ISO.get(a, a), ISO.get(b, b)
        pair = ev[
            ((ev.source_iso3 == ia) & (ev.target_iso3 == ib))
            | ((ev.source_iso3 == ib) & (ev.target_iso3 == ia))
        ]
        n = len(pair)
        e = (2 * pair.coop.sum() - n) / n if n else 0.0
        rows.append({"a": a, "b": b, "u": u, "alliance": int(frozenset((a, b)) in allied),
                     "n_icews": n, "e": e})
    df = pd.DataFrame(rows)
    mean_e = df.loc[df.n_icews > 0, "e"].mean()
    df["e_tilde"] = df.n_icews / (df.n_icews + 20) * (df.e - mean_e)
    raw = 0.6 * (2 * df.u - 1) + 0.3 * df.alliance + 0.3 * df.e_tilde
    df["propensity"] = raw.clip(-1, 1).round(2)
    return df


def to_yaml(df: pd.DataFrame) -> str:
    """The scenario's ``relations:`` block."""
    lines = ["relations:"]
    for r in df.itertuples():
        lines.append(f"  - {{a: {r.a}, b: {r.b}, propensity: {r.propensity:.2f},")
        lines.append(
            f"     rationale: \"UNGA agreement 2012-16 {r.u:.3f}; ATOP defence pact 2016: "
            f"{'yes' if r.alliance else 'no'}; ICEWS 2013-15 net cooperation {r.e:+.2f} "
            f"over {r.n_icews} events (centred, shrunk {r.e_tilde:+.2f})\","
        )
        lines.append("     source: scripts/derive_korea_relations.py}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the bundled scenario")
    args = parser.parse_args()
    df = derive()
    if not args.check:
        sys.stdout.write(to_yaml(df))
        return 0
    import yaml

    scn = yaml.safe_load(SCENARIO.read_text())
    have = {frozenset((r["a"], r["b"])): r["propensity"] for r in scn["relations"]}
    bad = [
        r
        for r in df.itertuples()
        if abs(have.get(frozenset((r.a, r.b)), 99) - r.propensity) > 1e-9
    ]
    for r in bad:
        print(f"{r.a}-{r.b}: scenario {have.get(frozenset((r.a, r.b)))} != derived {r.propensity}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
