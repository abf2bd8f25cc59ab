"""Presentation mode (`?mode=present`): the current page full width, large type, one slide per screen.

A slide is one chart, or one row of KPI cards, in the order the page draws them. The page script runs
as usual, but inside a hidden container: every chart or KPI function first offers itself here
(`if present.take(...): return`), and in presentation mode it is kept as a slide instead of drawn.
Once the page has run, the number of slides is known and only the chosen one is drawn, on the stage
above the hidden page, with fonts readable from the back of a room.

The mode lives in st.session_state (seeded from the URL on the first run) because Streamlit clears
the query string when the user changes page; the slide number lives in the URL (`slide=3`), so a link
opens the same slide and a page change starts at the first one.
"""

from __future__ import annotations

import datetime as dt
import math
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import plotly.graph_objects as go
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from pantau import reference
from pantau.filters import SLIDE, Filters, Notice
from pantau.i18n import date_input_format, fmt_date, t
from pantau.ui import banners, url
from pantau.ui.sidebar import EARLIEST, K_END, K_START

K_MODE = "_present_mode"
K_NOTICES = "_present_notices"
K_NOTICES_PAGE = "_present_notices_page"
# The slide shown and the page's slide count at the end of the last run: what the buttons step from.
K_SHOWN = "_present_shown"
K_COUNT = "_present_count"
K_START_DATE = "_w_present_start"
K_END_DATE = "_w_present_end"
# Container keys; Streamlit gives each container the CSS class st-key-<key>.
TOP = "present_top"
STAGE = "present_stage"
BACKSTAGE = "present_backstage"
SPARE_KEYS = "present_spare_keys"
COUNTER = "present_counter"
# Pages that apply the sidebar's checkpoint filters (the others drop them: Filters.without_checkpoints).
CHECKPOINT_PAGES = frozenset({"departures"})

# Plotly's defaults are 12 px for text and 17 px for titles; from the back of a room, about 1.7 times that.
FONT = 20
AXIS_TITLE_FONT = 22
TITLE_FONT = 30
SCALE = 1.7
# One chart per 1920 x 1080 screen, under the presenter's bar.
CHART_HEIGHT = 760
# The width a chart gets at 1920 px, and the width maps.choropleth frames its area for.
STAGE_WIDTH = 1800
MAP_FRAMED_WIDTH = 560

STYLE = """
<style>
/* The sidebar and its toggle go away; the page takes the whole width, under the bar with the page list. */
[data-testid="stSidebar"], [data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] {
  display: none !important;
}
[data-testid="stMainBlockContainer"] { max-width: 100% !important; padding: 4.5rem 2.5rem 1rem 2.5rem !important; }
/* The demo-data banner and notices: the room must see them too. */
[data-testid="stAlertContainer"] [data-testid="stMarkdownContainer"] p { font-size: 1.5rem; }
/* The page still runs (its widgets keep their state) but only the stage is seen. */
.st-key-present_backstage, .st-key-present_spare_keys { display: none !important; }
/* The presenter's bar: page, period, slide counter. */
.st-key-present_top [data-testid="stMarkdownContainer"] p { font-size: 1.6rem; line-height: 1.3; margin: 0; }
.st-key-present_top [data-testid="stMarkdownContainer"] p strong { font-size: 2.6rem; }
.st-key-present_top input { font-size: 1.4rem !important; }
.st-key-present_top button p { font-size: 1.4rem !important; }
.st-key-present_counter [data-testid="stMarkdownContainer"] p {
  font-size: 2.4rem; font-weight: 700; white-space: nowrap;
}
/* Slides: KPI cards, headings and notes at about 1.7 times their usual size. */
.st-key-present_stage { margin-top: 1rem; }
.st-key-present_stage h2 { font-size: 3rem; }
.st-key-present_stage [data-testid="stMarkdownContainer"] p { font-size: 1.8rem; }
.st-key-present_stage [data-testid="stMetricValue"],
.st-key-present_stage [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p {
  font-size: 4.5rem; line-height: 1.2;
}
.st-key-present_stage [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { font-size: 1.8rem; }
.st-key-present_stage [data-testid="stMetricDelta"],
.st-key-present_stage [data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p { font-size: 1.6rem; }
.st-key-present_stage [data-testid="stMetricDelta"] svg { width: 1.6rem; height: 1.6rem; }
.st-key-present_stage [data-testid="stMetricDeltaDescription"],
.st-key-present_stage [data-testid="stMetricDeltaDescription"] p { font-size: 1.4rem; }
</style>
"""


@dataclass(frozen=True)
class Slide:
    name: str
    figure: go.Figure | None = None
    draw: Callable[[], None] | None = None
    title: str | None = None


@dataclass
class Deck:
    """The slides of one page run, in drawing order."""

    slides: list[Slide] = field(default_factory=list)
    # While a slide draws itself, its own `take` must let it through.
    drawing: bool = False


# One script run per thread; the deck of the run in progress, if it presents.
_run = threading.local()


def _deck() -> Deck | None:
    return getattr(_run, "deck", None)


def take(name: str, slide: go.Figure | Callable[[], None], title: str | None = None) -> bool:
    """The hook at the top of every chart or KPI function: True means 'kept as a slide, draw nothing here'.

    `slide` is the finished figure, or (for KPI rows and 'no data' notes) a callable that draws the
    block again; `title` heads a block slide (a figure carries its own).
    """
    deck = _deck()
    if deck is None or deck.drawing:
        return False
    if isinstance(slide, go.Figure):
        deck.slides.append(Slide(name, figure=slide))
    else:
        deck.slides.append(Slide(name, draw=slide, title=title))
    return True


def is_on() -> bool:
    return bool(st.session_state.get(K_MODE))


def seed() -> None:
    """On the first run of a session the URL's `mode` chooses; a bad value is kept as a notice."""
    if K_MODE not in st.session_state:
        on, notices = url.read_mode()
        st.session_state[K_MODE] = on
        st.session_state[K_NOTICES] = notices
        st.session_state[K_NOTICES_PAGE] = None


def _clear_notices() -> None:
    st.session_state[K_NOTICES] = []


def _enter() -> None:
    st.session_state[K_MODE] = True
    url.request_slide(1)
    _clear_notices()


def _exit() -> None:
    st.session_state[K_MODE] = False
    _clear_notices()


def _step(by: int) -> None:
    """Next or previous slide, never past either end."""
    count = st.session_state.get(K_COUNT, 1)
    target = min(max(1, st.session_state.get(K_SHOWN, 1) + by), max(count, 1))
    url.request_slide(target)
    _clear_notices()


def _copy_date(source: str, target: str) -> None:
    """The bar's period control sets the sidebar's own widgets, so the filters and the URL follow as usual."""
    st.session_state[target] = st.session_state[source]
    _clear_notices()


def start_button(lang: str) -> None:
    """In the sidebar, outside presentation mode: the way in."""
    if not is_on():
        st.sidebar.button(t("present.start", lang), key="present_enter", icon=":material/slideshow:",
                          help=t("present.start.help", lang), on_click=_enter, width="stretch")


def sidebar_state() -> str:
    return "collapsed" if is_on() else "auto"


def navigation_position() -> str:
    """The page list moves from the (hidden) sidebar to the top bar, so the presenter can still change page."""
    return "top" if is_on() else "sidebar"


def enlarge(fig: go.Figure, height: int = CHART_HEIGHT) -> go.Figure:
    """A copy of `fig` for the big screen: taller, larger type, room for the larger title and legend."""
    big = go.Figure(fig)
    old_height = big.layout.height or 450
    old_margin = big.layout.margin
    top = round((old_margin.t if old_margin.t is not None else 80) * SCALE)
    bottom = round((old_margin.b if old_margin.b is not None else 40) * SCALE)
    big.update_layout(
        height=height, margin={"t": top, "b": bottom},
        font={"size": FONT}, title={"font": {"size": TITLE_FONT}}, legend={"font": {"size": FONT}},
        hoverlabel={"font": {"size": FONT}},
    )
    big.update_annotations(font={"size": FONT})
    big.update_xaxes(title_font_size=AXIS_TITLE_FONT, tickfont_size=FONT)
    big.update_yaxes(title_font_size=AXIS_TITLE_FONT, tickfont_size=FONT)
    big.update_traces(colorbar={"tickfont": {"size": FONT}, "thickness": 20}, selector={"type": "choroplethmap"})
    for trace in big.select_traces(selector={"type": "scatter"}):
        # Thin lines and small dots vanish on a projector.
        trace.line.width = (trace.line.width or 2) * SCALE
        trace.marker.size = (trace.marker.size or 6) * SCALE
    for trace in big.data:
        # Labels with a size of their own (the "<5" of a hidden count) do not follow layout.font.
        textfont = getattr(trace, "textfont", None)
        if textfont is not None and isinstance(textfont.size, int | float):
            textfont.size = max(textfont.size * SCALE, FONT)
    zoom = big.layout.map.zoom
    if zoom is not None:
        # maps.choropleth framed the area for a narrow map; keep the framing on the bigger one.
        old_plot = old_height - (old_margin.t or 0) - (old_margin.b or 0)
        new_plot = height - top - bottom
        big.update_layout(map={"zoom": zoom + math.log2(min(new_plot / max(old_plot, 1),
                                                            STAGE_WIDTH / MAP_FRAMED_WIDTH))})
    return big


def scope_line(filters: Filters, page: str, lang: str) -> str:
    """The period, and every filter that narrows what the slides count (the sidebar is out of sight)."""
    parts = [t("present.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang))]
    provinces, regencies = reference.province_names(), reference.regency_names()
    countries = reference.country_names(lang)
    parts += [provinces.get(code, code) for code in filters.provinces]
    parts += [regencies.get(code, code) for code in filters.regencies]
    parts += [countries.get(code, code) for code in filters.destinations]
    parts += [t(f"gender.{code}", lang) for code in filters.genders]
    if page in CHECKPOINT_PAGES:
        checkpoints = reference.checkpoint_names()
        parts += [t(f"departures.kind.{kind}", lang) for kind in filters.checkpoint_kinds]
        parts += [checkpoints.get(code, code) for code in filters.checkpoints]
    return " · ".join(parts)


def _notice_text(notice: Notice, count: int, lang: str) -> str:
    if notice.reason == "bad_slide":
        return t("present.notice.bad_slide", lang, param=banners.code_span(notice.param),
                 value=banners.code_span(notice.value))
    if notice.reason == "no_such_slide":
        return t("present.notice.no_such_slide", lang, value=banners.code_span(notice.value), count=count)
    return banners.notice_text(notice, lang)


def _show_notices(count: int, lang: str) -> None:
    for notice in st.session_state.get(K_NOTICES, []):
        st.warning(_notice_text(notice, count, lang), icon=":material/link_off:")


def _keep_notices(page: str, new: list[Notice]) -> None:
    """What the URL got wrong stays on screen until the user changes page or uses a presentation control."""
    if st.session_state.get(K_NOTICES_PAGE) not in (None, page):
        _clear_notices()
    st.session_state[K_NOTICES_PAGE] = page
    kept = st.session_state.get(K_NOTICES, [])
    st.session_state[K_NOTICES] = kept + [n for n in new if n not in kept]


def _period_control(filters: Filters, last_day: dt.date | None, lang: str) -> None:
    """Start and end dates bound to the sidebar's own date widgets (and so to the filters and the URL)."""
    high = max(d for d in (dt.date.today(), last_day, filters.end) if d)
    low = min(EARLIEST, filters.start)
    for key, target, value, label in ((K_START_DATE, K_START, filters.start, "filter.start"),
                                      (K_END_DATE, K_END, filters.end, "filter.end")):
        st.session_state[key] = value
        # The period line beside it says what the dates are; their labels stay for screen readers.
        st.date_input(t(label, lang), min_value=low, max_value=high, key=key, format=date_input_format(lang),
                      on_change=_copy_date, args=(key, target), width=175, label_visibility="collapsed")


def _bar(title: str, scope: str, index: int, count: int, filters: Filters, last_day: dt.date | None,
         lang: str) -> None:
    with st.container(width="stretch"):
        st.markdown(f"**{title}**")
        st.markdown(scope)
    _period_control(filters, last_day, lang)
    st.button(t("present.previous", lang), key="present_previous", icon=":material/arrow_back:",
              on_click=_step, args=(-1,), disabled=index <= 1, shortcut="Left")
    with st.container(key=COUNTER, width="content"):
        st.markdown(t("present.counter", lang, index=index, count=count),
                    help=t("present.counter.help", lang, index=index, count=count))
    st.button(t("present.next", lang), key="present_next", icon=":material/arrow_forward:", icon_position="right",
              on_click=_step, args=(1,), disabled=index >= count, shortcut="Right")
    st.button(t("present.exit", lang), key="present_exit", icon=":material/close:", on_click=_exit)


def _spare_keys(lang: str) -> None:
    """PageDown / PageUp as well (what a presentation clicker sends), on buttons kept out of sight."""
    with st.container(key=SPARE_KEYS):
        st.button(t("present.next", lang), key="present_page_down", on_click=_step, args=(1,), shortcut="PageDown")
        st.button(t("present.previous", lang), key="present_page_up", on_click=_step, args=(-1,), shortcut="PageUp")


def _draw(slide: Slide, deck: Deck) -> None:
    if slide.figure is not None:
        st.plotly_chart(enlarge(slide.figure), key=f"present_{slide.name}",
                        config={"displayModeBar": False, "displaylogo": False})
        return
    if slide.title:
        st.header(slide.title, anchor=False)
    deck.drawing = True
    try:
        slide.draw()
    finally:
        deck.drawing = False


def _finish(deck: Deck, requested: int | None, current: StreamlitPage, filters: Filters, lang: str,
            last_day: dt.date | None, top, notes, stage) -> None:
    """Once the page has run: the chosen slide on the stage, the notices, the presenter's bar, the URL."""
    count = len(deck.slides)
    index = requested or 1
    if index > count:
        if requested and count:
            _keep_notices(current.url_path, [Notice(SLIDE, str(requested), "no_such_slide")])
        index = max(count, 1)
    st.session_state[K_SHOWN] = index
    st.session_state[K_COUNT] = count
    with stage:
        if count:
            _draw(deck.slides[index - 1], deck)
        else:
            st.info(t("present.no_slides", lang), icon=":material/slideshow:")
    with notes:
        _show_notices(count, lang)
    with top:
        _bar(current.title, scope_line(filters, current.url_path, lang), index, max(count, 1), filters, last_day,
             lang)
    _spare_keys(lang)
    url.write_present(True, index)


@contextmanager
def page(current: StreamlitPage, filters: Filters, lang: str, last_day: dt.date | None) -> Iterator[None]:
    """Run the page inside this block. Outside presentation mode it only keeps the URL tidy."""
    _run.deck = None
    if not is_on():
        _keep_notices(current.url_path, [])
        _show_notices(0, lang)
        url.write_present(False, None)
        yield
        return

    requested, notices = url.read_slide()
    _keep_notices(current.url_path, notices)
    st.html(STYLE)
    top = st.container(key=TOP, horizontal=True, vertical_alignment="bottom", gap="medium")
    notes = st.container()
    stage = st.container(key=STAGE)
    deck = Deck()
    _run.deck = deck
    try:
        with st.container(key=BACKSTAGE):
            yield
    except Exception:
        # A failing page shows its error as usual (Streamlit draws it outside the hidden page); the
        # presenter keeps the bar and its way out.
        _finish(deck, requested, current, filters, lang, last_day, top, notes, stage)
        raise
    finally:
        _run.deck = None
    _finish(deck, requested, current, filters, lang, last_day, top, notes, stage)
