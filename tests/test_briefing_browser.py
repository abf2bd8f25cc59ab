"""The Bahan rapat page in a real headless Chromium, network blocked but for localhost: the PPTX is
downloaded through the page and opened with python-pptx."""

from __future__ import annotations

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET
from extracts import NATIONAL_2024
from pptx import Presentation

pytestmark = pytest.mark.browser

EXCEPTION = '[data-testid="stException"]'
TALL = 3000


@pytest.fixture
def env(published, data_dir, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET, "PANTAU_SUPPRESSION": "off"}


def test_download_the_deck_through_the_page(env, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with dashboard(env) as url, offline_page(height=TALL) as (page, blocked):
        page.goto(f"{url}/briefing?start=2024-01-01&end=2024-12-31")
        page.get_by_role("heading", name="Bahan rapat koordinasi").wait_for(timeout=60_000)
        page.wait_for_selector(CHART, timeout=60_000)  # the map preview
        page.wait_for_function("() => document.querySelectorAll('[data-testid=\"stImage\"] img').length >= 6",
                               timeout=60_000)
        assert page.get_by_text("Wilayah: Indonesia (nasional)").count() == 1
        assert page.locator(EXCEPTION).count() == 0
        page.wait_for_timeout(1000)
        page.screenshot(path=ARTIFACTS / "briefing-fixture.png", full_page=True)

        with page.expect_download(timeout=120_000) as download:
            page.get_by_role("button", name="Unduh PowerPoint (.pptx)").click()
        saved = tmp_path / download.value.suggested_filename
        download.value.save_as(saved)
        assert saved.name == "pantau-pmi_bahan-rapat_nasional_2024-01-01_2024-12-31_id.pptx"
        assert page.locator(EXCEPTION).count() == 0
        assert blocked == []

    deck = Presentation(str(saved))
    assert len(deck.slides) == 9
    kpis = next(shape.table for shape in deck.slides[1].shapes if shape.has_table)
    assert [kpis.cell(r, 1).text for r in range(1, 8)] == [str(NATIONAL_2024[k]) for k in (
        "registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
        "prevented_departures", "cases", "trafficking_cases")]
    trend = next(shape.chart for shape in deck.slides[2].shapes if shape.has_chart)
    assert [tuple(s.values) for s in trend.plots[0].series] == [
        (0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1), (0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0)]
    # The map is the one picture; the server rendered it offline.
    assert any(shape.shape_type == 13 for shape in deck.slides[3].shapes)  # MSO_SHAPE_TYPE.PICTURE
