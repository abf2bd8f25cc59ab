"""Small-cell suppression on every page (AppTest), and every download, with suppression on and off.

The data are tests/extracts.py plus six non-procedural departures (2024-12-10, Jawa Timur regency
3509, AIR-SUB to KOR, people X1..X6 with no registration), so a few figures reach 5 and the
complementary cells show: 2024 now has 14 labour departures, 4 procedural, 10 non-procedural.
Procedural 4 is hidden; labour departures 14 stay in view, so non-procedural 10 must hide too.
Jawa Timur: 8 labour departures, 2 procedural (hidden), 6 non-procedural (hidden with it).

With suppression on, no chart spec (numbers and texts of x, y, z, text, customdata), table cell,
card or CSV/XLSX cell may hold a count from 1 to 4, no share or change computed from a hidden count
may show, and no row or column of a table with a total may keep exactly one hidden cell beside a
visible non-zero one.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from extracts import DEPARTURE_HEADER, departures, write_all, write_csv
from streamlit.testing.v1 import AppTest

from pantau.ui import frames

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
MARKER = "<5"
SMALL = {"1", "2", "3", "4"}
PAGES = [
    ("app_pages/overview.py", {}),
    ("app_pages/departures.py", {}),
    ("app_pages/cases.py", {}),
    ("app_pages/regions.py", {}),
    ("app_pages/regions.py", {"province": "35"}),
    ("app_pages/regions.py", {"indicator": "non_procedural_share"}),
    ("app_pages/regions.py", {"indicator": "trafficking_cases", "province": "33"}),
    ("app_pages/destinations.py", {"focus": "KOR"}),
    ("app_pages/profile.py", {"kind": "province", "code": "35"}),
    ("app_pages/profile.py", {"kind": "regency", "code": "3301"}),
    ("app_pages/profile.py", {"kind": "destination", "code": "MYS"}),
    ("app_pages/profile.py", {"kind": "checkpoint", "code": "AIR-SUB"}),
]
# Tables whose rows are not parts of a total (an indicator now and a year earlier).
NOT_ADDITIVE = ({"Indikator", "Periode ini"},)
PERCENT = re.compile(r"\d%|\d poin")


def extra_departures() -> list[list[str]]:
    """Six men from regency 3509, born 1-6 Jan 1990, leaving for work without a registration."""
    rows = []
    for i in range(1, 7):
        nik = f"350901{i:02d}0190{900 + i:04d}"
        rows.append([f"DX{i}", nik, "2024-12-10 09:00:00", "AIR-SUB", "KOR", "3509", "M", f"1990-01-{i:02d}", "work",
                     "false", "departed"])
    return rows


@pytest.fixture
def bigger(data_dir, tmp_path):
    from pantau.ingest import ingest

    files = write_all(tmp_path / "in")
    write_csv(files[1], DEPARTURE_HEADER, departures() + extra_departures())
    return ingest(files)


@pytest.fixture
def media(monkeypatch):
    """The media file managers AppTest creates (one per run): where the download buttons' files live."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    made: list[MediaFileManager] = []

    class Recording(MediaFileManager):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", Recording)
    return made


@dataclass
class Seen:
    """Everything a page put in front of the user, and its downloads (file name -> bytes)."""

    metrics: list[tuple[str, str, str]]
    tables: list
    specs: list[dict]
    files: dict[str, bytes] = field(default_factory=dict)


def open_page(page: str, params: dict[str, str], media, formats=("csv", "xlsx")) -> Seen:
    at = AppTest.from_file(DASHBOARD, default_timeout=90)
    for name, value in {**YEAR_2024, **params}.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    seen = Seen(metrics=[(m.label, m.value, m.delta) for m in at.metric], tables=[d.value for d in at.dataframe],
                specs=[json.loads(c.proto.spec) for c in at.get("plotly_chart")])
    manager = media[-1]
    for button in at.get("download_button"):
        key = button.proto.id.rsplit("-", 1)[-1]
        if key.split("_", 1)[0] not in formats:
            continue
        url = manager.execute_deferred(button.proto.deferred_file_id)
        seen.files[key] = manager._storage.get_file(url.rsplit("/", 1)[-1]).content
    return seen


def values(array) -> list:
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    if isinstance(array, list | tuple):
        return [v for item in array for v in (values(item) if isinstance(item, list | tuple | dict) else [item])]
    return [array]


def is_small_number(value: object) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return 1 <= value <= 4
    return str(value).strip() in SMALL


def chart_leaks(spec: dict) -> list:
    found = []
    for trace in spec["data"]:
        for key in ("x", "y", "z", "text", "customdata"):
            if key in trace:
                found += [(spec["layout"]["title"]["text"], trace.get("name"), key, v) for v in values(trace[key])
                          if is_small_number(v) or (isinstance(v, str) and PERCENT.search(v))]
    return found


def csv_table(data: bytes) -> list[list[str]]:
    lines = [line for line in data.decode("utf-8").splitlines() if not line.startswith("# ")]
    return list(csv.reader(lines))


def xlsx_table(data: bytes) -> list[list[object]]:
    rows = [[c.value for c in row] for row in openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows()]
    start = next(i for i, row in enumerate(rows) if all(v is None for v in row)) + 1
    return rows[start:]


def is_count(value: object) -> bool:
    return value == MARKER or (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isdigit())


# Sums a row holds, by the headers of their columns (pantau/ui/frames.py RELATIONS); a table of case
# types per month adds them all up.
RELATIONS = (
    ("Keberangkatan pekerja", "Prosedural", "Nonprosedural"),
    ("Prosedural", "Nonprosedural"),
    ("Prosedural, setahun sebelumnya", "Nonprosedural, setahun sebelumnya"),
    ("Kasus TPPO", "Prosedural", "Nonprosedural", "Tidak diketahui"),
    ("Kasus TPPO", "Kasus lain", "Semua kasus"),
    ("Terhubung ke keberangkatan", "Sesuai laporan", "Tanpa keterangan", "Jumlah"),
)
CASE_TYPES = "Gaji tidak dibayar"


def lone(line: list[object]) -> bool:
    """Exactly one hidden cell, and a visible non-zero one beside it: the hidden one follows from the total."""
    return line.count(MARKER) == 1 and any(v != MARKER and int(v) > 0 for v in line)


def lone_hidden_cells(table: list[list[object]]) -> list:
    """Sums (rows across a relation, columns of counts) left with one hidden cell, and procedural
    departures implied by labour minus non-procedural ones that would be small."""
    header, body = table[0], table[1:]
    if any(set(header) >= names for names in NOT_ADDITIVE) or not body:
        return []
    counts = [j for j, name in enumerate(header) if "kode" not in str(name).lower()
              and all(is_count(row[j]) for row in body)]
    groups = [[header.index(name) for name in relation] for relation in RELATIONS if set(relation) <= set(header)]
    if CASE_TYPES in header:
        groups.append([j for j in counts if header[j] != "Bulan"])
    found = [row for row in body for group in groups if lone([row[j] for j in group])]
    if len(body) > 1:
        found += [[row[j] for row in body] for j in counts if lone([row[j] for row in body])]
    if "Keberangkatan pekerja" in header and "Nonprosedural" in header and "Prosedural" not in header:
        labour, non_procedural = header.index("Keberangkatan pekerja"), header.index("Nonprosedural")
        found += [row for row in body if MARKER not in (row[labour], row[non_procedural])
                  and 1 <= int(row[labour]) - int(row[non_procedural]) <= 4]
    return found


def file_leaks(name: str, data: bytes) -> list:
    table = csv_table(data) if name.startswith("csv") else xlsx_table(data)
    cells = [v for row in table[1:] for v in row]
    found = [(name, v) for v in cells if is_small_number(v)]
    # Shares and changes: every one in these data comes from a hidden count.
    found += [(name, "derived", v) for v in cells if isinstance(v, float) or (isinstance(v, str) and "." in v
                                                                             and v.replace(".", "").isdigit())]
    found += [(name, "lone", line) for line in lone_hidden_cells(table)]
    return found


@pytest.mark.suppressed
@pytest.mark.parametrize(("page", "params"), PAGES, ids=[f"{p.split('/')[-1][:-3]}-{'-'.join(q.values())}"
                                                          for p, q in PAGES])
def test_no_small_count_anywhere_on_the_page_or_in_its_downloads(bigger, media, page, params):
    seen = open_page(page, params, media)
    # A viewer gets no download of a table below province level (pantau/access.py): on one province's
    # regions page and on a regency's profile every table is, so there is no file to check.
    below_province = "province" in params or params.get("kind") == "regency"
    assert seen.specs and bool(seen.files) != below_province, "every page here draws charts or tables with downloads"
    assert [leak for spec in seen.specs for leak in chart_leaks(spec)] == []
    for label, value, delta in seen.metrics:
        assert value not in SMALL and not PERCENT.search(value), (label, value)
        assert delta in ("", "t/a"), (label, delta)  # every change here involves a hidden count (or none)
    for table in seen.tables:
        cells = [v for row in table.itertuples(index=False) for v in row]
        assert [v for v in cells if is_small_number(v) or (isinstance(v, str) and PERCENT.search(v))] == []
    assert [leak for name, data in seen.files.items() for leak in file_leaks(name, data)] == []
    if seen.files:
        first = next(iter(seen.files))
        header = seen.files[first].decode("utf-8") if first.startswith("csv") else ""
        assert "# Kerahasiaan: angka 1–4 ditampilkan <5" in header


@pytest.mark.suppressed
def test_overview_hides_the_complementary_cells_and_draws_what_it_exports(bigger, media):
    seen = open_page("app_pages/overview.py", {}, media, formats=("csv", "xlsx", "png"))
    cards = {label: value for label, value, _ in seen.metrics[:7]}
    # 14 labour departures in view; procedural 4 hidden, so non-procedural 10 hides with it.
    assert cards == {"Pendaftaran": "<5", "Keberangkatan pekerja": "14", "Prosedural": "<5", "Nonprosedural": "<5",
                     "Penundaan keberangkatan": "<5", "Kasus": "7", "Kasus TPPO": "<5"}
    provinces = csv_table(seen.files["csv_top_provinces"])
    assert provinces == [
        ["Kode provinsi", "Provinsi", "Keberangkatan pekerja", "Prosedural", "Nonprosedural"],
        ["35", "Jawa Timur", "8", "<5", "<5"],  # 2 + 6: the 6 hides with the 2
        ["32", "Jawa Barat", "<5", "<5", "<5"],
        ["33", "Jawa Tengah", "<5", "0", "<5"],
    ]
    # The chart draws the same cells: hidden ones as gaps, labelled at the end of their bar.
    spec = next(s for s in seen.specs if s["layout"]["title"]["text"].startswith("Provinsi asal"))
    bars = {t["name"]: dict(zip(values(t["y"]), values(t["x"]), strict=True)) for t in spec["data"]
            if t["type"] == "bar"}
    assert bars == {"Prosedural": {"Jawa Timur": None, "Jawa Barat": None, "Jawa Tengah": 0},
                    "Nonprosedural": {"Jawa Timur": None, "Jawa Barat": None, "Jawa Tengah": None}}
    labels = next(t for t in spec["data"] if t.get("mode") == "text")
    assert labels["y"] == ["Jawa Timur", "Jawa Barat", "Jawa Tengah"] and set(labels["x"]) == {0}
    # The data view under the chart holds the same cells.
    view = next(t for t in seen.tables if list(t.columns)[:2] == ["Kode provinsi", "Provinsi"])
    assert [list(map(str, row)) for row in view.itertuples(index=False)] == provinces[1:]
    png = seen.files["png_monthly"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_with_suppression_off_the_exact_figures_appear(bigger, media):
    seen = open_page("app_pages/overview.py", {}, media)
    assert [value for _, value, _ in seen.metrics[:7]] == ["4", "14", "4", "10", "1", "7", "3"]
    provinces = csv_table(seen.files["csv_top_provinces"])
    assert provinces[1:] == [["35", "Jawa Timur", "8", "2", "6"], ["32", "Jawa Barat", "3", "2", "1"],
                             ["33", "Jawa Tengah", "3", "0", "3"]]
    head = [line for line in seen.files["csv_top_provinces"].decode("utf-8").splitlines() if line.startswith("#")]
    assert "# Kerahasiaan: tidak aktif: semua angka ditampilkan apa adanya (tidak untuk dipublikasikan)" in head
    monthly = xlsx_table(seen.files["xlsx_monthly"])
    assert monthly[0] == ["Bulan", "Prosedural", "Nonprosedural", "Penundaan keberangkatan"]
    assert monthly[-1] == ["2024-12", 1, 6, 0]  # D08, and the six of 10 December
    assert monthly[3] == ["2024-03", 0, 2, 0]  # D02, D03


@pytest.mark.suppressed
def test_labour_and_non_procedural_alone_still_protect_the_procedural_difference():
    # Korea 8 labour departures, 6 non-procedural: procedural 2 is not in the table, but 8 - 6 gives it.
    frame = pd.DataFrame({"country": ["Korea Selatan"], "labour_departures": [8], "non_procedural_departures": [6],
                          "iso3": ["KOR"]})
    assert frames.suppress(frame).iloc[0].tolist() == ["Korea Selatan", 8, "<5", "KOR"]


@pytest.mark.suppressed
def test_the_same_rows_in_another_order_hide_the_same_cells():
    # Column total published: A's 2 needs one more hidden cell; B and C tie at 6, B (code order) is taken,
    # whether the table is sorted A-B-C (a ranking by code) or C-B-A (a top list by something else).
    frame = pd.DataFrame({"code": ["A", "B", "C"], "cases": [2, 6, 6]})
    assert frames.suppress(frame)["cases"].tolist() == ["<5", "<5", 6]
    backwards = frame.iloc[::-1].reset_index(drop=True)
    assert frames.suppress(backwards)["cases"].tolist() == [6, "<5", "<5"]
