"""Pictures for the briefing: the map (plotly MapLibre, rendered offline by kaleido) and the PDF's charts.

The map is the one picture in the PPTX deck (its charts are native PowerPoint charts). It is drawn
as on the regions page: `go.Choroplethmap` on the blank "white-bg" style with the boundaries of
data/reference/geo, so nothing is fetched; kaleido renders it with Debian's chromium.

The PDF's charts are drawn by matplotlib (no browser, a tenth of a second each) from the same
`Chart` values as the deck's native charts: a hidden count is a zero-height bar labelled "<5", as
in the deck.
"""

from __future__ import annotations

import io
import logging
import math
import textwrap

import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot

import matplotlib.pyplot as plt  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

from pantau import geo  # noqa: E402
from pantau.briefing.content import Chart, MapPanel, is_hidden  # noqa: E402
from pantau.exports import RENDERER  # noqa: E402
from pantau.i18n import fmt_int, plotly_separators  # noqa: E402

log = logging.getLogger(__name__)

# One colour per series on every picture and native chart (procedural looks the same everywhere;
# the first four are pantau/ui/charts.py COLORS).
SERIES_COLORS = {
    "procedural": "#1F6F8B",
    "non_procedural": "#E4572E",
    "unknown": "#9E9E9E",
    "prevented": "#3D3B8E",
    "trafficking_cases": "#A4161A",
}
DEFAULT_COLOR = "#1F6F8B"
# Areas whose count is hidden: the colour the regions page gives them (pantau/ui/maps.py HIDDEN_COLOR).
HIDDEN_COLOR = "#B8C2CE"
BORDER_COLOR = "#6E6E6E"
HIGHLIGHT_COLOR = "#111111"
MAP_COLORSCALE = "OrRd"
# The map picture: wide enough for a slide's left two thirds; the height follows the area's shape.
MAP_WIDTH = 1100
MAP_MIN_HEIGHT = 420
MAP_MAX_HEIGHT = 860
MAP_SCALE = 2  # pixels per CSS pixel: sharp on a projector
# MapLibre draws the world 512 px wide at zoom 0.
WORLD_PX = 512
MARGIN_ZOOM = 0.2
COLORBAR_PX = 70
CHART_DPI = 150


def series_color(key: str) -> str:
    return SERIES_COLORS.get(key, DEFAULT_COLOR)


# The map ---------------------------------------------------------------------------------------


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def map_size(box: tuple[float, float, float, float], width: int = MAP_WIDTH) -> tuple[int, int]:
    """Width and height in pixels for a (min lon, min lat, max lon, max lat) box, colour bar included."""
    west, south, east, north = box
    across = math.radians(max(east - west, 1e-6))
    down = _mercator_y(north) - _mercator_y(south)
    height = round(width * down / across * 1.1) + COLORBAR_PX
    return width, min(max(height, MAP_MIN_HEIGHT * width // MAP_WIDTH), MAP_MAX_HEIGHT)


def map_view(box: tuple[float, float, float, float], width: int, height: int) -> tuple[dict[str, float], float]:
    """Centre and zoom that fit the box into width x height pixels (the web-mercator arithmetic of MapLibre)."""
    west, south, east, north = box
    y_south, y_north = _mercator_y(south), _mercator_y(north)
    centre_lat = math.degrees(2 * math.atan(math.exp((y_south + y_north) / 2)) - math.pi / 2)
    zoom_lon = math.log2(width * 360 / (WORLD_PX * max(east - west, 1e-6)))
    zoom_lat = math.log2(height * 2 * math.pi / (WORLD_PX * max(y_north - y_south, 1e-6)))
    return {"lon": (west + east) / 2, "lat": centre_lat}, min(zoom_lon, zoom_lat) - MARGIN_ZOOM


def _geojson(panel: MapPanel) -> dict:
    return geo.regencies(panel.province) if panel.province else geo.provinces()


def map_figure(panel: MapPanel, lang: str, hidden_label: str, width: int = MAP_WIDTH) -> go.Figure:
    """The choropleth: counts on a colour scale, hidden counts in a colour of their own, the regency outlined.

    `width` is the picture's (or, on the page, about the preview's) width in pixels, to frame the area.
    """
    geojson = _geojson(panel)
    rows = list(zip(panel.codes, panel.names, panel.values, strict=True))
    known = [(c, n, v) for c, n, v in rows if not is_hidden(v)]
    hidden = [(c, n) for c, n, v in rows if is_hidden(v)]
    fig = go.Figure()
    if hidden:
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, locations=[c for c, _ in hidden], z=[0] * len(hidden), text=[n for _, n in hidden],
            colorscale=[[0, HIDDEN_COLOR], [1, HIDDEN_COLOR]], showscale=False, name=hidden_label,
            marker={"line": {"color": BORDER_COLOR, "width": 0.6}},
        ))
    largest = max((v for _, _, v in known), default=0)
    fig.add_trace(go.Choroplethmap(
        geojson=geojson, locations=[c for c, _, _ in known], z=[v for _, _, v in known],
        text=[n for _, n, _ in known], colorscale=MAP_COLORSCALE, zmin=0, zmax=max(largest, 1),
        marker={"line": {"color": BORDER_COLOR, "width": 0.6}, "opacity": 0.95},
        colorbar={"orientation": "h", "x": 0.5, "xanchor": "center", "y": 0, "yanchor": "top", "thickness": 14,
                  "len": 0.6, "tickformat": ",d", **({"dtick": 1} if largest <= 6 else {})},
    ))
    if panel.highlight:
        # An outline only: a transparent fill over the regency, drawn last so its border is on top.
        fig.add_trace(go.Choroplethmap(
            geojson=geojson, locations=[panel.highlight], z=[0], showscale=False,
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
            marker={"line": {"color": HIGHLIGHT_COLOR, "width": 3.5}},
        ))
    if hidden:
        fig.add_annotation(text=f"<span style='color:{HIDDEN_COLOR}'>■</span> {hidden_label}", xref="paper",
                           yref="paper", x=0.01, y=0.99, xanchor="left", yanchor="top", showarrow=False,
                           bgcolor="rgba(255,255,255,0.85)", font={"size": 22, "color": "#333333"})
    width, height = map_size(geo.bounds(geojson), width)
    centre, zoom = map_view(geo.bounds(geojson), width, height - COLORBAR_PX)
    fig.update_layout(
        width=width, height=height, separators=plotly_separators(lang), showlegend=False,
        margin={"l": 0, "r": 0, "t": 0, "b": COLORBAR_PX},
        map={"style": "white-bg", "center": centre, "zoom": zoom},
        font={"size": 15},
    )
    return fig


def map_png(panel: MapPanel, lang: str, hidden_label: str) -> bytes | None:
    """The map as PNG, or None when it cannot be rendered (no chromium): the slide then keeps its table."""
    fig = map_figure(panel, lang, hidden_label)
    try:
        # The shared renderer keeps MathJax off: plotly.io's default kaleido call fetches it from a CDN.
        return RENDERER.png(fig.to_dict(), fig.layout.width, fig.layout.height, MAP_SCALE)
    except Exception:  # kaleido raises several kinds (no browser, timeout); the briefing goes on without it
        log.exception("rendering the briefing map failed")
        return None


# Charts for the PDF -----------------------------------------------------------------------------


def _plotted(values: tuple) -> list[int]:
    return [0 if is_hidden(v) else int(v) for v in values]


def chart_png(chart: Chart, lang: str, width_mm: float, height_mm: float) -> bytes:
    """A bar chart drawn like the deck's native one: same categories, series, colours and "<5" labels."""
    fig, ax = plt.subplots(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=CHART_DPI)
    try:
        _draw(ax, chart, lang)
        # Over the whole picture (not only the axes, which the category names narrow), wrapped to its
        # width: about 2.3 mm a character at this size.
        fig.suptitle(textwrap.fill(chart.title, max(int(width_mm / 2.3), 20)), x=0.01, ha="left", fontsize=11,
                     fontweight="bold")
        if len(chart.series) > 1:
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08 if chart.horizontal else -0.16),
                      ncol=len(chart.series), frameon=False, fontsize=8)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=CHART_DPI)
        return out.getvalue()
    finally:
        plt.close(fig)


def _draw(ax, chart: Chart, lang: str) -> None:
    positions = list(range(len(chart.categories)))
    count = len(chart.series)
    thickness = 0.7 if chart.stacked or count == 1 else 0.8 / count
    base = [0] * len(positions)
    largest = max((sum(col) if chart.stacked else max(col) for col in
                   zip(*(_plotted(s.values) for s in chart.series), strict=True)), default=0)
    for i, series in enumerate(chart.series):
        values = _plotted(series.values)
        offset = 0 if chart.stacked or count == 1 else (i - (count - 1) / 2) * thickness
        where = [p + offset for p in positions]
        bar = ax.barh if chart.horizontal else ax.bar
        kwargs = {"left" if chart.horizontal else "bottom": base} if chart.stacked else {}
        bar(where, values, thickness, color=series_color(series.key), label=series.name, **kwargs)
        for at, start, value, raw in zip(where, base, values, series.values, strict=True):
            _label(ax, chart, lang, at, start, value, raw, largest)
        if chart.stacked:
            base = [b + v for b, v in zip(base, values, strict=True)]
    axis_format = FuncFormatter(lambda v, _: fmt_int(v, lang) if float(v).is_integer() else "")
    if chart.horizontal:
        ax.set_yticks(positions, chart.categories, fontsize=8)
        ax.invert_yaxis()  # the first (largest) category on top, as in the deck
        ax.xaxis.set_major_formatter(axis_format)
        ax.tick_params(axis="x", labelsize=8)
    else:
        ax.set_xticks(positions, chart.categories, fontsize=8, rotation=45 if len(positions) > 6 else 0,
                      ha="right" if len(positions) > 6 else "center")
        ax.yaxis.set_major_formatter(axis_format)
        ax.tick_params(axis="y", labelsize=8)
    if largest <= 6:
        (ax.set_xlim if chart.horizontal else ax.set_ylim)(0, max(largest, 1) * 1.15 + 0.5)
        (ax.xaxis if chart.horizontal else ax.yaxis).get_major_locator().set_params(integer=True)


def _label(ax, chart: Chart, lang: str, at: float, start: int, value: int, raw: object, largest: int) -> None:
    """A hidden count says "<5" at its bar's base; a shown one its value where the deck shows it."""
    if is_hidden(raw):
        text, where = str(raw), start
    elif chart.value_labels and value > 0 and (not chart.stacked or value >= largest * 0.06):
        text, where = fmt_int(value, lang), start + (value / 2 if chart.stacked else value)
    else:
        return
    stacked_inside = chart.stacked and not is_hidden(raw)
    style = {"fontsize": 7, "color": "white" if stacked_inside else "#222222"}
    if chart.horizontal:
        ax.text(where, at, f" {text}" if not stacked_inside else text, va="center",
                ha="center" if stacked_inside else "left", **style)
    else:
        ax.text(at, where, text, ha="center", va="center" if stacked_inside else "bottom", **style)
