"""The Bahan rapat / Briefing page through AppTest, on the hand-built extracts (tests/extracts.py).

The page's first table is the headline slide: this period and a year earlier. 2024 against 2023
(registration R01B, departure D12 non-procedural): see tests/test_briefing.py for the hand-working.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from extracts import NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024
from streamlit.testing.v1 import AppTest

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/briefing.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
KPIS = ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
        "prevented_departures", "cases", "trafficking_cases")
K_LEVEL, K_PROVINCE, K_REGENCY, K_LANG = "_briefing_level", "_briefing_province", "_briefing_regency", "_briefing_lang"


@pytest.fixture(autouse=True)
def exact(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")


def open_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=120)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def current_column(at: AppTest) -> list[str]:
    """'This period' of the headline slide's table (the first table of the preview)."""
    return list(at.dataframe[0].value.iloc[:, 1])


def texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def expected(answer: dict) -> list[str]:
    return [str(answer[k]) for k in KPIS]


def test_default_is_the_sidebar_period_nationally(published):
    # No URL: the sidebar's 12 months ending with the latest record (D08, December 2024).
    at = open_page()
    assert at.title[0].value == "Bahan rapat koordinasi"
    assert "Wilayah: Indonesia (nasional)" in texts(at)
    assert "Periode: 1 Jan 2024 – 31 Des 2024" in texts(at)
    assert current_column(at) == expected(NATIONAL_2024)
    assert list(at.dataframe[0].value.iloc[:, 2]) == ["1", "1", "0", "1", "0", "0", "0"]  # 2023
    assert [b.label for b in at.download_button] == ["Unduh PowerPoint (.pptx)", "Unduh PDF"]
    # Slide previews: 6 chart pictures (trend, origins, destinations, checkpoints, 2 trafficking), the map.
    assert len(at.image) == 6
    assert len(at.get("plotly_chart")) == 1
    assert [c.value for c in at.caption if c.value.startswith("Slide ")] == [f"Slide {n}" for n in range(1, 10)]
    assert at.warning.len == 0 and at.error.len == 0


def test_a_regency_from_the_sidebar_and_a_province_chosen_on_the_page(published):
    at = open_page({**YEAR_2024, "province": "33", "regency": "3301"})
    assert at.segmented_control(key=K_LEVEL).value == "regency"
    assert "Wilayah: Kabupaten Cilacap, Jawa Tengah" in texts(at)
    assert current_column(at) == expected(REGENCY_3301_2024)

    at.segmented_control(key=K_LEVEL).set_value("province").run()
    at.selectbox(key=K_PROVINCE).set_value("32").run()
    assert not at.exception
    assert "Wilayah: Jawa Barat" in texts(at)
    assert current_column(at) == expected(PROVINCE_32_2024)

    # Regency level with no regency chosen yet: a note, no half-built briefing.
    at.segmented_control(key=K_LEVEL).set_value("regency").run()
    assert [i.value for i in at.info] == ["Pilih kabupaten/kota untuk menyusun bahan rapat."]
    assert at.dataframe.len == 0 and at.download_button.len == 0


def test_english_page_and_an_english_briefing_from_an_indonesian_page(published):
    at = open_page({**YEAR_2024, "lang": "en"})
    assert at.title[0].value == "Coordination meeting briefing"
    assert "Region: Indonesia (national)" in texts(at)
    assert list(at.dataframe[0].value.columns) == ["Indicator", "This period", "A year earlier", "Change"]
    assert current_column(at) == expected(NATIONAL_2024)

    at = open_page(YEAR_2024)
    at.segmented_control(key=K_LANG).set_value("en").run()
    assert at.title[0].value == "Bahan rapat koordinasi"  # the page stays Indonesian
    assert "Region: Indonesia (national)" in texts(at)  # the briefing is in English
    assert at.dataframe[0].value.iloc[0, 0] == "Registrations"


def test_garbage_url_params_fall_back_with_warnings(published):
    at = open_page({"province": "99,abc", "start": "notadate", "regency": "';DROP TABLE x;--", "lang": "xx"})
    shown = [w.value for w in at.warning]
    for value in ("99", "abc", "notadate", "DROP TABLE"):
        assert any(value in w for w in shown), value
    assert "Wilayah: Indonesia (nasional)" in texts(at)
    assert current_column(at) == expected(NATIONAL_2024)


def test_suppressed_page_shows_no_small_count(published, monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "on")
    monkeypatch.setenv("PANTAU_DEV_USER", "viewer@test.example")  # viewers never see small counts
    at = open_page(YEAR_2024)
    # 8 labour departures and 7 cases stay; every other 2024 headline count of the fixture is 1..4.
    assert current_column(at) == ["<5", "8", "<5", "<5", "<5", "7", "<5"]
    for frame in at.dataframe:
        for cell in frame.value.to_numpy().ravel():
            assert cell not in ("1", "2", "3", "4"), cell
