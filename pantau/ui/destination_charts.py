"""Plotly figures of the destinations page, built from pantau/ui/destination_frames.py (no Streamlit here)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from pantau.i18n import t
from pantau.ui.charts import COLORS, SMALL_COUNT, hidden, hidden_labels, largest, numbers
from pantau.ui.departure_charts import framed, month_axis

# Registrations in the placement system's blue family, departures as on the other pages, cases in
# plum and trafficking in dark red (bad news, but not to be mistaken for non-procedural).
SERIES_COLORS = {
    "registrations": "#8DB8D8",
    "labour_departures": "#4A4A4A",
    "non_procedural_departures": COLORS["non_procedural"],
    "cases": "#B07AA1",
    "trafficking_cases": "#7A1F3D",
}
# One colour per country on the trend chart (colour-blind safe).
COUNTRY_COLORS = qualitative.Safe
ROW_HEIGHT = 54
CHROME_HEIGHT = 140


def _small_counts(fig: go.Figure, largest: float, **where: int) -> None:
    if largest <= SMALL_COUNT:
        fig.update_xaxes(dtick=1, tick0=0, range=[0, max(largest, 1) * 1.05], **where)


def compare(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Per country: registrations, labour and non-procedural departures (left); cases, trafficking (right)."""
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, column_widths=[0.68, 0.32], horizontal_spacing=0.03)
    for col, series in ((1, ("registrations", "labour_departures", "non_procedural_departures")),
                        (2, ("cases", "trafficking_cases"))):
        for column in series:
            name = t(f"destinations.series.{column}", lang)
            fig.add_bar(y=frame["country"], x=numbers(frame[column]), name=name, orientation="h",
                        marker_color=SERIES_COLORS[column],
                        hovertemplate=f"%{{y}}<br>{name}: %{{x:,}}<extra></extra>", row=1, col=col)
        # Grouped bars: a country's hidden series are named at the axis of their panel.
        hidden_labels(fig, list(frame["country"]), [(SERIES_COLORS[c], hidden(frame[c])) for c in series],
                      [0] * len(frame), horizontal=True, row=1, col=col)
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(title_text=t("destinations.axis.people", lang), row=1, col=1)
    fig.update_xaxes(title_text=t("destinations.axis.cases", lang), row=1, col=2)
    _small_counts(fig, largest(frame, ["registrations", "labour_departures"]), row=1, col=1)
    _small_counts(fig, largest(frame, ["cases", "trafficking_cases"]), row=1, col=2)
    return framed(fig, t("destinations.chart.compare", lang), lang, t("destinations.axis.people", lang), "",
                   height=max(300, CHROME_HEIGHT + ROW_HEIGHT * len(frame)))


def trend(frame: pd.DataFrame, title: str, lang: str) -> go.Figure:
    """Non-procedural (top) and all labour departures (bottom) per month, one line per country."""
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.12,
                        subplot_titles=(t("destinations.trend.non_procedural", lang),
                                        t("destinations.trend.labour", lang)))
    for i, (iso3, rows) in enumerate(frame.groupby("iso3", sort=False)):
        country = rows["country"].iloc[0]
        color = COUNTRY_COLORS[i % len(COUNTRY_COLORS)]
        for row, column in ((1, "non_procedural_departures"), (2, "labour_departures")):
            fig.add_scatter(x=rows["month"], y=numbers(rows[column]), name=country, legendgroup=iso3,
                            showlegend=row == 1, mode="lines+markers", line={"color": color, "width": 2},
                            marker={"size": 5}, hovertemplate=f"{country}: %{{y:,}}<extra></extra>", row=row, col=1)
    months = list(dict.fromkeys(frame["month"]))
    # A hidden month is a gap in its country's line, labelled "<5" at the foot of its panel.
    colors = {iso3: COUNTRY_COLORS[i % len(COUNTRY_COLORS)] for i, iso3 in enumerate(dict.fromkeys(frame["iso3"]))}
    for row, column in ((1, "non_procedural_departures"), (2, "labour_departures")):
        gone = frame[hidden(frame[column])]
        series = [(color, [((gone["iso3"] == iso3) & (gone["month"] == month)).any() for month in months])
                  for iso3, color in colors.items()]
        hidden_labels(fig, months, series, [0] * len(months), horizontal=False, row=row, col=1)
    month_axis(fig, months, lang, row=1, col=1)
    month_axis(fig, months, lang, row=2, col=1)
    fig.update_yaxes(rangemode="tozero")
    if largest(frame, ["labour_departures"]) <= SMALL_COUNT:
        fig.update_yaxes(dtick=1, tick0=0)
    fig.update_layout(hovermode="x unified")
    fig = framed(fig, title, lang, "", "", height=620)
    fig.update_xaxes(title_text=t("destinations.axis.month", lang), row=2, col=1)
    # Room between the legend (one line per country) and the first panel's title.
    fig.update_layout(margin={"t": 110}, legend={"y": 1.09}, title={"yref": "container", "y": 0.985, "yanchor": "top"})
    return fig
