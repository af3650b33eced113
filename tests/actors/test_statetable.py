from importlib import resources

from realpolitik.actors.statetable import G20_STATES, generate_state_table, render_state_table


def test_shipped_state_table_matches_country_converter():
    shipped = (
        resources.files("realpolitik.data").joinpath("actors/states.tsv").read_text("utf-8")
    )
    assert shipped == render_state_table(generate_state_table())


def test_state_table_contents():
    rows = {r["iso3"]: r for r in generate_state_table()}
    assert sum(r["kind"] == "state" for r in rows.values()) >= 196
    assert sum(r["un_member"] == "1" for r in rows.values()) == 193
    assert {k for k, r in rows.items() if r["g20"] == "1"} == G20_STATES
    assert len(G20_STATES) == 19
    assert rows["PRK"]["name"] == "North Korea" and rows["KOR"]["name"] == "South Korea"
    assert rows["TWN"]["kind"] == "state" and rows["XKX"]["kind"] == "state"
