"""Plotly figures for the overview, built from the frames in pantau/ui/frames.py (no Streamlit here).

Titles, axes and legends come in the user's language; `layout.separators` makes plotly write
numbers the Indonesian way (1.234,5) or the English way (1,234.5).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from pantau.i18n import fmt_month, plotly_separators, t

# One colour per class on every chart, so procedural always looks the same.
COLORS = {
    "procedural": "#1F6F8B",
    "non_procedural": "#E4572E",
    "unknown": "#9E9E9E",
    "prevented": "#3D3B8E",
}
# Beyond this many months, label every n-th month only.
MAX_MONTH_LABELS = 24
# Counts up to this draw with a tick per whole number (no "1,5 departures").
SMALL_COUNT = 6


def _whole_numbers(fig: go.Figure, largest: float, axis: str) -> None:
    if largest <= SMALL_COUNT:
        fig.update_layout({f"{axis}axis": {"dtick": 1, "tick0": 0, "rangemode": "tozero"}})


def _layout(fig: go.Figure, title: str, lang: str, x_title: str, y_title: str, height: int) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        separators=plotly_separators(lang),
        height=height,
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        # Stacked bars reverse the legend by default; keep it in drawing order (procedural first).
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0, "traceorder": "normal"},
        xaxis_title=x_title,
        yaxis_title=y_title,
    )
    return fig


def monthly(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Stacked bars of procedural and non-procedural labour departures; prevented ones as a line."""
    fig = go.Figure()
    for series in ("procedural", "non_procedural"):
        name = t(f"col.{series}", lang)
        fig.add_bar(
            x=frame["month"], y=frame[series], name=name, marker_color=COLORS[series],
            hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
        )
    name = t("col.prevented", lang)
    fig.add_scatter(
        x=frame["month"], y=frame["prevented"], name=name, mode="lines+markers",
        line={"color": COLORS["prevented"], "width": 2},
        hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
    )
    # Months stay 'YYYY-MM' in the data; only the tick labels are translated.
    months = list(frame["month"])
    step = max(1, -(-len(months) // MAX_MONTH_LABELS))
    shown = months[::step]
    fig.update_xaxes(
        type="category", tickvals=shown,
        ticktext=[fmt_month(pd.Timestamp(m + "-01").date(), lang) for m in shown],
    )
    fig.update_layout(barmode="stack", hovermode="x unified")
    _whole_numbers(fig, max((frame["procedural"] + frame["non_procedural"]).max(), frame["prevented"].max()), "y")
    return _layout(fig, t("chart.monthly.title", lang), lang, t("chart.axis.month", lang),
                   t("chart.axis.departures", lang), height=420)


def top_bars(frame: pd.DataFrame, label: str, title: str, lang: str) -> go.Figure:
    """Horizontal stacked bars by class, largest at the top."""
    fig = go.Figure()
    for series in ("procedural", "non_procedural"):
        name = t(f"col.{series}", lang)
        fig.add_bar(
            y=frame[label], x=frame[series], name=name, orientation="h", marker_color=COLORS[series],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    _whole_numbers(fig, (frame["procedural"] + frame["non_procedural"]).max(), "x")
    return _layout(fig, title, lang, t("chart.axis.departures", lang), "",
                   height=max(280, 120 + 32 * len(frame)))


def case_modes(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Cases by departure mode, unknown included as its own (grey) segment."""
    fig = go.Figure()
    for mode in ("procedural", "non_procedural", "unknown"):
        name = t(f"col.{mode}", lang)
        fig.add_bar(
            y=frame["group"], x=frame[mode], name=name, orientation="h", marker_color=COLORS[mode],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    _whole_numbers(fig, frame[["procedural", "non_procedural", "unknown"]].sum(axis=1).max(), "x")
    return _layout(fig, t("chart.modes.title", lang), lang, t("chart.axis.cases", lang), "", height=260)
