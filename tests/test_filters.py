"""Filters <-> URL parameters <-> SQL parameters."""

from __future__ import annotations

import datetime as dt

from pantau.filters import Filters, from_query_params

DEFAULT = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def test_round_trip_through_url_parameters():
    f = Filters(dt.date(2024, 2, 1), dt.date(2024, 3, 31), ("32", "33"), ("3201",), ("MYS", "SGP"), ("F",))
    params = f.query_params()
    assert params == {"start": "2024-02-01", "end": "2024-03-31", "province": "32,33", "regency": "3201",
                      "destination": "MYS,SGP", "gender": "F"}
    again, notices = from_query_params(params, *DEFAULT)
    assert again == f and notices == []


def test_empty_filters_are_left_out_of_the_url():
    assert Filters(*DEFAULT).query_params() == {"start": "2024-01-01", "end": "2024-12-31"}


def test_codes_are_normalised_and_unknown_ones_dropped_with_a_notice():
    f, notices = from_query_params(
        {"province": "32,99,abc", "regency": "32.01", "destination": "mys,XXX", "gender": "f,Z"}, *DEFAULT
    )
    assert (f.provinces, f.regencies, f.destinations, f.genders) == (("32",), ("3201",), ("MYS",), ("F",))
    assert sorted((n.param, n.value, n.reason) for n in notices) == [
        ("destination", "XXX", "unknown_code"),
        ("gender", "Z", "unknown_code"),
        ("province", "99", "unknown_code"),
        ("province", "abc", "unknown_code"),
    ]


def test_bad_dates_and_reversed_periods_fall_back_to_the_default():
    f, notices = from_query_params({"start": "notadate", "end": "2024-13-01"}, *DEFAULT)
    assert (f.start, f.end) == DEFAULT
    assert [n.reason for n in notices] == ["bad_date", "bad_date"]
    f, notices = from_query_params({"start": "2024-05-01", "end": "2024-04-01"}, *DEFAULT)
    assert (f.start, f.end) == DEFAULT and notices[0].reason == "empty_period"


def test_sql_injection_and_oversized_values_are_just_unknown_codes():
    f, notices = from_query_params({"regency": "';DROP TABLE departures;--", "province": "3" * 5000}, *DEFAULT)
    assert f.regencies == () and f.provinces == ()
    assert {n.reason for n in notices} == {"unknown_code", "too_long"}


def test_previous_year_keeps_filters_and_handles_leap_day():
    f = Filters(dt.date(2024, 2, 29), dt.date(2024, 12, 31), ("32",))
    prev = f.previous_year()
    assert (prev.start, prev.end, prev.provinces) == (dt.date(2023, 2, 28), dt.date(2023, 12, 31), ("32",))


def test_sql_params_are_plain_lists_for_duckdb():
    f = Filters(*DEFAULT, provinces=("32",))
    assert f.sql_params()["provinces"] == ["32"] and f.sql_params()["regencies"] == []


def test_checkpoint_filters_round_trip_and_reach_departure_queries(published):
    from pantau import queries, sql, store

    f, notices = from_query_params({"checkpoint": "sea-tbk,AIR-XXX", "checkpoint_kind": "SEA,boat"}, *DEFAULT)
    assert (f.checkpoints, f.checkpoint_kinds) == (("SEA-TBK",), ("sea",))
    assert sorted(n.value for n in notices) == ["AIR-XXX", "boat"]
    assert f.query_params()["checkpoint"] == "SEA-TBK"
    # SEA-TBK in 2024: D06 (labour, non-procedural) and D05 (prevented); tests/extracts.py.
    query = """
        SELECT count(*) FILTER (WHERE is_labour), count(*) FILTER (WHERE outcome = 'delayed')
        FROM f_departures($start, $end, $provinces, $regencies, $destinations, $genders,
                          checkpoints := $checkpoints, checkpoint_kinds := $checkpoint_kinds)
    """
    _, con = store.connection()
    # A cursor nobody scoped (pantau/queries.py scopes every query's) sees nothing.
    assert con.cursor().execute(query, sql.bind(query, f.sql_params())).fetchall() == [(0, 0)]
    national = con.cursor()
    national.execute("SET VARIABLE scope_national = true")
    assert national.execute(query, sql.bind(query, f.sql_params())).fetchall() == [(1, 1)]
    sea_only = from_query_params({"checkpoint_kind": "sea"}, *DEFAULT)[0]
    # Sea checkpoints in 2024: D02 (SEA-BTC), D05 and D06 (SEA-TBK); D05 is prevented.
    assert national.execute(query, sql.bind(query, sea_only.sql_params())).fetchall() == [(2, 1)]
    assert queries.run("headline", f).iloc[0]["labour_departures"] == 1
    assert queries.run("headline", f.without_checkpoints()).iloc[0]["labour_departures"] == 8
