"""Charts and tables of the departures and destinations pages, each with its data and a CSV.

Like pantau/ui/panels.py, but the column headers come from the page's own labels (`<prefix>.<column>`,
e.g. departures.col.month), tables can link rows to profiles, and numbers show the user's way
(1.234 / 1,234; 12,5% / 12.5%). The CSV holds the raw values under translated headers, without links.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from pantau import disclosure
from pantau.filters import Filters
from pantau.i18n import fmt_int, fmt_pct, t
from pantau.ui import kpi, present
from pantau.ui.frames import has_hidden
from pantau.ui.links import scoped_profile_url
from pantau.ui.panels import downloads, plotly_config

# A share with nothing to divide by (no labour departure): shown as a dash, never as "None".
NO_VALUE = "–"
SHARE_COLUMNS = frozenset({"non_procedural_share", "previous_non_procedural_share"})
# link column -> (profile kind, column holding the code)
Links = Mapping[str, tuple[str, str]]


def localised(frame: pd.DataFrame, prefix: str, lang: str) -> pd.DataFrame:
    return frame.rename(columns={c: t(f"{prefix}.{c}", lang) for c in frame.columns})


def with_links(frame: pd.DataFrame, links: Links, filters: Filters, lang: str) -> pd.DataFrame:
    """Link columns right after the first (name) column, so they stay in view (none outside the user's scope)."""
    linked = frame.copy()
    for position, (column, (kind, code_column)) in enumerate(links.items(), start=1):
        linked.insert(position, column, [scoped_profile_url(kind, code, filters, lang) if isinstance(code, str)
                                         else None for code in frame[code_column]])
    return linked


def share_text(value: object, lang: str) -> str:
    """A share as '12,5%'; a dash when there is nothing to divide by; the marker when it is hidden."""
    if isinstance(value, str):
        return value
    return NO_VALUE if value is None or pd.isna(value) else fmt_pct(float(value), lang)


def _styled(frame: pd.DataFrame, prefix: str, lang: str, texts: Mapping[str, Callable[[object], str]]):
    shown = localised(frame, prefix, lang)
    formats = {}
    for column in frame.columns:
        header = t(f"{prefix}.{column}", lang)
        if column in texts:
            # As text: st.dataframe shows an empty cell as "None" whatever a Styler says.
            shown[header] = [v if disclosure.is_hidden(v) else texts[column](v) for v in frame[column]]
        elif column in SHARE_COLUMNS:
            shown[header] = [share_text(v, lang) for v in frame[column]]
        elif has_hidden(frame[column]):
            # Counts with hidden cells: text, since Arrow takes no column mixing numbers and text.
            shown[header] = [kpi.fmt_count(v, lang) for v in frame[column]]
        elif pd.api.types.is_integer_dtype(frame[column]):
            formats[header] = lambda v: fmt_int(v, lang)
    return shown.style.format(formats)


def _dataframe(frame: pd.DataFrame, prefix: str, filters: Filters, lang: str, links: Links,
               texts: Mapping[str, Callable[[object], str]], height: int | str) -> None:
    shown = with_links(frame, links, filters, lang)
    config = {t(f"{prefix}.{column}", lang): st.column_config.LinkColumn(
        t(f"{prefix}.{column}", lang), display_text=t("departures.open_profile", lang)) for column in links}
    st.dataframe(_styled(shown, prefix, lang, texts), hide_index=True, column_config=config, height=height)


def _download(name: str, frame: pd.DataFrame, prefix: str, filters: Filters, lang: str,
              fig: go.Figure | None = None, title: str | None = None, detail: bool = False) -> None:
    downloads(name, localised(frame, prefix, lang), frame.columns, filters, lang, fig=fig, title=title,
              percent=[t(f"{prefix}.{c}", lang) for c in frame.columns if c in SHARE_COLUMNS | {"change"}],
              detail=detail)


def chart(name: str, fig: go.Figure, frame: pd.DataFrame, filters: Filters, lang: str, prefix: str,
          links: Links | None = None, detail: bool = False) -> None:
    """The chart, and under it the exact table it draws (with profile links) and that table as CSV.

    `detail`: its rows are regencies or finer (panels.downloads).
    """
    if present.take(name, fig):
        return
    st.plotly_chart(fig, key=f"chart_{name}", config=plotly_config(name, filters, detail))
    with st.expander(t("chart.data", lang), icon=":material/table:"):
        _dataframe(frame, prefix, filters, lang, links or {}, {}, "auto")
        _download(name, frame, prefix, filters, lang, fig=fig, detail=detail)


def table(name: str, frame: pd.DataFrame, filters: Filters, lang: str, prefix: str, links: Links | None = None,
          texts: Mapping[str, Callable[[object], str]] | None = None, height: int | str = "auto",
          title: str | None = None, detail: bool = False) -> None:
    """A table in view (rows linked to profiles) and its CSV and XLSX; `texts` formats columns shown as text."""
    _dataframe(frame, prefix, filters, lang, links or {}, texts or {}, height)
    _download(name, frame, prefix, filters, lang, title=title, detail=detail)


# (indicator, delta colour) of the departures page's cards; the share sits between the classes and the
# prevented departures. A rise in the share is bad news.
DEPARTURE_KPIS = (
    ("labour_departures", "off"),
    ("procedural_departures", "normal"),
    ("non_procedural_departures", "inverse"),
    ("non_procedural_share", "inverse"),
    ("prevented_departures", "off"),
)
CARDS_PER_ROW = 3


def departure_share(headline: dict) -> float | str | None:
    """Non-procedural ÷ labour departures; the marker when either class is hidden (suppressed headline)."""
    classes = (headline["procedural_departures"], headline["non_procedural_departures"])
    if any(disclosure.is_hidden(v) for v in classes):
        return disclosure.marker()
    labour = headline["labour_departures"]
    return headline["non_procedural_departures"] / labour if labour else None


def share_card(current: dict, previous: dict, lang: str) -> None:
    """The non-procedural share of labour departures, its change in percentage points."""
    now, before = departure_share(current), departure_share(previous)
    help_text = t("departures.kpi.share.help", lang)
    if isinstance(now, str) or isinstance(before, str):
        delta, color, arrow = None, "off", "off"
        help_text += "\n\n" + kpi.hidden_help(lang)
    elif now is None or before is None:
        delta, color, arrow = t("kpi.no_comparison", lang), "off", "off"
        help_text += "\n\n" + t("kpi.no_comparison.help", lang)
    else:
        points = fmt_pct(now - before, lang, signed=True).removesuffix("%")
        delta, color, arrow = t("departures.kpi.points", lang, value=points), "inverse", "auto"
        if not points.startswith(("+", "-")):  # rounds to zero: no direction to show
            color, arrow = "off", "off"
    st.metric(t("departures.kpi.share", lang), share_text(now, lang), delta=delta, delta_color=color,
              delta_arrow=arrow, delta_description=None if delta is None else t("kpi.delta_description", lang),
              help=help_text, border=True)


def departure_cards(current: dict, previous: dict, lang: str) -> None:
    """Labour, procedural, non-procedural, share and prevented departures against a year earlier.

    Three to a row: five in one row cut the labels short ("Keberangkatan pek…") on a laptop screen.
    """
    if present.take("departure_kpis", lambda: departure_cards(current, previous, lang), t("present.kpis", lang)):
        return
    for first in range(0, len(DEPARTURE_KPIS), CARDS_PER_ROW):
        row = DEPARTURE_KPIS[first:first + CARDS_PER_ROW]
        for column, (indicator, color) in zip(st.columns(CARDS_PER_ROW), row, strict=False):
            with column:
                if indicator == "non_procedural_share":
                    share_card(current, previous, lang)
                else:
                    kpi.card(indicator, current[indicator], previous[indicator], lang, color)
