"""The three extract contracts: canonical columns, Indonesian aliases, types and enums.

One `Column` per contract column. Ingest reads every input as text and normalises it with the
SQL macros in queries/ingest/; this module says which macro and which checks apply to which
column, and which header names are accepted for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Value kinds. Each maps to a normalising macro in queries/ingest/macros.sql; regency, country
# and checkpoint values (codes, retired codes, names) are looked up in the reference lists
# (pantau/validate.py, queries/ingest/reference_names.sql).
TEXT = "text"
DATE = "date"
TIMESTAMP = "timestamp"
BOOL = "bool"
GENDER = "gender"
ENUM = "enum"
REGENCY = "regency"
COUNTRY = "country"
CHECKPOINT = "checkpoint"
NIK = "nik"

GENDERS = ("M", "F")

EDUCATION = ("SD", "SMP", "SMA", "D3", "S1+")
SECTORS = ("formal", "informal")
SCHEMES = ("P2P", "G2G", "perseorangan", "UKPS", "perpanjangan")
REGISTRATION_STATUS = ("registered", "departed", "cancelled")
PURPOSES = ("work", "tourism", "religious", "family", "study", "business", "other")
OUTCOMES = ("departed", "delayed")
CASE_SOURCES = ("kp2mi_complaint", "police_tppo", "embassy", "immigration")
CASE_TYPES = (
    "wants_to_return",
    "unpaid_wages",
    "excess_fees",
    "failed_departure",
    "job_fraud",
    "abuse",
    "contract_breach",
    "document_withholding",
    "deported",
    "illness",
    "death",
    "lost_contact",
    "trafficking",
    "other",
)
EXPLOITATION_TYPES = (
    "forced_labour",
    "sexual_exploitation",
    "online_scam",
    "forced_criminality",
    "other",
)
DEPARTURE_MODES = ("procedural", "non_procedural", "unknown")
CASE_STATUS = ("open", "in_progress", "resolved")

# Spellings seen in ministry exports that mean one canonical enum value. Keys are compared
# after lower-casing and removing everything but letters, digits and '+'.
ENUM_SYNONYMS: dict[str, str] = {
    "ptop": "P2P",
    "p2p": "P2P",
    "gtog": "G2G",
    "g2g": "G2G",
    "mandiri": "perseorangan",
    "s1": "S1+",
    "s2": "S1+",
    "s3": "S1+",
    "d4": "S1+",
    "nonprocedural": "non_procedural",
    "nonprosedural": "non_procedural",
    "prosedural": "procedural",
    "tidakdiketahui": "unknown",
    "inprogress": "in_progress",
    "dalamproses": "in_progress",
    "ditunda": "delayed",
    "penundaan": "delayed",
    "berangkat": "departed",
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    alias: str | None = None
    required: bool = False
    values: tuple[str, ...] = ()
    # An event date that counts periods: must lie between MIN_EVENT_DATE and today.
    event_date: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return (self.name,) if self.alias is None else (self.name, self.alias)


@dataclass(frozen=True)
class Extract:
    kind: str
    id_column: str
    period_column: str
    region_column: str
    columns: tuple[Column, ...] = field(default_factory=tuple)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


MIN_EVENT_DATE = "2000-01-01"

REGISTRATIONS = Extract(
    kind="registrations",
    id_column="registration_id",
    period_column="registered_on",
    region_column="origin_regency_code",
    columns=(
        Column("registration_id", TEXT, "no_registrasi", required=True),
        Column("nik", NIK, "nik", required=True),
        Column("registered_on", DATE, "tanggal_daftar", required=True, event_date=True),
        Column("gender", GENDER, "jenis_kelamin"),
        Column("birth_date", DATE, "tanggal_lahir"),
        Column("origin_regency_code", REGENCY, "kode_kabupaten", required=True),
        Column("education", ENUM, "pendidikan", values=EDUCATION),
        Column("occupation", TEXT, "jabatan"),
        Column("sector", ENUM, "sektor", values=SECTORS),
        Column("scheme", ENUM, "skema", values=SCHEMES),
        Column("destination_country", COUNTRY, "negara_tujuan"),
        Column("agency_id", TEXT, "kode_p3mi"),
        Column("status", ENUM, "status", required=True, values=REGISTRATION_STATUS),
    ),
)

DEPARTURES = Extract(
    kind="departures",
    id_column="departure_id",
    period_column="examined_at",
    region_column="residence_regency_code",
    columns=(
        Column("departure_id", TEXT, "no_pemeriksaan", required=True),
        Column("nik", NIK, "nik", required=True),
        Column("examined_at", TIMESTAMP, "waktu_pemeriksaan", required=True, event_date=True),
        Column("checkpoint_code", CHECKPOINT, "kode_tpi", required=True),
        Column("destination_country", COUNTRY, "negara_tujuan"),
        Column("residence_regency_code", REGENCY, "kode_kabupaten"),
        Column("gender", GENDER, "jenis_kelamin"),
        Column("birth_date", DATE, "tanggal_lahir"),
        Column("declared_purpose", ENUM, "tujuan", values=PURPOSES),
        Column("suspected_worker", BOOL, "terduga_pmi"),
        Column("outcome", ENUM, "hasil", required=True, values=OUTCOMES),
    ),
)

CASES = Extract(
    kind="cases",
    id_column="case_id",
    period_column="reported_on",
    region_column="origin_regency_code",
    columns=(
        Column("case_id", TEXT, "no_kasus", required=True),
        Column("nik", NIK, "nik"),
        Column("reported_on", DATE, "tanggal_lapor", required=True, event_date=True),
        Column("source", ENUM, "sumber", values=CASE_SOURCES),
        Column("case_type", ENUM, "jenis_kasus", required=True, values=CASE_TYPES),
        Column("is_trafficking", BOOL, "tppo"),
        Column("exploitation_type", ENUM, "jenis_eksploitasi", values=EXPLOITATION_TYPES),
        Column("origin_regency_code", REGENCY, "kode_kabupaten"),
        Column("destination_country", COUNTRY, "negara_tujuan"),
        Column("gender", GENDER, "jenis_kelamin"),
        Column("birth_date", DATE, "tanggal_lahir"),
        Column("departure_mode_reported", ENUM, "prosedural", values=DEPARTURE_MODES),
        Column("status", ENUM, "status", values=CASE_STATUS),
        Column("resolved_on", DATE, "tanggal_selesai"),
    ),
)

# Published record columns whose value is a rule over the row, applied once at ingest so that
# every query (and the comparison of re-ingested rows) sees the same value.
# A case is a trafficking case when flagged tppo or of case type trafficking; empty means no.
DERIVED: dict[str, dict[str, str]] = {
    "cases": {"is_trafficking": "coalesce(is_trafficking, false) OR case_type = 'trafficking'"},
}

EXTRACTS: dict[str, Extract] = {e.kind: e for e in (REGISTRATIONS, DEPARTURES, CASES)}


def header_key(header: str) -> str:
    """Compare headers ignoring case, spaces, punctuation and a BOM."""
    return re.sub(r"[^0-9a-z]", "", header.lower())


def enum_key(value: str) -> str:
    return re.sub(r"[^0-9a-z+]", "", value.lower())


def map_headers(extract: Extract, headers: list[str]) -> dict[str, str]:
    """Source header -> canonical column for the headers this extract knows."""
    known = {header_key(h): c.name for c in extract.columns for h in c.headers}
    mapping: dict[str, str] = {}
    for header in headers:
        name = known.get(header_key(header))
        if name is not None and name not in mapping.values():
            mapping[header] = name
    return mapping


def detect_kind(headers: list[str]) -> str | None:
    """The extract whose id column (canonical or Indonesian) is among the headers."""
    keys = {header_key(h) for h in headers}
    for extract in EXTRACTS.values():
        if keys & {header_key(h) for h in extract.column(extract.id_column).headers}:
            return extract.kind
    return None


def enum_lookup(column: Column) -> dict[str, str]:
    """Accepted spellings (as enum_key) -> canonical value, for one enum column."""
    lookup = {enum_key(v): v for v in column.values}
    lookup.update({k: v for k, v in ENUM_SYNONYMS.items() if v in column.values})
    return lookup
