"""Run a named query from queries/ against the current dataset version, inside the caller's scope.

Pages and the CLI ask questions by name with a `Filters` value; they never build SQL, and they
never choose the scope: it is the current grant's (pantau/access.py), set here on the cursor as
bound variables that queries/views.sql filters every extract by.
"""

from __future__ import annotations

import pandas as pd

from pantau import access, cursors, sql, store
from pantau.filters import Filters


def run(name: str, filters: Filters | None = None, **params: object) -> pd.DataFrame:
    """queries/<name>.sql bound to the filters' parameters and any extra ones (e.g. limit)."""
    scope = access.query_grant().scope
    query = sql.load(name)
    bound = sql.bind(query, {**(filters.sql_params() if filters else {}), **params})
    _, con = store.connection()
    with cursors.scoped(con, scope) as cursor:
        return cursor.execute(query, bound).df()
