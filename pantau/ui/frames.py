"""Query results reshaped into the small tables the overview charts draw (no Streamlit here).

Each chart draws exactly the frame built here, and the page offers that same frame as data and
CSV, so what is downloaded is what is seen.
"""

from __future__ import annotations

import pandas as pd

from pantau.i18n import t

MODES = ("procedural", "non_procedural", "unknown")


def monthly(raw: pd.DataFrame) -> pd.DataFrame:
    """month as 'YYYY-MM' (language-neutral, sorts and parses), then the three counts."""
    frame = raw[["month", "procedural", "non_procedural", "prevented"]].copy()
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    return frame.reset_index(drop=True)


def top_provinces(raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw[["province_code", "province_name", "labour_departures", "procedural", "non_procedural"]]
    return frame.rename(columns={"province_name": "province"}).reset_index(drop=True)


def top_destinations(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = "name_id" if lang == "id" else "name_en"
    frame = raw[["iso3", name, "labour_departures", "procedural", "non_procedural"]]
    return frame.rename(columns={name: "country"}).reset_index(drop=True)


def case_modes(headline: dict, lang: str) -> pd.DataFrame:
    """One row per group (trafficking cases, all cases): counts by departure mode and the share."""
    rows = []
    for group, key in (("trafficking_cases", "trafficking_by_mode"), ("cases", "cases_by_mode")):
        by_mode = headline[key]
        known = by_mode["procedural"] + by_mode["non_procedural"]
        rows.append({
            "group": t(f"modes.group.{group}", lang),
            **{mode: by_mode[mode] for mode in MODES},
            "non_procedural_share": round(by_mode["non_procedural"] / known, 4) if known else None,
        })
    return pd.DataFrame(rows)


def is_empty(frame: pd.DataFrame, columns: tuple[str, ...]) -> bool:
    """No rows, or nothing but zeros in the counted columns."""
    return frame.empty or int(frame[list(columns)].to_numpy().sum()) == 0


def localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The same frame with column headers in the user's language (for the table and the CSV)."""
    return frame.rename(columns={c: t(f"col.{c}", lang) for c in frame.columns})
