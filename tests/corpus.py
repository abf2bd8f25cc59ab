"""The malformed-file corpus: every kind of messy extract the ministries send, with its expected outcome.

Each case writes its file(s) into a folder (no binary files live in git) and says, per file,
how many rows ingest must read, publish and quarantine, with which reasons and warnings; or
which file-level error must stop the run. Some cases also name published values to check
(`values`: (table, record id, column) -> value) and the exact quarantined rows (`quarantined`:
(row number, reason) in file order). tests/test_ingest_corpus.py runs them all.

Rows are built from the hand-built people of tests/extracts.py (NIK consistent with regency,
birth date and gender), so a case shows NIK warnings only where it means to.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import extracts
import pyarrow as pa
import pyarrow.parquet as pq
from extracts import DEPARTURE_HEADER, PEOPLE, REGISTRATION_HEADER, nik
from openpyxl import Workbook

TODAY = dt.date(2026, 11, 28)  # the ingest day every case runs with
DEP_ALIASES = ["no_pemeriksaan", "nik", "waktu_pemeriksaan", "kode_tpi", "negara_tujuan", "kode_kabupaten",
               "jenis_kelamin", "tanggal_lahir", "tujuan", "terduga_pmi", "hasil"]
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Text that only survives if the file's encoding is read right.
OCCUPATION = "Pengasuh – Nunukan"  # en dash: 0x96 in Windows-1252
AGENCY = "P3MI Désirée"  # é: 0xE9 in Windows-1252 and Latin-1


@dataclass(frozen=True)
class Expected:
    """What ingest must report for one file."""

    read: int
    published: int
    quarantined: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    warnings: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PersonKey:
    """A value to check: the person_key of this person's NIK under the test secret."""

    person: str


@dataclass(frozen=True)
class Case:
    name: str
    covers: str  # the bullet it covers
    write: Callable[[Path], list[Path]]
    files: tuple[Expected, ...] = ()
    error: str | None = None  # a file-level reason code: the run stops, exit 2
    kind: str | None = None
    before: Callable[[Path], list[Path]] | None = None  # files published by an earlier run
    changes: dict[str, int] | None = None  # departures new/updated/unchanged against that run
    values: dict[tuple[str, str, str], object] = field(default_factory=dict)
    quarantined: tuple[tuple[int, str], ...] | None = None


# --- Row builders ---------------------------------------------------------------------------


def dep(did: str, person: str = "A", **values: str) -> list[str]:
    """A valid departure of `person` (2024-02-15 08:10 at Soekarno-Hatta to Hong Kong), then `values`."""
    regency, gender, birth = PEOPLE[person]
    row = {
        "departure_id": did, "nik": nik(person), "examined_at": "2024-02-15 08:10:00", "checkpoint_code": "AIR-CGK",
        "destination_country": "HKG", "residence_regency_code": regency, "gender": gender, "birth_date": birth,
        "declared_purpose": "work", "suspected_worker": "false", "outcome": "departed",
    }
    row.update(values)
    return [row[h] for h in DEPARTURE_HEADER]


def reg(rid: str, person: str = "A", **values: str) -> list[str]:
    """A valid registration of `person` (2024-01-10, Hong Kong, informal caregiver), then `values`."""
    regency, gender, birth = PEOPLE[person]
    row = {
        "registration_id": rid, "nik": nik(person), "registered_on": "2024-01-10", "gender": gender,
        "birth_date": birth, "origin_regency_code": regency, "education": "SMP", "occupation": "Caregiver",
        "sector": "informal", "scheme": "P2P", "destination_country": "HKG", "agency_id": "P3MI-1",
        "status": "registered",
    }
    row.update(values)
    return [row[h] for h in REGISTRATION_HEADER]


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",",
              encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_text(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def serial(day: str) -> int:
    """The Excel serial number of an ISO date."""
    return (dt.date.fromisoformat(day) - EXCEL_EPOCH).days


def papua_nik(regency: str, serial_no: int) -> str:
    """A NIK issued in `regency` to a man born 1990-07-01."""
    return f"{regency}01010790{serial_no:04d}"


def departures_workbook(sheets: dict[str, list[list[object]]]) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    return wb


# --- Cases: CSV layouts and encodings ---------------------------------------------------------


def comma_csv(folder: Path) -> list[Path]:
    return [write_csv(folder / "departures.csv", DEPARTURE_HEADER, [dep("D1", "A"), dep("D2", "B"), dep("D3", "C")])]


def semicolon_csv(folder: Path) -> list[Path]:
    rows = [dep("D1", "A"), dep("D2", "B"), dep("D3", "C")]
    return [write_csv(folder / "pemeriksaan.csv", DEP_ALIASES, rows, delimiter=";")]


def _text_registrations() -> list[list[str]]:
    return [reg("R1", "A", occupation=OCCUPATION, agency_id=AGENCY), reg("R2", "C", agency_id=AGENCY)]


def utf8_bom(folder: Path) -> list[Path]:
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, _text_registrations(), encoding="utf-8-sig")]


def utf8_no_bom(folder: Path) -> list[Path]:
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, _text_registrations(), encoding="utf-8")]


def cp1252(folder: Path) -> list[Path]:
    path = write_csv(folder / "reg.csv", REGISTRATION_HEADER, _text_registrations(), encoding="cp1252")
    assert b"\x96" in path.read_bytes() and b"\xe9" in path.read_bytes()
    return [path]


def cp1252_undefined_byte(folder: Path) -> list[Path]:
    """0x81 means nothing in Windows-1252: it is read as U+FFFD, the row is kept."""
    path = write_csv(folder / "reg.csv", REGISTRATION_HEADER, _text_registrations(), encoding="cp1252")
    path.write_bytes(path.read_bytes().replace(b"Caregiver", b"Caregiver\x81"))
    return [path]


def latin1(folder: Path) -> list[Path]:
    rows = [reg("R1", "A", occupation="Pengasuh lansia", agency_id=AGENCY), reg("R2", "C", agency_id=AGENCY)]
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, rows, encoding="latin-1")]


def utf16_tab(folder: Path) -> list[Path]:
    """Excel's "Unicode text" export: UTF-16 with a byte-order mark, tab-separated."""
    path = folder / "reg.txt"
    with path.open("w", encoding="utf-16", newline="") as f:
        csv.writer(f, delimiter="\t").writerows([REGISTRATION_HEADER, *_text_registrations()])
    assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    return [path]


def quoted_separators_and_newlines(folder: Path) -> list[Path]:
    rows = [
        reg("R1", "A", occupation="Pengasuh, lansia"),  # row 2
        reg("R2", "C", occupation="Baris satu\nbaris dua; tiga"),  # row 3, two lines of text
        reg("R3", "G", status="hilang"),  # row 4
    ]
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, rows)]


def blank_lines(folder: Path) -> list[Path]:
    """Blank lines are not records, but they are spreadsheet rows: numbering counts them."""
    lines = [",".join(DEPARTURE_HEADER), ",".join(dep("D1", "A")), "", ",".join(dep("D2", "B")),
             ",".join(dep("D3", "C", checkpoint_code="AIR-XXX")), "", ""]
    return [write_text(folder / "dep.csv", "\n".join(lines) + "\n")]


# --- Cases: XLSX --------------------------------------------------------------------------------


def xlsx_title_rows(folder: Path) -> list[Path]:
    wb = departures_workbook({"Data": [
        ["Laporan Pemeriksaan Keberangkatan WNI, Februari 2024"],
        [],
        DEPARTURE_HEADER,
        dep("D1", "A"),  # row 4
        dep("D2", "B", checkpoint_code="AIR-XXX"),  # row 5
        dep("D3", "C"),  # row 6
    ]})
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_several_sheets(folder: Path) -> list[Path]:
    """Notes, a summary, and two monthly data sheets (their columns in different orders)."""
    february = [DEP_ALIASES[::-1], dep("D3", "C")[::-1], dep("D4", "D")[::-1]]
    wb = departures_workbook({
        "Petunjuk": [["Isi data mulai baris 2"], ["Kolom nik berisi 16 digit"]],
        "Ringkasan": [["provinsi", "jumlah"], ["Jawa Barat", 2], ["Jawa Tengah", 2]],
        "Januari": [DEPARTURE_HEADER, dep("D1", "A"), dep("D2", "B")],
        "Februari": february,
    })
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_merged_cells(folder: Path) -> list[Path]:
    """A merged title, and checkpoint and destination merged down three rows as exporters group them."""
    rows = [["Keberangkatan per TPI"], DEPARTURE_HEADER, dep("D1", "A"), dep("D2", "C"), dep("D3", "G"),
            dep("D4", "H", checkpoint_code="SEA-BTC", destination_country="MYS")]
    wb = departures_workbook({"Data": rows})
    ws = wb["Data"]
    for row in (4, 5):  # only the top-left cell of a merged range keeps its value
        ws.cell(row, 4).value = None
        ws.cell(row, 5).value = None
    ws.merge_cells("A1:K1")
    ws.merge_cells("D3:D5")
    ws.merge_cells("E3:E5")
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_trailing_empty_rows(folder: Path) -> list[Path]:
    wb = departures_workbook({"Data": [DEPARTURE_HEADER, dep("D1", "A"), dep("D2", "B")]})
    ws = wb["Data"]
    for row in range(4, 40):  # formatted but empty, an empty string, spaces
        ws.cell(row, 1).number_format = "@"
    ws.cell(20, 2).value = ""
    ws.cell(30, 3).value = "   "
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_excel_types(folder: Path) -> list[Path]:
    """Real Excel cells: date-time, date, a serial number without date format, booleans."""
    header = DEPARTURE_HEADER
    rows: list[list[object]] = [header]
    for did, person, suspected in (("D1", "A", True), ("D2", "B", False)):
        row: list[object] = dep(did, person)
        row[2] = dt.datetime(2024, 2, 15, 8, 10)
        row[7] = dt.date.fromisoformat(PEOPLE[person][2]) if person == "A" else serial(PEOPLE[person][2])
        row[9] = suspected
        rows.append(row)
    wb = departures_workbook({"Data": rows})
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_nik_as_number(folder: Path) -> list[Path]:
    """A NIK typed into Excel as a number keeps 15 significant digits: the last one is gone."""
    lost = int(nik("C")[:15] + "0")
    rows: list[list[object]] = [DEPARTURE_HEADER, dep("D1", "A"), dep("D2", "C"), dep("D3", "G")]
    rows[2][1] = lost
    rows[3][1] = float(nik("G"))
    wb = departures_workbook({"Data": rows})
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def xlsx_header_only(folder: Path) -> list[Path]:
    wb = departures_workbook({"Data": [["Laporan kosong"], DEPARTURE_HEADER]})
    wb.save(folder / "dep.xlsx")
    return [folder / "dep.xlsx"]


def truncated_xlsx(folder: Path) -> list[Path]:
    xlsx_title_rows(folder)
    data = (folder / "dep.xlsx").read_bytes()
    (folder / "dep.xlsx").write_bytes(data[: len(data) // 2])
    return [folder / "dep.xlsx"]


# --- Cases: Parquet ------------------------------------------------------------------------------


def parquet_typed(folder: Path) -> list[Path]:
    """Typed columns: UTC timestamps, dates, booleans, integer NIK and regency code."""
    people = ["A", "B", "C"]
    table = pa.table({
        "departure_id": ["D1", "D2", "D3"],
        "nik": pa.array([int(nik(p)) for p in people], pa.int64()),
        "examined_at": pa.array([dt.datetime(2024, 2, 15, 1, 10)] * 3, pa.timestamp("us", tz="UTC")),
        "checkpoint_code": ["AIR-CGK"] * 3,
        "destination_country": ["HKG"] * 3,
        "residence_regency_code": pa.array([int(PEOPLE[p][0]) for p in people], pa.int64()),
        "gender": [PEOPLE[p][1] for p in people],
        "birth_date": pa.array([dt.date.fromisoformat(PEOPLE[p][2]) for p in people], pa.date32()),
        "declared_purpose": ["work"] * 3,
        "suspected_worker": [True, False, None],
        "outcome": ["departed"] * 3,
    })
    pq.write_table(table, folder / "dep.parquet")
    return [folder / "dep.parquet"]


def parquet_float_nik(folder: Path) -> list[Path]:
    """A NIK in a float column: above 2^53 the last digits are already rounded."""
    rows = [dep("D1", "A"), dep("D2", "B")]
    columns = {h: [r[i] for r in rows] for i, h in enumerate(DEPARTURE_HEADER)}
    columns["nik"] = [float(v) for v in columns["nik"]]
    pq.write_table(pa.table(columns), folder / "dep.parquet")
    return [folder / "dep.parquet"]


def truncated_parquet(folder: Path) -> list[Path]:
    parquet_typed(folder)
    data = (folder / "dep.parquet").read_bytes()
    (folder / "dep.parquet").write_bytes(data[: len(data) // 2])
    return [folder / "dep.parquet"]


# --- Cases: dates and times ----------------------------------------------------------------------


def dates_iso(folder: Path) -> list[Path]:
    rows = [dep("D1", "A"), dep("D2", "B", examined_at="2024-02-15T08:10:00")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def dates_day_month_year(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", examined_at="15/02/2024 08:10", birth_date="12/03/1995"),
            dep("D2", "B", examined_at="15-02-2024 08:10:00", birth_date="01-07-1990")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def dates_indonesian_months(folder: Path) -> list[Path]:
    rows = [reg("R1", "A", registered_on="10 Januari 2024"), reg("R2", "C", registered_on="3 Mei 2024"),
            reg("R3", "G", registered_on="17 Agustus 2023"), reg("R4", "H", registered_on="5 Okt 2023"),
            reg("R5", "B", registered_on="30 Nopember 2023")]
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, rows)]


def dates_excel_serial(folder: Path) -> list[Path]:
    rows = [reg("R1", "A", registered_on=str(serial("2024-01-10")), birth_date=str(serial("1995-03-12"))),
            reg("R2", "C", registered_on=f"{serial('2024-01-11')}.0")]
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, rows)]


def timestamps_with_and_without_zone(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", examined_at="2024-02-15T01:10:00Z"),
            dep("D2", "B", examined_at="2024-02-15 10:10:00+09:00"),
            dep("D3", "C", examined_at="2024-02-15 08:10")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def event_dates_out_of_range(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", examined_at="2099-01-01 10:00:00"), dep("D2", "B", examined_at="1999-12-31 23:00:00"),
            dep("D3", "C", examined_at="2000-01-01 00:00:00"), dep("D4", "D", examined_at="2026-11-28 10:00"),
            dep("D5", "E", examined_at="2026-11-29 00:00")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


# --- Cases: NIK ----------------------------------------------------------------------------------


def nik_spaces_dots_dashes(folder: Path) -> list[Path]:
    n = nik("A")
    rows = [dep("D1", "A", nik=f"{n[:4]} {n[4:8]} {n[8:12]} {n[12:]}"),
            dep("D2", "A", nik=f"{n[:4]}.{n[4:8]}.{n[8:12]}.{n[12:]}"),
            dep("D3", "A", nik=f"{n[:6]}-{n[6:12]}-{n[12:]}")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def nik_excel_number_text(folder: Path) -> list[Path]:
    """What a NIK column looks like after Excel saved it as numbers, then as CSV."""
    rows = [dep("D1", "A", nik="3.20102E+15"), dep("D2", "B", nik="3,30101E+15"),
            dep("D3", "C", nik=nik("C") + ".0")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def nik_lost_digits(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", nik=nik("A")[:15]), dep("D2", "B", nik=nik("B") + "7"),
            dep("D3", "C", nik=nik("C")[:4] + "O" + nik("C")[5:])]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def nik_region_and_birth_mismatch(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", residence_regency_code="3301"), dep("D2", "B", birth_date="1990-07-02"),
            dep("D3", "C", gender="M")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


# --- Cases: value synonyms, codes and names --------------------------------------------------------


GENDER_SPELLINGS = {"B": "L", "E": "M", "F": "Laki-laki", "G": "laki laki",
                    "A": "P", "C": "F", "D": "Perempuan", "H": "PEREMPUAN"}
BOOL_SPELLINGS = {"B": "true", "E": "false", "F": "ya", "G": "tidak", "A": "1", "C": "0", "D": "Y", "H": "N"}


def gender_and_boolean_synonyms(folder: Path) -> list[Path]:
    rows = [dep(f"D{p}", p, gender=GENDER_SPELLINGS[p], suspected_worker=BOOL_SPELLINGS[p]) for p in PEOPLE]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def region_codes_with_dots(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", residence_regency_code="32.01"), dep("D2", "C", residence_regency_code=" 32 01 "),
            dep("D3", "G", residence_regency_code="3201"), dep("D4", "H", residence_regency_code="3201.0")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def regency_names(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", residence_regency_code="Kabupaten Bogor"),
            dep("D2", "C", residence_regency_code="Kab. Bogor"),
            dep("D3", "G", residence_regency_code="KAB BOGOR"),
            dep("D4", "H", residence_regency_code="Kota Bogor")]  # H's NIK says Kabupaten Bogor
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def ambiguous_and_unknown_names(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", residence_regency_code="Bogor"), dep("D2", "C", residence_regency_code="jayapura"),
            dep("D3", "G", residence_regency_code="Kabupaten Antah Berantah"),
            dep("D4", "H", destination_country="Negeri Dongeng")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


COUNTRY_SPELLINGS = {"A": "Hong Kong", "B": "Hongkong", "C": "HK", "D": "Arab Saudi", "E": "Saudi Arabia",
                     "F": "Korea Selatan", "G": "South Korea", "H": "malaysia"}
COUNTRY_CODES = {"A": "HKG", "B": "HKG", "C": "HKG", "D": "SAU", "E": "SAU", "F": "KOR", "G": "KOR", "H": "MYS"}


def country_names(folder: Path) -> list[Path]:
    rows = [dep(f"D{p}", p, destination_country=COUNTRY_SPELLINGS[p]) for p in PEOPLE]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


CHECKPOINT_SPELLINGS = {"A": "CGK", "B": "Bandara Internasional Soekarno-Hatta (Tangerang)",
                        "C": "Bandara Soekarno-Hatta", "D": "Pelabuhan Internasional Batam Centre", "E": "sea-btc"}


def checkpoint_names(folder: Path) -> list[Path]:
    rows = [dep(f"D{p}", p, checkpoint_code=spelling) for p, spelling in CHECKPOINT_SPELLINGS.items()]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def retired_regency_codes(folder: Path) -> list[Path]:
    """Codes from before the 2022 Papua split; the first NIK was issued under the old code too."""
    rows = [dep("D1", nik=papua_nik("9101", 1), residence_regency_code="9101", gender="M", birth_date="1990-07-01"),
            dep("D2", nik=papua_nik("9401", 2), residence_regency_code="91.04", gender="M", birth_date="1990-07-01"),
            dep("D3", nik=papua_nik("9671", 3), residence_regency_code="9271", gender="M", birth_date="1990-07-01")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


# --- Cases: rows that fail -------------------------------------------------------------------------


def unknown_enum_values(folder: Path) -> list[Path]:
    rows = [dep("D1", "A", declared_purpose="holiday"), dep("D2", "B", outcome="gone"),
            dep("D3", "C", suspected_worker="maybe")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def missing_required_fields(folder: Path) -> list[Path]:
    rows = [dep("", "A"), dep("D2", "B", nik=""), dep("D3", "C", examined_at=" "),
            dep("D4", "D", checkpoint_code="-"), dep("D5", "E", outcome="NULL"), dep("D6", "F")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def duplicate_ids_within_a_file(folder: Path) -> list[Path]:
    rows = [dep("D1", "A"), dep("D2", "B", outcome="delayed"), dep("D1", "A"), dep("D2", "B")]
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, rows)]


def duplicate_ids_across_files(folder: Path) -> list[Path]:
    first = write_csv(folder / "dep_januari.csv", DEPARTURE_HEADER, [dep("D1", "A", outcome="delayed"), dep("D2", "B")])
    second = write_csv(folder / "dep_februari.csv", DEPARTURE_HEADER, [dep("D1", "A")])
    return [first, second]


def _earlier_extract(folder: Path) -> list[Path]:
    return [write_csv(folder / "dep_lama.csv", DEPARTURE_HEADER, [dep("D1", "A", outcome="delayed"), dep("D2", "B")])]


def duplicate_ids_across_runs(folder: Path) -> list[Path]:
    return [write_csv(folder / "dep_baru.csv", DEPARTURE_HEADER, [dep("D1", "A"), dep("D2", "B"), dep("D3", "C")])]


def truncated_csv(folder: Path) -> list[Path]:
    """An export cut off in the middle of its last row."""
    text = "\n".join([",".join(DEPARTURE_HEADER), ",".join(dep("D1", "A")), ",".join(dep("D2", "B")),
                      ",".join(dep("D3", "C"))[:40]])
    return [write_text(folder / "dep.csv", text)]


def unterminated_quote(folder: Path) -> list[Path]:
    """An opening quote never closed swallows the rest of the file into one field."""
    bad = dep("D3", "C")
    bad[1] = '"' + bad[1]
    lines = [",".join(DEPARTURE_HEADER), ",".join(dep("D1", "A")), ",".join(dep("D2", "B")), ",".join(bad),
             ",".join(dep("D4", "D"))]
    return [write_text(folder / "dep.csv", "\n".join(lines) + "\n")]


def wrong_field_counts(folder: Path) -> list[Path]:
    lines = [
        ",".join(DEPARTURE_HEADER),
        ",".join(dep("D1", "A")),  # row 2
        ",".join(dep("D2", "B") + ["catatan"]),  # row 3: one field too many
        ",".join(dep("D3", "C")[:-1]),  # row 4: one too few
        ",".join(dep("D4", "D", checkpoint_code="AIR-XXX")),  # row 5
        ",".join(dep("D5", "E")),  # row 6
        ",".join(dep("D6", "F")) + ",,",  # row 7: trailing empty fields, fine
    ]
    return [write_text(folder / "dep.csv", "\n".join(lines) + "\n")]


# --- Cases: whole files ------------------------------------------------------------------------------


def empty_file(folder: Path) -> list[Path]:
    (folder / "dep.csv").write_bytes(b"")
    return [folder / "dep.csv"]


def header_only(folder: Path) -> list[Path]:
    return [write_csv(folder / "dep.csv", DEPARTURE_HEADER, [])]


def wrong_kind(folder: Path) -> list[Path]:
    return [write_csv(folder / "reg.csv", REGISTRATION_HEADER, extracts.registrations())]


def unknown_kind(folder: Path) -> list[Path]:
    return [write_text(folder / "catatan.csv", "nama,alamat\nBudi,Jl. Merdeka\n")]


def unsupported_extension(folder: Path) -> list[Path]:
    (folder / "dep.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # the old binary Excel format
    return [folder / "dep.xls"]


def ok(n: int, **kw) -> Expected:
    return Expected(read=n, published=n, **kw)


def cp(did: str, column: str) -> tuple[str, str, str]:
    return ("departures", did, column)


CASES: tuple[Case, ...] = (
    Case("comma_csv", "CSV with comma separators", comma_csv, (ok(3),)),
    Case("semicolon_csv_indonesian_headers", "CSV with semicolon separators", semicolon_csv, (ok(3),)),
    Case("utf8_bom", "UTF-8 with BOM", utf8_bom, (ok(2),),
         values={("registrations", "R1", "occupation"): OCCUPATION, ("registrations", "R1", "agency_id"): AGENCY}),
    Case("utf8_no_bom", "UTF-8 without BOM", utf8_no_bom, (ok(2),),
         values={("registrations", "R1", "occupation"): OCCUPATION, ("registrations", "R2", "agency_id"): AGENCY}),
    Case("cp1252", "Windows-1252 text", cp1252, (ok(2),),
         values={("registrations", "R1", "occupation"): OCCUPATION, ("registrations", "R1", "agency_id"): AGENCY}),
    Case("cp1252_undefined_byte", "Windows-1252 text with a byte it leaves undefined", cp1252_undefined_byte,
         (ok(2),), values={("registrations", "R2", "occupation"): "Caregiver\ufffd",
                           ("registrations", "R1", "agency_id"): AGENCY}),
    Case("latin1", "Latin-1 text", latin1, (ok(2),), values={("registrations", "R2", "agency_id"): AGENCY}),
    Case("utf16_tab", "Excel 'Unicode text' (UTF-16, tabs)", utf16_tab, (ok(2),),
         values={("registrations", "R1", "occupation"): OCCUPATION}),
    Case("quoted_separators_and_newlines", "quoted fields with separators and line breaks inside",
         quoted_separators_and_newlines,
         (Expected(3, 2, 1, {"invalid_status": 1}),),
         values={("registrations", "R1", "occupation"): "Pengasuh, lansia",
                 ("registrations", "R2", "occupation"): "Baris satu\nbaris dua; tiga"},
         quarantined=((4, "invalid_status"),)),
    Case("blank_lines", "blank lines count as spreadsheet rows, not records", blank_lines,
         (Expected(3, 2, 1, {"unknown_checkpoint_code": 1}),), quarantined=((5, "unknown_checkpoint_code"),)),
    Case("xlsx_title_rows", "XLSX with title rows above the header", xlsx_title_rows,
         (Expected(3, 2, 1, {"unknown_checkpoint_code": 1}),), quarantined=((5, "unknown_checkpoint_code"),)),
    Case("xlsx_several_sheets", "XLSX with several sheets (pick by headers)", xlsx_several_sheets, (ok(4),),
         values={cp("D3", "checkpoint_code"): "AIR-CGK", cp("D4", "residence_regency_code"): "3301"}),
    Case("xlsx_merged_cells", "XLSX with merged cells", xlsx_merged_cells, (ok(4),),
         values={cp("D2", "checkpoint_code"): "AIR-CGK", cp("D3", "destination_country"): "HKG",
                 cp("D4", "checkpoint_code"): "SEA-BTC", cp("D4", "destination_country"): "MYS"}),
    Case("xlsx_trailing_empty_rows", "XLSX with trailing empty rows", xlsx_trailing_empty_rows, (ok(2),)),
    Case("xlsx_excel_types", "XLSX date cells, serial numbers, boolean cells", xlsx_excel_types, (ok(2),),
         values={cp("D1", "examined_at"): dt.datetime(2024, 2, 15, 8, 10), cp("D1", "suspected_worker"): True,
                 cp("D2", "birth_date"): dt.date(1990, 7, 1), cp("D2", "suspected_worker"): False}),
    Case("xlsx_nik_as_number", "NIK mangled by Excel into a number (lost its last digit)", xlsx_nik_as_number,
         (Expected(3, 1, 2, {"nik_number_format": 2}),),
         quarantined=((3, "nik_number_format"), (4, "nik_number_format"))),
    Case("xlsx_header_only", "XLSX with only a header", xlsx_header_only, (Expected(0, 0),)),
    Case("truncated_xlsx", "truncated XLSX (damaged zip)", truncated_xlsx, error="corrupt_xlsx"),
    Case("parquet_typed", "Parquet with typed columns", parquet_typed, (ok(3),),
         values={cp("D1", "examined_at"): dt.datetime(2024, 2, 15, 8, 10), cp("D2", "residence_regency_code"): "3301",
                 cp("D1", "person_key"): PersonKey("A"), cp("D3", "suspected_worker"): None}),
    Case("parquet_float_nik", "NIK in a floating-point Parquet column", parquet_float_nik,
         (Expected(2, 0, 2, {"nik_number_format": 2}),)),
    Case("truncated_parquet", "truncated Parquet", truncated_parquet, error="corrupt_parquet"),
    Case("dates_iso", "ISO dates", dates_iso, (ok(2),),
         values={cp("D2", "examined_at"): dt.datetime(2024, 2, 15, 8, 10)}),
    Case("dates_day_month_year", "DD/MM/YYYY and DD-MM-YYYY", dates_day_month_year, (ok(2),),
         values={cp("D1", "examined_at"): dt.datetime(2024, 2, 15, 8, 10), cp("D1", "birth_date"): dt.date(1995, 3, 12),
                 cp("D2", "birth_date"): dt.date(1990, 7, 1)}),
    Case("dates_indonesian_months", "Indonesian month names", dates_indonesian_months, (ok(5),),
         values={("registrations", "R1", "registered_on"): dt.date(2024, 1, 10),
                 ("registrations", "R2", "registered_on"): dt.date(2024, 5, 3),
                 ("registrations", "R3", "registered_on"): dt.date(2023, 8, 17),
                 ("registrations", "R4", "registered_on"): dt.date(2023, 10, 5),
                 ("registrations", "R5", "registered_on"): dt.date(2023, 11, 30)}),
    Case("dates_excel_serial", "Excel serial numbers", dates_excel_serial, (ok(2),),
         values={("registrations", "R1", "registered_on"): dt.date(2024, 1, 10),
                 ("registrations", "R1", "birth_date"): dt.date(1995, 3, 12),
                 ("registrations", "R2", "registered_on"): dt.date(2024, 1, 11)}),
    Case("timestamps_with_and_without_zone", "timestamps with and without time zone",
         timestamps_with_and_without_zone, (ok(3),),
         values={cp(d, "examined_at"): dt.datetime(2024, 2, 15, 8, 10) for d in ("D1", "D2", "D3")}),
    Case("event_dates_out_of_range", "dates in the future or before 2000", event_dates_out_of_range,
         (Expected(5, 2, 3, {"out_of_range_examined_at": 3}),),
         quarantined=((2, "out_of_range_examined_at"), (3, "out_of_range_examined_at"),
                      (6, "out_of_range_examined_at"))),
    Case("nik_spaces_dots_dashes", "NIK with spaces or dots", nik_spaces_dots_dashes, (ok(3),),
         values={cp(d, "person_key"): PersonKey("A") for d in ("D1", "D2", "D3")}),
    Case("nik_excel_number_text", "NIK in scientific notation", nik_excel_number_text,
         (Expected(3, 0, 3, {"nik_number_format": 3}),)),
    Case("nik_lost_digits", "NIK that lost (or gained) digits", nik_lost_digits,
         (Expected(3, 0, 3, {"invalid_nik": 3}),)),
    Case("nik_region_and_birth_mismatch", "NIK region or birth date disagrees: warning, published",
         nik_region_and_birth_mismatch, (ok(3, warnings={"nik_region_mismatch": 1, "nik_birth_mismatch": 2}),)),
    Case("gender_and_boolean_synonyms", "L/P, M/F, Laki-laki/Perempuan; true/false, ya/tidak, 1/0, Y/N",
         gender_and_boolean_synonyms, (ok(8),),
         values={**{cp(f"D{p}", "gender"): PEOPLE[p][1] for p in PEOPLE},
                 **{cp(f"D{p}", "suspected_worker"): BOOL_SPELLINGS[p] in ("true", "ya", "1", "Y")
                    for p in PEOPLE}}),
    Case("region_codes_with_dots", "region codes with dots", region_codes_with_dots, (ok(4),),
         values={cp(d, "residence_regency_code"): "3201" for d in ("D1", "D2", "D3", "D4")}),
    Case("regency_names", "names instead of codes", regency_names, (ok(4, warnings={"nik_region_mismatch": 1}),),
         values={cp("D1", "residence_regency_code"): "3201", cp("D2", "residence_regency_code"): "3201",
                 cp("D3", "residence_regency_code"): "3201", cp("D4", "residence_regency_code"): "3271"}),
    Case("ambiguous_and_unknown_names", "ambiguous names are not guessed", ambiguous_and_unknown_names,
         (Expected(4, 0, 4, {"ambiguous_residence_regency_code": 2, "unknown_residence_regency_code": 1,
                             "unknown_destination_country": 1}),)),
    Case("country_names", "country names in English and Indonesian, ISO2", country_names, (ok(8),),
         values={cp(f"D{p}", "destination_country"): COUNTRY_CODES[p] for p in PEOPLE}),
    Case("checkpoint_names", "checkpoint IATA codes and names", checkpoint_names, (ok(5),),
         values={cp("DA", "checkpoint_code"): "AIR-CGK", cp("DB", "checkpoint_code"): "AIR-CGK",
                 cp("DC", "checkpoint_code"): "AIR-CGK", cp("DD", "checkpoint_code"): "SEA-BTC",
                 cp("DE", "checkpoint_code"): "SEA-BTC"}),
    Case("retired_regency_codes", "retired codes", retired_regency_codes,
         (ok(3, warnings={"retired_regency_code": 3}),),
         values={cp("D1", "residence_regency_code"): "9301", cp("D1", "residence_province_code"): "93",
                 cp("D2", "residence_regency_code"): "9401", cp("D3", "residence_regency_code"): "9671"}),
    Case("unknown_enum_values", "unknown enum values", unknown_enum_values,
         (Expected(3, 0, 3, {"invalid_declared_purpose": 1, "invalid_outcome": 1, "invalid_suspected_worker": 1}),)),
    Case("missing_required_fields", "missing required fields", missing_required_fields,
         (Expected(6, 1, 5, {"missing_departure_id": 1, "missing_nik": 1, "missing_examined_at": 1,
                             "missing_checkpoint_code": 1, "missing_outcome": 1}),)),
    Case("duplicate_ids_within_a_file", "duplicate ids within a file: the later row wins",
         duplicate_ids_within_a_file, (Expected(4, 2, 2, {"duplicate_id": 2}),),
         values={cp("D2", "outcome"): "departed"}, quarantined=((2, "duplicate_id"), (3, "duplicate_id"))),
    Case("duplicate_ids_across_files", "duplicate ids across files: the later file wins",
         duplicate_ids_across_files, (Expected(2, 1, 1, {"duplicate_id": 1}), ok(1)),
         values={cp("D1", "outcome"): "departed"}),
    Case("duplicate_ids_across_runs", "same id, different content in a newer extract: it wins, change reported",
         duplicate_ids_across_runs, (ok(3),), before=_earlier_extract,
         changes={"new": 1, "updated": 1, "unchanged": 1}, values={cp("D1", "outcome"): "departed"}),
    Case("truncated_csv", "truncated CSV (last row cut)", truncated_csv,
         (Expected(3, 2, 1, {"malformed_row": 1}),), quarantined=((4, "malformed_row"),)),
    Case("unterminated_quote", "an unterminated quote at the end of the file", unterminated_quote,
         (Expected(3, 2, 1, {"malformed_row": 1}),), quarantined=((4, "malformed_row"),)),
    Case("wrong_field_counts", "rows with too many or too few fields", wrong_field_counts,
         (Expected(6, 3, 3, {"malformed_row": 2, "unknown_checkpoint_code": 1}),),
         quarantined=((3, "malformed_row"), (4, "malformed_row"), (5, "unknown_checkpoint_code"))),
    Case("empty_file", "empty file (0 bytes)", empty_file, error="empty_file"),
    Case("header_only", "file with only a header", header_only, (Expected(0, 0),)),
    Case("wrong_kind", "file of the wrong kind", wrong_kind, error="wrong_kind", kind="departures"),
    Case("unknown_kind", "file of no known kind", unknown_kind, error="unknown_kind"),
    Case("unsupported_extension", "unsupported format", unsupported_extension, error="unsupported_format"),
)


def case(name: str) -> Case:
    return next(c for c in CASES if c.name == name)
