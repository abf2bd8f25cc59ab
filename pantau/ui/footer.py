"""The line under every page that says which dataset version it shows."""

from __future__ import annotations

import contextlib
import datetime as dt

import streamlit as st

from pantau import store
from pantau.i18n import fmt_datetime, t
from pantau.ui.banners import code_span


def show(version: store.Version, lang: str) -> None:
    created = str(version.manifest.get("created_at", ""))
    # An unexpected format is still worth showing as written.
    with contextlib.suppress(ValueError):
        created = fmt_datetime(dt.datetime.fromisoformat(created), lang)
    st.divider()
    st.caption(t("footer.version", lang, version=code_span(version.id), created=created))

