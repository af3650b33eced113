"""Event store benchmark: ingest throughput and dyad-month aggregation, against pandas.

A generator writes realistic synthetic GDELT 2.0 rows (the 61-column layout, CAMEO codes with
a skewed frequency like GDELT's, Zipf-distributed actor countries with role suffixes, FIPS
location codes, 2015-2020 dates) as tab-separated text and as realpolitik events Parquet.

Measured per size (1M, 10M and 50M rows; 1M only with ``--quick``), each step in a fresh
child process so that peak memory (max RSS) is per step:

* ingest of events Parquet files (2M rows each) into a new store (target >= 500k rows/s),
  the files in date order as GDELT publishes them, against a bare DuckDB copy of the same
  files (``CREATE TABLE AS SELECT * FROM read_parquet``: no parsing, validation, hashing or
  deduplication) measured in the same run, the floor this machine sets; and at 10M rows
  also files whose dates all overlap, the worst case for deduplication;
* ingest of GDELT 2.0 text files at 1M rows (reported, no target);
* dyad-month aggregation (:func:`realpolitik.relations.all_dyads`) on the store (target
  50M rows < 15 s), timed twice: opening the store file on each call (as the CLI does) and
  on a store held open (an open connection passed as the event source, as a notebook or a
  server does, so DuckDB's buffer pool holds the columns); and the same aggregation in
  pandas on an in-memory frame (groupby on the same integer month key and state prefixes;
  its group count and totals are checked equal to DuckDB's), with both ratios (target
  >= 10x); the time pandas needs to load that frame from the store is reported too, with
  the end-to-end ratio (both sides reading the store);
* both on the store as ingested (days in order, dyads shuffled within a day) and again after
  ``realpolitik store optimize`` (:func:`realpolitik.store.optimize_store`) has clustered the
  rows by month and dyad; the rewrite's own time and memory are reported. pandas gets the
  frame in the same row order as DuckDB reads it.

Aggregation times (DuckDB and pandas alike) are the median of three runs in the same process
after the store was read once; ingest and optimize are timed once (they change the store).
"""

from __future__ import annotations

import multiprocessing as mp
import os
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

CHUNK = 2_000_000
ROW_GROUP = 122_880
SEED = 20181919

# Actor countries: the six Korea actors and the big reporters first (Zipf weights).
COUNTRIES = (
    "USA CHN RUS GBR IND PRK KOR JPN ISR IRN SYR FRA DEU TUR PAK AFG IRQ UKR AUS CAN NGA EGY "
    "SAU MEX BRA ZAF PHL IDN ITA ESP KEN LBY YEM VNM MYS THA POL SWE NLD BEL GRC CUB VEN COL "
    "ARG CHL PER LBN JOR QAT ARE KWT BGD LKA NPL MMR KHM LAO MNG KAZ UZB GEO ARM AZE BLR LTU "
    "LVA EST FIN NOR DNK IRL PRT AUT CHE HUN CZE SVK ROU BGR SRB HRV BIH ALB MKD SOM ETH SDN "
    "SSD UGA TZA RWA COD CMR GHA SEN MLI NER TCD DZA MAR TUN NZL SGP TWN HKG"
).split()
ISO_TO_FIPS = {
    "USA": "US",
    "CHN": "CH",
    "RUS": "RS",
    "GBR": "UK",
    "IND": "IN",
    "PRK": "KN",
    "KOR": "KS",
    "JPN": "JA",
    "ISR": "IS",
    "IRN": "IR",
    "SYR": "SY",
    "FRA": "FR",
    "DEU": "GM",
    "TUR": "TU",
    "PAK": "PK",
    "AFG": "AF",
    "IRQ": "IZ",
    "UKR": "UP",
    "AUS": "AS",
    "CAN": "CA",
}
ROLES = ["", "GOV", "MIL", "", "COP", "BUS", "MED", "OPP", "", "CVL", "REB", "JUD"]
# CAMEO codes and relative frequencies (statements, consultations and appeals dominate).
CODES = {
    "010": 14,
    "020": 3,
    "036": 5,
    "040": 10,
    "042": 8,
    "043": 9,
    "046": 4,
    "051": 4,
    "057": 1.5,
    "061": 1.5,
    "071": 1,
    "090": 1,
    "111": 2.5,
    "112": 5,
    "120": 1.5,
    "130": 1.5,
    "138": 0.8,
    "141": 1,
    "163": 0.5,
    "173": 3,
    "180": 2,
    "190": 4,
    "193": 2,
    "1822": 0.5,
    "0311": 0.8,
    "0841": 0.5,
    "1011": 0.3,
    "1382": 0.2,
    "195": 0.6,
    "200": 0.1,
}


def _zipf_choice(rng, items, n, a=1.2):
    w = 1.0 / np.arange(1, len(items) + 1) ** a
    return np.asarray(items, dtype=object)[rng.choice(len(items), size=n, p=w / w.sum())]


SPAN_DAYS = 6 * 365


def gdelt2_columns(
    n: int, rng: np.random.Generator, start_id: int = 0, days: tuple[int, int] = (0, SPAN_DAYS)
) -> dict[str, np.ndarray]:
    """Realistic synthetic GDELT 2.0 fields (the ones the reader uses; the rest empty).

    Event dates are uniform over ``days`` (day offsets from 2015-01-01, end excluded).
    """
    days = rng.integers(days[0], max(days[1], days[0] + 1), size=n)
    dates = np.datetime64("2015-01-01") + days.astype("timedelta64[D]")
    ymd = np.char.replace(np.datetime_as_string(dates, unit="D"), "-", "")
    a1 = _zipf_choice(rng, COUNTRIES, n)
    a2 = _zipf_choice(rng, COUNTRIES, n)
    same = a1 == a2
    a2[same] = _zipf_choice(rng, COUNTRIES[1:], int(same.sum()))
    r1 = np.asarray(ROLES, dtype=object)[rng.integers(0, len(ROLES), size=n)]
    r2 = np.asarray(ROLES, dtype=object)[rng.integers(0, len(ROLES), size=n)]
    codes = list(CODES)
    p = np.array(list(CODES.values()), dtype=float)
    ev = np.asarray(codes, dtype=object)[rng.choice(len(codes), size=n, p=p / p.sum())]
    geo_iso = np.where(rng.random(n) < 0.5, a1, a2)
    geo = np.array([ISO_TO_FIPS.get(c, "") for c in geo_iso], dtype=object)
    ids = np.arange(start_id, start_id + n).astype(str)
    return {
        "GLOBALEVENTID": ids,
        "SQLDATE": ymd,
        "Actor1Code": a1 + r1,
        "Actor1CountryCode": a1,
        "Actor1Type1Code": r1,
        "Actor2Code": a2 + r2,
        "Actor2CountryCode": a2,
        "Actor2Type1Code": r2,
        "EventCode": ev,
        "ActionGeo_CountryCode": geo,
        "SOURCEURL": np.char.add("https://news.example/", ids.astype("U16")).astype(object),
        "_date": dates,
    }


def write_gdelt2_tsv(path: Path, n: int, seed: int = SEED) -> None:
    """Write ``n`` synthetic GDELT 2.0 rows as a 61-column tab-separated file."""
    from realpolitik.events.readers.gdelt2 import FIELDS

    rng = np.random.default_rng(seed)
    with open(path, "w", encoding="utf-8") as fh:
        for start in range(0, n, CHUNK):
            m = min(CHUNK, n - start)
            cols = gdelt2_columns(m, rng, start)
            parts = [cols.get(f, np.full(m, "", dtype=object)) for f in FIELDS]
            lines = parts[0].astype(object)
            for col in parts[1:]:
                lines = lines + "\t" + col.astype(object)
            fh.write("\n".join(lines.tolist()) + "\n")


def write_events_parquet(
    directory: Path, n: int, seed: int = SEED, *, chronological: bool = True
) -> list[Path]:
    """Write ``n`` synthetic events (the same generator) as realpolitik events Parquet files.

    With ``chronological`` (GDELT's own layout: it publishes one file per 15 minutes, so a
    file covers a short span of event dates) the files split the six years between them in
    order; without it every file's dates spread over all six years, the worst case for
    deduplication (each file's date range overlaps everything stored).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from realpolitik.events.readers._tables import code_table

    rng = np.random.default_rng(seed)
    table = code_table(list(CODES)).set_index("code")
    files = []
    starts = list(range(0, n, CHUNK))
    for k, start in enumerate(starts):
        m = min(CHUNK, n - start)
        span = (0, SPAN_DAYS)
        if chronological:
            span = (k * SPAN_DAYS // len(starts), (k + 1) * SPAN_DAYS // len(starts))
        c = gdelt2_columns(m, rng, start, span)
        codes = c["EventCode"]
        t = pa.table(
            {
                "date": pa.array(c["_date"].astype("datetime64[D]")),
                "source": pa.array(c["Actor1Code"].astype(str)),
                "target": pa.array(c["Actor2Code"].astype(str)),
                "code": pa.array(codes.astype(str)),
                "root": pa.array(table.loc[codes, "root"].to_numpy().astype(str)),
                "goldstein": pa.array(table.loc[codes, "goldstein"].to_numpy(dtype=float)),
                "quad_class": pa.array(table.loc[codes, "quad_class"].to_numpy(dtype="int8")),
                "dataset": pa.array(np.full(m, "gdelt2")),
                "doc_id": pa.array(c["GLOBALEVENTID"]),
                "text": pa.array(c["SOURCEURL"].astype(str)),
            }
        )
        p = directory / f"events-{k:03d}.parquet"
        # Row groups of 122,880 rows: what DuckDB (and so `realpolitik store export`) writes.
        # DuckDB reads a file's row groups in parallel, so a file of one huge row group (the
        # pyarrow default is 1,048,576 rows) would be read on one core.
        pq.write_table(t, p, row_group_size=ROW_GROUP)
        files.append(p)
    return files


# ---------------------------------------------------------------- measured steps (children)
def _maxrss_mb() -> float:
    """Peak resident memory of this process (VmHWM; ru_maxrss survives exec on Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _step_bulk_load(db: str, files: list[str], q) -> None:
    """Fill a store's events table straight from Parquet (for aggregation-only sizes)."""
    from realpolitik.store import connect

    t = time.perf_counter()
    glob = ", ".join(f"'{f}'" for f in files)
    with connect(db) as con:
        con.execute(
            "INSERT INTO events BY NAME SELECT date, source, target, code, root, goldstein, "
            f"quad_class, dataset, doc_id, text FROM read_parquet([{glob}])"
        )
    q.put((time.perf_counter() - t, _maxrss_mb()))


def _step_bare_copy(db: str, files: list[str], q) -> None:
    """Baseline: copy the Parquet files into a DuckDB table as they are."""
    import duckdb

    t = time.perf_counter()
    con = duckdb.connect(db)
    con.execute("SET enable_progress_bar = false")
    con.execute("CREATE TABLE events AS SELECT * FROM read_parquet(?)", [files])
    con.close()
    q.put((time.perf_counter() - t, _maxrss_mb()))


def _step_ingest(db: str, files: list[str], fmt: str, q) -> None:
    import realpolitik.events.readers  # noqa: F401  (imports are start-up, not throughput)
    from realpolitik.store import ingest

    t = time.perf_counter()
    reps = ingest(db, files, fmt)
    dt = time.perf_counter() - t
    q.put((dt, sum(r.added for r in reps), sum(r.rejected for r in reps), _maxrss_mb()))


def _step_optimize(db: str, q) -> None:
    from realpolitik.store import optimize_store

    t = time.perf_counter()
    rep = optimize_store(db)
    q.put((time.perf_counter() - t, rep["rewritten"], _maxrss_mb()))


REPEATS = 3


def _step_aggregate(db: str, q) -> None:
    """``all_dyads`` opening the store on each call (as the CLI does), then on a held one."""
    from realpolitik.relations import all_dyads
    from realpolitik.relations.series import COUNT_COLUMNS
    from realpolitik.store import connect

    all_dyads(db, "month")  # warm the file cache
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        out = all_dyads(db, "month")
        times.append(time.perf_counter() - t)
    # A notebook or a server keeps the store open (an open connection is an event source):
    # DuckDB's buffer pool then holds the columns, as pandas holds its frame in memory.
    held = []
    with connect(db, read_only=True) as con:
        all_dyads(con, "month")
        for _ in range(REPEATS):
            t = time.perf_counter()
            again = all_dyads(con, "month")
            held.append(time.perf_counter() - t)
    assert again.equals(out)
    # Totals to check against pandas' result: the same aggregation, not just as many groups.
    counts = [c for c in COUNT_COLUMNS if c != "goldstein_tenths"]  # all_dyads drops it
    totals = tuple(int(out[c].sum()) for c in counts)
    totals += (int((out["goldstein_sum"] * 10).round().astype("int64").sum()),)
    q.put((statistics.median(times), len(out), _maxrss_mb(), statistics.median(held), totals))


def _step_pandas(db: str, q) -> None:
    import duckdb
    import pandas as pd

    t_load = time.perf_counter()
    con = duckdb.connect(db, read_only=True)
    con.execute("SET enable_progress_bar = false")
    # Through Arrow, as realpolitik itself fetches frames (DuckDB's ``.df()`` converts
    # strings several times slower and would inflate the end-to-end ratio).
    frame = (
        con.sql("SELECT date, source, target, quad_class, goldstein FROM events")
        .to_arrow_table()
        .to_pandas(date_as_object=False)
    )
    con.close()
    load_s = time.perf_counter() - t_load
    times = []
    for _ in range(REPEATS):
        t = time.perf_counter()
        # The integer month key DuckDB groups by (``year * 12 + month - 1``), not pandas'
        # idiomatic ``dt.to_period("M")``: at 50M rows the Period keys made pandas about
        # 11 % slower (interleaved, docs/perf-store.md), and a baseline slowed by its idiom
        # would flatter the ratio.
        date = frame["date"].dt
        f = pd.DataFrame(
            {
                "period": date.year * 12 + date.month - 1,
                "source": frame["source"].str.slice(0, 3),
                "target": frame["target"].str.slice(0, 3),
                "q": frame["quad_class"],
                "g": (frame["goldstein"] * 10).round().astype("int64"),
            }
        )
        for k in (1, 2, 3, 4):
            f[f"q{k}"] = (f["q"] == k).astype("int64")
        out = f.groupby(["period", "source", "target"]).agg(
            n_events=("q", "size"),
            q1=("q1", "sum"),
            q2=("q2", "sum"),
            q3=("q3", "sum"),
            q4=("q4", "sum"),
            g=("g", "sum"),
        )
        times.append(time.perf_counter() - t)
        del f
    totals = tuple(int(out[c].sum()) for c in ("n_events", "q1", "q2", "q3", "q4", "g"))
    q.put((statistics.median(times), len(out), _maxrss_mb(), load_s, totals))


def _child(target, *args):
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=target, args=(*args, q))
    p.start()
    res = q.get()
    p.join()
    return res


def _step_generate(pq_dir: str, n: int, chronological: bool, q) -> None:
    t = time.perf_counter()
    files = write_events_parquet(Path(pq_dir), n, chronological=chronological)
    q.put(([str(f) for f in files], time.perf_counter() - t))


def run_worst_case(n: int, work: Path) -> dict:
    """Ingest ``n`` rows in files whose dates all overlap (every file is checked in full)."""
    pq_dir = work / f"pqw{n}"
    pq_dir.mkdir()
    files, _ = _child(_step_generate, str(pq_dir), n, False)
    db = work / f"w{n}.duckdb"
    dt_ing, added, rejected, rss_ing = _child(_step_ingest, str(db), files, "events")
    assert added == n and rejected == 0, (added, rejected)
    shutil.rmtree(pq_dir)
    db.unlink()
    return {"rows": n, "ingest_s": dt_ing, "rows_per_s": n / dt_ing, "rss_mb": rss_ing}


def run_size(n: int, work: Path, text: bool, ingest: bool = True) -> dict:
    """Generate, ingest (or bulk-load) and aggregate ``n`` rows; return the figures."""
    pq_dir = work / f"pq{n}"
    pq_dir.mkdir()
    files, gen = _child(_step_generate, str(pq_dir), n, True)
    db = work / f"s{n}.duckdb"
    out: dict = {"rows": n, "generate_s": gen}
    if ingest:
        bare = work / f"bare{n}.duckdb"
        dt_bare, _ = _child(_step_bare_copy, str(bare), files)
        bare.unlink()
        dt_ing, added, rejected, rss_ing = _child(_step_ingest, str(db), files, "events")
        assert added == n and rejected == 0, (added, rejected)
        out.update(
            bare_copy_s=dt_bare,
            bare_copy_rows_per_s=n / dt_bare,
            ingest_parquet_s=dt_ing,
            ingest_parquet_rows_per_s=n / dt_ing,
            ingest_parquet_rss_mb=rss_ing,
        )
    else:
        dt_load, rss_load = _child(_step_bulk_load, str(db), files)
        out.update(bulk_load_s=dt_load, bulk_load_rss_mb=rss_load)
    shutil.rmtree(pq_dir)
    if text:
        tsv = work / f"g{n}.export.CSV"
        write_gdelt2_tsv(tsv, n)
        db2 = work / f"t{n}.duckdb"
        dt_txt, added2, _, rss_txt = _child(_step_ingest, str(db2), [str(tsv)], "gdelt2")
        out.update(
            ingest_gdelt2_text_s=dt_txt,
            ingest_gdelt2_rows_per_s=n / dt_txt,
            ingest_gdelt2_rss_mb=rss_txt,
            gdelt2_added=added2,
        )
        tsv.unlink()
        db2.unlink()
    for layout in ("", "_clustered"):
        if layout:
            dt_opt, rewritten, rss_opt = _child(_step_optimize, str(db))
            assert rewritten == n, (rewritten, n)
            out.update(optimize_s=dt_opt, optimize_rss_mb=rss_opt)
        dt_agg, groups, rss_agg, dt_held, totals = _child(_step_aggregate, str(db))
        dt_pd, groups_pd, rss_pd, load_pd, totals_pd = _child(_step_pandas, str(db))
        assert (groups, totals) == (groups_pd, totals_pd), (groups, totals, groups_pd, totals_pd)
        out.update(
            {
                f"aggregate{layout}_s": dt_agg,
                f"aggregate{layout}_rss_mb": rss_agg,
                f"pandas{layout}_s": dt_pd,
                f"pandas{layout}_rss_mb": rss_pd,
                f"pandas{layout}_load_s": load_pd,
                f"speedup{layout}_vs_pandas": dt_pd / dt_agg,
                f"speedup{layout}_vs_pandas_end_to_end": (load_pd + dt_pd) / dt_agg,
                f"aggregate{layout}_held_s": dt_held,
                f"speedup{layout}_held_vs_pandas": dt_pd / dt_held,
                f"store{layout}_mb": db.stat().st_size / 2**20,
            }
        )
    out.update(groups=groups)
    db.unlink()
    return out


def main(quick: bool = False) -> None:
    sizes = [1_000_000] if quick else [1_000_000, 10_000_000, 50_000_000]
    base = Path(os.environ.get("REALPOLITIK_BENCH_DIR", tempfile.gettempdir()))
    with tempfile.TemporaryDirectory(dir=base) as tmp:
        work = Path(tmp)
        print(f"cores: {os.cpu_count()}; work dir {work}")
        with open("/proc/loadavg", encoding="ascii") as fh:
            print("load average at start:", fh.read().split()[:3])
        for n in sizes:
            r = run_size(n, work, text=n <= 1_000_000)
            head = (
                f"ingest parquet {r['ingest_parquet_s']:7.2f} s "
                f"({r['ingest_parquet_rows_per_s'] / 1e3:,.0f}k rows/s, peak "
                f"{r['ingest_parquet_rss_mb']:,.0f} MB) | bare DuckDB copy "
                f"{r['bare_copy_s']:6.2f} s ({r['bare_copy_rows_per_s'] / 1e3:,.0f}k rows/s; "
                f"ingest/copy time {r['ingest_parquet_s'] / r['bare_copy_s']:.2f}x)"
                if "ingest_parquet_s" in r
                else f"bulk load (not ingest) {r['bulk_load_s']:7.2f} s"
            )
            print(
                f"{n:>11,} rows | {head}"
                + (
                    f" | ingest gdelt2 text {r['ingest_gdelt2_text_s']:7.2f} s "
                    f"({r['ingest_gdelt2_rows_per_s'] / 1e3:,.0f}k rows/s, peak "
                    f"{r['ingest_gdelt2_rss_mb']:,.0f} MB)"
                    if "ingest_gdelt2_text_s" in r
                    else ""
                ),
                flush=True,
            )
            for layout, label in (("", "as ingested"), ("_clustered", "clustered")):
                if layout:
                    print(
                        f"{'':>11} store optimize (cluster by month and dyad): "
                        f"{r['optimize_s']:6.2f} s ({n / r['optimize_s'] / 1e3:,.0f}k rows/s, "
                        f"peak {r['optimize_rss_mb']:,.0f} MB)",
                        flush=True,
                    )
                print(
                    f"{'':>11} dyad-month aggregation, {label}: duckdb opening the store per "
                    f"call {r[f'aggregate{layout}_s']:6.2f} s (peak "
                    f"{r[f'aggregate{layout}_rss_mb']:,.0f} MB), store held open "
                    f"{r[f'aggregate{layout}_held_s']:6.2f} s | pandas groupby "
                    f"{r[f'pandas{layout}_s']:6.2f} s (peak {r[f'pandas{layout}_rss_mb']:,.0f} MB)"
                    f" | ratio {r[f'speedup{layout}_vs_pandas']:5.1f}x per call, "
                    f"{r[f'speedup{layout}_held_vs_pandas']:5.1f}x held open | pandas incl. "
                    f"loading its frame from the store "
                    f"{r[f'pandas{layout}_load_s'] + r[f'pandas{layout}_s']:6.2f} s: ratio "
                    f"{r[f'speedup{layout}_vs_pandas_end_to_end']:5.1f}x against per call "
                    f"| {r['groups']:,} dyad-months | store {r[f'store{layout}_mb']:,.0f} MB",
                    flush=True,
                )
            with open("/proc/loadavg", encoding="ascii") as fh:
                print(f"{'':>11} load average after: {fh.read().split()[:3]}", flush=True)
        if not quick:
            w = run_worst_case(10_000_000, work)
            print(
                f"{w['rows']:>11,} rows | worst case for deduplication (every file's dates span "
                f"all six years): ingest parquet {w['ingest_s']:7.2f} s "
                f"({w['rows_per_s'] / 1e3:,.0f}k rows/s, peak {w['rss_mb']:,.0f} MB)",
                flush=True,
            )
