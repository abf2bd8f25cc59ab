"""Small-cell suppression: counts from 1 to k-1 are shown as "<k" wherever a figure leaves the engine.

A count that small can identify a person (one trafficking case from one regency in one month).
Primary suppression hides those cells; secondary suppression hides one more cell in any row or
column that would otherwise have a single hidden cell, because the row or column total (shown
beside the table, in a KPI card or in another chart of the same numbers) gives it back. Zero
stays zero: "nobody" identifies nobody.

Until access roles exist, the unsuppressed view is a configuration switch:
PANTAU_SUPPRESSION=off. The threshold is PANTAU_SUPPRESSION_K (default 5, at least 2).
"""

from __future__ import annotations

import os

import pandas as pd

DEFAULT_K = 5


def threshold() -> int:
    """k: counts below it (and above zero) are hidden. A bad setting falls back to the default."""
    try:
        k = int(os.environ.get("PANTAU_SUPPRESSION_K", DEFAULT_K))
    except ValueError:
        return DEFAULT_K
    return k if k >= 2 else DEFAULT_K


def is_on() -> bool:
    return os.environ.get("PANTAU_SUPPRESSION", "on").strip().lower() not in ("off", "0", "false", "no")


def marker(k: int | None = None) -> str:
    return f"<{k or threshold()}"


def is_small(n: object, k: int | None = None) -> bool:
    """A count that must not be shown: 1 .. k-1 (missing values and zero are not small)."""
    if n is None or isinstance(n, str) or pd.isna(n):
        return False
    return 0 < n < (k or threshold())


def value(n: int | None, k: int | None = None) -> int | str | None:
    """One figure on its own (a KPI card): the count, or the marker when it is small and suppression is on."""
    return marker(k) if is_on() and is_small(n, k) else n


def hidden_cells(frame: pd.DataFrame, count_columns: list[str], k: int | None = None) -> pd.DataFrame:
    """Boolean mask of the cells to hide: primary (small) cells, then complementary ones.

    Every row with two or more count columns and every column with two or more rows is treated
    as having a published total, so no row or column is left with exactly one hidden cell when
    another non-zero cell could hide with it. The smallest such cell is chosen, which hides the
    least information.
    """
    k = k or threshold()
    counts = frame[count_columns].apply(pd.to_numeric, errors="coerce")
    hidden = counts.apply(lambda column: column.map(lambda n: is_small(n, k)))
    changed = True
    while changed:
        changed = False
        # (row label, None) is a row across the count columns; (None, column) a column across rows.
        lines = []
        if len(count_columns) > 1:
            lines += [(i, None) for i in hidden.index]
        if len(counts) > 1:
            lines += [(None, c) for c in count_columns]
        for row, column in lines:
            line_hidden = hidden.loc[row] if column is None else hidden[column]
            if line_hidden.sum() != 1:
                continue
            line_counts = counts.loc[row] if column is None else counts[column]
            candidates = line_counts[~line_hidden & (line_counts > 0)]
            if candidates.empty:
                continue
            cell = candidates.idxmin()
            hidden.loc[(row, cell) if column is None else (cell, column)] = True
            changed = True
            break
    return hidden


def table(frame: pd.DataFrame, count_columns: list[str], k: int | None = None) -> pd.DataFrame:
    """A copy of the frame with hidden counts replaced by the marker (object columns), when suppression is on."""
    if not is_on() or frame.empty:
        return frame.copy()
    k = k or threshold()
    hidden = hidden_cells(frame, count_columns, k)
    shown = frame.copy()
    for column in count_columns:
        if hidden[column].any():
            shown[column] = shown[column].astype(object).where(~hidden[column], marker(k))
    return shown


def share(numerator: int | None, denominator: int | None, k: int | None = None) -> float | None:
    """A share is hidden (None) when its denominator is small: 2 of 3 gives both counts away."""
    if numerator is None or not denominator:
        return None
    if is_on() and is_small(denominator, k):
        return None
    return numerator / denominator
