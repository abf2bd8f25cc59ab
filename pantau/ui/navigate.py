"""Moving between views from a click: a province chosen on the map, an area's profile opened.

The province a map shows *is* the shared sidebar's province filter (one province selected: its
regencies are drawn), so the view lives in the URL (`province=32`) and a shared link opens the
same map. Choosing a province therefore writes the sidebar widget's state. Streamlit refuses
that once the widget has been drawn in the current run, and the sidebar is drawn before any page,
so these functions run as widget callbacks (on_select / on_change / on_click): callbacks run
before the script, and the rerun they trigger draws the sidebar with the new value and rewrites
the URL (pantau/ui/url.py).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from pantau import access, reference
from pantau.filters import PROVINCE
from pantau.i18n import DEFAULT_LANG
from pantau.ui import state
from pantau.ui.links import CODE, KIND
from pantau.ui.maps import clicked_code
from pantau.ui.sidebar import K_PROVINCES, K_REGENCIES
from pantau.ui.url import LANG

PROFILE_PAGE = "app_pages/profile.py"


FILTER_CHANGED = "_navigate_filter_changed"


def filter_changed() -> bool:
    """Whether a callback changed the shared filter since the last call (and forget it).

    A widget inside a fragment reruns only the fragment; the fragment asks this to rerun the whole
    page when its widget changed the filter that the sidebar and the rest of the page follow.
    """
    return bool(st.session_state.pop(FILTER_CHANGED, False))


def select_province(code: str | None) -> None:
    """Make `code` the only province of the shared filter (None: all of Indonesia). Use in callbacks.

    A province outside the user's scope (a forged map click) changes nothing: the sidebar does not
    offer it, so it could not hold it either.
    """
    if code is not None and (code not in reference.codes().provinces
                             or not access.current().scope.covers_province(code)):
        return
    st.session_state[K_PROVINCES] = [code] if code else []
    st.session_state[FILTER_CHANGED] = True
    # Regencies of other provinces could never match (filters combine with AND).
    inside = {r["regency_code"] for r in reference.rows("regencies") if r["province_code"] == code}
    st.session_state[K_REGENCIES] = [r for r in st.session_state.get(K_REGENCIES, []) if r in inside]
    # The rerun rewrites the URL from the widgets anyway; writing it now keeps the two in step
    # should anything read the URL before that.
    if code:
        st.query_params[PROVINCE] = code
    elif PROVINCE in st.query_params:
        del st.query_params[PROVINCE]


def province_click(chart_key: str) -> Callable[[], None]:
    """An on_select callback for a province map: the clicked province becomes the filter."""

    def handler() -> None:
        state = st.session_state.get(chart_key)
        points = state["selection"]["points"] if state else []
        code = clicked_code(points)
        if code:
            select_province(code)

    return handler


def province_pick(widget_key: str) -> Callable[[], None]:
    """An on_change callback for a province selectbox (None: all of Indonesia)."""

    def handler() -> None:
        select_province(st.session_state.get(widget_key))

    return handler


def open_profile(kind: str, code: str) -> None:
    """Switch to the profile page of one area (from the script, not a callback), keeping the filters.

    st.switch_page called from a page loses the sidebar's widget state (Streamlit 1.67: the next
    run starts without it and seeds the filters from the URL again), so the URL it opens carries
    the filters and the language, like any shared link.
    """
    params = {**state.filters().query_params(), KIND: kind, CODE: code}
    if state.lang() != DEFAULT_LANG:
        params[LANG] = state.lang()
    st.switch_page(PROFILE_PAGE, query_params=params)
