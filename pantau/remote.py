"""The published dataset on S3-compatible object storage: `push` from the ingest host, `sync` on replicas.

Under s3://bucket/prefix the layout is the local one:

    warehouse/versions/<id>/...   a version's files, its manifest.json uploaded last
    warehouse/CURRENT             the version replicas serve, written after every file it names

A version counts as uploaded once its manifest is there, and CURRENT moves only after that, so a
replica never follows a pointer to half a version. A replica (PANTAU_DATA=s3://...) copies the
current version once into its local folder (paths.cache_dir) through a temporary folder renamed when
complete, points the local CURRENT at it and keeps the previous version beside it; everything else
then reads local files exactly as on the ingest host. The bucket is asked again at most every
PANTAU_S3_POLL seconds, in the background once the process has a version to serve, and if it cannot
be read the last good local copy keeps serving (with a warning in the server log).

pyarrow's S3 client is configured from the standard AWS_* variables only; the EC2 metadata service
is switched off, so nothing but the configured endpoint is ever contacted.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pyarrow import fs as pafs

from pantau import paths
from pantau.store import MANIFEST, POINTER, VERSIONS

log = logging.getLogger(__name__)

POLL_ENV = "PANTAU_S3_POLL"
DEFAULT_POLL_SECONDS = 30.0
DOWNLOAD_PREFIX = ".download-"
CHUNK = 8 << 20
VERSION_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class RemoteError(Exception):
    """The object store cannot give what was asked; the message is one line for the operator."""


def read_only_message(url: str) -> str:
    return (f"PANTAU_DATA is {url}: this server only reads the published dataset; "
            f"publish from the ingest host with `python -m pantau push {url}`")


@dataclass(frozen=True)
class Location:
    url: str
    bucket: str
    prefix: str

    def key(self, *parts: str) -> str:
        """A pyarrow path ("bucket/prefix/part/...") under the dataset."""
        return "/".join(p for p in (self.bucket, self.prefix, *parts) if p)


def parse(url: str) -> Location:
    bucket, _, prefix = url.removeprefix(paths.REMOTE_SCHEME).strip("/").partition("/")
    if not url.startswith(paths.REMOTE_SCHEME) or not bucket:
        raise RemoteError(f"not an object-store location: {url!r} (expected s3://bucket/prefix)")
    return Location(url.rstrip("/"), bucket, prefix.strip("/"))


def _endpoint() -> str:
    return os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL") or ""


def filesystem() -> pafs.S3FileSystem:
    """The S3 client for the current AWS_* environment (one per distinct setting)."""
    env = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION")
    return _filesystem(_endpoint(), *(os.environ.get(name) or None for name in env))


@functools.lru_cache(maxsize=4)
def _filesystem(endpoint: str, key: str | None, secret: str | None, token: str | None,
                region: str | None, default_region: str | None) -> pafs.S3FileSystem:
    # Without this the AWS SDK may ask 169.254.169.254 for credentials or the region.
    os.environ["AWS_EC2_METADATA_DISABLED"] = "true"
    options: dict = {"region": region or default_region or "us-east-1", "connect_timeout": 5,
                     "request_timeout": 60,
                     "retry_strategy": pafs.AwsStandardS3RetryStrategy(max_attempts=3)}
    if endpoint:
        parts = urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
        options.update(endpoint_override=parts.netloc, scheme=parts.scheme)
    if key and secret:
        options.update(access_key=key, secret_key=secret, session_token=token)
    return pafs.S3FileSystem(**options)


def describe(error: Exception, url: str) -> str:
    """One line for an object-store failure: what went wrong and what to check."""
    if isinstance(error, RemoteError):
        return str(error)
    text = str(error)
    where = _endpoint() or "AWS S3"
    if any(s in text for s in ("NETWORK_CONNECTION", "curlCode", "Could not connect", "Couldn't connect",
                               "timed out", "Timeout")):
        return f"cannot reach the object store at {where} for {url}: check AWS_ENDPOINT_URL and the network"
    if any(s in text for s in ("ACCESS_DENIED", "InvalidAccessKeyId", "SignatureDoesNotMatch", "Forbidden",
                               "INVALID_ACCESS_KEY", "SIGNATURE_DOES_NOT_MATCH")):
        return f"access to {url} denied at {where}: check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
    if "NO_SUCH_BUCKET" in text:
        return f"bucket {parse(url).bucket!r} does not exist at {where}"
    first = text.strip().splitlines()[0] if text.strip() else type(error).__name__
    return f"object store error for {url} at {where}: {first[:300]}"


def _read_pointer(s3: pafs.S3FileSystem, loc: Location, missing_ok: bool = False) -> str | None:
    """The version id in the bucket's CURRENT; None (if missing_ok) when the bucket has none."""
    try:
        with s3.open_input_stream(loc.key("warehouse", POINTER)) as f:
            version_id = f.read().decode("utf-8").strip()
    except FileNotFoundError:
        if s3.get_file_info(loc.bucket).type == pafs.FileType.NotFound:
            raise RemoteError(f"bucket {loc.bucket!r} does not exist at {_endpoint() or 'AWS S3'}") from None
        if missing_ok:
            return None
        raise RemoteError(f"nothing published at {loc.url} (no warehouse/{POINTER}): "
                          f"publish from the ingest host with `python -m pantau push {loc.url}`") from None
    if not VERSION_ID.fullmatch(version_id):
        raise RemoteError(f"{loc.url}/warehouse/{POINTER} does not hold a version id")
    return version_id


# --- the ingest host: push -------------------------------------------------------------------------


@dataclass
class PushReport:
    url: str
    current: str
    versions: list[str] = field(default_factory=list)  # uploaded by this push
    files: int = 0
    bytes: int = 0
    pointer_moved: bool = False


def _local_pointer(warehouse: Path) -> str | None:
    try:
        return (warehouse / POINTER).read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _upload_file(s3: pafs.S3FileSystem, source: Path, key: str) -> None:
    with source.open("rb") as src, s3.open_output_stream(key) as dst:
        shutil.copyfileobj(src, dst, CHUNK)


def push(url: str, warehouse: Path) -> PushReport:
    """Upload every local version the bucket lacks (files, then its manifest), then CURRENT last."""
    loc = parse(url)
    current = _local_pointer(warehouse)
    if current is None:
        raise RemoteError(f"nothing to push: no version published in {warehouse.parent}")
    local = sorted(p.name for p in (warehouse / VERSIONS).iterdir() if (p / MANIFEST).is_file())
    s3 = filesystem()
    try:
        remote_current = _read_pointer(s3, loc, missing_ok=True)
        if remote_current is not None and remote_current not in local:
            raise RemoteError(f"{url} serves version {remote_current}, which this host never published: "
                              "push to one dataset from one ingest host only")
        report = PushReport(url, current)
        for version_id in local:
            if s3.get_file_info(loc.key("warehouse", VERSIONS, version_id, MANIFEST)).type == pafs.FileType.File:
                continue  # complete remotely: a version never changes once published
            folder = warehouse / VERSIONS / version_id
            files = sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST)
            for path in [*files, folder / MANIFEST]:
                _upload_file(s3, path, loc.key("warehouse", VERSIONS, version_id, *path.relative_to(folder).parts))
                report.files += 1
                report.bytes += path.stat().st_size
            report.versions.append(version_id)
        if remote_current != current:
            with s3.open_output_stream(loc.key("warehouse", POINTER)) as f:
                f.write(current.encode("utf-8"))
            report.pointer_moved = True
        return report
    except OSError as e:
        raise RemoteError(describe(e, url)) from e


# --- replicas: sync --------------------------------------------------------------------------------

_lock = threading.Lock()
_checked: dict[str, float] = {}  # URL -> time.monotonic() of this process's last look at the bucket


def poll_seconds() -> float:
    value = os.environ.get(POLL_ENV) or str(DEFAULT_POLL_SECONDS)
    try:
        return max(0.0, float(value))
    except ValueError:
        raise RemoteError(f"{POLL_ENV} must be a number of seconds, not {value!r}") from None


def _servable(warehouse: Path) -> str | None:
    """The locally cached version CURRENT names, if its files are all there."""
    version_id = _local_pointer(warehouse)
    if version_id and (warehouse / VERSIONS / version_id / MANIFEST).is_file():
        return version_id
    return None


def sync() -> None:
    """Make the local cache hold the bucket's current version (called by store.current_version).

    The first look in a process waits for the bucket, and so does any look with nothing cached; later
    looks (at most every PANTAU_S3_POLL seconds) run in the background while the cached version serves.
    """
    url = paths.remote_data()
    if url is None:
        return
    warehouse = paths.warehouse_dir()
    serving = _servable(warehouse)
    last = _checked.get(url)
    if serving is not None and last is not None and time.monotonic() - last < poll_seconds():
        return
    if serving is None or last is None:
        with _lock:
            _checked[url] = time.monotonic()
            _refresh(url, warehouse)
    elif _lock.acquire(blocking=False):  # otherwise a refresh is already under way
        _checked[url] = time.monotonic()
        threading.Thread(target=_refresh_in_background, args=(url, warehouse), daemon=True,
                         name="pantau-s3-refresh").start()


def _refresh_in_background(url: str, warehouse: Path) -> None:
    try:
        _refresh(url, warehouse)
    except Exception:  # a background thread has no caller to tell: the server log does
        log.exception("refreshing the dataset from %s failed", url)
    finally:
        _lock.release()


def _refresh(url: str, warehouse: Path) -> None:
    """Copy the bucket's current version into the cache if missing and point the local CURRENT at it.

    When the bucket cannot be read, a cached version keeps serving; with none, RemoteError.
    """
    loc = parse(url)
    try:
        _prepare_cache(warehouse)
        s3 = filesystem()
        version_id = _read_pointer(s3, loc)
        if not (warehouse / VERSIONS / version_id / MANIFEST).is_file():
            _download(s3, loc, version_id, warehouse)
        previous = _local_pointer(warehouse)
        if previous != version_id:
            _write_local_pointer(warehouse, version_id)
            _prune(warehouse, keep={version_id, previous})
            log.info("now serving version %s from %s", version_id, url)
    except (RemoteError, OSError) as e:
        message = describe(e, url)
        if (serving := _servable(warehouse)) is None:
            raise RemoteError(message) from e
        log.warning("%s; serving the cached version %s", message, serving)


def _prepare_cache(warehouse: Path) -> None:
    """The cache folder, private to this user; a default one in the shared temp folder must be ours."""
    root = warehouse.parent.parent
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not os.environ.get(paths.CACHE_ENV):
        info = root.lstat()
        if root.is_symlink() or info.st_uid != os.getuid():
            raise RemoteError(f"cache folder {root} belongs to another user: set {paths.CACHE_ENV}")
    (warehouse / VERSIONS).mkdir(parents=True, exist_ok=True)


def _download(s3: pafs.S3FileSystem, loc: Location, version_id: str, warehouse: Path) -> None:
    source = loc.key("warehouse", VERSIONS, version_id)
    listing = {info.path[len(source) + 1:]: info.size
               for info in s3.get_file_info(pafs.FileSelector(source, recursive=True, allow_not_found=True))
               if info.type == pafs.FileType.File}
    if MANIFEST not in listing:
        raise RemoteError(f"version {version_id} named by {loc.url}/warehouse/{POINTER} has no {MANIFEST}")
    temporary = warehouse / f"{DOWNLOAD_PREFIX}{os.getpid()}-{version_id}"
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir(mode=0o700)
    try:
        pafs.copy_files(source, str(temporary), source_filesystem=s3,
                        destination_filesystem=pafs.LocalFileSystem(), chunk_size=CHUNK)
        for name, size in listing.items():
            got = temporary / name
            if not got.is_file() or got.stat().st_size != size:
                raise RemoteError(f"version {version_id}: {name} did not download completely")
        try:
            temporary.rename(warehouse / VERSIONS / version_id)
        except OSError:
            # Another process sharing this cache finished the same version first.
            if not (warehouse / VERSIONS / version_id / MANIFEST).is_file():
                raise
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


def _write_local_pointer(warehouse: Path, version_id: str) -> None:
    temporary = warehouse / f"{POINTER}.{os.getpid()}.{threading.get_ident()}.tmp"
    temporary.write_text(version_id, encoding="utf-8")
    os.replace(temporary, warehouse / POINTER)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prune(warehouse: Path, keep: set[str | None]) -> None:
    """Keep the current and the previous version (queries may still be reading it); drop the rest,
    and downloads left behind by processes that died."""
    for folder in (warehouse / VERSIONS).iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)
    for temporary in warehouse.glob(DOWNLOAD_PREFIX + "*"):
        pid = temporary.name.removeprefix(DOWNLOAD_PREFIX).split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            shutil.rmtree(temporary, ignore_errors=True)
