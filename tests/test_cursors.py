"""Reused scoped cursors (pantau/cursors.py): each scope gets back only its own cursors.

Figures are tests/test_access_scope.py's hand-worked 2024 counts of tests/extracts.py.
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from extracts import NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024

from pantau import access, cursors, indicators, store
from pantau.access import ANALYST, NATIONAL, Grant, Scope
from pantau.filters import Filters

YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
P32, P33 = Scope(provinces=("32",)), Scope(provinces=("33",))


def headline(scope: Scope) -> dict:
    with access.acting_as(Grant("test@test.example", ANALYST, scope, "test")):
        return indicators.headline(YEAR_2024)


def test_a_scope_gets_its_own_cursor_back(published):
    _, con = store.connection()
    with cursors.scoped(con, P33) as first:
        pass
    with cursors.scoped(con, P32) as other:
        assert other is not first
    with cursors.scoped(con, P33) as again:
        assert again is first


def test_interleaved_scopes_each_see_only_their_rows(published):
    # A pool that handed any idle cursor to any scope would give province 32 the national figures here.
    expected = {NATIONAL: NATIONAL_2024, P32: PROVINCE_32_2024, P33: REGENCY_3301_2024}
    for scope in (NATIONAL, P33, NATIONAL, P32, P33, P32, NATIONAL):
        assert headline(scope) == expected[scope]
    assert cursors.idle_count() >= 3


def test_a_failed_query_does_not_return_its_cursor(published):
    _, con = store.connection()
    with cursors.scoped(con, P32):
        pass
    idle = cursors.idle_count()
    with pytest.raises(duckdb.Error), cursors.scoped(con, P32) as cursor:
        cursor.execute("SELECT * FROM no_such_table")
    assert cursors.idle_count() == idle - 1
    with pytest.raises(duckdb.Error):
        cursor.execute("SELECT 1")  # closed
    assert headline(P32) == PROVINCE_32_2024


def test_another_connection_closes_the_old_ones_cursors(published, tmp_path):
    _, con = store.connection()
    with cursors.scoped(con, P33) as old:
        pass
    other = duckdb.connect()
    try:
        with cursors.scoped(other, P33) as new:
            assert new is not old
        with pytest.raises(duckdb.Error):
            old.execute("SELECT 1")
        assert cursors.idle_count() == 1
    finally:
        other.close()


def test_idle_cursors_are_bounded(published):
    _, con = store.connection()
    held = [cursors.scoped(con, P33) for _ in range(cursors.MAX_IDLE + 3)]
    for context in held:
        context.__enter__()
    for context in held:
        context.__exit__(None, None, None)
    assert cursors.idle_count() == cursors.MAX_IDLE
