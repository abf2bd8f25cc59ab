"""Query results reshaped into the tables the destinations page draws (no Streamlit here)."""

from __future__ import annotations

import pandas as pd

from pantau import disclosure
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


def _some(column: pd.Series) -> pd.Series:
    """Rows with at least one: a hidden count is one or more."""
    return column.map(lambda v: disclosure.is_hidden(v) or v > 0).astype(bool)


def top_countries(frame: pd.DataFrame, top: int) -> pd.DataFrame:
    """The first `top` countries with a registration or a labour departure (the chart's rows)."""
    shown = frame[_some(frame["registrations"]) | _some(frame["labour_departures"])]
    return shown.head(top).reset_index(drop=True)


TREND_COUNTS = ["labour_departures", "non_procedural_departures"]


def trend(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    """destination_monthly as month ('YYYY-MM'), country and the two counts, countries in rank order."""
    frame = raw.rename(columns={_name_column(lang): "country"})
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    return frame[["month", "country", *TREND_COUNTS, "iso3"]].reset_index(drop=True)


def suppressed_trend(frame: pd.DataFrame) -> pd.DataFrame:
    """trend() as it may be shown. Each country's months add up to its total on the comparison chart,
    so suppression runs on the wide table (months x country and count), where a country's series is a
    column with a published total, then comes back to the long rows. Procedural departures (labour
    minus non-procedural, shown on other pages) take part, so neither class can be worked out."""
    if not disclosure.is_on() or frame.empty:
        return frame.copy()
    long = frame.assign(procedural_departures=frame["labour_departures"] - frame["non_procedural_departures"])
    measures = [*TREND_COUNTS, "procedural_departures"]
    wide = long.pivot(index="month", columns="iso3", values=measures)
    wide.columns = [f"{measure}|{iso3}" for measure, iso3 in wide.columns]
    countries = list(dict.fromkeys(frame["iso3"]))
    groups = [[f"{measure}|{iso3}" for measure in measures] for iso3 in countries]
    hidden = disclosure.hidden_cells(wide, list(wide.columns), groups=groups)
    shown = frame.copy()
    for measure in TREND_COUNTS:
        gone = pd.Series([bool(hidden.at[month, f"{measure}|{iso3}"])
                          for month, iso3 in zip(frame["month"], frame["iso3"], strict=True)], index=frame.index)
        shown[measure] = shown[measure].astype(object).where(~gone, disclosure.marker())
    return shown


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


def hidden_in(grown: pd.DataFrame, countries: pd.DataFrame, column: str) -> pd.DataFrame:
    """Which growth rows' current count the table of every country (suppressed) hides: the same cell is
    hidden in both, whatever else each table needs to hide."""
    hidden = {iso3: disclosure.is_hidden(v) for iso3, v in zip(countries["iso3"], countries[column], strict=True)}
    return pd.DataFrame({"current": [hidden.get(iso3, False) for iso3 in grown["iso3"]]}, index=grown.index)


def change_text(value: object, lang: str) -> str:
    """A relative rise as '+50,0%', or 'baru' / 'new' when there was nothing before."""
    if value is None or pd.isna(value):
        return t("destinations.new", lang)
    return fmt_pct(float(value), lang, signed=True)


def focus_options(frame: pd.DataFrame) -> list[str]:
    """Countries whose origins can be shown: those with a labour departure, most first."""
    return list(frame.loc[_some(frame["labour_departures"]), "iso3"])
