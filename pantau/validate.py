"""Validate raw text rows against an extract contract, in DuckDB.

The SELECT is assembled from the contract in pantau/schema.py (column names and enum values
are the contract's own constants, never input); the value parsing lives in
queries/ingest/macros.sql. Each row gets the first reason it fails, or NULL when valid.
"""

from __future__ import annotations

import duckdb

from pantau.paths import QUERIES_DIR
from pantau.readers import ROW
from pantau.reference import codes
from pantau.schema import (
    BOOL,
    CHECKPOINT,
    COUNTRY,
    DATE,
    ENUM,
    GENDER,
    MIN_EVENT_DATE,
    NIK,
    REGENCY,
    TEXT,
    TIMESTAMP,
    Column,
    Extract,
    enum_lookup,
)

SOURCE = "_source"
# Input columns arrive as _in_<name>, so each typed column can take the plain name.
INPUT_PREFIX = "_in_"
RAW_PREFIX = "_raw_"
REASON = "_reason"
NIK_REGION_MISMATCH = "_nik_region_mismatch"
NIK_BIRTH_MISMATCH = "_nik_birth_mismatch"

PARSERS = {
    TEXT: "clean({c})",
    DATE: "parse_date({c})",
    TIMESTAMP: "parse_timestamp({c})",
    BOOL: "parse_bool({c})",
    GENDER: "parse_gender({c})",
    REGENCY: "parse_code({c})",
    COUNTRY: "upper(clean({c}))",
    CHECKPOINT: "upper(clean({c}))",
    NIK: "parse_nik({c})",
}

# Membership checks against the reference code lists, bound as parameters.
CODE_LISTS = {REGENCY: "regency_codes", COUNTRY: "country_codes", CHECKPOINT: "checkpoint_codes"}


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _input(column: Column) -> str:
    return f'"{INPUT_PREFIX}{column.name}"'


def _parsed(column: Column) -> str:
    c = _input(column)
    if column.kind == ENUM:
        cases = " ".join(
            f"WHEN {_sql_literal(k)} THEN {_sql_literal(v)}" for k, v in enum_lookup(column).items()
        )
        return f"CASE enum_key({c}) {cases} END"
    return PARSERS[column.kind].format(c=c)


def _checks(column: Column) -> list[str]:
    """(condition, reason) CASE arms for one column, most basic first."""
    name, raw = column.name, _input(column)
    arms = []
    if column.required:
        arms.append(f"WHEN clean({raw}) IS NULL THEN 'missing_{name}'")
    arms.append(f"WHEN clean({raw}) IS NOT NULL AND \"{name}\" IS NULL THEN 'invalid_{name}'")
    if column.kind == NIK:
        arms.append(f"WHEN NOT regexp_full_match(\"{name}\", '[0-9]{{16}}') THEN 'invalid_{name}'")
    if column.kind in CODE_LISTS:
        arms.append(
            f"WHEN NOT list_contains(${CODE_LISTS[column.kind]}, \"{name}\") THEN 'unknown_{name}'"
        )
    if column.event_date:
        arms.append(
            f"WHEN CAST(\"{name}\" AS DATE) NOT BETWEEN DATE '{MIN_EVENT_DATE}' AND $today "
            f"THEN 'out_of_range_{name}'"
        )
    return arms


def _raw_text(column: Column) -> str:
    """What a quarantine report may show of the input: the text as read, NIK masked."""
    text = f"mask_nik({_input(column)})" if column.kind == NIK else _input(column)
    return f'{text} AS "{RAW_PREFIX}{column.name}"'


def validation_sql(extract: Extract) -> str:
    """Typed columns, raw text for the quarantine, _reason (NULL = valid), NIK warning flags.

    Reads the table `raw` with columns _in_<name> (all text), ROW and SOURCE.
    """
    parsed = ",\n    ".join(f'{_parsed(c)} AS "{c.name}"' for c in extract.columns)
    raw_text = ",\n    ".join(_raw_text(c) for c in extract.columns)
    arms = "\n        ".join(arm for c in extract.columns for arm in _checks(c))
    region = f'"{extract.region_column}"'
    inputs = ", ".join(_input(c) for c in extract.columns)
    # Parsing happens once in the inner SELECT; the checks only compare its results.
    return f"""
SELECT * EXCLUDE ({inputs}),
    {raw_text},
    CASE
        {arms}
    END AS {REASON},
    coalesce(nik IS NOT NULL AND {region} IS NOT NULL AND substr(nik, 1, 4) <> {region}, false)
        AS {NIK_REGION_MISMATCH},
    coalesce(TRY(nik IS NOT NULL AND nik_birth_mismatch(nik, birth_date, gender)), false)
        AS {NIK_BIRTH_MISMATCH}
FROM (
    SELECT {ROW}, {SOURCE}, {inputs},
    {parsed}
    FROM raw
)
"""


def code_params() -> dict[str, list[str]]:
    """Reference code lists that validation checks membership against."""
    known = codes()
    return {
        "regency_codes": sorted(known.regencies),
        "country_codes": sorted(known.countries),
        "checkpoint_codes": sorted(known.checkpoints),
    }


def load_macros(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((QUERIES_DIR / "ingest" / "macros.sql").read_text(encoding="utf-8"))
