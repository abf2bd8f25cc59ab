"""Messages above the page: demo-data banner, ignored URL parameters, and 'no data' notes."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from pantau import store
from pantau.filters import Notice
from pantau.i18n import t

NOTICE_REASONS = ("unknown_code", "bad_date", "empty_period", "too_long", "outside_province", "swapped_period",
                  "outside_scope")


def code_span(value: object) -> str:
    """A value from the URL shown as inline code: markdown, links and emoji shortcodes stay inert."""
    return "`" + str(value).replace("`", "'").replace("\n", " ") + "`"


def demo_banner(version: store.Version, lang: str) -> None:
    if version.demo:
        st.warning(t("demo.banner", lang), icon=":material/science:")


def notice_text(notice: Notice, lang: str) -> str:
    key = f"notice.{notice.reason}" if notice.reason in NOTICE_REASONS else "notice.other"
    return t(key, lang, param=code_span(notice.param), value=code_span(notice.value))


def notices(items: Iterable[Notice], lang: str) -> None:
    for notice in items:
        st.warning(notice_text(notice, lang), icon=":material/link_off:")


def no_data(lang: str) -> None:
    st.info(t("no_data", lang), icon=":material/filter_alt_off:")
