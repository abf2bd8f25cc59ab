"""The data's health, for the methodology page and the footer: freshness, linkage, gaps, quarantine.

Query results come in as DataFrames (queries/health/*.sql) and the ingest history from the
manifests of the published versions (warehouse/versions/*/manifest.json); everything here is plain
Python, so the figures are tested without a browser.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pantau import disclosure, store
from pantau.filters import Filters
from pantau.paths import warehouse_dir
from pantau.schema import MIN_EVENT_DATE

log = logging.getLogger(__name__)

KINDS = store.TABLES
# A checkpoint "normally has many" departures in a month when the median of the months around it
# (WINDOW on either side, empty ones included) is at least this many examinations. Counts that size
# are hardly ever zero by chance (Poisson: e^-20), so an empty month there points at a gap in the
# data rather than a quiet month.
MIN_TYPICAL = 20
WINDOW = 6
# Quarantine reasons are built from a column name (pantau/validate.py); these are the prefixes.
REASON_PATTERNS = ("missing", "invalid", "unknown", "out_of_range")
_REASON = re.compile(rf"^({'|'.join(REASON_PATTERNS)})_(.+)$")


@dataclass(frozen=True)
class Freshness:
    kind: str
    rows: int
    first_day: dt.date | None  # None: no rows
    last_day: dt.date | None


@dataclass(frozen=True)
class Gap:
    """A run of consecutive calendar months with no rows; months are their first days."""

    kind: str
    first_month: dt.date
    last_month: dt.date
    months: int


@dataclass(frozen=True)
class Outage:
    checkpoint_code: str
    checkpoint_name: str
    month: dt.date
    typical: float  # the checkpoint's median month


@dataclass(frozen=True)
class Linkage:
    labour_departures: int
    linked_departures: int
    cases: int
    linked_cases: int

    @property
    def departure_rate(self) -> float | None:
        return self.linked_departures / self.labour_departures if self.labour_departures else None

    @property
    def case_rate(self) -> float | None:
        return self.linked_cases / self.cases if self.cases else None


@dataclass(frozen=True)
class Run:
    """One ingest run that published a version: its own files (the manifest's sources also list
    the parent's, since a version holds everything appended before it)."""

    version: str
    created_at: str
    parent: str | None
    demo: bool
    files: tuple[dict, ...]


def _day(value: object) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def all_time() -> Filters:
    """Filters that keep every published row: ingest quarantines event dates before 2000 and in the future."""
    return Filters(start=dt.date.fromisoformat(MIN_EVENT_DATE), end=dt.date.max)


# Freshness ---------------------------------------------------------------------------------------

def freshness(frame: pd.DataFrame) -> dict[str, Freshness]:
    """queries/health/freshness.sql as one Freshness per extract, in store.TABLES order."""
    rows = {r["extract"]: r for _, r in frame.iterrows()}
    result = {}
    for kind in KINDS:
        row = rows.get(kind)
        if row is None:
            result[kind] = Freshness(kind, 0, None, None)
        else:
            result[kind] = Freshness(kind, int(row["rows"]), _day(row["first_day"]), _day(row["last_day"]))
    return result


# Linkage -----------------------------------------------------------------------------------------

def linkage(frame: pd.DataFrame) -> Linkage:
    """queries/health/linkage.sql (one row) as a Linkage."""
    row = frame.iloc[0]
    return Linkage(*(int(row[c]) for c in ("labour_departures", "linked_departures", "cases", "linked_cases")))


def shown(linked: int, total: int) -> tuple[int | str, int | str, float | None]:
    """(linked, total, rate) as a page may show them under small-cell suppression (pantau/disclosure.py).

    The cells are linked and not linked, total their sum: a small one hides with its complement
    (1 unlinked of 100 would give away the 99 too), a small total hides as itself, and the rate
    shows only when no count behind it is hidden.
    """
    cells = disclosure.table(pd.DataFrame({"linked": [linked], "unlinked": [total - linked]}), ["linked", "unlinked"])
    linked_shown, unlinked_shown = cells["linked"].iloc[0], cells["unlinked"].iloc[0]
    total_shown = disclosure.value(total)
    hidden = any(disclosure.is_hidden(c) for c in (linked_shown, unlinked_shown, total_shown))
    rate = None if hidden or not total else linked / total
    return (linked_shown if disclosure.is_hidden(linked_shown) else linked), total_shown, rate


# Gaps --------------------------------------------------------------------------------------------

def _months(first: dt.date, last: dt.date) -> list[dt.date]:
    months, month = [], first.replace(day=1)
    while month <= last:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _runs(missing: list[dt.date], all_months: list[dt.date]) -> list[tuple[dt.date, dt.date, int]]:
    """Consecutive runs (first, last, length) of the missing months, in the order of all_months."""
    index = {m: i for i, m in enumerate(all_months)}
    runs: list[list] = []
    for month in missing:
        if runs and index[month] == index[runs[-1][1]] + 1:
            runs[-1][1] = month
            runs[-1][2] += 1
        else:
            runs.append([month, month, 1])
    return [tuple(r) for r in runs]


def month_gaps(frame: pd.DataFrame) -> list[Gap]:
    """Months with no rows between each extract's first and last month (queries/health/monthly_rows.sql)."""
    gaps = []
    for kind in KINDS:
        present = sorted({_day(m) for m in frame.loc[frame["extract"] == kind, "month"]})
        if not present:
            continue
        every = _months(present[0], present[-1])
        missing = [m for m in every if m not in set(present)]
        gaps += [Gap(kind, first, last, n) for first, last, n in _runs(missing, every)]
    return gaps


def checkpoint_outages(frame: pd.DataFrame, min_typical: float = MIN_TYPICAL, window: int = WINDOW) -> list[Outage]:
    """Empty months at checkpoints that are busy around them (queries/health/checkpoint_months.sql).

    Each checkpoint is looked at from its first month to the extract's last month, so a checkpoint
    that stopped sending data shows up. A month's typical count is the median of the `window` months
    on either side of it (empty ones included): a checkpoint that is often quiet, or a fall that
    lasts (border closures in 2020-2021), is not an outage; one empty month among busy ones is.
    """
    if frame.empty:
        return []
    frame = frame.assign(month=[_day(m) for m in frame["month"]])
    last = max(frame["month"])
    outages = []
    for code, group in frame.groupby("checkpoint_code", sort=True):
        counts = dict(zip(group["month"], group["departures"], strict=True))
        span = _months(min(counts), last)
        series = [int(counts.get(m, 0)) for m in span]
        name = str(group["checkpoint_name"].iloc[0])
        for i, month in enumerate(span):
            if series[i]:
                continue
            around = series[max(0, i - window):i] + series[i + 1:i + 1 + window]
            typical = float(pd.Series(around, dtype="int64").median()) if around else 0.0
            if typical >= min_typical:
                outages.append(Outage(str(code), name, month, typical))
    return sorted(outages, key=lambda o: (o.month, o.checkpoint_code))


# Ingest history ----------------------------------------------------------------------------------

def manifests(root: Path | None = None) -> list[dict]:
    """The manifest of every published version; an unreadable one is logged and skipped."""
    folder = (root or warehouse_dir()) / store.VERSIONS
    found = []
    for path in sorted(folder.glob(f"*/{store.MANIFEST}")):
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("unreadable manifest skipped: %s", path)
            continue
        if isinstance(manifest, dict) and manifest.get("version"):
            found.append(manifest)
    return found


def _depth(manifest: dict, by_id: dict[str, dict]) -> int:
    depth, seen, parent = 0, set(), manifest.get("parent")
    while parent in by_id and parent not in seen:
        seen.add(parent)
        depth += 1
        parent = by_id[parent].get("parent")
    return depth


def runs(all_manifests: list[dict]) -> list[Run]:
    """The ingest runs behind the versions, oldest first.

    A version's own files are the sources after its parent's (ingest appends this run's files to the
    parent's list). Runs in the same second are ordered parent first.
    """
    by_id = {m["version"]: m for m in all_manifests}
    ordered = sorted(all_manifests, key=lambda m: (str(m.get("created_at", "")), _depth(m, by_id), m["version"]))
    result = []
    for manifest in ordered:
        sources = [s for s in manifest.get("sources", []) if isinstance(s, dict)]
        parent = by_id.get(manifest.get("parent"))
        inherited = len(parent.get("sources", [])) if parent else 0
        result.append(Run(
            version=manifest["version"],
            created_at=str(manifest.get("created_at", "")),
            parent=manifest.get("parent"),
            demo=bool(manifest.get("demo")),
            files=tuple(sources[inherited:]),
        ))
    return result


def run_summary(history: list[Run]) -> pd.DataFrame:
    """One row per run: files and rows read, published and quarantined."""
    rows = []
    for run in history:
        rows.append({
            "version": run.version,
            "created_at": run.created_at,
            "demo": run.demo,
            "files": len(run.files),
            "rows_read": sum(int(f.get("rows_read", 0)) for f in run.files),
            "rows_published": sum(int(f.get("rows_published", 0)) for f in run.files),
            "rows_quarantined": sum(int(f.get("rows_quarantined", 0)) for f in run.files),
        })
    columns = ["version", "created_at", "demo", "files", "rows_read", "rows_published", "rows_quarantined"]
    return pd.DataFrame(rows, columns=columns)


def quarantine_by_reason(history: list[Run]) -> pd.DataFrame:
    """Quarantined rows per run, extract and reason (runs without any are left out), oldest run first."""
    totals: dict[tuple[int, str, str], int] = {}
    for position, run in enumerate(history):
        for f in run.files:
            for reason, n in (f.get("quarantine_reasons") or {}).items():
                key = (position, str(f.get("kind", "")), str(reason))
                totals[key] = totals.get(key, 0) + int(n)
    rows = [
        {"version": history[p].version, "created_at": history[p].created_at, "kind": kind, "reason": reason,
         "rows": n}
        for (p, kind, reason), n in sorted(totals.items())
        if n
    ]
    return pd.DataFrame(rows, columns=["version", "created_at", "kind", "reason", "rows"])


def lineage(current: str, history: list[Run]) -> list[Run]:
    """The runs the current version is built from, newest first (the version, its parent, ...)."""
    by_id = {r.version: r for r in history}
    chain, seen, version = [], set(), current
    while version in by_id and version not in seen:
        seen.add(version)
        chain.append(by_id[version])
        version = by_id[version].parent
    return chain


def last_ingested(current: str, history: list[Run]) -> dict[str, str | None]:
    """Per extract, when the current data last received a file of it (the run's created_at)."""
    result: dict[str, str | None] = dict.fromkeys(KINDS)
    for run in lineage(current, history):
        for f in run.files:
            kind = f.get("kind")
            if kind in result and result[kind] is None:
                result[kind] = run.created_at
    return result


def reason_parts(reason: str) -> tuple[str, str | None]:
    """('missing', 'nik') for 'missing_nik'; (reason, None) for one without a column ('duplicate_id')."""
    match = _REASON.match(reason)
    return (match.group(1), match.group(2)) if match else (reason, None)
