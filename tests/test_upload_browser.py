"""The Upload page in a real headless Chromium, through the real file input, with no network but localhost.

Figures: tests/test_upload_app.py (monthly_files): read 11, would publish 6, quarantined 5; the departures
quarantine holds rows 6-9 (D22, D23, no id, D24).
"""

from __future__ import annotations

import csv
import io
import re

import pytest
from browser import ARTIFACTS, dashboard, offline_page
from conftest import TEST_SECRET
from playwright.sync_api import expect
from test_upload_app import SIXTEEN_DIGITS, monthly_files

from pantau import store

pytestmark = pytest.mark.browser

EXCEPTION = '[data-testid="stException"]'
TALL = 3000


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def env(published, data_dir) -> dict[str, str]:
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}


def metric_values(page) -> str:
    return ",".join(page.get_by_test_id("stMetricValue").all_inner_texts())


def test_upload_check_publish_and_download(env, tmp_path):
    before = store.current_version().id
    files = monthly_files(tmp_path / "monthly")
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/upload?lang=en")
        page.get_by_role("heading", name="Upload data").wait_for(timeout=60_000)
        page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files([str(p) for p in files])
        # The button is enabled once the rerun after the upload has the files (long names are shortened).
        check = page.get_by_role("button", name="Check")
        expect(check).to_be_enabled(timeout=30_000)
        assert page.get_by_text("cases-2025-01.csv").count() == 1
        check.click()
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].map(e => e.innerText)"
            ".join(',') === '11,6,5'", timeout=60_000)
        assert page.get_by_role("heading", name="Check result").count() == 1
        # The metrics can be drawn before the files table replaces what the page showed before.
        files_table = page.locator('[data-testid="stTable"]', has_text="departures-2025-01.csv").first
        expect(files_table).to_be_visible(timeout=30_000)
        table = files_table.inner_text()
        assert re.search(r"departures-2025-01\.csv\s+Departures\s+8\s+4\s+4", table), table
        assert re.search(r"cases-2025-01\.csv\s+Cases\s+3\s+2\s+1", table), table
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(1000)  # let the quarantine grid draw
        page.screenshot(path=ARTIFACTS / "upload-check.png", full_page=True)
        assert store.current_version().id == before  # a check publishes nothing

        with page.expect_download() as check_download:
            page.get_by_role("button", name="Download the quarantine report (CSV)").first.click()
        checked_csv = check_download.value.path().read_text(encoding="utf-8")

        page.get_by_role("button", name="Publish").click()
        page.get_by_text("Published: dataset version").wait_for(timeout=60_000)
        after = store.current_version().id
        assert after != before
        assert page.get_by_text(f"Published: dataset version {after}").count() == 1
        footer = page.get_by_text(re.compile(r"^Dataset version ")).inner_text()
        assert footer.startswith(f"Dataset version {after}")
        assert metric_values(page) == "11,6,5"
        assert page.locator(EXCEPTION).count() == 0

        with page.expect_download() as published_download:
            page.get_by_role("button", name="Download the quarantine report (CSV)").first.click()
        download = published_download.value
        assert download.suggested_filename == f"pantau-pmi_quarantine_departures_{after}.csv"
        text = download.path().read_text(encoding="utf-8")
        page.wait_for_timeout(500)
        page.screenshot(path=ARTIFACTS / "upload-published.png", full_page=True)
        assert blocked == []

    assert text == checked_csv  # what the check showed is what was published
    assert not SIXTEEN_DIGITS.search(text)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["row_number"], r["departure_id"], r["reason"]) for r in rows] == [
        ("6", "D22", "invalid_nik"), ("7", "D23", "unknown_checkpoint_code"), ("8", "", "missing_departure_id"),
        ("9", "D24", "out_of_range_examined_at"),
    ]
