"""The line under every page: which dataset version it shows, when it was published, how recent its data is."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging

import streamlit as st

from pantau import data_health, store
from pantau.i18n import fmt_date, fmt_datetime, t
from pantau.ui import data
from pantau.ui.banners import code_span

log = logging.getLogger(__name__)

METHODOLOGY_PAGE = "app_pages/methodology.py"


def published_at(version: store.Version, lang: str) -> str:
    created = str(version.manifest.get("created_at", ""))
    # An unexpected format is still worth showing as written.
    with contextlib.suppress(ValueError):
        created = fmt_datetime(dt.datetime.fromisoformat(created), lang)
    return created


def freshness_text(fresh: dict[str, data_health.Freshness], lang: str) -> str:
    """'data s.d.: pendaftaran 1 Mei 2024, keberangkatan 20 Des 2024, kasus 1 Agu 2024'."""
    items = [
        t("footer.freshness.item", lang, extract=t(f"footer.extract.{kind}", lang),
          day=fmt_date(f.last_day, lang) if f.last_day else t("footer.no_data", lang))
        for kind, f in fresh.items()
    ]
    return t("footer.freshness", lang, items=", ".join(items))


def _freshness(lang: str) -> str | None:
    # The footer must never take a page down: without the figures it still names the version.
    try:
        return freshness_text(data_health.freshness(data.query("health/freshness")), lang)
    except Exception:
        log.exception("freshness for the footer failed")
        return None


def show(version: store.Version, lang: str) -> None:
    parts = [t("footer.version", lang, version=code_span(version.id), created=published_at(version, lang))]
    fresh = _freshness(lang)
    if fresh:
        parts.append(fresh)
    st.divider()
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(" · ".join(parts), width="content")
        st.page_link(METHODOLOGY_PAGE, label=t("footer.methodology_link", lang), icon=":material/info:")
