"""Bahan rapat / Briefing: the coordination-meeting deck (PPTX, editable charts) and its PDF.

Period, region and language start from the sidebar (and follow it when it changes); the choices
here apply to the briefing only. The figures come from pantau/briefing/content.py, which runs the
same queries as the other pages. Only areas inside the user's scope are offered (pantau/access.py):
the figures would be the scope's part anyway, under another area's name.
"""

from __future__ import annotations

import datetime as dt

import streamlit as st

from pantau import access, reference
from pantau.briefing import content
from pantau.i18n import LANG_NAMES, LANGS, date_input_format, t
from pantau.ui import briefing_preview, state
from pantau.ui.links import in_scope

K_SEED = "_briefing_seed"
K_SEED_LANG = "_briefing_seed_lang"
K_START = "_briefing_start"
K_END = "_briefing_end"
K_LEVEL = "_briefing_level"
K_PROVINCE = "_briefing_province"
K_REGENCY = "_briefing_regency"
K_LANG = "_briefing_lang"
EARLIEST = dt.date(2000, 1, 1)

lang = state.lang()
filters = state.filters()
scope = access.current().scope
# A national briefing needs a national scope, a province's the whole province (as its profile does).
offered = {"national": scope.national, "province": scope.national or bool(scope.provinces), "regency": True}
levels = [level for level in content.LEVELS if offered[level]]

st.title(t("briefing.title", lang))
st.caption(t("briefing.intro", lang))
if filters.destinations or filters.genders or filters.checkpoints or filters.checkpoint_kinds:
    st.info(t("briefing.other_filters", lang), icon=":material/filter_alt:")

# The sidebar seeds the choices, and seeds them again whenever it changes (the language likewise).
if st.session_state.get(K_SEED) != filters:
    area = content.area_from_filters(filters)
    st.session_state.update({
        K_SEED: filters, K_START: filters.start, K_END: filters.end, K_LEVEL: area.level,
        K_PROVINCE: area.province or None, K_REGENCY: area.code if area.level == "regency" else None,
    })
if st.session_state.get(K_SEED_LANG) != lang:
    st.session_state.update({K_SEED_LANG: lang, K_LANG: lang})

when, where, language = st.columns([2, 3, 2])
with when:
    high = max(dt.date.today(), filters.end, st.session_state[K_END], st.session_state[K_START])
    first, last = st.columns(2)
    start = first.date_input(t("briefing.start", lang), min_value=EARLIEST, max_value=high, key=K_START,
                             format=date_input_format(lang))
    end = last.date_input(t("briefing.end", lang), min_value=EARLIEST, max_value=high, key=K_END,
                          format=date_input_format(lang))
with where:
    level = st.segmented_control(t("briefing.level", lang), levels, key=K_LEVEL, required=True,
                                 format_func=lambda v: t(f"briefing.level.{v}", lang))
    province = regency = None
    if level != "national":
        covers = (lambda code: in_scope("province", code, scope)) if level == "province" else scope.covers_province
        names = {code: name for code, name in reference.province_names().items() if covers(code)}
        pick, pick_regency = st.columns(2)
        province = pick.selectbox(t("briefing.province", lang), list(names), format_func=names.get, index=None,
                                  placeholder=t("briefing.pick_province", lang), key=K_PROVINCE)
        if level == "regency":
            regencies = {r["regency_code"]: r["regency_name"] for r in reference.rows("regencies")
                         if r["province_code"] == province and scope.covers_regency(r["regency_code"])}
            # A regency of another province (the province changed) is no choice any more.
            if st.session_state.get(K_REGENCY) not in regencies:
                st.session_state[K_REGENCY] = None
            regency = pick_regency.selectbox(
                t("briefing.regency", lang), list(regencies), format_func=regencies.get, index=None,
                placeholder=t("briefing.pick_regency", lang), key=K_REGENCY, disabled=not province)
with language:
    briefing_lang = st.segmented_control(t("briefing.lang", lang), LANGS, key=K_LANG, required=True,
                                         format_func=LANG_NAMES.get)

def request() -> content.Request | None:
    """What the choices above ask for; None (with a note) while a region is still to be chosen."""
    if start is None or end is None:
        return None  # a date field being edited
    first, last = start, end
    if first > last:
        st.warning(t("briefing.swapped", lang), icon=":material/swap_horiz:")
        first, last = last, first
    if (level == "province" and not province) or (level == "regency" and not regency):
        st.info(t("briefing.need_area", lang, what=t(f"briefing.level.{level}", lang).lower()), icon=":material/map:")
        return None
    code = regency if level == "regency" else province if level == "province" else ""
    return content.Request(first, last, content.Area(level, code or ""), briefing_lang)


asked = request()
result = briefing_preview.briefing(asked) if asked else None
if result is not None:
    briefing_preview.downloads(result, lang)
    briefing_preview.preview(result, lang)
