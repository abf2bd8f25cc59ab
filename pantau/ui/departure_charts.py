"""Plotly figures of the departures page, built from pantau/ui/departure_frames.py (no Streamlit here).

Colours and layout follow the overview's charts (pantau/ui/charts.py): procedural always blue,
non-procedural always orange-red, prevented departures always indigo.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pantau.i18n import fmt_month, fmt_pct, t
from pantau.ui.charts import (
    COLORS,
    MAX_MONTH_LABELS,
    SMALL_COUNT,
    _layout,
    _whole_numbers,
    hidden,
    hidden_labels,
    largest,
    numbers,
    stack_ends,
)

# Bars per chart row, and what a chart needs around them (title, legend, axis).
ROW_HEIGHT = 30
CHROME_HEIGHT = 130
MIN_HEIGHT = 220
# With a handful of rows the bars would be as thick as the chart is tall: leave more air.
FEW_ROWS = 3
CLASSES = (("procedural_departures", "procedural"), ("non_procedural_departures", "non_procedural"))


def bars_height(rows: int) -> int:
    return max(MIN_HEIGHT, CHROME_HEIGHT + ROW_HEIGHT * rows)


def bar_gap(rows: int) -> float:
    return 0.45 if rows <= FEW_ROWS else 0.2


def framed(fig: go.Figure, title: str, lang: str, x_title: str, y_title: str, height: int) -> go.Figure:
    """The overview's layout (pantau/ui/charts.py): title top left, legend in one line under it."""
    return _layout(fig, title, lang, x_title, y_title, height)


def month_axis(fig: go.Figure, months: list[str], lang: str, max_labels: int = MAX_MONTH_LABELS, **where: int) -> None:
    """Months stay 'YYYY-MM' in the data; the tick labels are translated, thinned beyond max_labels."""
    step = max(1, -(-len(months) // max_labels))
    shown = months[::step]
    fig.update_xaxes(type="category", tickvals=shown,
                     ticktext=[fmt_month(pd.Timestamp(m + "-01").date(), lang) for m in shown], **where)


def monthly_comparison(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Procedural and non-procedural per month as solid lines, the same months a year earlier dashed."""
    fig = go.Figure()
    lines = ("procedural", "non_procedural", "previous_procedural", "previous_non_procedural")
    for series in lines:
        name = t(f"departures.series.{series}", lang)
        previous = series.startswith("previous_")
        color = COLORS[series.removeprefix("previous_")]
        fig.add_scatter(
            x=frame["month"], y=numbers(frame[series]), name=name, mode="lines+markers",
            line={"color": color, "width": 1.5 if previous else 2.5, "dash": "dash" if previous else "solid"},
            marker={"size": 5 if previous else 7},
            hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
        )
    # A hidden month is a gap in its line, labelled "<5" at the foot of the chart.
    hidden_labels(fig, list(frame["month"]), [(COLORS[s.removeprefix("previous_")], hidden(frame[s])) for s in lines],
                  [0] * len(frame), horizontal=False)
    month_axis(fig, list(frame["month"]), lang)
    fig.update_layout(hovermode="x unified")
    fig.update_yaxes(rangemode="tozero")
    _whole_numbers(fig, largest(frame, lines), "y")
    return framed(fig, t("departures.chart.monthly", lang), lang, t("departures.axis.month", lang),
                   t("departures.axis.departures", lang), height=440)


def monthly_share(frame: pd.DataFrame, lang: str) -> go.Figure:
    """The non-procedural share per month, this period solid and a year earlier dashed."""
    fig = go.Figure()
    for series, column, dash in (("share", "non_procedural_share", "solid"),
                                 ("previous_share", "previous_non_procedural_share", "dash")):
        name = t(f"departures.series.{series}", lang)
        fig.add_scatter(
            x=frame["month"], y=numbers(frame[column]), name=name, mode="lines+markers",
            line={"color": COLORS["non_procedural"], "dash": dash, "width": 2.5 if dash == "solid" else 1.5},
            hovertemplate=f"{name}: %{{y:.1%}}<extra></extra>",
        )
    hidden_labels(fig, list(frame["month"]),
                  [(COLORS["non_procedural"], hidden(frame[c]))
                   for c in ("non_procedural_share", "previous_non_procedural_share")],
                  [0] * len(frame), horizontal=False)
    month_axis(fig, list(frame["month"]), lang)
    fig.update_layout(hovermode="x unified")
    fig.update_yaxes(range=[0, 1.05], tickformat=".0%", tickvals=[0, 0.25, 0.5, 0.75, 1])
    return framed(fig, t("departures.chart.share", lang), lang, t("departures.axis.month", lang),
                  t("departures.axis.share", lang), height=340)


def share_texts(frame: pd.DataFrame, lang: str) -> list[str]:
    """The non-procedural share of each row as hover text: '12,5%', '–' with nothing to divide, or the marker."""
    return [v if isinstance(v, str) else "–" if v is None or pd.isna(v) else fmt_pct(float(v), lang)
            for v in frame["non_procedural_share"]]


def _class_traces(fig: go.Figure, frame: pd.DataFrame, label: str, lang: str, non_procedural_first: bool = False,
                  **where: int) -> None:
    share_label = t("departures.hover.share", lang)
    shares = share_texts(frame, lang)
    order = CLASSES[::-1] if non_procedural_first else CLASSES
    for column, series in order:
        name = t(f"departures.series.{series}", lang)
        fig.add_bar(
            y=frame[label], x=numbers(frame[column]), name=name, orientation="h", marker_color=COLORS[series],
            customdata=shares, legendgroup=series,
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<br>{share_label}: %{{customdata}}<extra></extra>",
            **where,
        )
    hidden_labels(fig, list(frame[label]), [(COLORS[series], hidden(frame[column])) for column, series in order],
                  stack_ends(frame, [column for column, _ in order]), horizontal=True, **where)


def class_bars(frame: pd.DataFrame, label: str, title: str, lang: str, non_procedural_first: bool = False) -> go.Figure:
    """Horizontal bars of labour departures stacked by class, in the frame's order from the top.

    non_procedural_first puts the non-procedural segment against the axis, for rankings by it.
    """
    fig = go.Figure()
    _class_traces(fig, frame, label, lang, non_procedural_first)
    fig.update_layout(barmode="stack", bargap=bar_gap(len(frame)))
    fig.update_yaxes(autorange="reversed", type="category")
    _whole_numbers(fig, largest(frame, [column for column, _ in CLASSES], stacked=True), "x")
    return framed(fig, title, lang, t("departures.axis.departures", lang), "", height=bars_height(len(frame)))


def checkpoint_panels(frame: pd.DataFrame, label: str, title: str, lang: str) -> go.Figure:
    """Non-procedural, procedural and prevented departures side by side, each panel on its own scale.

    One scale would let a big airport's procedural departures flatten every other bar, when the
    non-procedural and prevented ones are what this chart is about.
    """
    panels = (("non_procedural_departures", "non_procedural"), ("procedural_departures", "procedural"),
              ("prevented_departures", "prevented"))
    fig = make_subplots(rows=1, cols=len(panels), shared_yaxes=True, horizontal_spacing=0.04,
                        subplot_titles=[t(f"departures.series.{series}", lang) for _, series in panels])
    share_label = t("departures.hover.share", lang)
    shares = share_texts(frame, lang)
    for col, (column, series) in enumerate(panels, start=1):
        name = t(f"departures.series.{series}", lang)
        fig.add_bar(y=frame[label], x=numbers(frame[column]), name=name, orientation="h", marker_color=COLORS[series],
                    customdata=shares, showlegend=False,
                    hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<br>{share_label}: %{{customdata}}<extra></extra>",
                    row=1, col=col)
        hidden_labels(fig, list(frame[label]), [(COLORS[series], hidden(frame[column]))], [0] * len(frame),
                      horizontal=True, row=1, col=col)
        top = largest(frame, [column])
        if top <= SMALL_COUNT:
            # Never "0,5 departures"; and a panel of zeros still starts at 0.
            fig.update_xaxes(dtick=1, tick0=0, range=[0, max(top, 1) * 1.05], row=1, col=col)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_layout(bargap=bar_gap(len(frame)))
    fig = framed(fig, title, lang, "", "", height=bars_height(len(frame)))
    # The panel titles sit where the legend would.
    fig.update_annotations(font={"size": 13}, yshift=4)
    return fig
