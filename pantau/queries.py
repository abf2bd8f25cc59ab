"""Run a named query from queries/ against the current dataset version.

Pages and the CLI ask questions by name with a `Filters` value; they never build SQL.
"""

from __future__ import annotations

import pandas as pd

from pantau import sql, store
from pantau.filters import Filters


def run(name: str, filters: Filters | None = None, **params: object) -> pd.DataFrame:
    """queries/<name>.sql bound to the filters' parameters and any extra ones (e.g. limit)."""
    query = sql.load(name)
    bound = sql.bind(query, {**(filters.sql_params() if filters else {}), **params})
    _, con = store.connection()
    cursor = con.cursor()
    try:
        return cursor.execute(query, bound).df()
    finally:
        cursor.close()
