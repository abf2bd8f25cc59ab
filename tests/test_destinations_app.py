"""The destinations page through AppTest, on the hand-built extracts (tests/extracts.py), 2024.

Per country in 2024 (tests/test_page_queries.py, destination_indicators), as
[registrations, labour departures, non-procedural, cases, trafficking cases]: KOR [1, 2, 0, 0, 0],
MYS [0, 2, 2, 2, 2], HKG [1, 1, 0, 1, 0], ARE [0, 1, 1, 0, 0], JPN [0, 1, 0, 0, 0],
TWN [0, 1, 1, 1, 0], SAU [1, 0, 0, 1, 0], KHM [0, 0, 0, 1, 1], SGP [0, 0, 0, 1, 0].
2023 holds one non-procedural departure (D12, HKG) and no trafficking case.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pantau.ui import destination_frames
from pantau.ui.sidebar import K_CHECKPOINT_KINDS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/destinations.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
FOCUS = "_destinations_focus"
COMPARE = "Pendaftaran, keberangkatan dan kasus per negara tujuan"


def open_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def values(array) -> list:
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def charts(at: AppTest) -> dict[str, dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def series(spec: dict, name: str, category_axis: str = "y", value_axis: str = "x", nth: int = 0) -> dict:
    trace = [d for d in spec["data"] if d["name"] == name][nth]
    return dict(zip(values(trace[category_axis]), values(trace[value_axis]), strict=True))


def table(at: AppTest, first_column: str, containing: str, nth: int = 0):
    """The nth table (in page order) whose first column is `first_column` and that has a `containing` column."""
    return [d.value for d in at.dataframe
            if d.value.columns[0] == first_column and containing in d.value.columns][nth]


def test_registrations_departures_and_cases_per_country(published):
    at = open_page(YEAR_2024)
    assert at.title[0].value == "Negara tujuan"
    compare = charts(at)[COMPARE]
    # Countries with a registration or a labour departure, most labour departures first.
    assert series(compare, "Pendaftaran") == {"Korea Selatan": 1, "Malaysia": 0, "Hong Kong": 1,
                                              "Uni Emirat Arab": 0, "Jepang": 0, "Taiwan": 0, "Arab Saudi": 1}
    assert series(compare, "Keberangkatan pekerja") == {"Korea Selatan": 2, "Malaysia": 2, "Hong Kong": 1,
                                                        "Uni Emirat Arab": 1, "Jepang": 1, "Taiwan": 1,
                                                        "Arab Saudi": 0}
    assert series(compare, "Keberangkatan nonprosedural")["Malaysia"] == 2
    assert series(compare, "Kasus TPPO")["Malaysia"] == 2  # K02, K07
    assert series(compare, "Kasus")["Arab Saudi"] == 1  # K03

    assert len(table(at, "Negara tujuan", "Pendaftaran")) == 7  # the chart's data, under it
    countries = table(at, "Negara tujuan", "Pendaftaran", nth=1)
    assert len(countries) == 9  # Cambodia and Singapore too: cases only
    assert list(countries.columns)[:2] == ["Negara tujuan", "Profil"]
    row = countries.set_index("Kode negara").loc["MYS"]
    assert row["Profil"].startswith("profile?kind=destination&code=MYS&start=2024-01-01&end=2024-12-31")
    assert row["Porsi nonprosedural"] == "100,0%"
    assert countries.set_index("Kode negara").loc["SAU", "Porsi nonprosedural"] == "–"  # no labour departure


def test_trend_of_the_top_destinations(published):
    at = open_page(YEAR_2024)
    trend = charts(at)["Keberangkatan per bulan, 6 negara tujuan teratas"]
    legend = [d["name"] for d in trend["data"] if d.get("showlegend", True)]
    # KOR and MYS (2 each), then the four with 1 by code: ARE, HKG, JPN, TWN.
    assert legend == ["Korea Selatan", "Malaysia", "Uni Emirat Arab", "Hong Kong", "Jepang", "Taiwan"]
    malaysia_non_procedural = series(trend, "Malaysia", "x", "y", nth=0)
    assert {m: n for m, n in malaysia_non_procedural.items() if n} == {"2024-03": 1, "2024-04": 1}
    korea_labour = series(trend, "Korea Selatan", "x", "y", nth=1)
    assert {m: n for m, n in korea_labour.items() if n} == {"2024-04": 1, "2024-12": 1}  # D07, D08


def test_origins_of_one_destination(published):
    at = open_page({**YEAR_2024, "focus": "MYS"})
    assert at.selectbox(key=FOCUS).value == "MYS"
    specs = charts(at)
    # D02 (B) and D06 (E), both Cilacap, both non-procedural.
    assert series(specs["Provinsi asal, ke Malaysia"], "Nonprosedural") == {"Jawa Tengah": 2}
    assert series(specs["Kabupaten/kota asal teratas, ke Malaysia"], "Nonprosedural") == {"Kabupaten Cilacap": 2}
    at.selectbox(key=FOCUS).set_value("KOR").run()
    assert not at.exception
    assert at.query_params["focus"] == "KOR"
    assert series(charts(at)["Provinsi asal, ke Korea Selatan"], "Prosedural") == {"Jawa Timur": 2}  # D07, D08


def test_growth_lists(published):
    at = open_page(YEAR_2024)
    non_procedural = table(at, "Negara tujuan", "Kenaikan")
    # MYS 2, ARE 1, TWN 1 non-procedural in 2024, none in 2023 ("baru"); HKG fell from 1 to 0.
    assert non_procedural[["Kode negara", "Kenaikan", "Perubahan", "Periode ini", "Pembanding"]].values.tolist() == [
        ["MYS", 2, "baru", 2, 0], ["ARE", 1, "baru", 1, 0], ["TWN", 1, "baru", 1, 0]]
    trafficking = table(at, "Negara tujuan", "Kenaikan", nth=1)
    assert trafficking[["Kode negara", "Kenaikan", "Perubahan"]].values.tolist() == [
        ["MYS", 2, "baru"], ["KHM", 1, "baru"]]


def test_growth_order_and_percentages():
    raw = pd.DataFrame({
        "iso3": ["AAA", "BBB", "CCC", "DDD", "EEE"], "name_id": ["A", "B", "C", "D", "E"],
        "name_en": ["A", "B", "C", "D", "E"],
        "trafficking_cases": [12, 3, 3, 1, 5], "previous_trafficking_cases": [10, 1, 0, 4, 5],
    })
    grown = destination_frames.growth(raw, "trafficking_cases", "id", 10)
    # Largest rise first; at equal rise the larger relative one (+200% before +20%); no fall or standstill.
    assert grown[["iso3", "increase", "current", "previous"]].values.tolist() == [
        ["CCC", 3, 3, 0], ["BBB", 2, 3, 1], ["AAA", 2, 12, 10]]
    assert [destination_frames.change_text(v, "id") for v in grown["change"]] == ["baru", "+200,0%", "+20,0%"]
    assert destination_frames.change_text(grown["change"].iloc[1], "en") == "+200.0%"


def test_nothing_grew(published):
    # 2025 against 2024: nothing at all in 2025.
    at = open_page({"start": "2025-01-01", "end": "2025-12-31"})
    assert [i.value for i in at.info][-2:] == ["Tidak ada negara dengan kenaikan dibanding periode pembanding."] * 2


def test_checkpoint_filters_do_not_apply_here(published):
    at = open_page({**YEAR_2024, "checkpoint_kind": "sea"})
    assert any("Filter TPI tidak berlaku" in i.value for i in at.info)
    assert series(charts(at)[COMPARE], "Keberangkatan pekerja")["Korea Selatan"] == 2  # by air, still counted
    assert at.multiselect(key=K_CHECKPOINT_KINDS).value == ["sea"]


def test_single_regency(published):
    at = open_page({**YEAR_2024, "regency": "3301"})
    compare = charts(at)[COMPARE]
    # Cilacap: B (D02) and E (D06) to MYS, D (D04) to ARE, D's registration R04 for SAU.
    assert series(compare, "Keberangkatan pekerja") == {"Malaysia": 2, "Uni Emirat Arab": 1, "Arab Saudi": 0}
    assert series(compare, "Pendaftaran")["Arab Saudi"] == 1


def test_a_filter_matching_nothing_says_so(published):
    at = open_page({**YEAR_2024, "destination": "NZL"})
    assert at.get("plotly_chart") == []
    assert at.dataframe == [] or all(d.value.empty for d in at.dataframe)
    assert "Tidak ada data untuk filter ini." in [i.value for i in at.info]


@pytest.mark.parametrize("focus", ["XXX", "NZL", "<script>"])
def test_a_focus_that_cannot_be_chosen_warns_and_falls_back(published, focus):
    at = open_page({**YEAR_2024, "focus": focus})
    assert any("focus" in w.value for w in at.warning)
    assert at.selectbox(key=FOCUS).value == "KOR"  # the first destination
    assert at.query_params["focus"] == "KOR"


def test_garbage_url_parameters(published):
    at = open_page({"destination": "XXX,mys", "end": "2024-99-99", "regency": "abc", "focus": "'; DROP"})
    assert len(at.warning) >= 4
    assert not at.exception


def test_english(published):
    at = open_page({**YEAR_2024, "lang": "en"})
    assert at.title[0].value == "Destination countries"
    specs = charts(at)
    assert "Registrations, departures and cases by destination country" in specs
    assert series(specs["Registrations, departures and cases by destination country"], "Registrations")[
        "South Korea"] == 1
    growth = table(at, "Destination country", "Increase")
    assert growth["Change"].tolist() == ["new", "new", "new"]


def test_a_filter_that_drops_the_chosen_country_falls_back_quietly(published):
    at = open_page({**YEAR_2024, "focus": "MYS"})
    at.multiselect(key="_w_destinations").set_value(["KOR", "HKG"]).run()
    assert not at.exception
    assert at.warning == []
    assert at.selectbox(key=FOCUS).value == "KOR"
    assert at.query_params["focus"] == "KOR"
