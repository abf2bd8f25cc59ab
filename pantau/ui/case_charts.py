"""Plotly figures of the cases page, built from the frames in pantau/ui/case_frames.py (no Streamlit here)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pantau.i18n import fmt_month, plotly_separators, t
from pantau.ui.case_frames import MODES, SOURCES, header
from pantau.ui.charts import COLORS, MAX_MONTH_LABELS, SMALL_COUNT, hidden, hidden_labels, largest, numbers, stack_ends

# One fixed colour per case type, so a type keeps its colour whatever the filters leave;
# trafficking gets the strongest red.
CASE_TYPE_COLORS = {
    "wants_to_return": "#4E79A7",
    "unpaid_wages": "#F28E2B",
    "excess_fees": "#EDC948",
    "failed_departure": "#A0CBE8",
    "job_fraud": "#B07AA1",
    "abuse": "#FF9DA7",
    "contract_breach": "#9C755F",
    "document_withholding": "#59A14F",
    "deported": "#499894",
    "illness": "#B6992D",
    "death": "#3B3B3B",
    "lost_contact": "#FFBE7D",
    "trafficking": "#B2182B",
    "other": "#D4D4D4",
}
FALLBACK_COLOR = "#7F7F7F"
# Where a case's mode came from: teal for the departure record, amber for the report, grey for nothing.
SOURCE_COLORS = {"linked": "#2A9D8F", "reported": "#E9C46A", "none": "#BDBDBD"}
# Top margin that leaves room for a legend of up to three lines between the title and the plot
# (plotly does not move the title out of the legend's way): half-width charts, and the 14 case types.
LEGEND_TOP = 110
# The legend hangs this many pixels below the top of the figure, just under the title, and grows
# downwards into the top margin; a short legend leaves the gap above the plot, not under the title.
LEGEND_OFFSET = 36
STATUS_COLORS = {"trafficking_cases": "#B2182B", "other_cases": "#7F9CB5"}


def _whole_numbers(fig: go.Figure, largest: float, axis: str) -> None:
    if largest <= SMALL_COUNT:
        fig.update_layout({f"{axis}axis": {"dtick": 1, "tick0": 0, "rangemode": "tozero"}})


def _layout(fig: go.Figure, title: str, lang: str, x_title: str, y_title: str, height: int,
            top: int = 60) -> go.Figure:
    total = height + top - 60
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "y": 1, "yref": "container", "yanchor": "top",
               "pad": {"t": 12}},
        separators=plotly_separators(lang),
        height=total,
        margin={"l": 10, "r": 10, "t": top, "b": 10},
        # Stacked bars reverse the legend by default; keep it in drawing order.
        legend={"orientation": "h", "yref": "container", "yanchor": "top", "y": 1 - LEGEND_OFFSET / total,
                "xref": "container", "xanchor": "left", "x": 0, "traceorder": "normal"},
        xaxis_title=x_title,
        yaxis_title=y_title,
        barmode="stack",
    )
    return fig


def _horizontal(fig: go.Figure, rows: int) -> int:
    """Categories top-down in frame order; the height that gives each bar room."""
    fig.update_yaxes(autorange="reversed", type="category")
    return max(260, 130 + 34 * rows)


def monthly_by_type(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars of cases per month, one segment per case type."""
    fig = go.Figure()
    types = [c for c in frame.columns if c != "month"]
    for case_type in types:
        name = header(case_type, lang)
        fig.add_bar(
            x=frame["month"], y=numbers(frame[case_type]), name=name,
            marker_color=CASE_TYPE_COLORS.get(case_type, FALLBACK_COLOR),
            hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame["month"]),
                  [(CASE_TYPE_COLORS.get(c, FALLBACK_COLOR), hidden(frame[c])) for c in types],
                  stack_ends(frame, types), horizontal=False)
    # Months stay 'YYYY-MM' in the data; only the tick labels are translated.
    months = list(frame["month"])
    step = max(1, -(-len(months) // MAX_MONTH_LABELS))
    shown = months[::step]
    fig.update_xaxes(type="category", tickvals=shown,
                     ticktext=[fmt_month(pd.Timestamp(m + "-01").date(), lang) for m in shown])
    fig.update_layout(hovermode="x unified")
    _whole_numbers(fig, largest(frame, types, stacked=True) if types else 0, "y")
    return _layout(fig, t("cases.monthly.title", lang), lang, t("cases.axis.month", lang),
                   t("cases.axis.cases", lang), height=440, top=LEGEND_TOP)


def trafficking_breakdown(frame: pd.DataFrame, dimension: str, title: str, lang: str,
                          narrow: bool = False) -> go.Figure:
    """Horizontal stacked bars of trafficking cases per category, by departure mode (`narrow`: half the page)."""
    fig = go.Figure()
    for mode in MODES:
        name = t(f"col.{mode}", lang)
        fig.add_bar(
            y=frame[dimension], x=numbers(frame[mode]), name=name, orientation="h", marker_color=COLORS[mode],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame[dimension]), [(COLORS[m], hidden(frame[m])) for m in MODES],
                  stack_ends(frame, MODES), horizontal=True)
    height = _horizontal(fig, len(frame))
    _whole_numbers(fig, largest(frame, MODES, stacked=True), "x")
    return _layout(fig, title, lang, t("cases.axis.trafficking_cases", lang), "", height=height,
                   top=LEGEND_TOP if narrow else 60)


def mode_sources(frame: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """One bar per departure mode, coloured by where the mode came from (departure, report, nothing).

    Drawn at half the page's width, two side by side.
    """
    fig = go.Figure()
    for source in SOURCES:
        name = t(f"cases.source.{source}", lang)
        fig.add_bar(
            y=frame["mode"], x=numbers(frame[source]), name=name, orientation="h",
            marker_color=SOURCE_COLORS[source], hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame["mode"]), [(SOURCE_COLORS[s], hidden(frame[s])) for s in SOURCES],
                  stack_ends(frame, SOURCES), horizontal=True)
    _horizontal(fig, len(frame))
    _whole_numbers(fig, largest(frame, SOURCES, stacked=True), "x")
    return _layout(fig, title, lang, t("cases.axis.cases", lang), "", height=280, top=LEGEND_TOP)


def statuses(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Cases per status, trafficking cases and other cases stacked."""
    fig = go.Figure()
    stacked = ("trafficking_cases", "other_cases")
    for series in stacked:
        name = header(series, lang)
        fig.add_bar(
            y=frame["status"], x=numbers(frame[series]), name=name, orientation="h",
            marker_color=STATUS_COLORS[series], hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame["status"]), [(STATUS_COLORS[s], hidden(frame[s])) for s in stacked],
                  stack_ends(frame, stacked), horizontal=True)
    _horizontal(fig, len(frame))
    _whole_numbers(fig, largest(frame, stacked, stacked=True), "x")
    return _layout(fig, t("cases.resolution.title", lang), lang, t("cases.axis.cases", lang), "", height=280)

