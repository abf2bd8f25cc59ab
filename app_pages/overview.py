"""Ringkasan / Overview: headline figures, monthly departures, top origins and destinations, case modes."""

from __future__ import annotations

import streamlit as st

from pantau.i18n import fmt_date, t
from pantau.ui import charts, data, frames, kpi, panels, state

TOP = 10

lang = state.lang()
# Registrations and cases sit beside departures here: a checkpoint filter would narrow only one side.
filters = state.filters().without_checkpoints()
previous = filters.previous_year()

st.title(t("overview.title", lang))
st.caption(t("overview.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang)))
panels.suppression_note(lang)

# Every figure below passes through small-cell suppression (pantau/ui/frames.py suppress) before it is drawn.
current = frames.suppressed_headline(data.headline(filters))
kpi.cards(current, frames.suppressed_headline(data.headline(previous)), lang)

monthly = frames.monthly(data.query("monthly_departures", filters))
if frames.is_empty(monthly, ("procedural", "non_procedural", "prevented")):
    panels.empty(t("chart.monthly.title", lang), lang)
else:
    monthly = frames.suppress(monthly)
    panels.chart("monthly", charts.monthly(monthly, lang), monthly, filters, lang)

left, right = st.columns(2)
with left:
    title = t("chart.top_provinces.title", lang)
    provinces = frames.top_provinces(data.query("top_origin_provinces", filters, limit=frames.ALL_ROWS))
    if frames.is_empty(provinces, ("labour_departures",)):
        panels.empty(title, lang)
    else:
        provinces = frames.suppress(provinces).head(TOP)
        panels.chart("top_provinces", charts.top_bars(provinces, "province", title, lang), provinces, filters, lang)
with right:
    title = t("chart.top_destinations.title", lang)
    destinations = frames.top_destinations(data.query("top_destinations", filters, limit=frames.ALL_ROWS), lang)
    if frames.is_empty(destinations, ("labour_departures",)):
        panels.empty(title, lang)
    else:
        destinations = frames.suppress(destinations).head(TOP)
        panels.chart("top_destinations", charts.top_bars(destinations, "country", title, lang), destinations,
                     filters, lang)

st.subheader(t("modes.header", lang))
kpi.share_cards(current, lang)
st.caption(t("modes.share_help", lang))
modes = frames.case_modes(current, lang)
if current["cases"] == 0:
    panels.empty(t("chart.modes.title", lang), lang)
else:
    panels.chart("case_modes", charts.case_modes(modes, lang), modes, filters, lang)
