"""What dashboard.py hands to the pages through st.session_state: the filters and the language."""

from __future__ import annotations

import streamlit as st

from pantau.filters import Filters
from pantau.i18n import DEFAULT_LANG

FILTERS = "filters"
LANG = "lang"


def publish(filters: Filters, lang: str) -> None:
    st.session_state[FILTERS] = filters
    st.session_state[LANG] = lang


def filters() -> Filters:
    return st.session_state[FILTERS]


def lang() -> str:
    return st.session_state.get(LANG, DEFAULT_LANG)
