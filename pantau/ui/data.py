"""Query results for the pages, cached per dataset version.

The cache key is (dataset version id, the session's scope and suppression, query name, filters,
extra parameters): publishing a new version changes the id, so nothing stale is ever served and
no TTL is needed, and sessions share results only with sessions that may see the same rows.
Only small, aggregated DataFrames go through here.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from pantau import access, indicators, queries, store
from pantau.filters import Filters

MAX_ENTRIES = 512


def _version_id() -> str:
    version = store.current_version()
    if version is None:
        raise LookupError("no dataset published yet")
    return version.id


# `grant_key` is not read inside: queries.run finds the same grant itself (pantau/access.py).
@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _run(version_id: str, grant_key: tuple[str, bool], name: str, filters: Filters | None,
         extra: tuple[tuple[str, object], ...]) -> pd.DataFrame:
    return queries.run(name, filters, **dict(extra))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def _headline(version_id: str, grant_key: tuple[str, bool], filters: Filters) -> dict:
    return indicators.headline(filters)


def query(name: str, filters: Filters | None = None, **extra: object) -> pd.DataFrame:
    """queries/<name>.sql for these filters (st.cache_data hands out a fresh copy each call)."""
    return _run(_version_id(), access.current().key(), name, filters, tuple(sorted(extra.items())))


def headline(filters: Filters) -> dict:
    return _headline(_version_id(), access.current().key(), filters)


def data_period() -> tuple[dt.date, dt.date] | None:
    """First and last day with any record, or None for an empty dataset."""
    row = query("data_period").iloc[0]
    if pd.isna(row["first_day"]) or pd.isna(row["last_day"]):
        return None
    return pd.Timestamp(row["first_day"]).date(), pd.Timestamp(row["last_day"]).date()
