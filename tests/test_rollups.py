"""Rollups (pantau/rollups.py, queries/rollups/): every query answers from them exactly what it answers
from the records, over many filter combinations and scopes, on the demo data.

The reference answer runs the same query files with each rollup replaced by one row per record in
the user's scope (n = 1, every record, nothing grouped or left out): over such rows records(n) is
count(*), so the reference is the records' own answer. A rollup that lost a column, grouped wrongly
or left out a record that counts, or a rollup view that is not scoped, gives a different answer.
At this small scale few rollup rows stand for more than one record, so the answers are compared a
second time with every record counted three times (each rollup row's n tripled, each record's row
repeated thrice): a query that counts rollup rows instead of summing n then answers a third of the
records' figure.
"""

from __future__ import annotations

import datetime as dt
import random

import duckdb
import pandas as pd
import pytest

from pantau import access, demo, queries, rollups, store
from pantau.access import ANALYST, NATIONAL, Grant, Scope
from pantau.filters import Filters
from pantau.ingest import ingest
from pantau.schema import EXTRACTS

SCALE, YEARS, SEED = 0.01, 2, 7  # 2025-2026: ~130k departures, ~6k of them labour or prevented

# One row per record, with the columns each rollup has; relative names read the version's files.
PER_RECORD = {
    "departure_counts": """
        SELECT CAST(examined_at AS DATE) AS period_day, residence_province_code AS region_province,
               residence_regency_code AS region_regency, destination_country, gender, checkpoint_code,
               is_labour, departure_class, outcome, 1 AS n
        FROM read_parquet('departures.parquet')""",
    "registration_counts": """
        SELECT registered_on AS period_day, origin_province_code AS region_province,
               origin_regency_code AS region_regency, destination_country, gender, 1 AS n
        FROM read_parquet('registrations.parquet')
        WHERE status <> 'cancelled'""",
    "record_months": """
        SELECT 'registrations' AS extract, date_trunc('month', registered_on) AS month,
               origin_province_code AS region_province, origin_regency_code AS region_regency, 1 AS n,
               registered_on AS first_day, registered_on AS last_day
        FROM read_parquet('registrations.parquet')
        UNION ALL
        SELECT 'departures', date_trunc('month', CAST(examined_at AS DATE)), residence_province_code,
               residence_regency_code, 1, CAST(examined_at AS DATE), CAST(examined_at AS DATE)
        FROM read_parquet('departures.parquet')
        UNION ALL
        SELECT 'cases', date_trunc('month', reported_on), origin_province_code, origin_regency_code, 1,
               reported_on, reported_on
        FROM read_parquet('cases.parquet')""",
    "departure_checkpoint_months": """
        SELECT date_trunc('month', CAST(examined_at AS DATE)) AS month, residence_province_code AS region_province,
               residence_regency_code AS region_regency, checkpoint_code, 1 AS n
        FROM read_parquet('departures.parquet')""",
}

# Every query that reads a rollup, with its own parameters; the previous period is the year before.
FILTERED = {
    "headline": {},
    "monthly_departures": {},
    "monthly_departures_compared": {"previous": True},
    "region_indicators": {"level": "province", "province": ""},
    "departure_origins": {},
    "top_destinations": {"limit": 1000},
    "top_origin_provinces": {"limit": 1000},
    "top_routes": {"limit": 1000},
    "departures_by_checkpoint": {},
    "departures_by_checkpoint_kind": {},
    "destination_indicators": {"previous": True},
    "destination_monthly": {"limit": 6},
    "hotspots": {"previous": True, "limit": 1000},
    "health/linkage": {},
}
UNFILTERED = ("data_period", "health/freshness", "health/monthly_rows", "health/checkpoint_months")

PERIODS = [
    (dt.date(2026, 1, 1), dt.date(2026, 10, 31)),   # whole months
    (dt.date(2025, 11, 1), dt.date(2026, 10, 31)),  # the default period: 12 months over a year boundary
    (dt.date(2026, 3, 1), dt.date(2026, 3, 31)),    # one month
    (dt.date(2025, 3, 17), dt.date(2025, 8, 5)),    # cut inside months
    (dt.date(2026, 2, 28), dt.date(2026, 2, 28)),   # one day
]
SCOPES = [NATIONAL, Scope(provinces=("33",)), Scope(regencies=("3301", "3509"))]


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory):
    """The demo extracts at a small scale, ingested once for the module (rollups written at publish)."""
    folder = tmp_path_factory.mktemp("rollups")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PANTAU_DATA", str(folder / "data"))
        patch.setattr(store, "_connection", None)
        files = demo.generate(folder / "raw", seed=SEED, scale=SCALE, years=YEARS)
        ingest([p for kind in EXTRACTS for p in files[kind]], demo=True)
        yield store.current_version()
    store._connection = None  # the next test's data folder gets a connection of its own


# The scope, worked out here from the cursor's variables (pantau/queries.py) rather than with
# views.sql's in_scope: a rollup view that forgot its scope answers differently from these rows.
IN_SCOPE = """
    coalesce(getvariable('scope_national'), false)
    OR list_contains(coalesce(getvariable('scope_provinces'), []::VARCHAR[]), r.region_province)
    OR list_contains(coalesce(getvariable('scope_regencies'), []::VARCHAR[]), r.region_regency)"""


def per_record_sources(times: int):
    """Stands in for rollups.define_sources: `times` rows per record in scope (n = 1 each) for each
    rollup, as views rollups.<name> of the connection's own catalog."""

    def define(con, version_path) -> None:
        con.execute(f"CREATE SCHEMA {rollups.ALIAS}")
        for name, query in PER_RECORD.items():
            con.execute(f"CREATE VIEW {rollups.ALIAS}.{name} AS SELECT r.* FROM ({query}) AS r, range({times}) "
                        f"WHERE {IN_SCOPE}")
        # The monthly rollups' rows: the same rows, dated the first day of their month.
        for name in ("departure", "registration"):
            con.execute(f"CREATE VIEW {rollups.ALIAS}.{name}_month_counts AS SELECT * REPLACE "
                        f"(CAST(date_trunc('month', period_day) AS DATE) AS period_day) "
                        f"FROM {rollups.ALIAS}.{name}_counts")

    return define


PUBLISHED = "published"  # the version's rollups file, attached under another name than rollups.<name>


def attach_published(con, version_path) -> None:
    con.execute(f"ATTACH IF NOT EXISTS '{version_path / rollups.FILE}' AS {PUBLISHED} (READ_ONLY)")


def tripled_sources(con, version_path) -> None:
    """The published rollups with every n tripled, as views rollups.<name>."""
    attach_published(con, version_path)
    con.execute(f"CREATE SCHEMA {rollups.ALIAS}")
    for name in rollups.ROLLUPS:
        con.execute(f"CREATE VIEW {rollups.ALIAS}.{name} AS SELECT * REPLACE (n * 3 AS n) FROM {PUBLISHED}.{name}")


# How each kind of answer gets its rollups: (define_sources, attach) in pantau/rollups.py's place.
SOURCES = {
    "rollups": (rollups.define_sources, rollups.attach),
    "records": (per_record_sources(1), lambda con, version_path: None),
    "rollups x3": (tripled_sources, attach_published),
    "records x3": (per_record_sources(3), lambda con, version_path: None),
}


def answers(sources: str, cases: list[tuple[Scope, str, Filters | None, dict]]) -> list[pd.DataFrame]:
    """Each case's answer on a connection of its own whose rollups come from SOURCES[sources]."""
    define, attach = SOURCES[sources]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rollups, "define_sources", define)
        patch.setattr(rollups, "attach", attach)
        patch.setattr(store, "_connection", None)
        out = [answer(scope, name, filters, **params) for scope, name, filters, params in cases]
    store._connection = None
    return out


def assert_same(cases, got: list[pd.DataFrame], expected: list[pd.DataFrame]) -> None:
    for (scope, name, filters, params), a, b in zip(cases, got, expected, strict=True):
        pd.testing.assert_frame_equal(a, b, obj=f"{name} {params} scope {scope.key()} {filters}")


def answer(scope: Scope, name: str, filters: Filters | None, **params) -> pd.DataFrame:
    with access.acting_as(Grant("test@test.example", ANALYST, scope, "test")):
        return queries.run(name, filters, **params)


def codes(query: str) -> list[str]:
    """The busiest codes of the demo data, for filters that find rows."""
    with access.acting_as(Grant("test@test.example", ANALYST, NATIONAL, "test")):
        frame = queries.run(query, Filters(dt.date(2025, 1, 1), dt.date(2026, 12, 31)), limit=1000)
    return frame.iloc[:, 0].tolist()


def combinations(rng: random.Random, provinces: list[str], destinations: list[str]) -> list[Filters]:
    regencies = {"33": "3301", "35": "3509", "32": "3201"}
    out = [Filters(*period) for period in PERIODS]
    for _ in range(14):
        province = rng.choice([(), (provinces[0],), tuple(provinces[:2]), ("33",)])
        out.append(Filters(
            *rng.choice(PERIODS),
            provinces=province,
            regencies=rng.choice([(), (regencies.get(province[0], "3301"),)]) if province else (),
            destinations=rng.choice([(), (destinations[0],), tuple(destinations[1:3])]),
            genders=rng.choice([(), ("F",), ("M",)]),
            checkpoints=rng.choice([(), (), ("AIR-CGK",), ("AIR-CGK", "SEA-BTC")]),
            checkpoint_kinds=rng.choice([(), (), ("sea",), ("air", "land")]),
        ))
    return out


def params_for(name: str, filters: Filters) -> dict:
    params = dict(FILTERED[name])
    if params.pop("previous", False):
        previous = filters.previous_year()
        params.update(prev_start=previous.start, prev_end=previous.end)
    return params


def test_rollup_rows_stand_for_one_record_or_more(demo_data):
    with duckdb.connect(str(demo_data.path / rollups.FILE), read_only=True) as con:
        for name in rollups.ROLLUPS:
            several, least = con.execute(f"SELECT count(*) FILTER (WHERE n > 1), min(n) FROM {name}").fetchone()
            assert several > 0 and least >= 1, name
    assert demo_data.manifest["rollups"] == {name: {"rows": n} for name, n in rollups.counts(
        demo_data.path / rollups.FILE).items()}
    assert set(demo_data.manifest["rollups"]) == set(rollups.ROLLUPS)


def test_rollups_are_stored_by_day_so_a_period_skips_row_groups(demo_data):
    with duckdb.connect(str(demo_data.path / rollups.FILE), read_only=True) as con:
        for name in rollups.ROLLUPS:
            day = {"record_months": "extract || CAST(month AS VARCHAR)",  # by extract, then month
                   "departure_checkpoint_months": "month"}.get(name, "period_day")
            unordered = con.execute(f"SELECT count(*) FROM (SELECT {day} < lag({day}) OVER (ORDER BY rowid) AS back "
                                    f"FROM {name}) WHERE back").fetchone()[0]
            assert unordered == 0, name


def test_filtered_queries_answer_from_rollups_what_the_records_answer(demo_data):
    rng = random.Random(20261129)
    provinces, destinations = codes("top_origin_provinces"), codes("top_destinations")
    cases = []
    for filters in combinations(rng, provinces, destinations):
        for name in FILTERED:
            cases.append((rng.choice(SCOPES), name, filters, params_for(name, filters)))
    published = answers("rollups", cases)
    assert_same(cases, published, answers("records", cases))
    assert_same(cases, answers("rollups x3", cases), answers("records x3", cases))
    # Most answers must count something, or equal answers would prove little.
    nonzero = sum(bool(frame.select_dtypes("number").to_numpy().sum()) for frame in published)
    assert nonzero > len(cases) * 0.6, (nonzero, len(cases))


def test_unfiltered_queries_answer_from_rollups_what_the_records_answer(demo_data):
    cases = [(scope, name, None, {}) for scope in SCOPES for name in UNFILTERED]
    published = answers("rollups", cases)
    assert_same(cases, published, answers("records", cases))
    assert_same(cases, answers("rollups x3", cases), answers("records x3", cases))
    for (_, name, _, _), frame in zip(cases, published, strict=True):
        assert len(frame) and not frame.isna().all(axis=None), name


@pytest.mark.parametrize("name", ["departure", "registration"])
def test_a_period_reads_whole_months_from_the_monthly_rollup_and_other_days_from_the_daily(demo_data, name):
    """<name>_counts_in(start, end) (queries/views.sql) against the daily rollup alone, for periods
    cut anywhere: month-aligned, inside one month, across months and years, one day."""
    rng = random.Random(7)
    days = pd.date_range("2024-12-20", "2026-11-05").date
    periods = [(dt.date(2025, 11, 1), dt.date(2026, 10, 31)), (dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
               (dt.date(2026, 2, 2), dt.date(2026, 2, 27)), (dt.date(2025, 12, 31), dt.date(2026, 1, 1))]
    periods += [tuple(sorted(rng.sample(list(days), 2))) for _ in range(40)]
    periods += [(day, day) for day in rng.sample(list(days), 5)]
    dims = "region_regency, destination_country, gender" + (
        ", checkpoint_code, is_labour, departure_class, outcome" if name == "departure" else "")
    _, con = store.connection()
    cursor = con.cursor()
    try:
        for variable, value in NATIONAL.sql_params().items():
            cursor.execute(f"SET VARIABLE {variable} = $value", {"value": value})
        for start, end in periods:
            split = cursor.execute(
                f"SELECT {dims}, records(n) AS n FROM {name}_counts_in($start, $end) GROUP BY ALL ORDER BY ALL",
                {"start": start, "end": end}).df()
            daily = cursor.execute(
                f"SELECT {dims}, records(n) AS n FROM {name}_counts WHERE period_day BETWEEN $start AND $end "
                "GROUP BY ALL ORDER BY ALL", {"start": start, "end": end}).df()
            pd.testing.assert_frame_equal(split, daily, obj=f"{name} {start}..{end}")
        # A month-aligned period is read from the monthly rollup alone: fewer rows, each dated the 1st.
        rows, firsts = cursor.execute(
            f"SELECT count(*), count(*) FILTER (WHERE day(period_day) = 1) FROM {name}_counts_in($start, $end)",
            {"start": periods[0][0], "end": periods[0][1]}).fetchone()
        days_rows = cursor.execute(f"SELECT count(*) FROM {name}_counts WHERE period_day BETWEEN $start AND $end",
                                   {"start": periods[0][0], "end": periods[0][1]}).fetchone()[0]
        assert rows == firsts and 0 < rows < days_rows
    finally:
        cursor.close()


def test_a_version_without_rollups_gets_them_computed_on_connecting(demo_data):
    """A version published before rollups existed: its rollups are computed from its records."""
    filters = Filters(dt.date(2025, 11, 1), dt.date(2026, 10, 31))
    published = answer(NATIONAL, "headline", filters)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(rollups, "FILE", "rollups.missing")
        patch.setattr(store, "_connection", None)
        _, con = store.connection()
        tables = set(con.execute("SELECT schema_name, table_name FROM duckdb_tables()").fetchall())
        assert {(rollups.ALIAS, name) for name in rollups.ROLLUPS} <= tables
        assert not con.execute("SELECT count(*) FROM duckdb_databases() WHERE database_name = $name",
                               {"name": rollups.ALIAS}).fetchone()[0]
        pd.testing.assert_frame_equal(answer(NATIONAL, "headline", filters), published)


def test_a_cursor_without_scope_variables_sees_no_rollup_row(demo_data):
    # As the record views (tests/test_access_scope.py): unset scope variables mean an empty scope.
    _, con = store.connection()
    bare, scoped = con.cursor(), con.cursor()
    try:
        for variable, value in NATIONAL.sql_params().items():
            scoped.execute(f"SET VARIABLE {variable} = $value", {"value": value})
        for view in ("departure_counts", "registration_counts", "record_months", "departure_checkpoint_months"):
            query = f"SELECT count(*), records(n) FROM {view}"
            rows, records = scoped.execute(query).fetchone()
            assert rows > 0 and records >= rows, view
            assert bare.execute(query).fetchone() == (0, 0), view
    finally:
        bare.close()
        scoped.close()
