"""realpolitik's own events files: JSONL, CSV and Parquet give the same events."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from realpolitik.errors import InputError
from realpolitik.events.readers import read_events

ROWS = [
    dict(
        date="2018-09-19",
        source="KORGOV",
        target="PRK",
        code="036",
        doc_id="d1",
        sentence_index=3,
        confidence=0.8,
        modality="future",
    ),
    dict(date="2018-09-20", source="USA", target="PRK", code="0311", doc_id="d2"),
]


def _frames(tmp_path):
    df = pd.DataFrame(ROWS)
    (tmp_path / "e.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n")
    df.to_csv(tmp_path / "e.csv", index=False)
    df.to_parquet(tmp_path / "e.parquet")
    return [read_events(tmp_path / f"e.{x}", "events") for x in ("jsonl", "csv", "parquet")]


def test_three_encodings_same_events_same_hashes(tmp_path):
    results = _frames(tmp_path)
    for r in results:
        assert r.rejected.empty and len(r.events) == 2
    cols = [
        "date",
        "source",
        "target",
        "code",
        "goldstein",
        "quad_class",
        "modality",
        "doc_id",
        "sentence_index",
        "confidence",
        "row_hash",
    ]
    first = results[0].events[cols].reset_index(drop=True)
    for r in results[1:]:
        pd.testing.assert_frame_equal(
            first, r.events[cols].reset_index(drop=True), check_dtype=False
        )
    assert first["modality"].tolist() == ["future", "actual"]


def test_bad_jsonl_lines(tmp_path):
    lines = [
        json.dumps(ROWS[0]),
        '{"date": "2018-09-2',
        "[1, 2]",
        json.dumps({**ROWS[1], "date": "2018-02-30"}),
        json.dumps({**ROWS[1], "target": ""}),
        json.dumps({**ROWS[1], "modality": "maybe"}),
        json.dumps(ROWS[1]),
    ]
    p = tmp_path / "bad.jsonl"
    p.write_text("\n".join(lines) + "\n")
    r = read_events(p, "events")
    assert r.events["line"].tolist() == [1, 7]
    reasons = r.rejected.set_index("line")["reason"]
    assert "truncated" in reasons[2]
    assert reasons[3] == "not a JSON object"
    assert 'bad date "2018-02-30"' in reasons[4]
    assert "empty actor" in reasons[5]
    assert 'unknown modality "maybe"' in reasons[6]


def test_csv_wrong_column_counts_have_line_numbers(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text(
        "date,source,target,code\n2018-09-19,KOR,PRK,036\n2018-09-19,KOR\n2018-09-20,USA,PRK,040\n"
    )
    r = read_events(p, "events")
    assert r.events["line"].tolist() == [2, 4]
    assert r.rejected["line"].tolist() == [3]
    assert "expected 4 comma-separated columns, got 2" in r.rejected["reason"][0]


def test_missing_required_column(tmp_path):
    p = tmp_path / "e.csv"
    p.write_text("date,source,code\n2018-09-19,KOR,036\n")
    with pytest.raises(InputError, match="missing required column.*target"):
        read_events(p, "events")


def test_unknown_extension(tmp_path):
    p = tmp_path / "e.txt"
    p.write_text("x")
    with pytest.raises(InputError, match="unknown events file extension"):
        read_events(p, "events")
