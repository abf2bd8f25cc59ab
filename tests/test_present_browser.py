"""Presentation mode in a real headless Chromium at 1920 x 1080, with no network but localhost.

The departures page on tests/extracts.py (2024): slide 1 is its KPI row (8 labour departures, 4
procedural, 4 non-procedural, 50,0% non-procedural, 1 prevented: tests/test_departures_app.py), slides
2 and 3 its monthly charts. Type sizes are checked against Streamlit's and plotly's usual ones (metric
value 36 px, chart title 17 px, tick labels 12 px): at least 1.6 times larger.
"""

from __future__ import annotations

import re

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 1920, 1080
PERIOD = "start=2024-01-01&end=2024-12-31"
EXCEPTION = '[data-testid="stException"]'
COUNTER = ".st-key-present_counter"
MONTHLY = "Keberangkatan pekerja per bulan (garis putus-putus: setahun sebelumnya)"
SHARE = "Porsi nonprosedural per bulan"


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def env(published, data_dir) -> dict[str, str]:
    # The exact fixture figures: most are below the suppression threshold.
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET, "PANTAU_SUPPRESSION": "off"}


def wait_for_counter(page, text: str) -> None:
    page.wait_for_function(
        f"() => document.querySelector('{COUNTER}')?.innerText.trim() === '{text}'", timeout=30_000)


def wait_for_chart(page, title: str) -> None:
    """The one chart on screen, drawn, with this title."""
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_function(
        "(title) => [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"] .gtitle')]"
        ".map(e => e.textContent).join('|') === title", arg=title, timeout=30_000)
    page.wait_for_timeout(800)  # let plotly finish its transition before a screenshot


def px(page, selector: str, prop: str = "font-size") -> float:
    value = page.locator(selector).first.evaluate(f"e => getComputedStyle(e).getPropertyValue('{prop}')")
    return float(value.removesuffix("px"))


def test_departures_presented_one_chart_per_screen(env):
    with dashboard(env) as url, offline_page(WIDTH, HEIGHT) as (page, blocked):
        page.goto(f"{url}/departures?mode=present&{PERIOD}")
        wait_for_counter(page, "1 / 9")
        page.get_by_test_id("stMetricValue").first.wait_for()
        # Full width: the sidebar (and its filters) is out of sight, the page list sits at the top.
        assert not page.get_by_test_id("stSidebar").is_visible()
        assert not page.get_by_role("combobox", name="Provinsi asal").is_visible()
        assert page.get_by_test_id("stTopNavLink").first.is_visible()
        # Slide 1: the KPI row alone, in large type.
        assert page.get_by_test_id("stMetricValue").all_inner_texts() == ["8", "4", "4", "50,0%", "1"]
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 0
        assert px(page, '[data-testid="stMetricValue"]') >= 1.6 * 36
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(500)
        page.screenshot(path=ARTIFACTS / "present-1920x1080-kpis.png")

        # The arrow key moves on: the counter, the URL and the chart follow.
        page.keyboard.press("ArrowRight")
        wait_for_counter(page, "2 / 9")
        wait_for_chart(page, MONTHLY)
        assert re.search(r"[?&]slide=2(&|$)", page.url) and "mode=present" in page.url
        assert page.locator('[data-testid="stPlotlyChart"]').count() == 1
        assert page.get_by_test_id("stMetricValue").count() == 0
        assert px(page, '[data-testid="stPlotlyChart"] .gtitle') >= 1.6 * 17
        assert px(page, '[data-testid="stPlotlyChart"] .xtick text') >= 1.6 * 12
        # The chart takes the screen: at least 60% of the window's height, and in view.
        box = page.locator('[data-testid="stPlotlyChart"]').bounding_box()
        assert box["height"] >= 0.6 * HEIGHT and box["y"] + box["height"] <= HEIGHT
        page.screenshot(path=ARTIFACTS / "present-1920x1080-chart.png")

        page.keyboard.press("ArrowRight")
        wait_for_counter(page, "3 / 9")
        wait_for_chart(page, SHARE)
        # PageUp, as a presentation clicker sends it, goes back.
        page.keyboard.press("PageUp")
        wait_for_counter(page, "2 / 9")
        wait_for_chart(page, MONTHLY)

        # A link to this screen opens the same slide.
        page.goto(page.url)
        wait_for_counter(page, "2 / 9")
        wait_for_chart(page, MONTHLY)

        # Leaving: the sidebar and the whole page are back, and the URL forgets the mode.
        page.get_by_role("button", name="Keluar presentasi").click()
        page.get_by_test_id("stSidebar").wait_for(state="visible", timeout=30_000)
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stPlotlyChart\"]').length === 8",
                               timeout=30_000)
        assert "mode=" not in page.url and "slide=" not in page.url
        assert page.locator(EXCEPTION).count() == 0
        assert blocked == []
