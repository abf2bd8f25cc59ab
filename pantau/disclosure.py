"""Small-cell suppression: counts from 1 to k-1 are shown as "<k" wherever a figure leaves the engine.

A count that small can identify a person (one trafficking case from one regency in one month).
Primary suppression hides those cells; secondary suppression hides one more cell in any row or
column that would otherwise have a single hidden cell, because the row or column total (shown
beside the table, in a KPI card or in another chart of the same numbers) gives it back. Zero
stays zero: "nobody" identifies nobody.

Who sees small counts is a matter of role (pantau/access.py): viewers never do, analysts and up
do. The operator at the command line gets suppression unless PANTAU_SUPPRESSION=off, which also
turns it off for everyone on a server (a closed analysts' server). The threshold is
PANTAU_SUPPRESSION_K (default 5, at least 2).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from pantau import access

DEFAULT_K = 5


def threshold() -> int:
    """k: counts below it (and above zero) are hidden. A bad setting falls back to the default."""
    try:
        k = int(os.environ.get("PANTAU_SUPPRESSION_K", DEFAULT_K))
    except ValueError:
        return DEFAULT_K
    return k if k >= 2 else DEFAULT_K


def switched_off() -> bool:
    """The server-wide switch PANTAU_SUPPRESSION=off."""
    return os.environ.get("PANTAU_SUPPRESSION", "on").strip().lower() in ("off", "0", "false", "no")


def is_on() -> bool:
    """Whether small counts are hidden for whoever the code runs for now."""
    if switched_off():
        return False
    grant = access.current()
    return grant.suppressed or grant.source == access.LOCAL


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


def hidden_cells(frame: pd.DataFrame, count_columns: list[str], k: int | None = None,
                 groups: Sequence[Sequence[str]] | None = None, forced: pd.DataFrame | None = None) -> pd.DataFrame:
    """Boolean mask of the cells to hide: primary (small) cells, then complementary ones.

    Every column with two or more rows is treated as having a published total, and so is every
    row across each of `groups` (by default one group: all the count columns): no such line is
    left with exactly one hidden cell when another non-zero cell could hide with it. The smallest
    such cell is chosen, which hides the least information. `groups` names the sums a row really
    has (labour = procedural + non-procedural), so a table with several (departures beside cases)
    protects each of them. `forced` (a boolean frame over some count columns) hides more cells
    from the start: those another table already hides.
    """
    k = k or threshold()
    counts = frame[count_columns].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        hidden = (counts > 0) & (counts < k)
    if forced is not None:
        for column in forced.columns:
            hidden[:, count_columns.index(column)] |= forced[column].to_numpy(dtype=bool)
    positive = counts > 0  # NaN compares False: a missing cell never hides with another
    rows, columns = counts.shape
    position = {c: j for j, c in enumerate(count_columns)}
    row_groups = [[position[c] for c in g] for g in (groups if groups is not None else [count_columns])]
    # Lines in a fixed order (rows, then columns), the first one with a lone hidden cell fixed first;
    # numpy keeps this loop cheap on the largest tables (every checkpoint, every regency).
    lines = [(np.full(len(g), i), np.array(g)) for i in range(rows) for g in row_groups if len(g) > 1]
    lines += [(np.arange(rows), np.full(rows, j)) for j in range(columns)] if rows > 1 else []
    changed = True
    while changed:
        changed = False
        for line_rows, line_columns in lines:
            line_hidden = hidden[line_rows, line_columns]
            if line_hidden.sum() != 1:
                continue
            open_cells = ~line_hidden & positive[line_rows, line_columns]
            if not open_cells.any():
                continue
            # The first smallest, like pandas idxmin.
            cell = int(np.argmin(np.where(open_cells, counts[line_rows, line_columns], np.inf)))
            hidden[line_rows[cell], line_columns[cell]] = True
            changed = True
            break
    return pd.DataFrame(hidden, index=frame.index, columns=count_columns)


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
    """A share is hidden (None) when it would give a small count back with a published denominator.

    2 of 3 gives both counts away; 3 of 12 gives the 3, and 11 of 12 the 1 that is not in it.
    """
    if numerator is None or not denominator:
        return None
    if is_on() and any(is_small(n, k) for n in (numerator, denominator, denominator - numerator)):
        return None
    return numerator / denominator


def is_hidden(cell: object) -> bool:
    """A cell that table() or frame() replaced by the marker (every marker is text; counts never are)."""
    return isinstance(cell, str) and cell.startswith("<")


def frame(data: pd.DataFrame, count_columns: Iterable[str], derived: Mapping[str, Iterable[str]] | None = None,
          k: int | None = None, groups: Sequence[Sequence[str]] | None = None,
          forced: pd.DataFrame | None = None) -> pd.DataFrame:
    """table(), and every derived column hidden in the rows where one of its sources is hidden.

    A share, a difference or a change computed from counts gives a hidden count back as surely as a
    total does: `derived` maps such a column to the count columns it is computed from (sources absent
    from the frame are skipped). `groups` and `forced` as in hidden_cells. When suppression is off the
    frame comes back unchanged.
    """
    counts = [c for c in count_columns if c in data.columns]
    if not is_on() or data.empty:
        return data.copy()
    k = k or threshold()
    hidden = (hidden_cells(data, counts, k, groups, forced) if counts
              else pd.DataFrame(index=data.index))
    shown = data.copy()
    for column in counts:
        if hidden[column].any():
            shown[column] = shown[column].astype(object).where(~hidden[column], marker(k))
    for column, sources in (derived or {}).items():
        present = [s for s in sources if s in hidden.columns]
        if column not in shown.columns or not present:
            continue
        gone = hidden[present].any(axis=1)
        if gone.any():
            shown[column] = shown[column].astype(object).where(~gone, marker(k))
    return shown
