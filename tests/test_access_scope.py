"""Scope enforcement in the query layer (pantau/access.py, pantau/queries.py, queries/views.sql), without Streamlit.

Every query runs under a grant; its scope is set on the cursor and the extract views keep only rows
inside it. Expected figures are hand-worked from tests/extracts.py, 2024:

    residents   regency  province   rows in 2024 (2023 rows: R01B and D12, both person A, 3201)
    A C G H     3201     32         R01 R03(2022) R07; D01 D03 D09(tourist) D10; K01 K05 K06, and K03 (no NIK, 3201)
    B D E       3301     33         R02(cancelled) R04; D02 D04 D05(delayed) D06; K02 K07
    F           3509     35         R05; D07 D08; and K04 (no NIK, 3509)

so province 33 holds exactly regency 3301's rows: PROVINCE 33 == REGENCY_3301_2024 (registrations 1:
R04; labour 3: D02 D04 D06, all non-procedural; prevented 1: D05; cases 2: K02 K07, both trafficking,
both non-procedural), province 32 == PROVINCE_32_2024 and national == NATIONAL_2024. To tell a regency
scope from its province, `with_banyumas` adds one person in regency 3302 (province 33), worked below.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

import pandas as pd
import pytest
from extracts import (
    DEPARTURE_HEADER,
    NATIONAL_2024,
    PROVINCE_32_2024,
    REGENCY_3301_2024,
    departures,
    registrations,
    write_all,
    write_csv,
)

from pantau import access, exports, indicators, queries, store
from pantau.access import ANALYST, NATIONAL, NOBODY, VIEWER, AccessDenied, Grant, Scope
from pantau.briefing import content
from pantau.filters import Filters

YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
PREVIOUS = {"prev_start": dt.date(2023, 1, 1), "prev_end": dt.date(2023, 12, 31)}
COUNTS = indicators.COUNTS
ZERO = {**{name: 0 for name in COUNTS},
        "cases_by_mode": {"procedural": 0, "non_procedural": 0, "unknown": 0},
        "trafficking_by_mode": {"procedural": 0, "non_procedural": 0, "unknown": 0}}


def grant(scope: Scope, role: str = ANALYST) -> Grant:
    return Grant("test@test.example", role, scope, "test")


SCOPES = {
    "national": (NATIONAL, NATIONAL_2024),
    "province 33": (Scope(provinces=("33",)), REGENCY_3301_2024),  # 33's only residents live in 3301
    "province 32": (Scope(provinces=("32",)), PROVINCE_32_2024),
    "regency 3301": (Scope(regencies=("3301",)), REGENCY_3301_2024),
}
P33 = SCOPES["province 33"][0]


def headline(scope: Scope, filters: Filters = YEAR_2024) -> dict:
    with access.acting_as(grant(scope)):
        return indicators.headline(filters)


def run(scope: Scope, name: str, filters: Filters | None = YEAR_2024, **params: object) -> pd.DataFrame:
    with access.acting_as(grant(scope)):
        return queries.run(name, filters, **params)


@pytest.mark.parametrize("scope_name", list(SCOPES))
def test_each_scope_sees_its_hand_worked_headline(published, scope_name):
    scope, answer = SCOPES[scope_name]
    got = headline(scope)
    assert got == answer
    if not scope.national:
        # Would fail if the scope were not applied: the national figures differ in every count but prevented.
        assert got != NATIONAL_2024 and got["labour_departures"] < NATIONAL_2024["labour_departures"]


def test_the_role_does_not_change_what_a_scope_counts(published):
    # Suppression is applied where figures leave the engine; the query layer counts the same rows.
    with access.acting_as(grant(P33, VIEWER)):
        assert indicators.headline(YEAR_2024) == REGENCY_3301_2024


@pytest.mark.parametrize("asked", [
    {"provinces": ("32",)},
    {"regencies": ("3201",)},
    {"provinces": ("35",), "regencies": ("3509",)},
    {"destinations": ("KOR",)},  # F (3509) alone went to Korea
    {"destinations": ("HKG",)},  # A (3201) alone
])
def test_filters_asking_outside_the_scope_get_zeros(published, asked):
    filters = replace(YEAR_2024, **asked)
    # The same filters find rows nationally, so the zeros come from the scope, not from the filters.
    assert headline(NATIONAL, filters)["labour_departures"] > 0
    assert headline(P33, filters) == ZERO


def test_a_filter_inside_the_scope_still_narrows(published):
    # Province 33's MYS rows: D02 D06 non-procedural, D05 prevented, K02 K07 trafficking; no registration.
    got = headline(P33, replace(YEAR_2024, destinations=("MYS",)))
    assert [got[c] for c in COUNTS] == [0, 2, 0, 2, 1, 2, 2]


# Every query the pages and decks run, with its own parameters. data_period takes no filters (below).
PAGE_QUERIES = {
    "headline": {},
    "monthly_departures": {},
    "monthly_departures_compared": PREVIOUS,
    "region_indicators": {"level": "province", "province": ""},
    "departure_origins": {},
    "top_destinations": {"limit": 100},
    "top_origin_provinces": {"limit": 100},
    "top_routes": {"limit": 100},
    "departures_by_checkpoint": {},
    "departures_by_checkpoint_kind": {},
    "destination_indicators": PREVIOUS,
    "destination_monthly": {"limit": 100},
    "hotspots": {**PREVIOUS, "limit": 100},
    "case_modes": {},
    "case_resolution": {},
    "cases_monthly_by_type": {},
    "trafficking_breakdown": {"dimension": "province"},
}


@pytest.mark.parametrize("name", list(PAGE_QUERIES))
def test_every_query_under_a_province_scope_equals_the_national_query_filtered_to_it(published, name):
    """A province scope must count exactly what a national user filtering that province counts, in every
    query, this period and the one before (D12, 3201, 2023); and the national answer must differ from
    at least one scope's, or the comparison would prove nothing."""
    params = PAGE_QUERIES[name]
    national = run(NATIONAL, name, **params)
    differs = []
    for province in ("32", "33"):
        scope = Scope(provinces=(province,))
        for period in (YEAR_2024, YEAR_2024.previous_year()):
            scoped = run(scope, name, period, **params)
            pd.testing.assert_frame_equal(scoped, run(NATIONAL, name, replace(period, provinces=(province,)), **params))
        differs.append(not national.equals(run(scope, name, **params)))
    assert any(differs), "national and scoped answers should differ"


def test_region_indicators_show_figures_only_inside_the_scope(published):
    columns = list(COUNTS)

    def active(scope: Scope, level: str) -> dict[str, list[int]]:
        frame = run(scope, "region_indicators", level=level, province="")
        return {row["code"]: [int(row[c]) for c in columns] for _, row in frame.iterrows() if any(row[columns])}

    assert active(NATIONAL, "province") == {"32": [2, 3, 2, 1, 0, 4, 0], "33": [1, 3, 0, 3, 1, 2, 2],
                                            "35": [1, 2, 2, 0, 0, 1, 1]}
    assert active(P33, "province") == {"33": [1, 3, 0, 3, 1, 2, 2]}
    assert active(Scope(provinces=("32",)), "province") == {"32": [2, 3, 2, 1, 0, 4, 0]}
    assert active(Scope(provinces=("32", "35")), "province") == {"32": [2, 3, 2, 1, 0, 4, 0],
                                                                 "35": [1, 2, 2, 0, 0, 1, 1]}
    assert active(Scope(regencies=("3301",)), "regency") == {"3301": [1, 3, 0, 3, 1, 2, 2]}
    # K03 has no NIK; its origin regency 3201 puts it in province 32's scope and in no other.
    assert active(Scope(regencies=("3201",)), "regency") == {"3201": [2, 3, 2, 1, 0, 4, 0]}


def test_hotspots_destinations_and_checkpoints_under_a_scope(published):
    # Nationally the only 2024 hotspot is 3301 (3 non-procedural against none in 2023); province 32 has none.
    assert list(run(P33, "hotspots", **PREVIOUS, limit=10)["regency_code"]) == ["3301"]
    assert run(Scope(provinces=("32",)), "hotspots", **PREVIOUS, limit=10).empty
    # Destinations of 33's labour departures: MYS 2 (D02 D06), ARE 1 (D04); nationally also KOR HKG JPN TWN.
    top = run(P33, "top_destinations", limit=100)
    assert dict(zip(top["iso3"], top["labour_departures"], strict=True)) == {"MYS": 2, "ARE": 1}
    # AIR-CGK: nationally D01 D10 procedural, D03 D04 non-procedural; of these only D04 is 33's.
    checkpoints = run(P33, "departures_by_checkpoint").set_index("checkpoint_code")
    assert checkpoints.loc["AIR-CGK", ["labour_departures", "procedural_departures",
                                       "non_procedural_departures"]].tolist() == [1, 0, 1]
    national = run(NATIONAL, "departures_by_checkpoint").set_index("checkpoint_code")
    assert national.loc["AIR-CGK", "labour_departures"] == 4
    assert set(checkpoints.index) == {"AIR-CGK", "SEA-BTC", "SEA-TBK"}  # no AIR-SUB (F, 35)


def test_the_data_period_is_the_scopes_own(published):
    # Province 33: R04 (2024-01-05) .. K02 and K07 (2024-05-01); nationally R03 (2022-12-01) .. D08 (2024-12-20).
    def period(scope: Scope) -> tuple[dt.date, dt.date]:
        row = run(scope, "data_period", None).iloc[0]
        return pd.Timestamp(row["first_day"]).date(), pd.Timestamp(row["last_day"]).date()

    assert period(P33) == (dt.date(2024, 1, 5), dt.date(2024, 5, 1))
    assert period(NATIONAL) == (dt.date(2022, 12, 1), dt.date(2024, 12, 20))


def test_nobody_and_roleless_grants_are_refused(published):
    for refused in (NOBODY, Grant("x@test.example", "none", NATIONAL, "test"),
                    Grant("x@test.example", "superuser", NATIONAL, "test")):
        with access.acting_as(refused), pytest.raises(AccessDenied):
            queries.run("headline", YEAR_2024)
        with access.acting_as(refused), pytest.raises(AccessDenied):
            indicators.headline(YEAR_2024)
    # Outside any Streamlit run, without acting_as, the operator (national) acts: the control case.
    assert indicators.headline(YEAR_2024) == NATIONAL_2024


def test_a_streamlit_server_thread_outside_a_script_run_acts_as_nobody(published, monkeypatch):
    # E.g. a download callable run by the server after the page ran: it must not fall back to the operator.
    monkeypatch.setattr(access, "_in_streamlit", lambda: (False, True))
    assert access.current() is NOBODY
    with pytest.raises(AccessDenied):
        indicators.headline(YEAR_2024)
    with access.acting_as(grant(P33)):
        assert indicators.headline(YEAR_2024) == REGENCY_3301_2024


def test_a_cursor_without_scope_variables_sees_nothing(published):
    _, con = store.connection()
    bare = con.cursor()
    scoped = con.cursor()
    try:
        for variable, value in NATIONAL.sql_params().items():
            scoped.execute(f"SET VARIABLE {variable} = $value", {"value": value})
        # 7 registrations (R01 R01B R02 R03 R04 R05 R07), 11 departures (D01's duplicate quarantined), 7 cases.
        counts = "SELECT (SELECT count(*) FROM {}) "
        for view, total in (("registrations", 7), ("departures", 11), ("cases", 7)):
            assert scoped.execute(counts.format(view)).fetchone()[0] == total
            # Variables belong to the cursor that set them: another cursor, set nothing, sees no row.
            assert bare.execute(counts.format(view)).fetchone()[0] == 0
        # Nor does a query through the filtered macros.
        assert bare.execute("SELECT count(*) FROM f_departures(DATE '2000-01-01', DATE '2100-01-01', "
                            "[], [], [], [])").fetchone()[0] == 0
    finally:
        bare.close()
        scoped.close()


def test_concurrent_queries_each_keep_their_own_scope(published):
    """Two threads, two scopes, many queries at once: neither sees the other's rows."""
    answers: dict[str, set[int]] = {"32": set(), "33": set()}
    errors: list[BaseException] = []

    def work(province: str) -> None:
        try:
            with access.acting_as(grant(Scope(provinces=(province,)))):
                for _ in range(15):
                    answers[province].add(indicators.headline(YEAR_2024)["cases"])
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(p,)) for p in ("32", "33")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert answers == {"32": {PROVINCE_32_2024["cases"]}, "33": {REGENCY_3301_2024["cases"]}}


def test_an_export_of_a_scoped_query_holds_only_the_scope(published):
    frame = run(P33, "region_indicators", level="regency", province="")
    frame = frame[frame[list(COUNTS)].sum(axis=1) > 0]
    with access.acting_as(grant(P33)):
        header = exports.Header(title="t", lang="en", filters=replace(YEAR_2024, provinces=("33",)), version_id="v",
                                demo=False)
        text = exports.csv_bytes(frame[["code", *COUNTS]], header).decode("utf-8-sig")
    rows = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert rows[0].startswith("code,")
    assert [r.split(",")[:8] for r in rows[1:]] == [["3301", "1", "3", "0", "3", "1", "2", "2"]]




def deck_kpis(result: content.Briefing) -> list[str]:
    """'This period' of the headline slide's table."""
    slide = next(s for s in result.slides if s.key == "kpis")
    return [row[1] for row in slide.table.rows]


def test_a_deck_built_under_a_scope_counts_only_the_scope(published, monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")
    request = content.Request(YEAR_2024.start, YEAR_2024.end, content.Area(), "en")
    national = content.build(request)
    with access.acting_as(grant(P33)):
        scoped = content.build(request)
        jabar = content.build(replace(request, area=content.Area("province", "32")))
    assert deck_kpis(national) == [str(NATIONAL_2024[c]) for c in COUNTS]
    # Asked nationally, a province-33 grant gets 33's figures; asked for 32, nothing.
    assert deck_kpis(scoped) == [str(REGENCY_3301_2024[c]) for c in COUNTS]
    assert deck_kpis(jabar) == ["0"] * len(COUNTS)
    hotspots = next(s for s in scoped.slides if s.key == "hotspots")
    assert hotspots.table is not None and [row[0] for row in hotspots.table.rows] == ["Kabupaten Cilacap"]


# One more resident of province 33 outside 3301: I, regency 3302 (Banyumas), man born 4 Apr 1991.
# R08 2024-02-01 SGP departed, D13 2024-03-10 AIR-CGK SGP work: procedural (registered 38 days before,
# same destination); K08 2024-09-01 unpaid wages, not trafficking: procedural through D13.
BANYUMAS_NIK = "3302010404910009"


@pytest.fixture
def with_banyumas(data_dir, tmp_path):
    from pantau.ingest import ingest

    files = write_all(tmp_path / "in")
    registration = ["R08", BANYUMAS_NIK, "2024-02-01", "L", "1991-04-04", "3302", "SMP", "Caregiver", "informal",
                    "P2P", "SGP", "P3MI-1", "departed"]
    departure = ["D13", BANYUMAS_NIK, "2024-03-10 09:30:00", "AIR-CGK", "SGP", "3302", "M", "1991-04-04", "work",
                 "false", "departed"]
    case = ["K08", BANYUMAS_NIK, "2024-09-01", "kp2mi_complaint", "unpaid_wages", "false", "", "3302", "SGP", "M",
            "1991-04-04", "", "open", ""]
    from extracts import CASE_HEADER, REGISTRATION_HEADER, cases

    write_csv(files[0], REGISTRATION_HEADER, [*registrations(), registration])
    write_csv(files[1], DEPARTURE_HEADER, [*departures(), departure])
    write_csv(files[2], CASE_HEADER, [*cases(), case])
    return ingest(files)


def test_a_regency_scope_is_not_its_province(with_banyumas):
    # Province 33 now: registrations R04 R08; labour D02 D04 D06 (non-procedural) + D13 (procedural);
    # prevented D05; cases K02 K07 (trafficking, non-procedural) + K08 (procedural).
    province = headline(Scope(provinces=("33",)))
    assert [province[c] for c in COUNTS] == [2, 4, 1, 3, 1, 3, 2]
    assert province["cases_by_mode"] == {"procedural": 1, "non_procedural": 2, "unknown": 0}
    # Regency 3301 keeps its own figures, 3302 its one person's.
    assert headline(Scope(regencies=("3301",))) == REGENCY_3301_2024
    banyumas = headline(Scope(regencies=("3302",)))
    assert [banyumas[c] for c in COUNTS] == [1, 1, 1, 0, 0, 1, 0]
    # Two regencies: the sum of both.
    both = headline(Scope(regencies=("3301", "3302")))
    assert [both[c] for c in COUNTS] == [2, 4, 1, 3, 1, 3, 2]
    # National: the fixture's figures and person I.
    national = headline(NATIONAL)
    assert [national[c] for c in COUNTS] == [5, 9, 5, 4, 1, 8, 3]
