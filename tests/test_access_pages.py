"""Roles and scopes through the dashboard (AppTest on dashboard.py), on the hand-built extracts, 2024.

The users are tests/roles.toml's, chosen with PANTAU_DEV_USER before each AppTest is built (the
dashboard resolves the grant on every run). Suppression is on (the server default) unless a test
says otherwise, so roles differ: viewers see small counts as "<5", analysts and up exactly.

Hand-worked figures (tests/extracts.py; see tests/test_access_scope.py for the working), 2024, in
the order of the overview's cards (registrations, labour, procedural, non-procedural, prevented,
cases, trafficking):
    national     4 8 4 4 1 7 3   (NATIONAL_2024)
    province 32  2 3 2 1 0 4 0   (PROVINCE_32_2024)
    province 33  1 3 0 3 1 2 2   (only regency 3301 has residents in 33: REGENCY_3301_2024)
    regency 3301 1 3 0 3 1 2 2
Suppressed (k = 5): every count from 1 to 4 becomes "<5"; zeros stay; national procedural and
non-procedural (4 and 4) hide as a pair anyway.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest
from extracts import NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024
from navigation import nav_pages
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from pantau import access
from pantau.access import ANALYST, NATIONAL, NOBODY, Grant, Scope
from pantau.briefing import content
from pantau.i18n import t
from pantau.indicators import COUNTS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
OVERVIEW = "app_pages/overview.py"
DEPARTURES = "app_pages/departures.py"
CASES = "app_pages/cases.py"
REGIONS = "app_pages/regions.py"
DESTINATIONS = "app_pages/destinations.py"
BRIEFING = "app_pages/briefing.py"
PROFILE = "app_pages/profile.py"
METHODOLOGY = "app_pages/methodology.py"
VIEW_PAGES = (OVERVIEW, DEPARTURES, CASES, REGIONS, DESTINATIONS, BRIEFING, PROFILE, METHODOLOGY)
K_PROVINCES, K_REGENCIES = "_w_provinces", "_w_regencies"
K_BRIEF_LEVEL, K_BRIEF_PROVINCE = "_briefing_level", "_briefing_province"

ADMIN, VIEWER, ANALYST_NATIONAL, STEWARD = ("admin@test.example", "viewer@test.example", "analyst@test.example",
                                            "steward@test.example")
JATENG, VIEWER_JATENG, JABAR, CILACAP = ("analyst.jateng@test.example", "viewer.jateng@test.example",
                                         "analyst.jabar@test.example", "analyst.cilacap@test.example")

READER_PAGES = {Path(p).name for p in VIEW_PAGES}
STEWARD_PAGES = READER_PAGES | {"data_quality.py", "upload.py"}


def exact(answer: dict) -> list[str]:
    return [str(answer[c]) for c in COUNTS]


def hidden(answer: dict) -> list[str]:
    return ["<5" if 0 < answer[c] < 5 else str(answer[c]) for c in COUNTS]


# user -> (pages in the navigation, the overview's seven cards for 2024)
MATRIX = {
    ADMIN: (None, exact(NATIONAL_2024)),  # None: STEWARD_PAGES and the admin-only pages (below)
    STEWARD: (STEWARD_PAGES, exact(NATIONAL_2024)),
    ANALYST_NATIONAL: (READER_PAGES, exact(NATIONAL_2024)),
    VIEWER: (READER_PAGES, ["<5", "8", "<5", "<5", "<5", "7", "<5"]),
    JATENG: (READER_PAGES, exact(REGENCY_3301_2024)),
    VIEWER_JATENG: (READER_PAGES, ["<5", "<5", "0", "<5", "<5", "<5", "<5"]),
    JABAR: (READER_PAGES, exact(PROVINCE_32_2024)),
    CILACAP: (READER_PAGES, exact(REGENCY_3301_2024)),
}
assert MATRIX[VIEWER][1] == hidden(NATIONAL_2024) and MATRIX[VIEWER_JATENG][1] == hidden(REGENCY_3301_2024)


@pytest.fixture(autouse=True)
def suppression_on(monkeypatch):
    """The server default: roles, not the switch, decide who sees small counts."""
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    monkeypatch.delenv("PANTAU_SUPPRESSION_K", raising=False)


@pytest.fixture
def media(monkeypatch):
    """The media file managers AppTest creates (one per run): where download callables wait to be called."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", Recording)
    return made


def open_as(monkeypatch, user: str, page: str | None = None, params: dict | None = None,
            period: dict | None = YEAR_2024) -> AppTest:
    monkeypatch.setenv("PANTAU_DEV_USER", user)
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for name, value in {**(period or {}), **(params or {})}.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    if page and page != OVERVIEW:
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def cards(at: AppTest) -> list[str]:
    return [m.value for m in at.metric[:len(COUNTS)]]


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def outside_scope_notice(param: str, value: str) -> str:
    return t("notice.outside_scope", "id", param=f"`{param}`", value=f"`{value}`")


def download_keys(at: AppTest) -> list[str]:
    return [b.proto.id.rsplit("-", 1)[-1] for b in at.get("download_button")]


def downloaded(at: AppTest, media, key: str) -> bytes:
    """What the download button `key` hands out, made as the server makes it: after the run, in a
    thread with no session (access.current() is NOBODY there, so a callable that queried would fail)."""
    button = next(b for b in at.get("download_button") if b.proto.id.endswith(f"-{key}"))
    manager = media[-1]
    with access.acting_as(NOBODY):
        url = manager.execute_deferred(button.proto.deferred_file_id)
    return manager._storage.get_file(url.rsplit("/", 1)[-1]).content


def csv_table(data: bytes) -> pd.DataFrame:
    """A download's CSV without its '#' header block."""
    text = data.decode("utf-8-sig")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pd.read_csv(io.StringIO(body), dtype=str, keep_default_na=False)


def profile_links(at: AppTest) -> list[dict[str, str]]:
    """kind and code of every profile link in the page's tables."""
    found = []
    for frame in at.dataframe:
        for value in frame.value.astype(str).to_numpy().ravel():
            if value.startswith("profile?"):
                query = parse_qs(urlsplit(value).query)
                found.append({"kind": query["kind"][0], "code": query["code"][0]})
    return found


# ---------------------------------------------------------------- role x scope: navigation and figures


@pytest.mark.parametrize("user", list(MATRIX))
def test_each_role_and_scope_gets_its_pages_and_its_figures(published, monkeypatch, user):
    pages, figures = MATRIX[user]
    at = open_as(monkeypatch, user)
    shown = nav_pages(at)
    if pages is None:
        # The administrator: everything a steward has, and only admin pages (the audit log) besides.
        assert shown >= STEWARD_PAGES and all("audit" in page for page in shown - STEWARD_PAGES)
    else:
        assert shown == pages
    assert cards(at) == figures
    # A page outside the navigation cannot be switched to either.
    for page in ("app_pages/upload.py", "app_pages/data_quality.py"):
        if Path(page).name not in shown:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(page)


def test_results_cached_for_one_scope_are_not_served_to_another(published, monkeypatch):
    """The same filters, one process, five users in turn: each gets its own figures (pantau/ui/data.py
    keys its cache by scope and suppression)."""
    for user in (ADMIN, JATENG, JABAR, VIEWER_JATENG, ADMIN, CILACAP):
        assert cards(open_as(monkeypatch, user)) == MATRIX[user][1], user


# ---------------------------------------------------------------- (a) sidebar filters


def test_a_province_analyst_is_offered_only_their_province_and_its_regencies(published, monkeypatch):
    at = open_as(monkeypatch, JATENG)
    assert at.multiselect(key=K_PROVINCES).options == ["Jawa Tengah"]
    regencies = at.multiselect(key=K_REGENCIES).options
    assert len(regencies) == 35 and "Kabupaten Cilacap" in regencies and "Kabupaten Bogor" not in regencies
    # The control: a national analyst is offered every province.
    national = open_as(monkeypatch, ANALYST_NATIONAL)
    assert len(national.multiselect(key=K_PROVINCES).options) == 38
    # A regency scope: its province, and of its regencies only its own.
    cilacap = open_as(monkeypatch, CILACAP)
    assert cilacap.multiselect(key=K_PROVINCES).options == ["Jawa Tengah"]
    assert cilacap.multiselect(key=K_REGENCIES).options == ["Kabupaten Cilacap"]


def test_choosing_the_own_province_in_the_sidebar_keeps_the_figures(published, monkeypatch):
    at = open_as(monkeypatch, JATENG)
    at.multiselect(key=K_PROVINCES).set_value(["33"]).run()
    assert not at.exception
    assert cards(at) == exact(REGENCY_3301_2024)
    at.multiselect(key=K_REGENCIES).set_value(["3302"]).run()  # Banyumas: inside the scope, nobody there
    assert cards(at) == ["0"] * len(COUNTS)


# ---------------------------------------------------------------- (b) URL parameters


@pytest.mark.parametrize(("params", "dropped"), [
    ({"province": "32"}, [("province", "32")]),
    ({"regency": "3201"}, [("regency", "3201")]),
    ({"province": "32,33", "regency": "3201,3301"}, [("province", "32"), ("regency", "3201")]),
    ({"province": "35", "regency": "3509"}, [("province", "35"), ("regency", "3509")]),
])
def test_url_areas_outside_the_scope_are_dropped_with_a_notice(published, monkeypatch, params, dropped):
    at = open_as(monkeypatch, JATENG, params=params)
    shown = warnings(at)
    for param, value in dropped:
        assert outside_scope_notice(param, value) in shown
    assert cards(at) == exact(REGENCY_3301_2024)
    # The same URL for a national analyst is obeyed: its figures differ, so the scope made the difference.
    assert cards(open_as(monkeypatch, ANALYST_NATIONAL, params=params)) != exact(REGENCY_3301_2024)


def test_a_regency_analyst_keeps_to_the_regency_whatever_the_url_says(published, monkeypatch):
    at = open_as(monkeypatch, CILACAP, params={"province": "33", "regency": "3201,3302"})
    assert outside_scope_notice("regency", "3201") in warnings(at)
    assert outside_scope_notice("regency", "3302") in warnings(at)
    assert cards(at) == exact(REGENCY_3301_2024)


# ---------------------------------------------------------------- (c) drill-down links


@pytest.mark.parametrize(("kind", "code"), [("province", "32"), ("regency", "3201"), ("province", "35"),
                                            ("regency", "32.01")])
def test_a_profile_outside_the_scope_shows_a_notice_and_no_figure(published, monkeypatch, kind, code):
    at = open_as(monkeypatch, JATENG, PROFILE, {"kind": kind, "code": code})
    assert outside_scope_notice(kind, code.replace(".", "")) in warnings(at)
    assert at.metric.len == 0 and at.dataframe.len == 0 and len(at.get("plotly_chart")) == 0
    assert download_keys(at) == []
    # The pick-list offered instead holds only the user's own area.
    assert at.selectbox[0].options == ["Jawa Tengah"]
    # The control: a national analyst gets the profile.
    assert open_as(monkeypatch, ANALYST_NATIONAL, PROFILE, {"kind": kind, "code": code}).metric.len > 0


def test_a_regency_analyst_cannot_open_the_profile_of_the_whole_province(published, monkeypatch):
    at = open_as(monkeypatch, CILACAP, PROFILE, {"kind": "province", "code": "33"})
    assert outside_scope_notice("province", "33") in warnings(at) and at.metric.len == 0
    at = open_as(monkeypatch, CILACAP, PROFILE, {"kind": "regency", "code": "3301"})
    assert cards(at) == exact(REGENCY_3301_2024) and warnings(at) == []
    # Its peers table lists Cilacap alone, and the heading does not link the province's profile.
    peers = next(d.value for d in at.dataframe if d.value.columns[0] == "Kabupaten/kota")
    assert peers["Kode"].tolist() == ["3301"]
    assert not any(link.proto.page.endswith("profile") for link in at.get("page_link"))


def test_profiles_inside_the_scope_show_only_in_scope_figures(published, monkeypatch):
    at = open_as(monkeypatch, JATENG, PROFILE, {"kind": "province", "code": "33"})
    assert cards(at) == exact(REGENCY_3301_2024)
    # Checkpoint AIR-CGK: nationally D01 D10 procedural, D03 D04 non-procedural (4 labour); 33's: D04 alone.
    at = open_as(monkeypatch, JATENG, PROFILE, {"kind": "checkpoint", "code": "AIR-CGK"})
    assert cards(at)[:4] == ["1", "0", "1", "0"]
    assert cards(open_as(monkeypatch, ANALYST_NATIONAL, PROFILE,
                         {"kind": "checkpoint", "code": "AIR-CGK"}))[:4] == ["4", "2", "2", "0"]
    # Destination SAU: registration R04 (D, 3301) and case K03 (3201): 33 sees the registration only.
    at = open_as(monkeypatch, JATENG, PROFILE, {"kind": "destination", "code": "SAU"})
    assert cards(at) == ["1", "0", "0", "0", "0", "0", "0"]
    assert cards(open_as(monkeypatch, ANALYST_NATIONAL, PROFILE,
                         {"kind": "destination", "code": "SAU"})) == ["1", "0", "0", "0", "0", "1", "0"]
    # Its top origin provinces and its checkpoints: Jawa Tengah and 33's checkpoints only.
    at = open_as(monkeypatch, JATENG, PROFILE, {"kind": "destination", "code": "MYS"})
    assert all(link["kind"] != "province" or link["code"] == "33" for link in profile_links(at))


def test_the_regions_page_offers_draws_and_links_only_the_scope(published, monkeypatch):
    at = open_as(monkeypatch, JATENG, REGIONS)
    assert at.selectbox(key="_regions_province").options == ["Jawa Tengah"]
    maps = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    locations = {code for spec in maps for trace in spec["data"] for code in trace["locations"]}
    assert len(locations) == 35 and all(code.startswith("33") for code in locations)
    links = profile_links(at)
    assert links and all(link["kind"] == "regency" and link["code"].startswith("33") for link in links)
    # No way back to "all of Indonesia": the province is all the user may see.
    assert at.button.len == 0 or all(b.label != t("regions.back", "id") for b in at.button)
    hotspots = next(d.value for d in at.dataframe if "Kenaikan" in d.value.columns)
    assert hotspots["Kode"].tolist() == ["3301"]

    # A regency analyst: the provinces map holds Jawa Tengah alone (Cilacap's figures), with no link
    # into the province's profile, which they may not open.
    at = open_as(monkeypatch, CILACAP, REGIONS)
    ranking = next(d.value for d in at.dataframe if d.value.columns[0] == "Provinsi")
    assert ranking["Kode"].tolist() == ["33"] and ranking["Profil"].isna().all()
    assert ranking["Nonprosedural"].tolist() == [3]

    # The control: nationally, 38 provinces and links to each.
    at = open_as(monkeypatch, ANALYST_NATIONAL, REGIONS)
    assert len(at.selectbox(key="_regions_province").options) == 38
    assert len([link for link in profile_links(at) if link["kind"] == "province"]) == 38


def test_a_forged_map_click_on_another_province_changes_nothing(published):
    """navigate.select_province (the map's and the select's callback) refuses a province outside the scope:
    a click the map could not have produced must not put it in the sidebar's state."""
    chosen = []
    for grant in (Grant(JATENG, ANALYST, Scope(provinces=("33",)), "dev"), Grant(ADMIN, "admin", NATIONAL, "dev")):
        at = AppTest.from_function(_select_province_script, args=(grant, "32"), default_timeout=60)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        chosen.append(at.session_state[K_PROVINCES])
    # Refused under scope 33; the control, a national grant, gets it.
    assert chosen == [[], ["32"]]


def _select_province_script(grant: object, code: str) -> None:
    import streamlit as st

    from pantau.ui import access as ui_access
    from pantau.ui import navigate

    st.session_state[ui_access.GRANT] = grant
    st.session_state.setdefault("_w_provinces", [])
    navigate.select_province(code)


def test_tables_link_only_areas_inside_the_scope_on_every_page(published, monkeypatch):
    for page, params in ((OVERVIEW, {}), (DEPARTURES, {}), (CASES, {}), (DESTINATIONS, {"focus": "MYS"}),
                         (REGIONS, {}), (PROFILE, {"kind": "province", "code": "33"})):
        at = open_as(monkeypatch, JATENG, page, params)
        for link in profile_links(at):
            if link["kind"] == "province":
                assert link["code"] == "33", (page, link)
            elif link["kind"] == "regency":
                assert link["code"].startswith("33"), (page, link)


# ---------------------------------------------------------------- (d) downloads


def test_downloads_of_a_province_analyst_hold_only_the_province(published, monkeypatch, media):
    # Overview: origin provinces. Nationally 32, 33 and 35 (3, 3 and 2 labour departures); here 33 alone.
    at = open_as(monkeypatch, JATENG)
    provinces = csv_table(downloaded(at, media, "csv_top_provinces"))
    assert provinces.iloc[:, :5].to_numpy().tolist() == [["33", "Jawa Tengah", "3", "0", "3"]]
    national = open_as(monkeypatch, ANALYST_NATIONAL)
    assert csv_table(downloaded(national, media, "csv_top_provinces")).iloc[:, 0].tolist() == ["32", "33", "35"]

    # Departures: origin regencies, 3301 alone (D02 D04 D06 non-procedural).
    at = open_as(monkeypatch, JATENG, DEPARTURES)
    regencies = csv_table(downloaded(at, media, "csv_departures_regencies"))
    assert regencies.iloc[:, 0].tolist() == ["Kabupaten Cilacap"]

    # Regions: the regency ranking of 33 (35 rows, all 33xx) and the hotspots (3301).
    at = open_as(monkeypatch, JATENG, REGIONS)
    ranking = csv_table(downloaded(at, media, "csv_ranking_regency"))
    assert len(ranking) == 35 and all(code.startswith("33") for code in ranking["Kode"])
    assert csv_table(downloaded(at, media, "csv_hotspots"))["Kode"].tolist() == ["3301"]

    # Every CSV on these pages: no area of another province with data (32: Bogor 3201; 35: 3509).
    for page in (OVERVIEW, DEPARTURES, CASES, REGIONS, DESTINATIONS):
        at = open_as(monkeypatch, JATENG, page)
        for key in download_keys(at):
            if key.startswith("csv_"):
                text = downloaded(at, media, key).decode("utf-8-sig")
                body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
                for other in ("Jawa Barat", "Jawa Timur", "Kabupaten Bogor", "3201", "3509"):
                    assert other not in body, (page, key, other)


def test_a_viewer_gets_no_download_below_province_level(published, monkeypatch):
    note = t("access.no_detail_download", "id")
    # Departures: the origin regencies chart has no download for a viewer, and no PNG button on the chart.
    viewer = open_as(monkeypatch, VIEWER, DEPARTURES)
    analyst = open_as(monkeypatch, ANALYST_NATIONAL, DEPARTURES)
    assert "csv_departures_regencies" in download_keys(analyst)
    assert not any("departures_regencies" in key for key in download_keys(viewer))
    assert "csv_departures_provinces" in download_keys(viewer)  # province level stays open
    assert any(note in c.value for c in viewer.caption)
    configs = {json.loads(c.proto.spec)["layout"]["title"]["text"]: json.loads(c.proto.config)
               for c in viewer.get("plotly_chart")}
    regency_chart = next(config for title, config in configs.items() if "kabupaten" in title.lower())
    assert regency_chart.get("modeBarButtonsToRemove") == ["toImage"]

    # Regions of one province: the regency map, ranking and hotspots are all below province level.
    viewer = open_as(monkeypatch, VIEWER, REGIONS, {"province": "33"})
    assert download_keys(viewer) == []
    assert len([c for c in viewer.caption if note in c.value]) == 3
    assert {"csv_regencies_33", "csv_ranking_regency", "csv_hotspots"} <= set(
        download_keys(open_as(monkeypatch, ANALYST_NATIONAL, REGIONS, {"province": "33"})))
    # The provinces map and ranking stay downloadable (hotspots, regency rows, do not).
    viewer = open_as(monkeypatch, VIEWER, REGIONS)
    assert set(download_keys(viewer)) == {"csv_provinces", "xlsx_provinces", "png_provinces",
                                          "csv_ranking_province", "xlsx_ranking_province"}

    # A regency's profile: every figure there is the regency's.
    assert download_keys(open_as(monkeypatch, VIEWER, PROFILE, {"kind": "regency", "code": "3301"})) == []
    assert download_keys(open_as(monkeypatch, ANALYST_NATIONAL, PROFILE, {"kind": "regency", "code": "3301"}))
    # A province's profile: its own figures yes, its regencies no.
    keys = download_keys(open_as(monkeypatch, VIEWER_JATENG, PROFILE, {"kind": "province", "code": "33"}))
    assert "csv_profile_monthly" in keys and not any("regencies" in key for key in keys)
    # The sidebar narrowed to a regency: the overview's tables are that regency's.
    assert download_keys(open_as(monkeypatch, VIEWER, params={"regency": "3301"})) == []
    assert download_keys(open_as(monkeypatch, VIEWER)) != []


# ---------------------------------------------------------------- (e) decks


def _deck_kpis(data: bytes) -> list[str]:
    deck = Presentation(io.BytesIO(data))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                rows = [[cell.text for cell in row.cells] for row in shape.table.rows]
                return [row[1] for row in rows[1:]]
    raise AssertionError("no table in the deck")


def test_the_briefing_page_offers_and_builds_only_the_scope(published, monkeypatch, media):
    from pantau.briefing import files

    monkeypatch.setattr(files, "map_picture", lambda briefing: None)  # the map picture takes seconds; not the point
    at = open_as(monkeypatch, JATENG, BRIEFING)
    # No national level, and of provinces only Jawa Tengah.
    assert at.segmented_control(key=K_BRIEF_LEVEL).options == [t("briefing.level.province", "id"),
                                                               t("briefing.level.regency", "id")]
    assert at.segmented_control(key=K_BRIEF_LEVEL).value == "province"
    assert at.selectbox(key=K_BRIEF_PROVINCE).options == ["Jawa Tengah"]
    assert list(at.dataframe[0].value.iloc[:, 1]) == exact(REGENCY_3301_2024)
    # The deck the page hands out says the same figures, built after the run with no session.
    assert _deck_kpis(downloaded(at, media, "briefing_pptx")) == exact(REGENCY_3301_2024)
    # The control: a national analyst's deck of the same period.
    national = open_as(monkeypatch, ANALYST_NATIONAL, BRIEFING)
    assert _deck_kpis(downloaded(national, media, "briefing_pptx")) == exact(NATIONAL_2024)


def _briefing_script(grant: object, area: tuple[str, str]) -> None:
    import datetime as dt

    import streamlit as st

    from pantau.briefing import content
    from pantau.ui import access as ui_access
    from pantau.ui import briefing_preview

    st.session_state[ui_access.GRANT] = grant
    request = content.Request(dt.date(2024, 1, 1), dt.date(2024, 12, 31), content.Area(*area), "id")
    result = briefing_preview.briefing(request)
    slide = next(s for s in result.slides if s.key == "kpis")
    st.session_state["kpis"] = [row[1] for row in slide.table.rows]


@pytest.mark.parametrize(("first", "second", "area", "answer"), [
    # Asked the same national briefing, a national analyst and then a province-33 analyst.
    (Grant(ANALYST_NATIONAL, ANALYST, NATIONAL, "dev"), Grant(JATENG, ANALYST, Scope(provinces=("33",)), "dev"),
     ("national", ""), REGENCY_3301_2024),
    # Asked for province 32, its own analyst and then a province-33 analyst (a forged choice): zeros.
    (Grant(JABAR, ANALYST, Scope(provinces=("32",)), "dev"), Grant(JATENG, ANALYST, Scope(provinces=("33",)), "dev"),
     ("province", "32"), {c: 0 for c in COUNTS}),
])
def test_a_briefing_cached_for_one_scope_is_not_served_to_another(published, first, second, area, answer):
    runs = []
    for grant in (first, second):
        at = AppTest.from_function(_briefing_script, args=(grant, area), default_timeout=120)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        runs.append(at.session_state["kpis"])
    assert runs[0] != runs[1]
    assert runs[1] == exact(answer)


def test_a_deck_built_for_a_scope_matches_the_pages(published):
    with access.acting_as(Grant(JATENG, ANALYST, Scope(provinces=("33",)), "dev")):
        result = content.build(content.Request(dt.date(2024, 1, 1), dt.date(2024, 12, 31),
                                               content.Area("province", "33"), "id"))
    assert [row[1] for row in next(s for s in result.slides if s.key == "kpis").table.rows] == \
        exact(REGENCY_3301_2024)


# ---------------------------------------------------------------- hostile URL parameters

LONG = "9" * 10_000
SQL_LIKE = {
    "province": "32' OR 1=1 --",
    "regency": "3301; DROP TABLE x",
    "destination": "MYS%00",
    "gender": "F' UNION SELECT nik FROM registrations --",
    "checkpoint": "AIR-CGK'); DELETE FROM departures; --",
    "checkpoint_kind": "air OR 1=1",
    "start": "2024-01-01' --",
    "end": "now()",
    "lang": "<script>alert(1)</script>",
    "slide": "1e9",
    "mode": "present' or '1",
    "kind": "province' OR '1'='1",
    "code": "32 UNION SELECT * FROM cases",
    "indicator": "registrations; DROP VIEW departures",
    "focus": "MYS' --",
    "sql": "SELECT * FROM registrations",
}
OVERSIZED = {name: LONG for name in SQL_LIKE}
# Repeated parameters (read comma-joined, or the last one), none of them valid for anybody ...
REPEATED = {"province": ["99", "32' --"], "regency": ["3299", LONG], "start": ["2024-01-01", "2023-01-01"],
            "destination": ["MYS\x00", "XXX"], "lang": ["en", "xx"], "kind": ["regency", "province"],
            "code": ["3301", "99"]}
# ... and, for the province-33 analyst, valid areas outside the scope; the last of a repeated kind/code
# pair is read, so an in-scope profile named first cannot smuggle in province 32.
REPEATED_OUTSIDE_33 = {"province": ["32", "32' --"], "regency": ["3201", LONG], "code": ["3301", "32"]}


def figures(at: AppTest) -> dict:
    """Everything on the page a figure can hide in: cards, tables, chart data."""
    return {
        "metrics": [(m.label, m.value, m.delta) for m in at.metric],
        "tables": [d.value.astype(str).to_dict("split") for d in at.dataframe],
        "charts": [json.loads(c.proto.spec)["data"] for c in at.get("plotly_chart")],
    }


# Every page: the readers' pages as a province analyst (a widened scope would show), the rest as the admin.
HOSTILE_RUNS = [(JATENG, page) for page in VIEW_PAGES] + [
    (ADMIN, page) for page in ("app_pages/data_quality.py", "app_pages/upload.py", "app_pages/audit.py")]


@pytest.mark.parametrize(("user", "page"), HOSTILE_RUNS, ids=[Path(page).stem for _, page in HOSTILE_RUNS])
def test_sql_like_and_oversized_url_parameters_change_nothing_and_crash_nothing(published, monkeypatch, user, page):
    # The audit page's table is the log, which grows with every run: its other figures must stay.
    def shown(at: AppTest) -> dict:
        found = figures(at)
        return {k: v for k, v in found.items() if k != "tables"} if page.endswith("audit.py") else found

    repeated = {**REPEATED, **(REPEATED_OUTSIDE_33 if user == JATENG else {})}
    baseline = shown(open_as(monkeypatch, user, page, period=None))
    for label, params in (("sql-like", SQL_LIKE), ("oversized", OVERSIZED), ("repeated", repeated)):
        at = open_as(monkeypatch, user, page, params, period=None)  # asserts no exception
        assert at.error.len == 0
        assert warnings(at), "a notice should name what was ignored"
        for notice in warnings(at):
            assert len(notice) < 400  # a 10 000-character value is cut, not echoed
        assert shown(at) == baseline, (page, label)
    # The dataset is unharmed: the national figures are still the hand-worked ones.
    assert cards(open_as(monkeypatch, ANALYST_NATIONAL)) == exact(NATIONAL_2024)


@pytest.mark.parametrize("name", list(SQL_LIKE))
def test_each_hostile_parameter_alone_is_ignored_with_a_notice_on_the_overview(published, monkeypatch, name):
    baseline = figures(open_as(monkeypatch, JATENG, period=None))
    for value in (SQL_LIKE[name], LONG):
        at = open_as(monkeypatch, JATENG, params={name: value}, period=None)
        assert figures(at) == baseline
        if name not in ("kind", "code", "indicator", "focus", "sql", "slide"):  # not the overview's parameters
            assert warnings(at), (name, value[:20])
