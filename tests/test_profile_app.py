"""The profile page through AppTest, on the hand-built extracts (tests/extracts.py), 2024.

Expected figures: tests/extracts.py (REGENCY_3301_2024, PROVINCE_32_2024, DESTINATION_MYS_2024) and,
for checkpoints, tests/test_page_queries.py (AIR-CGK: 4 labour departures, 2 procedural, 2
non-procedural, 0 prevented). The year before holds only R01B and D12 (person A, 3201, HKG, AIR-CGK).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
from extracts import DESTINATION_MYS_2024, PROVINCE_32_2024, REGENCY_3301_2024
from streamlit.testing.v1 import AppTest

from pantau.filters import Filters
from pantau.i18n import fmt_int
from pantau.ui.links import profile_url

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/profile.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
COUNTS = ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
          "prevented_departures", "cases", "trafficking_cases")


def open_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def kpis(at: AppTest, n: int = len(COUNTS)) -> list[str]:
    return [m.value for m in at.metric[:n]]


def expected(answer: dict, names: tuple[str, ...] = COUNTS) -> list[str]:
    return [fmt_int(answer[name], "id") for name in names]


def values(array) -> list:
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def charts(at: AppTest) -> dict[str, dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def series(spec: dict, name: str, category: str = "x", value: str = "y") -> dict:
    trace = next(d for d in spec["data"] if d["name"] == name)
    return {k: v for k, v in zip(values(trace[category]), values(trace[value]), strict=True) if v}


def table(at: AppTest, first_column: str):
    return next(d.value for d in at.dataframe if d.value.columns[0] == first_column)


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


@pytest.mark.parametrize(
    ("kind", "code", "answer", "name"),
    [
        ("regency", "3301", REGENCY_3301_2024, "Kabupaten Cilacap"),
        ("province", "32", PROVINCE_32_2024, "Jawa Barat"),
        ("destination", "MYS", DESTINATION_MYS_2024, "Malaysia"),
    ],
)
def test_profile_kpis_are_the_hand_worked_figures(published, kind, code, answer, name):
    at = open_page({**YEAR_2024, "kind": kind, "code": code})
    assert at.title[0].value == name
    assert kpis(at) == expected(answer)
    assert warnings(at) == []
    # The area stays in the URL, beside the shared filters.
    assert (at.query_params["kind"], at.query_params["code"]) == (kind, code)


def test_regency_profile_charts_and_comparison(published):
    at = open_page({**YEAR_2024, "kind": "regency", "code": "3301"})
    specs = charts(at)
    monthly = specs["Keberangkatan pekerja per bulan: prosedural dan nonprosedural"]
    assert series(monthly, "Nonprosedural") == {"2024-02": 1, "2024-03": 1, "2024-04": 1}  # D04, D02, D06
    assert series(monthly, "Penundaan keberangkatan") == {"2024-04": 1}  # D05
    assert series(monthly, "Prosedural") == {}
    destinations = specs["Negara tujuan teratas"]
    assert series(destinations, "Nonprosedural", "y", "x") == {"Malaysia": 2, "Uni Emirat Arab": 1}
    # Nothing from Cilacap in 2023: every change is "n/a".
    comparison = table(at, "Indikator")
    assert comparison["Periode ini"].tolist() == [REGENCY_3301_2024[c] for c in COUNTS]
    assert comparison["Tahun sebelumnya"].tolist() == [0] * len(COUNTS)
    # Its checkpoints, each linked to its own profile.
    checkpoints = table(at, "TPI")
    assert checkpoints["Kode"].tolist() == ["SEA-TBK", "AIR-CGK", "SEA-BTC"]
    assert checkpoints["Nonprosedural"].tolist() == [1, 1, 1]
    assert checkpoints["Penundaan keberangkatan"].tolist() == [1, 0, 0]
    assert checkpoints["Profil"].iloc[1].startswith("profile?kind=checkpoint&code=AIR-CGK&")
    # Among the regencies of its province, linked too.
    peers = table(at, "Kabupaten/kota")
    assert len(peers) == 35 and peers["Kode"].iloc[0] == "3301" and peers["Nonprosedural"].iloc[0] == 3


def test_province_profile_compares_with_the_year_before_and_maps_its_regencies(published):
    at = open_page({**YEAR_2024, "kind": "province", "code": "32"})
    comparison = table(at, "Indikator")
    # 2023 in province 32: registration R01B and labour departure D12 (non-procedural).
    assert comparison["Tahun sebelumnya"].tolist() == [1, 1, 0, 1, 0, 0, 0]
    assert [m.delta for m in at.metric[:4]] == ["+100,0%", "+200,0%", "t/a", "0,0%"]
    regency_map = next(s for s in charts(at).values() if s["data"][-1]["type"] == "choroplethmap")
    trace = regency_map["data"][-1]
    z = dict(zip(values(trace["locations"]), values(trace["z"]), strict=True))
    assert len(z) == 27 and {k: v for k, v in z.items() if v} == {"3201": 1}


def test_checkpoint_profile_shows_departures_only_and_says_why(published):
    at = open_page({**YEAR_2024, "kind": "checkpoint", "code": "air-cgk"})  # codes are matched in any case
    assert at.title[0].value.startswith("Bandara Internasional Soekarno-Hatta")
    assert [m.label for m in at.metric] == ["Keberangkatan pekerja", "Prosedural", "Nonprosedural",
                                            "Penundaan keberangkatan"]
    assert kpis(at, 4) == ["4", "2", "2", "0"]
    assert at.metric[0].delta == "+300,0%"  # D12 went through AIR-CGK in 2023
    assert any("tidak tercatat per TPI" in i.value for i in at.info)
    specs = charts(at)
    assert series(specs["Provinsi asal teratas"], "Nonprosedural", "y", "x") == {"Jawa Barat": 1, "Jawa Tengah": 1}
    assert series(specs["Negara tujuan teratas"], "Prosedural", "y", "x") == {"Hong Kong": 1, "Jepang": 1}


def test_destination_profile_lists_origin_provinces(published):
    at = open_page({**YEAR_2024, "kind": "destination", "code": "MYS"})
    provinces = charts(at)["Provinsi asal teratas"]
    assert series(provinces, "Nonprosedural", "y", "x") == {"Jawa Tengah": 2}  # D02, D06


def test_a_ranking_link_opens_the_same_figures(published):
    link = profile_url("regency", "3301", Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), "en")
    assert urlsplit(link).path == "profile"
    at = open_page(dict(parse_qsl(urlsplit(link).query)))
    assert kpis(at) == [fmt_int(REGENCY_3301_2024[c], "en") for c in COUNTS]
    assert at.metric[0].label == "Registrations"


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({"kind": "village", "code": "1"}, "village"),
        ({"kind": "regency", "code": "9999"}, "9999"),
        ({"kind": "destination", "code": "<b>XX</b>"}, "<b>XX</b>"),
        ({"kind": "province"}, "code"),
    ],
)
def test_a_bad_profile_url_warns_and_offers_a_pick_list(published, params, shown):
    at = open_page({**YEAR_2024, **params})
    assert len(warnings(at)) == 1 and shown in warnings(at)[0]
    assert len(at.metric) == 0
    assert at.selectbox[0].label == "Nama"


def test_no_profile_chosen_prompts_and_the_pick_list_opens_one(published):
    at = open_page(YEAR_2024)
    assert warnings(at) == []
    assert any("Pilih provinsi" in i.value for i in at.info)
    at.segmented_control(key="_profile_pick_kind").set_value("regency").run()
    at.selectbox(key="_profile_pick_regency").set_value("3301").run()
    assert not at.exception
    assert (at.query_params["kind"], at.query_params["code"]) == ("regency", "3301")
    assert at.title[0].value == "Kabupaten Cilacap"
    assert kpis(at) == expected(REGENCY_3301_2024)


def test_a_filter_matching_nothing_says_so(published):
    at = open_page({**YEAR_2024, "kind": "province", "code": "33", "destination": "NZL"})
    assert kpis(at) == ["0"] * len(COUNTS)
    assert at.get("plotly_chart") == []
    assert "Tidak ada data untuk filter ini." in [i.value for i in at.info]
    assert any("destination=NZL" in c.value for c in at.caption)  # says which other filter narrows it


def test_garbage_filters_beside_a_valid_profile(published):
    at = open_page({"kind": "regency", "code": "33.01", "start": "nope", "province": "xx"})
    assert any("nope" in w for w in warnings(at)) and any("xx" in w for w in warnings(at))
    assert at.title[0].value == "Kabupaten Cilacap"  # 33.01 is written the Kemendagri way
