"""The regions page through AppTest, on the hand-built extracts (tests/extracts.py), 2024.

Expected figures per province and regency are the hand-worked ones of tests/test_region_queries.py:
province 32 [registrations 2, labour 3, procedural 2, non-procedural 1, prevented 0, cases 4,
trafficking 0], 33 [1, 3, 0, 3, 1, 2, 2], 35 [1, 2, 2, 0, 0, 1, 1]; every other province zero.
The only hotspot is 3301 (Cilacap): 3 non-procedural departures in 2024 against none in 2023.
"""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from pantau.ui.sidebar import K_PROVINCES

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/regions.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
PROVINCE_PICK = "_regions_province"


def open_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def values(array) -> list:
    """A plotly data array, whether plain or typed ({"dtype", "bdata"} base64)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def maps(at: AppTest) -> list[dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return [s for s in specs if any(d["type"] == "choroplethmap" for d in s["data"])]


def the_map(at: AppTest) -> dict:
    found = maps(at)
    assert len(found) == 1
    return found[0]


def shaded(spec: dict) -> dict[str, float]:
    """Area code -> value of the coloured trace (the last one; a grey 'no value' trace may sit below)."""
    trace = spec["data"][-1]
    return dict(zip(values(trace["locations"]), values(trace["z"]), strict=True))


def nonzero(spec: dict) -> dict[str, float]:
    return {code: z for code, z in shaded(spec).items() if z}


def table(at: AppTest, first_column: str):
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


@pytest.mark.parametrize(
    ("indicator", "expected"),
    [
        ("non_procedural_departures", {"32": 1, "33": 3}),
        ("prevented_departures", {"33": 1}),
        ("trafficking_cases", {"33": 2, "35": 1}),
        ("registrations", {"32": 2, "33": 1, "35": 1}),
    ],
)
def test_province_map_holds_the_hand_worked_counts(published, indicator, expected):
    at = open_page({**YEAR_2024, "indicator": indicator})
    spec = the_map(at)
    assert len(spec["data"]) == 1
    assert len(shaded(spec)) == 38  # every province drawn, zeros included
    assert nonzero(spec) == expected
    assert spec["layout"]["map"]["style"] == "white-bg"  # no tiles: nothing fetched
    assert at.query_params["indicator"] == indicator


def test_share_map_greys_out_provinces_without_labour_departures(published):
    at = open_page({**YEAR_2024, "indicator": "non_procedural_share"})
    spec = the_map(at)
    grey, coloured = spec["data"]
    assert len(values(grey["locations"])) == 35  # no labour departure there: no share, not 0 %
    share = shaded(spec)
    assert set(share) == {"32", "33", "35"}
    assert math.isclose(share["32"], 1 / 3) and share["33"] == 1.0 and share["35"] == 0.0
    assert "%" in coloured["hovertemplate"]


def test_default_indicator_title_ranking_and_links(published):
    at = open_page(YEAR_2024)
    spec = the_map(at)
    assert spec["layout"]["title"]["text"] == "Keberangkatan nonprosedural menurut provinsi"
    assert at.query_params["indicator"] == "non_procedural_departures"
    ranking = table(at, "Provinsi")
    assert len(ranking) == 38
    assert list(ranking["Kode"][:3]) == ["33", "32", "11"]  # sorted by non-procedural, then code
    row = ranking.iloc[1]
    assert [row[c] for c in ("Pendaftaran", "Keberangkatan pekerja", "Prosedural", "Nonprosedural",
                             "Penundaan keberangkatan", "Kasus", "Kasus TPPO")] == [2, 3, 2, 1, 0, 4, 0]
    assert row["Profil"] == "profile?kind=province&code=32&start=2024-01-01&end=2024-12-31&lang=id"


def test_hotspots_name_their_destinations_and_checkpoints(published):
    at = open_page(YEAR_2024)
    hotspots = table(at, "Kabupaten/kota")
    assert hotspots.to_dict("records") == [{
        "Kabupaten/kota": "Kabupaten Cilacap",
        "Profil": "profile?kind=regency&code=3301&start=2024-01-01&end=2024-12-31&lang=id",
        "Provinsi": "Jawa Tengah",
        "Nonprosedural": 3,
        "Nonprosedural tahun lalu": 0,
        "Kenaikan": 3,
        "Negara tujuan utama": "Malaysia; Uni Emirat Arab",
        "TPI utama": "Bandara Internasional Soekarno-Hatta (Tangerang); Pelabuhan Internasional Batam Centre; "
                     "Pelabuhan Internasional Tanjung Balai Karimun",
        "Kode": "3301",
    }]
    assert any("Imigrasi" in m.value and "KP2MI" in m.value for m in at.markdown)


def test_one_province_in_the_url_shows_its_regencies(published):
    at = open_page({**YEAR_2024, "province": "33"})
    spec = the_map(at)
    assert spec["layout"]["title"]["text"] == "Keberangkatan nonprosedural per kabupaten/kota, Jawa Tengah"
    assert len(shaded(spec)) == 35 and nonzero(spec) == {"3301": 3}
    assert at.selectbox(key=PROVINCE_PICK).value == "33"
    assert [b.label for b in at.main.button] == ["Kembali ke seluruh Indonesia"]
    assert table(at, "Kabupaten/kota")["Kode"].iloc[0] == "3301"


def test_choosing_a_province_sets_the_shared_filter_and_back_returns_to_indonesia(published):
    at = open_page(YEAR_2024)
    at.selectbox(key=PROVINCE_PICK).set_value("32").run()
    assert not at.exception
    assert at.session_state[K_PROVINCES] == ["32"]
    assert at.query_params["province"] == "32"
    assert nonzero(the_map(at)) == {"3201": 1}  # D03 (C, Bogor)
    at.main.button[0].click().run()
    assert not at.exception
    assert at.session_state[K_PROVINCES] == []
    assert "province" not in at.query_params
    assert len(shaded(the_map(at))) == 38


def test_several_provinces_keep_the_province_map(published):
    at = open_page({**YEAR_2024, "province": "32,33"})
    assert len(shaded(the_map(at))) == 38
    assert any("beberapa provinsi" in i.value for i in at.info)


def test_a_single_regency_filter(published):
    at = open_page({**YEAR_2024, "regency": "3301"})
    assert nonzero(the_map(at)) == {"33": 3}
    assert table(at, "Kabupaten/kota")["Kode"].tolist() == ["3301"]


def test_a_filter_matching_nothing_says_so(published):
    at = open_page({**YEAR_2024, "destination": "NZL"})
    assert maps(at) == []
    infos = [i.value for i in at.info]
    assert infos.count("Tidak ada data untuk filter ini.") == 2  # map and ranking
    assert any("Tidak ada kabupaten/kota" in i for i in infos)  # no hotspot


def test_garbage_url_parameters_warn_and_fall_back(published):
    at = open_page({**YEAR_2024, "indicator": "<script>x</script>", "province": "99", "regency": "abc"})
    shown = [w.value for w in at.warning]
    assert any("indicator" in w and "<script>x</script>" in w for w in shown)
    assert any("99" in w for w in shown) and any("abc" in w for w in shown)
    assert at.query_params["indicator"] == "non_procedural_departures"
    assert nonzero(the_map(at)) == {"32": 1, "33": 3}


def test_english(published):
    at = open_page({**YEAR_2024, "lang": "en", "indicator": "trafficking_cases"})
    assert the_map(at)["layout"]["title"]["text"] == "Trafficking cases by province"
    assert table(at, "Province")["Profile"].iloc[0].endswith("lang=en")
    assert "Where to send joint Imigrasi–KP2MI socialisation teams" in [s.value for s in at.subheader]
