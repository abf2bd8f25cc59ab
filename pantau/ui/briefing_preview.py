"""The Bahan rapat page's Streamlit side: the briefing cached per dataset version, its slide preview,
and the two downloads (pantau/briefing/ builds everything; nothing here computes a figure)."""

from __future__ import annotations

import logging

import pandas as pd
import streamlit as st

from pantau import access, store
from pantau.briefing import content, files, images
from pantau.briefing.content import Briefing, Request, Slide
from pantau.i18n import t
from pantau.ui import audit_events

log = logging.getLogger(__name__)
# The preview's chart pictures, in millimetres (the PDF's size for a full-width chart).
PREVIEW_MM = (250, 120)
PREVIEW_MAP_WIDTH = 860
MAX_ENTRIES = 64


def _version_id() -> str:
    version = store.current_version()
    if version is None:
        raise LookupError("no dataset published yet")
    return version.id


# The version id is part of every cache key: a new dataset version never serves an old briefing. So is
# the user's scope: the same request under another scope counts other rows (pantau/access.py), and
# `scope` is not read inside, content.build finding the same grant itself.
@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _briefing(version_id: str, request: Request, suppressed: bool, scope: str) -> Briefing:
    return content.build(request)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _map_png(version_id: str, request: Request, suppressed: bool, scope: str) -> bytes | None:
    return files.map_picture(_briefing(version_id, request, suppressed, scope))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _file(version_id: str, request: Request, suppressed: bool, scope: str, kind: str) -> bytes:
    briefing = _briefing(version_id, request, suppressed, scope)
    return files.render(briefing, kind, _map_png(version_id, request, suppressed, scope))


@st.cache_data(max_entries=4 * MAX_ENTRIES, show_spinner=False)
def _chart_png(version_id: str, request: Request, suppressed: bool, scope: str, slide: str, chart: int) -> bytes:
    briefing = _briefing(version_id, request, suppressed, scope)
    found = next(s for s in briefing.slides if s.key == slide)
    width, height = PREVIEW_MM
    share = _shares(len(found.charts))[chart]
    return images.chart_png(found.charts[chart], request.lang, width * share, height)


def _shares(count: int) -> tuple[float, ...]:
    """How the charts of one slide share its width (as in the deck and the PDF)."""
    return (1.0,) if count == 1 else (0.58, 0.42)


def _key(request: Request) -> tuple[str, Request, bool, str]:
    # Suppression and scope are part of the key: a briefing built for one must not be handed to the other.
    from pantau import disclosure

    return _version_id(), request, disclosure.is_on(), access.current().scope.key()


def briefing(request: Request) -> Briefing | None:
    """The briefing for the request, or None after an error message (the log keeps the traceback)."""
    try:
        return _briefing(*_key(request))
    except Exception:
        log.exception("building the briefing failed")
        st.error(t("briefing.failed", request.lang), icon=":material/error:")
        return None


def downloads(result: Briefing, ui_lang: str) -> None:
    """PPTX and PDF buttons; each file is made when its button is pressed (map rendering takes seconds).

    Streamlit makes the file in a server thread outside the script run: audit_events.deferred makes it
    under the session's grant (captured here; outside a run there is none) and records the deck.
    """
    key = _key(result.request)
    covers, deck_lang = result.request.area.filters(result.request.start, result.request.end), result.lang
    stem = result.file_stem()
    left, right, _ = st.columns([1, 1, 2])
    for column, kind, label, icon in ((left, "pptx", "briefing.download_pptx", ":material/slideshow:"),
                                      (right, "pdf", "briefing.download_pdf", ":material/picture_as_pdf:")):
        column.download_button(
            t(label, ui_lang),
            data=audit_events.deferred(lambda kind=kind: _file(*key, kind), "deck", covers, kind=kind, lang=deck_lang),
            file_name=f"{stem}.{kind}",
            mime=files.MIME[kind], key=f"briefing_{kind}", on_click="ignore", icon=icon, type="primary",
            help=t("briefing.download_help", ui_lang),
        )


def preview(result: Briefing, ui_lang: str) -> None:
    """Each slide in a box: its title, texts, tables, chart pictures (as in the PDF) and the map."""
    st.subheader(t("briefing.preview", ui_lang))
    for number, slide in enumerate(result.slides, start=1):
        with st.container(border=True):
            st.caption(t("briefing.slide_n", ui_lang, n=number))
            _slide(result, slide)


def _slide(result: Briefing, slide: Slide) -> None:
    lang = result.lang
    st.markdown(f"**{slide.title}**")
    if slide.subtitle:
        st.markdown(slide.subtitle)
    lines = slide.lines if slide.key in ("title", "closing") else slide.lines[:1]
    for line in lines:
        st.markdown(f"**{line[2:]}**" if line.startswith("# ") else line)
    if slide.empty:
        st.info(slide.empty, icon=":material/filter_alt_off:")
    if slide.map is not None:
        label = t("briefing.map.hidden", lang, k=result.k)
        # Framed for about the width a wide-layout page gives it; the plotly figure stays interactive.
        fig = images.map_figure(slide.map, lang, label, width=PREVIEW_MAP_WIDTH).update_layout(width=None)
        st.plotly_chart(fig, key=f"briefing_map_{slide.key}", config={"displaylogo": False, "scrollZoom": False})
    if slide.charts:
        columns = st.columns(list(_shares(len(slide.charts))))
        for i, column in enumerate(columns):
            column.image(_chart_png(*_key(result.request), slide.key, i))
    if slide.table is not None:
        frame = pd.DataFrame(list(slide.table.rows), columns=list(slide.table.columns))
        st.dataframe(frame, hide_index=True)
    for note in slide.notes:
        st.caption(note)
