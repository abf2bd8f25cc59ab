"""Downloads (pantau/exports.py): CSV and XLSX with their header block, and PNG, on the hand-built extracts.

The tables are the overview's frames over tests/extracts.py for 2024: labour departures per month
(procedural D01 Feb, D07 Apr, D10 Jun, D08 Dec; non-procedural D04 Feb, D02 + D03 Mar, D06 Apr;
prevented D05 Apr) and the top provinces of origin (Jawa Barat 2 procedural + 1 non-procedural,
Jawa Tengah 0 + 3, Jawa Timur 2 + 0).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pandas as pd
import pytest

from pantau import disclosure, exports, queries
from pantau.filters import Filters
from pantau.ui import charts, frames

YEAR_2024 = Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31))
MONTHLY_TITLE = "Keberangkatan pekerja per bulan: prosedural dan nonprosedural"
PROVINCES_TITLE = "Provinsi asal teratas (keberangkatan pekerja)"
# Hand-worked (tests/extracts.py), months without any departure left out.
PROCEDURAL = {"2024-02": 1, "2024-04": 1, "2024-06": 1, "2024-12": 1}
NON_PROCEDURAL = {"2024-02": 1, "2024-03": 2, "2024-04": 1}
PREVENTED = {"2024-04": 1}
PROVINCES = {"Jawa Barat": (3, 2, 1), "Jawa Tengah": (3, 0, 3), "Jawa Timur": (2, 2, 0)}


def header(published, title: str, columns, filters: Filters = YEAR_2024, demo: bool = False,
           lang: str = "id") -> exports.Header:
    return exports.Header(title=title, lang=lang, filters=filters, comparison=filters.previous_year(),
                          version_id=published.version, demo=demo, definitions=exports.definitions(columns))


def monthly(filters: Filters = YEAR_2024) -> pd.DataFrame:
    return frames.suppress(frames.monthly(queries.run("monthly_departures", filters)))


def provinces(filters: Filters = YEAR_2024) -> pd.DataFrame:
    return frames.suppress(frames.top_provinces(queries.run("top_origin_provinces", filters, limit=10)))


def trimmed(row) -> tuple:
    """A sheet row's values without the empty cells after the last filled one."""
    values = [c.value for c in row]
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


def csv_parts(data: bytes) -> tuple[list[str], pd.DataFrame]:
    text = data.decode("utf-8")
    comments = [line for line in text.splitlines() if line.startswith("#")]
    return comments, pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)


def test_csv_states_the_header_block_then_the_exact_table(published):
    frame = monthly()
    data = exports.csv_bytes(frames.localised(frame, "id"), header(published, MONTHLY_TITLE, frame.columns))
    comments, table = csv_parts(data)
    assert comments == [
        f"# Judul: {MONTHLY_TITLE}",
        "# Filter: tidak ada (seluruh Indonesia, semua tujuan)",
        "# Periode: 1 Jan 2024 – 31 Des 2024 (2024-01-01 s.d. 2024-12-31)",
        "# Periode pembanding: 1 Jan 2023 – 31 Des 2023 (2023-01-01 s.d. 2023-12-31)",
        f"# Versi data: {published.version}",
        "# Definisi: Prosedural: keberangkatan pekerja dengan pendaftaran terhubung (orang sama, 0–365 hari "
        "sebelumnya, tujuan sama).",
        "# Nonprosedural: keberangkatan pekerja tanpa pendaftaran terhubung.",
        "# Penundaan keberangkatan: pemeriksaan di TPI dengan hasil penundaan.",
        "# Kerahasiaan: tidak aktif: semua angka ditampilkan apa adanya (tidak untuk dipublikasikan)",
        "# Sumber: Pantau PMI: pendaftaran KP2MI, pemeriksaan keberangkatan Imigrasi, kasus (KP2MI, Polri, "
        "perwakilan RI)",
    ]
    assert list(table.columns) == ["Bulan", "Prosedural", "Nonprosedural", "Penundaan keberangkatan"]
    assert list(table["Bulan"]) == [f"2024-{m:02d}" for m in range(1, 13)]
    for column, answer in (("Prosedural", PROCEDURAL), ("Nonprosedural", NON_PROCEDURAL),
                           ("Penundaan keberangkatan", PREVENTED)):
        assert dict(zip(table["Bulan"], table[column], strict=True)) == {
            f"2024-{m:02d}": str(answer.get(f"2024-{m:02d}", 0)) for m in range(1, 13)}


def test_filters_in_words_and_codes_in_both_languages(published):
    chosen = Filters(start=dt.date(2024, 1, 1), end=dt.date(2024, 6, 30), provinces=("32", "33"),
                     destinations=("MYS",), genders=("F",))
    assert exports.filter_text(chosen, "id") == (
        "Provinsi asal: Jawa Barat (32), Jawa Tengah (33); Negara tujuan: Malaysia (MYS); "
        "Jenis kelamin: Perempuan (F)")
    assert exports.filter_text(chosen, "en") == (
        "Province of origin: Jawa Barat (32), Jawa Tengah (33); Destination country: Malaysia (MYS); "
        "Gender: Female (F)")
    lines = dict(exports.header_lines(header(published, "x", [], filters=chosen, lang="en")))
    assert lines["Period"] == "1 Jan 2024 – 30 Jun 2024 (2024-01-01 to 2024-06-30)"
    assert lines["Comparison period"] == "1 Jan 2023 – 30 Jun 2023 (2023-01-01 to 2023-06-30)"
    assert "Definitions" not in lines  # no indicator column, no definition


def test_xlsx_has_the_header_rows_above_a_bold_table(published):
    frame = provinces()
    table = frames.localised(frame, "id")
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(
        table, header(published, PROVINCES_TITLE, frame.columns, demo=True))))
    sheet = book.active
    rows = [trimmed(row) for row in sheet.iter_rows()]
    assert rows[0] == ("DATA DEMO — sintetis, bukan data resmi",)
    assert rows[1] == ("Judul", PROVINCES_TITLE)
    assert rows[4] == ("Periode pembanding", "1 Jan 2023 – 31 Des 2023 (2023-01-01 s.d. 2023-12-31)")
    assert rows[5] == ("Versi data", published.version)
    labels = [r[0] if r else None for r in rows]
    assert labels.index("Definisi") == 6
    assert rows[6][1].startswith("Keberangkatan pekerja: ")
    assert [r[1].split(":")[0] for r in rows[6:9]] == ["Keberangkatan pekerja", "Prosedural", "Nonprosedural"]
    assert rows[9][0] == "Kerahasiaan"
    start = rows.index(()) + 1  # an empty row, then the table
    assert rows[start] == ("Kode provinsi", "Provinsi", "Keberangkatan pekerja", "Prosedural", "Nonprosedural")
    assert all(cell.font.bold for cell in sheet[start + 1])
    body = {r[1]: r[2:] for r in rows[start + 1:]}
    assert body == PROVINCES
    assert [r[0] for r in rows[start + 1:]] == ["32", "33", "35"]  # codes stay text
    assert sheet.cell(1, 1).font.bold


@pytest.mark.suppressed
def test_suppressed_exports_hold_no_count_below_five(published):
    frame = provinces()
    # Every count of the fixture is 0 to 3: all but the zeros are hidden.
    assert frame["labour_departures"].tolist() == ["<5", "<5", "<5"]
    assert frame["procedural"].tolist() == ["<5", 0, "<5"]
    assert frame["non_procedural"].tolist() == ["<5", "<5", 0]
    table = frames.localised(frame, "id")
    head = header(published, PROVINCES_TITLE, frame.columns)
    comments, csv_table = csv_parts(exports.csv_bytes(table, head))
    assert "# Kerahasiaan: angka 1–4 ditampilkan <5; angka lain, porsi atau selisih yang dapat " \
           "mengungkapkannya juga ditampilkan <5" in comments
    assert csv_table["Prosedural"].tolist() == ["<5", "0", "<5"]
    sheet = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes(table, head))).active
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert not [v for v in cells if isinstance(v, int | float) and 1 <= v <= 4]
    assert cells.count("<5") == 7


@pytest.mark.suppressed
def test_a_row_with_one_small_part_hides_a_second_part_beside_its_total():
    # Jawa Barat-like row: 20 labour departures, 3 procedural, 17 non-procedural, and a share.
    frame = pd.DataFrame({"province": ["A", "B"], "labour_departures": [20, 40], "procedural": [3, 30],
                          "non_procedural": [17, 10], "non_procedural_share": [0.85, 0.25]})
    shown = frames.suppress(frame)
    assert shown.loc[0].tolist() == ["A", 20, "<5", "<5", "<5"]
    # Column totals are public too: A's procedural 3, alone in its column, takes B's 30 with it;
    # then B's row, with one hidden cell, hides its smallest other one, 10.
    assert shown.loc[1].tolist() == ["B", 40, "<5", "<5", "<5"]


def test_png_is_a_real_png_with_title_period_and_demo_line(published):
    frame = monthly()
    head = header(published, MONTHLY_TITLE, frame.columns, demo=True)
    picture = exports.image_figure(charts.monthly(frame, "id"), head)
    spec = json.loads(picture.to_json())
    assert spec["layout"]["title"]["text"] == MONTHLY_TITLE
    footer = spec["layout"]["annotations"][-1]["text"]
    assert "DATA DEMO — sintetis, bukan data resmi" in footer
    assert "Periode 1 Jan 2024 – 31 Des 2024" in footer and published.version in footer
    data = exports.png_bytes(charts.monthly(frame, "id"), head)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert width == exports.PNG_WIDTH * exports.PNG_SCALE
    assert height == int(picture.layout.height) * exports.PNG_SCALE


@pytest.mark.suppressed
def test_suppressed_chart_draws_hidden_counts_as_gaps_labelled_below_five(published):
    frame = monthly()
    fig = charts.monthly(frame, "id")
    spec = json.loads(fig.to_json())
    bars = [d for d in spec["data"] if d["type"] == "bar"]
    # Every month's count is 0, 1 or 2: the zeros stay, the rest are gaps.
    for trace in bars:
        assert {v for v in trace["y"]} <= {0, None}
    labels = next(d for d in spec["data"] if d.get("mode") == "text")
    # One label per month with something hidden: Feb, Mar, Apr, Jun, Dec.
    assert labels["x"] == ["2024-02", "2024-03", "2024-04", "2024-06", "2024-12"]
    assert all(text.endswith(" <5") for text in labels["text"])
    assert disclosure.is_on()
    footer = exports.image_figure(fig, header(published, MONTHLY_TITLE, frame.columns)).layout.annotations[-1].text
    assert "angka 1–4 ditampilkan <5" in footer


@pytest.mark.browser
@pytest.mark.suppressed
def test_a_real_server_makes_the_files_when_asked(published, data_dir, tmp_path):
    """Chromium clicks the overview's first chart's downloads: CSV and XLSX at once, PNG rendered on the click."""
    from pathlib import Path

    from browser import ARTIFACTS, CHART, dashboard, offline_page
    from conftest import TEST_SECRET

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # A viewer: small counts hidden (tests/roles.toml).
    env = {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET, "PANTAU_SUPPRESSION": "on",
           "PANTAU_DEV_USER": "viewer@test.example"}
    with dashboard(env) as url, offline_page() as (page, blocked):
        page.goto(f"{url}/?start=2024-01-01&end=2024-12-31")
        page.wait_for_selector(CHART, timeout=60_000)
        page.locator('[data-testid="stExpander"] summary').first.click()
        files = {}
        for label in ("Unduh CSV", "Unduh XLSX", "Unduh PNG"):
            with page.expect_download(timeout=60_000) as download:
                page.get_by_role("button", name=label).first.click()
            files[label] = Path(download.value.path()).read_bytes()
            (ARTIFACTS / f"export-{download.value.suggested_filename}").write_bytes(files[label])
        assert blocked == []
    comments, table = csv_parts(files["Unduh CSV"])
    assert comments[0] == f"# Judul: {MONTHLY_TITLE}"
    assert "# Kerahasiaan: angka 1–4 ditampilkan <5; angka lain, porsi atau selisih yang dapat " \
           "mengungkapkannya juga ditampilkan <5" in comments
    assert set(table["Prosedural"]) == {"0", "<5"}
    sheet = openpyxl.load_workbook(io.BytesIO(files["Unduh XLSX"])).active
    assert sheet.cell(1, 2).value == MONTHLY_TITLE
    assert files["Unduh PNG"][:8] == b"\x89PNG\r\n\x1a\n" and len(files["Unduh PNG"]) > 10_000
