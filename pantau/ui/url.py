"""The URL side of the shared filters: codes in, codes out, never labels.

Only the parameters this module owns are written back; anything else a page keeps in the URL
is left alone.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pantau.filters import FILTER_PARAMS, Filters, Notice, from_query_params
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
