"""The Kasus & TPPO / Cases page through Streamlit's AppTest, on the hand-built extracts (tests/extracts.py).

Hand-worked answers for 2024 (K01–K07 in tests/extracts.py, figures in tests/test_page_queries.py):
7 cases, 3 trafficking (K02, K04, K07); modes of all cases procedural 3 (K01 linked, K03 K06 reported),
non-procedural 2 (K02 K07 linked), unknown 2 (K04 K05, nothing); trafficking: non-procedural 2,
unknown 1. Statuses: open 4 (2 of them trafficking: K04 K07), in progress 1 (K02), resolved 2
(K01 after 20 days, K06 after 10: median and mean 15). No case falls in 2023.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from pantau.i18n import t
from pantau.ui import case_frames
from pantau.ui.case_panels import fmt_days, share_delta

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/cases.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
NO_DATA = "Tidak ada data untuk filter ini."
# Charts when every section has something to draw, and "no data" notes when none has.
CHARTS = 7


def run_page(params: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def metrics(at: AppTest) -> dict[str, list[str]]:
    return {"labels": [m.label for m in at.metric], "values": [m.value for m in at.metric],
            "deltas": [m.delta for m in at.metric]}


def charts(at: AppTest) -> dict[str, dict]:
    """Plotly specs by chart title."""
    specs = [json.loads(c.proto.spec) for c in at.get("plotly_chart")]
    return {spec["layout"]["title"]["text"]: spec for spec in specs}


def values(array) -> list:
    """A plotly data array, whether plain or typed ({"dtype", "bdata"} base64)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def series(spec: dict, name: str, category_axis: str = "y", value_axis: str = "x") -> dict:
    trace = next(d for d in spec["data"] if d["name"] == name)
    return dict(zip(values(trace[category_axis]), values(trace[value_axis]), strict=True))


def nonzero(mapping: dict) -> dict:
    return {k: v for k, v in mapping.items() if v}


def test_kpis_national_2024_with_unknown_beside_each_share(published):
    got = metrics(run_page(YEAR_2024))
    assert got["labels"][:6] == ["Kasus", "Porsi nonprosedural", "Cara tidak diketahui",
                                 "Kasus TPPO", "Porsi nonprosedural", "Cara tidak diketahui"]
    # All cases 2/(3+2) = 40 %, unknown 2; trafficking 2/(0+2) = 100 %, unknown 1.
    assert got["values"][:6] == ["7", "40,0%", "2", "3", "100,0%", "1"]
    assert got["deltas"][:2] == ["t/a", "t/a"]  # no case in 2023: nothing to compare with
    # Handling: 2 of 7 resolved; median and mean 15 days.
    assert got["labels"][6:] == ["Sudah selesai", "Median lama penyelesaian", "Rata-rata lama penyelesaian"]
    assert got["values"][6:] == ["28,6%", "15 hari", "15 hari"]


def test_change_against_the_same_period_a_year_earlier(published):
    got = metrics(run_page({"start": "2025-01-01", "end": "2025-12-31"}))
    # 2025 has no case; 2024 had 7 (3 trafficking).
    assert got["values"][:6] == ["0", "t/a", "0", "0", "t/a", "0"]
    assert [got["deltas"][0], got["deltas"][3]] == ["-100,0%", "-100,0%"]
    assert [got["deltas"][1], got["deltas"][4]] == ["t/a", "t/a"]


def test_charts_hold_the_hand_worked_counts(published):
    at = run_page(YEAR_2024)
    specs = charts(at)
    assert len(specs) == CHARTS

    monthly = specs["Kasus per bulan menurut jenis kasus"]
    # The six types of 2024, in the contract's order, each zero-filled over the twelve months.
    assert [d["name"] for d in monthly["data"]] == [
        "Gaji tidak dibayar", "Gagal berangkat", "Penipuan lowongan kerja", "Kekerasan", "Hilang kontak",
        "TPPO (perdagangan orang)"]
    trafficking = series(monthly, "TPPO (perdagangan orang)", "x", "y")
    assert list(trafficking) == [f"2024-{m:02d}" for m in range(1, 13)]
    assert nonzero(trafficking) == {"2024-05": 2}  # K02, K07
    assert nonzero(series(monthly, "Gagal berangkat", "x", "y")) == {"2024-02": 1}  # K06
    assert nonzero(series(monthly, "Gaji tidak dibayar", "x", "y")) == {"2024-06": 1}  # K01
    assert monthly["layout"]["barmode"] == "stack" and monthly["layout"]["separators"] == ",."
    assert monthly["layout"]["xaxis"]["ticktext"][4] == "Mei 2024"

    exploitation = specs["Kasus TPPO menurut bentuk eksploitasi"]
    assert series(exploitation, "Nonprosedural") == {"Kerja paksa": 2, "Penipuan daring (online scam)": 0}
    assert series(exploitation, "Tidak diketahui") == {"Kerja paksa": 0, "Penipuan daring (online scam)": 1}
    assert series(exploitation, "Prosedural") == {"Kerja paksa": 0, "Penipuan daring (online scam)": 0}
    destination = specs["Kasus TPPO menurut negara tujuan (10 teratas)"]
    assert series(destination, "Nonprosedural") == {"Malaysia": 2, "Kamboja": 0}
    assert series(destination, "Tidak diketahui") == {"Malaysia": 0, "Kamboja": 1}
    province = specs["Kasus TPPO menurut provinsi asal (10 teratas)"]
    assert series(province, "Nonprosedural") == {"Jawa Tengah": 2, "Jawa Timur": 0}
    assert series(province, "Tidak diketahui") == {"Jawa Tengah": 0, "Jawa Timur": 1}

    modes = specs["Semua kasus menurut cara berangkat"]
    assert series(modes, "Terhubung ke keberangkatan") == {"Prosedural": 1, "Nonprosedural": 2, "Tidak diketahui": 0}
    assert series(modes, "Sesuai laporan") == {"Prosedural": 2, "Nonprosedural": 0, "Tidak diketahui": 0}
    assert series(modes, "Tanpa keterangan") == {"Prosedural": 0, "Nonprosedural": 0, "Tidak diketahui": 2}
    trafficking_modes = specs["Kasus TPPO menurut cara berangkat"]
    assert nonzero(series(trafficking_modes, "Terhubung ke keberangkatan")) == {"Nonprosedural": 2}
    assert nonzero(series(trafficking_modes, "Tanpa keterangan")) == {"Tidak diketahui": 1}
    assert nonzero(series(trafficking_modes, "Sesuai laporan")) == {}

    status = specs["Kasus menurut status"]
    assert series(status, "Kasus TPPO") == {"Belum ditangani": 2, "Dalam proses": 1, "Selesai": 0}
    assert series(status, "Kasus lain") == {"Belum ditangani": 2, "Dalam proses": 0, "Selesai": 2}


def test_tables_under_the_charts_and_profile_links(published):
    at = run_page(YEAR_2024)
    tables = [d.value for d in at.dataframe]
    assert len(tables) == CHARTS
    monthly = tables[0]
    assert list(monthly.columns)[:2] == ["Bulan", "Gaji tidak dibayar"]
    assert int(monthly["TPPO (perdagangan orang)"].sum()) == 3 - 1  # K04 is typed job fraud

    destination, province = tables[2], tables[3]
    assert list(destination.columns) == ["Negara tujuan", "Profil", "Kasus TPPO", "Porsi nonprosedural", "Prosedural",
                                         "Nonprosedural", "Tidak diketahui", "Kode"]  # Kode: CSV only
    assert list(destination["Negara tujuan"]) == ["Malaysia", "Kamboja"]
    assert list(destination["Porsi nonprosedural"]) == ["100,0%", "–"]  # KHM: only an unknown mode
    assert list(destination["Profil"]) == [
        "profile?kind=destination&code=MYS&start=2024-01-01&end=2024-12-31&lang=id",
        "profile?kind=destination&code=KHM&start=2024-01-01&end=2024-12-31&lang=id",
    ]
    assert list(province["Profil"]) == [
        "profile?kind=province&code=33&start=2024-01-01&end=2024-12-31&lang=id",
        "profile?kind=province&code=35&start=2024-01-01&end=2024-12-31&lang=id",
    ]
    assert [b.label for b in at.get("download_button")] == ["Unduh CSV", "Unduh XLSX", "Unduh PNG"] * CHARTS


def test_single_regency(published):
    at = run_page({**YEAR_2024, "regency": "3301"})
    # B and E of 3301: K02 and K07, both trafficking, non-procedural by linkage; K02 in progress, K07 open.
    assert metrics(at)["values"][:6] == ["2", "100,0%", "0", "2", "100,0%", "0"]
    assert metrics(at)["values"][6:] == ["0,0%", "–", "–"]  # nothing resolved: no time to show
    specs = charts(at)
    assert series(specs["Kasus TPPO menurut negara tujuan (10 teratas)"], "Nonprosedural") == {"Malaysia": 2}
    assert series(specs["Kasus menurut status"], "Kasus TPPO") == {"Belum ditangani": 1, "Dalam proses": 1}


def test_checkpoint_filters_do_not_narrow_cases(published):
    at = run_page({**YEAR_2024, "checkpoint": "AIR-SUB", "checkpoint_kind": "sea"})
    assert metrics(at)["values"][:6] == ["7", "40,0%", "2", "3", "100,0%", "1"]


def test_a_filter_matching_nothing_says_so(published):
    at = run_page({**YEAR_2024, "destination": "NZL"})
    assert metrics(at)["values"] == ["0", "t/a", "0", "0", "t/a", "0"]
    assert at.get("plotly_chart") == []
    assert [i.value for i in at.info] == [NO_DATA] * CHARTS


def test_garbage_url_params_warn_and_fall_back(published):
    at = run_page({"province": "99,abc", "start": "notadate", "destination": "XXX", "regency": "';DROP TABLE x;--",
                   "kind": "<script>", "checkpoint": "ZZZ"})
    shown = [w.value for w in at.warning]
    for value in ("99", "abc", "notadate", "XXX", "DROP TABLE", "ZZZ"):
        assert any(value in w for w in shown), value
    # Everything dropped: national figures over the default period (the 12 months ending with the data).
    assert metrics(at)["values"][:6] == ["7", "40,0%", "2", "3", "100,0%", "1"]
    assert len(charts(at)) == CHARTS


def test_english(published):
    at = run_page({**YEAR_2024, "lang": "en"})
    got = metrics(at)
    assert got["labels"][:3] == ["Cases", "Non-procedural share", "Mode unknown"]
    assert got["values"][6:] == ["28.6%", "15 days", "15 days"]
    specs = charts(at)
    assert set(specs) == {
        "Cases per month by case type", "Trafficking cases by form of exploitation",
        "Trafficking cases by destination (top 10)", "Trafficking cases by province of origin (top 10)",
        "All cases by departure mode", "Trafficking cases by departure mode", "Cases by status",
    }
    assert series(specs["Trafficking cases by form of exploitation"], "Non-procedural") == {
        "Forced labour": 2, "Online scam": 0}
    assert series(specs["Trafficking cases by destination (top 10)"], "Unknown")["Cambodia"] == 1
    assert specs["Cases per month by case type"]["layout"]["separators"] == ".,"
    assert any("How the departure mode is settled" in m.value for m in at.markdown)


def test_every_code_of_the_contract_has_a_label_in_both_languages():
    groups = {
        "case_type": case_frames.CASE_TYPES,
        "exploitation": ("forced_labour", "sexual_exploitation", "online_scam", "forced_criminality", "other",
                         "unknown"),
        "status": (*case_frames.STATUSES, "unknown"),
        "source": case_frames.SOURCES,
    }
    for prefix, codes in groups.items():
        for lang in ("id", "en"):
            labels = [t(f"cases.{prefix}.{code}", lang) for code in codes]
            assert len(set(labels)) == len(labels), (prefix, lang)
    # A code the labels do not know shows as itself rather than failing.
    assert case_frames.label("case_type", "new_type", "id") == "new_type"


@pytest.mark.parametrize(("value", "lang", "text"), [
    (15, "id", "15 hari"), (15.5, "id", "15,5 hari"), (1234.5, "en", "1,234.5 days"), (None, "id", "–"),
])
def test_days_format(value, lang, text):
    assert fmt_days(value, lang) == text


def test_share_change_in_points():
    assert share_delta(0.5, 0.4, "id") == ("+10,0 poin", True)
    assert share_delta(0.4, 0.5, "en") == ("-10.0 pts", True)
    assert share_delta(0.4, 0.4, "en") == ("0.0 pts", False)
    assert share_delta(None, 0.4, "id") == ("t/a", False)
