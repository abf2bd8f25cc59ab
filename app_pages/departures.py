"""Keberangkatan / Departures: procedural and non-procedural labour departures over time, by origin,
destination, checkpoint and route, against the same months a year earlier.

Every figure here is about departures, so this page applies the sidebar's checkpoint filters.
"""

from __future__ import annotations

import streamlit as st

from pantau import reference
from pantau.i18n import fmt_date, t
from pantau.ui import data, departure_charts, departure_frames, departure_panels, frames, panels, state

TOP_AREAS = 15
TOP_DESTINATIONS = 15
TOP_CHECKPOINTS = 15
TOP_ROUTES = 15
PREFIX = "departures.col"
CLASS_COLUMNS = ("procedural_departures", "non_procedural_departures")

lang = state.lang()
filters = state.filters()
previous = filters.previous_year()
province_names = reference.province_names()

st.title(t("departures.title", lang))
st.caption(t("departures.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang)))
if filters.checkpoint_kinds or filters.checkpoints:
    checkpoint_names = reference.checkpoint_names()
    what = [t(f"departures.kind.{kind}", lang) for kind in filters.checkpoint_kinds]
    what += [checkpoint_names[code] for code in filters.checkpoints]
    st.info(t("departures.checkpoint_filter", lang, what="; ".join(what)), icon=":material/flight_takeoff:")

panels.suppression_note(lang)
departure_panels.departure_cards(frames.suppressed_headline(data.headline(filters)),
                                 frames.suppressed_headline(data.headline(previous)), lang)

# Month by month, against the same months a year earlier.
st.subheader(t("departures.trend.header", lang))
trend = data.query("monthly_departures_compared", filters, prev_start=previous.start, prev_end=previous.end)
monthly = departure_frames.monthly_comparison(trend[trend["period"] == "current"],
                                              trend[trend["period"] == "previous"])
no_share = departure_frames.monthly_share(monthly)[["non_procedural_share", "previous_non_procedural_share"]]
monthly, share = departure_frames.suppressed_trend(monthly)
if frames.is_empty(monthly, ("procedural", "non_procedural", "previous_procedural", "previous_non_procedural")):
    panels.empty(t("departures.chart.monthly", lang), lang)
else:
    departure_panels.chart("departures_monthly", departure_charts.monthly_comparison(monthly, lang), monthly,
                           filters, lang, PREFIX)
if no_share.isna().all().all():
    panels.empty(t("departures.chart.share", lang), lang)
else:
    departure_panels.chart("departures_share", departure_charts.monthly_share(share, lang), share, filters, lang,
                           PREFIX)

# Origin: provinces, and regencies of the chosen province(s) (all of Indonesia when none is chosen).
st.subheader(t("departures.origin.header", lang))
origins = data.query("departure_origins", filters)
left, right = st.columns(2)
with left:
    title = t("departures.chart.provinces", lang)
    provinces = departure_frames.origins(origins[origins["level"] == "province"], "province", TOP_AREAS)
    if frames.is_empty(provinces, CLASS_COLUMNS):
        panels.empty(title, lang)
    else:
        departure_panels.chart("departures_provinces", departure_charts.class_bars(provinces, "province", title, lang),
                               provinces, filters, lang, PREFIX, links={"profile": ("province", "code")})
with right:
    single = filters.provinces[0] if len(filters.provinces) == 1 else None
    if single:
        title = t("departures.chart.regencies_in", lang, province=province_names[single])
    else:
        title = t("departures.chart.regencies", lang)
    regencies = departure_frames.origins(origins[origins["level"] == "regency"], "regency", TOP_AREAS)
    if frames.is_empty(regencies, CLASS_COLUMNS):
        panels.empty(title, lang)
    else:
        departure_panels.chart("departures_regencies", departure_charts.class_bars(regencies, "regency", title, lang),
                               regencies, filters, lang, PREFIX, links={"profile": ("regency", "code")}, detail=True)

st.subheader(t("departures.destination.header", lang))
title = t("departures.chart.destinations", lang)
destinations = departure_frames.destinations(data.query("top_destinations", filters, limit=frames.ALL_ROWS), lang)
if frames.is_empty(destinations, CLASS_COLUMNS):
    panels.empty(title, lang)
else:
    destinations = frames.suppress(destinations).head(TOP_DESTINATIONS)
    departure_panels.chart("departures_destinations", departure_charts.class_bars(destinations, "country", title, lang),
                           destinations, filters, lang, PREFIX, links={"profile": ("destination", "iso3")})
st.page_link("app_pages/destinations.py", label=t("departures.destination.more", lang), icon=":material/public:")

# Checkpoints: where workers leave from, and where officers prevented departures.
st.subheader(t("departures.checkpoint.header", lang))
st.caption(t("departures.checkpoint.caption", lang))
by_checkpoint = data.query("departures_by_checkpoint", filters)
title = t("departures.chart.kinds", lang)
kinds = departure_frames.checkpoint_kinds(data.query("departures_by_checkpoint_kind", filters), lang)
if frames.is_empty(kinds, ("labour_departures", "prevented_departures")):
    panels.empty(title, lang)
else:
    kinds = frames.suppress(kinds)
    departure_panels.chart("departures_checkpoint_kinds",
                           departure_charts.checkpoint_panels(kinds, "kind", title, lang), kinds, filters, lang, PREFIX)
title = t("departures.chart.checkpoints", lang)
top_checkpoints = departure_frames.checkpoints(by_checkpoint, lang, TOP_CHECKPOINTS)
if frames.is_empty(top_checkpoints, ("labour_departures", "prevented_departures")):
    panels.empty(title, lang)
else:
    departure_panels.chart("departures_checkpoints",
                           departure_charts.checkpoint_panels(top_checkpoints, "checkpoint", title, lang),
                           top_checkpoints, filters, lang, PREFIX, links={"profile": ("checkpoint", "checkpoint_code")})
if not by_checkpoint.empty:
    with st.expander(t("departures.table.checkpoints", lang), icon=":material/table_view:"):
        every = departure_frames.checkpoint_table(by_checkpoint, lang)
        departure_panels.table("departures_all_checkpoints", every, filters, lang, PREFIX,
                               links={"profile": ("checkpoint", "checkpoint_code")},
                               title=t("departures.table.checkpoints", lang))

st.subheader(t("departures.route.header", lang))
st.caption(t("departures.route.caption", lang))
title = t("departures.chart.routes", lang)
routes = departure_frames.routes(data.query("top_routes", filters, limit=TOP_ROUTES), lang)
if routes.empty:
    panels.empty(title, lang)
else:
    routes = frames.suppress(routes)
    departure_panels.chart("departures_routes",
                           departure_charts.class_bars(routes, "route", title, lang, non_procedural_first=True),
                           routes, filters, lang, PREFIX,
                           links={"checkpoint_profile": ("checkpoint", "checkpoint_code"),
                                  "country_profile": ("destination", "iso3")})
