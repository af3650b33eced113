"""docs/cow_frustration.md must say what the code computes (a sample of its rows)."""

from pathlib import Path

from realpolitik.alignment import frustration_index, triangle_in_graph

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


def test_every_doc_row_matches_the_code(shared_data):
    # all 51 periods: sizes, exact index (proven optimal) and the USA-CHN-NKR triangle
    from realpolitik.alignment.graph import read_edge_table

    rows = _rows()
    tables = read_edge_table(shared_data / "alignment" / "cow_signed_edges.csv")
    assert set(tables) == set(rows)
    for period, table in tables.items():
        row = rows[period]
        g = table.to_graph()
        assert (int(row[1]), int(row[2])) == (g.n, g.n_edges), period
        r = frustration_index(g)
        assert r.optimal and int(row[4]) == r.frustration_index, period
        t = triangle_in_graph(g, "USA", "CHN", "NKR")
        assert row[11].strip("()") == t.configuration, period
        assert (row[13] == "yes") == t.complete, period
