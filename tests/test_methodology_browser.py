"""The Kualitas data and Metodologi pages in a real headless Chromium, with no network but localhost."""

from __future__ import annotations

import re

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser

EXCEPTION = '[data-testid="stException"]'
CODE = '[data-testid="stCode"]'
# Streamlit scrolls inside its own container, so a full-page screenshot is only as tall as the window.
TALL = 7000


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def env(published, data_dir) -> dict[str, str]:
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}


def wait_for_page(page) -> None:
    page.get_by_role("heading", name="Definisi indikator").or_(
        page.get_by_role("heading", name="Indicator definitions")).wait_for(timeout=60_000)
    page.wait_for_timeout(500)


def test_data_quality_page(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/data-quality")
        page.wait_for_selector(CHART, timeout=60_000)  # the quarantine chart
        page.wait_for_timeout(1500)  # let the chart finish drawing
        assert page.get_by_role("heading", name="Kualitas data").count() == 1
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        # tests/test_methodology_app.py: freshness, then linkage (all data, then 2024).
        assert values == ["1 Mei 2024", "20 Des 2024", "1 Agu 2024", "44,4%", "42,9%", "50,0%", "42,9%"]
        footer = page.get_by_text(re.compile(r"data s\.d\.: pendaftaran 1 Mei 2024, keberangkatan 20 Des 2024"))
        assert footer.count() == 1
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "data-quality-id.png", full_page=True)
        assert blocked == []


def test_methodology_page_and_its_sql_links(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/methodology")
        wait_for_page(page)
        assert page.get_by_role("heading", name="Metodologi").count() == 1
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "methodology-id.png", full_page=True)

        # An SQL link opens the file on this page, with a link that can be shared.
        page.get_by_role("link", name="queries/publish/link_cases.sql").click()
        page.wait_for_url(re.compile(r"sql=publish(%2F|/)link_cases"), timeout=30_000)
        page.locator(CODE).first.wait_for(timeout=30_000)
        assert "Cases with their departure mode" in page.locator(CODE).first.inner_text()
        assert page.get_by_role("heading", name="SQL: queries/publish/link_cases.sql").count() == 1
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(500)
        page.screenshot(path=ARTIFACTS / "methodology-sql.png")
        assert blocked == []


def test_methodology_page_in_english_with_a_bad_sql_link(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/methodology?lang=en&sql=..%2F..%2Fetc%2Fpasswd")
        wait_for_page(page)
        assert page.get_by_role("heading", name="Methodology").count() == 1
        assert page.get_by_text(re.compile(r"URL parameter sql: .* is not the name")).count() == 1
        assert page.locator(CODE).count() == 0
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "methodology-en.png", full_page=True)
        assert blocked == []
