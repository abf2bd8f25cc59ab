"""KPI cards: a headline figure with its change against the same period a year earlier.

Cards take suppressed headlines (pantau/ui/frames.py suppressed_headline): a hidden count shows as
the marker, and its change is left out, since the change and the other period's figure give it back.
"""

from __future__ import annotations

import streamlit as st

from pantau import disclosure
from pantau.i18n import fmt_int, fmt_pct, t
from pantau.indicators import change
from pantau.ui import present
from pantau.ui.frames import mode_share

# (indicator, delta colour). "inverse" where a rise is bad news; "off" where a rise is neither
# good nor bad: more labour departures, or more departures prevented at checkpoints (tighter
# checks, or more attempts).
KPIS: tuple[tuple[str, str], ...] = (
    ("registrations", "normal"),
    ("labour_departures", "off"),
    ("procedural_departures", "normal"),
    ("non_procedural_departures", "inverse"),
    ("prevented_departures", "off"),
    ("cases", "inverse"),
    ("trafficking_cases", "inverse"),
)
# Cards per row: big Indonesian numbers (8.123.456) need the width.
PER_ROW = 4


def fmt_count(value: int | str | None, lang: str) -> str:
    """A count the user's way (1.234 / 1,234), or the marker of a hidden one as it is."""
    if value is None:
        return "–"
    return value if isinstance(value, str) else fmt_int(value, lang)


def fmt_share(value: float | str | None, lang: str) -> str:
    return value if isinstance(value, str) else fmt_pct(value, lang)


def hidden_help(lang: str) -> str:
    k = disclosure.threshold()
    return t("disclosure.kpi.help", lang, last=k - 1, marker=disclosure.marker(k))


def card(indicator: str, current: int | str, previous: int | str, lang: str, delta_color: str) -> None:
    help_text = t(f"kpi.{indicator}.help", lang)
    if disclosure.is_hidden(current) or disclosure.is_hidden(previous):
        st.metric(t(f"kpi.{indicator}", lang), fmt_count(current, lang), delta=None,
                  help=help_text + "\n\n" + hidden_help(lang), border=True)
        return
    ratio = change(current, previous)
    delta = fmt_pct(ratio, lang, signed=True)
    arrow = "auto"
    if ratio is None:
        delta_color, arrow = "off", "off"
        help_text += "\n\n" + t("kpi.no_comparison.help", lang)
    elif not delta.startswith(("+", "-")):  # rounds to zero: no direction to show
        delta_color, arrow = "off", "off"
    st.metric(
        t(f"kpi.{indicator}", lang),
        fmt_count(current, lang),
        delta=delta,
        delta_color=delta_color,
        delta_arrow=arrow,
        delta_description=t("kpi.delta_description", lang),
        help=help_text,
        border=True,
    )


def cards(current: dict, previous: dict, lang: str) -> None:
    """The seven headline cards, in the order of pantau.indicators.COUNTS (suppressed headlines)."""
    if present.take("kpis", lambda: cards(current, previous, lang), t("present.kpis", lang)):
        return
    for first in range(0, len(KPIS), PER_ROW):
        row = KPIS[first:first + PER_ROW]
        for column, (indicator, color) in zip(st.columns(PER_ROW), row, strict=False):
            with column:
                card(indicator, current[indicator], previous[indicator], lang, color)


def share_cards(current: dict, lang: str) -> None:
    """Non-procedural share of trafficking cases and of all cases, each with its unknown count beside it."""
    if present.take("share_kpis", lambda: share_cards(current, lang), t("modes.header", lang)):
        return
    for column, group in zip(st.columns(2), ("trafficking_cases", "cases"), strict=True):
        by_mode = current["trafficking_by_mode" if group == "trafficking_cases" else "cases_by_mode"]
        with column:
            st.markdown(f"**{t(f'modes.group.{group}', lang)}**")
            share, unknown = st.columns(2)
            share.metric(t("modes.share", lang), fmt_share(mode_share(by_mode), lang),
                         help=t("modes.share_help", lang), border=True)
            unknown.metric(t("modes.unknown", lang), fmt_count(by_mode["unknown"], lang), border=True)
