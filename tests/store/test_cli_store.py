"""``realpolitik ingest`` and ``realpolitik store``: the CLI prints what the library returns."""

from __future__ import annotations


def test_ingest_json_and_idempotence(run_cli, tmp_path, write, g2line):
    p = write("a.csv", [g2line(GLOBALEVENTID=str(i)) for i in range(3)] + ["bad"])
    db = tmp_path / "s.duckdb"
    r = run_cli("ingest", p, "--format", "gdelt2", "--db", db, "--output", "json")
    assert r.exit_code == 0, r.stderr
    (f,) = r.json()["files"]
    assert (f["rows_read"], f["added"], f["rejected"]) == (4, 3, 1)
    r2 = run_cli("ingest", p, "--format", "gdelt2", "--db", db, "--output", "json")
    assert r2.json()["files"][0]["added"] == 0


def test_ingest_env_db(run_cli, tmp_path, write, g2line, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_DB", str(tmp_path / "env.duckdb"))
    r = run_cli("ingest", write("a.csv", [g2line()]), "--format", "gdelt2")
    assert r.exit_code == 0 and (tmp_path / "env.duckdb").exists()


def test_gdelt_as_icews_is_a_clear_error(run_cli, tmp_path, write, g2line):
    p = write("20180919.export.CSV", [g2line()])
    r = run_cli("ingest", p, "--format", "icews", "--db", tmp_path / "s.duckdb")
    assert r.exit_code == 2
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "20180919.export.CSV" in err[0]
    assert "not an ICEWS file" in err[0] and "use --format gdelt2" in err[0]
    assert "Traceback" not in r.stderr


def test_empty_file_exit_2(run_cli, tmp_path, write):
    r = run_cli("ingest", write("e.csv", []), "--format", "gdelt2", "--db", tmp_path / "s.duckdb")
    assert r.exit_code == 2 and "empty file" in r.stderr


def test_store_info_and_rejected_json(run_cli, tmp_path, write, g2line):
    db = tmp_path / "s.duckdb"
    run_cli(
        "ingest", write("a.csv", [g2line(), g2line(SQLDATE="x")]), "--format", "gdelt2", "--db", db
    )
    info = run_cli("store", "info", "--db", db, "--format", "json").json()
    assert set(info) >= {
        "db",
        "events",
        "first_date",
        "last_date",
        "datasets",
        "rejected",
        "rejected_by_reason",
        "files",
    }
    assert (info["events"], info["rejected"]) == (1, 1)
    rej = run_cli("store", "rejected", "--db", db, "--format", "json").json()
    assert rej[0]["line"] == 2 and "bad date" in rej[0]["reason"]
    out = run_cli("store", "export", tmp_path / "exp", "--db", db, "--format", "json").json()
    assert out["events"] == 1
    imp = run_cli(
        "store", "import", tmp_path / "exp", "--db", tmp_path / "t.duckdb", "--format", "json"
    ).json()
    assert imp["added"] == 1


def test_store_info_without_store(run_cli, tmp_path):
    r = run_cli("store", "info", "--db", tmp_path / "none.duckdb")
    assert r.exit_code == 2 and "no event store here" in r.stderr


def test_ingest_engine_dask_cli(run_cli, tmp_path):
    import pandas as pd

    ds = tmp_path / "ds"
    ds.mkdir()
    rows = [
        dict(date="2018-09-19", source="KOR", target="PRK", code="036", doc_id=f"d{i}")
        for i in range(4)
    ]
    pd.DataFrame(rows[:2]).to_parquet(ds / "a.parquet")
    pd.DataFrame(rows[2:]).to_parquet(ds / "b.parquet")
    db = tmp_path / "s.duckdb"
    r = run_cli(
        "ingest", ds, "--format", "events", "--engine", "dask", "--db", db, "--output", "json"
    )
    assert r.exit_code == 0, r.stderr
    assert [f["added"] for f in r.json()["files"]] == [2, 2]
    bad = run_cli("ingest", ds, "--format", "gdelt2", "--engine", "dask", "--db", db)
    assert bad.exit_code == 2 and "--engine dask ingests Parquet datasets" in bad.stderr
