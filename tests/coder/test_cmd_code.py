import json
import shutil

import pytest

from realpolitik.events.record import EVENT_COLUMNS

GOOD = "Japan sharply criticized Russia on Monday.\nChina will ban coal imports from Iran.\n"


@pytest.fixture
def mixed_dir(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a_good.txt").write_text(GOOD, encoding="utf-8")
    (d / "b_empty.txt").write_bytes(b"")
    (d / "c_binary.bin").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (d / "d_latin1.txt").write_bytes("Caf\xe9 owners protested. France criticized Spain.\n"
                                     .encode("latin-1"))
    return d


def _rows(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_code_stdout_jsonl_actual_only(run_cli, tmp_path):
    p = tmp_path / "n.txt"
    p.write_text(GOOD)
    r = run_cli("code", p, "--date", "2017-08-17")
    assert r.exit_code == 0, r.stderr
    rows = _rows(r.stdout)
    assert rows and all(list(row) == list(EVENT_COLUMNS) for row in rows)
    assert {(x["source"], x["target"], x["code"]) for x in rows} == {("JPN", "RUS", "111")}
    assert all(x["modality"] == "actual" and x["doc_id"] == "n" for x in rows)


def test_code_all_modalities(run_cli, tmp_path):
    p = tmp_path / "n.txt"
    p.write_text(GOOD)
    r = run_cli("code", p, "--date", "2017-08-17", "--all-modalities", "--doc-id", "X1")
    rows = _rows(r.stdout)
    assert {x["modality"] for x in rows} == {"actual", "future"}
    assert any(x["code"] == "163" and x["modality"] == "future" for x in rows)
    assert all(x["doc_id"] == "X1" for x in rows)


def test_mixed_directory_partial_results_exit_2(run_cli, mixed_dir, tmp_path):
    out = tmp_path / "ev.csv"
    r = run_cli("code", mixed_dir, "--date", "2017-08-17", "--out", out)
    assert r.exit_code == 2
    assert "b_empty.txt: file is empty" in r.stderr
    assert "c_binary.bin: binary file skipped" in r.stderr
    assert "d_latin1.txt: not valid UTF-8" in r.stderr
    lines = out.read_text().splitlines()
    assert lines[0].split(",") == list(EVENT_COLUMNS)
    docs = {line.split(",")[EVENT_COLUMNS_INDEX] for line in lines[1:]}
    assert docs == {"a_good", "d_latin1"}


EVENT_COLUMNS_INDEX = list(EVENT_COLUMNS).index("doc_id")


def test_missing_date_fails_that_file(run_cli, tmp_path):
    a = tmp_path / "dated.txt"
    a.write_text("Published 2017-08-17\n\nJapan criticized Russia.\n")
    b = tmp_path / "undated.txt"
    b.write_text("Japan criticized Russia.\n")
    r = run_cli("code", a, b)
    assert r.exit_code == 2
    assert "undated.txt: no document date" in r.stderr
    rows = _rows(r.stdout)
    assert rows and {x["date"] for x in rows} == {"2017-08-17"}


def test_parquet_output(run_cli, corpus_dir, tmp_path):
    import pyarrow.parquet as pq

    from realpolitik.events.record import event_arrow_schema

    src = tmp_path / "c"
    src.mkdir()
    for f in corpus_dir.glob("*.txt"):
        shutil.copy(f, src / f.name)
    out = tmp_path / "ev.parquet"
    r = run_cli("code", src, "--date", "2017-08-17", "--out", out)
    assert r.exit_code == 0, r.stderr
    t = pq.read_table(out)
    assert t.schema.equals(event_arrow_schema())
    assert t.num_rows >= 3 and set(t.column("modality").to_pylist()) == {"actual"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["--date", "17/08/2017"], "expected YYYY-MM-DD"),
        (["--date", "2017-08-17", "--out", "x.xlsx"], "expected one of .jsonl"),
    ],
)
def test_bad_options(run_cli, tmp_path, args, message):
    p = tmp_path / "n.txt"
    p.write_text(GOOD)
    r = run_cli("code", p, *args)
    assert r.exit_code == 2 and message in r.stderr


def test_missing_file(run_cli, tmp_path):
    r = run_cli("code", tmp_path / "nope.txt", "--date", "2017-08-17")
    assert r.exit_code == 2 and "no such file" in r.stderr
