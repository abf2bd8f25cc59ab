"""Files in -> validated, pseudonymised, linked, published dataset version; quarantine out.

A run publishes all of its valid rows in one new version or nothing at all. Rows that fail
validation are written to a quarantine file with their reason and a masked NIK. New rows are
merged with the current version by record id (the newer extract wins), so monthly extracts
append and re-ingesting a file changes nothing.

Files stream through in batches (pantau/readers.py) into a DuckDB database with a memory
limit, so a file larger than memory is validated, pseudonymised and linked by spilling to disk
rather than by growing. The spill folder lives in the warehouse under the staging prefix:
whatever a killed run leaves there is swept by the next run (pantau/store.py).
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import re
import secrets
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from pantau import rollups, sql, store
from pantau.paths import quarantine_dir, warehouse_dir
from pantau.pseudonym import SecretMissing, fingerprint, load_secret
from pantau.readers import (
    MALFORMED,
    NIK_NUMERIC,
    READ_FAILURES,
    ROW,
    SHEET,
    ExactReadingNeeded,
    ExtractFile,
    ReadError,
    open_extract,
    read_failure,
)
from pantau.schema import DERIVED, EXTRACTS, NIK, REGENCY, Extract
from pantau.validate import (
    INPUT_PREFIX,
    NIK_BIRTH_MISMATCH,
    NIK_REGION_MISMATCH,
    ORDER,
    REASON,
    RETIRED_CODE,
    SOURCE,
    load_macros,
    load_reference,
    quarantine_text,
    validation_sql,
)

DUPLICATE_ID = "duplicate_id"
# The merged records of each kind, as the linkage SQL (queries/publish/) names them.
RECORD_TABLES = {"registrations": "reg_records", "departures": "dep_records", "cases": "case_records"}
# How each published table is ordered: by period first, so date filters skip whole row groups.
PUBLISHED_ORDER = {
    "registrations": "registered_on, registration_id",
    "departures": "examined_at, departure_id",
    "cases": "reported_on, case_id",
}
# DuckDB's memory for one run; beyond it, the working database spills to disk.
MEMORY_ENV = "PANTAU_INGEST_MEMORY"
DEFAULT_MEMORY = "1GB"
WORK_SUFFIX = "-work"


class IngestError(Exception):
    """A run that publishes nothing (unreadable file, secret mismatch, disk full); the message says why.

    A message about one file starts with the file's name: "<file>: <reason code>: <detail>".
    """


@dataclass
class FileReport:
    file: str
    kind: str
    sha256: str
    rows_read: int = 0
    rows_published: int = 0
    rows_quarantined: int = 0
    reasons: Counter = field(default_factory=Counter)
    warnings: Counter = field(default_factory=Counter)
    dropped_columns: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # the XLSX sheets read

    def as_dict(self) -> dict:
        return {
            "file": self.file,
            "kind": self.kind,
            "sha256": self.sha256,
            "rows_read": self.rows_read,
            "rows_published": self.rows_published,
            "rows_quarantined": self.rows_quarantined,
            "quarantine_reasons": dict(sorted(self.reasons.items())),
            "warnings": dict(sorted(self.warnings.items())),
            "dropped_columns": self.dropped_columns,
            "sheets": self.sheets,
        }


@dataclass
class IngestReport:
    files: list[FileReport]
    version: str | None  # the version serving after the run
    published_new_version: bool
    changes: dict[str, dict[str, int]]  # kind -> new/updated/unchanged
    tables: dict[str, int]
    quarantine_file: Path | None

    @property
    def rows_quarantined(self) -> int:
        return sum(f.rows_quarantined for f in self.files)


@dataclass(frozen=True)
class Progress:
    """How far a run has got: what a terminal progress line shows.

    While files are read (phase READING) it comes after every batch; each later phase (checking,
    linking, writing) announces itself once, since it has no rows to count.
    """

    file: str
    rows_read: int
    bytes_done: int
    bytes_total: int
    seconds: float
    phase: str = "reading"

    @property
    def rows_per_second(self) -> float:
        return self.rows_read / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        """Time left at the pace so far, by bytes (rows per file are unknown until read)."""
        if self.bytes_done <= 0 or self.seconds <= 0:
            return None
        return self.seconds * max(0, self.bytes_total - self.bytes_done) / self.bytes_done


def record_columns(extract: Extract) -> list[tuple[str, str]]:
    """Published record columns and how each is made from a valid checked row (c).

    The contract without nik; person_key in its place (HMAC of the NIK, queries/ingest/macros.sql,
    with the secret's pads bound as $ipad and $opad); a province code beside each regency code;
    rule-based columns (schema.DERIVED) settled here once.
    """
    derived = DERIVED.get(extract.kind, {})
    columns = []
    for column in extract.columns:
        name = column.name
        if column.kind == NIK:
            columns.append(("person_key", f"person_key(c.{_quote(name)}, $ipad, $opad)"))
        elif name in derived:
            columns.append((name, f"({derived[name]})"))
        else:
            columns.append((name, f"c.{_quote(name)}"))
        if column.kind == REGENCY:
            columns.append((name.replace("regency", "province"), f"substr(c.{_quote(name)}, 1, 2)"))
    return columns


def base_columns(extract: Extract) -> list[str]:
    return [name for name, _ in record_columns(extract)]


def hmac_pads(secret: bytes) -> dict[str, bytes]:
    """The secret's inner and outer HMAC-SHA256 pads (RFC 2104), for the person_key SQL macro.

    person_key(nik) = SHA256(opad || SHA256(ipad || nik)) is HMAC-SHA256(secret, nik), the same
    key pantau.pseudonym.person_keys gives, computed where the rows are instead of in Python.
    """
    key = hashlib.sha256(secret).digest() if len(secret) > 64 else secret
    key = key.ljust(64, b"\0")
    return {"ipad": bytes(b ^ 0x36 for b in key), "opad": bytes(b ^ 0x5C for b in key)}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _errno(error: BaseException) -> int | None:
    """The OS error number of a failed write, also when DuckDB reports it inside its message."""
    if isinstance(getattr(error, "errno", None), int):
        return error.errno
    found = re.search(r'"errno":\s*"?(\d+)', str(error))
    return int(found[1]) if found else None


def _disk_full(error: BaseException) -> bool:
    # DuckDB says "failed to offload data block" when a spill finds no room in its temp folder.
    text = str(error)
    return _errno(error) == errno.ENOSPC or "No space left on device" in text or "failed to offload" in text


def _write_failure(error: BaseException, memory: str) -> str | None:
    """Why the disk or memory refused the run, in a few words; None for any other error (a bug)."""
    if _disk_full(error):
        return "disk full: no space left"
    if isinstance(error, duckdb.OutOfMemoryException):
        return f"out of memory: the run needs more than {memory} (set {MEMORY_ENV} higher)"
    if isinstance(error, duckdb.IOException | OSError):
        code = _errno(error)
        return f"cannot write: {os.strerror(code) if code else 'input/output error'}"
    return None


class _Run:
    """One ingest run's working state in DuckDB, spilling to `work` (see the module docstring)."""

    def __init__(self, today: dt.date, work: Path, memory: str,
                 progress: Callable[[Progress], None] | None = None):
        work.mkdir(parents=True)
        # In memory up to memory_limit; past it DuckDB writes blocks to temp_directory and reads
        # them back, so the run's size is bounded by the disk, not by RAM.
        self.con = duckdb.connect(
            config={
                "memory_limit": memory,
                "temp_directory": str(work / "spill"),
                # Row order is set where it matters (ORDER BY); not keeping it lets big
                # statements stream instead of buffering.
                "preserve_insertion_order": False,
            },
        )
        # The terminal progress bar would interleave with our own report.
        self.con.execute("SET enable_progress_bar = false")
        load_macros(self.con)
        load_reference(self.con)
        self.today = today
        self.reports: list[FileReport] = []
        self.next_order = 0
        self.progress = progress
        self.started = time.perf_counter()
        self.bytes_total = 0
        self.bytes_done = 0  # of files already read
        self.rows_read = 0
        for extract in EXTRACTS.values():
            self._create_checked(extract)

    def close(self) -> None:
        self.con.close()

    def _create_checked(self, extract: Extract) -> None:
        """An empty checked_<kind> table with the columns validation_sql gives."""
        columns = {INPUT_PREFIX + name: pa.array([], pa.string()) for name in extract.names}
        empty = pa.table({
            **columns,
            ROW: pa.array([], pa.int64()), SOURCE: pa.array([], pa.int32()), ORDER: pa.array([], pa.int64()),
            SHEET: pa.array([], pa.string()), MALFORMED: pa.array([], pa.string()),
            NIK_NUMERIC: pa.array([], pa.bool_()),
        })
        self._validate_into(extract, empty, f"CREATE TABLE checked_{extract.kind} AS")

    def _validate_into(self, extract: Extract, raw: pa.Table, verb: str) -> None:
        query = validation_sql(extract)
        self.con.register("raw", raw)
        try:
            self.con.execute(f"{verb} {query}", sql.bind(query, {"today": self.today}))
        finally:
            self.con.unregister("raw")

    def check_file(self, path: Path, kind: str | None, ordinal: int) -> None:
        """Read one file into checked_<kind>; a file that cannot be read stops the run."""
        try:
            extract_file = open_extract(path, kind)
        except ReadError as e:
            raise IngestError(f"{path.name}: {e}") from e
        report = FileReport(
            file=path.name, kind=extract_file.kind, sha256=extract_file.sha256,
            dropped_columns=extract_file.dropped_columns, sheets=extract_file.sheets,
        )
        self.reports.append(report)
        extract = EXTRACTS[extract_file.kind]
        try:
            try:
                self._insert(extract, extract_file, extract_file.batches(), ordinal, report)
            except ExactReadingNeeded:
                # The fast reader stopped at a row it could not number: start the file again exactly.
                self.con.execute(f"DELETE FROM checked_{extract.kind} WHERE {SOURCE} = ?", [ordinal])
                self.rows_read -= report.rows_read
                report.rows_read = 0
                self._insert(extract, extract_file, extract_file.batches(exact=True), ordinal, report)
        except READ_FAILURES as e:
            if _disk_full(e):
                raise
            raise IngestError(f"{path.name}: {read_failure(e)}") from e
        self.bytes_done += extract_file.size
        self._report_progress(path.name, extract_file, force=True)

    def _insert(self, extract: Extract, extract_file: ExtractFile, batches: Iterator[pa.Table], ordinal: int,
                report: FileReport) -> None:
        verb = f"INSERT INTO checked_{extract.kind}"
        for batch in batches:
            n = batch.num_rows
            raw = batch.rename_columns(
                [INPUT_PREFIX + name if name in extract.names else name for name in batch.column_names]
            )
            raw = raw.append_column(SOURCE, pa.array([ordinal] * n, pa.int32()))
            raw = raw.append_column(ORDER, pa.array(range(self.next_order, self.next_order + n), pa.int64()))
            self.next_order += n
            self._validate_into(extract, raw, verb)
            report.rows_read += n
            self.rows_read += n
            self._report_progress(report.file, extract_file)

    def _report_progress(self, name: str, extract_file: ExtractFile, force: bool = False) -> None:
        if self.progress is None:
            return
        done = self.bytes_done if force else self.bytes_done + extract_file.bytes_read
        self.progress(Progress(name, self.rows_read, done, self.bytes_total, time.perf_counter() - self.started))

    def announce(self, phase: str) -> None:
        """A phase after reading begins (it has no rows to count, so it is reported once)."""
        if self.progress is not None:
            self.progress(Progress("", self.rows_read, self.bytes_total, self.bytes_total,
                                   time.perf_counter() - self.started, phase))

    def dedupe(self, extract: Extract) -> None:
        """Mark valid rows superseded by a later row with the same id (later file, later row).

        A GROUP BY rather than a window over all rows: DuckDB spills aggregates to disk.
        """
        idc = _quote(extract.id_column)
        self.con.execute(
            f"""
            UPDATE checked_{extract.kind} SET {REASON} = '{DUPLICATE_ID}'
            WHERE {REASON} IS NULL AND {ORDER} NOT IN (
                SELECT max({ORDER}) FROM checked_{extract.kind} WHERE {REASON} IS NULL GROUP BY {idc})
            """
        )

    def pseudonymise(self, extract: Extract, secret: bytes) -> None:
        select = ", ".join(f"{expr} AS {_quote(name)}" for name, expr in record_columns(extract))
        self.con.execute(
            f"CREATE TABLE new_{extract.kind} AS SELECT {select} FROM checked_{extract.kind} AS c "
            f"WHERE c.{REASON} IS NULL",
            hmac_pads(secret),
        )

    def merge(self, extract: Extract, current: store.Version | None) -> dict[str, int]:
        """The record table (RECORD_TABLES) = current records replaced/extended by new ones."""
        kind, idc = extract.kind, _quote(extract.id_column)
        columns = ", ".join(_quote(c) for c in base_columns(extract))
        if current is None:
            self.con.execute(f"CREATE VIEW old_{kind} AS SELECT {columns} FROM new_{kind} LIMIT 0")
        else:
            # A view, not a copy: the published records are read where they lie. The path is the
            # warehouse's own (views cannot take parameters), never anything from an input file.
            path = _literal(str(current.table_path(kind)))
            self.con.execute(f"CREATE VIEW old_{kind} AS SELECT {columns} FROM read_parquet({path})")
        new, unchanged = self.con.execute(
            f"""
            SELECT count(*) FILTER (WHERE o.{idc} IS NULL),
                   count(*) FILTER (WHERE o.{idc} IS NOT NULL
                                    AND n IS NOT DISTINCT FROM o)
            FROM new_{kind} AS n LEFT JOIN old_{kind} AS o USING ({idc})
            """
        ).fetchall()[0]
        total_new = self.con.execute(f"SELECT count(*) FROM new_{kind}").fetchall()[0][0]
        self.con.execute(
            f"""
            CREATE TABLE {RECORD_TABLES[kind]} AS
            SELECT * FROM old_{kind} WHERE {idc} NOT IN (SELECT {idc} FROM new_{kind})
            UNION ALL BY NAME
            SELECT * FROM new_{kind}
            """
        )
        return {"new": new, "updated": total_new - new - unchanged, "unchanged": unchanged}

    def tally(self, extract: Extract) -> None:
        rows = self.con.execute(
            f"""
            SELECT {SOURCE}, {REASON}, count(*),
                   count(*) FILTER (WHERE {NIK_REGION_MISMATCH} AND {REASON} IS NULL),
                   count(*) FILTER (WHERE {NIK_BIRTH_MISMATCH} AND {REASON} IS NULL),
                   count(*) FILTER (WHERE {RETIRED_CODE} AND {REASON} IS NULL)
            FROM checked_{extract.kind} GROUP BY ALL
            """
        ).fetchall()
        for ordinal, reason, n, region_mismatch, birth_mismatch, retired in rows:
            report = self.reports[ordinal]
            if reason is None:
                report.rows_published += n
            else:
                report.rows_quarantined += n
                report.reasons[reason] += n
            for warning, count in (("nik_region_mismatch", region_mismatch), ("nik_birth_mismatch", birth_mismatch),
                                   ("retired_regency_code", retired)):
                if count:
                    report.warnings[warning] += count

    def write_quarantine(self, kinds: list[str], folder: Path) -> Path | None:
        """One CSV per kind of the rows not published: file, row, reason, input text (NIK masked).

        A malformed row has no columns, only its text (`row_text`, digit runs masked); `sheet`
        names the XLSX sheet a row comes from.
        """
        files = pa.table(
            {SOURCE: pa.array(range(len(self.reports)), pa.int32()), "source_file": [r.file for r in self.reports]}
        )
        self.con.register("files", files)
        written = None
        try:
            for kind in kinds:
                extract = EXTRACTS[kind]
                count = self.con.execute(
                    f"SELECT count(*) FROM checked_{kind} WHERE {REASON} IS NOT NULL").fetchall()[0][0]
                if not count:
                    continue
                folder.mkdir(parents=True, exist_ok=True)
                raw = ", ".join(f"{quarantine_text(c, 'c')} AS {_quote(c.name)}" for c in extract.columns)
                self.con.execute(
                    f"""
                    COPY (
                        SELECT f.source_file, c.{ROW} AS row_number, c.{REASON} AS reason, {raw},
                               c.{SHEET} AS sheet, c.{MALFORMED} AS row_text
                        FROM checked_{kind} AS c JOIN files AS f USING ({SOURCE})
                        WHERE c.{REASON} IS NOT NULL
                        ORDER BY c.{ORDER}
                    ) TO $path (HEADER, DELIMITER ',')
                    """,
                    {"path": str(folder / f"{kind}.csv")},
                )
                written = folder
        finally:
            self.con.unregister("files")
        return written

    def link(self) -> None:
        """Linkage over the merged records (queries/publish/*.sql)."""
        self.con.execute(f"CREATE TABLE linked_departures AS {sql.load('publish/link_departures')}")
        self.con.execute(f"CREATE TABLE linked_cases AS {sql.load('publish/link_cases')}")

    def write_version(self, staging: Path) -> dict[str, int]:
        tables = {"registrations": "reg_records", "departures": "linked_departures", "cases": "linked_cases"}
        counts = {}
        for table, source in tables.items():
            self.con.execute(
                f"COPY (SELECT * FROM {source} ORDER BY {PUBLISHED_ORDER[table]}) TO $path "
                "(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 500000)",
                {"path": str(staging / f"{table}.parquet")},
            )
            counts[table] = self.con.execute(f"SELECT count(*) FROM {source}").fetchall()[0][0]
        return counts

    def linkage_rates(self) -> dict[str, float | None]:
        labour, linked = self.con.execute(
            "SELECT count(*) FILTER (WHERE is_labour),"
            " count(*) FILTER (WHERE departure_class = 'procedural') FROM linked_departures"
        ).fetchall()[0]
        cases, cases_linked = self.con.execute(
            "SELECT count(*), count(*) FILTER (WHERE mode_source = 'linked') FROM linked_cases"
        ).fetchall()[0]
        return {
            "labour_departures_linked_to_registration": round(linked / labour, 4) if labour else None,
            "cases_linked_to_departure": round(cases_linked / cases, 4) if cases else None,
        }


def new_version_id(now: dt.datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # open_extract says why, in order


def ingest(
    paths: list[Path],
    kind: str | None = None,
    *,
    demo: bool = False,
    today: dt.date | None = None,
    check_only: bool = False,
    quarantine_to: Path | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Validate, pseudonymise, merge, link and publish; see the module docstring.

    A demo run replaces whatever is published; a real run appends to the current version
    unless that version is demo data, which real data never mixes with.
    `check_only` stops before publishing: the report (counts, reasons, changes against the
    current version) and the quarantine file are what a publish of the same files would give.
    `quarantine_to` puts the quarantine CSVs in that folder instead of quarantine/<version>.
    `progress` is called after each batch read (and once per file) with how far reading has got.
    A full disk (or a write the file system refuses, or memory DuckDB cannot spill) ends the
    run with a one-line IngestError ("disk full: ..."); nothing is published and the staging and
    working folders are removed.
    """
    now = dt.datetime.now()
    today = today or now.date()
    try:
        secret = load_secret(demo)
    except SecretMissing as e:
        raise IngestError(str(e)) from None
    key_id = fingerprint(secret)
    with store.publish_lock():
        current = store.current_version()
        if current is not None and current.manifest.get("key_fingerprint") != key_id and not (demo or current.demo):
            raise IngestError(
                "the NIK secret differs from the one the current version was keyed with; "
                "set PANTAU_SECRET to the same secret (linkage would silently break otherwise)"
            )
        base = None if (demo or current is None or current.demo) else current
        version_id = new_version_id(now)
        work = warehouse_dir() / f"{store.STAGING_PREFIX}{version_id}{WORK_SUFFIX}"
        quarantine_folder = quarantine_to or quarantine_dir() / version_id
        staging: Path | None = None
        run: _Run | None = None
        published = False
        memory = os.environ.get(MEMORY_ENV) or DEFAULT_MEMORY
        try:
            run = _Run(today, work, memory, progress)
            run.bytes_total = sum(_file_size(Path(p)) for p in paths)
            for ordinal, path in enumerate(paths):
                run.check_file(Path(path), kind, ordinal)
            changes: dict[str, dict[str, int]] = {}
            run.announce("checking duplicates and merging")
            for extract in EXTRACTS.values():
                run.dedupe(extract)
                run.tally(extract)
                run.pseudonymise(extract, secret)
                changes[extract.kind] = run.merge(extract, base)
            quarantine = run.write_quarantine(list(EXTRACTS), quarantine_folder)
            changed = base is None or any(c["new"] or c["updated"] for c in changes.values())
            if check_only or not changed:
                return IngestReport(run.reports, current.id if current else None, False, changes, {}, quarantine)
            run.announce("linking")
            run.link()
            run.announce("writing the new version")
            staging = store.staging_dir(version_id)
            tables = run.write_version(staging)
            rollup_rows = rollups.write(run.con, staging)
            manifest = {
                "version": version_id,
                "created_at": now.isoformat(timespec="seconds"),
                "parent": base.id if base else None,
                "demo": demo,
                "key_fingerprint": key_id,
                "sources": (base.manifest["sources"] if base else []) + [r.as_dict() for r in run.reports],
                "changes": changes,
                "tables": {t: {"rows": n} for t, n in tables.items()},
                "rollups": {name: {"rows": n} for name, n in rollup_rows.items()},
                "linkage": run.linkage_rates(),
            }
            run.close()
            version = store.publish(staging, manifest)
            published = True
            return IngestReport(run.reports, version.id, True, changes, tables, quarantine)
        except (duckdb.IOException, duckdb.OutOfMemoryException, OSError) as e:
            reason = _write_failure(e, memory)
            if reason is None:
                raise
            if quarantine_to is None:
                shutil.rmtree(quarantine_folder, ignore_errors=True)
            serving = current.id if current else "none"
            raise IngestError(
                f"{reason} (working under {warehouse_dir().parent}); nothing published, "
                f"version {serving} stays current"
            ) from e
        finally:
            if run is not None:
                run.close()
            shutil.rmtree(work, ignore_errors=True)
            if staging is not None and not published:
                shutil.rmtree(staging, ignore_errors=True)
