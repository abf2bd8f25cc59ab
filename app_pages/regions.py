"""Wilayah / Regions: a map of provinces (or of one province's regencies), their ranking, and hotspots.

The province on the map is the shared sidebar filter (one province selected: its regencies), so
the URL says what the map shows; a click on the map or the select above it sets that filter
(pantau/ui/navigate.py). The indicator drawn is this page's own URL parameter `indicator`.
Only areas inside the user's scope are drawn, ranked, offered and linked (pantau/access.py).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau import access, geo, reference
from pantau.i18n import fmt_date, t
from pantau.ui import area_tables, banners, data, frames, maps, navigate, panels, state

HOTSPOTS = 10
INDICATOR_PARAM = "indicator"
K_INDICATOR = "_regions_indicator"
K_PROVINCE = "_regions_province"
COLUMNS = ["code", "name", "registrations", "labour_departures", "procedural_departures",
           "non_procedural_departures", "non_procedural_share", "prevented_departures", "cases", "trafficking_cases"]

lang = state.lang()
# Registrations and cases sit beside departures here: a checkpoint filter would narrow only one side.
filters = state.filters().without_checkpoints()
previous = filters.previous_year()
scope = access.current().scope
province_names = {code: name for code, name in reference.province_names().items() if scope.covers_province(code)}
single = filters.provinces[0] if len(filters.provinces) == 1 else None

st.title(t("regions.title", lang))
st.caption(t("regions.period", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             prev_start=fmt_date(previous.start, lang), prev_end=fmt_date(previous.end, lang)))
panels.suppression_note(lang)


def indicator_from_url() -> str:
    """The URL's indicator, or the default with a visible warning when it names none."""
    raw = st.query_params.get(INDICATOR_PARAM)
    if not raw or raw in maps.INDICATORS:
        return raw or maps.DEFAULT_INDICATOR
    st.warning(t("regions.bad_indicator", lang, value=banners.code_span(str(raw)[:40]),
                 default=t(f"regions.indicator.{maps.DEFAULT_INDICATOR}", lang)), icon=":material/link_off:")
    return maps.DEFAULT_INDICATOR


# This run draws everything from the filter as it is now.
navigate.filter_changed()


@st.fragment
def map_and_ranking() -> None:
    """The indicator switch redraws only this part; a map click or the province select, which change
    the shared filter, rerun the whole page (the sidebar, titles and hotspots follow the filter)."""
    if navigate.filter_changed():
        st.rerun(scope="app")
    if K_INDICATOR not in st.session_state:
        st.session_state[K_INDICATOR] = indicator_from_url()
    indicator = st.segmented_control(
        t("regions.indicator", lang), maps.INDICATORS, format_func=lambda i: t(f"regions.indicator.{i}", lang),
        required=True, key=K_INDICATOR,
    )
    if st.query_params.get(INDICATOR_PARAM) != indicator:
        st.query_params[INDICATOR_PARAM] = indicator
    indicator_label = t(f"regions.indicator.{indicator}", lang)

    level = "regency" if single else "province"
    raw = data.query("region_indicators", filters, level=level, province=single or "")
    # One suppression for the map, its data and the ranking: they hide the same cells.
    frame = frames.suppress(area_tables.inside_scope(raw[COLUMNS], level))

    # The ranking beside the map is about as tall as the map with its select and notes.
    ranking_height = maps.HEIGHT + 100
    map_column, ranking_column = st.columns([3, 2])
    with map_column:
        pick, back = st.columns([3, 2], vertical_alignment="bottom")
        # The select follows the filter, whatever set it (map click, sidebar, URL).
        st.session_state[K_PROVINCE] = single
        pick.selectbox(
            t("regions.pick_province", lang), list(province_names), format_func=province_names.get,
            index=None, placeholder=t("regions.all_indonesia", lang), key=K_PROVINCE,
            on_change=navigate.province_pick(K_PROVINCE),
        )
        # Back to every province the user may see; not when that is what is shown already (a scoped user's default).
        if filters.provinces and (scope.national or filters.provinces != scope.provinces):
            back.button(t("regions.back", lang), icon=":material/arrow_back:", on_click=navigate.select_province,
                        args=(None,))
        if len(filters.provinces) > 1:
            st.info(t("regions.several_provinces", lang), icon=":material/info:")
        if single:
            title = t("regions.map.regencies", lang, indicator=indicator_label, province=province_names[single])
        else:
            title = t("regions.map.provinces", lang, indicator=indicator_label)
        shown = frame[["code", "name", indicator]]
        if frames.is_empty(shown, (indicator,)):
            panels.empty(title, lang)
        elif single:
            fig = maps.choropleth(shown, geo.regencies(single), indicator, title, lang)
            ranking_height = fig.layout.height + 100
            event = maps.panel(f"regencies_{single}", fig, shown, filters, lang, t("regions.map.click_regency", lang),
                               detail=True)
            clicked = maps.clicked_code(event["selection"]["points"]) if event else None
            if clicked in set(frame["code"]):
                navigate.open_profile("regency", clicked)
        else:
            fig = maps.choropleth(shown, geo.provinces(), indicator, title, lang)
            ranking_height = fig.layout.height + 100
            maps.panel("provinces", fig, shown, filters, lang, t("regions.map.click_province", lang),
                       on_select=navigate.province_click(maps.key("provinces")))

    with ranking_column:
        if single:
            st.subheader(t("regions.ranking.regencies", lang, province=province_names[single]))
        else:
            st.subheader(t("regions.ranking.provinces", lang))
        if frames.is_empty(frame, COLUMNS[2:]):
            banners.no_data(lang)
        else:
            st.caption(t("regions.ranking.caption", lang, indicator=indicator_label))
            ranking = area_tables.ranking(frame, indicator, level, filters, lang)
            area_tables.show(f"ranking_{level}", ranking, filters, lang, height=ranking_height,
                             title=t("regions.ranking.regencies" if single else "regions.ranking.provinces", lang,
                                     province=province_names.get(single, "")), detail=level == "regency")


map_and_ranking()

st.subheader(t("regions.hotspots.title", lang))
st.markdown(t("regions.hotspots.why", lang, prev_start=fmt_date(previous.start, lang),
              prev_end=fmt_date(previous.end, lang)))
hotspots = data.query("hotspots", filters, prev_start=previous.start, prev_end=previous.end, limit=HOTSPOTS)
if hotspots.empty:
    st.info(t("regions.hotspots.none", lang), icon=":material/filter_alt_off:")
else:
    countries = reference.country_names(lang)
    checkpoints = reference.checkpoint_names()

    def names(codes: object, lookup: dict[str, str]) -> str:
        if not isinstance(codes, str) or not codes:
            return ""
        return "; ".join(lookup.get(code, code) for code in codes.split(", "))

    table = frames.suppress(pd.DataFrame({
        "regency": hotspots["regency_name"],
        "province": hotspots["province_code"].map(province_names),
        "non_procedural_departures": hotspots["non_procedural_departures"],
        "previous_non_procedural_departures": hotspots["previous_non_procedural_departures"],
        "increase": hotspots["increase"],
        "main_destinations": [names(c, countries) for c in hotspots["main_destinations"]],
        "main_checkpoints": [names(c, checkpoints) for c in hotspots["main_checkpoints"]],
        "code": hotspots["regency_code"],
    }))
    area_tables.show("hotspots", area_tables.with_links(table, "regency", "code", filters, lang), filters, lang,
                     title=t("regions.hotspots.title", lang), detail=True)
