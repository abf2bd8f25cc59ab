"""The headline indicators of DESIGN.md, computed by queries/headline.sql.

The definitions themselves live in SQL (queries/publish/ for linkage, queries/views.sql for
filters); this module shapes the one-row answer for the CLI and the pages.
"""

from __future__ import annotations

from pantau import queries
from pantau.filters import Filters

MODES = ("procedural", "non_procedural", "unknown")

# Flat indicators, in the order the summary prints them.
COUNTS = (
    "registrations",
    "labour_departures",
    "procedural_departures",
    "non_procedural_departures",
    "prevented_departures",
    "cases",
    "trafficking_cases",
)


def headline(filters: Filters) -> dict:
    """The summary object: the counts above plus cases_by_mode and trafficking_by_mode."""
    row = queries.run("headline", filters).iloc[0]
    result: dict = {name: int(row[name]) for name in COUNTS}
    result["cases_by_mode"] = {mode: int(row[f"cases_{mode}"]) for mode in MODES}
    result["trafficking_by_mode"] = {mode: int(row[f"trafficking_{mode}"]) for mode in MODES}
    return result


def non_procedural_share(by_mode: dict[str, int]) -> float | None:
    """non-procedural / (procedural + non-procedural); unknown is reported beside it, not in it."""
    known = by_mode["procedural"] + by_mode["non_procedural"]
    return by_mode["non_procedural"] / known if known else None


def change(current: int, previous: int) -> float | None:
    """Relative change against the comparison period; None when there is nothing to compare."""
    return (current - previous) / previous if previous else None
