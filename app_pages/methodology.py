"""Metodologi / Methodology: the data dictionary and every indicator's definition with its SQL
(`?sql=<name>` shows one file, read-only). Open to every role; the data-quality figures are on
app_pages/data_quality.py (data stewards).
"""

from __future__ import annotations

import streamlit as st

from pantau import store
from pantau.i18n import t
from pantau.ui import methodology as sections
from pantau.ui import state

lang = state.lang()
version = store.current_version()

st.title(t("methodology.title", lang))
st.caption(t("methodology.intro", lang))
sections.sql_viewer(lang)
sections.data_dictionary(version, lang)
sections.indicator_definitions(lang)
