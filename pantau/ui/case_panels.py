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
from pantau.ui import kpi, present
from pantau.ui.case_frames import CASE_TYPES, header
from pantau.ui.frames import has_hidden, mode_share
from pantau.ui.links import scoped_profile_url
from pantau.ui.panels import downloads, plotly_config

LINK = "profile"
NO_VALUE = "–"
SHARE_COLUMNS = frozenset({"non_procedural_share"})
DAY_COLUMNS = frozenset({"median_days_to_resolution", "mean_days_to_resolution"})
# Card groups: (headline count, by-mode key in pantau.indicators.headline, group label).
GROUPS = (
    ("cases", "cases_by_mode", "cases.kpi.all"),
    ("trafficking_cases", "trafficking_by_mode", "cases.kpi.trafficking"),
)


def fmt_days(value: float | str | None, lang: str) -> str:
    """'15 hari' / '15 days'; one decimal when the value has one (a median of an even count)."""
    if isinstance(value, str):  # hidden: the marker
        return value
    if value is None or pd.isna(value):
        return NO_VALUE
    rounded = round(float(value), 1)
    if rounded == int(rounded):
        number = fmt_int(int(rounded), lang)
    else:
        number = f"{rounded:,.1f}"
        number = number.translate(str.maketrans(",.", ".,")) if lang == "id" else number
    return t("cases.resolution.days", lang, value=number)


def share_delta(current: float | str | None, previous: float | str | None, lang: str) -> tuple[str | None, bool]:
    """The change of a share in percentage points, and whether it has a direction to show.

    None when either share is hidden (the marker): the change would give it back.
    """
    if isinstance(current, str) or isinstance(previous, str):
        return None, False
    if current is None or previous is None:
        return t("kpi.no_comparison", lang), False
    text = fmt_pct(current - previous, lang, signed=True).removesuffix("%")
    return t("cases.kpi.points", lang, value=text), text.startswith(("+", "-"))


def kpis(current: dict, previous: dict, lang: str) -> None:
    """Per group (all cases, trafficking cases): the count, the non-procedural share, and the unknown beside it."""
    if present.take("case_kpis", lambda: kpis(current, previous, lang), t("present.kpis", lang)):
        return
    # One row per group: three cards side by side in half the page cut their labels short.
    for indicator, by_mode_key, group in GROUPS:
        st.markdown(f"**{t(group, lang)}**")
        count, share, unknown = st.columns(3)
        with count:
            # "inverse": more cases is bad news (the overview's card, same wording and help).
            kpi.card(indicator, current[indicator], previous[indicator], lang, "inverse")
        now = mode_share(current[by_mode_key])
        delta, directed = share_delta(now, mode_share(previous[by_mode_key]), lang)
        help_text = t("modes.share_help", lang) + "\n\n" + t("cases.kpi.points.help", lang)
        if delta is None:
            help_text += "\n\n" + kpi.hidden_help(lang)
        # A higher non-procedural share is not plainly good or bad news: no colour.
        share.metric(t("cases.kpi.share", lang), kpi.fmt_share(now, lang), delta=delta, delta_color="off",
                     delta_arrow="auto" if directed else "off",
                     delta_description=None if delta is None else t("kpi.delta_description", lang),
                     help=help_text, border=True)
        unknown.metric(t("cases.kpi.unknown", lang), kpi.fmt_count(current[by_mode_key]["unknown"], lang),
                       help=t("cases.kpi.unknown.help", lang), border=True, height="stretch")


def _shown(frame: pd.DataFrame, lang: str):
    """The frame with translated headers; counts written the user's way, shares and days as text."""
    shown = frame.rename(columns={c: header(c, lang) for c in frame.columns})
    formats = {}
    for column in frame.columns:
        name = header(column, lang)
        if column in SHARE_COLUMNS:
            shown[name] = [v if isinstance(v, str) else NO_VALUE if pd.isna(v) else fmt_pct(v, lang)
                           for v in frame[column]]
        elif column in DAY_COLUMNS:
            shown[name] = [fmt_days(v, lang) for v in frame[column]]
        elif has_hidden(frame[column]):
            # Counts with hidden cells: text, since Arrow takes no column mixing numbers and text.
            shown[name] = [kpi.fmt_count(v, lang) for v in frame[column]]
        elif pd.api.types.is_integer_dtype(frame[column]):
            formats[name] = lambda v: fmt_int(v, lang)
    return shown.style.format(formats)


def _download(name: str, frame: pd.DataFrame, filters: Filters, lang: str, fig: go.Figure | None = None) -> None:
    data = frame.drop(columns=[LINK], errors="ignore")
    # A chart of case types counts cases.
    extra = ("cases",) if any(c in CASE_TYPES for c in data.columns) else ()
    downloads(name, data.rename(columns={c: header(c, lang) for c in data.columns}), data.columns, filters, lang,
              fig=fig, percent=[header(c, lang) for c in data.columns if c in SHARE_COLUMNS], definitions=extra)


def with_links(frame: pd.DataFrame, kind: str, filters: Filters, lang: str) -> pd.DataFrame:
    """The frame with a profile link beside the name; rows with no known area (code 'unknown') get none,
    nor areas outside the user's scope."""
    linked = frame.copy()
    linked.insert(1, LINK, [None if code == "unknown" else scoped_profile_url(kind, code, filters, lang)
                            for code in frame["code"]])
    return linked


def table(name: str, frame: pd.DataFrame, filters: Filters, lang: str, fig: go.Figure | None = None) -> None:
    """A table in view (with its profile links, if any) and its values as CSV and XLSX (and `fig` as PNG)."""
    config = {}
    if LINK in frame.columns:
        config[header(LINK, lang)] = st.column_config.LinkColumn(
            header(LINK, lang), display_text=t("cases.profile_link.text", lang))
        # The link carries the code; the CSV keeps it.
        config[header("code", lang)] = None
    st.dataframe(_shown(frame, lang), hide_index=True, column_config=config)
    _download(name, frame, filters, lang, fig)


def chart(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str, open_data: bool = False) -> None:
    """The chart, then the frame it draws: in a 'Data' expander, or in view (`open_data`, for linked tables)."""
    if present.take(name, fig):
        return
    st.plotly_chart(fig, key=f"chart_{name}", config=plotly_config(name, filters))
    if open_data:
        table(name, frame, filters, lang, fig)
        return
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        table(name, frame, filters, lang, fig)
