"""Files in -> validated, pseudonymised, linked, published dataset version; quarantine out.

A run publishes all of its valid rows in one new version or nothing at all. Rows that fail
validation are written to a quarantine file with their reason and a masked NIK. New rows are
merged with the current version by record id (the newer extract wins), so monthly extracts
append and re-ingesting a file changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from pantau import sql, store
from pantau.paths import quarantine_dir
from pantau.pseudonym import fingerprint, load_secret, person_keys
from pantau.readers import ROW, ReadError, read_extract
from pantau.schema import DERIVED, EXTRACTS, NIK, REGENCY, Extract
from pantau.validate import (
    INPUT_PREFIX,
    NIK_BIRTH_MISMATCH,
    NIK_REGION_MISMATCH,
    RAW_PREFIX,
    REASON,
    SOURCE,
    code_params,
    load_macros,
    validation_sql,
)

DUPLICATE_ID = "duplicate_id"
# The merged records of each kind, as the linkage SQL (queries/publish/) names them.
RECORD_TABLES = {"registrations": "reg_records", "departures": "dep_records", "cases": "case_records"}


class IngestError(Exception):
    """A run that publishes nothing (unreadable file, secret mismatch); the message says why."""


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


def record_columns(extract: Extract) -> list[tuple[str, str]]:
    """Published record columns and how each is made from a valid checked row (c) and its key (k).

    The contract without nik; person_key in its place; a province code beside each regency code;
    rule-based columns (schema.DERIVED) settled here once.
    """
    derived = DERIVED.get(extract.kind, {})
    columns = []
    for column in extract.columns:
        name = column.name
        if column.kind == NIK:
            columns.append(("person_key", "k.person_key"))
        elif name in derived:
            columns.append((name, f"({derived[name]})"))
        else:
            columns.append((name, f"c.{_quote(name)}"))
        if column.kind == REGENCY:
            columns.append((name.replace("regency", "province"), f"substr(c.{_quote(name)}, 1, 2)"))
    return columns


def base_columns(extract: Extract) -> list[str]:
    return [name for name, _ in record_columns(extract)]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _Run:
    """One ingest run's working state in an in-memory DuckDB."""

    def __init__(self, today: dt.date):
        # The terminal progress bar would interleave with our own report.
        self.con = duckdb.connect()
        self.con.execute("SET enable_progress_bar = false")
        load_macros(self.con)
        self.today = today
        self.reports: list[FileReport] = []
        self.kinds: set[str] = set()  # kinds with a checked_<kind> table

    def check_file(self, path: Path, kind: str | None, ordinal: int) -> None:
        sha = _sha256(path)
        try:
            raw = read_extract(path, kind)
        except ReadError as e:
            raise IngestError(f"{path.name}: {e}") from e
        extract = EXTRACTS[raw.kind]
        report = FileReport(file=path.name, kind=raw.kind, sha256=sha, dropped_columns=raw.dropped_columns)
        report.rows_read = raw.table.num_rows
        self.reports.append(report)
        table = raw.table.append_column(SOURCE, pa.array([ordinal] * raw.table.num_rows, pa.int32()))
        self._validate_into(extract, table)

    def _validate_into(self, extract: Extract, table: pa.Table) -> None:
        """Append the validated rows of one file to checked_<kind>."""
        target = f"checked_{extract.kind}"
        query = validation_sql(extract)
        table = table.rename_columns(
            [name if name in (ROW, SOURCE) else INPUT_PREFIX + name for name in table.column_names]
        )
        verb = f"INSERT INTO {target}" if extract.kind in self.kinds else f"CREATE TABLE {target} AS"
        self.kinds.add(extract.kind)
        self.con.register("raw", table)
        try:
            self.con.execute(f"{verb} {query}", sql.bind(query, {"today": self.today, **code_params()}))
        finally:
            self.con.unregister("raw")

    def empty(self, extract: Extract) -> None:
        """A kind no file of this run holds: an empty checked table of the right shape."""
        columns = {name: pa.array([], pa.string()) for name in extract.names}
        self._validate_into(
            extract, pa.table({**columns, ROW: pa.array([], pa.int64()), SOURCE: pa.array([], pa.int32())})
        )

    def dedupe(self, extract: Extract) -> None:
        """Mark valid rows superseded by a later row with the same id (later file, later row)."""
        idc = _quote(extract.id_column)
        self.con.execute(
            f"""
            CREATE OR REPLACE TABLE checked_{extract.kind} AS
            SELECT * REPLACE (
                CASE WHEN {REASON} IS NULL AND row_number() OVER (
                         PARTITION BY ({REASON} IS NULL), {idc}
                         ORDER BY {SOURCE} DESC, {ROW} DESC) > 1
                     THEN '{DUPLICATE_ID}' ELSE {REASON} END AS {REASON})
            FROM checked_{extract.kind}
            """
        )

    def pseudonymise(self, extract: Extract, secret: bytes) -> None:
        kind = extract.kind
        niks = [
            r[0]
            for r in self.con.execute(
                f"SELECT DISTINCT nik FROM checked_{kind} WHERE {REASON} IS NULL AND nik IS NOT NULL"
            ).fetchall()
        ]
        keys = pa.table(
            {"nik": pa.array(niks, pa.string()), "person_key": pa.array(person_keys(secret, niks), pa.string())}
        )
        self.con.register("keys", keys)
        select = ", ".join(f"{expr} AS {_quote(name)}" for name, expr in record_columns(extract))
        self.con.execute(
            f"""
            CREATE TABLE new_{kind} AS
            SELECT {select}
            FROM checked_{kind} AS c LEFT JOIN keys AS k USING (nik)
            WHERE c.{REASON} IS NULL
            """
        )
        self.con.unregister("keys")

    def merge(self, extract: Extract, current: store.Version | None) -> dict[str, int]:
        """The record table (RECORD_TABLES) = current records replaced/extended by new ones."""
        kind, idc = extract.kind, _quote(extract.id_column)
        columns = ", ".join(_quote(c) for c in base_columns(extract))
        if current is None:
            self.con.execute(f"CREATE TABLE old_{kind} AS SELECT {columns} FROM new_{kind} LIMIT 0")
        else:
            self.con.execute(
                f"CREATE TABLE old_{kind} AS SELECT {columns} FROM read_parquet($path)",
                {"path": str(current.table_path(kind))},
            )
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
                   count(*) FILTER (WHERE {NIK_BIRTH_MISMATCH} AND {REASON} IS NULL)
            FROM checked_{extract.kind} GROUP BY ALL
            """
        ).fetchall()
        for ordinal, reason, n, region_mismatch, birth_mismatch in rows:
            report = self.reports[ordinal]
            if reason is None:
                report.rows_published += n
            else:
                report.rows_quarantined += n
                report.reasons[reason] += n
            if region_mismatch:
                report.warnings["nik_region_mismatch"] += region_mismatch
            if birth_mismatch:
                report.warnings["nik_birth_mismatch"] += birth_mismatch

    def write_quarantine(self, kinds: list[str], folder: Path) -> Path | None:
        """One CSV per kind of the rows not published: file, row, reason, input text (NIK masked)."""
        files = pa.table(
            {SOURCE: pa.array(range(len(self.reports)), pa.int32()), "source_file": [r.file for r in self.reports]}
        )
        self.con.register("files", files)
        written = None
        for kind in kinds:
            extract = EXTRACTS[kind]
            count = self.con.execute(f"SELECT count(*) FROM checked_{kind} WHERE {REASON} IS NOT NULL").fetchall()[0][0]
            if not count:
                continue
            folder.mkdir(parents=True, exist_ok=True)
            raw = ", ".join(f"c.{_quote(RAW_PREFIX + c.name)} AS {_quote(c.name)}" for c in extract.columns)
            self.con.execute(
                f"""
                COPY (
                    SELECT f.source_file, c.{ROW} AS row_number, c.{REASON} AS reason, {raw}
                    FROM checked_{kind} AS c JOIN files AS f USING ({SOURCE})
                    WHERE c.{REASON} IS NOT NULL
                    ORDER BY c.{SOURCE}, c.{ROW}
                ) TO $path (HEADER, DELIMITER ',')
                """,
                {"path": str(folder / f"{kind}.csv")},
            )
            written = folder
        self.con.unregister("files")
        return written

    def link(self) -> None:
        """Linkage over the merged records (queries/publish/*.sql)."""
        self.con.execute(f"CREATE TABLE linked_departures AS {sql.load('publish/link_departures')}")
        self.con.execute(f"CREATE TABLE linked_cases AS {sql.load('publish/link_cases')}")

    def write_version(self, staging: Path) -> dict[str, int]:
        tables = {
            "registrations": "SELECT * FROM reg_records ORDER BY registered_on, registration_id",
            "departures": "SELECT * FROM linked_departures",
            "cases": "SELECT * FROM linked_cases",
        }
        counts = {}
        for table, query in tables.items():
            self.con.execute(
                f"COPY ({query}) TO $path (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 500000)",
                {"path": str(staging / f"{table}.parquet")},
            )
            counts[table] = self.con.execute(f"SELECT count(*) FROM ({query})").fetchall()[0][0]
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


def ingest(
    paths: list[Path],
    kind: str | None = None,
    *,
    demo: bool = False,
    today: dt.date | None = None,
    check_only: bool = False,
    quarantine_to: Path | None = None,
) -> IngestReport:
    """Validate, pseudonymise, merge, link and publish; see the module docstring.

    A demo run replaces whatever is published; a real run appends to the current version
    unless that version is demo data, which real data never mixes with.
    `check_only` stops before publishing: the report (counts, reasons, changes against the
    current version) and the quarantine file are what a publish of the same files would give.
    `quarantine_to` puts the quarantine CSVs in that folder instead of quarantine/<version>.
    """
    now = dt.datetime.now()
    today = today or now.date()
    secret = load_secret()
    key_id = fingerprint(secret)
    with store.publish_lock():
        current = store.current_version()
        if current is not None and current.manifest.get("key_fingerprint") != key_id and not (demo or current.demo):
            raise IngestError(
                "the NIK secret differs from the one the current version was keyed with; "
                "set PANTAU_SECRET to the same secret (linkage would silently break otherwise)"
            )
        base = None if (demo or current is None or current.demo) else current
        run = _Run(today)
        for ordinal, path in enumerate(paths):
            run.check_file(Path(path), kind, ordinal)
        version_id = new_version_id(now)
        changes: dict[str, dict[str, int]] = {}
        for extract in EXTRACTS.values():
            if extract.kind not in run.kinds:
                run.empty(extract)
            run.dedupe(extract)
            run.tally(extract)
            run.pseudonymise(extract, secret)
            changes[extract.kind] = run.merge(extract, base)
        quarantine = run.write_quarantine(list(EXTRACTS), quarantine_to or quarantine_dir() / version_id)
        changed = base is None or any(c["new"] or c["updated"] for c in changes.values())
        if check_only or not changed:
            return IngestReport(run.reports, current.id if current else None, False, changes, {}, quarantine)
        run.link()
        staging = store.staging_dir(version_id)
        tables = run.write_version(staging)
        manifest = {
            "version": version_id,
            "created_at": now.isoformat(timespec="seconds"),
            "parent": base.id if base else None,
            "demo": demo,
            "key_fingerprint": key_id,
            "sources": (base.manifest["sources"] if base else []) + [r.as_dict() for r in run.reports],
            "changes": changes,
            "tables": {t: {"rows": n} for t, n in tables.items()},
            "linkage": run.linkage_rates(),
        }
        version = store.publish(staging, manifest)
        return IngestReport(run.reports, version.id, True, changes, tables, quarantine)
