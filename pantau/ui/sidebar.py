"""The shared sidebar: language switch and the filters every page reads.

Rendered by dashboard.py before `pg.run()` (a widget inside a page loses its state when the user
changes page). On the first run of a session the URL seeds the widgets; from then on the widgets
are the truth and the URL is rewritten from them (pantau/ui/url.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import streamlit as st

from pantau import reference
from pantau.access import NATIONAL, Scope
from pantau.filters import CHECKPOINT, CHECKPOINT_KINDS, END, PROVINCE, REGENCY, START, Filters, Notice
from pantau.i18n import LANG_NAMES, LANGS, date_input_format, t
from pantau.schema import GENDERS
from pantau.ui import url
from pantau.ui.departure_frames import short_checkpoint

# Widget keys; the leading underscore keeps them apart from what pages read (pantau/ui/state.py).
K_LANG = "_w_lang"
K_START = "_w_start"
K_END = "_w_end"
K_PROVINCES = "_w_provinces"
K_REGENCIES = "_w_regencies"
K_DESTINATIONS = "_w_destinations"
K_GENDERS = "_w_genders"
K_CHECKPOINT_KINDS = "_w_checkpoint_kinds"
K_CHECKPOINTS = "_w_checkpoints"
# The filters the URL asked for on the first run, and what was dropped from it.
K_URL_FILTERS = "_url_filters"
K_URL_NOTICES = "_url_notices"

# Ingest refuses event dates before 2000 (docs/DESIGN.md), so earlier dates can only be empty.
EARLIEST = dt.date(2000, 1, 1)


def language() -> str:
    """The language switch; the URL's `lang` chooses on the first run."""
    if K_LANG not in st.session_state:
        lang, notices = url.read_lang()
        st.session_state[K_LANG] = lang
        st.session_state[K_URL_NOTICES] = notices
    # The label is bilingual on purpose: it must be findable in the language one does not read.
    return st.sidebar.segmented_control(
        t("app.language"), LANGS, format_func=LANG_NAMES.get, required=True, key=K_LANG
    )


def default_period(last_day: dt.date | None) -> tuple[dt.date, dt.date]:
    """The 12 calendar months ending with the month of the latest record."""
    last = last_day or dt.date.today()
    end = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    first_month = last.year * 12 + last.month - 1 - 11
    return dt.date(first_month // 12, first_month % 12 + 1, 1), end


def _regencies_in(provinces: list[str] | tuple[str, ...], scope: Scope = NATIONAL) -> list[str]:
    wanted = set(provinces)
    return [r["regency_code"] for r in reference.rows("regencies")
            if (not wanted or r["province_code"] in wanted) and scope.covers_regency(r["regency_code"])]


def _outside_scope(filters: Filters, scope: Scope) -> tuple[Filters, list[Notice]]:
    """URL areas the user's scope does not cover: dropped, each with a notice."""
    notices = [Notice(PROVINCE, p, "outside_scope") for p in filters.provinces if not scope.covers_province(p)]
    notices += [Notice(REGENCY, r, "outside_scope") for r in filters.regencies if not scope.covers_regency(r)]
    return replace(filters, provinces=tuple(p for p in filters.provinces if scope.covers_province(p)),
                   regencies=tuple(r for r in filters.regencies if scope.covers_regency(r))), notices


def _checkpoints_of(kinds: list[str] | tuple[str, ...]) -> list[str]:
    """Checkpoint codes of the chosen kinds (all kinds when none is chosen), sorted by the name shown."""
    wanted = set(kinds)
    found = [r for r in reference.rows("checkpoints") if not wanted or r["kind"] in wanted]
    return [r["checkpoint_code"] for r in sorted(found, key=lambda r: short_checkpoint(r["name"]))]


def _seed_from_url(default_start: dt.date, default_end: dt.date, scope: Scope) -> None:
    filters, notices = url.read_filters(default_start, default_end)
    filters, dropped = _outside_scope(filters, scope)
    notices += dropped
    # A regency outside the chosen provinces could never match (filters combine with AND), and the
    # regency list offers only the chosen provinces' regencies: say so instead of dropping it silently.
    allowed = set(_regencies_in(filters.provinces))
    outside = [r for r in filters.regencies if r not in allowed]
    notices += [Notice("regency", code, "outside_province") for code in outside]
    filters = replace(filters, regencies=tuple(r for r in filters.regencies if r in allowed))
    # The same for a checkpoint of another kind than the chosen ones.
    allowed = set(_checkpoints_of(filters.checkpoint_kinds))
    notices += [Notice(CHECKPOINT, code, "outside_kind") for code in filters.checkpoints if code not in allowed]
    filters = replace(filters, checkpoints=tuple(c for c in filters.checkpoints if c in allowed))
    st.session_state[K_URL_FILTERS] = filters
    st.session_state[K_URL_NOTICES] = [*st.session_state.get(K_URL_NOTICES, []), *notices]
    st.session_state[K_START] = filters.start
    st.session_state[K_END] = filters.end
    st.session_state[K_PROVINCES] = list(filters.provinces)
    st.session_state[K_REGENCIES] = list(filters.regencies)
    st.session_state[K_DESTINATIONS] = list(filters.destinations)
    st.session_state[K_GENDERS] = list(filters.genders)
    st.session_state[K_CHECKPOINT_KINDS] = list(filters.checkpoint_kinds)
    st.session_state[K_CHECKPOINTS] = list(filters.checkpoints)


def _date(label: str, key: str, last_day: dt.date | None, lang: str) -> dt.date | None:
    value = st.session_state.get(key)
    # Bounds wide enough to hold any value the URL may have set, or the widget refuses it.
    low = min(EARLIEST, value) if value else EARLIEST
    high = max(d for d in (dt.date.today(), last_day, value) if d)
    return st.sidebar.date_input(label, min_value=low, max_value=high, key=key, format=date_input_format(lang))


def _checkpoint_filters(lang: str) -> tuple[list[str], list[str]]:
    """Checkpoint kind and checkpoint, in a section of their own: only departure figures use them."""
    st.sidebar.subheader(t("departures.filter.header", lang))
    # Small grey markdown, not st.caption: AppTest lists the sidebar after the page, and the footer must stay
    # the last caption.
    st.sidebar.markdown(f":gray[:small[{t('departures.filter.caption', lang)}]]")
    kinds = st.sidebar.multiselect(
        t("departures.filter.kinds", lang), list(CHECKPOINT_KINDS),
        format_func=lambda kind: t(f"departures.kind.{kind}", lang), key=K_CHECKPOINT_KINDS,
        placeholder=t("filter.all", lang), select_all=False,
    )
    options = _checkpoints_of(kinds)
    # Checkpoints of a kind just removed would make the widget refuse its state: drop them first.
    allowed = set(options)
    if any(c not in allowed for c in st.session_state.get(K_CHECKPOINTS, [])):
        st.session_state[K_CHECKPOINTS] = [c for c in st.session_state[K_CHECKPOINTS] if c in allowed]
    # Short names ("Batam Centre", not "Pelabuhan Internasional Batam Centre"): a chosen tag shows ~20 letters.
    names = {code: short_checkpoint(name) for code, name in reference.checkpoint_names().items()}
    checkpoints = st.sidebar.multiselect(
        t("departures.filter.checkpoints", lang), options, format_func=names.get, key=K_CHECKPOINTS,
        placeholder=t("filter.all", lang), select_all=False,
    )
    return kinds, checkpoints


def filters(lang: str, last_day: dt.date | None, scope: Scope = NATIONAL) -> tuple[Filters, list[Notice]]:
    """Draw the filter widgets; return the filters they say and the notices to show with them.

    Only areas inside the user's scope are offered; "nothing chosen" then means "all of my area".
    """
    default_start, default_end = default_period(last_day)
    if K_START not in st.session_state:
        _seed_from_url(default_start, default_end, scope)
    from_url: Filters = st.session_state[K_URL_FILTERS]
    notices: list[Notice] = []

    st.sidebar.header(t("filter.header", lang))
    start = _date(t("filter.start", lang), K_START, last_day, lang) or default_start
    end = _date(t("filter.end", lang), K_END, last_day, lang) or default_end
    if start > end:
        notices.append(Notice(f"{START}/{END}", f"{start}>{end}", "swapped_period"))
        start, end = end, start

    # No "select all" on these lists: everything selected means the same as nothing selected, and
    # it would put hundreds of codes in the URL.
    everything = t("filter.all", lang) if scope.national else t("access.filter_scope", lang)
    province_names = {code: name for code, name in reference.province_names().items() if scope.covers_province(code)}
    provinces = st.sidebar.multiselect(
        t("filter.provinces", lang), list(province_names), format_func=province_names.get,
        key=K_PROVINCES, placeholder=everything, help=t("filter.region_help", lang), select_all=False,
    )
    regency_options = _regencies_in(provinces, scope)
    # Regencies of a province just removed would make the widget refuse its state: drop them first.
    allowed = set(regency_options)
    if any(r not in allowed for r in st.session_state.get(K_REGENCIES, [])):
        st.session_state[K_REGENCIES] = [r for r in st.session_state[K_REGENCIES] if r in allowed]
    regency_names = reference.regency_names()
    regencies = st.sidebar.multiselect(
        t("filter.regencies", lang), regency_options, format_func=regency_names.get,
        key=K_REGENCIES, placeholder=everything, select_all=False,
    )
    country_names = reference.country_names(lang)
    destinations = st.sidebar.multiselect(
        t("filter.destinations", lang), sorted(country_names, key=country_names.get),
        format_func=country_names.get, key=K_DESTINATIONS, placeholder=t("filter.all", lang), select_all=False,
    )
    genders = st.sidebar.pills(
        t("filter.genders", lang), list(GENDERS), selection_mode="multi",
        format_func=lambda code: t(f"gender.{code}", lang), key=K_GENDERS,
    )
    checkpoint_kinds, checkpoints = _checkpoint_filters(lang)

    current = Filters(
        start=start,
        end=end,
        provinces=tuple(provinces),
        regencies=tuple(regencies),
        destinations=tuple(destinations),
        genders=tuple(genders or ()),
        checkpoints=tuple(checkpoints),
        checkpoint_kinds=tuple(checkpoint_kinds),
    )
    # What the URL got wrong stays on screen until the user changes a filter.
    if current == from_url:
        notices = [*st.session_state.get(K_URL_NOTICES, []), *notices]
    else:
        st.session_state[K_URL_NOTICES] = []
    return current, notices
