"""Every branch of DESIGN.md's linkage definition, on the hand-built extracts (tests/extracts.py)."""

from __future__ import annotations

import json

import duckdb
import extracts
import pytest

from pantau import store
from pantau.cli import main


def summary(capsys, *args: str) -> dict:
    assert main(["summary", "--start", "2024-01-01", "--end", "2024-12-31", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    "args, expected",
    [
        ((), extracts.NATIONAL_2024),
        (("--province", "32"), extracts.PROVINCE_32_2024),
        (("--regency", "3301"), extracts.REGENCY_3301_2024),
        (("--regency", "33.01"), extracts.REGENCY_3301_2024),
        (("--destination", "MYS"), extracts.DESTINATION_MYS_2024),
    ],
)
def test_summary_json_matches_hand_worked_answers(published, capsys, args, expected):
    assert summary(capsys, *args) == expected


def test_summary_json_has_exactly_the_documented_keys(published, capsys):
    assert list(summary(capsys)) == [
        "registrations",
        "labour_departures",
        "procedural_departures",
        "non_procedural_departures",
        "prevented_departures",
        "cases",
        "trafficking_cases",
        "cases_by_mode",
        "trafficking_by_mode",
    ]


def test_dates_are_inclusive(published, capsys):
    # D01 was examined 2024-02-15 08:10 and D04 2024-02-10: both days count when they bound the period.
    assert main(["summary", "--start", "2024-02-10", "--end", "2024-02-15", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["labour_departures"] == 2
    assert (result["procedural_departures"], result["non_procedural_departures"]) == (1, 1)


def test_previous_year_has_the_2023_departure(published, capsys):
    assert main(["summary", "--start", "2023-01-01", "--end", "2023-12-31", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["registrations"] == 1  # R01B
    assert result["labour_departures"] == result["non_procedural_departures"] == 1  # D12


def test_combined_province_and_destination(published, capsys):
    # Province 33 residents to MYS: D02 (B) and D06 (E), prevented D05 (E).
    result = summary(capsys, "--province", "33", "--destination", "MYS")
    assert result["labour_departures"] == 2
    assert result["prevented_departures"] == 1


def published_rows(table: str, key: str, columns: str) -> dict:
    version = store.current_version()
    rows = duckdb.sql(
        f"SELECT {key}, {columns} FROM read_parquet('{version.table_path(table)}')"
    ).fetchall()
    return {r[0]: r[1:] for r in rows}


def test_each_departure_links_as_worked_out(published):
    rows = published_rows("departures", "departure_id", "linked_registration_id, is_labour, departure_class")
    assert rows == {
        "D01": ("R01", True, "procedural"),  # R01 is later than R01B: the latest wins
        "D02": (None, True, "non_procedural"),  # R02 cancelled
        "D03": (None, True, "non_procedural"),  # R03 older than 365 days
        "D04": (None, True, "non_procedural"),  # R04 for another destination
        "D05": (None, False, None),  # delayed: prevented, not a labour departure
        "D06": (None, True, "non_procedural"),  # suspected worker
        "D07": ("R05", True, "procedural"),
        "D08": ("R05", True, "procedural"),  # re-departure within 365 days
        "D09": (None, False, None),  # tourist
        "D10": ("R07", True, "procedural"),  # registration destination unknown
        "D12": (None, True, "non_procedural"),  # registration after the departure
    }


def test_each_case_gets_its_mode_as_worked_out(published):
    rows = published_rows("cases", "case_id", "linked_departure_id, departure_mode, mode_source, is_trafficking")
    assert rows == {
        "K01": ("D01", "procedural", "linked", False),  # linkage beats the report
        "K02": ("D02", "non_procedural", "linked", True),
        "K03": (None, "procedural", "reported", False),  # no NIK
        "K04": (None, "unknown", "none", True),
        "K05": (None, "unknown", "none", False),  # only a tourist departure
        "K06": (None, "procedural", "reported", False),  # departure after the report
        "K07": ("D06", "non_procedural", "linked", True),  # trafficking by case type
    }


def test_registration_exactly_365_days_before_links_366_does_not(data_dir, tmp_path, capsys):
    from pantau.ingest import ingest

    n = extracts.nik("A")
    reg = [
        ["R365", n, "2023-03-01", "P", "1995-03-12", "3201", "", "", "", "", "HKG", "", "departed"],
        ["R366", n, "2023-02-28", "P", "1995-03-12", "3201", "", "", "", "", "SGP", "", "departed"],
    ]
    dep = [
        ["X1", n, "2024-02-29 23:59:59", "AIR-CGK", "HKG", "3201", "F", "1995-03-12", "work", "", "departed"],
        ["X2", n, "2024-02-29 00:00:00", "AIR-CGK", "SGP", "3201", "F", "1995-03-12", "work", "", "departed"],
    ]
    files = [
        extracts.write_csv(tmp_path / "r.csv", extracts.REGISTRATION_HEADER, reg),
        extracts.write_csv(tmp_path / "d.csv", extracts.DEPARTURE_HEADER, dep),
    ]
    ingest(files)
    rows = published_rows("departures", "departure_id", "linked_registration_id, departure_class")
    # 2023-03-01 -> 2024-02-29 is 365 days; 2023-02-28 -> 2024-02-29 is 366.
    assert rows == {"X1": ("R365", "procedural"), "X2": (None, "non_procedural")}
