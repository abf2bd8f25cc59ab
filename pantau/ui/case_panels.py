"""Streamlit pieces of the cases page: its KPI cards, and charts with their data and CSV.

Like pantau/ui/panels.py, a chart comes with the exact table it draws and that table as CSV; the
headers here come from the cases page's labels (case_frames.header), and tables of areas link each
row to its profile.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau.filters import Filters
from pantau.i18n import fmt_int, fmt_pct, t
from pantau.indicators import non_procedural_share
from pantau.ui import kpi
from pantau.ui.case_frames import header
from pantau.ui.links import profile_url
from pantau.ui.panels import PLOTLY_CONFIG, file_stem

LINK = "profile"
NO_VALUE = "–"
SHARE_COLUMNS = frozenset({"non_procedural_share"})
DAY_COLUMNS = frozenset({"median_days_to_resolution", "mean_days_to_resolution"})
# Card groups: (headline count, by-mode key in pantau.indicators.headline, group label).
GROUPS = (
    ("cases", "cases_by_mode", "cases.kpi.all"),
    ("trafficking_cases", "trafficking_by_mode", "cases.kpi.trafficking"),
)


def fmt_days(value: float | None, lang: str) -> str:
    """'15 hari' / '15 days'; one decimal when the value has one (a median of an even count)."""
    if value is None or pd.isna(value):
        return NO_VALUE
    rounded = round(float(value), 1)
    if rounded == int(rounded):
        number = fmt_int(int(rounded), lang)
    else:
        number = f"{rounded:,.1f}"
        number = number.translate(str.maketrans(",.", ".,")) if lang == "id" else number
    return t("cases.resolution.days", lang, value=number)


def share_delta(current: float | None, previous: float | None, lang: str) -> tuple[str, bool]:
    """The change of a share in percentage points, and whether it has a direction to show."""
    if current is None or previous is None:
        return t("kpi.no_comparison", lang), False
    text = fmt_pct(current - previous, lang, signed=True).removesuffix("%")
    return t("cases.kpi.points", lang, value=text), text.startswith(("+", "-"))


def kpis(current: dict, previous: dict, lang: str) -> None:
    """Per group (all cases, trafficking cases): the count, the non-procedural share, and the unknown beside it."""
    # One row per group: three cards side by side in half the page cut their labels short.
    for indicator, by_mode_key, group in GROUPS:
        st.markdown(f"**{t(group, lang)}**")
        count, share, unknown = st.columns(3)
        with count:
            # "inverse": more cases is bad news (the overview's card, same wording and help).
            kpi.card(indicator, current[indicator], previous[indicator], lang, "inverse")
        now = non_procedural_share(current[by_mode_key])
        delta, directed = share_delta(now, non_procedural_share(previous[by_mode_key]), lang)
        help_text = t("modes.share_help", lang) + "\n\n" + t("cases.kpi.points.help", lang)
        # A higher non-procedural share is not plainly good or bad news: no colour.
        share.metric(t("cases.kpi.share", lang), fmt_pct(now, lang), delta=delta, delta_color="off",
                     delta_arrow="auto" if directed else "off",
                     delta_description=t("kpi.delta_description", lang), help=help_text, border=True)
        unknown.metric(t("cases.kpi.unknown", lang), fmt_int(current[by_mode_key]["unknown"], lang),
                       help=t("cases.kpi.unknown.help", lang), border=True, height="stretch")


def _shown(frame: pd.DataFrame, lang: str):
    """The frame with translated headers; counts written the user's way, shares and days as text."""
    shown = frame.rename(columns={c: header(c, lang) for c in frame.columns})
    formats = {}
    for column in frame.columns:
        name = header(column, lang)
        if column in SHARE_COLUMNS:
            shown[name] = [NO_VALUE if pd.isna(v) else fmt_pct(v, lang) for v in frame[column]]
        elif column in DAY_COLUMNS:
            shown[name] = [fmt_days(v, lang) for v in frame[column]]
        elif pd.api.types.is_integer_dtype(frame[column]):
            formats[name] = lambda v: fmt_int(v, lang)
    return shown.style.format(formats)


def _download(name: str, frame: pd.DataFrame, filters: Filters, lang: str) -> None:
    data = frame.drop(columns=[LINK], errors="ignore")
    data = data.rename(columns={c: header(c, lang) for c in data.columns})
    st.download_button(
        t("chart.download", lang), data.to_csv(index=False).encode("utf-8"),
        file_name=f"{file_stem(name, filters)}.csv", mime="text/csv", key=f"csv_{name}", on_click="ignore",
        icon=":material/download:",
    )


def with_links(frame: pd.DataFrame, kind: str, filters: Filters, lang: str) -> pd.DataFrame:
    """The frame with a profile link beside the name; rows with no known area (code 'unknown') get none."""
    linked = frame.copy()
    linked.insert(1, LINK, [None if code == "unknown" else profile_url(kind, code, filters, lang)
                            for code in frame["code"]])
    return linked


def table(name: str, frame: pd.DataFrame, filters: Filters, lang: str) -> None:
    """A table in view (with its profile links, if any) and a CSV of its values."""
    config = {}
    if LINK in frame.columns:
        config[header(LINK, lang)] = st.column_config.LinkColumn(
            header(LINK, lang), display_text=t("cases.profile_link.text", lang))
        # The link carries the code; the CSV keeps it.
        config[header("code", lang)] = None
    st.dataframe(_shown(frame, lang), hide_index=True, column_config=config)
    _download(name, frame, filters, lang)


def chart(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str, open_data: bool = False) -> None:
    """The chart, then the frame it draws: in a 'Data' expander, or in view (`open_data`, for linked tables)."""
    stem = file_stem(name, filters)
    st.plotly_chart(fig, key=f"chart_{name}",
                    config={**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": stem, "scale": 2}})
    if open_data:
        table(name, frame, filters, lang)
        return
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        table(name, frame, filters, lang)
