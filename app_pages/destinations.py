"""Negara tujuan / Destinations: registrations, departures and cases per destination country, their
trend, where workers to one country come from, and where non-procedural departures and trafficking
cases grow fastest.

Registrations and cases sit beside departures on every view here, and neither records a
checkpoint, so the checkpoint filters are dropped (a note says so when they are set).
The destination whose origins are shown is this page's own URL parameter `focus` (ISO3).
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from pantau import reference
from pantau.i18n import fmt_date, t
from pantau.ui import (
    banners,
    data,
    departure_charts,
    departure_frames,
    departure_panels,
    destination_charts,
    destination_frames,
    frames,
    panels,
    state,
)

TOP_COMPARE = 12
TOP_TREND = 6
MAX_TREND = 10
TOP_ORIGINS = 10
TOP_GROWTH = 10
PREFIX = "destinations.col"
DEPARTURE_PREFIX = "departures.col"
FOCUS_PARAM = "focus"
K_FOCUS = "_destinations_focus"
LINKS = {"profile": ("destination", "iso3")}


def focus_from_url(options: list[str], names: dict[str, str], lang: str) -> str:
    """The URL's focus country if it can be chosen here, else the first option (with a warning if one was given)."""
    raw_focus = st.query_params.get(FOCUS_PARAM)
    code = str(raw_focus).strip().upper() if raw_focus else ""
    if not raw_focus or code in options:
        return code or options[0]
    st.warning(t("destinations.origins.bad_focus", lang, value=banners.code_span(str(raw_focus)[:40]),
                 default=names[options[0]]), icon=":material/link_off:")
    return options[0]


lang = state.lang()
chosen = state.filters()
filters = chosen.without_checkpoints()
previous = filters.previous_year()
country_names = reference.country_names(lang)

st.title(t("destinations.title", lang))
st.caption(t("destinations.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang)))
if chosen.checkpoints or chosen.checkpoint_kinds:
    st.info(t("destinations.checkpoints_ignored", lang), icon=":material/info:")
panels.suppression_note(lang)

raw = data.query("destination_indicators", filters, prev_start=previous.start, prev_end=previous.end)
# One suppression for the comparison chart and the table of every country: they hide the same cells.
countries = frames.suppress(destination_frames.countries(raw, lang))

st.subheader(t("destinations.countries.header", lang))
title = t("destinations.chart.compare", lang)
compared = destination_frames.top_countries(countries, TOP_COMPARE)
if compared.empty:
    panels.empty(title, lang)
else:
    st.caption(t("destinations.countries.caption", lang, top=len(compared)))
    departure_panels.chart("destinations_compare", destination_charts.compare(compared, lang), compared, filters,
                           lang, PREFIX, links=LINKS)
if not countries.empty:
    departure_panels.table("destinations_countries", countries, filters, lang, PREFIX, links=LINKS,
                           title=t("destinations.countries.header", lang))

st.subheader(t("destinations.trend.header", lang))
if filters.destinations:
    limit = min(len(filters.destinations), MAX_TREND)
    title = t("destinations.chart.trend_selected", lang)
else:
    limit = TOP_TREND
    title = t("destinations.chart.trend", lang, count=TOP_TREND)
trend = destination_frames.trend(data.query("destination_monthly", filters, limit=limit), lang)
if frames.is_empty(trend, ("labour_departures",)):
    panels.empty(title, lang)
else:
    trend = destination_frames.suppressed_trend(trend)
    departure_panels.chart("destinations_trend", destination_charts.trend(trend, title, lang), trend, filters, lang,
                           PREFIX)
    st.caption(t("destinations.trend.caption", lang))

st.subheader(t("destinations.origins.header", lang))
options = destination_frames.focus_options(countries)
if not options:
    banners.no_data(lang)
else:
    if K_FOCUS not in st.session_state:
        st.session_state[K_FOCUS] = focus_from_url(options, country_names, lang)
    elif st.session_state[K_FOCUS] not in options:
        # The user's filters took the chosen country away: the URL holds our own old value, nothing to warn about.
        st.session_state[K_FOCUS] = options[0]
    pick, _ = st.columns([1, 2])
    focus = pick.selectbox(t("destinations.origins.pick", lang), options, format_func=country_names.get, key=K_FOCUS)
    if st.query_params.get(FOCUS_PARAM) != focus:
        st.query_params[FOCUS_PARAM] = focus
    to_focus = replace(filters, destinations=(focus,))
    country = country_names[focus]
    left, right = st.columns(2)
    for column, level, label, key in ((left, "province", "province", "origin_provinces"),
                                      (right, "regency", "regency", "origin_regencies")):
        with column:
            title = t(f"destinations.chart.{key}", lang, country=country)
            origins = departure_frames.origins(
                data.query("region_indicators", to_focus, level=level, province=""), label, TOP_ORIGINS)
            if frames.is_empty(origins, ("labour_departures",)):
                panels.empty(title, lang)
            else:
                departure_panels.chart(f"destinations_{key}_{focus}",
                                       departure_charts.class_bars(origins, label, title, lang), origins, to_focus,
                                       lang, DEPARTURE_PREFIX, links={"profile": (level, "code")},
                                       detail=level == "regency")

st.subheader(t("destinations.growth.header", lang))
st.caption(t("destinations.growth.caption", lang, prev_start=fmt_date(previous.start, lang),
             prev_end=fmt_date(previous.end, lang)))
left, right = st.columns(2)
for column, measure, key in ((left, "non_procedural_departures", "non_procedural"),
                             (right, "trafficking_cases", "trafficking")):
    with column:
        st.markdown(f"**{t(f'destinations.growth.{key}', lang)}**")
        grown = destination_frames.growth(raw, measure, lang, TOP_GROWTH)
        if grown.empty:
            st.info(t("destinations.growth.none", lang), icon=":material/trending_flat:")
        else:
            shown = frames.suppress(grown, forced=destination_frames.hidden_in(grown, countries, measure))
            departure_panels.table(f"destinations_growth_{key}", shown, filters, lang, PREFIX,
                                   links=LINKS, texts={"change": lambda v: destination_frames.change_text(v, lang)},
                                   title=t(f"destinations.growth.{key}", lang))
