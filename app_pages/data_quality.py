"""Kualitas data / Data quality (data stewards): freshness, linkage, quarantine over time and gaps.

Freshness, linkage and gaps are queries, so they keep to the steward's scope. The ingest runs'
manifests count rows of the whole country: a steward with a regional scope is told so instead of
seeing them.
"""

from __future__ import annotations

import streamlit as st

from pantau import access, data_health, store
from pantau.i18n import t
from pantau.ui import banners, state
from pantau.ui import methodology as sections
from pantau.ui import methodology_frames as frames

lang = state.lang()
filters = state.filters()
version = store.current_version()
history = data_health.runs(data_health.manifests())
national = access.current().scope.national

st.title(t("data_quality.title", lang))
st.caption(t("data_quality.intro", lang))
own = data_health.lineage(version.id, history)
st.caption(t("methodology.version", lang, version=banners.code_span(version.id),
             created=frames.published(str(version.manifest.get("created_at", "")), lang),
             files=len(version.manifest.get("sources", [])), runs=len(own)))

sections.freshness(version, history, lang)
sections.linkage(version, filters, lang, national)
sections.quarantine(version, history, lang, national)
sections.gaps(lang)
