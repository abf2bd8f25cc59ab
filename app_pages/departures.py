"""Placeholder while the departures page is being built (issue 3)."""

import streamlit as st

from pantau.i18n import t
from pantau.ui import state

st.title(t("page.departures", state.lang()))
