"""docs/cow_frustration.md must say what the code computes (a sample of its rows)."""

from pathlib import Path

import pytest

from realpolitik.alignment import SignedGraph, frustration_index, triangle_in_graph

DOC = Path(__file__).resolve().parents[2] / "docs" / "cow_frustration.md"


def _rows():
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 14 and "-" in cells[0] and cells[0][:2].isdigit():
            rows[cells[0]] = cells
    return rows


def test_doc_has_all_51_periods_proven_optimal():
    rows = _rows()
    assert len(rows) == 51
    assert all(r[5] == "yes" and r[4] == r[6] for r in rows.values())


@pytest.mark.parametrize("period", ["49-52", "58-61", "91-94"])
def test_doc_rows_match_the_code(shared_data, period):
    row = _rows()[period]
    g = SignedGraph.from_csv(shared_data / "alignment" / "cow_signed_edges.csv", period=period)
    assert (int(row[1]), int(row[2])) == (g.n, g.n_edges)
    r = frustration_index(g)
    assert r.optimal and int(row[4]) == r.frustration_index
    t = triangle_in_graph(g, "USA", "CHN", "NKR")
    assert row[11].strip("()") == t.configuration
    assert (row[13] == "yes") == t.complete
