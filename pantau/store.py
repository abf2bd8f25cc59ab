"""Published dataset versions, the current-version pointer, and DuckDB connections.

Layout under the data folder:

    warehouse/versions/<id>/{registrations,departures,cases}.parquet + rollups.duckdb + manifest.json
    warehouse/CURRENT          the id of the version queries read
    warehouse/.staging-<id>/   a version being written (never read; removed if left behind)

A version is moved into versions/ only when complete and checked, and CURRENT is replaced
atomically afterwards, so a reader sees the old version or the new one, never half of one.
With PANTAU_DATA=s3://..., this layout is a replica's local copy, kept in step by pantau/remote.py.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from pantau import rollups, sql
from pantau.paths import REFERENCE_DIR, remote_data, warehouse_dir

POINTER = "CURRENT"
VERSIONS = "versions"
STAGING_PREFIX = ".staging-"
MANIFEST = "manifest.json"
TABLES = ("registrations", "departures", "cases")


class PublishError(Exception):
    """A version failed its checks; the current version stays in place."""


@dataclass(frozen=True)
class Version:
    id: str
    path: Path
    manifest: dict

    @property
    def demo(self) -> bool:
        return bool(self.manifest.get("demo"))

    def table_path(self, table: str) -> Path:
        return self.path / f"{table}.parquet"


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_version() -> Version | None:
    if remote_data() is not None:
        from pantau import remote  # a replica: bring the bucket's current version into the local cache

        remote.sync()
    pointer = warehouse_dir() / POINTER
    try:
        version_id = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    path = warehouse_dir() / VERSIONS / version_id
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    return Version(id=version_id, path=path, manifest=manifest)


@contextmanager
def publish_lock() -> Iterator[None]:
    """One publisher at a time; stale staging folders of killed runs are cleared under it."""
    if (url := remote_data()) is not None:
        from pantau.remote import read_only_message

        raise PublishError(read_only_message(url))
    root = warehouse_dir()
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for stale in root.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        yield


def staging_dir(version_id: str) -> Path:
    path = warehouse_dir() / f"{STAGING_PREFIX}{version_id}"
    path.mkdir(parents=True)
    return path


def _check(staging: Path, manifest: dict) -> None:
    for table in TABLES:
        path = staging / f"{table}.parquet"
        if not path.is_file():
            raise PublishError(f"{table}.parquet missing")
        rows = pq.ParquetFile(path).metadata.num_rows
        expected = manifest["tables"][table]["rows"]
        if rows != expected:
            raise PublishError(f"{table}: {rows} rows written, {expected} expected")
    if "rollups" in manifest:
        written = rollups.counts(staging / rollups.FILE) if (staging / rollups.FILE).is_file() else {}
        expected = {name: rollup["rows"] for name, rollup in manifest["rollups"].items()}
        if written != expected:
            raise PublishError(f"rollups: {written} rows written, {expected} expected")


def publish(staging: Path, manifest: dict) -> Version:
    """Check a staged version, move it into place and point CURRENT at it."""
    _check(staging, manifest)
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    for path in staging.iterdir():
        _fsync(path)
    versions = warehouse_dir() / VERSIONS
    versions.mkdir(exist_ok=True)
    final = versions / manifest["version"]
    staging.rename(final)
    _fsync(versions)
    pointer_tmp = warehouse_dir() / f"{POINTER}.tmp"
    pointer_tmp.write_text(manifest["version"], encoding="utf-8")
    _fsync(pointer_tmp)
    os.replace(pointer_tmp, warehouse_dir() / POINTER)
    _fsync(warehouse_dir())
    return Version(id=manifest["version"], path=final, manifest=manifest)


def _search_path(version: Version) -> str:
    return f"{version.path},{REFERENCE_DIR}"


def connect(version: Version) -> duckdb.DuckDBPyConnection:
    """A read-only connection whose views (queries/views.sql) read this version.

    The views are built in a throw-away catalog file, then the catalog is reopened read-only:
    the SQL always matches the code, and nothing a query does can write anywhere.
    """
    catalog = Path(tempfile.mkdtemp(prefix="pantau-catalog-")) / "catalog.duckdb"
    config = {"file_search_path": _search_path(version)}
    with duckdb.connect(catalog, config=config) as con:
        rollups.define_sources(con, version.path)
        con.execute(sql.load("views"))
    con = duckdb.connect(catalog, read_only=True, config=config)
    rollups.attach(con, version.path)
    return con


_lock = threading.Lock()
_connection: tuple[str, duckdb.DuckDBPyConnection] | None = None


def connection() -> tuple[Version, duckdb.DuckDBPyConnection]:
    """The process's one connection, reopened when CURRENT moves to another version.

    Callers take a cursor() per query: DuckDB connections are not shared across threads.
    """
    global _connection
    version = current_version()
    if version is None:
        raise LookupError("no dataset published yet")
    with _lock:
        if _connection is None or _connection[0] != version.id:
            _connection = (version.id, connect(version))
        return version, _connection[1]
