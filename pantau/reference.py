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

TABLES = ("provinces", "regencies", "countries", "checkpoints", "retired_regencies")


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


def retired_regencies() -> dict[str, str]:
    """Retired Kemendagri regency code -> the code that replaced it (SOURCES.md gives the laws)."""
    return {r["retired_code"]: r["regency_code"] for r in rows("retired_regencies")}


def _regency_spellings(row: dict[str, str]) -> list[str]:
    """How exports write a regency: 'Kabupaten Bogor', 'Kab. Bogor', 'KAB BOGOR', 'Kota Bogor', 'Bogor'.

    Only letters and digits count when matching (queries/ingest/macros.sql name_key), so 'Kab.',
    'KAB' and 'kab' are one spelling. A bare name shared by a kabupaten and a kota stays ambiguous.
    """
    short = row["name_short"]
    prefixes = ("Kabupaten", "Kab") if row["kind"] == "kabupaten" else ("Kota", "Kota Adm", "Kota Administrasi")
    return [row["regency_name"], short, *(f"{p} {short}" for p in prefixes)]


def _checkpoint_spellings(row: dict[str, str]) -> list[str]:
    """The name as listed, without its '(place)' note, and without 'Internasional'."""
    name = row["name"]
    bare = name.split(" (")[0]
    return [name, bare, bare.replace(" Internasional", ""), row["iata_code"]]


@cache
def name_rows() -> tuple[tuple[str, str, str, bool], ...]:
    """(value kind, accepted spelling, code, spelling is a retired code) for every code and name ingest accepts.

    Value kinds are schema.REGENCY, COUNTRY and CHECKPOINT. Codes are spellings of themselves.
    Ingest folds the spellings into one lookup table (queries/ingest/reference_names.sql), which
    marks a spelling that means more than one code as ambiguous.
    """
    found: list[tuple[str, str, str, bool]] = []
    for r in rows("regencies"):
        found += [("regency", s, r["regency_code"], False) for s in [r["regency_code"], *_regency_spellings(r)]]
    found += [("regency", old, new, True) for old, new in retired_regencies().items()]
    for r in rows("countries"):
        spellings = [r["iso3"], r["iso2"], r["name_en"], r["name_id"], *r["name_id_alt"].split(";")]
        found += [("country", s, r["iso3"], False) for s in spellings]
    for r in rows("checkpoints"):
        spellings = [r["checkpoint_code"], *_checkpoint_spellings(r)]
        found += [("checkpoint", s, r["checkpoint_code"], False) for s in spellings]
    return tuple(f for f in found if f[1].strip())


@cache
def geojson(level: str) -> dict:
    """Boundaries for 'provinces' or 'regencies' (WGS84, simplified)."""
    with (REFERENCE_DIR / "geo" / f"{level}.geojson").open(encoding="utf-8") as f:
        return json.load(f)
