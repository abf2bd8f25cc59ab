"""The malformed-file corpus (tests/corpus.py): exact counts, reasons, warnings and values for each case."""

from __future__ import annotations

import csv
import os
import re

import duckdb
import pytest
from corpus import CASES, TODAY, Case, Expected, PersonKey, case

from pantau import store
from pantau.cli import main
from pantau.ingest import ingest
from pantau.pseudonym import person_keys
from pantau.schema import EXTRACTS

ERROR_CASES = [c for c in CASES if c.error]
READ_CASES = [c for c in CASES if not c.error]
_SIXTEEN_DIGITS = re.compile(r"(?<!\d)\d{16}(?!\d)")


def _folder(tmp_path, name):
    folder = tmp_path / name
    folder.mkdir()
    return folder


def _published(table: str, record_id: str, column: str) -> object:
    version = store.current_version()
    id_column = EXTRACTS[table].id_column
    rows = duckdb.execute(
        f'SELECT "{column}" FROM read_parquet($path) WHERE "{id_column}" = $id',
        {"path": str(version.table_path(table)), "id": record_id},
    ).fetchall()
    assert len(rows) == 1, (table, record_id, rows)
    return rows[0][0]


def _quarantine_rows(report) -> list[dict[str, str]]:
    rows = []
    if report.quarantine_file is None:
        return rows
    for kind in EXTRACTS:
        path = report.quarantine_file / f"{kind}.csv"
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as f:
                rows += list(csv.DictReader(f))
    return rows


def test_the_corpus_has_at_least_30_cases_with_distinct_names():
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", READ_CASES, ids=lambda c: c.name)
def test_case_counts_reasons_and_values(case: Case, data_dir, tmp_path):
    if case.before:
        ingest(case.before(_folder(tmp_path, "before")), today=TODAY)
    paths = case.write(_folder(tmp_path, "case"))

    report = ingest(paths, case.kind, today=TODAY)

    got = [Expected(f.rows_read, f.rows_published, f.rows_quarantined, dict(f.reasons), dict(f.warnings))
           for f in report.files]
    assert got == list(case.files)
    if case.changes is not None:
        assert report.changes["departures"] == case.changes
    # The manifest accounts for every row read, file by file.
    sources = store.current_version().manifest["sources"][-len(paths):]
    assert [s["file"] for s in sources] == [p.name for p in paths]
    for source, expected in zip(sources, case.files, strict=True):
        assert source["rows_read"] == source["rows_published"] + source["rows_quarantined"] == expected.read
    secret = os.environ["PANTAU_SECRET"].encode()
    for (table, record_id, column), value in case.values.items():
        if isinstance(value, PersonKey):
            value = person_keys(secret, [__import__("extracts").nik(value.person)])[0]
        assert _published(table, record_id, column) == value, (table, record_id, column)
    quarantined = _quarantine_rows(report)
    assert len(quarantined) == report.rows_quarantined
    if case.quarantined is not None:
        assert [(int(r["row_number"]), r["reason"]) for r in quarantined] == list(case.quarantined)


@pytest.mark.parametrize("case", READ_CASES, ids=lambda c: c.name)
def test_no_nik_in_the_quarantine_beyond_the_mask(case: Case, data_dir, tmp_path):
    report = ingest(case.write(_folder(tmp_path, "case")), case.kind, today=TODAY, check_only=True,
                    quarantine_to=tmp_path / "q")
    for row in _quarantine_rows(report):
        text = ",".join(v or "" for v in row.values())
        assert not _SIXTEEN_DIGITS.search(text.replace(" ", "").replace(".", "").replace("-", "")), text
        if row["reason"] == "malformed_row":
            assert row["row_text"] and "******" in row["row_text"]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda c: c.name)
def test_file_level_error_fails_the_run_with_one_line(case: Case, published, tmp_path, capsys):
    before = store.current_version()
    paths = case.write(_folder(tmp_path, "case"))
    args = ["ingest", *map(str, paths), *(["--kind", case.kind] if case.kind else [])]

    assert main(args) == 2

    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"{paths[0].name}: {case.error}" in err[0]
    assert store.current_version().id == before.id
    assert not list(before.path.parent.parent.glob(store.STAGING_PREFIX + "*"))


@pytest.mark.parametrize("name", ["xlsx_merged_cells", "cp1252", "wrong_field_counts", "nik_spaces_dots_dashes"])
def test_reingesting_a_messy_file_changes_nothing(name, data_dir, tmp_path):
    paths = case(name).write(_folder(tmp_path, "case"))
    first = ingest(paths, today=TODAY)
    again = ingest(paths, today=TODAY)
    assert first.published_new_version and not again.published_new_version
    assert store.current_version().id == first.version
    assert [f.rows_read for f in again.files] == [f.rows_read for f in first.files]
