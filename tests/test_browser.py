"""The overview in a real headless Chromium (Debian's package), with no network but localhost."""

from __future__ import annotations

import re

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


def test_overview_draws_charts_with_no_error_and_no_outside_request(published, data_dir):
    env = {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}
    with dashboard(env) as url, offline_page() as (page, blocked):
        page.goto(f"{url}/?start=2024-01-01&end=2024-12-31")
        page.wait_for_selector(CHART, timeout=60_000)
        page.wait_for_timeout(1500)  # let the remaining charts finish drawing
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert values[:2] == ["4", "8"]  # registrations, labour departures (tests/extracts.py)
        assert page.locator('[data-testid="stException"]').count() == 0
        assert page.locator(CHART).count() >= 3
        assert page.get_by_text(re.compile("DATA DEMO", re.I)).count() == 0
        page.screenshot(path=ARTIFACTS / "overview-fixture.png", full_page=True)
        assert blocked == []


def test_first_start_builds_the_demo_and_shows_the_banner(data_dir):
    env = {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}
    with dashboard(env) as url, offline_page() as (page, blocked):
        page.goto(url)
        page.wait_for_selector(CHART, timeout=180_000)
        page.wait_for_timeout(1500)
        assert page.get_by_text(re.compile("DATA DEMO", re.I)).count() >= 1
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=ARTIFACTS / "overview-demo.png", full_page=True)
        assert blocked == []
