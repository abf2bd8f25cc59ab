"""Tables of areas (provinces, regencies, destinations, checkpoints) for the regions and profile pages.

Numbers are shown the user's way (1.234 / 1,234; 12,5% / 12.5%): counts through a pandas Styler,
which keeps the raw values underneath, so sorting by a column still sorts numbers; shares and
changes as text, since they may be empty. Each row can link to
the profile of its area (pantau/ui/links.py); the CSV and XLSX offered under a table hold the raw values
(hidden counts as the marker), with headers in the user's language and without the link column.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pantau import access, disclosure
from pantau.filters import Filters
from pantau.i18n import fmt_int, fmt_pct, t
from pantau.ui import kpi, panels
from pantau.ui.frames import has_hidden
from pantau.ui.links import scoped_profile_url

LINK = "profile"
# A share with nothing to divide by: no labour departure there.
NO_VALUE = "–"
# Columns shown as percentages; every other numeric column is a count.
SHARE_COLUMNS = frozenset({"non_procedural_share"})
CHANGE_COLUMNS = frozenset({"change"})
COUNT_COLUMNS = frozenset({
    "current", "previous", "registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
    "prevented_departures", "cases", "trafficking_cases", "previous_non_procedural_departures", "increase",
})


def header(column: str, lang: str) -> str:
    return t(f"regions.col.{column}", lang)


def localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The frame with headers in the user's language (regions.col.* labels)."""
    return frame.rename(columns={c: header(c, lang) for c in frame.columns})


def inside_scope(frame: pd.DataFrame, kind: str, code_column: str = "code") -> pd.DataFrame:
    """Only the areas (kind 'province' or 'regency') the session's scope covers.

    The query layer gives areas outside the scope zeros; listed, they would read as "nothing
    happened there" and offer links and map clicks into areas the user may not open.
    """
    scope = access.current().scope
    if scope.national:
        return frame
    covers = scope.covers_province if kind == "province" else scope.covers_regency
    return frame[[covers(str(code)) for code in frame[code_column]]].reset_index(drop=True)


def with_links(frame: pd.DataFrame, kind: str, code_column: str, filters: Filters, lang: str) -> pd.DataFrame:
    """The frame with a second column linking each row to its profile (beside the name, always in view).

    Areas whose profile the session may not open get no link (pantau/ui/links.py).
    """
    linked = frame.copy()
    linked.insert(1, LINK, [scoped_profile_url(kind, str(code), filters, lang) for code in linked[code_column]])
    return linked


def ranking(frame: pd.DataFrame, indicator: str, kind: str, filters: Filters, lang: str) -> pd.DataFrame:
    """Areas (`code`, `name`, indicators) sorted by one indicator, largest first (no value last).

    The name comes first, headed by the kind of area, then the profile link and the sorting
    indicator, so what matters shows without scrolling sideways; the code comes last.
    """
    order = ["name", indicator, *[c for c in frame.columns if c not in ("code", "name", indicator)], "code"]
    ranked = frame[order].sort_values([indicator, "code"], ascending=[False, True], na_position="last",
                                      key=lambda column: rank_key(column) if column.name == indicator else column)
    ranked = with_links(ranked.reset_index(drop=True), kind, "code", filters, lang)
    return ranked.rename(columns={"name": kind})


def rank_key(column: pd.Series) -> pd.Series:
    """Sort values of a (suppressed) indicator: a hidden cell ranks just above zero, whatever it hides.

    A complementary cell may hide a large count; ranked by its true value, its place among the
    visible ones would tell roughly how large.
    """
    below = disclosure.threshold() - 0.5
    return pd.Series([below if disclosure.is_hidden(v) else v for v in column], index=column.index, dtype=float)


def _styled(frame: pd.DataFrame, lang: str):
    shown = localised(frame, lang)
    formats = {}
    for column in frame.columns:
        name = header(column, lang)
        if column in SHARE_COLUMNS:
            # Written out as text: st.dataframe shows an empty cell as "None" whatever the Styler says,
            # and a share can be empty (no labour departure). Clicking the column sorts it as text.
            shown[name] = [v if isinstance(v, str) else NO_VALUE if pd.isna(v) else fmt_pct(v, lang)
                           for v in frame[column]]
        elif column in CHANGE_COLUMNS:
            shown[name] = [v if isinstance(v, str) else fmt_pct(None if pd.isna(v) else v, lang, signed=True)
                           for v in frame[column]]
        elif column in COUNT_COLUMNS and has_hidden(frame[column]):
            # Text, since Arrow takes no column mixing numbers and the marker.
            shown[name] = [kpi.fmt_count(v, lang) for v in frame[column]]
        elif column in COUNT_COLUMNS:
            formats[name] = lambda v: fmt_int(v, lang)
    return shown.style.format(formats)


def show(name: str, frame: pd.DataFrame, filters: Filters, lang: str, height: int | str = "auto",
         title: str | None = None, detail: bool = False) -> None:
    """The table (with its profile links, if any) and its values as CSV and XLSX (`detail`: panels.downloads)."""
    config = {}
    if LINK in frame.columns:
        config[header(LINK, lang)] = st.column_config.LinkColumn(
            header(LINK, lang), display_text=t("regions.profile_link.text", lang))
    st.dataframe(_styled(frame, lang), hide_index=True, column_config=config, height=height)
    data = frame.drop(columns=[LINK], errors="ignore")
    panels.downloads(name, localised(data, lang), data.columns, filters, lang, title=title,
                     percent=[header(c, lang) for c in data.columns if c in SHARE_COLUMNS | CHANGE_COLUMNS],
                     detail=detail)
