"""The shared text pipeline: compressed files, invalid UTF-8, byte-order marks, blank lines."""

from __future__ import annotations

import gzip
import json
import zipfile

import pytest

from realpolitik.errors import InputError
from realpolitik.events.readers import read_events
from realpolitik.events.readers._pipeline import iter_line_batches, read_first_line
from realpolitik.store import ingest

BOM = b"\xef\xbb\xbf"
CSV_HEADER = "date,source,target,code,text"


def _g2(g2line, n: int = 3) -> bytes:
    return "".join(g2line(GLOBALEVENTID=str(i)) + "\n" for i in range(1, n + 1)).encode()


def _lines(path, **kw) -> list[tuple[int, str, str | None]]:
    out = []
    for batch in iter_line_batches(path, **kw):
        out += zip(*(batch.column(c).to_pylist() for c in ("lineno", "line", "bad")), strict=True)
    return out


def _zip(path, members: dict[str, bytes]):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


# --- compressed files ------------------------------------------------------------------------


def test_gzip_and_zip_read_like_the_plain_file(tmp_path, g2line):
    data = _g2(g2line)
    plain = tmp_path / "a.export.CSV"
    plain.write_bytes(data)
    gz = tmp_path / "a.export.CSV.gz"
    gz.write_bytes(gzip.compress(data))
    zp = _zip(tmp_path / "a.export.CSV.zip", {"a.export.CSV": data})
    want = read_events(plain, "gdelt2").events
    assert len(want) == 3
    for path in (gz, zp):
        got = read_events(path, "gdelt2")
        assert got.rejected.empty and got.lines == 3
        assert got.events["row_hash"].tolist() == want["row_hash"].tolist()
        assert got.events["doc_id"].tolist() == ["1", "2", "3"]


def test_compression_is_recognised_by_content_not_name(tmp_path, g2line):
    data = _g2(g2line)
    disguised = tmp_path / "gz_named_plain.export.CSV"
    disguised.write_bytes(gzip.compress(data))
    misnamed = tmp_path / "plain_named.export.CSV.gz"
    misnamed.write_bytes(data)
    for path in (disguised, misnamed):
        r = read_events(path, "gdelt2")
        assert r.rejected.empty and len(r.events) == 3


def test_compressed_stream_keeps_every_line_across_batches(tmp_path):
    lines = [f"line {i} " + "x" * (i % 97) for i in range(1, 5001)]
    data = ("\n".join(lines) + "\n").encode()
    gz = tmp_path / "many.txt.gz"
    gz.write_bytes(gzip.compress(data))
    zp = _zip(tmp_path / "many.zip", {"many.txt": data})
    for path in (gz, zp):
        got = _lines(path, batch_bytes=4096)
        assert [(n, t) for n, t, _ in got] == list(enumerate(lines, start=1))


def test_zip_with_several_files_names_them(tmp_path, g2line):
    zp = _zip(tmp_path / "two.zip", {"a.export.CSV": _g2(g2line), "b.export.CSV": b""})
    with pytest.raises(InputError, match=r"2 files \(a\.export\.CSV, b\.export\.CSV\)"):
        read_events(zp, "gdelt2")


def test_corrupt_or_truncated_archives_fail_in_one_line(tmp_path, g2line):
    gz = tmp_path / "cut.export.CSV.gz"
    gz.write_bytes(gzip.compress(_g2(g2line, 200))[:300])
    with pytest.raises(InputError, match="corrupt or truncated gzip data") as exc:
        read_events(gz, "gdelt2")
    assert "\n" not in str(exc.value)
    zp = tmp_path / "cut.zip"
    zp.write_bytes(b"PK\x03\x04" + b"\x14" * 40)
    with pytest.raises(InputError, match="corrupt or truncated zip archive"):
        read_events(zp, "gdelt2")


def test_other_compression_formats_are_named(tmp_path):
    p = tmp_path / "a.export.CSV.bz2"
    p.write_bytes(b"BZh91AY&SY" + bytes(range(256)))
    with pytest.raises(InputError, match="bzip2-compressed file"):
        read_events(p, "gdelt2")


def test_compressed_events_jsonl_and_csv(tmp_path):
    rows = [
        {"date": "2018-09-19", "source": "KOR", "target": "PRK", "code": "036"},
        {"date": "2018-09-20", "source": "USA", "target": "PRK", "code": "0311"},
    ]
    jsonl = "".join(json.dumps(r) + "\n" for r in rows).encode()
    csv = (
        "date,source,target,code\n" + "".join(",".join(r.values()) + "\n" for r in rows)
    ).encode()
    (tmp_path / "e.jsonl").write_bytes(jsonl)
    (tmp_path / "e.jsonl.gz").write_bytes(gzip.compress(jsonl))
    (tmp_path / "e.csv").write_bytes(csv)
    _zip(tmp_path / "e.csv.zip", {"e.csv": csv})
    want = read_events(tmp_path / "e.jsonl", "events").events["row_hash"].tolist()
    for name in ("e.jsonl.gz", "e.csv", "e.csv.zip"):
        r = read_events(tmp_path / name, "events")
        assert r.rejected.empty and r.lines == 2, name
        assert r.events["row_hash"].tolist() == want, name


def test_compressed_parquet_is_refused_with_a_reason(tmp_path):
    p = tmp_path / "e.parquet.gz"
    p.write_bytes(gzip.compress(b"PAR1"))
    with pytest.raises(InputError, match="compressed Parquet file"):
        read_events(p, "events")


def test_ingesting_the_gzip_then_the_plain_file_adds_nothing(tmp_path, g2line):
    data = _g2(g2line)
    gz = tmp_path / "a.export.CSV.gz"
    gz.write_bytes(gzip.compress(data))
    plain = tmp_path / "a.export.CSV"
    plain.write_bytes(data)
    db = tmp_path / "s.duckdb"
    (first,) = ingest(db, [gz], "gdelt2")
    (again,) = ingest(db, [plain], "gdelt2")
    assert (first.added, again.added, again.duplicates) == (3, 0, 3)


# --- text that is not UTF-8 --------------------------------------------------------------------


def test_a_line_that_is_not_utf8_is_flagged_not_fatal(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"one\ntwo\nCAF\xc9 au lait\r\nfour\n")
    got = _lines(p, reject_undecodable=True)
    assert [n for n, _, _ in got] == [1, 2, 3, 4]
    n, text, bad = got[2]
    assert text == "CAF\ufffd au lait"
    assert bad is not None and "not valid UTF-8 at byte 4" in bad and "0xc9" in bad
    assert [b for n, _, b in got if n != 3] == [None, None, None]


def test_without_opting_in_a_bad_line_still_fails_the_file(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(b"one\ntwo\nCAF\xc9\n")
    with pytest.raises(InputError, match=r"t\.txt:3: not UTF-8 text"):
        _lines(p)


def test_bad_lines_in_a_later_batch_are_found(tmp_path):
    lines = [b"line %d " % i + b"x" * 50 for i in range(1, 5001)]
    lines[3999] = b"line 4000 \xff\xfe"
    p = tmp_path / "t.txt"
    p.write_bytes(b"\n".join(lines) + b"\n")
    got = _lines(p, batch_bytes=4096, reject_undecodable=True)
    assert len(got) == 5000
    assert [n for n, _, b in got if b is not None] == [4000]


def test_events_jsonl_and_csv_reject_only_the_bad_line(tmp_path):
    good = '{"date": "2018-09-19", "source": "KOR", "target": "PRK", "code": "036"}'
    bad = good.replace("KOR", "K@R").encode().replace(b"@", b"\xe9")
    (tmp_path / "e.jsonl").write_bytes(b"\n".join([good.encode(), bad, good.encode()]) + b"\n")
    rows = [
        b"2018-09-19,KOR,PRK,036,a",
        b"2018-09-19,KOR,PRK,036,caf\xe9",
        b"2018-09-20,KOR,PRK,036,b",
    ]
    (tmp_path / "e.csv").write_bytes(b"\n".join([CSV_HEADER.encode(), *rows]) + b"\n")
    for name, bad_line, good_lines in (("e.jsonl", 2, [1, 3]), ("e.csv", 3, [2, 4])):
        r = read_events(tmp_path / name, "events")
        assert r.events["line"].tolist() == good_lines, name
        assert r.rejected["line"].tolist() == [bad_line], name
        assert r.rejected["reason"][0].startswith("not valid UTF-8 at byte"), name
        assert "\ufffd" in r.rejected["raw"][0]


def test_gdelt_keeps_the_good_rows_of_a_file_with_one_latin1_line(tmp_path, g2line):
    lines = [g2line(GLOBALEVENTID=str(i)).encode() for i in range(1, 5)]
    lines[2] = g2line(GLOBALEVENTID="3", Actor1Name="CAF@").encode().replace(b"@", b"\xc9")
    p = tmp_path / "latin1.export.CSV"
    p.write_bytes(b"\n".join(lines) + b"\n")
    r = read_events(p, "gdelt2")
    assert sorted(r.events["doc_id"]) == ["1", "2", "4"]
    assert r.rejected["line"].tolist() == [3]
    assert r.rejected["reason"][0].startswith("not valid UTF-8 at byte")


def test_icews_keeps_the_good_rows_of_a_file_with_one_latin1_line(tmp_path):
    from realpolitik.events.readers.icews import NAMED_FIELDS

    rows = [
        "\t".join(NAMED_FIELDS),
        "2018-09-19\tSouth Korea\tConsult\tNorth Korea\t040\t1.0",
        "2018-09-19\tCAF@\tConsult\tNorth Korea\t040\t1.0",
        "2018-09-20\tNorth Korea\tConsult\tSouth Korea\t040\t1.0",
    ]
    data = "\n".join(rows).encode().replace(b"@", b"\xc9") + b"\n"
    p = tmp_path / "icews.tab.gz"
    import gzip

    p.write_bytes(gzip.compress(b"\xef\xbb\xbf" + data))  # gzipped, with a BOM
    r = read_events(p, "icews")
    assert sorted(r.events["line"]) == [2, 4]
    assert r.rejected["line"].tolist() == [3]
    assert r.rejected["reason"][0].startswith("not valid UTF-8 at byte")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary data"),
        ("Москва\tКиев\n".encode("cp1251") * 50, r"not UTF-8 text: \d+% of the first"),
        ("date\tsource\n".encode("utf-16"), "UTF-16 text"),
    ],
    ids=["binary", "cp1251", "utf16"],
)
@pytest.mark.parametrize("fmt", ["gdelt2", "phoenix", "events"])
def test_a_file_that_is_not_text_fails_as_a_whole(tmp_path, data, message, fmt):
    p = tmp_path / ("x.jsonl" if fmt == "events" else "x.export.CSV")
    p.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_events(p, fmt)
    csv = tmp_path / "x.csv"
    csv.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_events(csv, "events")


# --- byte-order marks --------------------------------------------------------------------------


def test_bom_is_not_part_of_the_first_gdelt_event(tmp_path, g2line):
    data = _g2(g2line)
    plain = tmp_path / "a.export.CSV"
    plain.write_bytes(data)
    bom = tmp_path / "a_bom.export.CSV"
    bom.write_bytes(BOM + data)
    r = read_events(bom, "gdelt2")
    assert r.events["doc_id"].tolist()[0] == "1"
    want = read_events(plain, "gdelt2").events["row_hash"].tolist()
    assert r.events["row_hash"].tolist() == want
    db = tmp_path / "s.duckdb"
    ingest(db, [plain], "gdelt2")
    (again,) = ingest(db, [bom], "gdelt2")
    assert again.added == 0


def test_bom_in_events_csv_and_jsonl(tmp_path):
    csv = tmp_path / "e.csv"
    csv.write_bytes(BOM + b"date,source,target,code\r\n2018-09-19,PRK,KOR,036\r\n")
    jsonl = tmp_path / "e.jsonl"
    row = {"date": "2018-09-19", "source": "PRK", "target": "KOR", "code": "036"}
    jsonl.write_bytes(BOM + json.dumps(row).encode() + b"\n")
    gz = tmp_path / "e.csv.gz"
    gz.write_bytes(gzip.compress(csv.read_bytes()))
    for p in (csv, jsonl, gz):
        r = read_events(p, "events")
        assert r.rejected.empty and r.events["source"].tolist() == ["PRK"], p.name
    assert read_first_line(gz) == "date,source,target,code"


# --- blank lines -------------------------------------------------------------------------------


def test_blank_lines_are_skipped_and_numbering_stays_exact(tmp_path, g2line):
    text = "\n".join(
        ["", g2line(GLOBALEVENTID="1"), "   ", "\t", "\r", g2line(GLOBALEVENTID="2"), "", ""]
    )
    p = tmp_path / "blank.export.CSV"
    p.write_text(text + "\n", encoding="utf-8")
    r = read_events(p, "gdelt2")
    assert r.rejected.empty
    assert r.events["line"].tolist() == [2, 6]
    assert r.lines == 2


def test_blank_lines_in_events_files(tmp_path):
    row = '{"date": "2018-09-19", "source": "KOR", "target": "PRK", "code": "036"}'
    jsonl = tmp_path / "e.jsonl"
    jsonl.write_text(f"{row}\n\n   \n{row.replace('KOR', 'USA')}\n\n")
    csv = tmp_path / "e.csv"
    csv.write_text(
        "date,source,target,code\n2018-09-19,KOR,PRK,036\n\n  \n2018-09-20,USA,PRK,040\n"
        "2018-09-20,USA\n"
    )
    r = read_events(jsonl, "events")
    assert r.rejected.empty and r.events["line"].tolist() == [1, 4] and r.lines == 2
    r = read_events(csv, "events")
    assert r.events["line"].tolist() == [2, 5]
    assert r.rejected["line"].tolist() == [6] and r.lines == 3


def test_rows_read_counts_non_blank_lines(tmp_path, g2line):
    p = tmp_path / "trail.export.CSV"
    p.write_text(g2line(GLOBALEVENTID="1") + "\n\n", encoding="utf-8")
    (rep,) = ingest(tmp_path / "s.duckdb", [p], "gdelt2")
    assert (rep.rows_read, rep.added, rep.rejected) == (1, 1, 0)
    only_blank = tmp_path / "blank.export.CSV"
    only_blank.write_text("\n  \n\n", encoding="utf-8")
    (rep,) = ingest(tmp_path / "s.duckdb", [only_blank], "gdelt2")
    assert (rep.rows_read, rep.rejected) == (0, 1)
    assert rep.reasons == {"empty file: no rows to ingest": 1}


# --- CSV rows are one per line -----------------------------------------------------------------


def test_an_unclosed_quote_rejects_its_line_only(tmp_path):
    p = tmp_path / "q.csv"
    p.write_text(
        'date,source,target,code\n2018-09-19,KOR,PRK,"036\n2018-09-20,USA,PRK,040\n'
        '2018-09-21,CHN,PRK,"0, 36"\n2018-09-21,CHN,PRK,036\n'
    )
    r = read_events(p, "events")
    assert r.events["line"].tolist() == [3, 5]
    reasons = r.rejected.set_index("line")["reason"]
    assert "malformed CSV line" in reasons[2]
    assert 'unknown CAMEO event code "0, 36"' in reasons[4]
    assert r.rejected.set_index("line")["raw"][4] == '2018-09-21,CHN,PRK,"0, 36"'
