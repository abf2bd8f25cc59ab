"""Query results reshaped into the tables the departures page draws (no Streamlit here).

Each chart draws exactly the frame built here, and the page offers that frame as data and CSV.
"""

from __future__ import annotations

import pandas as pd

from pantau import reference
from pantau.i18n import t
from pantau.ui import frames

# Generic words in front of checkpoint names, left out of chart labels (the full name stays in the
# hover and the tables): "Bandara Internasional Juanda (Surabaya/Sidoarjo)" -> "Juanda (Surabaya/Sidoarjo)".
CHECKPOINT_PREFIXES = ("Bandara Internasional ", "Bandara ", "Pelabuhan Internasional ", "Pelabuhan ",
                       "Terminal Ferry ", "PLBN ")
CLASS_COLUMNS = ["labour_departures", "procedural_departures", "non_procedural_departures", "non_procedural_share"]


def short_checkpoint(name: str) -> str:
    for prefix in CHECKPOINT_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def share(part: pd.Series, whole: pd.Series) -> pd.Series:
    """part / whole rounded to 4 decimals; empty (None) where whole is 0."""
    return (part / whole.where(whole > 0)).round(4).astype(object).where(whole > 0, None)


def _year_later(month: str) -> str:
    year, number = month.split("-")
    return f"{int(year) + 1}-{number}"


def monthly_comparison(current_raw: pd.DataFrame, previous_raw: pd.DataFrame) -> pd.DataFrame:
    """Per month of the period ('YYYY-MM'): procedural and non-procedural, and both in the same month a year earlier."""
    current = frames.monthly(current_raw)
    previous = frames.monthly(previous_raw)
    previous["month"] = previous["month"].map(_year_later)
    previous = previous.rename(columns={"procedural": "previous_procedural",
                                        "non_procedural": "previous_non_procedural"})
    merged = current.merge(previous[["month", "previous_procedural", "previous_non_procedural"]], on="month",
                           how="left")
    counts = ["procedural", "non_procedural", "previous_procedural", "previous_non_procedural"]
    merged[counts] = merged[counts].fillna(0).astype("int64")
    return merged[["month", *counts]]


def monthly_share(comparison: pd.DataFrame) -> pd.DataFrame:
    """Non-procedural share per month, this period and a year earlier (empty where no labour departure)."""
    return pd.DataFrame({
        "month": comparison["month"],
        "non_procedural_share": share(comparison["non_procedural"],
                                      comparison["procedural"] + comparison["non_procedural"]),
        "previous_non_procedural_share": share(
            comparison["previous_non_procedural"],
            comparison["previous_procedural"] + comparison["previous_non_procedural"]),
    })


def suppressed_trend(comparison: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The monthly comparison and its shares as they may be shown, suppressed together: a month's share
    is hidden wherever one of the counts it comes from is."""
    shares = monthly_share(comparison)
    both = frames.suppress(comparison.join(shares.drop(columns="month")))
    return both[list(comparison.columns)], both[list(shares.columns)]


def origins(raw: pd.DataFrame, label: str, top: int) -> pd.DataFrame:
    """The `top` areas of departure_origins (one level) with the most labour departures, suppressed.

    Suppression runs over every area before the top ones are cut, so the chart hides what a table of
    all areas would hide.
    """
    frame = raw[raw["labour_departures"] > 0].sort_values(["labour_departures", "code"], ascending=[False, True])
    frame = frame.rename(columns={"name": label})
    frame["non_procedural_share"] = share(frame["non_procedural_departures"], frame["labour_departures"])
    return frames.suppress(frame[[label, *CLASS_COLUMNS, "code"]]).head(top).reset_index(drop=True)


def destinations(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """top_destinations with the country name in the user's language."""
    name = "name_id" if lang == "id" else "name_en"
    frame = raw.rename(columns={name: "country", "procedural": "procedural_departures",
                                "non_procedural": "non_procedural_departures"})
    frame["non_procedural_share"] = share(frame["non_procedural_departures"], frame["labour_departures"])
    return frame[["country", *CLASS_COLUMNS, "iso3"]].reset_index(drop=True)


def checkpoint_kinds(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    frame = raw.copy()
    frame["non_procedural_share"] = share(frame["non_procedural_departures"], frame["labour_departures"])
    frame["kind"] = [t(f"departures.kind.{kind}", lang) for kind in frame["kind"]]
    return frame[["kind", *CLASS_COLUMNS, "prevented_departures"]].reset_index(drop=True)


def checkpoints(raw: pd.DataFrame, lang: str, top: int | None = None) -> pd.DataFrame:
    """departures_by_checkpoint (most non-procedural first), with a short name for chart labels; suppressed
    over every checkpoint before the `top` ones are cut (the same cells as the table of all checkpoints)."""
    frame = raw.rename(columns={"checkpoint_kind": "kind"})
    frame["checkpoint"] = [short_checkpoint(name) for name in frame["checkpoint_name"]]
    frame["kind"] = [t(f"departures.kind.{kind}", lang) for kind in frame["kind"]]
    frame["non_procedural_share"] = share(frame["non_procedural_departures"], frame["labour_departures"])
    frame = frames.suppress(frame[["checkpoint", *CLASS_COLUMNS, "prevented_departures", "kind", "checkpoint_name",
                                   "checkpoint_code"]])
    return (frame.head(top) if top else frame).reset_index(drop=True)


def checkpoint_table(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every checkpoint of departures_by_checkpoint under its full name (for the table, not a chart)."""
    frame = checkpoints(raw, lang)
    return frame[["checkpoint_name", "kind", *CLASS_COLUMNS, "prevented_departures", "checkpoint_code"]]


def routes(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """top_routes as 'checkpoint → country', with the codes each end links by."""
    countries = reference.country_names(lang)
    frame = raw.copy()
    unknown = t("departures.unknown", lang)
    frame["country"] = [countries.get(code, code) if isinstance(code, str) else unknown
                        for code in frame["destination_country"]]
    frame["route"] = [f"{short_checkpoint(cp)} → {country}" for cp, country in
                      zip(frame["checkpoint_name"], frame["country"], strict=True)]
    frame["procedural_departures"] = frame["labour_departures"] - frame["non_procedural_departures"]
    frame["non_procedural_share"] = frame["non_procedural_share"].round(4)
    frame = frame.rename(columns={"destination_country": "iso3"})
    return frame[["route", *CLASS_COLUMNS, "checkpoint_name", "country", "checkpoint_code",
                  "iso3"]].reset_index(drop=True)
