"""Profil / Profile: one province, regency, destination or checkpoint with all its indicators.

The URL names it (`kind`, `code`; pantau/ui/links.py), so any table row or map click can link here
and the link can be shared. The figures are the shared filters narrowed to the area
(pantau/ui/profiles.py), against the same period a year earlier. A province or regency outside
the user's scope is not profiled: a notice says the link was ignored (pantau/ui/links.py in_scope).
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from pantau import access, disclosure, geo, reference
from pantau.filters import Notice
from pantau.i18n import fmt_date, t
from pantau.indicators import COUNTS, change
from pantau.ui import area_tables, banners, charts, data, frames, kpi, maps, navigate, panels, profiles, state
from pantau.ui.links import CODE, KIND, PROFILE_KINDS, in_scope

TOP = 10
K_PICK_KIND = "_profile_pick_kind"
DEPARTURE_COUNTS = ("labour_departures", "procedural_departures", "non_procedural_departures",
                    "prevented_departures")
REGION_COLUMNS = ["code", "name", "registrations", "labour_departures", "procedural_departures",
                  "non_procedural_departures", "non_procedural_share", "prevented_departures", "cases",
                  "trafficking_cases"]
CHECKPOINT_COLUMNS = ["checkpoint_code", "checkpoint_name", "checkpoint_kind", "labour_departures",
                      "procedural_departures", "non_procedural_departures", "prevented_departures"]

lang = state.lang()
base = state.filters()
scope = access.current().scope


def pick_key(kind: str) -> str:
    return f"_profile_pick_{kind}"


def open_picked(kind: str) -> None:
    """on_change of the pick-list: the chosen area goes into the URL, which the rerun reads."""
    code = st.session_state.get(pick_key(kind))
    if code:
        st.query_params[KIND] = kind
        st.query_params[CODE] = code
        st.session_state[pick_key(kind)] = None


def pick_list(current_kind: str | None, expanded: bool) -> None:
    with st.expander(t("profile.pick.header", lang), expanded=expanded, icon=":material/search:"):
        if K_PICK_KIND not in st.session_state:
            st.session_state[K_PICK_KIND] = current_kind or "province"
        kind = st.segmented_control(t("profile.pick.kind", lang), PROFILE_KINDS, required=True,
                                    format_func=lambda k: t(f"profile.pick.kind.{k}", lang), key=K_PICK_KIND)
        names = {code: name for code, name in profiles.options(kind, lang).items() if in_scope(kind, code, scope)}
        st.selectbox(t("profile.pick.code", lang), list(names), format_func=names.get, index=None,
                     placeholder=t("profile.pick.placeholder", lang), key=pick_key(kind),
                     on_change=open_picked, args=(kind,))


def problem_text(problem: profiles.Problem, raw_kind: str) -> str:
    value = banners.code_span(problem.value)
    if problem.reason == "bad_kind":
        return t("profile.bad_kind", lang, value=value)
    if problem.reason == "missing_code":
        return t("profile.missing_code", lang)
    return t("profile.bad_code", lang, value=value, kind=t(f"profile.kind.{raw_kind}", lang))


def heading(kind: str, code: str) -> None:
    st.title(profiles.name(kind, code, lang))
    if kind == "regency":
        parent = profiles.province_of(code)
        with st.container(horizontal=True, vertical_alignment="center"):
            st.caption(t("profile.subtitle.regency", lang, code=code), width="content")
            # page_link keeps the session (and so the sidebar filters), unlike a plain link.
            if in_scope("province", parent, scope):
                st.page_link(navigate.PROFILE_PAGE, label=reference.province_names()[parent], icon=":material/map:",
                             query_params={KIND: "province", CODE: parent})
    elif kind == "checkpoint":
        row = profiles.checkpoint(code)
        st.caption(t("profile.subtitle.checkpoint", lang, kind=t(f"profile.checkpoint_kind.{row['kind']}", lang),
                     code=code, regency=row["regency_name"],
                     province=reference.province_names().get(row["province_code"], row["province_code"])))
    else:
        st.caption(t(f"profile.subtitle.{kind}", lang, code=code))


def period_caption(filters, kind: str) -> None:
    previous = filters.previous_year()
    lines = [t("profile.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
               prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang))]
    if kind in profiles.REGIONS:
        lines.append(t("profile.region_meaning", lang))
    elif kind == "destination":
        lines.append(t("profile.destination_meaning", lang))
    others = profiles.others(base, kind)
    if others:
        listed = ", ".join(f"{name}={','.join(codes)}" for name, codes in others.items())
        lines.append(t("profile.other_filters", lang, filters=banners.code_span(listed)))
    st.caption(" · ".join(lines))
    panels.suppression_note(lang)


def comparison(name: str, current: dict, previous: dict, indicators: tuple[str, ...], filters) -> None:
    """The same figures as the cards (suppressed headlines), with the earlier values written out.

    A change is hidden where either figure is: the change and one figure give the other back.
    """
    hidden = [disclosure.is_hidden(current[i]) or disclosure.is_hidden(previous[i]) for i in indicators]
    table = pd.DataFrame({
        "indicator": [t(f"kpi.{i}", lang) for i in indicators],
        "current": pd.Series([current[i] for i in indicators], dtype=object),
        "previous": pd.Series([previous[i] for i in indicators], dtype=object),
        "change": pd.Series([disclosure.marker() if gone else change(current[i], previous[i])
                             for i, gone in zip(indicators, hidden, strict=True)], dtype=object),
    })
    if not disclosure.is_on() or not any(hidden):
        table = table.astype({"current": "int64", "previous": "int64"})
    with st.expander(t("profile.compare.title", lang), icon=":material/compare_arrows:"):
        area_tables.show(name, table, filters, lang, title=t("profile.compare.title", lang))


def kpis(kind: str, filters) -> None:
    previous = filters.previous_year()
    current = frames.suppressed_headline(data.headline(filters))
    before = frames.suppressed_headline(data.headline(previous))
    if kind == "checkpoint":
        # headline() also counts registrations and cases, which no checkpoint narrows: show departures only.
        st.info(t("profile.checkpoint_note", lang), icon=":material/info:")
        colors = dict(kpi.KPIS)
        for column, indicator in zip(st.columns(len(DEPARTURE_COUNTS)), DEPARTURE_COUNTS, strict=True):
            with column:
                kpi.card(indicator, current[indicator], before[indicator], lang, colors[indicator])
        comparison("profile_comparison", current, before, DEPARTURE_COUNTS, filters)
        return
    kpi.cards(current, before, lang)
    comparison("profile_comparison", current, before, COUNTS, filters)
    st.markdown(f"**{t('modes.header', lang)}**")
    kpi.share_cards(current, lang)


def monthly(filters) -> None:
    frame = frames.monthly(data.query("monthly_departures", filters))
    if frames.is_empty(frame, ("procedural", "non_procedural", "prevented")):
        panels.empty(t("chart.monthly.title", lang), lang)
    else:
        frame = frames.suppress(frame)
        panels.chart("profile_monthly", charts.monthly(frame, lang), frame, filters, lang)


def top_destinations(filters) -> None:
    title = t("profile.top_destinations.title", lang)
    frame = frames.top_destinations(data.query("top_destinations", filters, limit=frames.ALL_ROWS), lang)
    if frames.is_empty(frame, ("labour_departures",)):
        panels.empty(title, lang)
    else:
        frame = frames.suppress(frame).head(TOP)
        panels.chart("profile_top_destinations", charts.top_bars(frame, "country", title, lang), frame, filters,
                     lang)


def top_provinces(filters) -> None:
    title = t("profile.top_provinces.title", lang)
    frame = frames.top_provinces(data.query("top_origin_provinces", filters, limit=frames.ALL_ROWS))
    if frames.is_empty(frame, ("labour_departures",)):
        panels.empty(title, lang)
    else:
        frame = frames.suppress(frame).head(TOP)
        panels.chart("profile_top_provinces", charts.top_bars(frame, "province", title, lang), frame, filters,
                     lang)


def checkpoints_used(filters) -> None:
    st.markdown(f"**{t('profile.checkpoints.title', lang)}**")
    raw = data.query("departures_by_checkpoint", filters)
    if raw.empty:
        banners.no_data(lang)
        return
    frame = raw[CHECKPOINT_COLUMNS].rename(columns={"checkpoint_code": "code", "checkpoint_name": "checkpoint"})
    frame["checkpoint_kind"] = [t(f"profile.checkpoint_kind.{k}", lang) for k in frame["checkpoint_kind"]]
    frame = frames.suppress(frame[[*frame.columns[1:], "code"]])  # the name first, the code last
    area_tables.show("profile_checkpoints", area_tables.with_links(frame, "checkpoint", "code", filters, lang),
                     filters, lang, title=t("profile.checkpoints.title", lang))


def regencies(province: str, filters, highlight: str | None = None) -> None:
    """The regencies of a province; for a regency's profile, the same table with it among its peers."""
    names = reference.province_names()
    if highlight:
        st.subheader(t("profile.peers.title", lang, regency=reference.regency_names()[highlight],
                       province=names[province]))
    else:
        st.subheader(t("profile.regencies.title", lang, province=names[province]))
    frame = area_tables.inside_scope(
        data.query("region_indicators", filters, level="regency", province=province)[REGION_COLUMNS], "regency")
    if frames.is_empty(frame, REGION_COLUMNS[2:]):
        banners.no_data(lang)
        return
    frame = frames.suppress(frame)
    indicator = maps.DEFAULT_INDICATOR
    table = area_tables.ranking(frame, indicator, "regency", filters, lang)
    table_title = t("profile.regencies.title", lang, province=names[province])
    if highlight or frames.is_empty(frame, (indicator,)):
        area_tables.show("profile_regencies", table, filters, lang, title=table_title, detail=True)
        return
    map_column, table_column = st.columns([1, 1])
    with map_column:
        shown = frame[["code", "name", indicator]]
        fig = maps.choropleth(shown, geo.regencies(province), indicator, t("profile.regencies.map", lang), lang,
                              width=maps.HALF_WIDTH)
        event = maps.panel(f"profile_regencies_{province}", fig, shown, filters, lang,
                           t("profile.regencies.click", lang), detail=True)
        clicked = maps.clicked_code(event["selection"]["points"]) if event else None
        if clicked in set(frame["code"]):
            navigate.open_profile("regency", clicked)
    with table_column:
        area_tables.show("profile_regencies", table, filters, lang, height=maps.HEIGHT + 60, title=table_title,
                         detail=True)


def profile(kind: str, code: str) -> None:
    filters = profiles.narrow(base, kind, code)
    heading(kind, code)
    period_caption(filters, kind)
    pick_list(kind, expanded=False)
    kpis(kind, filters)
    monthly(filters)
    left, right = st.columns(2)
    if kind in profiles.REGIONS:
        with left:
            top_destinations(filters)
        with right:
            checkpoints_used(filters)
        if kind == "province":
            regencies(code, filters)
        else:
            parent = profiles.province_of(code)
            regencies(parent, replace(filters, provinces=(parent,), regencies=()), highlight=code)
    elif kind == "destination":
        with left:
            top_provinces(filters)
        with right:
            checkpoints_used(filters)
    else:
        with left:
            top_destinations(filters)
        with right:
            top_provinces(filters)


raw_kind, raw_code = st.query_params.get(KIND), st.query_params.get(CODE)
target, problem = profiles.parse(raw_kind, raw_code)
if target is not None and not in_scope(*target, scope):
    # Outside the user's area: the same notice as a URL filter outside it, and no figure at all.
    st.title(t("profile.title", lang))
    banners.notices([Notice(*target, "outside_scope")], lang)
    pick_list(None, expanded=True)
elif target is None:
    st.title(t("profile.title", lang))
    if problem:
        st.warning(problem_text(problem, (raw_kind or "").strip().lower()), icon=":material/link_off:")
    st.info(t("profile.pick.prompt", lang), icon=":material/info:")
    pick_list(None, expanded=True)
else:
    profile(*target)
