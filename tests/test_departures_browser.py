"""The departures and destinations pages in a real headless Chromium, with no network but localhost."""

from __future__ import annotations

import re

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser

PERIOD = "start=2024-01-01&end=2024-12-31"
EXCEPTION = '[data-testid="stException"]'
# Streamlit scrolls inside its own container, so a full-page screenshot is only as tall as the window.
TALL = 4200


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def env(published, data_dir) -> dict[str, str]:
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}


def wait_for_charts(page, count: int) -> None:
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_function(
        f"() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .js-plotly-plot').length >= {count}",
        timeout=30_000,
    )
    page.wait_for_timeout(1500)  # let the last charts finish drawing


def test_departures_page(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/departures?{PERIOD}")
        wait_for_charts(page, 8)
        assert page.get_by_role("heading", name="Keberangkatan pekerja migran").count() == 1
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert values == ["8", "4", "4", "50,0%", "1"]  # tests/test_departures_app.py
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "departures-fixture.png", full_page=True)

        # The checkpoint filters sit in the sidebar under their own heading and go into the URL.
        page.get_by_role("heading", name="Filter keberangkatan").wait_for()
        page.get_by_role("combobox", name="Jenis TPI").click()
        page.get_by_role("option", name="Laut (pelabuhan)").click()
        page.keyboard.press("Escape")
        page.wait_for_url(re.compile(r"checkpoint_kind=sea"), timeout=30_000)
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stMetricValue\"]')].map(e => e.innerText)"
            ".join(',') === '2,0,2,100,0%,1'", timeout=30_000)
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(1000)
        page.screenshot(path=ARTIFACTS / "departures-sea.png", full_page=True)
        assert blocked == []


def test_destinations_page(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/destinations?{PERIOD}&focus=MYS&lang=en")
        wait_for_charts(page, 4)
        assert page.get_by_role("heading", name="Destination countries").count() == 1
        assert page.get_by_text("Provinces of residence, to Malaysia").count() >= 1
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "destinations-fixture-en.png", full_page=True)
        assert blocked == []
