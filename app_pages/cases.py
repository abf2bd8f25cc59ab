"""Kasus & TPPO / Cases and trafficking: case counts and modes, types over time, trafficking breakdowns, handling.

Departure mode of a case follows docs/DESIGN.md ("Case departure mode"); the share of
non-procedural cases always has the unknown count beside it.
"""

from __future__ import annotations

import streamlit as st

from pantau.i18n import fmt_date, t
from pantau.ui import case_charts, case_frames, case_panels, data, frames, kpi, panels, state

TOP = 10

lang = state.lang()
# Checkpoints describe departures, not cases: a checkpoint filter must not narrow the cases.
filters = state.filters().without_checkpoints()
previous = filters.previous_year()

st.title(t("cases.title", lang))
st.caption(t("cases.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang)))

panels.suppression_note(lang)

# Every count below passes through small-cell suppression (pantau/ui/frames.py) before it is shown.
current = frames.suppressed_headline(data.headline(filters))
case_panels.kpis(current, frames.suppressed_headline(data.headline(previous)), lang)

monthly = case_frames.monthly_by_type(data.query("cases_monthly_by_type", filters))
if current["cases"] == 0 or len(case_frames.case_type_columns(monthly)) == 0:
    panels.empty(t("cases.monthly.title", lang), lang)
else:
    # A month's types add up to its cases: one sum per row.
    monthly = frames.suppress(monthly, extra=(tuple(case_frames.case_type_columns(monthly)),))
    case_panels.chart("cases_monthly_by_type", case_charts.monthly_by_type(monthly, lang), monthly, filters, lang)

st.subheader(t("cases.trafficking.header", lang))
st.caption(t("cases.trafficking.caption", lang))
titles = {
    "exploitation": t("cases.trafficking.exploitation.title", lang),
    "destination": t("cases.trafficking.destination.title", lang, top=TOP),
    "province": t("cases.trafficking.province.title", lang, top=TOP),
}
breakdowns = {
    dimension: case_frames.trafficking_breakdown(
        data.query("trafficking_breakdown", filters, dimension=dimension), dimension, lang,
        top=None if dimension == "exploitation" else TOP)
    for dimension in case_frames.DIMENSIONS
}


def breakdown(dimension: str) -> None:
    frame = breakdowns[dimension]
    if frame.empty:
        panels.empty(titles[dimension], lang)
        return
    kind = case_frames.PROFILE_KINDS.get(dimension)
    # Destinations and provinces sit side by side, at half width.
    fig = case_charts.trafficking_breakdown(frame, dimension, titles[dimension], lang, narrow=kind is not None)
    if kind:
        case_panels.chart(f"trafficking_by_{dimension}", fig, case_panels.with_links(frame, kind, filters, lang),
                          filters, lang, open_data=True)
    else:
        case_panels.chart(f"trafficking_by_{dimension}", fig, frame, filters, lang)


breakdown("exploitation")
left, right = st.columns(2, gap="large")
with left:
    breakdown("destination")
with right:
    breakdown("province")
if current["trafficking_cases"]:
    st.caption(t("cases.trafficking.links", lang))

st.subheader(t("cases.modes.header", lang))
modes = data.query("case_modes", filters)
left, right = st.columns(2, gap="large")
for column, count, key in ((left, "cases", "all"), (right, "trafficking_cases", "trafficking")):
    with column:
        title = t(f"cases.modes.{key}.title", lang)
        frame = case_frames.mode_sources(modes, count, lang)
        if frames.is_empty(frame, ("total",)):
            panels.empty(title, lang)
        else:
            case_panels.chart(f"case_modes_{key}", case_charts.mode_sources(frame, title, lang), frame, filters, lang)
st.markdown(t("cases.modes.rule", lang))

st.subheader(t("cases.resolution.header", lang))
raw = data.query("case_resolution", filters)
if raw.empty:
    panels.empty(t("cases.resolution.title", lang), lang)
else:
    summary = case_frames.resolution(raw)
    figures, chart_column = st.columns([1, 2], gap="large")
    with figures:
        st.metric(t("cases.resolution.resolved_share", lang), kpi.fmt_share(summary["resolved_share"], lang),
                  help=t("cases.resolution.resolved_share.help", lang), border=True)
        st.metric(t("cases.resolution.median", lang), case_panels.fmt_days(summary["median_days"], lang),
                  help=t("cases.resolution.days.help", lang), border=True)
        st.metric(t("cases.resolution.mean", lang), case_panels.fmt_days(summary["mean_days"], lang),
                  help=t("cases.resolution.days.help", lang), border=True)
    with chart_column:
        frame = case_frames.statuses(raw, lang)
        case_panels.chart("case_status", case_charts.statuses(frame, lang), frame, filters, lang)
