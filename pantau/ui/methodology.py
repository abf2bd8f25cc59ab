"""The sections of the Data & metodologi page: freshness, linkage, quarantine, gaps, dictionary, definitions, SQL."""

from __future__ import annotations

import streamlit as st

from pantau import data_health, definitions, dictionary, disclosure, store
from pantau.filters import Filters
from pantau.i18n import fmt_date, fmt_int, fmt_pct, t
from pantau.ui import banners, data
from pantau.ui import methodology_frames as frames

PAGE = "app_pages/methodology.py"
SQL_PARAM = "sql"
# How much of a rejected ?sql= value the notice repeats.
SHOWN_VALUE = 60


def sql_viewer(lang: str) -> None:
    """?sql=<name>: queries/<name>.sql read-only; any other value gets a notice, never a file read."""
    raw = st.query_params.get(SQL_PARAM)
    if not raw:
        return
    name = definitions.sql_name(raw)
    if name is None:
        value = raw if len(raw) <= SHOWN_VALUE else raw[:SHOWN_VALUE] + "…"
        st.warning(t("methodology.sql.unknown", lang, value=banners.code_span(value)), icon=":material/link_off:")
        return
    with st.container(border=True):
        st.subheader(t("methodology.sql.title", lang, path=f"queries/{name}.sql"))
        users = definitions.used_by(name)
        if users:
            names = ", ".join(definitions.pick(i.name, lang) for i in users)
            st.caption(t("methodology.sql.used_by", lang, indicators=names))
        st.code(definitions.sql_source(name), language="sql", line_numbers=True)
        st.page_link(PAGE, label=t("methodology.sql.close", lang), icon=":material/close:")


def freshness(version: store.Version, history: list[data_health.Run], lang: str) -> None:
    st.subheader(t("methodology.freshness.title", lang))
    fresh = data_health.freshness(data.query("health/freshness"))
    updated = data_health.last_ingested(version.id, history)
    for column, (kind, f) in zip(st.columns(len(fresh)), fresh.items(), strict=True):
        with column:
            when = updated.get(kind)
            st.metric(
                t("methodology.freshness.last_day", lang, extract=frames.extract_name(kind, lang)),
                frames.day_or(f.last_day, lang),
                delta=t("methodology.freshness.rows", lang, rows=fmt_int(f.rows, lang)),
                delta_color="off", delta_arrow="off", border=True,
            )
            st.caption(t("methodology.freshness.detail", lang, first=frames.day_or(f.first_day, lang),
                         updated=frames.published(when, lang) if when else
                         t("methodology.freshness.unknown", lang)))
    st.caption(t("methodology.freshness.caption", lang))


def _count(value: int | str, lang: str) -> str:
    return value if isinstance(value, str) else fmt_int(value, lang)


def _linkage_cards(linkage: data_health.Linkage, scope: str, lang: str) -> None:
    """One row: departures linked, cases linked (small counts hidden, pantau/disclosure.py)."""
    for column, (label, linked, total) in zip(st.columns(2), (
        ("departures", linkage.linked_departures, linkage.labour_departures),
        ("cases", linkage.linked_cases, linkage.cases),
    ), strict=True):
        linked_shown, total_shown, rate = data_health.shown(linked, total)
        help_text = t(f"methodology.linkage.{label}.help", lang)
        if rate is None and total:
            help_text += "\n\n" + t("methodology.linkage.hidden", lang, marker=disclosure.marker())
        column.metric(
            t(f"methodology.linkage.{scope}", lang, label=t(f"methodology.linkage.{label}", lang)),
            fmt_pct(rate, lang) if rate is not None else t("methodology.linkage.none", lang),
            delta=t("methodology.linkage.of", lang, linked=_count(linked_shown, lang), total=_count(total_shown, lang)),
            delta_color="off", delta_arrow="off", border=True, help=help_text,
        )


def linkage(version: store.Version, filters: Filters, lang: str, national: bool = True) -> None:
    """Linked shares for all data and the filters; `national`: also the rates the version's manifest recorded
    (they are the whole country's)."""
    st.subheader(t("methodology.linkage.title", lang))
    everything = data_health.linkage(data.query("health/linkage", data_health.all_time()))
    current = data_health.linkage(data.query("health/linkage", filters))
    _linkage_cards(everything, "all", lang)
    _linkage_cards(current, "filtered", lang)
    recorded = version.manifest.get("linkage") or {}

    def manifest_rate(key: str, linked: int, total: int) -> str:
        # The manifest's rate is the all-data one: hidden whenever the card above hides it.
        value = recorded.get(key)
        if not isinstance(value, int | float) or data_health.shown(linked, total)[2] is None:
            return t("methodology.linkage.none", lang)
        return fmt_pct(value, lang)

    if national:
        st.caption(t("methodology.linkage.caption", lang,
                     departures=manifest_rate("labour_departures_linked_to_registration", everything.linked_departures,
                                              everything.labour_departures),
                     cases=manifest_rate("cases_linked_to_departure", everything.linked_cases, everything.cases)))
    st.caption(t("methodology.linkage.filters", lang, start=fmt_date(filters.start, lang),
                 end=fmt_date(filters.end, lang)))


def quarantine(version: store.Version, history: list[data_health.Run], lang: str, national: bool = True) -> None:
    """Quarantined rows by reason and the ingest runs, from the manifests: whole-country counts, shown only when
    `national`."""
    st.subheader(t("methodology.quarantine.title", lang))
    if not national:
        st.info(t("data_quality.national_only", lang), icon=":material/public:")
        return
    st.caption(t("methodology.quarantine.caption", lang))
    by_reason = data_health.quarantine_by_reason(history)
    if by_reason.empty:
        st.success(t("methodology.quarantine.none", lang), icon=":material/check_circle:")
    else:
        st.plotly_chart(frames.quarantine_chart(by_reason, history, lang), key="chart_quarantine",
                        config={"displaylogo": False})
        st.dataframe(frames.quarantine_table(by_reason, lang), hide_index=True)
    st.markdown(f"**{t('methodology.quarantine.runs', lang)}**")
    st.dataframe(frames.runs(data_health.run_summary(history), version.id, lang), hide_index=True)


def gaps(lang: str) -> None:
    st.subheader(t("methodology.gaps.title", lang))
    st.caption(t("methodology.gaps.caption", lang))
    found = data_health.month_gaps(data.query("health/monthly_rows"))
    if found:
        st.dataframe(frames.gaps(found, lang), hide_index=True)
    else:
        st.success(t("methodology.gaps.none", lang), icon=":material/check_circle:")
    st.markdown(f"**{t('methodology.outages.title', lang)}**")
    st.caption(t("methodology.outages.caption", lang, min=fmt_int(data_health.MIN_TYPICAL, lang)))
    outages = data_health.checkpoint_outages(data.query("health/checkpoint_months"))
    if outages:
        st.dataframe(frames.outages(outages, lang), hide_index=True)
    else:
        st.success(t("methodology.outages.none", lang), icon=":material/check_circle:")


def data_dictionary(version: store.Version, lang: str) -> None:
    st.subheader(t("methodology.dictionary.title", lang))
    st.caption(t("methodology.dictionary.caption", lang))
    schemas = dictionary.published_schema(version)
    tabs = st.tabs([frames.extract_name(table, lang) for table in schemas])
    for tab, table in zip(tabs, schemas, strict=True):
        with tab:
            st.markdown(dictionary.table_description(table, lang))
            # A static table: descriptions wrap instead of hiding behind a scroll bar.
            st.table(frames.headers(dictionary.frame(schemas, table, lang), lang), hide_index=True,
                     border="horizontal")


def indicator_definitions(lang: str) -> None:
    st.subheader(t("methodology.definitions.title", lang))
    st.caption(t("methodology.definitions.caption", lang))
    for indicator in definitions.INDICATORS:
        with st.container(border=True):
            st.markdown(f"**{definitions.pick(indicator.name, lang)}**: {definitions.pick(indicator.definition, lang)}")
            for decision in indicator.decisions:
                st.markdown(f"*{t('methodology.definitions.decision', lang)}:* {definitions.pick(decision, lang)}")
            with st.container(horizontal=True):
                for name in indicator.sql:
                    # page_link keeps the session (language, filters); its address is the shareable ?sql= link.
                    st.page_link(PAGE, label=f"queries/{name}.sql", icon=":material/code:",
                                 query_params={SQL_PARAM: name})
