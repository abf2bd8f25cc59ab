"""The Upload page: check, publish, cancel, errors and the quarantine report; plain functions and AppTest.

Hand-worked figures.

tests/extracts.py (write_all): registrations 7 read, 7 valid; departures 12 read, 11 valid, 1 quarantined
(D01 twice: duplicate_id); cases 7 read, 7 valid. Against demo data every valid row is new (demo is
replaced, never merged): 7 / 11 / 7 new.

monthly_files() below, on top of the published fixture:
departures-2025-01.csv, 8 rows (header is row 1):
  row 2 D20 A 2025-01-10 HKG          valid, new
  row 3 D21 B 2025-01-12 MYS          valid, new
  row 4 D05 outcome now "departed"    valid, updated (was delayed)
  row 5 D07 as published              valid, unchanged
  row 6 D22 NIK cut to 15 digits      invalid_nik
  row 7 D23 checkpoint AIR-XXX        unknown_checkpoint_code
  row 8 (no id)                       missing_departure_id
  row 9 D24 examined 2099-01-15       out_of_range_examined_at
  -> read 8, published 4, quarantined 4; departures: 2 new, 1 updated, 1 unchanged
cases-2025-01.csv, 3 rows: K08 (D, 2025-01-20) new; K01 as published, unchanged; K09 gender "X" invalid_gender
  -> read 3, published 2, quarantined 1; cases: 1 new, 0 updated, 1 unchanged
Totals: read 11, published 6, quarantined 5. After publishing: registrations 7, departures 11 + 2 = 13,
cases 7 + 1 = 8.
"""

from __future__ import annotations

import csv
import io
import re
import stat
import tempfile
from pathlib import Path

import extracts
import pytest
from streamlit.testing.v1 import AppTest

from pantau import store, upload
from pantau.ingest import IngestError, ingest
from pantau.ui import upload_report

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
PAGE = "app_pages/upload.py"
SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")
MONTHLY_REASONS = {
    "departures-2025-01.csv": {"invalid_nik": 1, "unknown_checkpoint_code": 1, "missing_departure_id": 1,
                               "out_of_range_examined_at": 1},
    "cases-2025-01.csv": {"invalid_gender": 1},
}
MONTHLY_CHANGES = {
    "registrations": {"new": 0, "updated": 0, "unchanged": 0},
    "departures": {"new": 2, "updated": 1, "unchanged": 1},
    "cases": {"new": 1, "updated": 0, "unchanged": 1},
}


def _departure(did: str, person: str, when: str, checkpoint: str = "AIR-CGK", destination: str = "HKG") -> list[str]:
    nik, regency, gender, birth = extracts._person(person)
    return [did, nik, when, checkpoint, destination, regency, gender, birth, "work", "false", "departed"]


def _case(cid: str, person: str, day: str, gender: str | None = None) -> list[str]:
    nik, regency, own_gender, birth = extracts._person(person)
    return [cid, nik, day, "kp2mi_complaint", "unpaid_wages", "false", "", regency, "HKG", gender or own_gender,
            birth, "procedural", "open", ""]


def monthly_files(folder: Path) -> list[Path]:
    """A January 2025 departures file with 4 bad rows and a cases file with 1 (see the module docstring)."""
    folder.mkdir(parents=True, exist_ok=True)
    published = extracts.departures()
    d05 = list(published[4])
    d05[10] = "departed"
    short_nik = _departure("D22", "C", "2025-01-13 10:00:00")
    short_nik[1] = short_nik[1][:15]
    departures = [
        _departure("D20", "A", "2025-01-10 08:00:00"),
        _departure("D21", "B", "2025-01-12 09:00:00", "SEA-BTC", "MYS"),
        d05,
        list(published[6]),
        short_nik,
        _departure("D23", "D", "2025-01-14 10:00:00", checkpoint="AIR-XXX"),
        _departure("", "E", "2025-01-15 10:00:00"),
        _departure("D24", "F", "2099-01-15 10:00:00"),
    ]
    cases = [_case("K08", "D", "2025-01-20"), list(extracts.cases()[0]), _case("K09", "G", "2025-01-21", "X")]
    return [
        extracts.write_csv(folder / "departures-2025-01.csv", extracts.DEPARTURE_HEADER, departures),
        extracts.write_csv(folder / "cases-2025-01.csv", extracts.CASE_HEADER, cases),
    ]


def uploads_of(paths: list[Path]) -> list[upload.Upload]:
    return [upload.Upload(p.name, p.read_bytes()) for p in paths]


def file_counts(report) -> dict[str, tuple]:
    return {f.file: (f.kind, f.rows_read, f.rows_published, f.rows_quarantined, dict(f.reasons))
            for f in report.files}


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """Where tempfile puts the staged uploads in this test, to prove they are gone afterwards."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def staged_left(folder: Path) -> list[Path]:
    """Upload folders still on disk (the dashboard's own pantau-catalog-* folders live there too)."""
    return list(folder.glob("pantau-upload-*"))


# --- Plain functions (pantau/upload.py) ---


def test_fixture_extracts_over_demo_data_are_all_new_and_replace_the_demo(data_dir, extract_files, private_tmp):
    demo = ingest(extract_files, demo=True)
    checked = upload.check(uploads_of(extract_files))
    assert file_counts(checked.report) == {
        "registrations.csv": ("registrations", 7, 7, 0, {}),
        "departures.csv": ("departures", 12, 11, 1, {"duplicate_id": 1}),
        "cases.csv": ("cases", 7, 7, 0, {}),
    }
    assert checked.report.changes == {
        "registrations": {"new": 7, "updated": 0, "unchanged": 0},
        "departures": {"new": 11, "updated": 0, "unchanged": 0},
        "cases": {"new": 7, "updated": 0, "unchanged": 0},
    }
    assert upload.would_change(checked.report)
    assert store.current_version().id == demo.version  # a check publishes nothing
    assert list(checked.quarantine) == ["departures"]
    [duplicate] = rows_of(checked.quarantine["departures"])
    assert (duplicate["departure_id"], duplicate["reason"], duplicate["row_number"]) == ("D01", "duplicate_id", "2")

    published = upload.publish(uploads_of(extract_files))
    assert published.report.published_new_version
    assert upload.same_outcome(checked.report, published.report)
    current = store.current_version()
    assert current.id == published.report.version != demo.version
    assert not current.demo
    assert current.manifest["parent"] is None  # the demo is replaced, not a parent
    assert published.report.tables == {"registrations": 7, "departures": 11, "cases": 7}
    assert staged_left(private_tmp) == []


def test_monthly_file_with_bad_rows_checks_then_appends(published, tmp_path, private_tmp):
    before = store.current_version()
    files = uploads_of(monthly_files(tmp_path / "monthly"))
    checked = upload.check(files)
    assert file_counts(checked.report) == {
        "departures-2025-01.csv": ("departures", 8, 4, 4, MONTHLY_REASONS["departures-2025-01.csv"]),
        "cases-2025-01.csv": ("cases", 3, 2, 1, MONTHLY_REASONS["cases-2025-01.csv"]),
    }
    assert checked.report.changes == MONTHLY_CHANGES
    assert store.current_version().id == before.id

    quarantined = rows_of(checked.quarantine["departures"])
    assert [(r["row_number"], r["departure_id"], r["reason"]) for r in quarantined] == [
        ("6", "D22", "invalid_nik"), ("7", "D23", "unknown_checkpoint_code"), ("8", "", "missing_departure_id"),
        ("9", "D24", "out_of_range_examined_at"),
    ]
    short = extracts.nik("C")[:15]
    assert quarantined[0]["nik"] == short[:6] + "*****" + short[-4:]
    assert quarantined[1]["nik"] == extracts.nik("D")[:6] + "******" + extracts.nik("D")[-4:]
    assert [(r["case_id"], r["reason"]) for r in rows_of(checked.quarantine["cases"])] == [("K09", "invalid_gender")]
    for content in checked.quarantine.values():
        assert not SIXTEEN_DIGITS.search(content.decode("utf-8"))

    done = upload.publish(files)
    assert upload.same_outcome(checked.report, done.report)
    assert done.report.tables == {"registrations": 7, "departures": 13, "cases": 8}
    assert store.current_version().manifest["parent"] == before.id
    assert done.quarantine == checked.quarantine  # the same rows, reasons and masking
    assert staged_left(private_tmp) == []


def test_unreadable_file_is_named_and_nothing_is_published(published, tmp_path, private_tmp):
    before = store.current_version()
    notes = tmp_path / "notes.csv"
    notes.write_text("nama,alamat\nBudi,Jl. Merdeka\n", encoding="utf-8")
    names = ["departures-2025-01.csv", "notes.csv"]
    with pytest.raises(IngestError) as caught:
        upload.publish(uploads_of([monthly_files(tmp_path / "m")[0], notes]))
    assert upload.file_error(str(caught.value), names).file == "notes.csv"
    assert upload.file_error(str(caught.value), names).code == "unknown_kind"
    assert upload.file_error("the NIK secret differs from the one", names) is None
    assert store.current_version().id == before.id
    assert staged_left(private_tmp) == []


def test_staged_files_are_private_and_removed(data_dir, private_tmp):
    with upload.staged([upload.Upload("C:\\Users\\siti\\dep.csv", b"a"), upload.Upload("../../dep.csv", b"b")]) as (
        folder, paths,
    ):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert [p.name for p in paths] == ["dep.csv", "dep.csv"]  # same name, both kept
        assert [p.read_bytes() for p in paths] == [b"a", b"b"]
        assert all(p.is_relative_to(private_tmp) for p in paths)
    assert staged_left(private_tmp) == []


def test_anything_shaped_like_a_nik_is_masked():
    assert upload.mask_niks("x,3201015503950001,y") == "x,320101******0001,y"
    assert upload.mask_niks("32010155039500012") == "32010155039500012"  # 17 digits: not a NIK
    assert upload.mask_niks("320101550395000") == "320101550395000"  # ingest masks the nik column itself


@pytest.mark.parametrize(("code", "lang", "text"), [
    ("invalid_nik", "en", "Invalid NIK (not 16 digits, or digits lost)"),
    ("missing_departure_id", "id", "Kolom wajib departure_id kosong"),
    ("out_of_range_examined_at", "en", "examined_at is in the future or before 2000"),
    ("unknown_checkpoint_code", "en", "Unknown code in checkpoint_code"),
    ("duplicate_id", "id", "ID ganda: baris yang lebih baru dipakai"),
    ("nik_lost_digits", "en", "nik_lost_digits"),  # a reason this page does not know yet: the raw code
])
def test_reason_words(code, lang, text):
    assert upload_report.reason_text(code, lang) == text


# --- The page through AppTest ---


def open_page(lang: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def set_files(at: AppTest, paths: list[Path]) -> AppTest:
    at.file_uploader[0].set_value([(p.name, p.read_bytes(), "text/csv") for p in paths])
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def click(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def tables(at: AppTest) -> list[list[list[str]]]:
    return [[list(t.value.columns)] + t.value.astype(str).values.tolist() for t in at.table]


def footer(at: AppTest) -> str:
    return at.caption[-1].value


def test_page_with_nothing_uploaded(published):
    at = open_page()
    assert at.title[0].value == "Unggah data"
    assert at.file_uploader[0].label == "Berkas ekstrak"
    assert at.file_uploader[0].accept_multiple_files
    assert at.file_uploader[0].allowed_type == [".csv", ".txt", ".xlsx", ".parquet"]
    assert at.selectbox[-1].options == ["Otomatis (dari judul kolom)", "Pendaftaran", "Keberangkatan", "Kasus"]
    assert at.button(key="_upload_check_button").disabled
    assert "Pilih satu atau beberapa berkas, lalu tekan Periksa." in [c.value for c in at.caption]
    assert len(at.metric) == 0 and len(at.table) == 0


def test_page_switched_off_shows_a_notice_only(published, monkeypatch):
    monkeypatch.setenv("PANTAU_UPLOAD", "off")
    at = open_page("en")
    assert at.title[0].value == "Upload data"
    assert [i.value for i in at.info] == ["Uploading data is not available on this server."]
    assert len(at.file_uploader) == 0
    assert [b.key for b in at.main.button] == []
    assert footer(at).startswith(f"Dataset version `{store.current_version().id}`")


def test_check_then_publish(published, tmp_path, private_tmp):
    before = store.current_version()
    at = set_files(open_page("en"), monthly_files(tmp_path / "monthly"))
    click(at, "_upload_check_button")
    assert [(m.label, m.value) for m in at.metric] == [("Rows read", "11"), ("Would publish", "6"),
                                                       ("Quarantined", "5")]
    files, departure_reasons, case_reasons, changes = tables(at)
    assert files == [
        ["File", "Kind", "Rows read", "Would publish", "Quarantined"],
        ["departures-2025-01.csv", "Departures", "8", "4", "4"],
        ["cases-2025-01.csv", "Cases", "3", "2", "1"],
    ]
    assert departure_reasons == [
        ["Reason", "Code", "Rows"],
        ["Invalid NIK (not 16 digits, or digits lost)", "invalid_nik", "1"],
        ["Required column departure_id is empty", "missing_departure_id", "1"],
        ["examined_at is in the future or before 2000", "out_of_range_examined_at", "1"],
        ["Unknown code in checkpoint_code", "unknown_checkpoint_code", "1"],
    ]
    assert case_reasons == [["Reason", "Code", "Rows"], ["The gender value cannot be read", "invalid_gender", "1"]]
    assert changes == [["Kind", "New", "Updated", "Unchanged"], ["Departures", "2", "1", "1"], ["Cases", "1", "0", "1"]]
    assert [s.value for s in at.main.subheader] == ["Check result", "Changes against the current version",
                                               "Quarantine: Departures", "Quarantine: Cases"]
    assert "Rows quarantined: 4. At most the first 20 are shown, NIK masked; the download holds them all." in [
        c.value for c in at.caption]
    quarantine = at.dataframe[0].value
    assert quarantine["departure_id"].tolist() == ["D22", "D23", "", "D24"]
    assert not quarantine.map(lambda v: bool(SIXTEEN_DIGITS.search(v))).any().any()
    assert [b.key for b in at.get("download_button")] == ["_upload_quarantine_check_departures",
                                                          "_upload_quarantine_check_cases"]
    assert at.info[-1].value.startswith(f"Publishing makes a new dataset version: the current data (version "
                                        f"`{before.id}`)")
    assert store.current_version().id == before.id
    assert staged_left(private_tmp) == []  # the check's copies are gone already

    click(at, "_upload_publish")
    after = store.current_version()
    assert after.id != before.id
    assert [s.value for s in at.success] == [f"Published: dataset version `{after.id}`. Every page now shows this "
                                             "version."]
    assert [(m.label, m.value) for m in at.metric] == [("Rows read", "11"), ("Published", "6"),
                                                       ("Quarantined", "5")]
    assert at.warning.len == 0  # the publish did what the check said
    assert footer(at).startswith(f"Dataset version `{after.id}`")
    assert [b.key for b in at.get("download_button")] == [f"_upload_quarantine_{after.id}_departures",
                                                          f"_upload_quarantine_{after.id}_cases"]
    assert at.file_uploader[0].value in (None, [])  # the uploader starts empty again
    assert staged_left(private_tmp) == []


def test_a_new_upload_or_kind_drops_the_check(published, tmp_path):
    monthly = monthly_files(tmp_path / "monthly")
    at = click(set_files(open_page("en"), monthly), "_upload_check_button")
    assert len(at.metric) == 3
    set_files(at, monthly[:1])
    assert len(at.metric) == 0 and not at.button(key="_upload_check_button").disabled
    click(at, "_upload_check_button")
    assert [m.value for m in at.metric] == ["8", "4", "4"]
    at.selectbox[-1].select("cases").run()
    assert len(at.metric) == 0


def test_cancel_discards_the_check_and_the_files(published, tmp_path):
    before = store.current_version()
    at = click(set_files(open_page("en"), monthly_files(tmp_path / "monthly")), "_upload_check_button")
    click(at, "_upload_cancel")
    assert [i.value for i in at.info] == ["Cancelled; the uploaded files were discarded."]
    assert len(at.metric) == 0
    assert at.file_uploader[0].value in (None, [])
    assert store.current_version().id == before.id


def test_unreadable_file_is_a_plain_error(published, tmp_path, private_tmp):
    before = store.current_version()
    notes = tmp_path / "notes.csv"
    notes.write_text("nama,alamat\nBudi,Jl. Merdeka\n", encoding="utf-8")
    at = click(set_files(open_page("en"), [monthly_files(tmp_path / "m")[0], notes]), "_upload_check_button")
    assert [e.value for e in at.error] == [
        "The file `notes.csv` cannot be read (`extract kind not recognised: no registration_id, departure_id or "
        "case_id column`). Nothing was published."
    ]
    assert len(at.metric) == 0 and len(at.exception) == 0
    assert store.current_version().id == before.id
    assert staged_left(private_tmp) == []


def test_publishing_over_demo_data_says_it_replaces_it(data_dir, extract_files):
    demo = ingest(extract_files, demo=True)
    at = click(set_files(open_page(), extract_files[1:2]), "_upload_check_button")
    assert [w.value for w in at.warning][-1] == (
        f"Data yang tampil sekarang adalah DATA DEMO (versi `{demo.version}`). Menerbitkan data ini MENGGANTIKAN "
        "data demo seluruhnya: versi baru hanya berisi baris yang valid di atas, data demo tidak digabungkan."
    )
    assert [m.value for m in at.metric] == ["12", "11", "1"]
    click(at, "_upload_publish")
    assert not store.current_version().demo
    assert store.current_version().manifest["tables"]["departures"]["rows"] == 11


def test_a_publish_in_between_is_reported(published, tmp_path):
    """Another steward publishes D20 after our check: our publish then finds it unchanged, not new."""
    monthly = monthly_files(tmp_path / "monthly")
    at = click(set_files(open_page("en"), monthly), "_upload_check_button")
    with monthly[0].open(encoding="utf-8") as f:
        d20 = list(csv.reader(f))[1]
    ingest([extracts.write_csv(tmp_path / "other.csv", extracts.DEPARTURE_HEADER, [d20])])
    click(at, "_upload_publish")
    assert [w.value for w in at.warning] == [
        "The publish result differs from the check (another version was probably published in between). "
        "The figures below are those of the publish."
    ]
    assert tables(at)[-1] == [["Kind", "New", "Updated", "Unchanged"], ["Departures", "1", "1", "2"],
                              ["Cases", "1", "0", "1"]]
