"""A chart with its data underneath: the exact table it draws, and that table as CSV, XLSX and PNG.

`downloads` serves every chart and table of the pages (pantau/ui/*_panels.py, maps.py, area_tables.py):
the files are made only when the user clicks (download_button with a callable), so a page costs nothing
for them until then, and the PNG's ~1.5 s browser start is paid by the one who asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import access, disclosure, exports, store
from pantau.filters import Filters
from pantau.i18n import t
from pantau.ui import audit_events, banners, present
from pantau.ui.frames import SHARES, localised, readable

# Offline and presentation-friendly: no plotly logo link, PNG export named after the chart.
PLOTLY_CONFIG = {"displaylogo": False}


def file_stem(name: str, filters: Filters) -> str:
    return f"pantau-pmi_{name}_{filters.start.isoformat()}_{filters.end.isoformat()}"


def detail_refused(filters: Filters, detail: bool = False) -> bool:
    """Whether a table is below province level and the session's grant may not download such tables.

    Below province level: its rows are regencies or finer (`detail`, said where the table is made),
    or its filters narrow it to regencies (a regency's own figures, e.g. on its profile).
    """
    return (detail or bool(filters.regencies)) and not access.current().can(access.DOWNLOAD_DETAIL)


def plotly_config(name: str, filters: Filters, detail: bool = False) -> dict:
    """A chart's config: its PNG button names the file after the chart, or is gone where downloads are refused."""
    if detail_refused(filters, detail):
        return {**PLOTLY_CONFIG, "modeBarButtonsToRemove": ["toImage"]}
    return {**PLOTLY_CONFIG, "toImageButtonOptions": {"filename": file_stem(name, filters), "scale": 2}}


def chart(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str, detail: bool = False) -> None:
    if present.take(name, fig):
        return
    st.plotly_chart(fig, key=f"chart_{name}", config=plotly_config(name, filters, detail))
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        st.dataframe(localised(readable(frame, lang), lang), hide_index=True)
        downloads(name, localised(frame, lang), frame.columns, filters, lang, fig=fig,
                  percent=[t(f"col.{c}", lang) for c in frame.columns if c in SHARES], detail=detail)


def export_header(title: str, columns: Iterable[str], filters: Filters, lang: str,
                  definitions: Iterable[str] = ()) -> exports.Header:
    """What a download's header block says, as of this run (dataset version, suppression)."""
    version = store.current_version()
    return exports.Header(
        title=title, lang=lang, filters=filters, comparison=filters.previous_year(),
        version_id=version.id if version else "", demo=bool(version and version.demo),
        definitions=exports.definitions(columns, definitions),
    )


def downloads(name: str, table: pd.DataFrame, columns: Iterable[str], filters: Filters, lang: str,
              fig: go.Figure | None = None, title: str | None = None, percent: Iterable[str] = (),
              definitions: Iterable[str] = (), detail: bool = False) -> None:
    """CSV, XLSX (and PNG of `fig`) buttons for one chart or table, each file made on click.

    `table` is the data as shown (headers in the user's language, no link columns); `columns` are
    its original column names, which choose the definitions stated in the header block. `detail`:
    its rows are regencies or finer, which only analysts and up may download (pantau/access.py);
    others get a note in place of the buttons.
    """
    if detail_refused(filters, detail):
        st.caption(f":material/lock: {t('access.no_detail_download', lang)}")
        return
    if title is None:
        title = fig.layout.title.text if fig is not None and fig.layout.title.text else name
    header = export_header(title, columns, filters, lang, definitions)
    stem = file_stem(name, filters)
    percent = list(percent)
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("chart.download", lang), audit_events.deferred(
                lambda: exports.csv_bytes(table, header), "download", filters, what=name, format="csv"),
            file_name=f"{stem}.csv",
            mime="text/csv", key=f"csv_{name}", on_click="ignore", icon=":material/download:",
            help=t("export.csv.help", lang),
        )
        st.download_button(
            t("export.xlsx", lang), audit_events.deferred(
                lambda: exports.xlsx_bytes(table, header, percent), "download", filters, what=name, format="xlsx"),
            file_name=f"{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key=f"xlsx_{name}",
            on_click="ignore", icon=":material/table_view:", help=t("export.xlsx.help", lang),
        )
        if fig is not None:
            st.download_button(
                t("export.png", lang), audit_events.deferred(
                    lambda: exports.png_bytes(fig, header), "download", filters, what=name, format="png"),
                file_name=f"{stem}.png",
                mime="image/png", key=f"png_{name}", on_click="ignore", icon=":material/image:",
                help=t("export.png.help", lang),
            )


def suppression_note(lang: str) -> None:
    """Under a page's period line: what the marker means, while suppression is on."""
    if disclosure.is_on():
        k = disclosure.threshold()
        st.caption(t("disclosure.caption", lang, last=k - 1, marker=disclosure.marker(k)))


def empty(title: str, lang: str) -> None:
    """Where a chart would be, say there is nothing to draw (never an empty axis)."""
    if present.take(f"empty_{title}", lambda: empty(title, lang)):
        return
    st.markdown(f"**{title}**")
    banners.no_data(lang)
