"""The audit log through the dashboard (AppTest): the events a session leaves, what is refused, the admin page.

AppTest cannot press a download button, so the data callables Streamlit registers for the buttons are
caught as they are registered (`made`) and called the way Streamlit calls them: in another thread, with
no script run, inside a running server (where access.current() is NOBODY, pantau/access.py).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import threading
from pathlib import Path
from unittest.mock import MagicMock

import pytest
import streamlit as st
from navigation import nav_pages
from streamlit.runtime import Runtime
from streamlit.runtime.caching.storage.dummy_cache_storage import MemoryCacheStorageManager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from streamlit.util import calc_hash
from test_upload_app import monthly_files

from pantau import access, audit, store
from pantau.access import NOBODY

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
SIXTEEN_DIGITS = re.compile(r"\d{16}")
NIK_A, NIK_B = "3201011234567890", "3301019876543210"
ADMIN = {"user": "admin@test.example", "role": "admin", "source": "dev", "scope": "national"}
JATENG = {"user": "analyst.jateng@test.example", "role": "analyst", "source": "dev", "scope": "33"}
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")


@pytest.fixture
def made(monkeypatch) -> dict:
    """file name -> the data callable of the download button drawn last with that file name."""
    found: dict = {}
    register = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        found[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return found


@pytest.fixture
def server_thread(monkeypatch):
    """Call a download callable as Streamlit does: another thread, no script run, a server running."""

    def call(make):
        result: dict = {}

        def target():
            try:
                result["nobody"] = access.current()  # what a query would run under without the capture
                result["data"] = make()
            except BaseException as e:  # handed to the test below
                result["error"] = e

        # A running server, as AppTest's own stand-in for one.
        server = MagicMock(spec=Runtime)
        server.cache_storage_manager = MemoryCacheStorageManager()
        with monkeypatch.context() as m:
            m.setattr(Runtime, "_instance", server)
            thread = threading.Thread(target=target)
            thread.start()
            thread.join()
        if "error" in result:
            raise result["error"]
        assert result["nobody"] == NOBODY
        return result["data"]

    return call


def log_path() -> Path:
    return audit.path()


def logged() -> list[dict]:
    """The log's lines in file order, each without its time (checked for its form here)."""
    found = [json.loads(raw) for raw in log_path().read_text(encoding="utf-8").splitlines()]
    assert all(TIME.match(e.pop("time")) for e in found)
    return found


def event(name: str, who: dict, version: str | None, page: str | None = None, filters: dict | None = None,
          **detail) -> dict:
    return {"event": name, **who, "version": version, "page": page, "filters": filters or {}, "detail": detail}


def start(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    return run(at)


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_a_scripted_session_leaves_exactly_these_lines(published, tmp_path, made, server_thread):
    v1 = store.current_version().id
    p33 = {**YEAR_2024, "province": "33"}
    at = start(YEAR_2024)
    run(at)  # a rerun with the same page and filters: no second page view
    at.multiselect(key="_w_provinces").set_value(["33"])
    run(run(at))

    csv = server_thread(made["pantau-pmi_monthly_2024-01-01_2024-12-31.csv"])
    assert csv.startswith(b"# ")

    run(at.switch_page("app_pages/briefing.py"))
    st.cache_data.clear()  # the deck is built from scratch in the server thread: its queries need the grant
    deck = server_thread(made["pantau-pmi_bahan-rapat_33_2024-01-01_2024-12-31_id.pptx"])
    assert deck[:2] == b"PK"

    run(at.switch_page("app_pages/upload.py"))
    folder = tmp_path / "named"
    folder.mkdir()
    departures, cases = monthly_files(tmp_path / "monthly")
    files = [shutil.copy(departures, folder / f"departures-{NIK_A}.csv"),
             shutil.copy(cases, folder / f"kasus {NIK_B[:4]} {NIK_B[4:8]} {NIK_B[8:12]} {NIK_B[12:]}.csv")]
    at.file_uploader[0].set_value([(Path(p).name, Path(p).read_bytes(), "text/csv") for p in files])
    run(at)
    at.button(key="_upload_check_button").click()
    run(at)
    quarantine = server_thread(made["pantau-pmi_quarantine_departures_check.csv"])
    assert quarantine.count(b"\n") == 5  # header and the 4 quarantined departures
    at.button(key="_upload_publish").click()
    run(at)
    v2 = store.current_version().id
    assert v2 != v1

    named = [{"name": "departures-320101******7890.csv", "kind": "departures", "rows_read": 8,
              "rows_published": 4, "rows_quarantined": 4},
             {"name": "kasus 330101******3210.csv", "kind": "cases", "rows_read": 3, "rows_published": 2,
              "rows_quarantined": 1}]
    assert logged() == [
        event("sign_in", ADMIN, v1),
        event("page_view", ADMIN, v1, "overview", YEAR_2024),
        event("page_view", ADMIN, v1, "overview", p33),
        event("download", ADMIN, v1, "overview", p33, what="monthly", format="csv"),
        event("page_view", ADMIN, v1, "briefing", p33),
        event("deck", ADMIN, v1, "briefing", p33, kind="pptx", lang="id"),
        event("page_view", ADMIN, v1, "upload", p33),
        event("upload_check", ADMIN, v1, "upload", kind="auto", files=named, rows_read=11, would_publish=6,
              quarantined=5, outcome="ok"),
        event("download", ADMIN, v1, "upload", what="quarantine_departures", format="csv"),
        event("publish", ADMIN, v1, "upload", kind="auto", files=named, new_version=v2, rows=6, quarantined=5,
              outcome="ok"),
        event("page_view", ADMIN, v2, "upload", p33),  # the same page, now on the new version
    ]
    text = log_path().read_text(encoding="utf-8")
    assert not SIXTEEN_DIGITS.search(text)
    assert NIK_A[6:12] not in text and NIK_B[6:12] not in text and NIK_B[4:8] + " " + NIK_B[8:12] not in text
    assert "test-secret-not-for-production" not in text


def test_a_url_area_outside_the_scope_is_recorded_as_refused_once(published, monkeypatch):
    monkeypatch.setenv("PANTAU_DEV_USER", "analyst.jateng@test.example")
    version = store.current_version().id
    at = start({**YEAR_2024, "province": "32"})
    assert "URL parameter" in at.warning[0].value or "Parameter URL" in at.warning[0].value
    run(at)
    assert logged() == [
        event("sign_in", JATENG, version),
        event("denied", JATENG, version, "overview", reason="outside_scope", param="province", value="32"),
        # The page shows the scope: province 33, not the 32 the URL asked for.
        event("page_view", JATENG, version, "overview", {**YEAR_2024, "province": "33"}),
    ]


@pytest.mark.parametrize("user", ["viewer@test.example", "analyst@test.example", "steward@test.example"])
def test_the_audit_page_is_not_offered_below_admin_and_a_direct_request_is_refused(published, monkeypatch, user):
    monkeypatch.setenv("PANTAU_DEV_USER", user)
    at = start(YEAR_2024)
    assert "audit.py" not in nav_pages(at) and "overview.py" in nav_pages(at)
    with pytest.raises(ValueError, match="navigation page"):
        at.switch_page("app_pages/audit.py")
    # What a browser opening /audit sends: that page's hash. The default page is shown instead.
    at._page_hash = calc_hash("audit")
    run(at)
    assert at.title[0].value == "Ringkasan"
    run(at)  # asking again in the next run is not a new refusal
    version = store.current_version().id
    refused = [e for e in logged() if e["event"] == "denied"]
    assert [(e["user"], e["page"], e["detail"]) for e in refused] == [
        (user, "overview", {"reason": "page", "requested_page": "audit"})]
    assert [e["page"] for e in logged() if e["event"] == "page_view"] == ["overview"]
    assert audit.search(event="denied")[0]["version"] == version


def test_the_audit_page_is_offered_to_admins(published):
    at = start(YEAR_2024)
    assert "audit.py" in nav_pages(at)


# --- The admin page ---

WIB = dt.timezone(dt.timedelta(hours=7))
VIEWER = access.Grant("viewer@test.example", "viewer", access.NATIONAL, "oidc")
JATENG_GRANT = access.Grant("analyst.jateng@test.example", "analyst", access.Scope(provinces=("33",)), "oidc")
# 1 and 2 November 2026 in WIB run from 31 Oct 17:00 to 2 Nov 17:00 UTC: the middle three are inside.
HISTORY = [
    (dt.datetime(2026, 10, 31, 16, 59, tzinfo=dt.UTC), VIEWER, "sign_in", None, {}),
    (dt.datetime(2026, 10, 31, 17, 0, tzinfo=dt.UTC), VIEWER, "sign_in", None, {}),
    (dt.datetime(2026, 11, 1, 3, 0, tzinfo=dt.UTC), JATENG_GRANT, "download", "departures",
     {"what": "monthly", "format": "csv"}),
    (dt.datetime(2026, 11, 2, 16, 59, tzinfo=dt.UTC), JATENG_GRANT, "page_view", "regions", {}),
    (dt.datetime(2026, 11, 2, 17, 0, tzinfo=dt.UTC), JATENG_GRANT, "sign_in", None, {}),
]


def open_audit_page(lang: str = "id") -> AppTest:
    file = log_path()
    file.parent.mkdir(parents=True, exist_ok=True)
    with file.open("a", encoding="utf-8") as f:
        for moment, grant, name, page, detail in HISTORY:
            f.write(audit.line(name, grant, "v1", page=page, time=moment, **detail))
    at = start({**YEAR_2024, "lang": lang})
    run(at.switch_page("app_pages/audit.py"))
    at.date_input(key="_audit_from").set_value(dt.date(2026, 11, 1))
    at.date_input(key="_audit_to").set_value(dt.date(2026, 11, 2))
    return run(at)


def rows(at: AppTest) -> list[list[str]]:
    frame = at.dataframe[0].value
    return [list(frame.columns)] + frame[frame.columns[:4]].astype(str).values.tolist()


def test_the_audit_page_searches_and_shows_wib_times_newest_first(published):
    at = open_audit_page("en")
    assert at.title[0].value == "Audit log"
    assert "3 entries, newest first." in [c.value for c in at.caption]
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["Time (WIB)", "Event", "User", "Role", "Signed in by", "Scope", "Dataset version",
                                   "Page", "Filters", "Detail"]
    assert frame[["Time (WIB)", "Event", "User"]].values.tolist() == [
        ["2026-11-02 23:59:00", "Page view", "analyst.jateng@test.example"],
        ["2026-11-01 10:00:00", "Download", "analyst.jateng@test.example"],
        ["2026-11-01 00:00:00", "Sign-in", "viewer@test.example"],
    ]
    assert frame["Detail"].tolist()[1] == '{"what":"monthly","format":"csv"}'

    at.text_input(key="_audit_user").input("JATENG")
    run(at)
    assert "2 entries, newest first." in [c.value for c in at.caption]
    at.selectbox(key="_audit_event").set_value("download")
    run(at)
    assert at.dataframe[0].value["Event"].tolist() == ["Download"]
    at.text_input(key="_audit_text").input("xlsx")
    run(at)
    assert at.dataframe.len == 0 and at.info[-1].value == "No entries for this search."


def test_the_audit_csv_holds_the_results_and_is_itself_audited(published, made, server_thread):
    open_audit_page()
    [name] = [n for n in made if n.startswith("pantau-pmi_audit_2026-11-01_2026-11-02_")]
    lines = server_thread(made[name]).decode("utf-8").splitlines()
    assert lines[0] == "Waktu (WIB),Peristiwa,Pengguna,Peran,Cara masuk,Wilayah,Versi data,Halaman,Filter,Rincian"
    assert [line.split(",")[:3] for line in lines[1:]] == [
        ["2026-11-02 23:59:00", "Buka halaman", "analyst.jateng@test.example"],
        ["2026-11-01 10:00:00", "Unduhan", "analyst.jateng@test.example"],
        ["2026-11-01 00:00:00", "Masuk", "viewer@test.example"],
    ]
    [download] = audit.search(event="download", user="admin@")
    assert (download["page"], download["detail"]) == ("audit", {"what": "audit_log", "format": "csv"})
