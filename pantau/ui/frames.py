"""Query results reshaped into the small tables the overview charts draw (no Streamlit here).

Each chart draws exactly the frame built here, and the page offers that same frame as data and
CSV, so what is downloaded is what is seen.

`suppress` is the one step between a frame and everything drawn from it: small counts become the
marker "<5" (pantau/disclosure.py), with the complementary cells and the derived columns (shares,
differences) that would give them back. Pages suppress each frame once and hand the result to the
chart, the table and the downloads alike.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from pantau import disclosure
from pantau.i18n import fmt_int, fmt_pct, t
from pantau.indicators import COUNTS

MODES = ("procedural", "non_procedural", "unknown")
# A query `limit` that keeps every row: top-N charts are suppressed over all rows, then cut, so they
# hide the same cells as a table of all of them.
ALL_ROWS = 100_000
# Columns computed from counts, and the counts each is computed from (those present in a frame count).
DERIVED: dict[str, tuple[str, ...]] = {
    "non_procedural_share": ("procedural", "non_procedural", "unknown", "procedural_departures",
                             "non_procedural_departures", "labour_departures"),
    "previous_non_procedural_share": ("previous_procedural", "previous_non_procedural"),
    "increase": ("current", "previous", "non_procedural_departures", "previous_non_procedural_departures"),
    "change": ("current", "previous"),
}
# Derived columns that are fractions (shown as percentages).
SHARES = frozenset({"non_procedural_share", "previous_non_procedural_share", "change"})
# Numeric columns that are neither counts nor computed from the counts beside them.
NOT_COUNTS = frozenset({"median_days_to_resolution", "mean_days_to_resolution"})


def count_columns(frame: pd.DataFrame, derived: Mapping[str, tuple[str, ...]] = DERIVED) -> list[str]:
    """The frame's counts: its numeric columns that are not derived from others (shares, changes)."""
    return [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
            and not pd.api.types.is_bool_dtype(frame[c]) and c not in derived and c not in NOT_COUNTS]


# The sums a row of a frame holds: parts of one total, with or without the total beside them (it is
# shown elsewhere: labour departures of a month on the destinations page, cases in a KPI card). A hidden
# part never stands alone in one of them (pantau/disclosure.py hidden_cells `groups`).
RELATIONS: tuple[tuple[str, ...], ...] = (
    ("labour_departures", "procedural_departures", "non_procedural_departures"),
    ("labour_departures", "procedural", "non_procedural"),
    ("procedural", "non_procedural"),
    ("previous_procedural", "previous_non_procedural"),
    ("procedural", "non_procedural", "unknown"),
    ("trafficking_cases", "procedural", "non_procedural", "unknown"),
    ("trafficking_cases", "other_cases", "cases"),
    ("linked", "reported", "none", "total"),
)
# A frame with labour and non-procedural departures but no procedural ones still implies them (the
# difference), and other pages show them: suppression runs with the difference in place, then drops it.
IMPLIED = "procedural_departures"
# Columns that name a row, in order of preference: rows are suppressed in the order of this key, so
# two tables of the same rows in another order (a ranking, a top 10) make the same choices.
ROW_KEYS = ("code", "iso3", "checkpoint_code", "province_code", "month")


def relations(columns: list[str], extra: tuple[tuple[str, ...], ...] = ()) -> list[list[str]]:
    """The RELATIONS (and `extra` ones) whose every column is among `columns`."""
    return [list(r) for r in (*RELATIONS, *extra) if set(r) <= set(columns)]


def suppress(frame: pd.DataFrame, derived: Mapping[str, tuple[str, ...]] = DERIVED,
             extra: tuple[tuple[str, ...], ...] = (), forced: pd.DataFrame | None = None) -> pd.DataFrame:
    """The frame as it may be shown (unchanged when suppression is off).

    Counts are its numeric columns (count_columns); rows are checked across each sum they hold
    (RELATIONS, plus `extra`), columns top to bottom. `forced` hides cells another table hides.
    """
    if not disclosure.is_on() or frame.empty:
        return frame.copy()
    data = frame
    implied = (IMPLIED not in frame.columns and "labour_departures" in frame.columns
               and "non_procedural_departures" in frame.columns)
    if implied:
        data = frame.assign(**{IMPLIED: frame["labour_departures"] - frame["non_procedural_departures"]})
    key = next((c for c in ROW_KEYS if c in data.columns and data[c].is_unique), None)
    order = data.index
    if key is not None:
        data = data.sort_values(key, kind="stable")
    counts = count_columns(data, derived)
    shown = disclosure.frame(data, counts, derived, groups=relations(counts, extra),
                             forced=None if forced is None else forced.loc[data.index])
    shown = shown.loc[order]
    return shown.drop(columns=[IMPLIED]) if implied else shown


def suppressed_headline(headline: dict) -> dict:
    """pantau.indicators.headline() as it may be shown: each count, or the marker.

    Labour departures are procedural + non-procedural, and each case group is the sum of its three
    modes, so one hidden part would follow from the total beside it: the parts hide in pairs
    (disclosure.hidden_cells on the one-row table of the parts).
    """
    shown: dict = {name: disclosure.value(headline[name]) for name in COUNTS}
    classes = ["procedural_departures", "non_procedural_departures"]
    parts = disclosure.table(pd.DataFrame([{c: headline[c] for c in classes}]), classes).iloc[0]
    shown.update({c: parts[c] for c in classes})
    for key in ("cases_by_mode", "trafficking_by_mode"):
        row = disclosure.table(pd.DataFrame([headline[key]]), list(MODES)).iloc[0]
        shown[key] = {mode: row[mode] for mode in MODES}
    return shown


def mode_share(by_mode: Mapping[str, object]) -> float | str | None:
    """Non-procedural share of a group of cases; the marker when any mode is hidden (the total is shown)."""
    if any(disclosure.is_hidden(v) for v in by_mode.values()):
        return disclosure.marker()
    known = by_mode["procedural"] + by_mode["non_procedural"]
    return by_mode["non_procedural"] / known if known else None


def monthly(raw: pd.DataFrame) -> pd.DataFrame:
    """month as 'YYYY-MM' (language-neutral, sorts and parses), then the three counts."""
    frame = raw[["month", "procedural", "non_procedural", "prevented"]].copy()
    frame["month"] = pd.to_datetime(frame["month"]).dt.strftime("%Y-%m")
    return frame.reset_index(drop=True)


def top_provinces(raw: pd.DataFrame) -> pd.DataFrame:
    frame = raw[["province_code", "province_name", "labour_departures", "procedural", "non_procedural"]]
    return frame.rename(columns={"province_name": "province"}).reset_index(drop=True)


def top_destinations(raw: pd.DataFrame, lang: str) -> pd.DataFrame:
    name = "name_id" if lang == "id" else "name_en"
    frame = raw[["iso3", name, "labour_departures", "procedural", "non_procedural"]]
    return frame.rename(columns={name: "country"}).reset_index(drop=True)


def case_modes(headline: dict, lang: str) -> pd.DataFrame:
    """One row per group (trafficking cases, all cases): counts by departure mode and the share.

    Give it suppressed_headline(): the chart then hides exactly what the cards beside it hide.
    """
    rows = []
    for group, key in (("trafficking_cases", "trafficking_by_mode"), ("cases", "cases_by_mode")):
        by_mode = headline[key]
        share = mode_share(by_mode)
        rows.append({
            "group": t(f"modes.group.{group}", lang),
            **{mode: by_mode[mode] for mode in MODES},
            "non_procedural_share": round(share, 4) if isinstance(share, float) else share,
        })
    return pd.DataFrame(rows)


def has_hidden(column: pd.Series) -> bool:
    return any(disclosure.is_hidden(value) for value in column)


def readable(frame: pd.DataFrame, lang: str, shares: frozenset[str] = SHARES) -> pd.DataFrame:
    """For st.dataframe: a column holding a hidden cell as text, its other values written the user's way.

    Arrow takes no column mixing numbers and text; the CSV keeps the numbers (see pantau/exports.py).
    """
    shown = frame.copy()
    for column in frame.columns:
        if not has_hidden(frame[column]):
            continue
        if column in shares:
            shown[column] = [v if isinstance(v, str) else "–" if v is None or pd.isna(v) else fmt_pct(v, lang)
                             for v in frame[column]]
        else:
            shown[column] = [v if isinstance(v, str) else "–" if v is None or pd.isna(v) else fmt_int(v, lang)
                             for v in frame[column]]
    return shown


def is_empty(frame: pd.DataFrame, columns: tuple[str, ...]) -> bool:
    """No rows, or nothing but zeros in the counted columns (a hidden count is not zero)."""
    if frame.empty:
        return True
    return not any(disclosure.is_hidden(v) or (not pd.isna(v) and v != 0)
                   for v in frame[list(columns)].to_numpy().ravel())


def localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The same frame with column headers in the user's language (for the table and the CSV)."""
    return frame.rename(columns={c: t(f"col.{c}", lang) for c in frame.columns})
