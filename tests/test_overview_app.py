"""The dashboard's overview through Streamlit's AppTest, on the hand-built extracts (tests/extracts.py).

Expected figures are the hand-worked ones in tests/extracts.py; the previous-year deltas come
from the only 2023 records there: registration R01B (person A, 3201) and the non-procedural
departure D12 (A, 3201, HKG).
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from extracts import DESTINATION_MYS_2024, NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024
from streamlit.testing.v1 import AppTest

from pantau.i18n import fmt_int, fmt_pct

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
KPI_ORDER = (
    "registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
    "prevented_departures", "cases", "trafficking_cases",
)


def run_app(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def kpis(at: AppTest) -> list[str]:
    return [m.value for m in at.metric[:len(KPI_ORDER)]]


def deltas(at: AppTest) -> list[str]:
    return [m.delta for m in at.metric[:len(KPI_ORDER)]]


def expected_kpis(answer: dict) -> list[str]:
    return [fmt_int(answer[name], "id") for name in KPI_ORDER]


def charts(at: AppTest) -> dict[str, dict]:
    """Plotly specs by chart title."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def values(array) -> list:
    """A plotly data array, whether plain or typed ({"dtype", "bdata"} base64)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def series(spec: dict, name: str, category_axis: str = "x", value_axis: str = "y") -> dict:
    trace = next(d for d in spec["data"] if d["name"] == name)
    return dict(zip(values(trace[category_axis]), values(trace[value_axis]), strict=True))


def warnings(at: AppTest) -> list[str]:
    return [w.value for w in at.warning]


def test_national_2024_kpis_deltas_and_shares_in_indonesian(published):
    at = run_app(YEAR_2024)
    assert kpis(at) == expected_kpis(NATIONAL_2024)
    assert [m.label for m in at.metric[:2]] == ["Pendaftaran", "Keberangkatan pekerja"]
    # 2023: 1 registration (R01B), 1 labour departure (D12, non-procedural), nothing else.
    assert deltas(at) == ["+300,0%", "+700,0%", "t/a", "+300,0%", "t/a", "t/a", "t/a"]
    # Non-procedural share of trafficking cases 2/(0+2), unknown 1 beside it; all cases 2/(3+2), unknown 2.
    assert [m.value for m in at.metric[len(KPI_ORDER):]] == ["100,0%", "1", "40,0%", "2"]
    assert warnings(at) == []  # no URL notice, and no demo banner on real data
    assert not any("DATA DEMO" in m.value for m in at.markdown)
    footer = at.caption[-1].value
    assert "Versi data" in footer and published.version in footer


def test_monthly_top_and_case_mode_charts_hold_the_hand_worked_counts(published):
    at = run_app(YEAR_2024)
    specs = charts(at)
    monthly = specs["Keberangkatan pekerja per bulan: prosedural dan nonprosedural"]
    procedural = series(monthly, "Prosedural")
    assert list(procedural) == [f"2024-{m:02d}" for m in range(1, 13)]  # zero-filled months
    assert {m: n for m, n in procedural.items() if n} == {"2024-02": 1, "2024-04": 1, "2024-06": 1, "2024-12": 1}
    non_procedural = series(monthly, "Nonprosedural")  # D04 Feb; D02, D03 Mar; D06 Apr
    assert {m: n for m, n in non_procedural.items() if n} == {"2024-02": 1, "2024-03": 2, "2024-04": 1}
    prevented = series(monthly, "Penundaan keberangkatan")  # D05
    assert {m: n for m, n in prevented.items() if n} == {"2024-04": 1}
    assert monthly["layout"]["separators"] == ",."
    assert monthly["layout"]["xaxis"]["ticktext"][-1] == "Des 2024"

    provinces = specs["Provinsi asal teratas (keberangkatan pekerja)"]
    assert series(provinces, "Prosedural", "y", "x") == {"Jawa Barat": 2, "Jawa Tengah": 0, "Jawa Timur": 2}
    assert series(provinces, "Nonprosedural", "y", "x") == {"Jawa Barat": 1, "Jawa Tengah": 3, "Jawa Timur": 0}
    destinations = specs["Negara tujuan teratas (keberangkatan pekerja)"]
    assert series(destinations, "Prosedural", "y", "x")["Korea Selatan"] == 2  # D07, D08
    assert series(destinations, "Nonprosedural", "y", "x")["Malaysia"] == 2  # D02, D06
    modes = specs["Jumlah kasus menurut cara berangkat"]
    assert series(modes, "Tidak diketahui", "y", "x") == {"Kasus TPPO": 1, "Semua kasus": 2}

    # Under each chart: the table it draws and a CSV of it.
    table = at.dataframe[0].value
    assert list(table.columns) == ["Bulan", "Prosedural", "Nonprosedural", "Penundaan keberangkatan"]
    assert table["Prosedural"].sum() == 4 and table["Nonprosedural"].sum() == 4
    assert [b.label for b in at.get("download_button")] == ["Unduh CSV", "Unduh XLSX", "Unduh PNG"] * 4


@pytest.mark.parametrize(
    ("params", "answer"),
    [
        ({"province": "32"}, PROVINCE_32_2024),
        ({"regency": "3301"}, REGENCY_3301_2024),
        ({"destination": "MYS"}, DESTINATION_MYS_2024),
    ],
)
def test_filters_from_the_url_give_the_hand_worked_figures(published, params, answer):
    at = run_app({**YEAR_2024, **params})
    assert kpis(at) == expected_kpis(answer)
    assert {k: at.query_params[k] for k in params} == params  # codes stay in the URL


def test_province_deltas_against_2023(published):
    at = run_app({**YEAR_2024, "province": "32"})
    # 2023 in province 32: R01B and D12 (non-procedural), both person A in 3201.
    assert deltas(at)[:4] == ["+100,0%", "+200,0%", "t/a", "0,0%"]


def test_default_period_is_the_twelve_months_ending_with_the_data(published):
    at = run_app()  # data ends 2024-12-20
    assert (at.query_params["start"], at.query_params["end"]) == ("2024-01-01", "2024-12-31")
    assert kpis(at) == expected_kpis(NATIONAL_2024)


def test_english(published):
    at = run_app({**YEAR_2024, "lang": "en"})
    assert [m.label for m in at.metric[:2]] == ["Registrations", "Labour departures"]
    assert deltas(at)[0] == "+300.0%"
    monthly = charts(at)["Labour departures per month: procedural and non-procedural"]
    assert [d["name"] for d in monthly["data"]] == ["Procedural", "Non-procedural", "Prevented departures"]
    assert monthly["layout"]["xaxis"]["title"]["text"] == "Month"
    assert monthly["layout"]["xaxis"]["ticktext"][-1] == "Dec 2024"
    assert at.caption[-1].value.startswith("Dataset version")


def test_garbage_url_params_warn_and_fall_back(published):
    at = run_app({"province": "99,abc", "start": "notadate", "destination": "XXX",
                  "regency": "';DROP TABLE x;--"})
    shown = warnings(at)
    assert len(shown) == 5
    for value in ("99", "abc", "notadate", "XXX", "DROP TABLE"):
        assert any(value in w for w in shown), value
    assert kpis(at) == expected_kpis(NATIONAL_2024)  # everything dropped: national, default period
    assert set(at.query_params) == {"start", "end"}  # the URL is rewritten clean


def test_regency_outside_the_chosen_provinces_is_dropped_with_a_warning(published):
    at = run_app({**YEAR_2024, "province": "32", "regency": "3301"})
    assert any("3301" in w for w in warnings(at))
    assert kpis(at) == expected_kpis(PROVINCE_32_2024)
    assert "regency" not in at.query_params


def test_a_filter_matching_nothing_says_so(published):
    at = run_app({**YEAR_2024, "destination": "NZL"})
    assert kpis(at) == ["0"] * len(KPI_ORDER)
    assert [i.value for i in at.info] == ["Tidak ada data untuk filter ini."] * 4
    assert at.get("plotly_chart") == []


def test_sidebar_changes_rewrite_the_url_and_survive_a_language_switch(published):
    # A rerun must go through dashboard.py again (it did not while app pages sat in pages/).
    at = run_app(YEAR_2024)
    at.pills(key="_w_genders").set_value(["F"]).run()
    # Women (A, C, D, H) in 2024: registrations R01, R04; labour departures D01 (procedural), D03, D04.
    assert kpis(at)[:4] == ["2", "3", "1", "2"]
    assert at.query_params["gender"] == "F"
    at.segmented_control(key="_w_lang").set_value("en").run()
    assert not at.exception
    assert at.metric[0].label == "Registrations"
    assert kpis(at)[:4] == ["2", "3", "1", "2"]
    assert (at.query_params["gender"], at.query_params["lang"]) == ("F", "en")


def test_first_start_builds_the_demo_and_shows_the_banner(data_dir, extract_files, monkeypatch):
    from pantau.ingest import ingest

    built = []

    def fake_demo() -> None:  # the real generator is slow; any demo-flagged version will do
        built.append(ingest(extract_files, demo=True))

    monkeypatch.setattr("pantau.ui.dataset._build_demo", fake_demo)
    at = run_app(YEAR_2024)
    assert len(built) == 1
    assert "DATA DEMO — sintetis, bukan data resmi" in warnings(at)
    assert kpis(at) == expected_kpis(NATIONAL_2024)


def test_number_formats():
    assert fmt_int(1234567, "id") == "1.234.567" and fmt_int(1234567, "en") == "1,234,567"
    assert fmt_pct(0.125, "id") == "12,5%" and fmt_pct(0.125, "en") == "12.5%"
    assert fmt_pct(0.125, "id", signed=True) == "+12,5%" and fmt_pct(-0.0001, "id", signed=True) == "0,0%"
    assert fmt_pct(None, "id") == "t/a" and fmt_pct(None, "en") == "n/a"
