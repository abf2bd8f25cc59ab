"""Code lists from data/reference: provinces, regencies, countries, checkpoints.

All region codes are Kemendagri codes (the ones inside a NIK) and are kept as text.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pantau.paths import REFERENCE_DIR

TABLES = ("provinces", "regencies", "countries", "checkpoints")


def csv_path(table: str) -> Path:
    return REFERENCE_DIR / f"{table}.csv"


@cache
def rows(table: str) -> tuple[dict[str, str], ...]:
    """All rows of a reference table, every value a string."""
    with csv_path(table).open(encoding="utf-8", newline="") as f:
        return tuple(csv.DictReader(f))


@dataclass(frozen=True)
class Codes:
    provinces: frozenset[str]
    regencies: frozenset[str]
    countries: frozenset[str]
    checkpoints: frozenset[str]


@cache
def codes() -> Codes:
    return Codes(
        provinces=frozenset(r["province_code"] for r in rows("provinces")),
        regencies=frozenset(r["regency_code"] for r in rows("regencies")),
        countries=frozenset(r["iso3"] for r in rows("countries")),
        checkpoints=frozenset(r["checkpoint_code"] for r in rows("checkpoints")),
    )


def province_names() -> dict[str, str]:
    return {r["province_code"]: r["name_short"] for r in rows("provinces")}


def regency_names() -> dict[str, str]:
    return {r["regency_code"]: r["regency_name"] for r in rows("regencies")}


def country_names(lang: str = "id") -> dict[str, str]:
    column = "name_id" if lang == "id" else "name_en"
    return {r["iso3"]: r[column] for r in rows("countries")}


def checkpoint_names() -> dict[str, str]:
    return {r["checkpoint_code"]: r["name"] for r in rows("checkpoints")}


@cache
def geojson(level: str) -> dict:
    """Boundaries for 'provinces' or 'regencies' (WGS84, simplified)."""
    with (REFERENCE_DIR / "geo" / f"{level}.geojson").open(encoding="utf-8") as f:
        return json.load(f)
