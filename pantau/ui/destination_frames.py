"""Query results reshaped into the tables the destinations page draws (no Streamlit here)."""

from __future__ import annotations

import pandas as pd

from pantau.i18n import fmt_pct, t
from pantau.ui.departure_frames import share

COUNTS = ["registrations", "labour_departures", "non_procedural_departures", "non_procedural_share", "cases",
          "trafficking_cases"]


def _name_column(lang: str) -> str:
    return "name_id" if lang == "id" else "name_en"


def countries(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """destination_indicators, current period: one row per country, in the query's order (most labour first)."""
    frame = raw.rename(columns={_name_column(lang): "country"})
    frame["non_procedural_share"] = share(frame["non_procedural_departures"], frame["labour_departures"])
    return frame[["country", *COUNTS, "iso3"]].reset_index(drop=True)


def top_countries(frame: pd.DataFrame, top: int) -> pd.DataFrame:
    """The first `top` countries with a registration or a labour departure (the chart's rows)."""
    shown = frame[(frame["registrations"] > 0) | (frame["labour_departures"] > 0)]
    return shown.head(top).reset_index(drop=True)


def trend(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """destination_monthly as month ('YYYY-MM'), country and the two counts, countries in rank order."""
    frame = raw.rename(columns={_name_column(lang): "country"})
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    return frame[["month", "country", "labour_departures", "non_procedural_departures", "iso3"]].reset_index(drop=True)


def growth(raw: pd.DataFrame, column: str, lang: str, top: int) -> pd.DataFrame:
    """Countries whose `column` rose against the comparison period (`previous_<column>`), largest rise first.

    change is the relative rise, empty where the comparison period had none ("new"); ties in the
    rise go to the larger relative one, "new" counting as the largest.
    """
    frame = pd.DataFrame({
        "country": raw[_name_column(lang)],
        "current": raw[column],
        "previous": raw[f"previous_{column}"],
        "iso3": raw["iso3"],
    })
    frame["increase"] = frame["current"] - frame["previous"]
    frame = frame[frame["increase"] > 0].copy()
    ratio = frame["increase"] / frame["previous"].where(frame["previous"] > 0)
    frame["_order"] = ratio.fillna(float("inf"))
    frame["change"] = ratio.round(4).astype(object).where(frame["previous"] > 0, None)
    frame = frame.sort_values(["increase", "_order", "iso3"], ascending=[False, False, True]).head(top)
    # The rise first: the previous and current counts it comes from are context.
    return frame[["country", "increase", "change", "current", "previous", "iso3"]].reset_index(drop=True)


def change_text(value: object, lang: str) -> str:
    """A relative rise as '+50,0%', or 'baru' / 'new' when there was nothing before."""
    if value is None or pd.isna(value):
        return t("destinations.new", lang)
    return fmt_pct(float(value), lang, signed=True)


def focus_options(frame: pd.DataFrame) -> list[str]:
    """Countries whose origins can be shown: those with a labour departure, most first."""
    return list(frame.loc[frame["labour_departures"] > 0, "iso3"])
