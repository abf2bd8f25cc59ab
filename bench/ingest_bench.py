"""Ingest throughput and peak memory: one national month of departures (CSV, XLSX) and a 2 GB CSV.

    python -m bench.ingest_bench [--quick] [--skip-2gb]      (from the repository root)

Inputs are built once under bench/cache/ (git-ignored) and reused. Every measurement is a fresh
child process: the ingest is `python -m pantau ingest FILE` into an empty data folder, exactly as
a data steward runs it; the baseline is a plain read of the same file by its usual library
(pyarrow.csv.read_csv for CSV, openpyxl read-only for XLSX), so the ratio says what validation,
pseudonymisation, linkage and publishing cost on top of reading. Seconds are the child's wall
time including interpreter start; peak RSS is the child's own (os.wait4). Not a test: timings
depend on the machine and its load, and nothing here asserts them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/ingest_bench.py` puts bench/ first, not the root
    sys.path.insert(0, str(ROOT))

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
import pyarrow.csv as pacsv  # noqa: E402

from pantau import demo  # noqa: E402

CACHE = ROOT / "bench" / "cache"
SEED = 7
# demo scale 1 is national size (about 8.2M examinations in 2026, Jan-Oct in the file). At 0.1 the
# 2026 file has about 680k rows: the rows of one national month (8.2M / 12), spread over ten months.
MONTH_SCALE = 0.1
QUICK_SCALE = 0.005  # about 34k rows
BIG_BYTES = 2 * 1024**3
QUICK_BIG_BYTES = 64 * 1024**2
# The demo writes 2026; the examination dates move to 2021 (both 365 days) so that no row is in
# the future whatever day the bench runs on, and nothing is quarantined for it.
DEMO_YEAR, BENCH_YEAR = "2026", "2021"
SECRET = "bench-secret-not-for-production"
TOTAL_LINE = re.compile(r"total: read (\d+), published (\d+), quarantined (\d+)")


# --- inputs (cached) ----------------------------------------------------------------------------


def _publish(tmp: Path, final: Path) -> Path:
    """Rename a finished input into place: an interrupted build never leaves a half file in the cache."""
    os.replace(tmp, final)
    return final


def _as_text(path: Path) -> pa.Table:
    header = path.open(encoding="utf-8").readline().strip().split(",")
    options = pacsv.ConvertOptions(column_types={name: pa.string() for name in header}, strings_can_be_null=False)
    return pacsv.read_csv(path, convert_options=options)


def _write_text_csv(table: pa.Table, out, header: bool) -> None:
    if header:
        out.write((",".join(table.column_names) + "\n").encode("utf-8"))
    pacsv.write_csv(table, out, pacsv.WriteOptions(include_header=False, quoting_style="none"))


def month_csv(scale: float) -> Path:
    """The demo's 2026 departures at `scale`, examination dates moved to 2021."""
    final = CACHE / f"departures_month_s{scale:g}_seed{SEED}.csv"
    if final.exists():
        return final
    with tempfile.TemporaryDirectory(dir=CACHE) as raw:
        source = demo.generate(Path(raw), seed=SEED, scale=scale, years=1)["departures"][0]
        table = _as_text(source)
    shifted = pc.replace_substring_regex(table["examined_at"], f"^{DEMO_YEAR}-", f"{BENCH_YEAR}-")
    table = table.set_column(table.column_names.index("examined_at"), "examined_at", shifted)
    tmp = final.with_suffix(".tmp")
    with tmp.open("wb") as out:
        _write_text_csv(table, out, header=True)
    return _publish(tmp, final)


def month_xlsx(csv_path: Path) -> Path:
    """The same rows as an XLSX sheet with Excel-typed cells (dates, date-times, booleans; NIK as text).

    openpyxl's write-only mode is how such a file is usually produced; it is slow (about a minute
    for the national month), hence the cache.
    """
    final = csv_path.with_suffix(".xlsx")
    if final.exists():
        return final
    from openpyxl import Workbook

    table = _as_text(csv_path)
    names = table.column_names
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Pemeriksaan")
    sheet.append(names)
    examined, birth, suspected = (names.index(n) for n in ("examined_at", "birth_date", "suspected_worker"))
    for batch in table.to_batches(max_chunksize=50_000):
        for row in zip(*(column.to_pylist() for column in batch.columns), strict=True):
            row = list(row)
            row[examined] = dt.datetime.fromisoformat(row[examined])
            row[birth] = dt.date.fromisoformat(row[birth]) if row[birth] else None
            row[suspected] = row[suspected] == "true"
            sheet.append(row)
    tmp = final.with_suffix(".tmp")
    book.save(tmp)
    return _publish(tmp, final)


def big_csv(csv_path: Path, target_bytes: int) -> Path:
    """The month's rows repeated with fresh departure ids until the file reaches target_bytes.

    Streamed to disk one copy at a time, so building it needs the memory of one month, not of the file.
    """
    final = CACHE / f"departures_{target_bytes // 1024**2}MiB_seed{SEED}.csv"
    if final.exists():
        return final
    free = shutil.disk_usage(CACHE).free
    if free < 4 * target_bytes:  # the file, plus the ingest's spill and published version beside it
        sys.exit(f"only {free / 1024**3:.1f} GiB free under {CACHE}; the big-file run needs about "
                 f"{4 * target_bytes / 1024**3:.0f} GiB (use --skip-2gb)")
    table = _as_text(csv_path)
    ids = table["departure_id"]
    tmp = final.with_suffix(".tmp")
    with tmp.open("wb") as out:
        copy = 0
        while out.tell() < target_bytes:
            fresh = pc.replace_substring(ids, f"DEP-{DEMO_YEAR}-", f"DEP-R{copy:03d}-")
            _write_text_csv(table.set_column(0, "departure_id", fresh), out, header=copy == 0)
            copy += 1
    return _publish(tmp, final)


# --- measuring a child process ----------------------------------------------------------------------


@dataclass
class Result:
    label: str
    rows: int | None
    seconds: float
    peak_rss_mb: float
    ok: bool
    note: str = ""

    @property
    def rows_per_second(self) -> float | None:
        return self.rows / self.seconds if self.rows and self.seconds > 0 else None


def run_child(argv: list[str], env: dict[str, str] | None = None) -> tuple[int, str, float, float]:
    """Run argv; its exit code, stdout, wall seconds and its own peak RSS in MB (stderr passes through)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return proc.returncode, text, seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def ingest(label: str, path: Path) -> Result:
    """`python -m pantau ingest path` into a fresh data folder (removed afterwards)."""
    data = Path(tempfile.mkdtemp(prefix="data-", dir=CACHE))
    env = {**os.environ, "PANTAU_DATA": str(data), "PANTAU_SECRET": os.environ.get("PANTAU_SECRET", SECRET)}
    try:
        code, out, seconds, rss = run_child([sys.executable, "-m", "pantau", "ingest", "--progress", str(path)], env)
        published = sum(p.stat().st_size for p in (data / "warehouse" / "versions").rglob("*.parquet")) \
            if (data / "warehouse" / "versions").exists() else 0
    finally:
        shutil.rmtree(data, ignore_errors=True)
    total = TOTAL_LINE.search(out)
    rows = int(total.group(1)) if total else None
    note = (f"published {int(total.group(2)):,}, quarantined {int(total.group(3)):,}; "
            f"parquet {published / 1024**2:,.0f} MB" if total else out.strip()[-200:])
    return Result(label, rows, seconds, rss, code in (0, 1) and total is not None, note)


READ_CSV = """
import sys, time, pyarrow.csv as c
t = time.perf_counter(); table = c.read_csv(sys.argv[1])
print(table.num_rows, round(time.perf_counter() - t, 2))
"""
READ_XLSX = """
import sys, time, openpyxl
t = time.perf_counter(); book = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True)) - 1
print(rows, round(time.perf_counter() - t, 2))
"""


def baseline(label: str, code: str, path: Path) -> Result:
    status, out, seconds, rss = run_child([sys.executable, "-c", code, str(path)])
    try:
        rows, read_seconds = out.split()
        return Result(label, int(rows), seconds, rss, status == 0, f"{float(read_seconds):.1f} s of it reading")
    except ValueError:
        return Result(label, None, seconds, rss, False, out.strip()[-200:])


# --- report ---------------------------------------------------------------------------------------------


def mb(path: Path) -> str:
    return f"{path.stat().st_size / 1024**2:,.0f} MB"


def row(r: Result) -> str:
    rows = f"{r.rows:,}" if r.rows is not None else "-"
    rate = f"{r.rows_per_second:,.0f}" if r.rows_per_second else "-"
    flag = "" if r.ok else "FAILED "
    return f"  {r.label:<28} {rows:>12} {r.seconds:>9.1f} {rate:>10} {r.peak_rss_mb:>10,.0f}   {flag}{r.note}"


def compare(path: Path, kind: str, reader: str, code: str) -> list[Result]:
    print(f"\n{path.name} ({mb(path)})", flush=True)
    print(f"  {'run':<28} {'rows read':>12} {'seconds':>9} {'rows/s':>10} {'peak MB':>10}", flush=True)
    results = [ingest(f"ingest ({kind})", path), baseline(reader, code, path)]
    for r in results:
        print(row(r), flush=True)
    done, base = results
    if done.ok and base.ok:
        print(f"  ingest takes {done.seconds / base.seconds:.1f}x the time of {reader}, "
              f"{done.peak_rss_mb / base.peak_rss_mb:.2f}x its peak memory", flush=True)
    return results


def describe_code() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pantau", "queries"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}" + (f" + {len(dirty)} uncommitted files in pantau/ and queries/" if dirty else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small inputs (~34k rows, 64 MiB): a smoke run")
    parser.add_argument("--skip-2gb", action="store_true", help="leave out the big-file run")
    args = parser.parse_args(argv)
    CACHE.mkdir(parents=True, exist_ok=True)
    scale, target = (QUICK_SCALE, QUICK_BIG_BYTES) if args.quick else (MONTH_SCALE, BIG_BYTES)

    print(f"pantau ingest bench, {dt.datetime.now():%Y-%m-%d %H:%M}, code {describe_code()}")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; ingest memory limit "
          f"{os.environ.get('PANTAU_INGEST_MEMORY', 'default')} (PANTAU_INGEST_MEMORY)", flush=True)
    started = time.perf_counter()
    csv_path = month_csv(scale)
    xlsx_path = month_xlsx(csv_path)
    big_path = None if args.skip_2gb else big_csv(csv_path, target)
    print(f"inputs ready in {time.perf_counter() - started:.0f} s (cached under {CACHE.relative_to(ROOT)}/)",
          flush=True)

    results = compare(csv_path, "CSV", "pyarrow.csv.read_csv", READ_CSV)
    results += compare(xlsx_path, "XLSX", "openpyxl read-only", READ_XLSX)
    if big_path is not None:
        results += compare(big_path, "big CSV", "pyarrow.csv.read_csv", READ_CSV)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
