"""Property: whatever rows arrive, in whatever file layout, each is published once or quarantined with a reason."""

from __future__ import annotations

import csv
import shutil

import duckdb
import extracts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pantau import store
from pantau.ingest import ingest

GOOD = extracts.departures()[0]  # person A: NIK 3201015203950001, Kabupaten Bogor, woman born 1995-03-12
NIK = GOOD[1]

# Per column: values that must be accepted, values that must be rejected. Accepted values include
# the messy forms real exports carry (names for codes, retired codes, Excel dates, NIK with spaces).
FIELD_VALUES = {
    1: ([NIK, f"{NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}", f"{NIK[:4]}.{NIK[4:8]}.{NIK[8:12]}.{NIK[12:]}"],
        ["3.20102E+15", NIK[:15], NIK + ".0", ""]),
    2: (["2024-02-15 08:10:00", "15/02/2024 08:10", "2024-02-15", "15 Februari 2024", "2024-02-15T01:10:00Z",
         "45337"],
        ["2024-02-30", "yesterday", "2099-01-01"]),
    3: (["AIR-CGK", "sea-btc", "CGK", "Bandara Soekarno-Hatta"], ["AIR-ZZZ", ""]),
    4: (["HKG", "mys", "", "Hong Kong", "HK", "Arab Saudi"], ["ZZZ", "Negeri Dongeng"]),
    5: (["3201", "32.01", "", "Kab. Bogor", "KOTA BOGOR", "9101"], ["9999", "32", "Bogor"]),
    6: (["F", "P", "Perempuan", "", "L", "Laki-laki"], ["Q"]),
    8: (["work", "Tourism", ""], ["party"]),
    9: (["true", "ya", "0", "", "Y", "tidak"], ["maybe"]),
    10: (["departed", "delayed", "Berangkat"], ["", "gone"]),
}
LAYOUTS = ("csv_comma_utf8", "csv_semicolon_cp1252", "xlsx_title_row")

row_strategy = st.fixed_dictionaries(
    {
        "id": st.integers(min_value=1, max_value=12),  # small range: duplicates are common
        "changes": st.dictionaries(
            st.sampled_from(sorted(FIELD_VALUES)),
            st.tuples(st.booleans(), st.integers(min_value=0, max_value=9)),
            max_size=3,
        ),
        "truncated": st.integers(min_value=0, max_value=5).map(lambda n: n == 0),  # about one row in six
    }
)


def build(row_spec: dict) -> tuple[list[str], bool]:
    row = list(GOOD)
    row[0] = f"P{row_spec['id']}"
    valid = True
    for index, (good, pick) in row_spec["changes"].items():
        accepted, rejected = FIELD_VALUES[index]
        choices = accepted if good else rejected
        row[index] = choices[pick % len(choices)]
        valid &= good
    if row_spec["truncated"]:  # an export cut short: too few fields (in XLSX, empty cells)
        row = row[:6]
        valid = False
    return row, valid


def write(path_stem, layout: str, rows: list[list[str]]):
    if layout == "xlsx_title_row":
        wb = Workbook()
        ws = wb.active
        ws.append(["Laporan pemeriksaan"])
        ws.append(extracts.DEPARTURE_HEADER)
        for row in rows:
            ws.append(row)
        path = path_stem.with_suffix(".xlsx")
        wb.save(path)
        return path
    delimiter, encoding = (";", "cp1252") if layout == "csv_semicolon_cp1252" else (",", "utf-8")
    path = path_stem.with_suffix(".csv")
    with path.open("w", newline="", encoding=encoding) as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(extracts.DEPARTURE_HEADER)
        w.writerows(rows)
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(row_strategy, min_size=1, max_size=30), st.sampled_from(LAYOUTS))
def test_nothing_lost_nothing_published_twice(data_dir, tmp_path, specs, layout):
    shutil.rmtree(data_dir, ignore_errors=True)
    rows, expected_ids, expected_invalid = [], set(), 0
    for spec in specs:
        row, valid = build(spec)
        rows.append(row)
        if valid:
            expected_ids.add(row[0])
        else:
            expected_invalid += 1
    path = write(tmp_path / "p", layout, rows)

    report = ingest([path])

    file = report.files[0]
    assert file.rows_read == len(rows) == file.rows_published + file.rows_quarantined
    assert file.rows_published == len(expected_ids)
    duplicates = len(rows) - expected_invalid - len(expected_ids)
    assert file.reasons.get("duplicate_id", 0) == duplicates
    assert sum(file.reasons.values()) - duplicates == expected_invalid
    ids = duckdb.sql(
        f"SELECT departure_id FROM read_parquet('{store.current_version().table_path('departures')}')"
    ).fetchall()
    assert sorted(i[0] for i in ids) == sorted(expected_ids)
    manifest = store.current_version().manifest["sources"][-1]
    assert manifest["rows_read"] == manifest["rows_published"] + manifest["rows_quarantined"] == len(rows)
