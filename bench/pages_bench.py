"""Page query bench: every page's queries on the national-scale demo, against the naive pandas baseline.

    .venv/bin/python -m bench.pages_bench                         # scales 0.1, 0.3, 1 (first build ~20 min)
    .venv/bin/python -m bench.pages_bench --quick                 # scale 0.01, 3 repeats: a smoke run

For each scale the demo dataset (`python -m pantau demo --scale S --years 5`) is built once into
bench/cache/scale-S/ and reused while its CURRENT version exists. Then, each step a fresh child
process (its own peak RSS comes from os.wait4):

1. record: every page runs under streamlit.testing AppTest with `pantau.queries.run` wrapped, once
   per filter state (first load, a province, a regency, a destination, one month), with the result
   cache cleared before the page's run: the calls recorded are everything a session with a cold
   cache runs for that state (dashboard.py's shared queries included).
2. duckdb warm: the recorded calls replayed straight through `pantau.queries.run`, one untimed pass,
   then --repeat timed passes over every page and state: p50 and p95 of each set.
3. duckdb cold: one fresh process per page replaying its first-load set (connection opening included).
4. baseline warm / cold: the same figures the way most Streamlit dashboards compute them: pandas reads
   the published Parquet into memory (warm: once, as an st.cache_resource would keep it; cold: in the
   timed process) and filters and groups per rerun. Only calls with a pandas equivalent (BASELINE) are
   in it; the ratio compares the same calls, and every such answer must equal DuckDB's (asserted).

Not a test: nothing asserts a time. Output: aligned tables on stdout, everything in
bench/cache/pages_results.json. See bench/README.md, "Pages".
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import hashlib
import json
import math
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / "cache"
RESULTS = CACHE / "pages_results.json"
BUILD_FILE = "build.json"
CALLS_FILE = "calls.json"
YEARS = 5
SEED = 7
TABLES = ("registrations", "departures", "cases")
BENCH_SECRET = "pantau-bench-secret-not-for-production"
DEMO_TIMES = re.compile(r"generated in ([\d.]+) s, ingested in ([\d.]+) s")
PAGES = ("overview", "departures", "cases", "regions", "destinations", "profile")
SCENARIOS = ("first_load", "province", "regency", "destination", "month")
# Code the published files depend on: a dataset built by other code is reused, with a warning.
BUILD_CODE = ("pantau/demo.py", "pantau/ingest.py", "pantau/store.py", "pantau/rollups.py", "queries/publish",
              "queries/ingest", "queries/rollups")


# --- child processes -------------------------------------------------------------------------------

def run_child(argv: list[str], env: dict[str, str], stderr=None) -> tuple[int, str, float, float]:
    """Run argv; its exit code, stdout, wall seconds and its own peak RSS in MB (stderr passes through
    unless a file is given)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen(argv, cwd=REPO, env=env, stdout=out, stderr=stderr)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", errors="replace")
    return proc.returncode, text, seconds, usage.ru_maxrss / 1024  # KiB on Linux


def child_env(data: Path) -> dict[str, str]:
    env = {**os.environ, "PANTAU_DATA": str(data)}
    env.setdefault("PANTAU_SECRET", BENCH_SECRET)
    return env


def child(data: Path, mode: str, *args: str) -> tuple[dict, float, float]:
    """`python -m bench.pages_bench --child mode ...` on a dataset: (its JSON answer, wall s, peak MB)."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir=CACHE, delete=False) as f:
        out = Path(f.name)
    try:
        argv = [sys.executable, "-m", "bench.pages_bench", "--child", mode, "--out", str(out), *args]
        # AppTest outside a server logs warnings on every run: the record step's stderr goes to a file.
        log = CACHE / "record.log"
        if mode == "record":
            with log.open("w") as err:
                code, _, seconds, peak = run_child(argv, child_env(data), stderr=err)
        else:
            code, _, seconds, peak = run_child(argv, child_env(data))
        if code != 0:
            detail = log.read_text(encoding="utf-8")[-3000:] if mode == "record" else ""
            raise RuntimeError(f"child {mode} {' '.join(args)} failed with exit code {code}\n{detail}")
        return json.loads(out.read_text(encoding="utf-8")), seconds, peak
    finally:
        out.unlink(missing_ok=True)


# --- datasets --------------------------------------------------------------------------------------

def scale_dir(scale: float) -> Path:
    return CACHE / f"scale-{scale:g}"


def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in BUILD_CODE:
        path = REPO / name
        for file in sorted(path.rglob("*") if path.is_dir() else [path]):
            if file.is_file():
                digest.update(file.relative_to(REPO).as_posix().encode())
                digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def describe_code() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pantau", "queries", "app_pages"], cwd=REPO,
                               capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (f" + {len(dirty)} uncommitted files in pantau/, queries/, app_pages/" if dirty else "")


def current_version_dir(data: Path) -> Path:
    version_id = (data / "warehouse" / "CURRENT").read_text(encoding="utf-8").strip()
    return data / "warehouse" / "versions" / version_id


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def dataset(scale: float, rebuild: bool) -> dict:
    """The demo dataset at this scale (built now, or reused) and what building it cost."""
    folder = scale_dir(scale)
    info_path = folder / BUILD_FILE
    if not rebuild and (folder / "warehouse" / "CURRENT").is_file() and info_path.is_file():
        info = json.loads(info_path.read_text(encoding="utf-8"))
        info["reused"] = True
        if info.get("fingerprint") != code_fingerprint():
            print(f"  note: scale {scale:g} was built by other publish code ({info.get('code')}); "
                  "--rebuild to rebuild it", flush=True)
        return info
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    print(f"  building the demo at scale {scale:g}, {YEARS} years ...", flush=True)
    load_before = os.getloadavg()[0]
    argv = [sys.executable, "-m", "pantau", "demo", "--scale", f"{scale:g}", "--years", str(YEARS),
            "--seed", str(SEED)]
    code, out, seconds, peak = run_child(argv, child_env(folder))
    if code != 0:
        raise RuntimeError(f"demo build at scale {scale:g} failed (exit {code}):\n{out}")
    times = DEMO_TIMES.search(out)
    version = current_version_dir(folder)
    manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8"))
    info = {
        "scale": scale, "years": YEARS, "seed": SEED, "version": version.name,
        "rows": {t: manifest["tables"][t]["rows"] for t in TABLES},
        "wall_s": round(seconds, 1), "peak_rss_mb": round(peak),
        "generate_s": float(times.group(1)) if times else None,
        "ingest_s": float(times.group(2)) if times else None,
        "published_mb": round(folder_mb(version), 1),
        "built_at": dt.datetime.now().isoformat(timespec="seconds"),
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "code": describe_code(), "fingerprint": code_fingerprint(), "reused": False,
    }
    info_path.write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def national_year(rebuild: bool) -> dict:
    """One national year through `python -m pantau ingest` into an empty data folder: time and peak RSS.

    The year is the demo's 2025 at scale 1 (registrations_2025.csv, departures_2025.csv and cases.csv,
    the latter holding 2025 and 2026), generated once into bench/cache/national-year/ by a child (the
    files hold synthetic NIKs; the folder is git-ignored). The ingest runs alone in its own process,
    so its peak RSS is the ingest's, not the generator's.
    """
    folder = CACHE / "national-year"
    raw = folder / "raw"
    done = raw / "complete"
    if rebuild or not done.is_file():
        shutil.rmtree(raw, ignore_errors=True)
        print("  generating one national year of demo extracts ...", flush=True)
        code = ("import sys; from pathlib import Path; from pantau import demo; "
                f"demo.generate(Path(sys.argv[1]), seed={SEED}, scale=1, years=2)")
        status, out, _, _ = run_child([sys.executable, "-c", code, str(raw)], child_env(folder / "unused"))
        if status != 0:
            raise RuntimeError(f"generating the national year failed (exit {status}):\n{out}")
        done.write_text("", encoding="utf-8")
    files = [raw / "registrations_2025.csv", raw / "departures_2025.csv", raw / "cases.csv"]
    data = Path(tempfile.mkdtemp(prefix="national-year-data-", dir=CACHE))
    try:
        load_before = os.getloadavg()[0]
        status, out, seconds, peak = run_child([sys.executable, "-m", "pantau", "ingest", *map(str, files)],
                                               child_env(data))
        version = current_version_dir(data) if status in (0, 1) else None
        manifest = json.loads((version / "manifest.json").read_text(encoding="utf-8")) if version else {}
    finally:
        shutil.rmtree(data, ignore_errors=True)
    if not manifest:
        raise RuntimeError(f"ingesting the national year failed (exit {status}):\n{out[-2000:]}")
    return {
        "files": [f.name for f in files], "input_mb": round(sum(f.stat().st_size for f in files) / 1e6),
        "rows": {t: manifest["tables"][t]["rows"] for t in TABLES}, "seconds": round(seconds, 1),
        "peak_rss_mb": round(peak), "load_average_before": round(load_before, 2),
        "load_average_after": round(os.getloadavg()[0], 2),
    }


# --- recorded calls: (name, filters, params) as JSON -----------------------------------------------

def encode_value(value: object) -> object:
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, tuple | list):
        return [encode_value(v) for v in value]
    return value


def decode_value(value: object) -> object:
    if isinstance(value, dict) and set(value) == {"date"}:
        return dt.date.fromisoformat(value["date"])
    return value


def encode_call(name: str, filters, params: dict) -> dict:
    return {
        "name": name,
        "filters": None if filters is None else {k: encode_value(v) for k, v in dataclasses.asdict(filters).items()},
        "params": {k: encode_value(v) for k, v in sorted(params.items())},
    }


def decode_call(call: dict) -> tuple[str, object, dict]:
    from pantau.filters import Filters

    filters = None
    if call["filters"] is not None:
        fields = {k: decode_value(v) for k, v in call["filters"].items()}
        filters = Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in fields.items()})
    return call["name"], filters, {k: decode_value(v) for k, v in call["params"].items()}


def scenario_params(codes: dict) -> dict[str, dict[str, dict[str, str]]]:
    """URL query parameters per page and filter state; the profile page profiles an area instead."""
    month = {"start": codes["month_start"], "end": codes["month_end"]}
    common = {
        "first_load": {},
        "province": {"province": codes["province"]},
        "regency": {"province": codes["province"], "regency": codes["regency"]},
        "destination": {"destination": codes["destination"]},
        "month": month,
    }
    profile = {
        "first_load": {"kind": "province", "code": codes["province"]},
        "province": {"kind": "province", "code": codes["province_2"]},
        "regency": {"kind": "regency", "code": codes["regency"]},
        "destination": {"kind": "destination", "code": codes["destination"]},
        "month": {"kind": "province", "code": codes["province"], **month},
    }
    return {page: profile if page == "profile" else common for page in PAGES}


def pick_codes(run) -> dict:
    """The filter values of the typical changes: the busiest province, its busiest regency, the top
    destination, and the last month of the default period (all from the dataset itself)."""
    from pantau.filters import Filters
    from pantau.ui.sidebar import default_period

    last = run("data_period").iloc[0]["last_day"]
    start, end = default_period(last.date() if hasattr(last, "date") else last)
    base = Filters(start=start, end=end)
    provinces = run("top_origin_provinces", base, limit=2)["province_code"].tolist()
    regencies = run("region_indicators", base, level="regency", province=provinces[0])
    regency = regencies.sort_values(["labour_departures", "code"], ascending=[False, True])["code"].iloc[0]
    destination = run("top_destinations", base, limit=1)["iso3"].iloc[0]
    return {
        "default_start": start.isoformat(), "default_end": end.isoformat(),
        "province": provinces[0], "province_2": provinces[1], "regency": regency, "destination": destination,
        "month_start": end.replace(day=1).isoformat(), "month_end": end.isoformat(),
    }


def child_record(args: argparse.Namespace) -> dict:
    """Every page under AppTest once per filter state, with pantau.queries.run recording its calls."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from pantau import queries

    real = queries.run
    calls: list[dict] = []

    def recording(name, filters=None, **params):
        calls.append(encode_call(name, filters, params))
        return real(name, filters, **params)

    codes = pick_codes(real)
    queries.run = recording
    pages: dict[str, dict[str, list[dict]]] = {}
    params = scenario_params(codes)
    for page in args.pages.split(","):
        pages[page] = {}
        for scenario in SCENARIOS:
            at = AppTest.from_file(str(REPO / "dashboard.py"), default_timeout=1800)
            for key, value in params[page][scenario].items():
                at.query_params[key] = value
            at.run()
            st.cache_data.clear()
            calls.clear()
            at.switch_page(f"app_pages/{page}.py").run()
            if at.exception:
                raise RuntimeError(f"{page} {scenario}: {[e.value for e in at.exception]}")
            if not calls:
                raise RuntimeError(f"{page} {scenario}: no call reached pantau.queries.run; the bench cannot "
                                   "see this page's queries")
            pages[page][scenario] = list(calls)
    return {"codes": codes, "params": params, "everything": pages, "pages": changed_only(pages)}


def changed_only(pages: dict[str, dict[str, list[dict]]]) -> dict[str, dict[str, list[dict]]]:
    """A filter change runs only the calls whose arguments changed: st.cache_data (pantau/ui/data.py)
    still holds the first load's answers (data_period, freshness, often the comparison year)."""
    out = {}
    for page, states in pages.items():
        first = {json.dumps(c, sort_keys=True) for c in states["first_load"]}
        out[page] = {s: calls if s == "first_load" else [c for c in calls if json.dumps(c, sort_keys=True) not in first]
                     for s, calls in states.items()}
    return out


# --- the naive baseline: pandas over the published Parquet -----------------------------------------

class Baseline:
    """The published tables as pandas frames, and the page figures computed from them per rerun.

    Everything that does not depend on the filters is done once at load (date parsing, dropping
    cancelled registrations, month columns, column names): the baseline gets every advantage except
    an engine. Only the columns the figures need are read (reading all would cost more memory).
    """

    def __init__(self, version_dir: Path):
        import pandas as pd

        from pantau.paths import REFERENCE_DIR

        def table(name: str, columns: dict[str, str]):
            path = version_dir / f"{name}.parquet"  # a file, or a folder of partitions
            frame = pd.read_parquet(path, columns=list(columns)).rename(columns=columns)
            frame["period_day"] = pd.to_datetime(frame["period_day"]).dt.normalize()
            frame["month"] = frame["period_day"].dt.to_period("M").dt.to_timestamp()
            return frame

        region = {"destination_country": "destination", "gender": "gender"}
        self.dep = table("departures", {
            "examined_at": "period_day", "residence_province_code": "province", "residence_regency_code": "regency",
            **region, "checkpoint_code": "checkpoint_code", "is_labour": "is_labour",
            "departure_class": "departure_class", "outcome": "outcome"})
        reg = table("registrations", {
            "registered_on": "period_day", "origin_province_code": "province", "origin_regency_code": "regency",
            **region, "status": "status"})
        self.reg = reg[reg["status"] != "cancelled"]
        self.cas = table("cases", {
            "reported_on": "period_day", "origin_province_code": "province", "origin_regency_code": "regency",
            **region, "case_type": "case_type", "is_trafficking": "is_trafficking",
            "departure_mode": "departure_mode"})
        self.provinces = pd.read_csv(REFERENCE_DIR / "provinces.csv", dtype=str)
        self.regencies = pd.read_csv(REFERENCE_DIR / "regencies.csv", dtype=str)
        self.countries = pd.read_csv(REFERENCE_DIR / "countries.csv", dtype=str, keep_default_na=False)
        self.checkpoints = pd.read_csv(REFERENCE_DIR / "checkpoints.csv", dtype=str)

    def rows(self) -> int:
        return len(self.dep) + len(self.reg) + len(self.cas)

    # The filters, as a dashboard would apply them: boolean masks over the whole frame, every rerun.
    def match(self, frame, f, start=None, end=None, checkpoints: bool = False):
        import pandas as pd

        mask = frame["period_day"].between(pd.Timestamp(start or f.start), pd.Timestamp(end or f.end))
        for column, values in (("province", f.provinces), ("regency", f.regencies),
                               ("destination", f.destinations), ("gender", f.genders)):
            if values:
                mask &= frame[column].isin(values)
        if checkpoints and f.checkpoints:
            mask &= frame["checkpoint_code"].isin(f.checkpoints)
        if checkpoints and f.checkpoint_kinds:
            kinds = self.checkpoints[self.checkpoints["kind"].isin(f.checkpoint_kinds)]["checkpoint_code"]
            mask &= frame["checkpoint_code"].isin(kinds)
        return frame[mask]

    def departures(self, f, start=None, end=None):
        return self.match(self.dep, f, start, end, checkpoints=True)

    @staticmethod
    def months(f):
        import pandas as pd

        return pd.date_range(pd.Timestamp(f.start).to_period("M").to_timestamp(),
                             pd.Timestamp(f.end).to_period("M").to_timestamp(), freq="MS")

    @staticmethod
    def flags(frame, **conditions):
        """A frame of 0/1 columns, one per condition, beside the frame's index."""
        import pandas as pd

        return pd.DataFrame({name: cond.astype("int64") for name, cond in conditions.items()}, index=frame.index)

    def data_period(self, f=None):
        import pandas as pd

        days = [t["period_day"] for t in (self.reg, self.dep, self.cas) if len(t)]
        return pd.DataFrame({"first_day": [min(d.min() for d in days)], "last_day": [max(d.max() for d in days)]})

    def headline(self, f):
        import pandas as pd

        r, d, c = self.match(self.reg, f), self.departures(f), self.match(self.cas, f)
        mode, traf = c["departure_mode"], c["is_trafficking"]
        row = {
            "registrations": len(r),
            "labour_departures": int(d["is_labour"].sum()),
            "procedural_departures": int(d["departure_class"].eq("procedural").sum()),
            "non_procedural_departures": int(d["departure_class"].eq("non_procedural").sum()),
            "prevented_departures": int(d["outcome"].eq("delayed").sum()),
            "cases": len(c),
            **{f"cases_{m}": int(mode.eq(m).sum()) for m in ("procedural", "non_procedural", "unknown")},
            "trafficking_cases": int(traf.sum()),
            **{f"trafficking_{m}": int((traf & mode.eq(m)).sum()) for m in ("procedural", "non_procedural", "unknown")},
        }
        return pd.DataFrame([row])

    def monthly_departures(self, f):
        d = self.departures(f)
        counts = self.flags(d, procedural=d["departure_class"].eq("procedural"),
                            non_procedural=d["departure_class"].eq("non_procedural"),
                            prevented=d["outcome"].eq("delayed")).groupby(d["month"]).sum()
        out = counts.reindex(self.months(f), fill_value=0)
        return out.rename_axis("month").reset_index()

    def monthly_departures_compared(self, f, prev_start, prev_end):
        import pandas as pd

        previous = dataclasses.replace(f, start=prev_start, end=prev_end)
        out = pd.concat([self.monthly_departures(f).assign(period="current"),
                         self.monthly_departures(previous).assign(period="previous")], ignore_index=True)
        return out[["period", "month", "procedural", "non_procedural", "prevented"]]

    def departure_origins(self, f):
        import pandas as pd

        d = self.departures(f)
        d = d[d["is_labour"]]
        parts = []
        for level, names in (("province", self.provinces.rename(columns={"province_code": "code",
                                                                           "name_short": "name"})),
                             ("regency", self.regencies.rename(columns={"regency_code": "code",
                                                                         "regency_name": "name"}))):
            counts = self.flags(d, labour_departures=d["is_labour"],
                                procedural_departures=d["departure_class"].eq("procedural"),
                                non_procedural_departures=d["departure_class"].eq("non_procedural")
                                ).groupby(d[level]).sum().rename_axis("code").reset_index()
            out = counts.merge(names[["code", "name"]], on="code")
            out = out[out["labour_departures"] > 0].sort_values(["labour_departures", "code"],
                                                                ascending=[False, True])
            parts.append(out.assign(level=level))
        out = pd.concat(parts, ignore_index=True)
        return out[["level", "code", "name", "labour_departures", "procedural_departures",
                    "non_procedural_departures"]]

    def _top(self, f, key: str):
        d = self.departures(f)
        d = d[d["is_labour"]]
        return self.flags(d, labour_departures=d["is_labour"], procedural=d["departure_class"].eq("procedural"),
                          non_procedural=d["departure_class"].eq("non_procedural")).groupby(d[key]).sum()

    def top_destinations(self, f, limit):
        counts = self._top(f, "destination").rename_axis("iso3").reset_index()
        out = counts.merge(self.countries[["iso3", "name_id", "name_en"]], on="iso3")
        out = out.sort_values(["labour_departures", "iso3"], ascending=[False, True]).head(limit)
        return out[["iso3", "name_id", "name_en", "labour_departures", "procedural", "non_procedural"]]

    def top_origin_provinces(self, f, limit):
        counts = self._top(f, "province").rename_axis("province_code").reset_index()
        names = self.provinces[["province_code", "name_short"]].rename(columns={"name_short": "province_name"})
        out = counts.merge(names, on="province_code")
        out = out.sort_values(["labour_departures", "province_code"], ascending=[False, True]).head(limit)
        return out[["province_code", "province_name", "labour_departures", "procedural", "non_procedural"]]

    def region_indicators(self, f, level, province):
        import pandas as pd

        if level == "province":
            areas = self.provinces.rename(columns={"province_code": "code", "name_short": "name"})
            areas["province_code"] = areas["code"]
            key = "province"
        else:
            areas = self.regencies.rename(columns={"regency_code": "code", "regency_name": "name"})
            areas = areas[areas["province_code"] == province] if province else areas
            key = "regency"
        r, d, c = self.match(self.reg, f), self.departures(f), self.match(self.cas, f)
        reg = r.groupby(key).size().rename("registrations")
        dep = self.flags(d, labour_departures=d["is_labour"],
                         procedural_departures=d["departure_class"].eq("procedural"),
                         non_procedural_departures=d["departure_class"].eq("non_procedural"),
                         prevented_departures=d["outcome"].eq("delayed")).groupby(d[key]).sum()
        dep["non_procedural_share"] = dep["non_procedural_departures"] / dep["labour_departures"].where(
            dep["labour_departures"] > 0)
        cas = self.flags(c, cases=pd.Series(True, index=c.index), trafficking_cases=c["is_trafficking"]).groupby(
            c[key]).sum()
        out = areas[["code", "name", "province_code"]].set_index("code").join(reg).join(dep).join(cas)
        counts = ["registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
                  "prevented_departures", "cases", "trafficking_cases"]
        out[counts] = out[counts].fillna(0).astype("int64")
        out = out.reset_index().sort_values("code")
        return out[["code", "name", "province_code", *counts[:4], "non_procedural_share", *counts[4:]]]

    def departures_by_checkpoint(self, f):
        d = self.departures(f)
        counts = self.flags(d, labour_departures=d["is_labour"],
                            procedural_departures=d["departure_class"].eq("procedural"),
                            non_procedural_departures=d["departure_class"].eq("non_procedural"),
                            prevented_departures=d["outcome"].eq("delayed")).groupby(d["checkpoint_code"]).sum()
        names = self.checkpoints[["checkpoint_code", "name", "kind"]].rename(
            columns={"name": "checkpoint_name", "kind": "checkpoint_kind"})
        out = counts.reset_index().merge(names, on="checkpoint_code")
        out = out[(out["labour_departures"] > 0) | (out["prevented_departures"] > 0)]
        out = out.sort_values(["non_procedural_departures", "prevented_departures", "checkpoint_code"],
                              ascending=[False, False, True])
        return out[["checkpoint_code", "checkpoint_name", "checkpoint_kind", "labour_departures",
                    "procedural_departures", "non_procedural_departures", "prevented_departures"]]

    def cases_monthly_by_type(self, f):
        import pandas as pd

        c = self.match(self.cas, f)
        counts = c.groupby(["month", "case_type"]).size()
        grid = pd.MultiIndex.from_product([self.months(f), sorted(c["case_type"].unique())],
                                          names=["month", "case_type"])
        return counts.reindex(grid, fill_value=0).rename("cases").reset_index()

    def destination_indicators(self, f, prev_start, prev_end):
        import pandas as pd

        def period(start, end) -> pd.DataFrame:
            r, c = self.match(self.reg, f, start, end), self.match(self.cas, f, start, end)
            d = self.departures(f, start, end)
            d = d[d["is_labour"]]
            parts = [
                r.groupby("destination").size().rename("registrations"),
                self.flags(d, labour_departures=d["is_labour"],
                           non_procedural_departures=d["departure_class"].eq("non_procedural"))
                .groupby(d["destination"]).sum(),
                self.flags(c, cases=pd.Series(True, index=c.index), trafficking_cases=c["is_trafficking"])
                .groupby(c["destination"]).sum(),
            ]
            return pd.concat(parts, axis=1)

        current, previous = period(f.start, f.end), period(prev_start, prev_end)
        out = current.join(previous[["non_procedural_departures", "trafficking_cases"]].add_prefix("previous_"),
                           how="outer")
        out = out.reindex(current.index.union(previous.index)).fillna(0).astype("int64")
        out = out.rename_axis("iso3").reset_index().merge(self.countries[["iso3", "name_id", "name_en"]], on="iso3")
        out = out.sort_values(["labour_departures", "registrations", "iso3"], ascending=[False, False, True])
        return out[["iso3", "name_id", "name_en", "registrations", "labour_departures", "non_procedural_departures",
                    "cases", "trafficking_cases", "previous_non_procedural_departures", "previous_trafficking_cases"]]

    def destination_monthly(self, f, limit):
        import pandas as pd

        d = self.departures(f)
        d = d[d["is_labour"] & d["destination"].notna()]
        totals = d.groupby("destination").size().rename("total").reset_index()
        top = totals.sort_values(["total", "destination"], ascending=[False, True]).head(limit)
        d = d[d["destination"].isin(top["destination"])]
        counts = self.flags(d, labour_departures=d["is_labour"],
                            non_procedural_departures=d["departure_class"].eq("non_procedural")).groupby(
            [d["destination"], d["month"]]).sum()
        grid = pd.MultiIndex.from_product([top["destination"], self.months(f)], names=["destination", "month"])
        out = counts.reindex(grid, fill_value=0).reset_index().merge(top, on="destination", sort=False)
        out = out.rename(columns={"destination": "iso3"}).merge(self.countries[["iso3", "name_id", "name_en"]],
                                                                on="iso3", sort=False)
        out = out.sort_values(["total", "iso3", "month"], ascending=[False, True, True])
        return out[["iso3", "name_id", "name_en", "month", "labour_departures", "non_procedural_departures"]]


BASELINE = ("data_period", "headline", "monthly_departures", "monthly_departures_compared", "top_destinations",
            "top_origin_provinces", "region_indicators", "departure_origins", "departures_by_checkpoint",
            "cases_monthly_by_type", "destination_indicators", "destination_monthly")


def covered(call: dict) -> bool:
    return call["name"] in BASELINE


# --- timing children ---------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100); with 20 runs p95 is the second slowest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def median(values: list[float]) -> float:
    return percentile(values, 50)


def sets(calls: dict, pages: list[str], scenarios: list[str]) -> list[tuple[str, str, list[dict]]]:
    return [(p, s, calls["pages"][p][s]) for p in pages for s in scenarios]


def time_set(run, items: list[tuple[int, tuple, bool]], answers: dict | None, key: str) -> tuple[float, float]:
    """Run one page's calls in order: (ms for all, ms for those the baseline covers).

    Answers of covered calls are kept under "page/state/i", i the call's place in the page's list.
    """
    total = part = 0.0
    for i, (name, filters, params), is_covered in items:
        started = time.perf_counter()
        result = run(name, filters, **params)
        ms = (time.perf_counter() - started) * 1000
        total += ms
        if is_covered:
            part += ms
            if answers is not None:
                answers[f"{key}/{i}"] = result
    return total, part


def prepared(calls: list[dict], only_covered: bool) -> list[tuple[int, tuple, bool]]:
    return [(i, decode_call(c), covered(c)) for i, c in enumerate(calls) if covered(c) or not only_covered]


def runner(engine: str, version_dir: Path | None = None):
    """The function a timing child calls per query: pantau.queries.run, or the baseline's method."""
    if engine == "duckdb":
        from pantau import queries

        return queries.run, None
    baseline = Baseline(version_dir)

    def run(name, filters=None, **params):
        method = getattr(baseline, name)
        return method(filters, **params) if filters is not None or name != "data_period" else method()

    return run, baseline


def child_warm(args: argparse.Namespace) -> dict:
    from pantau import store

    calls = json.loads(Path(args.calls).read_text(encoding="utf-8"))
    chosen = sets(calls, args.pages.split(","), args.scenarios.split(","))
    baseline = args.engine == "baseline"
    started = time.perf_counter()
    run, frames = runner(args.engine, store.current_version().path)
    load_s = time.perf_counter() - started
    items = {(p, s): prepared(c, only_covered=baseline) for p, s, c in chosen}
    answers: dict = {}
    for (p, s), its in items.items():  # the untimed pass; it also keeps the answers to compare
        time_set(run, its, answers, f"{p}/{s}")
    totals = {f"{p}/{s}": [] for p, s in items}
    parts = {f"{p}/{s}": [] for p, s in items}
    for _ in range(args.repeat):
        for (p, s), its in items.items():
            total, part = time_set(run, its, None, "")
            totals[f"{p}/{s}"].append(total)
            parts[f"{p}/{s}"].append(part)
    with open(args.answers, "wb") as f:
        pickle.dump(answers, f)
    return {"load_s": load_s, "rows": frames.rows() if frames else None, "totals": totals, "covered": parts}


def child_cold(args: argparse.Namespace) -> dict:
    """One page's first-load calls in a fresh process: the first call opens the connection (or reads the Parquet)."""
    # Imports are not an engine's time: both start with pandas and pantau loaded.
    import pandas  # noqa: F401

    from pantau import queries, store  # noqa: F401

    calls = json.loads(Path(args.calls).read_text(encoding="utf-8"))
    (page, scenario, chosen), = sets(calls, [args.pages], [args.scenarios])
    items = prepared(chosen, only_covered=args.engine == "baseline")
    started = time.perf_counter()
    run, _ = runner(args.engine, store.current_version().path)
    load_ms = (time.perf_counter() - started) * 1000
    total, part = time_set(run, items, None, "")
    return {"total_ms": load_ms + total, "covered_ms": load_ms + part, "load_ms": load_ms}


# --- comparing answers ---------------------------------------------------------------------------------

def plain(series) -> list:
    import pandas as pd

    out = []
    for value in series.tolist():
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
            out.append(None)
        elif isinstance(value, pd.Timestamp | dt.datetime | dt.date):
            out.append(pd.Timestamp(value).date().isoformat())
        elif isinstance(value, float):
            out.append(round(value, 9))
        elif hasattr(value, "item"):
            out.append(value.item())
        else:
            out.append(value)
    return out


def difference(baseline, duckdb) -> str | None:
    """None when the baseline's answer equals DuckDB's (every baseline column, row by row)."""
    if len(baseline) != len(duckdb):
        return f"{len(baseline)} rows against {len(duckdb)}"
    for column in baseline.columns:
        if column not in duckdb.columns:
            return f"DuckDB has no column {column}"
        a, b = plain(baseline[column]), plain(duckdb[column])
        if a != b:
            first = next(i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y)
            return f"{column} row {first}: {a[first]!r} against {b[first]!r}"
    return None


def compare_answers(calls: dict, baseline_file: Path, duckdb_file: Path) -> tuple[int, list[str]]:
    """Every baseline answer against DuckDB's answer to the same call."""
    with open(baseline_file, "rb") as f:
        baseline = pickle.load(f)
    with open(duckdb_file, "rb") as f:
        duckdb = pickle.load(f)
    problems = []
    for key, answer in baseline.items():
        page, scenario, i = key.split("/")
        call = calls["pages"][page][scenario][int(i)]
        other = duckdb.get(key)
        problem = "missing in DuckDB run" if other is None else difference(answer, other)
        if problem:
            problems.append(f"{page} {scenario} {call['name']} {call['params']}: {problem}")
    return len(baseline), problems


# --- the parent: per scale, every step in its own process -----------------------------------------------

@dataclasses.dataclass
class Options:
    scales: list[float]
    repeat: int
    baseline_repeat: int
    cold_repeat: int
    pages: list[str]
    rebuild: bool


def measure_scale(scale: float, opt: Options) -> dict:
    data = scale_dir(scale)
    info = dataset(scale, opt.rebuild)
    calls, record_s, record_mb = child(data, "record", "--pages", ",".join(opt.pages))
    calls_path = data / CALLS_FILE
    calls_path.write_text(json.dumps(calls, indent=1), encoding="utf-8")
    scenarios = ",".join(SCENARIOS)
    pages = ",".join(opt.pages)
    common = ["--calls", str(calls_path), "--pages", pages, "--scenarios", scenarios]
    answers = {engine: data / f"answers-{engine}.pickle" for engine in ("duckdb", "baseline")}
    warm, _, warm_mb = child(data, "warm", "--engine", "duckdb", "--repeat", str(opt.repeat),
                             "--answers", str(answers["duckdb"]), *common)
    base, _, base_mb = child(data, "warm", "--engine", "baseline", "--repeat", str(opt.baseline_repeat),
                             "--answers", str(answers["baseline"]), *common)
    checked, problems = compare_answers(calls, answers["baseline"], answers["duckdb"])
    for path in answers.values():
        path.unlink(missing_ok=True)
    cold: dict[str, dict[str, list]] = {}
    for page in opt.pages:
        cold[page] = {"duckdb": [], "duckdb_covered": [], "baseline": [], "duckdb_mb": [], "baseline_mb": []}
        for _ in range(opt.cold_repeat):
            for engine in ("duckdb", "baseline"):
                answer, _, mb = child(data, "cold", "--engine", engine, "--calls", str(calls_path),
                                      "--pages", page, "--scenarios", "first_load")
                cold[page][engine].append(answer["covered_ms"] if engine == "baseline" else answer["total_ms"])
                if engine == "duckdb":
                    cold[page]["duckdb_covered"].append(answer["covered_ms"])
                cold[page][f"{engine}_mb"].append(mb)
    rows = {}
    for page in opt.pages:
        for scenario in SCENARIOS:
            key = f"{page}/{scenario}"
            page_calls = calls["pages"][page][scenario]
            rows[key] = {
                "calls": len(page_calls), "covered_calls": sum(covered(c) for c in page_calls),
                "names": [c["name"] for c in page_calls],
                "warm_p50_ms": percentile(warm["totals"][key], 50), "warm_p95_ms": percentile(warm["totals"][key], 95),
                "covered_p50_ms": percentile(warm["covered"][key], 50),
                "baseline_p50_ms": percentile(base["covered"][key], 50),
                "baseline_p95_ms": percentile(base["covered"][key], 95),
            }
            rows[key]["ratio"] = rows[key]["baseline_p50_ms"] / max(rows[key]["covered_p50_ms"], 1e-6)
            rows[key]["state_calls"] = len(calls["everything"][page][scenario])
    return {
        "scale": scale, "build": info, "codes": calls["codes"], "params": calls["params"], "rows": rows,
        "cold": cold, "checked_answers": checked, "answer_problems": problems,
        "rss_mb": {"record": record_mb, "duckdb_warm": warm_mb, "baseline_warm": base_mb,
                   "duckdb_cold_max": max(m for c in cold.values() for m in c["duckdb_mb"]),
                   "baseline_cold_max": max(m for c in cold.values() for m in c["baseline_mb"])},
        "record_s": record_s, "baseline_load_s": base["load_s"], "baseline_rows": base["rows"],
        "repeat": opt.repeat, "baseline_repeat": opt.baseline_repeat, "cold_repeat": opt.cold_repeat,
    }


def ratio(value: float) -> str:
    return f"{value:>7.1f}x" if value < 10 else f"{value:>7.0f}x"


def ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.1f}"


def print_scale(r: dict) -> None:
    b, c = r["build"], r["codes"]
    rows = b["rows"]
    print(f"\nscale {r['scale']:g}: departures {rows['departures']:,} · registrations {rows['registrations']:,} · "
          f"cases {rows['cases']:,}; published Parquet {b['published_mb']:,.0f} MB")
    built = "" if not b["reused"] else f" (built {b['built_at']}, reused)"
    ingest = f"generate {b['generate_s']:.0f} s, ingest {b['ingest_s']:.0f} s" if b["ingest_s"] else "?"
    print(f"  demo build {b['wall_s']:,.0f} s ({ingest}: {sum(rows.values()) / b['wall_s']:,.0f} rows/s overall), "
          f"peak RSS {b['peak_rss_mb']:,} MB{built}")
    print(f"  filter changes: province {c['province']}, regency {c['regency']}, destination {c['destination']}, "
          f"month {c['month_start']}..{c['month_end']} (default period {c['default_start']}..{c['default_end']});")
    print(f"  profile page: first load = province {c['province']}, province = {c['province_2']}, regency = "
          f"{c['regency']}, destination = {c['destination']}, month = province {c['province']} in that month")
    print("  ms for a page's set of calls: first load = every call with an empty result cache; a change = the "
          "calls whose arguments changed")
    print(f"  warm: p50/p95 of {r['repeat']} runs (pandas {r['baseline_repeat']}); cold: median of {r['cold_repeat']} "
          "fresh processes per page, first load")
    head = (f"  {'page':<13}{'state':<12}{'calls':>6}{'p50':>9}{'p95':>9}{'cold':>9} | {'same calls':>10}"
            f"{'DuckDB p50':>11}{'pandas p50':>11}{'pandas p95':>11}{'ratio':>8}{'cold DuckDB':>12}"
            f"{'cold pandas':>12}{'ratio':>8}")
    print("  " + " " * 31 + "DuckDB, every call" + " " * 3 + "| naive baseline on the calls it covers")
    print(head)
    for key, row in r["rows"].items():
        page, scenario = key.split("/")
        cold = r["cold"][page]
        first = scenario == "first_load"
        cold_cells = (f"{ms(median(cold['duckdb'])):>9}" if first else f"{'':>9}")
        cold_base = (f"{ms(median(cold['duckdb_covered'])):>12}{ms(median(cold['baseline'])):>12}"
                     f"{ratio(median(cold['baseline']) / median(cold['duckdb_covered']))}" if first else "")
        shown_ratio = ratio(row["ratio"]) if row["covered_calls"] else f"{'-':>8}"
        print(f"  {page if first else '':<13}{scenario.replace('_', ' '):<12}{row['calls']:>6}"
              f"{ms(row['warm_p50_ms']):>9}{ms(row['warm_p95_ms']):>9}{cold_cells} | "
              f"{row['covered_calls']:>4} of {row['calls']:<3}{ms(row['covered_p50_ms']):>11}"
              f"{ms(row['baseline_p50_ms']):>11}{ms(row['baseline_p95_ms']):>11}{shown_ratio}{cold_base}")
    rss = r["rss_mb"]
    print(f"  peak RSS MB: DuckDB warm process {rss['duckdb_warm']:,.0f}, DuckDB cold processes (max) "
          f"{rss['duckdb_cold_max']:,.0f}; pandas warm process {rss['baseline_warm']:,.0f} (loading "
          f"{r['baseline_rows']:,} rows took {r['baseline_load_s']:.1f} s), pandas cold (max) "
          f"{rss['baseline_cold_max']:,.0f}; AppTest recording {rss['record']:,.0f}")
    if r["answer_problems"]:
        print(f"  baseline answers DIFFER from DuckDB in {len(r['answer_problems'])} of {r['checked_answers']} calls:")
        for problem in r["answer_problems"][:20]:
            print(f"    {problem}")
    else:
        print(f"  baseline answers equal DuckDB's in all {r['checked_answers']} calls compared: OK")
    worst = {p: max(r["rows"][f"{p}/{s}"]["warm_p95_ms"] for s in SCENARIOS) for p in r["cold"]}
    slow = [f"{p} {ms(v)} ms" for p, v in worst.items() if v > 150]
    ratios = [v["ratio"] for v in r["rows"].values() if v["covered_calls"]]
    low = sum(x < 20 for x in ratios)
    print(f"  targets (warm p95 <= 150 ms, >= 20x the baseline): pages over 150 ms: {', '.join(slow) or 'none'}; "
          f"{low} of {len(ratios)} page states under 20x (lowest {min(ratios):.1f}x, median {median(ratios):.1f}x)")
    cold = max(median(c["duckdb"]) for c in r["cold"].values())
    peak = max(rss["duckdb_warm"], rss["duckdb_cold_max"])
    print(f"  targets (first page after start <= 2 s, peak RSS <= 2 GB): slowest cold first load {ms(cold)} ms "
          f"(connection opening included, imports not); DuckDB processes' peak RSS {peak:,.0f} MB")


def print_growth(results: list[dict], pages: list[str]) -> None:
    print("\ngrowth with data size: the demo build (generate, then ingest: its own split; peak RSS of the whole "
          "build), each page's warm p95 (its slowest state), the slowest cold first load, the median ratio "
          "to pandas, and the peak RSS of the warm processes")
    head = f"  {'scale':>6}{'rows':>12}{'gen s':>7}{'ingest s':>9}{'rows/s':>9}{'build MB':>9}"
    head += "".join(f"{p[:12]:>13}" for p in pages)
    head += f"{'cold max':>9}{'ratio':>7}{'DuckDB MB':>10}{'pandas MB':>10}"
    print(head)
    for r in results:
        b = r["build"]
        total = sum(b["rows"].values())
        ingest_s = b["ingest_s"] or b["wall_s"]
        line = (f"  {r['scale']:>6g}{total:>12,}{b['generate_s'] or 0:>7,.0f}{ingest_s:>9,.0f}"
                f"{total / ingest_s:>9,.0f}{b['peak_rss_mb']:>9,}")
        line += "".join(f"{ms(max(r['rows'][f'{p}/{s}']['warm_p95_ms'] for s in SCENARIOS)):>13}" for p in pages)
        ratios = [v["ratio"] for v in r["rows"].values() if v["covered_calls"]]
        cold = max(median(c["duckdb"]) for c in r["cold"].values())
        rss = r["rss_mb"]
        line += f"{ms(cold):>9}{median(ratios):>6.0f}x{rss['duckdb_warm']:>10,.0f}{rss['baseline_warm']:>10,.0f}"
        print(line)


def print_national_year(y: dict) -> None:
    rows = sum(y["rows"].values())
    print(f"\none national year (demo 2025 at scale 1: {', '.join(y['files'])}, {y['input_mb']:,} MB) through "
          f"`python -m pantau ingest` into an empty data folder:")
    print(f"  {rows:,} rows ({y['rows']['departures']:,} departures, {y['rows']['registrations']:,} registrations, "
          f"{y['rows']['cases']:,} cases) in {y['seconds']:,.0f} s ({rows / y['seconds']:,.0f} rows/s), peak RSS "
          f"{y['peak_rss_mb']:,} MB; load average {y['load_average_before']:.1f} before, "
          f"{y['load_average_after']:.1f} after (target <= 120 s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pages_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--scales", help="comma-separated demo scales (default 0.1,0.3,1; --quick: 0.01)")
    parser.add_argument("--repeat", type=int, help="warm runs per page and state (default 20; --quick: 3)")
    parser.add_argument("--baseline-repeat", type=int, help="warm pandas runs (default 5; --quick: 2)")
    parser.add_argument("--cold-repeat", type=int, help="fresh processes per page (default 3; --quick: 1)")
    parser.add_argument("--pages", default=",".join(PAGES), help="comma-separated pages (default: all six)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the demo datasets even if cached")
    parser.add_argument("--quick", action="store_true", help="a smoke run: scale 0.01, few repeats")
    parser.add_argument("--national-year", choices=("auto", "yes", "no"), default="auto",
                        help="time the ingest of one national year (auto: when scale 1 is measured)")
    # Internal: the bench runs itself as a child for each measured step.
    parser.add_argument("--child", choices=("record", "warm", "cold"), help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--engine", choices=("duckdb", "baseline"), help=argparse.SUPPRESS)
    parser.add_argument("--calls", help=argparse.SUPPRESS)
    parser.add_argument("--answers", help=argparse.SUPPRESS)
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        answer = {"record": child_record, "warm": child_warm, "cold": child_cold}[args.child](args)
        Path(args.out).write_text(json.dumps(answer), encoding="utf-8")
        return 0

    quick = args.quick
    opt = Options(
        scales=[float(s) for s in (args.scales or ("0.01" if quick else "0.1,0.3,1")).split(",")],
        repeat=args.repeat or (3 if quick else 20),
        baseline_repeat=args.baseline_repeat or (2 if quick else 5),
        cold_repeat=args.cold_repeat or (1 if quick else 3),
        pages=args.pages.split(","),
        rebuild=args.rebuild,
    )
    unknown = set(opt.pages) - set(PAGES)
    if unknown:
        parser.error(f"unknown pages: {sorted(unknown)}")
    CACHE.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now()
    print(f"pantau pages bench, {started:%Y-%m-%d %H:%M}, code {describe_code()}")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f}; scales {', '.join(f'{s:g}' for s in opt.scales)}, {YEARS} years, seed {SEED}",
          flush=True)
    results = []
    for scale in opt.scales:
        results.append(measure_scale(scale, opt))
        print_scale(results[-1])
        sys.stdout.flush()
    print_growth(results, opt.pages)
    year = None
    if args.national_year == "yes" or (args.national_year == "auto" and 1.0 in opt.scales):
        try:
            year = national_year(opt.rebuild)
            print_national_year(year)
        except RuntimeError as e:  # the pages' figures above still count
            print(f"\none national year: {e}")
            year = {"error": str(e)}
    finished = dt.datetime.now()
    print(f"\nfinished {finished:%H:%M} ({(finished - started).total_seconds() / 60:.0f} min), load average "
          f"{os.getloadavg()[0]:.2f}; results in {RESULTS.relative_to(REPO)}")
    RESULTS.write_text(json.dumps({
        "started": started.isoformat(timespec="seconds"), "finished": finished.isoformat(timespec="seconds"),
        "code": describe_code(), "cpus": os.cpu_count(), "quick": quick, "results": results, "national_year": year,
    }, indent=1, default=str), encoding="utf-8")
    return 1 if any(r["answer_problems"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
