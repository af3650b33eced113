"""Claims: validation, evaluation by the models, determinism, the CLI contract."""

from __future__ import annotations

import pytest

from realpolitik.errors import ValidationError
from realpolitik.scenario import bundled_scenario, bundled_scenario_path, load_scenario
from realpolitik.scenario.claims import parse_claims
from realpolitik.scenario.runner import evaluate_claim, evaluate_claims, verdict_for

KOREA = bundled_scenario_path()


def korea_variant(tmp_path, old: str, new: str):
    text = KOREA.read_text()
    assert old in text, old
    p = tmp_path / "k.yaml"
    p.write_text(text.replace(old, new, 1))
    return p


def claim(scn, cid):
    return next(c for c in parse_claims(scn.claims) if c.id == cid)


def test_korea_has_both_theses_and_more():
    scn = bundled_scenario()
    claims = parse_claims(scn.claims)
    sources = {c.source for c in claims}
    assert {"valuewalk", "pachecopardo"} <= sources
    assert len(claims) >= 4
    kinds = {c.prediction.kind for c in claims}
    assert {"alignment", "relation", "bargaining", "triangle"} <= kinds


def test_verdict_thresholds():
    assert verdict_for(0.9) == "supported"
    assert verdict_for(0.5) == "uncertain"
    assert verdict_for(0.1) == "rejected"


def test_verdict_follows_the_models_not_the_file(tmp_path):
    """A package that also costs Beijing its tie flips 'peel away': the models decide."""
    scn = bundled_scenario()
    weak = evaluate_claim(scn, claim(scn, "peel_away"), draws=30, seed=1)
    p = korea_variant(tmp_path, "{what: relation, a: USA, b: PRK, add: 0.6,",
                      "{what: relation, a: CHN, b: PRK, add: -0.5}\n"
                      "      - {what: relation, a: USA, b: PRK, add: 1.0,")
    strong_scn = load_scenario(p)
    strong = evaluate_claim(strong_scn, claim(strong_scn, "peel_away"), draws=30, seed=1)
    assert weak.verdict != strong.verdict
    assert strong.probability > weak.probability


def test_relation_claim_driven_by_third_parties(tmp_path):
    """The missile test does not touch USA-CHN; how much it costs PRK with China decides."""
    scn = bundled_scenario()
    base = evaluate_claim(scn, claim(scn, "provocations_bring_us_china_closer"), draws=0)
    p = korea_variant(tmp_path, "{what: relation, a: PRK, b: CHN, add: -0.2,",
                      "{what: relation, a: PRK, b: CHN, add: -0.9,")
    scn2 = load_scenario(p)
    harsh = evaluate_claim(scn2, claim(scn2, "provocations_bring_us_china_closer"), draws=0)
    assert harsh.details["point"]["change"] > base.details["point"]["change"]
    assert harsh.point_holds


def test_evaluation_is_deterministic_with_a_seed():
    scn = bundled_scenario()
    c = claim(scn, "sanctions_tighten")
    a = evaluate_claim(scn, c, draws=25, seed=3)
    b = evaluate_claim(scn, c, draws=25, seed=3)
    assert a.to_dict() == b.to_dict()


def test_backtest_on_bundled_icews():
    scn = bundled_scenario()
    res = evaluate_claims(scn, draws=0, only=["provocations_bring_us_china_closer"])[0]
    bt = res.backtest
    assert bt["status"] in {"supported", "contradicted", "not measurable"}
    assert bt["window"]["n"] > 0 and bt["baseline"]["n"] > 0
    assert "icews" in bt["window"]["data"].lower()


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        ("prediction: {kind: alignment, apart: [[PRK, CHN]]}",
         "prediction: {kind: alignment, apart: [[PRK, TWN]]}", "unknown actor 'TWN'"),
        ("    intervention: dprk_missile_test\n", "    intervention: dprk_nuclear_test\n",
         "unknown intervention 'dprk_nuclear_test'"),
        ("    intervention: dprk_missile_test\n",
         "    intervention: [dprk_missile_test, six_party_resumption]\n", "contradictory"),
        ("prediction: {kind: triangle, actors: [USA, CHN, PRK], pivot: USA}",
         "prediction: {kind: triangle, actors: [USA, CHN, PRK], pivot: JPN}",
         "not one of the triangle"),
        ("prediction: {kind: bargaining, issue: sanctions,",
         "prediction: {kind: bargaining, issue: trade,", "unknown issue 'trade'"),
        ("prediction: {kind: alignment, apart: [[PRK, CHN]]}",
         "prediction: {kind: forecast, apart: [[PRK, CHN]]}", "does not match any"),
    ],
)
def test_bad_claims_are_clear_errors(tmp_path, run_cli, old, new, expect):
    p = korea_variant(tmp_path, old, new)
    with pytest.raises(ValidationError, match=expect):
        load_scenario(p)
    res = run_cli("claims", p, "--draws", "0")
    assert res.exit_code == 2
    assert expect.split("'")[0] in res.stderr
    assert "Traceback" not in res.stderr


def test_claims_cli_json_contract(run_cli):
    res = run_cli("claims", KOREA, "--draws", "5", "--seed", "2", "--format", "json")
    assert res.exit_code == 0, res.stderr
    data = res.json()
    assert isinstance(data, list) and data
    for rec in data:
        for key in ("id", "source", "text", "intervention", "prediction", "probability",
                    "verdict", "backtest"):
            assert key in rec
        assert 0 <= rec["probability"] <= 1
        assert rec["verdict"] in {"supported", "uncertain", "rejected"}


def test_claims_cli_unknown_claim_and_db(run_cli, tmp_path):
    res = run_cli("claims", KOREA, "--claim", "nope", "--draws", "0")
    assert res.exit_code == 2 and "unknown claim" in res.stderr
    res = run_cli("claims", KOREA, "--db", tmp_path / "none.duckdb", "--draws", "0")
    assert res.exit_code == 2 and "none.duckdb" in res.stderr


def test_backtest_reads_an_event_store(run_cli, tmp_path, shared_data):
    db = tmp_path / "ev.duckdb"
    icews = shared_data / "events" / "icews"
    res = run_cli("ingest", icews / "icews_2005-2015_sample20_named.tsv", "--format", "icews",
                  "--db", db)
    assert res.exit_code == 0, res.stderr
    res = run_cli("claims", KOREA, "--db", db, "--draws", "0", "--format", "json",
                  "--claim", "provocations_bring_us_china_closer")
    assert res.exit_code == 0, res.stderr
    bt = res.json()[0]["backtest"]
    assert "event store" in bt["window"]["data"]
    assert bt["status"] in {"supported", "contradicted"}
    assert bt["window"]["n"] >= 20 and bt["baseline"]["n"] >= 20
