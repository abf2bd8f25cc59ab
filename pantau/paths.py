"""Where things live: the repository, its reference data, and the data folder."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE_DIR = REPO / "data" / "reference"
QUERIES_DIR = REPO / "queries"


def data_dir() -> Path:
    """The data folder: `PANTAU_DATA`, or `data/` in the repository.

    Read on every call so tests and the CLI can point a process at another folder.
    """
    return Path(os.environ.get("PANTAU_DATA") or REPO / "data").resolve()


def warehouse_dir() -> Path:
    return data_dir() / "warehouse"


def quarantine_dir() -> Path:
    return data_dir() / "quarantine"
