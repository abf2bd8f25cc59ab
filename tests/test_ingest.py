"""Ingest: accepted formats, quarantine with reasons, privacy, idempotency, append, atomic failure."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import corpus
import duckdb
import extracts
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from pantau import readers, store
from pantau.cli import ProgressLine, main
from pantau.ingest import IngestError, Progress, hmac_pads, ingest
from pantau.pseudonym import person_keys
from pantau.validate import load_macros

REPO = Path(__file__).resolve().parent.parent


def counts(version: store.Version) -> dict[str, int]:
    return {t: pq.ParquetFile(version.table_path(t)).metadata.num_rows for t in store.TABLES}


def test_semicolon_bom_and_indonesian_headers(data_dir, tmp_path):
    aliases = ["no_pemeriksaan", "NIK", "Waktu Pemeriksaan", "kode_tpi", "negara_tujuan", "KODE KABUPATEN",
               "jenis_kelamin", "tanggal_lahir", "tujuan", "terduga_pmi", "hasil", "nama"]
    rows = [r + ["Nama Orang"] for r in extracts.departures()[:3]]
    path = tmp_path / "dep.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(aliases)
        w.writerows(rows)
    report = ingest([path])
    assert report.files[0].kind == "departures"
    assert report.files[0].rows_published == 3
    assert report.files[0].dropped_columns == ["nama"]
    columns = pq.read_schema(store.current_version().table_path("departures")).names
    assert "nama" not in columns and "nik" not in columns and "person_key" in columns


def test_xlsx_with_title_rows_and_excel_types(data_dir, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Laporan Pendaftaran PMI"])
    ws.append([])
    ws.append(extracts.REGISTRATION_HEADER)
    for row in extracts.registrations():
        row = list(row)
        row[2] = dt.date.fromisoformat(row[2])  # a real Excel date cell
        ws.append(row)
    ws.append([None] * len(extracts.REGISTRATION_HEADER))  # trailing empty row
    path = tmp_path / "reg.xlsx"
    wb.save(path)
    report = ingest([path])
    assert (report.files[0].kind, report.files[0].rows_read, report.files[0].rows_published) == (
        "registrations", 7, 7)
    days = duckdb.sql(
        f"SELECT min(registered_on), max(registered_on) "
        f"FROM read_parquet('{store.current_version().table_path('registrations')}')"
    ).fetchall()[0]
    assert days == (dt.date(2022, 12, 1), dt.date(2024, 5, 1))


def test_parquet_with_typed_columns(data_dir, tmp_path):
    rows = extracts.cases()
    columns = list(zip(*rows, strict=True))
    table = {name: pa.array(list(values)) for name, values in zip(extracts.CASE_HEADER, columns, strict=True)}
    table["reported_on"] = pa.array([dt.date.fromisoformat(v) for v in table["reported_on"].to_pylist()])
    path = tmp_path / "cases.parquet"
    pq.write_table(pa.table(table), path)
    report = ingest([path])
    assert report.files[0].rows_published == 7


def bad_departures() -> list[list[str]]:
    good = extracts.departures()[0]

    def variant(did: str, index: int, value: str) -> list[str]:
        row = list(good)
        row[0] = did
        row[index] = value
        return row

    return [
        variant("B1", 1, "320101551295000"),  # 15 digits
        variant("B2", 1, "3.20101E+15"),  # Excel scientific notation
        variant("B3", 2, "31/02/2024"),  # no such day
        variant("B4", 3, "AIR-XXX"),
        variant("B5", 4, "XYZ"),
        variant("B6", 5, "9999"),
        variant("B7", 8, "holiday"),
        variant("B8", 10, ""),
        variant("", 0, ""),
        variant("B9", 2, "2099-01-01 10:00:00"),
        variant("B10", 2, "1999-12-31 10:00:00"),
        variant("B11", 6, "X"),
        variant("OK1", 5, "32.01"),  # dotted code is fine
    ]


EXPECTED_REASONS = {
    "invalid_nik": 1,
    "nik_number_format": 1,
    "invalid_examined_at": 1,
    "unknown_checkpoint_code": 1,
    "unknown_destination_country": 1,
    "unknown_residence_regency_code": 1,
    "invalid_declared_purpose": 1,
    "missing_outcome": 1,
    "missing_departure_id": 1,
    "out_of_range_examined_at": 2,
    "invalid_gender": 1,
}


def test_bad_rows_are_quarantined_with_reasons_and_masked_nik(data_dir, tmp_path, capsys):
    path = extracts.write_csv(tmp_path / "bad.csv", extracts.DEPARTURE_HEADER, bad_departures())
    assert main(["ingest", str(path)]) == 1
    out = capsys.readouterr().out
    assert "quarantined 12" in out and "published 1" in out
    report_dir = next((data_dir / "quarantine").iterdir())
    with (report_dir / "departures.csv").open(encoding="utf-8") as f:
        quarantined = list(csv.DictReader(f))
    reasons: dict[str, int] = {}
    for row in quarantined:
        reasons[row["reason"]] = reasons.get(row["reason"], 0) + 1
    assert reasons == EXPECTED_REASONS
    row_numbers = {r["departure_id"]: int(r["row_number"]) for r in quarantined}
    assert row_numbers["B1"] == 2 and row_numbers["B11"] == 13  # header is row 1
    nik = extracts.nik("A")
    text = (report_dir / "departures.csv").read_text(encoding="utf-8")
    assert nik not in text
    assert nik[:6] + "******" + nik[-4:] in text


def test_nik_mismatch_is_a_published_warning(data_dir, tmp_path):
    row = list(extracts.departures()[0])
    row[5] = "3301"  # lives elsewhere than the NIK's regency
    row[7] = "1995-03-13"  # birth date disagrees with the NIK
    path = extracts.write_csv(tmp_path / "d.csv", extracts.DEPARTURE_HEADER, [row])
    report = ingest([path])
    assert report.files[0].rows_published == 1
    assert report.files[0].warnings == {"nik_region_mismatch": 1, "nik_birth_mismatch": 1}


def test_no_nik_in_any_file_under_the_data_folder(published, data_dir):
    niks = {extracts.nik(p) for p in extracts.PEOPLE}
    for path in data_dir.rglob("*"):
        if path.is_file() and path.suffix != ".parquet":
            text = path.read_bytes().decode("utf-8", errors="replace")
            assert not any(n in text for n in niks), path
    version = store.current_version()
    for table in store.TABLES:
        values = duckdb.sql(
            f"SELECT DISTINCT unnest(list_value(COLUMNS(*)::VARCHAR)) "
            f"FROM read_parquet('{version.table_path(table)}')"
        ).fetchall()
        assert not niks & {v[0] for v in values}, table


def test_reingesting_the_same_files_changes_nothing(published, extract_files):
    before = store.current_version()
    again = ingest(extract_files)
    assert not again.published_new_version
    assert store.current_version().id == before.id
    assert all(c["new"] == c["updated"] == 0 for c in again.changes.values())


def test_monthly_extracts_append_and_relink(data_dir, extract_files):
    registrations, departures, cases = extract_files
    ingest([departures])
    first = store.current_version()
    assert counts(first) == {"registrations": 0, "departures": 11, "cases": 0}
    ingest([registrations, cases])
    second = store.current_version()
    assert second.manifest["parent"] == first.id
    assert counts(second) == {"registrations": 7, "departures": 11, "cases": 7}
    # D01 only became procedural once its registration arrived.
    cls = duckdb.sql(
        f"SELECT departure_class FROM read_parquet('{second.table_path('departures')}') "
        "WHERE departure_id = 'D01'"
    ).fetchall()
    assert cls == [("procedural",)]
    assert [s["file"] for s in second.manifest["sources"]] == ["departures.csv", "registrations.csv", "cases.csv"]


def test_newer_extract_wins_and_the_change_is_reported(published, tmp_path):
    row = list(extracts.departures()[4])  # D05, delayed
    row[10] = "departed"
    path = extracts.write_csv(tmp_path / "fix.csv", extracts.DEPARTURE_HEADER, [row])
    report = ingest([path])
    assert report.changes["departures"] == {"new": 0, "updated": 1, "unchanged": 0}
    outcome = duckdb.sql(
        f"SELECT outcome FROM read_parquet('{store.current_version().table_path('departures')}') "
        "WHERE departure_id = 'D05'"
    ).fetchall()
    assert outcome == [("departed",)]


def test_unreadable_file_publishes_nothing_and_keeps_the_current_version(published, tmp_path, capsys):
    before = store.current_version()
    wrong = tmp_path / "notes.csv"
    wrong.write_text("nama,alamat\nBudi,Jl. Merdeka\n", encoding="utf-8")
    good = extracts.write_csv(tmp_path / "more.csv", extracts.DEPARTURE_HEADER,
                              [["D99"] + extracts.departures()[0][1:]])
    assert main(["ingest", str(good), str(wrong)]) == 2
    assert "unknown_kind" in capsys.readouterr().err
    assert store.current_version().id == before.id
    assert not list((before.path.parent.parent).glob(".staging-*"))


def test_a_different_secret_is_refused(published, extract_files, monkeypatch):
    monkeypatch.setenv("PANTAU_SECRET", "another secret")
    with pytest.raises(IngestError, match="secret"):
        ingest(extract_files)


def test_manifest_accounts_for_every_row(published):
    manifest = store.current_version().manifest
    for source in manifest["sources"]:
        assert source["rows_read"] == source["rows_published"] + source["rows_quarantined"]
        assert len(source["sha256"]) == 64
    assert manifest["tables"] == {"registrations": {"rows": 7}, "departures": {"rows": 11}, "cases": {"rows": 7}}
    json.dumps(manifest)


def test_check_only_reports_what_a_publish_would_do_and_publishes_nothing(published, tmp_path):
    before = store.current_version()
    row = list(extracts.departures()[4])
    row[10] = "departed"
    bad = ["D98"] + extracts.departures()[0][1:]
    bad[1] = "not a nik"
    path = extracts.write_csv(tmp_path / "fix.csv", extracts.DEPARTURE_HEADER, [row, bad])
    report = ingest([path], check_only=True, quarantine_to=tmp_path / "q")
    assert not report.published_new_version
    assert report.changes["departures"] == {"new": 0, "updated": 1, "unchanged": 0}
    assert (report.files[0].rows_published, report.files[0].rows_quarantined) == (1, 1)
    assert report.quarantine_file == tmp_path / "q"
    assert store.current_version().id == before.id


# --- Streaming, pseudonymising in SQL, progress, file and disk failures -------------------------------


@pytest.mark.parametrize("secret", [b"test-secret-not-for-production", b"k" * 100])
def test_person_key_in_sql_is_the_hmac_pseudonym_gives(secret):
    niks = [extracts.nik(p) for p in extracts.PEOPLE]
    con = duckdb.connect()
    load_macros(con)
    keys = con.execute(
        "SELECT person_key(nik, $ipad, $opad) FROM unnest($niks) AS t(nik)", {"niks": niks, **hmac_pads(secret)}
    ).fetchall()
    assert [k[0] for k in keys] == person_keys(secret, niks)


def _outcome(report) -> list[tuple]:
    return [(f.rows_read, f.rows_published, f.rows_quarantined, dict(f.reasons)) for f in report.files]


@pytest.mark.parametrize("name", ["comma_csv", "wrong_field_counts", "quoted_separators_and_newlines",
                                  "xlsx_merged_cells", "parquet_typed"])
def test_small_batches_give_the_same_result(name, data_dir, tmp_path, monkeypatch):
    paths = corpus.case(name).write(tmp_path)
    whole = ingest(paths, today=corpus.TODAY, check_only=True, quarantine_to=tmp_path / "q1")
    monkeypatch.setattr(readers, "BATCH_ROWS", 2)
    monkeypatch.setattr(readers, "CSV_BLOCK_BYTES", 300)
    monkeypatch.setattr(readers, "FAST_BATCH_ROWS", 1)
    batched = ingest(paths, today=corpus.TODAY, check_only=True, quarantine_to=tmp_path / "q2")
    assert _outcome(batched) == _outcome(whole)
    for kind in ("registrations", "departures"):
        first, second = tmp_path / "q1" / f"{kind}.csv", tmp_path / "q2" / f"{kind}.csv"
        assert first.is_file() == second.is_file()
        if first.is_file():
            assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")


def test_a_bad_row_after_many_batches_restarts_the_file_exactly(data_dir, tmp_path, monkeypatch):
    """The fast reader has already stored batches when it meets a row it cannot number."""
    monkeypatch.setattr(readers, "CSV_BLOCK_BYTES", 300)  # about two rows per block
    monkeypatch.setattr(readers, "FAST_BATCH_ROWS", 1)  # and per batch stored
    rows = [corpus.dep(f"D{i}", "ABCDEFGH"[i % 8]) for i in range(20)]
    rows[17] = rows[17][:5]  # row 19: too few fields
    path = extracts.write_csv(tmp_path / "dep.csv", extracts.DEPARTURE_HEADER, rows)
    report = ingest([path], today=corpus.TODAY)
    assert _outcome(report) == [(20, 19, 1, {"malformed_row": 1})]
    with (report.quarantine_file / "departures.csv").open(encoding="utf-8") as f:
        assert [(r["row_number"], r["reason"]) for r in csv.DictReader(f)] == [("19", "malformed_row")]


@pytest.mark.parametrize("name", ["comma_csv", "semicolon_csv_indonesian_headers", "utf8_bom", "utf8_no_bom",
                                  "cp1252", "latin1", "utf16_tab", "quoted_separators_and_newlines", "blank_lines",
                                  "dates_iso", "regency_names", "header_only"])
def test_fast_and_exact_csv_readers_agree_on_clean_files(name, tmp_path):
    path = corpus.case(name).write(tmp_path)[0]
    fast = [row for batch in readers.open_extract(path).batches() for row in batch.to_pylist()]
    exact = [row for batch in readers.open_extract(path).batches(exact=True) for row in batch.to_pylist()]
    assert fast == exact


def test_malformed_row_text_masks_nik_like_digit_runs():
    assert readers.mask_digit_runs("D3,3201017011980003,2024-02-15") == "D3,320101******0003,2024-02-15"
    assert readers.mask_digit_runs("x 3201 0170 1198 0003 y") == "x 320101******0003 y"
    assert readers.mask_digit_runs("12345678") == "12345678"


def test_quarantine_names_the_sheet_and_keeps_the_malformed_text(data_dir, tmp_path):
    xlsx = corpus.case("xlsx_title_rows").write(tmp_path)
    csv_file = corpus.case("wrong_field_counts").write(tmp_path)
    report = ingest(xlsx + csv_file, today=corpus.TODAY)
    with (report.quarantine_file / "departures.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0])[-2:] == ["sheet", "row_text"]
    # D1 is in both files: the CSV, given later, wins.
    assert [(r["source_file"], r["sheet"], r["row_number"], r["reason"]) for r in rows] == [
        ("dep.xlsx", "Data", "4", "duplicate_id"),
        ("dep.xlsx", "Data", "5", "unknown_checkpoint_code"),
        ("dep.csv", "", "3", "malformed_row"),
        ("dep.csv", "", "4", "malformed_row"),
        ("dep.csv", "", "5", "unknown_checkpoint_code"),
    ]
    assert rows[2]["row_text"] == ",".join(corpus.dep("D2", "B") + ["catatan"]).replace(
        extracts.nik("B"), extracts.nik("B")[:6] + "******" + extracts.nik("B")[-4:])
    assert report.files[0].sheets == ["Data"]


def test_an_unreadable_file_fails_the_run_naming_it(published, tmp_path, monkeypatch, capsys):
    before = store.current_version()
    path = extracts.write_csv(tmp_path / "locked.csv", extracts.DEPARTURE_HEADER, [corpus.dep("D99")])
    real_open = type(path).open

    def refuse(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", refuse)  # as root, chmod 000 would not stop us reading
    assert main(["ingest", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["ingest failed, nothing published: locked.csv: unreadable: Permission denied"]
    assert store.current_version().id == before.id


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_fails_the_run(published, tmp_path, capsys):
    path = extracts.write_csv(tmp_path / "locked.csv", extracts.DEPARTURE_HEADER, [corpus.dep("D99")])
    path.chmod(0)
    assert main(["ingest", str(path)]) == 2
    assert "locked.csv: unreadable" in capsys.readouterr().err


def test_disk_full_while_writing_the_version_keeps_the_current_one(published, tmp_path, monkeypatch, capsys):
    from pantau import ingest as ingest_module

    before = store.current_version()

    def full_disk(self, staging):
        (staging / "registrations.parquet").write_bytes(b"PAR1 half a file")
        raise duckdb.IOException('Could not write file "registrations.parquet": No space left on device')

    monkeypatch.setattr(ingest_module._Run, "write_version", full_disk)
    more = extracts.write_csv(tmp_path / "more.csv", extracts.DEPARTURE_HEADER, [corpus.dep("D99")])
    assert main(["ingest", str(more)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "disk full" in err[0] and f"version {before.id} stays current" in err[0]
    assert store.current_version().id == before.id
    assert not list(before.path.parent.parent.glob(store.STAGING_PREFIX + "*"))


def test_progress_is_printed_at_most_once_a_second():
    clock = iter([0.0, 0.5, 0.9, 1.2, 1.7, 2.1, 2.2])  # the first reading starts the clock
    out = io.StringIO()
    line = ProgressLine(out=out, clock=lambda: next(clock))
    for rows in (100, 200, 300, 400, 500, 600):
        line(Progress("dep.csv", rows, rows * 10, 10_000, rows / 100))
    printed = out.getvalue().splitlines()
    assert [p.split(":")[1].split(" rows")[0].strip() for p in printed] == ["300", "600"]
    assert printed[0] == "dep.csv: 300 rows read, 100 rows/s, 30%, ETA 0:00:07"


def test_progress_eta_from_bytes():
    p = Progress("f", rows_read=1000, bytes_done=25, bytes_total=100, seconds=10.0)
    assert (p.rows_per_second, p.eta_seconds) == (100.0, 30.0)


def test_cli_progress_goes_to_stderr_never_stdout(data_dir, extract_files, capsys):
    assert main(["ingest", "--progress", *map(str, extract_files)]) == 1  # D01 twice: one duplicate
    captured = capsys.readouterr()
    assert "rows read" not in captured.out and "rows/s" not in captured.out
    lines = captured.err.splitlines()
    # Reading lines appear only if reading took over a second; the summary and phases always do.
    summary = [i for i, line in enumerate(lines) if line.startswith("read 26 rows in")]  # 7 + 12 + 7 rows
    phases = [line.split("...")[0] for line in lines[summary[0] + 1:]]
    assert phases == ["checking duplicates and merging", "linking", "writing the new version"]


def test_xlsx_with_inline_strings_reads_like_shared_strings(data_dir, tmp_path):
    """openpyxl's write-only mode (and some exporters) store text in the cell, not in sharedStrings.xml."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(extracts.DEPARTURE_HEADER)
    for row in extracts.departures():
        ws.append(row)
    path = tmp_path / "inline.xlsx"
    wb.save(path)
    shared = extracts.write_csv(tmp_path / "same.csv", extracts.DEPARTURE_HEADER, extracts.departures())
    inline_rows = [r for b in readers.open_extract(path).batches() for r in b.to_pylist()]
    csv_rows = [r for b in readers.open_extract(shared).batches() for r in b.to_pylist()]
    assert [{**r, "_sheet": None} for r in inline_rows] == csv_rows


def test_a_real_ingest_without_the_secret_is_refused_with_a_clear_message(data_dir, extract_files, monkeypatch,
                                                                           tmp_path):
    monkeypatch.delenv("PANTAU_SECRET")
    monkeypatch.delenv("PANTAU_SECRET_FILE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))  # no ~/.streamlit/secrets.toml of the machine's user
    result = subprocess.run([sys.executable, "-m", "pantau", "ingest", *map(str, extract_files)],
                            capture_output=True, text=True, cwd=REPO, env={**os.environ})
    assert result.returncode == 2
    last_line = result.stderr.strip().splitlines()[-1]
    assert last_line.startswith("ingest failed, nothing published: PANTAU_SECRET is not set: real extracts")
    assert "Traceback" not in result.stderr
    assert store.current_version() is None
    assert not (data_dir / "secret.key").exists()
    # The demo still makes its own local secret.
    result = subprocess.run([sys.executable, "-m", "pantau", "demo", "--years", "1", "--scale", "0.001"],
                            capture_output=True, text=True, cwd=REPO, env={**os.environ})
    assert result.returncode == 0, result.stderr
    assert (data_dir / "secret.key").exists()
