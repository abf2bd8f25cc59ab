"""Where things live: the repository, its reference data, and the data folder."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO / "data" / "reference"
QUERIES_DIR = REPO / "queries"
REMOTE_SCHEME = "s3://"
CACHE_ENV = "PANTAU_CACHE"


def remote_data() -> str | None:
    """The object-store URL when `PANTAU_DATA` names one (s3://bucket/prefix), else None."""
    value = os.environ.get("PANTAU_DATA") or ""
    return value.rstrip("/") if value.startswith(REMOTE_SCHEME) else None


def data_dir() -> Path:
    """The data folder: `PANTAU_DATA`, or `data/` in the repository.

    With PANTAU_DATA=s3://..., the replica's local copy of that dataset (cache_dir; pantau/remote.py).
    Read on every call so tests and the CLI can point a process at another folder.
    """
    if (url := remote_data()) is not None:
        return cache_dir(url)
    return Path(os.environ.get("PANTAU_DATA") or REPO / "data").resolve()


def default_cache_root() -> Path:
    return Path(tempfile.gettempdir()) / f"pantau-cache-{os.getuid()}"


def cache_dir(url: str) -> Path:
    """Where a replica keeps its local copy of an object-store dataset: one folder per URL under
    `PANTAU_CACHE` (default: a per-user folder in the system temp folder)."""
    root = Path(os.environ.get(CACHE_ENV) or default_cache_root())
    # One path component whatever the URL holds: "s3://b/x/.." cannot climb out of the cache.
    return (root / ("s3-" + re.sub(r"[^A-Za-z0-9.-]+", "_", url.removeprefix(REMOTE_SCHEME)))).resolve()


def warehouse_dir() -> Path:
    return data_dir() / "warehouse"


def quarantine_dir() -> Path:
    return data_dir() / "quarantine"
