"""The Metodologi and Kualitas data pages and the footer through AppTest, on tests/extracts.py (see test_data_health.py
for the hand-worked freshness, linkage and gaps).

With the default period (2024, the year of the last data day): 8 labour departures of which 4 linked;
all 7 cases in 2024, 3 linked. All data: 4 of 9 and 3 of 7.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import health_fixture
import pyarrow.parquet as pq
import pytest
from navigation import nav_pages
from streamlit.testing.v1 import AppTest

from pantau import dictionary, store
from pantau.data_health import Freshness
from pantau.ui import methodology_frames
from pantau.ui.footer import freshness_text

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = str(REPO / "dashboard.py")
PAGE = "app_pages/methodology.py"
QUALITY = "app_pages/data_quality.py"


def open_page(params: dict[str, str] | None = None, page: str = PAGE) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def cards(at: AppTest) -> list[tuple[str, str, str]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


def tables(at: AppTest) -> list[list[dict]]:
    return [d.value.to_dict("records") for d in at.dataframe]


def test_data_quality_page_in_indonesian(published):
    at = open_page(page=QUALITY)
    assert at.title[0].value == "Kualitas data"
    assert cards(at) == [
        ("Pendaftaran: data s.d.", "1 Mei 2024", "7 baris"),
        ("Keberangkatan: data s.d.", "20 Des 2024", "11 baris"),
        ("Kasus: data s.d.", "1 Agu 2024", "7 baris"),
        ("Keberangkatan tertaut · semua data", "44,4%", "4 dari 9"),
        ("Kasus tertaut · semua data", "42,9%", "3 dari 7"),
        ("Keberangkatan tertaut · filter saat ini", "50,0%", "4 dari 8"),
        ("Kasus tertaut · filter saat ini", "42,9%", "3 dari 7"),
    ]
    captions = [c.value for c in at.caption]
    assert "sejak 1 Des 2022 · diperbarui " in captions[2]
    assert any("manifes versi ini mencatat 44,4% dan 42,9%" in c for c in captions)
    found = tables(at)
    assert found[0] == [{"Diterbitkan": found[0][0]["Diterbitkan"], "Versi": published.version,
                         "Ekstrak": "Keberangkatan", "Alasan": "ID ganda (baris lain dengan ID yang sama dipakai)",
                         "Kode alasan": "duplicate_id", "Baris": 1}]
    assert [(r["Berkas"], r["Baris dibaca"], r["Baris diterbitkan"], r["Baris dikarantina"]) for r in found[1]] == [
        (3, 26, 25, 1)]
    assert found[1][0]["Versi"] == f"{published.version} (versi ini)"
    assert found[2] == [
        {"Ekstrak": "Pendaftaran", "Dari bulan": "Jan 2023", "Sampai bulan": "Mei 2023", "Jumlah bulan": 5},
        {"Ekstrak": "Pendaftaran", "Dari bulan": "Jul 2023", "Sampai bulan": "Des 2023", "Jumlah bulan": 6},
        {"Ekstrak": "Pendaftaran", "Dari bulan": "Apr 2024", "Sampai bulan": "Apr 2024", "Jumlah bulan": 1},
        {"Ekstrak": "Keberangkatan", "Dari bulan": "Apr 2023", "Sampai bulan": "Jan 2024", "Jumlah bulan": 10},
        {"Ekstrak": "Keberangkatan", "Dari bulan": "Jul 2024", "Sampai bulan": "Nov 2024", "Jumlah bulan": 5},
        {"Ekstrak": "Kasus", "Dari bulan": "Mar 2024", "Sampai bulan": "Apr 2024", "Jumlah bulan": 2},
    ]
    assert [s.value for s in at.success] == ["Tidak ada TPI ramai yang kosong dalam satu bulan pun."]
    assert at.warning.len == 0 and at.code.len == 0


def test_data_dictionary_lists_every_parquet_column(published):
    at = open_page()
    version = store.current_version()
    shown = [t.value.to_dict("records") for t in at.table]
    for table, rows in zip(store.TABLES, shown, strict=True):
        names = pq.read_schema(version.table_path(table)).names
        assert [r["Kolom"] for r in rows] == names
        assert [r["Keterangan"] for r in rows] == [dictionary.COLUMNS[table][n][0] for n in names]
        assert all(r["Jenis"] for r in rows)
    assert "nik" not in {r["Kolom"] for rows in shown for r in rows}


def test_definitions_link_to_their_sql(published):
    at = open_page()
    markdown = " ".join(m.value for m in at.markdown)
    assert "**Keberangkatan nonprosedural**: keberangkatan pekerja tanpa pendaftaran tertaut." in markdown
    links = [(p.label, p.proto.page.split("?")[0] if p.proto.page else "", p.proto.query_string)
             for p in at.get("page_link")]
    sql_links = {label: query for label, _, query in links if label.startswith("queries/")}
    assert sql_links["queries/publish/link_cases.sql"] == "sql=publish%2Flink_cases"
    assert sql_links["queries/health/linkage.sql"] == "sql=health%2Flinkage"
    assert set(sql_links) == {f"queries/{name}.sql" for name in (
        "views", "headline", "publish/link_departures", "publish/link_cases", "case_modes", "trafficking_breakdown",
        "health/linkage", "hotspots")}


def test_pages_in_english(published):
    at = open_page({"lang": "en"})
    assert at.title[0].value == "Methodology"
    markdown = " ".join(m.value for m in at.markdown)
    assert ("**Registrations**: registrations whose `registered_on` falls in the period, `cancelled` ones "
            "excluded.") in markdown
    at = open_page({"lang": "en"}, QUALITY)
    assert at.title[0].value == "Data quality"
    assert cards(at)[:4] == [
        ("Registrations: data up to", "1 May 2024", "7 rows"),
        ("Departures: data up to", "20 Dec 2024", "11 rows"),
        ("Cases: data up to", "1 Aug 2024", "7 rows"),
        ("Departures linked · all data", "44.4%", "4 of 9"),
    ]
    assert tables(at)[0][0]["Reason"] == "Duplicate id (another row with the same id was kept)"
    assert tables(at)[2][3] == {"Extract": "Departures", "From month": "Apr 2023", "To month": "Jan 2024",
                                "Months": 10}


def test_footer_gives_version_and_freshness_on_every_page(published):
    at = open_page()
    assert at.caption[-1].value == (
        f"Versi data `{published.version}` · diterbitkan "
        f"{methodology_frames.published(store.current_version().manifest['created_at'], 'id')} · "
        "data s.d.: pendaftaran 1 Mei 2024, keberangkatan 20 Des 2024, kasus 1 Agu 2024"
    )
    overview = AppTest.from_file(DASHBOARD, default_timeout=60)
    overview.query_params["lang"] = "en"
    overview.run()
    assert overview.caption[-1].value.startswith(f"Dataset version `{published.version}` · published ")
    assert overview.caption[-1].value.endswith(
        "data up to: registrations 1 May 2024, departures 20 Dec 2024, cases 1 Aug 2024")


@pytest.mark.parametrize("name", ["headline", "publish/link_departures", "health/freshness", "views.sql"])
def test_sql_link_shows_the_file_read_only(published, name):
    at = open_page({"sql": name})
    stem = name.removesuffix(".sql")
    assert at.code.len == 1
    # st.code drops the file's final newline.
    assert at.code[0].value == (REPO / "queries" / f"{stem}.sql").read_text(encoding="utf-8").rstrip("\n")
    assert at.code[0].language == "sql"
    assert at.subheader[0].value == f"SQL: queries/{stem}.sql"
    assert at.warning.len == 0


@pytest.mark.parametrize("value", [
    "../../etc/passwd", "/etc/passwd", "../pantau/store", "publish/../headline", "headline;DROP TABLE x",
    "<script>alert(1)</script>", "[x](http://example.com)", "ingest/../../README", "%00", "x" * 500, "HEADLINE",
])
def test_garbage_sql_parameters_give_a_notice_and_no_file(published, value):
    at = open_page({"sql": value})
    assert at.code.len == 0
    assert len(at.warning) == 1
    text = at.warning[0].value
    assert text.startswith("Parameter URL sql: `") and "bukan nama berkas SQL" in text
    assert len(text) < 300  # a long value is cut short
    assert at.table.len == 3  # the rest of the page (the data dictionary) still renders


def test_garbage_sql_parameter_in_english(published):
    at = open_page({"sql": "../../../etc/shadow", "lang": "en"})
    assert at.warning[0].value.startswith("URL parameter sql: `../../../etc/shadow` is not the name")


def test_quarantine_chart_over_two_runs(published, tmp_path):
    first = store.current_version()
    health_fixture.append(tmp_path / "more")
    second = store.current_version()
    at = open_page({"lang": "en"}, QUALITY)
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["layout"]["title"]["text"] == "Quarantined rows by reason"
    bars = {d["name"]: d for d in spec["data"]}
    assert set(bars) == {"Duplicate id (another row with the same id was kept)",
                         "examined_at out of range (before 2000 or after the ingest day)",
                         "checkpoint_code: unknown code"}
    for bar in bars.values():
        assert bar["x"] == [first.id, second.id]
    assert bars["Duplicate id (another row with the same id was kept)"]["y"] == [1, 0]
    assert bars["checkpoint_code: unknown code"]["y"] == [0, 1]
    runs = tables(at)[1]
    assert [(r["Version"], r["Files"], r["Rows read"], r["Rows quarantined"]) for r in runs] == [
        (f"{second.id} (this version)", 1, 35, 2), (first.id, 3, 26, 1)]
    assert cards(at)[1] == ("Departures: data up to", "20 Dec 2024", "44 rows")
    # July 2024 is now the only empty departures month of 2024.
    assert {"Extract": "Departures", "From month": "Jul 2024", "To month": "Jul 2024", "Months": 1} in tables(at)[2]


@pytest.mark.parametrize(("user", "has_quality_page"), [
    ("viewer@test.example", False), ("analyst@test.example", False),
    ("steward@test.example", True), ("admin@test.example", True),
])
def test_data_quality_page_is_for_stewards_and_admins(published, monkeypatch, user, has_quality_page):
    monkeypatch.setenv("PANTAU_DEV_USER", user)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.run()
    pages = nav_pages(at)
    assert ("data_quality.py" in pages) is has_quality_page
    assert "methodology.py" in pages
    if not has_quality_page:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(QUALITY)


def test_an_empty_sql_parameter_is_no_request(published):
    at = open_page({"sql": ""})
    assert at.code.len == 0 and at.warning.len == 0


def test_footer_freshness_of_an_extract_without_rows():
    fresh = {"registrations": Freshness("registrations", 2, dt.date(2026, 9, 1), dt.date(2026, 10, 31)),
             "departures": Freshness("departures", 0, None, None),
             "cases": Freshness("cases", 0, None, None)}
    assert freshness_text(fresh, "id") == "data s.d.: pendaftaran 31 Okt 2026, keberangkatan belum ada, kasus belum ada"
    assert freshness_text(fresh, "en") == "data up to: registrations 31 Oct 2026, departures none yet, cases none yet"


def test_a_province_steward_sees_the_province_and_no_whole_country_run_counts(published, monkeypatch):
    # Jawa Tengah (33) holds residents B D E of 3301 (tests/extracts.py): registrations R02 R04, departures
    # D02 D04 D05 D06, cases K02 K07. The manifests' run counts (26 rows read, 1 quarantined) are national.
    monkeypatch.setenv("PANTAU_DEV_USER", "steward.jateng@test.example")
    at = open_page({"lang": "en"}, QUALITY)
    assert [c[2] for c in cards(at)[:3]] == ["2 rows", "4 rows", "2 rows"]
    assert [i.value for i in at.info] == ["Figures per ingest run (rows read, published, quarantined) cover all of "
                                          "Indonesia, so they are shown only to data stewards with national scope."]
    assert not at.get("plotly_chart")
    assert all("Rows read" not in table[0] for table in tables(at) if table)
    assert not any("manifest" in c.value for c in at.caption)
    # A national steward gets the runs.
    monkeypatch.setenv("PANTAU_DEV_USER", "steward@test.example")
    at = open_page({"lang": "en"}, QUALITY)
    assert [(r["Rows read"], r["Rows quarantined"]) for r in tables(at)[1]] == [(26, 1)]
    assert at.info.len == 0
