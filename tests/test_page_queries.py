"""Departure, case and destination queries on the hand-built extracts (tests/extracts.py), 2024."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pantau import queries
from pantau.filters import Filters

YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
PREVIOUS = {"prev_start": dt.date(2023, 1, 1), "prev_end": dt.date(2023, 12, 31)}


def rows(name: str, columns: list[str], filters: Filters = YEAR_2024, **params) -> list[list]:
    return queries.run(name, filters, **params)[columns].values.tolist()


def test_departures_by_checkpoint(published):
    assert rows("departures_by_checkpoint", ["checkpoint_code", "labour_departures", "procedural_departures",
                                             "non_procedural_departures", "prevented_departures"]) == [
        ["AIR-CGK", 4, 2, 2, 0],  # D01 D10 procedural, D03 D04 non-procedural (D09 tourist)
        ["SEA-TBK", 1, 0, 1, 1],  # D06, prevented D05
        ["SEA-BTC", 1, 0, 1, 0],  # D02
        ["AIR-SUB", 2, 2, 0, 0],  # D07 D08
    ]


def test_checkpoint_kind_filter_narrows_departure_queries(published):
    sea = replace(YEAR_2024, checkpoint_kinds=("sea",))
    assert rows("departures_by_checkpoint", ["checkpoint_code"], sea) == [["SEA-TBK"], ["SEA-BTC"]]
    monthly = queries.run("monthly_departures", sea).set_index("month")
    assert monthly["non_procedural"].sum() == 2 and monthly["prevented"].sum() == 1


def test_top_routes(published):
    assert rows("top_routes", ["checkpoint_code", "destination_country", "non_procedural_departures",
                               "labour_departures"], limit=3) == [
        ["AIR-CGK", "ARE", 1, 1],
        ["AIR-CGK", "TWN", 1, 1],
        ["SEA-BTC", "MYS", 1, 1],
    ]


def test_cases_per_month_and_type_are_zero_filled(published):
    df = queries.run("cases_monthly_by_type", YEAR_2024)
    assert len(df) == 12 * 6  # six case types occur in 2024
    assert df["cases"].sum() == 7
    may = df[df["month"] == dt.datetime(2024, 5, 1)].set_index("case_type")["cases"]
    assert may["trafficking"] == 2 and may.sum() == 2  # K02, K07


def test_trafficking_breakdowns(published):
    columns = ["category", "trafficking_cases", "procedural", "non_procedural", "unknown"]
    assert rows("trafficking_breakdown", columns, dimension="exploitation") == [
        ["forced_labour", 2, 0, 2, 0], ["online_scam", 1, 0, 0, 1]]
    assert rows("trafficking_breakdown", columns, dimension="destination") == [
        ["MYS", 2, 0, 2, 0], ["KHM", 1, 0, 0, 1]]
    assert rows("trafficking_breakdown", columns, dimension="province") == [
        ["33", 2, 0, 2, 0], ["35", 1, 0, 0, 1]]


def test_case_modes_say_where_the_mode_came_from(published):
    assert rows("case_modes", ["departure_mode", "mode_source", "cases", "trafficking_cases"]) == [
        ["non_procedural", "linked", 2, 2],  # K02 K07
        ["procedural", "linked", 1, 0],  # K01
        ["procedural", "reported", 2, 0],  # K03 K06
        ["unknown", "none", 2, 1],  # K04 K05
    ]


def test_case_resolution(published):
    df = queries.run("case_resolution", YEAR_2024).set_index("status")
    assert df["cases"].to_dict() == {"in_progress": 1, "open": 4, "resolved": 2}
    assert df.loc["resolved", "median_days_to_resolution"] == 15


def test_destination_indicators_with_comparison_period(published):
    got = rows("destination_indicators", ["iso3", "registrations", "labour_departures", "non_procedural_departures",
                                          "cases", "trafficking_cases", "previous_non_procedural_departures"],
               **PREVIOUS)
    assert got == [
        ["KOR", 1, 2, 0, 0, 0, 0],
        ["MYS", 0, 2, 2, 2, 2, 0],
        ["HKG", 1, 1, 0, 1, 0, 1],  # D12 in 2023
        ["ARE", 0, 1, 1, 0, 0, 0],
        ["JPN", 0, 1, 0, 0, 0, 0],
        ["TWN", 0, 1, 1, 1, 0, 0],
        ["SAU", 1, 0, 0, 1, 0, 0],
        ["KHM", 0, 0, 0, 1, 1, 0],
        ["SGP", 0, 0, 0, 1, 0, 0],
    ]


def test_monthly_departures_for_the_period_and_a_year_earlier_in_one_answer(published):
    # 2024 labour departures by month (tests/extracts.py): Feb D01 procedural, D04 non-procedural; Mar D02 D03
    # non-procedural; Apr D07 procedural, D06 non-procedural; Jun D10 and Dec D08 procedural; D05 prevented.
    # 2023: only D12, March, non-procedural.
    df = queries.run("monthly_departures_compared", YEAR_2024, **PREVIOUS)
    current, previous = (df[df["period"] == p].set_index(df[df["period"] == p]["month"].dt.month) for p in
                         ("current", "previous"))
    assert len(current) == len(previous) == 12
    assert {m: (r.procedural, r.non_procedural) for m, r in current.iterrows() if r.procedural or r.non_procedural} \
        == {2: (1, 1), 3: (0, 2), 4: (1, 1), 6: (1, 0), 12: (1, 0)}
    assert current["prevented"].sum() == 1
    assert {m: (r.procedural, r.non_procedural) for m, r in previous.iterrows() if r.procedural or r.non_procedural} \
        == {3: (0, 1)}
    assert previous["month"].min() == dt.datetime(2023, 1, 1)
    # The same answers as monthly_departures for each period on its own.
    for period, filters in (("current", YEAR_2024), ("previous", YEAR_2024.previous_year())):
        alone = queries.run("monthly_departures", filters)
        assert df[df["period"] == period].drop(columns="period").reset_index(drop=True).equals(alone)
