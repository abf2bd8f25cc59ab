"""The Kasus & TPPO / Cases page in a real headless Chromium (Debian's package), with no network but localhost."""

from __future__ import annotations

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser

# Monthly by type, three trafficking breakdowns, two mode charts, status (tests/test_cases_app.py).
CHARTS = 7
# One per drawn chart (CHART matches each of a chart's svg layers).
# Tall enough to hold the whole page: Streamlit scrolls inside its own container, which a
# full-page screenshot does not follow.
VIEWPORT = {"width": 1440, "height": 3400}
PLOT = '[data-testid="stPlotlyChart"] .js-plotly-plot:has(.main-svg)'


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


def wait_for_charts(page, count: int) -> None:
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_function(f"document.querySelectorAll('{PLOT}').length >= {count}", timeout=30_000)
    page.wait_for_timeout(1000)  # let the last chart finish its layout


@pytest.mark.parametrize(("lang", "heading", "metrics"), [
    ("id", "Kasus & TPPO", ["7", "40,0%", "2", "3", "100,0%", "1", "28,6%", "15 hari", "15 hari"]),
    ("en", "Cases and trafficking (TPPO)", ["7", "40.0%", "2", "3", "100.0%", "1", "28.6%", "15 days", "15 days"]),
])
def test_cases_page_draws_its_charts_offline(published, data_dir, lang, heading, metrics):
    env = {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}
    with dashboard(env) as url, offline_page(**VIEWPORT) as (page, blocked):
        page.goto(f"{url}/cases?start=2024-01-01&end=2024-12-31&lang={lang}")
        wait_for_charts(page, CHARTS)
        assert page.get_by_role("heading", name=heading).count() >= 1
        assert page.get_by_test_id("stMetricValue").all_inner_texts() == metrics
        assert page.locator(PLOT).count() == CHARTS
        assert page.locator('[data-testid="stException"]').count() == 0
        # Destination and province tables show their profile links in view.
        assert page.get_by_test_id("stDataFrame").count() >= 2
        page.screenshot(path=ARTIFACTS / f"cases-fixture-{lang}.png", full_page=True)
        assert blocked == []


def test_cases_page_with_nothing_to_show(published, data_dir):
    env = {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}
    with dashboard(env) as url, offline_page(**VIEWPORT) as (page, blocked):
        page.goto(f"{url}/cases?start=2024-01-01&end=2024-12-31&destination=NZL")
        page.get_by_text("Tidak ada data untuk filter ini.").first.wait_for(timeout=60_000)
        page.wait_for_timeout(1000)
        assert page.get_by_text("Tidak ada data untuk filter ini.").count() == CHARTS
        assert page.locator(CHART).count() == 0
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=ARTIFACTS / "cases-empty.png", full_page=True)
        assert blocked == []
