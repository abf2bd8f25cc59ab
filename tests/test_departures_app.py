"""The departures page and the sidebar's checkpoint filters through AppTest, on tests/extracts.py (2024).

Hand-worked figures (tests/extracts.py): 8 labour departures in 2024, 4 procedural (D01 Feb, D07 Apr,
D10 Jun, D08 Dec), 4 non-procedural (D04 Feb, D02 and D03 Mar, D06 Apr), 1 prevented (D05, SEA-TBK).
2023 holds one labour departure, D12 (Mar, non-procedural, AIR-CGK, HKG, person A in 3201).
"""

from __future__ import annotations

import base64
import json
import math
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from pantau.ui.sidebar import K_CHECKPOINT_KINDS, K_CHECKPOINTS

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/departures.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
MONTHS_2024 = [f"2024-{m:02d}" for m in range(1, 13)]


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


def charts(at: AppTest) -> dict[str, dict]:
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def series(spec: dict, name: str, category_axis: str = "x", value_axis: str = "y") -> dict:
    trace = next(d for d in spec["data"] if d["name"] == name)
    return dict(zip(values(trace[category_axis]), values(trace[value_axis]), strict=True))


def nonzero(mapping: dict) -> dict:
    return {k: v for k, v in mapping.items() if v and not (isinstance(v, float) and math.isnan(v))}


def cards(at: AppTest) -> list[tuple[str, str, str]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


def test_cards_compare_with_a_year_earlier(published):
    at = open_page(YEAR_2024)
    assert at.title[0].value == "Keberangkatan pekerja migran"
    assert cards(at) == [
        ("Keberangkatan pekerja", "8", "+700,0%"),  # 8 against D12
        ("Prosedural", "4", "t/a"),  # none in 2023
        ("Nonprosedural", "4", "+300,0%"),  # 4 against D12
        ("Porsi nonprosedural", "50,0%", "-50,0 poin"),  # 4/8 against 1/1
        ("Penundaan keberangkatan", "1", "t/a"),
    ]
    assert [w.value for w in at.warning] == []


def test_monthly_chart_with_the_same_months_a_year_earlier(published):
    at = open_page(YEAR_2024)
    monthly = charts(at)["Keberangkatan pekerja per bulan (garis putus-putus: setahun sebelumnya)"]
    procedural = series(monthly, "Prosedural")
    assert list(procedural) == MONTHS_2024  # zero-filled
    assert nonzero(procedural) == {"2024-02": 1, "2024-04": 1, "2024-06": 1, "2024-12": 1}
    assert nonzero(series(monthly, "Nonprosedural")) == {"2024-02": 1, "2024-03": 2, "2024-04": 1}
    # D12 (March 2023) sits on March 2024, dashed.
    previous = next(d for d in monthly["data"] if d["name"] == "Nonprosedural, setahun sebelumnya")
    assert previous["line"]["dash"] == "dash"
    assert nonzero(series(monthly, "Nonprosedural, setahun sebelumnya")) == {"2024-03": 1}
    assert nonzero(series(monthly, "Prosedural, setahun sebelumnya")) == {}
    assert monthly["layout"]["xaxis"]["ticktext"][-1] == "Des 2024"

    share = charts(at)["Porsi nonprosedural per bulan"]
    # Feb 1/2, Mar 2/2, Apr 1/2 (D06 against D07), Jun 0/1, Dec 0/1; no labour departure: no point.
    assert nonzero(series(share, "Periode ini")) == {"2024-02": 0.5, "2024-03": 1.0, "2024-04": 0.5}
    current = series(share, "Periode ini")
    assert current["2024-06"] == 0 and current["2024-12"] == 0 and current["2024-01"] is None
    assert nonzero(series(share, "Setahun sebelumnya")) == {"2024-03": 1.0}


def test_origin_destination_checkpoint_and_route_charts(published):
    at = open_page(YEAR_2024)
    specs = charts(at)
    provinces = specs["Provinsi asal teratas"]
    assert series(provinces, "Prosedural", "y", "x") == {"Jawa Barat": 2, "Jawa Tengah": 0, "Jawa Timur": 2}
    assert series(provinces, "Nonprosedural", "y", "x") == {"Jawa Barat": 1, "Jawa Tengah": 3, "Jawa Timur": 0}
    regencies = specs["Kabupaten/kota asal teratas"]
    assert series(regencies, "Nonprosedural", "y", "x") == {
        "Kabupaten Bogor": 1, "Kabupaten Cilacap": 3, "Kabupaten Jember": 0}
    destinations = specs["Negara tujuan teratas (keberangkatan pekerja)"]
    assert series(destinations, "Nonprosedural", "y", "x")["Malaysia"] == 2  # D02, D06

    kinds = specs["Menurut jenis TPI"]
    assert series(kinds, "Nonprosedural", "y", "x") == {"Udara (bandara)": 2, "Laut (pelabuhan)": 2, "Darat (PLBN)": 0}
    assert series(kinds, "Prosedural", "y", "x") == {"Udara (bandara)": 4, "Laut (pelabuhan)": 0, "Darat (PLBN)": 0}
    assert series(kinds, "Penundaan keberangkatan", "y", "x")["Laut (pelabuhan)"] == 1

    checkpoints = specs["TPI dengan keberangkatan nonprosedural terbanyak"]
    # departures_by_checkpoint (tests/test_page_queries.py), most non-procedural first.
    assert series(checkpoints, "Nonprosedural", "y", "x") == {
        "Soekarno-Hatta (Tangerang)": 2, "Tanjung Balai Karimun": 1, "Batam Centre": 1,
        "Juanda (Surabaya/Sidoarjo)": 0}
    assert series(checkpoints, "Prosedural", "y", "x")["Juanda (Surabaya/Sidoarjo)"] == 2
    assert nonzero(series(checkpoints, "Penundaan keberangkatan", "y", "x")) == {"Tanjung Balai Karimun": 1}

    routes = specs["Rute dengan keberangkatan nonprosedural terbanyak"]
    assert series(routes, "Nonprosedural", "y", "x") == {
        "Soekarno-Hatta (Tangerang) → Uni Emirat Arab": 1, "Soekarno-Hatta (Tangerang) → Taiwan": 1,
        "Batam Centre → Malaysia": 1, "Tanjung Balai Karimun → Malaysia": 1}


def test_tables_link_to_profiles_and_offer_csv(published):
    at = open_page(YEAR_2024)
    tables = [d.value for d in at.dataframe]
    checkpoint_table = next(t for t in tables if "Nama TPI" in t.columns and "Profil" in t.columns
                            and len(t) == 4 and "TPI" not in t.columns)
    assert list(checkpoint_table.columns)[:3] == ["Nama TPI", "Profil", "Jenis TPI"]
    links = dict(zip(checkpoint_table["Nama TPI"], checkpoint_table["Profil"], strict=True))
    assert links["Bandara Internasional Soekarno-Hatta (Tangerang)"].startswith(
        "profile?kind=checkpoint&code=AIR-CGK&start=2024-01-01&end=2024-12-31")
    routes = tables[-1]
    assert list(routes.columns)[:3] == ["Rute", "Profil TPI", "Profil negara"]
    assert "kind=destination&code=ARE" in routes["Profil negara"].iloc[0]
    assert {b.label for b in at.get("download_button")} == {"Unduh CSV", "Unduh XLSX", "Unduh PNG"}


def test_single_regency(published):
    at = open_page({**YEAR_2024, "regency": "3301"})
    # REGENCY_3301_2024: B's D02, D's D04, E's D06 non-procedural; E's D05 prevented.
    assert [m.value for m in at.metric] == ["3", "0", "3", "100,0%", "1"]
    assert series(charts(at)["Kabupaten/kota asal teratas"], "Nonprosedural", "y", "x") == {"Kabupaten Cilacap": 3}


def test_checkpoint_kind_from_the_url_narrows_every_figure(published):
    at = open_page({**YEAR_2024, "checkpoint_kind": "sea"})
    assert [m.value for m in at.metric] == ["2", "0", "2", "100,0%", "1"]  # D02, D06; D05 prevented
    assert [i.value for i in at.info] == ["Hanya keberangkatan melalui: Laut (pelabuhan)."]
    assert at.multiselect(key=K_CHECKPOINT_KINDS).value == ["sea"]
    assert at.query_params["checkpoint_kind"] == "sea"
    routes = charts(at)["Rute dengan keberangkatan nonprosedural terbanyak"]
    assert series(routes, "Nonprosedural", "y", "x") == {"Batam Centre → Malaysia": 1,
                                                          "Tanjung Balai Karimun → Malaysia": 1}


def test_checkpoint_widgets_rewrite_the_url(published):
    at = open_page(YEAR_2024)
    at.multiselect(key=K_CHECKPOINT_KINDS).set_value(["air"]).run()
    assert not at.exception
    assert at.query_params["checkpoint_kind"] == "air"
    assert [m.value for m in at.metric][:3] == ["6", "4", "2"]  # CGK 4, SUB 2
    at.multiselect(key=K_CHECKPOINTS).set_value(["AIR-SUB"]).run()
    assert at.query_params["checkpoint"] == "AIR-SUB"
    assert [m.value for m in at.metric][:3] == ["2", "2", "0"]  # D07, D08
    # Choosing sea instead drops the airport, which sea no longer offers.
    at.multiselect(key=K_CHECKPOINT_KINDS).set_value(["sea"]).run()
    assert not at.exception
    assert at.multiselect(key=K_CHECKPOINTS).value == []
    assert "checkpoint" not in at.query_params and at.query_params["checkpoint_kind"] == "sea"


def test_a_checkpoint_of_another_kind_is_dropped_with_a_warning(published):
    at = open_page({**YEAR_2024, "checkpoint_kind": "air", "checkpoint": "SEA-TBK,AIR-SUB"})
    assert any("SEA-TBK" in w.value for w in at.warning)
    assert at.query_params["checkpoint"] == "AIR-SUB"
    assert [m.value for m in at.metric][:3] == ["2", "2", "0"]


def test_a_filter_matching_nothing_says_so(published):
    at = open_page({**YEAR_2024, "destination": "NZL"})
    assert [m.value for m in at.metric] == ["0", "0", "0", "–", "0"]
    assert at.get("plotly_chart") == []
    assert {i.value for i in at.info} == {"Tidak ada data untuk filter ini."}


@pytest.mark.parametrize("params", [
    {"checkpoint": "XXX,<b>", "checkpoint_kind": "rocket", "start": "nope"},
    {"checkpoint": "a" * 3000, "checkpoint_kind": ",,,", "province": "99"},
])
def test_garbage_url_parameters_warn_and_fall_back(published, params):
    at = open_page(params)
    assert at.warning  # each dropped value is named
    assert "checkpoint" not in at.query_params and "checkpoint_kind" not in at.query_params
    assert [m.value for m in at.metric][0] == "8"  # national, default period (2024)


def test_english(published):
    at = open_page({**YEAR_2024, "lang": "en", "checkpoint_kind": "land"})
    assert at.title[0].value == "Labour departures"
    assert [m.label for m in at.metric] == ["Labour departures", "Procedural", "Non-procedural",
                                            "Non-procedural share", "Prevented departures"]
    assert at.multiselect(key=K_CHECKPOINT_KINDS).label == "Checkpoint type"
    assert at.get("plotly_chart") == []  # nothing left through a land border in the fixture
    assert {i.value for i in at.info} >= {"No data for these filters."}


def test_overview_ignores_the_checkpoint_filters(published):
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params.update({**YEAR_2024, "checkpoint_kind": "sea"})
    at.run()
    assert not at.exception
    assert at.metric[1].value == "8"  # all labour departures, not the two by sea
    assert at.query_params["checkpoint_kind"] == "sea"  # kept for the departures page
