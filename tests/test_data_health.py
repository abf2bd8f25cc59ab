"""pantau/data_health.py, dictionary.py and definitions.py on tests/extracts.py, figures worked out by hand.

Freshness (every published row, cancelled registrations included):
  registrations 7 rows, R03 2022-12-01 .. R07 2024-05-01
  departures   11 rows (D01 twice: one quarantined), D12 2023-03-01 .. D08 2024-12-20
  cases         7 rows, K06 2024-02-01 .. K05 2024-08-01
Months with rows: registrations 2022-12, 2023-06, 2024-01, 02, 03, 05; departures 2023-03, 2024-02..06,
2024-12; cases 2024-02, 05, 06, 07, 08. The months in between are the gaps below.
Linkage, all data: labour departures D01 D02 D03 D04 D06 D07 D08 D10 D12 = 9, linked D01 D07 D08 D10 = 4
(4/9 = 0.4444); cases 7, linked K01 (D01) K02 (D02) K07 (D06) = 3 (3/7 = 0.4286).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import health_fixture
import pandas as pd
import pyarrow as pa
import pytest

from pantau import data_health, definitions, dictionary, queries, store
from pantau.filters import Filters

D = dt.date
REPO = Path(__file__).resolve().parent.parent


def fresh() -> dict[str, data_health.Freshness]:
    return data_health.freshness(queries.run("health/freshness"))


def linkage(filters: Filters) -> data_health.Linkage:
    return data_health.linkage(queries.run("health/linkage", filters))


def gaps() -> list[tuple]:
    return [(g.kind, g.first_month, g.last_month, g.months)
            for g in data_health.month_gaps(queries.run("health/monthly_rows"))]


def test_freshness_is_the_latest_event_date_and_the_rows_of_each_extract(published):
    assert fresh() == {
        "registrations": data_health.Freshness("registrations", 7, D(2022, 12, 1), D(2024, 5, 1)),
        "departures": data_health.Freshness("departures", 11, D(2023, 3, 1), D(2024, 12, 20)),
        "cases": data_health.Freshness("cases", 7, D(2024, 2, 1), D(2024, 8, 1)),
    }


def test_linkage_over_all_data_matches_the_manifest(published):
    everything = linkage(data_health.all_time())
    assert everything == data_health.Linkage(labour_departures=9, linked_departures=4, cases=7, linked_cases=3)
    recorded = store.current_version().manifest["linkage"]
    assert round(everything.departure_rate, 4) == recorded["labour_departures_linked_to_registration"] == 0.4444
    assert round(everything.case_rate, 4) == recorded["cases_linked_to_departure"] == 0.4286


def test_linkage_follows_the_filters(published):
    year = Filters(D(2024, 1, 1), D(2024, 12, 31))
    # 2024 drops D12 (2023): 8 labour departures, 4 linked; all 7 cases are in 2024.
    assert linkage(year) == data_health.Linkage(8, 4, 7, 3)
    # Province 32 (all 3201): D01 (linked), D03, D10 (linked); cases K01 (linked to D01), K03, K05, K06.
    assert linkage(Filters(D(2024, 1, 1), D(2024, 12, 31), provinces=("32",))) == data_health.Linkage(3, 2, 4, 1)
    # Regency 3301: D02, D04, D06, none linked; cases K02 (D02) and K07 (D06), both linked.
    assert linkage(Filters(D(2024, 1, 1), D(2024, 12, 31), regencies=("3301",))) == data_health.Linkage(3, 0, 2, 2)
    # Sea checkpoints narrow departures only: D02 (SEA-BTC) and D06 (SEA-TBK), neither linked.
    assert linkage(Filters(D(2024, 1, 1), D(2024, 12, 31), checkpoint_kinds=("sea",))) == data_health.Linkage(
        2, 0, 7, 3)
    nothing = linkage(Filters(D(2030, 1, 1), D(2030, 12, 31)))
    assert (nothing.departure_rate, nothing.case_rate) == (None, None)


def test_gaps_are_the_empty_months_between_the_first_and_last_month(published):
    assert gaps() == [
        ("registrations", D(2023, 1, 1), D(2023, 5, 1), 5),
        ("registrations", D(2023, 7, 1), D(2023, 12, 1), 6),
        ("registrations", D(2024, 4, 1), D(2024, 4, 1), 1),
        ("departures", D(2023, 4, 1), D(2024, 1, 1), 10),
        ("departures", D(2024, 7, 1), D(2024, 11, 1), 5),
        ("cases", D(2024, 3, 1), D(2024, 4, 1), 2),
    ]


def test_no_checkpoint_of_the_fixture_is_busy(published):
    # No checkpoint has two busy months around an empty one (AIR-CGK: 5 months with data out of 22).
    frame = queries.run("health/checkpoint_months")
    assert data_health.checkpoint_outages(frame, min_typical=1) == []
    counts = {(r.checkpoint_code, pd.Timestamp(r.month).date()): r.departures for r in frame.itertuples()}
    assert counts[("SEA-TBK", D(2024, 4, 1))] == 2  # D05 (delayed) and D06: every examination counts
    assert sum(counts.values()) == 11


@pytest.fixture
def appended(published, tmp_path):
    """The fixture, then health_fixture's departures appended: two versions."""
    first = store.current_version()
    report = health_fixture.append(tmp_path / "more")
    assert report.published_new_version
    return first, store.current_version()


def test_an_appended_outage_shows_as_a_gap_and_at_its_checkpoint(appended):
    assert fresh()["departures"] == data_health.Freshness("departures", 11 + health_fixture.ADDED, D(2023, 3, 1),
                                                          D(2024, 12, 20))
    departure_gaps = [g for g in gaps() if g[0] == "departures"]
    assert departure_gaps == [("departures", D(2023, 4, 1), D(2023, 12, 1), 9),
                              ("departures", D(2024, 7, 1), D(2024, 7, 1), 1)]
    frame = queries.run("health/checkpoint_months")
    outage = data_health.Outage("AIR-DPS", "Bandara Internasional I Gusti Ngurah Rai (Bali)", D(2024, 7, 1), 3.0)
    assert data_health.checkpoint_outages(frame, min_typical=3) == [outage]
    assert data_health.checkpoint_outages(frame, min_typical=4) == []
    assert data_health.checkpoint_outages(frame) == []  # the default asks for 20 a month
    # Tourists: linkage is unchanged.
    assert linkage(data_health.all_time()) == data_health.Linkage(9, 4, 7, 3)


def test_quarantine_reasons_per_run_from_the_manifests_of_all_versions(appended):
    first, second = appended
    history = data_health.runs(data_health.manifests())
    assert [r.version for r in history] == [first.id, second.id]
    assert [len(r.files) for r in history] == [3, 1]  # the second manifest lists 4 sources, 3 inherited
    assert len(second.manifest["sources"]) == 4
    assert data_health.quarantine_by_reason(history).to_dict("records") == [
        {"version": first.id, "created_at": first.manifest["created_at"], "kind": "departures",
         "reason": "duplicate_id", "rows": 1},
        {"version": second.id, "created_at": second.manifest["created_at"], "kind": "departures",
         "reason": "out_of_range_examined_at", "rows": 1},
        {"version": second.id, "created_at": second.manifest["created_at"], "kind": "departures",
         "reason": "unknown_checkpoint_code", "rows": 1},
    ]
    summary = data_health.run_summary(history)
    assert summary[["files", "rows_read", "rows_published", "rows_quarantined"]].values.tolist() == [
        [3, 7 + 12 + 7, 7 + 11 + 7, 1],
        [1, health_fixture.READ, health_fixture.ADDED, 2],
    ]
    assert [r.version for r in data_health.lineage(second.id, history)] == [second.id, first.id]
    assert data_health.last_ingested(second.id, history) == {
        "registrations": first.manifest["created_at"],
        "departures": second.manifest["created_at"],
        "cases": first.manifest["created_at"],
    }
    assert data_health.last_ingested(first.id, history)["departures"] == first.manifest["created_at"]


def manifest(version: str, created: str, parent: str | None, files: list[str]) -> dict:
    return {"version": version, "created_at": created, "parent": parent,
            "sources": [{"file": f, "kind": "cases", "quarantine_reasons": {"missing_case_id": 2}} for f in files]}


def test_runs_in_the_same_second_are_ordered_parent_first_and_bad_manifests_skipped(tmp_path):
    # 'a-child' sorts before 'z-root' by name; the lineage, not the name, orders them.
    same = "2026-01-01T10:00:00"
    root = manifest("z-root", same, None, ["one.csv"])
    child = manifest("a-child", same, "z-root", ["one.csv", "two.csv", "three.csv"])
    for m in (root, child):
        folder = tmp_path / store.VERSIONS / m["version"]
        folder.mkdir(parents=True)
        (folder / store.MANIFEST).write_text(json.dumps(m), encoding="utf-8")
    (tmp_path / store.VERSIONS / "broken").mkdir()
    (tmp_path / store.VERSIONS / "broken" / store.MANIFEST).write_text("{not json", encoding="utf-8")
    history = data_health.runs(data_health.manifests(tmp_path))
    assert [(r.version, [f["file"] for f in r.files]) for r in history] == [
        ("z-root", ["one.csv"]), ("a-child", ["two.csv", "three.csv"])]
    assert data_health.quarantine_by_reason(history)["rows"].tolist() == [2, 4]


def test_month_gaps_and_outages_on_a_hand_made_frame():
    months = pd.DataFrame({
        "extract": ["cases"] * 3,
        "month": pd.to_datetime(["2025-11-01", "2026-02-01", "2026-03-01"]),
        "rows": [1, 1, 1],
    })
    # Across a year end: December and January are missing, as one run.
    assert [(g.first_month, g.last_month, g.months) for g in data_health.month_gaps(months)] == [
        (D(2025, 12, 1), D(2026, 1, 1), 2)]
    busy = pd.DataFrame({
        "checkpoint_code": ["X"] * 4 + ["Y"],
        "checkpoint_name": ["Port X"] * 4 + ["Port Y"],
        "month": pd.to_datetime(["2026-01-01", "2026-02-01", "2026-04-01", "2026-05-01", "2026-06-01"]),
        "departures": [40, 50, 60, 45, 1],
    })
    # X: Jan..Jun (the extract's last month) = 40, 50, 0, 60, 45, 0; March and June are empty.
    # Around March: 40 50 | 60 45 0 -> median 45; around June: 40 50 0 60 45 -> median 45.
    assert data_health.checkpoint_outages(busy) == [
        data_health.Outage("X", "Port X", D(2026, 3, 1), 45.0),
        data_health.Outage("X", "Port X", D(2026, 6, 1), 45.0),
    ]
    assert data_health.checkpoint_outages(busy, min_typical=46) == []
    # With one month either side: March has 50 | 60 -> 55; June has 45 alone -> 45.
    assert [(o.month, o.typical) for o in data_health.checkpoint_outages(busy, window=1)] == [
        (D(2026, 3, 1), 55.0), (D(2026, 6, 1), 45.0)]


def test_a_lasting_fall_is_not_an_outage():
    # Busy for a year, then a long quiet spell with single empty months (a border closure), then busy again.
    counts = [50] * 12 + [1, 0, 2, 0, 1, 1, 0, 2] + [50] * 12
    months = pd.date_range("2019-01-01", periods=len(counts), freq="MS")
    frame = pd.DataFrame({"checkpoint_code": "X", "checkpoint_name": "Port X", "month": months,
                          "departures": counts})
    frame = frame[frame["departures"] > 0]  # the SQL returns months with rows only
    assert data_health.checkpoint_outages(frame) == []
    assert data_health.checkpoint_outages(frame, min_typical=1) != []  # the empty months are there


def test_reason_parts():
    assert data_health.reason_parts("missing_registered_on") == ("missing", "registered_on")
    assert data_health.reason_parts("out_of_range_examined_at") == ("out_of_range", "examined_at")
    assert data_health.reason_parts("duplicate_id") == ("duplicate_id", None)
    assert data_health.reason_parts("something_new") == ("something_new", None)


# Data dictionary ----------------------------------------------------------------------------------

def test_every_published_column_is_described_and_every_description_is_published(published):
    schemas = dictionary.published_schema(store.current_version())
    assert dictionary.undescribed(schemas) == []
    assert {t: set(s.names) for t, s in schemas.items()} == {t: set(c) for t, c in dictionary.COLUMNS.items()}
    for table, columns in dictionary.COLUMNS.items():
        assert all(len(text) == 2 and all(text) and text[0] != text[1] for text in columns.values()), table
    frame = dictionary.frame(schemas, "departures", "en")
    assert frame.loc[frame["column"] == "examined_at"].iloc[0].to_dict() == {
        "column": "examined_at", "type": "date and time",
        "description": dictionary.COLUMNS["departures"]["examined_at"][1],
        "source_header": "examined_at / waktu_pemeriksaan", "values": ""}
    assert frame.loc[frame["column"] == "outcome", "values"].item() == "departed, delayed"
    assert frame.loc[frame["column"] == "departure_class", "values"].item() == "procedural, non_procedural"
    assert frame.loc[frame["column"] == "person_key", "source_header"].item() == "nik"
    assert "nik" not in frame["column"].tolist()


def test_a_new_published_column_without_a_description_is_caught():
    schemas = {"registrations": pa.schema([("registration_id", pa.string()), ("new_column", pa.int64())])}
    assert dictionary.undescribed(schemas) == ["registrations.new_column"]


# Indicator definitions ----------------------------------------------------------------------------

def _design_text() -> str:
    return re.sub(r"\s+", " ", (REPO / "docs" / "DESIGN.md").read_text(encoding="utf-8").replace("**", ""))


def test_quoted_definitions_are_word_for_word_docs_design():
    design = _design_text()
    quotes = [i.definition[1] for i in definitions.INDICATORS if i.quoted]
    quotes += [d[1] for i in definitions.INDICATORS for d in i.decisions]
    assert len(quotes) == 13
    for quote in quotes:
        # DESIGN.md writes "- **Registrations**: registrations whose ..."; a quote may start a sentence.
        assert quote in design or quote[0].upper() + quote[1:] in design, quote


def test_every_indicator_is_defined_in_both_languages_with_existing_sql():
    keys = [i.key for i in definitions.INDICATORS]
    for required in ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
                     "non_procedural_share", "prevented_departures", "cases", "trafficking_cases",
                     "case_departure_mode", "linkage_rate", "hotspots", "comparison_period"):
        assert required in keys
    for indicator in definitions.INDICATORS:
        for text in (indicator.name, indicator.definition, *indicator.decisions):
            assert all(text) and text[0] != text[1], indicator.key
        assert indicator.sql and all(name in definitions.sql_files() for name in indicator.sql)


@pytest.mark.parametrize("value", [
    "../views", "../../etc/passwd", "/etc/passwd", "publish/../views", "views/../headline", "HEADLINE", "head",
    "headline\x00", "queries/../pantau/store", "%2e%2e%2fviews", "", " ", "x" * 1000, None, 7, ["headline"],
    "publish", "health", ".sql",
])
def test_only_names_of_existing_sql_files_are_accepted(value):
    assert definitions.sql_name(value) is None


@pytest.mark.parametrize(("value", "name"), [
    ("headline", "headline"), ("headline.sql", "headline"), ("queries/headline.sql", "headline"),
    ("publish/link_cases", "publish/link_cases"), ("health/linkage", "health/linkage"),
])
def test_sql_names_and_their_text(value, name):
    assert definitions.sql_name(value) == name
    assert definitions.sql_source(name) == (REPO / "queries" / f"{name}.sql").read_text(encoding="utf-8")


@pytest.mark.suppressed
@pytest.mark.parametrize(("linked", "total", "expected"), [
    (50, 100, (50, 100, 0.5)),
    (4, 9, ("<5", 9, None)),  # 4 is small; the 5 unlinked hide with it, or 9 - 5 would give it back
    (98, 100, ("<5", 100, None)),  # 2 unlinked are small; the 98 linked hide with them
    (0, 3, (0, "<5", None)),  # a small total hides as itself
    (0, 0, (0, 0, None)),
    (0, 10, (0, 10, 0.0)),
])
def test_linkage_counts_under_small_cell_suppression(linked, total, expected):
    assert data_health.shown(linked, total) == expected


def test_linkage_counts_without_suppression():
    # conftest turns suppression off for unmarked tests.
    assert data_health.shown(4, 9) == (4, 9, 4 / 9)
