"""Plotly figures for the overview, built from the frames in pantau/ui/frames.py (no Streamlit here).

Titles, axes and legends come in the user's language; `layout.separators` makes plotly write
numbers the Indonesian way (1.234,5) or the English way (1,234.5).

Frames may hold hidden counts (pantau/disclosure.py: the marker "<5" instead of the number). A
hidden count is drawn as missing (None): no bar segment, no point, so neither a bar's length nor a
stack's height gives it back. Where it would be, a label says "<5" with a square in the colour of
each series it hides (`hidden_labels`), so the picture of a chart says what its hover would.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from pantau import disclosure
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


def numbers(column: pd.Series) -> list[int | float | None]:
    """The values to plot: a hidden count (or a missing value) becomes None, drawn as nothing."""
    shown = []
    for value in column:
        if disclosure.is_hidden(value) or value is None or pd.isna(value):
            shown.append(None)
        else:
            shown.append(value.item() if hasattr(value, "item") else value)
    return shown


def hidden(column: pd.Series) -> list[bool]:
    return [disclosure.is_hidden(value) for value in column]


def largest(frame: pd.DataFrame, columns: Sequence[str], stacked: bool = False) -> float:
    """The largest value drawn (hidden counts left out): of any column, or of the columns' stack."""
    values = pd.DataFrame({c: numbers(frame[c]) for c in columns}, dtype=float)
    top = values.sum(axis=1).max() if stacked else values.max().max()
    return 0.0 if pd.isna(top) else float(top)


def stack_ends(frame: pd.DataFrame, columns: Sequence[str]) -> list[float]:
    """Where each row's stack of visible segments ends (0 when nothing is visible)."""
    values = pd.DataFrame({c: numbers(frame[c]) for c in columns}, dtype=float)
    return values.fillna(0).sum(axis=1).tolist()


def hidden_labels(fig: go.Figure, categories: Sequence[object], series: Sequence[tuple[str, list[bool]]],
                  ends: Sequence[float], horizontal: bool, **where: int) -> None:
    """A "<5" label at the end of each category's bar (or at 0) naming, by colour, the series hidden there.

    `series` is (colour, hidden mask) per series. Nothing is added when nothing is hidden.
    """
    marker = disclosure.marker()
    at, texts = [], []
    for i, category in enumerate(categories):
        colors = [color for color, mask in series if mask[i]]
        if colors:
            squares = "".join(f"<span style='color:{color}'>■</span>" for color in colors)
            at.append((category, ends[i]))
            texts.append(f"{squares} {marker}")
    if not at:
        return
    cats = [c for c, _ in at]
    positions = [e for _, e in at]
    fig.add_scatter(
        x=positions if horizontal else cats, y=cats if horizontal else positions, text=texts, mode="text",
        textposition="middle right" if horizontal else "top center", textfont={"size": 11, "color": "#333333"},
        hoverinfo="skip", showlegend=False, cliponaxis=False, name=marker, **where,
    )


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
            x=frame["month"], y=numbers(frame[series]), name=name, marker_color=COLORS[series],
            hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
        )
    name = t("col.prevented", lang)
    fig.add_scatter(
        x=frame["month"], y=numbers(frame["prevented"]), name=name, mode="lines+markers",
        line={"color": COLORS["prevented"], "width": 2},
        hovertemplate=f"{name}: %{{y:,}}<extra></extra>",
    )
    hidden_labels(fig, list(frame["month"]),
                  [(COLORS[c], hidden(frame[c])) for c in ("procedural", "non_procedural", "prevented")],
                  stack_ends(frame, ("procedural", "non_procedural")), horizontal=False)
    # Months stay 'YYYY-MM' in the data; only the tick labels are translated.
    months = list(frame["month"])
    step = max(1, -(-len(months) // MAX_MONTH_LABELS))
    shown = months[::step]
    fig.update_xaxes(
        type="category", tickvals=shown,
        ticktext=[fmt_month(pd.Timestamp(m + "-01").date(), lang) for m in shown],
    )
    fig.update_layout(barmode="stack", hovermode="x unified")
    _whole_numbers(fig, max(largest(frame, ("procedural", "non_procedural"), stacked=True),
                            largest(frame, ("prevented",))), "y")
    return _layout(fig, t("chart.monthly.title", lang), lang, t("chart.axis.month", lang),
                   t("chart.axis.departures", lang), height=420)


def top_bars(frame: pd.DataFrame, label: str, title: str, lang: str) -> go.Figure:
    """Horizontal stacked bars by class, largest at the top."""
    fig = go.Figure()
    classes = ("procedural", "non_procedural")
    for series in classes:
        name = t(f"col.{series}", lang)
        fig.add_bar(
            y=frame[label], x=numbers(frame[series]), name=name, orientation="h", marker_color=COLORS[series],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame[label]), [(COLORS[c], hidden(frame[c])) for c in classes],
                  stack_ends(frame, classes), horizontal=True)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    _whole_numbers(fig, largest(frame, classes, stacked=True), "x")
    return _layout(fig, title, lang, t("chart.axis.departures", lang), "",
                   height=max(280, 120 + 32 * len(frame)))


def case_modes(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Cases by departure mode, unknown included as its own (grey) segment."""
    fig = go.Figure()
    modes = ("procedural", "non_procedural", "unknown")
    for mode in modes:
        name = t(f"col.{mode}", lang)
        fig.add_bar(
            y=frame["group"], x=numbers(frame[mode]), name=name, orientation="h", marker_color=COLORS[mode],
            hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>",
        )
    hidden_labels(fig, list(frame["group"]), [(COLORS[m], hidden(frame[m])) for m in modes],
                  stack_ends(frame, modes), horizontal=True)
    fig.update_layout(barmode="stack")
    fig.update_yaxes(autorange="reversed", type="category")
    _whole_numbers(fig, largest(frame, modes, stacked=True), "x")
    return _layout(fig, t("chart.modes.title", lang), lang, t("chart.axis.cases", lang), "", height=260)
