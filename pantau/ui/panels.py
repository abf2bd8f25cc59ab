"""A chart with its data underneath: the exact table it draws, and that table as CSV."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau.filters import Filters
from pantau.i18n import t
from pantau.ui import banners
from pantau.ui.frames import localised

# Offline and presentation-friendly: no plotly logo link, PNG export named after the chart.
PLOTLY_CONFIG = {"displaylogo": False}


def file_stem(name: str, filters: Filters) -> str:
    return f"pantau-pmi_{name}_{filters.start.isoformat()}_{filters.end.isoformat()}"


def chart(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str) -> None:
    stem = file_stem(name, filters)
    st.plotly_chart(fig, key=f"chart_{name}",
                    config={**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": stem, "scale": 2}})
    shown = localised(frame, lang)
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        st.dataframe(shown, hide_index=True)
        st.download_button(
            t("chart.download", lang), shown.to_csv(index=False).encode("utf-8"),
            file_name=f"{stem}.csv", mime="text/csv", key=f"csv_{name}", on_click="ignore",
            icon=":material/download:",
        )


def empty(title: str, lang: str) -> None:
    """Where a chart would be, say there is nothing to draw (never an empty axis)."""
    st.markdown(f"**{title}**")
    banners.no_data(lang)
