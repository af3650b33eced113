"""Schema 2 of the store: ``row_hash`` as a 128-bit number, migration from schema 1, and the
candidate-based deduplication (content hash matched even when the key changed)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.events.readers import read_events
from realpolitik.events.readers._pipeline import PARSED_TABLE, create_parsed_table
from realpolitik.events.readers._rowhash import md5_hex_to_number_sql
from realpolitik.store import connect, export_parquet, import_parquet, ingest
from realpolitik.store.eventstore import SCHEMA_VERSION, dedupe_insert


def _le_hex(number: int) -> str:
    """The MD5 hex digest whose little-endian reading is ``number`` (schema 1's text)."""
    return int(number).to_bytes(16, "little").hex()


def _hashes(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT doc_id, CAST(row_hash AS VARCHAR) FROM events").fetchall()
    finally:
        con.close()
    return {d: int(h) for d, h in rows}


def test_row_hash_is_md5_of_the_raw_line_read_little_endian(tmp_path, write, g2line):
    line = g2line(GLOBALEVENTID="5")
    res = read_events(write("a.csv", [line]), "gdelt2")
    digest = hashlib.md5(line.encode("utf-8")).digest()
    assert int(res.events["row_hash"].iloc[0]) == int.from_bytes(digest, "little")


def test_md5_hex_conversion_is_exact():
    con = duckdb.connect()
    got = con.execute(
        f"SELECT bool_and({md5_hex_to_number_sql('md5(x)')} = md5_number(x)), count(*) "
        "FROM (SELECT 'row ' || range AS x FROM range(500))"
    ).fetchall()[0]
    assert got == (True, 500)


def _make_schema1(db: Path) -> None:
    """Turn a schema-2 store back into schema 1 (row_hash as MD5 hex text)."""
    con = duckdb.connect(str(db))
    rows = con.execute("SELECT rowid, CAST(row_hash AS VARCHAR) FROM events").fetchall()
    con.execute("ALTER TABLE events ALTER row_hash SET DATA TYPE VARCHAR USING NULL")
    for rid, h in rows:
        con.execute("UPDATE events SET row_hash = ? WHERE rowid = ?", [_le_hex(int(h)), rid])
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    con.close()


def test_schema1_store_is_migrated_and_still_deduplicates(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    p = write("a.csv", [g2line(GLOBALEVENTID=str(i)) for i in range(1, 6)])
    ingest(db, [p], "gdelt2")
    before = _hashes(db)
    _make_schema1(db)
    (rep,) = ingest(db, [p], "gdelt2")  # opening for writing migrates
    assert rep.added == 0 and rep.duplicates == 5
    assert _hashes(db) == before
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchall() == [
        (SCHEMA_VERSION,)
    ]
    con.close()


def test_schema1_export_imports_with_the_same_hashes(tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    lines = [g2line(GLOBALEVENTID=str(i), SQLDATE=f"2018091{i}") for i in range(1, 4)]
    ingest(db, [write("a.csv", lines)], "gdelt2")
    export_parquet(db, tmp_path / "exp")
    # rewrite the export as schema 1 wrote it: hex digests, no key-value metadata
    for f in (tmp_path / "exp").rglob("*.parquet"):
        t = pq.read_table(f)
        hexes = pa.array([_le_hex(int(h)) for h in t["row_hash"].to_pylist()])
        t = t.set_column(t.schema.get_field_index("row_hash"), "row_hash", hexes)
        pq.write_table(t.replace_schema_metadata(None), f)
    db2 = tmp_path / "t.duckdb"
    assert import_parquet(db2, tmp_path / "exp")["added"] == 3
    assert _hashes(db2) == _hashes(db)


def _stage(con, rows: list[dict]) -> None:
    create_parsed_table(con)
    for r in rows:
        con.execute(
            f"INSERT INTO {PARSED_TABLE} (line, date, source, target, code, doc_id, row_hash) "
            "VALUES (?, ?, ?, ?, ?, ?, md5_number(?))",
            [r["line"], r["date"], r["source"], r["target"], r["code"], r["doc_id"], r["raw"]],
        )


def test_content_hash_catches_a_row_whose_key_changed(tmp_path):
    """The same source row parsed under another actor mapping: key differs, hash does not."""
    row = dict(line=1, date="2018-09-19", source="KOR", target="PRK", code="036", doc_id="1")
    with connect(tmp_path / "s.duckdb") as con:
        con.execute("BEGIN")
        _stage(con, [{**row, "raw": "the raw line"}])
        assert dedupe_insert(con, PARSED_TABLE) == 1
        # same raw row, actor now resolved to KORGOV: a duplicate by content
        _stage(con, [{**row, "source": "KORGOV", "raw": "the raw line"}])
        assert dedupe_insert(con, PARSED_TABLE) == 0
        # same key, other content: a duplicate by key
        _stage(con, [{**row, "raw": "another line"}])
        assert dedupe_insert(con, PARSED_TABLE) == 0
        # a new event among stored ones on another date is kept; repeats in the file dropped
        new = {**row, "date": "2018-09-20", "raw": "third"}
        _stage(con, [new, {**new, "line": 2}, {**row, "line": 3, "raw": "the raw line"}])
        assert dedupe_insert(con, PARSED_TABLE) == 1
        con.execute("COMMIT")
        assert con.execute("SELECT count(*) FROM events").fetchall()[0][0] == 2
