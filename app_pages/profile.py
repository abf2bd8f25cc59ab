"""Placeholder while the profile page is being built (issue 3)."""

import streamlit as st

from pantau.i18n import t
from pantau.ui import state

st.title(t("page.profile", state.lang()))
