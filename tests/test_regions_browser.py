"""The regions map and the profile page in a real headless Chromium, with no network but localhost.

The map is MapLibre (a WebGL canvas), so a province is clicked at its screen position: the page
asks the map itself where a point inside West Java is drawn (maplibre `project`), then the mouse
clicks there like a user would.
"""

from __future__ import annotations

import re

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET

pytestmark = pytest.mark.browser

PERIOD = "start=2024-01-01&end=2024-12-31"
# A point well inside West Java (Kabupaten Bandung), lon/lat.
WEST_JAVA = (107.6, -6.95)
# Inside Kabupaten Cilacap (its centroid in data/reference/regencies.csv).
CILACAP = (108.8899, -7.4884)
MAP = '[data-testid="stPlotlyChart"] .maplibregl-canvas'
# Streamlit scrolls inside its own container, so a full-page screenshot is only as tall as the window.
TALL = 2600
EXCEPTION = '[data-testid="stException"]'
# The first plotly chart holding a map, and its maplibre instance.
FIND_MAP = """const g = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')]
                  .find(e => e._fullLayout && e._fullLayout.map);
              const m = g && g._fullLayout.map._subplot && g._fullLayout.map._subplot.map;"""


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@pytest.fixture
def env(published, data_dir) -> dict[str, str]:
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET}


def map_title(page) -> str:
    return page.locator('[data-testid="stPlotlyChart"] .gtitle').first.text_content()


def wait_for_map(page, title: str) -> None:
    page.wait_for_selector(MAP, timeout=60_000)
    page.wait_for_function(
        """title => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .gtitle')]
                    .some(e => e.textContent.includes(title))""",
        arg=title, timeout=30_000,
    )
    # MapLibre draws after plotly's svg: wait until the map says it has loaded its style and sources.
    page.wait_for_function(
        f"() => {{ {FIND_MAP} return !!m && m.loaded(); }}",
        timeout=30_000,
    )
    page.wait_for_timeout(800)


def screen_position(page, lon: float, lat: float) -> dict[str, float]:
    return page.evaluate(
        f"""([lon, lat]) => {{ {FIND_MAP}
                              const p = m.project([lon, lat]);
                              const r = m.getCanvas().getBoundingClientRect();
                              return {{x: r.left + p.x, y: r.top + p.y}}; }}""",
        [lon, lat],
    )


def test_province_click_narrows_to_regencies_and_the_url_reopens_the_same_map(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/regions?{PERIOD}")
        wait_for_map(page, "menurut provinsi")
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "regions-provinces.png", full_page=True)

        spot = screen_position(page, *WEST_JAVA)
        page.mouse.click(spot["x"], spot["y"])
        page.wait_for_url(re.compile(r"[?&]province=32(&|$)"), timeout=30_000)
        wait_for_map(page, "Jawa Barat")
        assert "per kabupaten/kota, Jawa Barat" in map_title(page)
        # The sidebar filter says the same as the map.
        assert page.get_by_role("button", name=re.compile("Remove Jawa Barat")).count() == 1
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "regions-regencies.png", full_page=True)
        shared = page.url
        assert blocked == []

    # The URL alone, in a fresh browser, shows the same regency map.
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(shared.replace(shared.split("/regions")[0], url))
        wait_for_map(page, "Jawa Barat")
        assert "per kabupaten/kota, Jawa Barat" in map_title(page)
        assert page.locator(EXCEPTION).count() == 0
        assert blocked == []


def test_profile_page_draws_with_no_error(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/profile?kind=province&code=33&{PERIOD}")
        page.wait_for_selector(CHART, timeout=60_000)
        wait_for_map(page, "per kabupaten/kota")
        page.wait_for_timeout(1000)
        assert page.get_by_role("heading", name="Jawa Tengah", exact=True).count() == 1
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert values[:7] == ["1", "3", "0", "3", "1", "2", "2"]  # tests/test_region_queries.py, province 33
        assert page.locator(EXCEPTION).count() == 0
        page.screenshot(path=ARTIFACTS / "profile-province.png", full_page=True)
        assert blocked == []


def test_a_click_on_a_regency_opens_its_profile(env):
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/regions?{PERIOD}&province=33")
        wait_for_map(page, "Jawa Tengah")
        spot = screen_position(page, *CILACAP)
        page.mouse.click(spot["x"], spot["y"])
        page.wait_for_url(re.compile(r"/profile\?.*kind=regency"), timeout=30_000)
        page.get_by_role("heading", name="Kabupaten Cilacap", exact=True).wait_for(timeout=30_000)
        page.get_by_test_id("stMetricValue").nth(6).wait_for(timeout=30_000)
        page.wait_for_selector(CHART, timeout=30_000)
        assert "code=3301" in page.url and "province=33" in page.url  # the filters travel with it
        values = page.get_by_test_id("stMetricValue").all_inner_texts()
        assert values[:7] == ["1", "3", "0", "3", "1", "2", "2"]  # tests/extracts.py REGENCY_3301_2024
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(1000)
        page.screenshot(path=ARTIFACTS / "profile-regency.png", full_page=True)
        # The province named under the title opens the province's profile.
        page.get_by_role("link", name="Jawa Tengah").click()
        page.wait_for_url(re.compile(r"kind=province&code=33"), timeout=30_000)
        page.get_by_role("heading", name="Jawa Tengah", exact=True).wait_for(timeout=30_000)
        assert page.locator(EXCEPTION).count() == 0
        assert blocked == []


def test_the_indicator_switch_redraws_only_the_map_and_ranking(env):
    # The server sends the elements a run draws; a fragment's rerun sends only the fragment's.
    # Element texts travel as UTF-8 inside the protobuf frames, so a text the frames of the
    # switch do not carry was not drawn again.
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        frames: list[bytes] = []
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda data: frames.append(data if isinstance(data, bytes) else data.encode())))
        page.goto(f"{url}/regions?{PERIOD}")
        wait_for_map(page, "Keberangkatan nonprosedural menurut provinsi")
        assert any(b"Sasaran sosialisasi" in f for f in frames)  # the first run drew the hotspots
        frames.clear()

        page.get_by_test_id("stButtonGroup").get_by_text("Kasus TPPO", exact=True).click()
        wait_for_map(page, "Kasus TPPO menurut provinsi")
        assert "indicator=trafficking_cases" in page.url
        received = b"".join(frames)
        assert b"Kasus TPPO menurut provinsi" in received
        assert b"Sasaran sosialisasi" not in received and b"Wilayah asal" not in received
        assert page.get_by_role("heading", name=re.compile("Sasaran sosialisasi")).count() == 1  # still shown
        assert page.locator(EXCEPTION).count() == 0
        assert blocked == []
