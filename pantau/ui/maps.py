"""Choropleth maps of provinces and regencies: MapLibre on a blank style, so nothing is fetched.

`go.Choroplethmap` with `map.style = "white-bg"` draws the GeoJSON from data/reference/geo and needs
no tiles; the geo-based `go.Choropleth` would fetch a world topojson from a CDN (STACK_NOTES "Maps
offline"). Feature ids are Kemendagri codes (pantau/geo.py), and every trace carries the code as
customdata, so a click tells which area it hit.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import disclosure
from pantau.filters import Filters
from pantau.geo import bounds
from pantau.i18n import plotly_separators, t
from pantau.ui import panels, present
from pantau.ui.area_tables import CHANGE_COLUMNS, SHARE_COLUMNS, header, localised
from pantau.ui.frames import readable

# Indicators a map can show, the first being the default (the page's URL parameter `indicator`).
INDICATORS = (
    "non_procedural_departures",
    "non_procedural_share",
    "prevented_departures",
    "trafficking_cases",
    "registrations",
)
DEFAULT_INDICATOR = INDICATORS[0]
SHARES = frozenset({"non_procedural_share"})
# Bad news in warm colours, neutral counts in cool ones.
COLORSCALES = {
    "non_procedural_departures": "OrRd",
    "non_procedural_share": "OrRd",
    "prevented_departures": "Purples",
    "trafficking_cases": "Reds",
    "registrations": "Blues",
}
NO_VALUE_COLOR = "#DDDDDD"
# Areas whose count is hidden (small-cell suppression): a grey-blue of their own, named in a note on the map.
HIDDEN_COLOR = "#B8C2CE"
BORDER_COLOR = "#6E6E6E"
# The map's size in pixels, to frame its area; the width is what a map gets beside the ranking in
# a wide layout on a laptop screen (a wider screen only adds margin around the area). The height
# follows the area's shape within these bounds: Indonesia is wide and short, a province is not.
ASSUMED_WIDTH = 560
HALF_WIDTH = 440  # a map in one of two equal columns
MIN_MAP_HEIGHT = 260
MAX_MAP_HEIGHT = 480
HEIGHT = 420  # a typical figure height, for what sits beside a map
# MapLibre draws the world 512 px wide at zoom 0.
WORLD_PX = 512
MARGIN_ZOOM = 0.15
# Up to this count the colour bar ticks every whole number (no "1,5 cases").
SMALL_COUNT = 6
# Room for the title above and the colour bar below.
MARGIN = {"l": 0, "r": 0, "t": 40, "b": 44}


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def view(box: tuple[float, float, float, float], width: int = ASSUMED_WIDTH,
         height: int = MAX_MAP_HEIGHT) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit a (min lon, min lat, max lon, max lat) box into width x height pixels."""
    west, south, east, north = box
    y_south, y_north = _mercator_y(south), _mercator_y(north)
    centre_lat = math.degrees(2 * math.atan(math.exp((y_south + y_north) / 2)) - math.pi / 2)
    zoom_lon = math.log2(width * 360 / (WORLD_PX * max(east - west, 1e-6)))
    zoom_lat = math.log2(height * 2 * math.pi / (WORLD_PX * max(y_north - y_south, 1e-6)))
    return {"lon": (west + east) / 2, "lat": centre_lat}, min(zoom_lon, zoom_lat) - MARGIN_ZOOM


def map_height(box: tuple[float, float, float, float], width: int = ASSUMED_WIDTH) -> int:
    """Pixels of map (without title and colour bar) that show the box at `width` with a little air."""
    west, south, east, north = box
    across = math.radians(max(east - west, 1e-6))
    down = _mercator_y(north) - _mercator_y(south)
    return round(min(max(width * down / across * 1.15, MIN_MAP_HEIGHT), MAX_MAP_HEIGHT))


def _hover(indicator: str, label: str) -> str:
    value = "%{z:.1%}" if indicator in SHARES else "%{z:,}"
    return f"<b>%{{text}}</b><br>{label}: {value}<extra></extra>"


def choropleth(frame: pd.DataFrame, geojson: dict, indicator: str, title: str, lang: str,
               width: int = ASSUMED_WIDTH) -> go.Figure:
    """Areas coloured by frame[indicator]; frame has `code`, `name` and the indicator's column.

    `width` is about how many pixels the map gets on the page (see ASSUMED_WIDTH).

    Areas where the indicator has no value (a share without any labour departure) are drawn grey
    in a trace of their own, so the map has no holes and still answers clicks there. Areas whose
    value is hidden (the marker, pantau/disclosure.py) get a trace and a colour of their own too: no
    shade of the colour scale, so the colour gives nothing back, and "<5" in the hover and a note.
    """
    label = t(f"regions.indicator.{indicator}", lang)
    is_hidden = frame[indicator].map(disclosure.is_hidden).astype(bool)
    known = frame[~is_hidden & frame[indicator].notna()]
    missing = frame[~is_hidden & frame[indicator].isna()]
    hidden = frame[is_hidden]
    fig = go.Figure()
    if not missing.empty:
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, locations=list(missing["code"]), z=[0] * len(missing),
            text=list(missing["name"]), customdata=list(missing["code"]), name=t("regions.map.no_labour", lang),
            colorscale=[[0, NO_VALUE_COLOR], [1, NO_VALUE_COLOR]], showscale=False,
            marker={"line": {"color": BORDER_COLOR, "width": 0.6}},
            hovertemplate=f"<b>%{{text}}</b><br>{label}: {t('regions.map.no_labour', lang)}<extra></extra>",
        ))
    hidden_text = t("disclosure.map_hidden", lang, marker=disclosure.marker())
    if not hidden.empty:
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, locations=list(hidden["code"]), z=[0] * len(hidden),
            text=list(hidden["name"]), customdata=list(hidden["code"]), name=hidden_text,
            colorscale=[[0, HIDDEN_COLOR], [1, HIDDEN_COLOR]], showscale=False,
            marker={"line": {"color": BORDER_COLOR, "width": 0.6}},
            hovertemplate=f"<b>%{{text}}</b><br>{label}: {hidden_text}<extra></extra>",
        ))
    values = known[indicator].astype(float)
    largest = float(values.max()) if len(values) else 0.0
    share = indicator in SHARES
    fig.add_trace(go.Choroplethmap(
        geojson=geojson, locations=list(known["code"]), z=list(values), text=list(known["name"]),
        customdata=list(known["code"]), name=label, colorscale=COLORSCALES[indicator],
        zmin=0, zmax=(1 if share else max(largest, 1)),
        marker={"line": {"color": BORDER_COLOR, "width": 0.6}, "opacity": 0.9},
        # Below the map: Indonesia is wide and short, so the width goes to the map.
        colorbar={"orientation": "h", "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top",
                  "thickness": 12, "len": 0.6, "tickformat": ".0%" if share else ",d",
                  **({} if share or largest > SMALL_COUNT else {"dtick": 1, "tick0": 0})},
        hovertemplate=_hover(indicator, label),
    ))
    box = bounds(geojson)
    height = map_height(box, width)
    centre, zoom = view(box, width, height)
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        separators=plotly_separators(lang),
        height=height + MARGIN["t"] + MARGIN["b"],
        margin=MARGIN,
        map={"style": "white-bg", "center": centre, "zoom": zoom},
        showlegend=False,
        # Upright at the right edge, the tool buttons stay clear of a long title.
        modebar={"orientation": "v"},
    )
    # A click chooses an area; it should not fade the others out.
    fig.update_traces(selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 0.9}})
    if not hidden.empty:
        # Said on the map itself, so a picture of it says it too.
        fig.add_annotation(text=f"<span style='color:{HIDDEN_COLOR}'>■</span> {hidden_text}", xref="paper",
                           yref="paper", x=0.01, y=0.99, xanchor="left", yanchor="top", showarrow=False,
                           bgcolor="rgba(255,255,255,0.8)", font={"size": 12, "color": "#333333"})
    return fig


def clicked_code(points: list[dict]) -> str | None:
    """The area code of the first clicked point (customdata, else its location)."""
    for point in points:
        code = point.get("customdata", point.get("location"))
        if isinstance(code, list):
            code = code[0] if code else None
        if code:
            return str(code)
    return None


def key(name: str) -> str:
    """The widget key of map `name` (its selection state lives in st.session_state under it)."""
    return f"map_{name}"


def panel(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str, hint: str,
          on_select: str | Callable[[], None] = "rerun", detail: bool = False) -> object:
    """Draw a clickable map with the table it shows and its downloads (like panels.chart).

    Returns the chart's selection state (with on_select="rerun"); none in presentation mode.
    `detail`: a map of regencies (panels.downloads).
    """
    if present.take(name, fig):
        return None
    event = st.plotly_chart(
        fig, key=key(name), on_select=on_select, selection_mode="points",
        config={**panels.plotly_config(name, filters, detail), "scrollZoom": False},
    )
    st.caption(f"{hint} {t('regions.map.source', lang)}")
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        st.dataframe(localised(readable(frame, lang), lang), hide_index=True)
        panels.downloads(name, localised(frame, lang), frame.columns, filters, lang, fig=fig,
                         percent=[header(c, lang) for c in frame.columns if c in SHARE_COLUMNS | CHANGE_COLUMNS],
                         detail=detail)
    return event
