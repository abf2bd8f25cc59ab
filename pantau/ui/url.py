"""The URL side of the shared filters: codes in, codes out, never labels.

Only the parameters this module owns are written back; anything else a page keeps in the URL
is left alone.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pantau.filters import (
    FILTER_PARAMS,
    MODE,
    PRESENT,
    SLIDE,
    Filters,
    Notice,
    from_query_params,
    mode_from_query_params,
    slide_from_query_params,
)
from pantau.i18n import DEFAULT_LANG, normalise_lang

LANG = "lang"


def read_filters(default_start: dt.date, default_end: dt.date) -> tuple[Filters, list[Notice]]:
    # get_all: a repeated parameter (province=32&province=33) counts like a comma-joined one.
    params = {name: st.query_params.get_all(name) for name in FILTER_PARAMS}
    return from_query_params(params, default_start, default_end)


def read_lang() -> tuple[str, list[Notice]]:
    raw = st.query_params.get(LANG)
    if not raw:
        return DEFAULT_LANG, []
    lang = normalise_lang(raw)
    if lang is None:
        return DEFAULT_LANG, [Notice(LANG, str(raw)[:40], "unknown_code")]
    return lang, []


def write(filters: Filters, lang: str) -> None:
    """Make the URL say exactly these filters and language (the default language is left out)."""
    wanted = filters.query_params()
    if lang != DEFAULT_LANG:
        wanted[LANG] = lang
    for name in (*FILTER_PARAMS, LANG):
        if name in wanted:
            # Writing only on change avoids needless browser-history entries.
            if st.query_params.get_all(name) != [wanted[name]]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]


def read_mode() -> tuple[bool, list[Notice]]:
    return mode_from_query_params({MODE: st.query_params.get_all(MODE)})


def read_slide() -> tuple[int | None, list[Notice]]:
    return slide_from_query_params({SLIDE: st.query_params.get_all(SLIDE)})


def _set(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get_all(name) != [value]:
        st.query_params[name] = value


def write_present(on: bool, slide: int | None) -> None:
    """`mode=present&slide=n` in presentation mode; neither parameter otherwise."""
    _set(MODE, PRESENT if on else None)
    _set(SLIDE, str(slide) if on and slide else None)


def request_slide(slide: int) -> None:
    """For a button's callback: the rerun that follows opens this slide (the URL says which slide is shown)."""
    _set(SLIDE, str(slide))
