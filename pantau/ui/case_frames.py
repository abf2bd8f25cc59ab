"""Query results of the cases page reshaped into the tables its charts draw (no Streamlit here).

Each chart of app_pages/cases.py draws exactly one frame built here, and the page offers that
frame as its data view and CSV. Codes stay in the frames where a reader may want them (`code`);
what a chart labels is already in the user's language.
"""

from __future__ import annotations

import pandas as pd

from pantau import disclosure, reference
from pantau.i18n import keys, t
from pantau.ui import frames

# The extract contract's order (docs/DESIGN.md), which keeps legend order and colours stable.
CASE_TYPES = (
    "wants_to_return", "unpaid_wages", "excess_fees", "failed_departure", "job_fraud", "abuse", "contract_breach",
    "document_withholding", "deported", "illness", "death", "lost_contact", "trafficking", "other",
)
MODES = ("procedural", "non_procedural", "unknown")
SOURCES = ("linked", "reported", "none")
STATUSES = ("open", "in_progress", "resolved")
# trafficking_breakdown.sql groups a missing value under this category.
UNKNOWN = "unknown"
DIMENSIONS = ("exploitation", "destination", "province")
# Dimensions whose rows are areas with a profile page (pantau/ui/links.py kinds).
PROFILE_KINDS = {"destination": "destination", "province": "province"}


def label(prefix: str, code: str, lang: str) -> str:
    """The label of a code (`cases.<prefix>.<code>`), or the code itself for one the labels do not know."""
    key = f"cases.{prefix}.{code}"
    return t(key, lang) if key in keys() else str(code)


def header(column: str, lang: str) -> str:
    """Table and CSV header of a frame column: case-type columns by their label, the rest from cases.col.*."""
    if column in CASE_TYPES:
        return label("case_type", column, lang)
    return label("col", column, lang)


def monthly_by_type(raw: pd.DataFrame) -> pd.DataFrame:
    """One row per month ('YYYY-MM'), one column per case type present, in contract order (not suppressed:
    the page tells an empty frame first)."""
    if raw.empty:
        return pd.DataFrame({"month": []})
    wide = raw.pivot_table(index="month", columns="case_type", values="cases", aggfunc="sum", fill_value=0)
    present = list(wide.columns)
    order = [c for c in CASE_TYPES if c in present] + sorted(c for c in present if c not in CASE_TYPES)
    wide = wide[order].astype("int64").reset_index()
    wide.columns.name = None
    wide["month"] = pd.to_datetime(wide["month"]).dt.strftime("%Y-%m")
    return wide


def case_type_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c != "month"]


def _names(dimension: str, codes: pd.Series, lang: str) -> list[str]:
    if dimension == "exploitation":
        return [label("exploitation", code, lang) for code in codes]
    lookup = reference.country_names(lang) if dimension == "destination" else reference.province_names()
    return [t("cases.unknown_area", lang) if code == UNKNOWN else lookup.get(code, code) for code in codes]


def trafficking_breakdown(raw: pd.DataFrame, dimension: str, lang: str, top: int | None = None) -> pd.DataFrame:
    """Named categories (largest first, at most `top`) with trafficking cases by departure mode and the share.

    The name column is headed by the dimension; the code comes last (read by the profile links).
    Suppressed over every category before the `top` ones are cut.
    """
    frame = raw
    known = frame["procedural"] + frame["non_procedural"]
    shown = frames.suppress(pd.DataFrame({
        dimension: _names(dimension, frame["category"], lang),
        "trafficking_cases": frame["trafficking_cases"].astype("int64"),
        # Unknown stays out of the share (docs/DESIGN.md); no known mode leaves it empty.
        "non_procedural_share": (frame["non_procedural"] / known.where(known > 0)).round(4),
        **{mode: frame[mode].astype("int64") for mode in MODES},
        "code": frame["category"].astype(str),
    }).reset_index(drop=True))
    return shown.head(top) if top else shown


def mode_sources(raw: pd.DataFrame, count: str, lang: str) -> pd.DataFrame:
    """Cases (`count`: cases or trafficking_cases) per departure mode, split by where the mode came from.

    All three modes always appear, so the bars read the same whatever the filters.
    """
    wide = raw.pivot_table(index="departure_mode", columns="mode_source", values=count, aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=list(MODES), columns=list(SOURCES), fill_value=0).astype("int64")
    frame = pd.DataFrame({"mode": [t(f"col.{mode}", lang) for mode in MODES]})
    for source in SOURCES:
        frame[source] = wide[source].to_numpy()
    frame["total"] = frame[list(SOURCES)].sum(axis=1)
    return frames.suppress(frame)


def statuses(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Cases per status (open, in progress, resolved, then any other), trafficking and other cases apart."""
    order = [s for s in STATUSES if s in set(raw["status"])] + sorted(set(raw["status"]) - set(STATUSES))
    rows = raw.set_index("status").loc[order]
    return frames.suppress(pd.DataFrame({
        "status": [label("status", s, lang) for s in order],
        "trafficking_cases": rows["trafficking_cases"].astype("int64").to_numpy(),
        "other_cases": (rows["cases"] - rows["trafficking_cases"]).astype("int64").to_numpy(),
        "cases": rows["cases"].astype("int64").to_numpy(),
    }))


def resolution(raw: pd.DataFrame) -> dict[str, float | str | None]:
    """Share of cases resolved, and the median and mean days to resolution of the resolved ones.

    With suppression on, a figure that gives back a small count is the marker instead.
    """
    total = int(raw["cases"].sum())
    resolved = raw[raw["status"] == "resolved"]

    def value(column: str) -> float | None:
        if resolved.empty or pd.isna(resolved[column].iloc[0]):
            return None
        return float(resolved[column].iloc[0])

    count = int(resolved["cases"].sum())
    summary = {
        "resolved_share": count / total if total else None,
        "median_days": value("median_days_to_resolution"),
        "mean_days": value("mean_days_to_resolution"),
    }
    if disclosure.is_on():
        # The share gives the resolved count back from the case total shown beside it; the days of a few
        # resolved cases describe those few people. Hidden with the counts they come from.
        statuses_small = any(disclosure.is_small(n) for n in raw["cases"])
        if statuses_small or disclosure.is_small(total - count):
            summary["resolved_share"] = disclosure.marker()
        if disclosure.is_small(count):
            summary["median_days"] = summary["mean_days"] = disclosure.marker()
    return summary
