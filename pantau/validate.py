"""Validate raw text rows against an extract contract, in DuckDB.

The SELECT is assembled from the contract in pantau/schema.py (column names and enum values
are the contract's own constants, never input); the value parsing lives in
queries/ingest/macros.sql. Codes and names of regencies, countries and checkpoints are resolved
by joining the lookup table ref_names (queries/ingest/reference_names.sql). Each row gets the
first reason it fails, or NULL when valid.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from pantau import sql
from pantau.paths import QUERIES_DIR
from pantau.readers import MALFORMED, NIK_NUMERIC, ROW, SHEET
from pantau.reference import name_rows
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
# Reading order across the whole run (file, sheet, row): the later of two rows with one id wins.
ORDER = "_order"
# Input columns arrive as _in_<name>, so each typed column can take the plain name.
INPUT_PREFIX = "_in_"
RAW_PREFIX = "_raw_"
REASON = "_reason"
NIK_REGION_MISMATCH = "_nik_region_mismatch"
NIK_BIRTH_MISMATCH = "_nik_birth_mismatch"
RETIRED_CODE = "_retired_code"
MALFORMED_ROW = "malformed_row"
NIK_NUMBER_FORMAT = "nik_number_format"
# Bookkeeping columns every raw batch carries besides the contract's _in_ columns.
BOOKKEEPING = (ROW, SOURCE, ORDER, SHEET, MALFORMED, NIK_NUMERIC)

PARSERS = {
    TEXT: "clean({c})",
    DATE: "parse_date({c})",
    TIMESTAMP: "parse_timestamp({c})",
    BOOL: "parse_bool({c})",
    GENDER: "parse_gender({c})",
    NIK: "parse_nik({c})",
}

# Value kinds resolved through ref_names: a code, a retired code, or a name.
LOOKUPS = (REGENCY, COUNTRY, CHECKPOINT)


def _sql_literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _input(column: Column) -> str:
    return f'"{INPUT_PREFIX}{column.name}"'


def _lookup_alias(extract: Extract, column: Column) -> str:
    return f"_lookup_{extract.columns.index(column)}"


def _flag(prefix: str, column: Column) -> str:
    return f'"_{prefix}_{column.name}"'


def _parsed(extract: Extract, column: Column) -> str:
    c = _input(column)
    if column.kind == ENUM:
        cases = " ".join(
            f"WHEN {_sql_literal(k)} THEN {_sql_literal(v)}" for k, v in enum_lookup(column).items()
        )
        return f"CASE enum_key({c}) {cases} END"
    if column.kind in LOOKUPS:
        return f"{_lookup_alias(extract, column)}.code"
    return PARSERS[column.kind].format(c=c)


def _checks(column: Column) -> list[str]:
    """CASE arms giving one column's reason, most basic first.

    Each arm tests the parsed value first: DuckDB evaluates the rest of an AND only for the rows
    still selected, so a valid row costs one NULL test per column, not the text clean-up.
    """
    name, raw = column.name, _input(column)
    value = f'"{name}"'
    arms = []
    if column.required:
        arms.append(f"WHEN {value} IS NULL AND clean({raw}) IS NULL THEN 'missing_{name}'")
    if column.kind == NIK:
        # A NIK cell Excel stored as a number has lost its last digit even when 16 remain.
        arms.append(f"WHEN {NIK_NUMERIC} THEN '{NIK_NUMBER_FORMAT}'")
        arms.append(
            f"WHEN NOT regexp_full_match({value}, '[0-9]{{16}}') THEN "
            f"CASE WHEN nik_number_format({raw}) THEN '{NIK_NUMBER_FORMAT}' ELSE 'invalid_{name}' END"
        )
    elif column.kind in LOOKUPS:
        arms.append(
            f"WHEN {value} IS NULL AND clean({raw}) IS NOT NULL THEN "
            f"CASE WHEN {_flag('ambiguous', column)} THEN 'ambiguous_{name}' ELSE 'unknown_{name}' END"
        )
    else:
        arms.append(f"WHEN {value} IS NULL AND clean({raw}) IS NOT NULL THEN 'invalid_{name}'")
    if column.event_date:
        arms.append(
            f"WHEN CAST({value} AS DATE) NOT BETWEEN DATE '{MIN_EVENT_DATE}' AND $today "
            f"THEN 'out_of_range_{name}'"
        )
    return arms


def _raw_text(column: Column) -> str:
    """What a quarantine report may show of the input: the text as read, NIK masked.

    Kept only for rows that fail (a valid row's text would double what the run stores).
    """
    text = f"mask_nik({_input(column)})" if column.kind == NIK else _input(column)
    return f'CASE WHEN {REASON} IS NOT NULL THEN {text} END AS "{RAW_PREFIX}{column.name}"'


def quarantine_text(column: Column, alias: str) -> str:
    """A quarantined row's text for one column, NIK masked: as read, or, for a valid row that a
    duplicate id superseded (no text was kept for it), its parsed value."""
    value = f'{alias}."{column.name}"'
    typed = f"mask_nik({value})" if column.kind == NIK else f"CAST({value} AS VARCHAR)"
    return f'coalesce({alias}."{RAW_PREFIX}{column.name}", {typed})'


def _joins(extract: Extract) -> str:
    """One LEFT JOIN to ref_names per code column, plus one resolving the regency inside the NIK."""
    joins = [
        f"LEFT JOIN ref_names AS {_lookup_alias(extract, c)} ON {_lookup_alias(extract, c)}.kind = "
        f"{_sql_literal(c.kind)} AND {_lookup_alias(extract, c)}.key = lookup_key(r.{_input(c)})"
        for c in extract.columns
        if c.kind in LOOKUPS
    ]
    nik = next(c for c in extract.columns if c.kind == NIK)
    # A NIK issued before a regency's code was retired still starts with the old code.
    joins.append(
        "LEFT JOIN ref_names AS _nik_regency ON _nik_regency.kind = 'regency' "
        f"AND _nik_regency.key = substr(parse_nik(r.{_input(nik)}), 1, 4)"
    )
    return "\n    ".join(joins)


def validation_sql(extract: Extract) -> str:
    """Typed columns, raw text for the quarantine, _reason (NULL = valid), warning flags.

    Reads the table `raw` with columns _in_<name> (all text) and BOOKKEEPING; needs ref_names.
    Three levels: parse and look up once; give each row its first failing reason and its
    warnings; keep the input text of failing rows only.
    """
    lookups = [c for c in extract.columns if c.kind in LOOKUPS]
    parsed = ",\n    ".join(f'{_parsed(extract, c)} AS "{c.name}"' for c in extract.columns)
    flags = "".join(
        f",\n    coalesce({_lookup_alias(extract, c)}.ambiguous, false) AS {_flag('ambiguous', c)}"
        f",\n    coalesce({_lookup_alias(extract, c)}.retired, false) AS {_flag('retired', c)}"
        for c in lookups
    )
    helpers = ", ".join([*(_flag(p, c) for c in lookups for p in ("ambiguous", "retired")), "_nik_regency"])
    raw_text = ",\n    ".join(_raw_text(c) for c in extract.columns)
    arms = "\n        ".join(
        [f"WHEN {MALFORMED} IS NOT NULL THEN '{MALFORMED_ROW}'", *(arm for c in extract.columns for arm in _checks(c))]
    )
    retired = " OR ".join(_flag("retired", c) for c in lookups if c.kind == REGENCY) or "false"
    region = f'"{extract.region_column}"'
    inputs = ", ".join(_input(c) for c in extract.columns)
    bookkeeping = ", ".join(f"r.{b}" for b in BOOKKEEPING)
    return f"""
SELECT * EXCLUDE ({inputs}),
    {raw_text}
FROM (
SELECT * EXCLUDE ({helpers}),
    CASE
        {arms}
    END AS {REASON},
    coalesce(nik IS NOT NULL AND {region} IS NOT NULL
             AND coalesce(_nik_regency, substr(nik, 1, 4)) <> {region}, false) AS {NIK_REGION_MISMATCH},
    coalesce(TRY(nik IS NOT NULL AND nik_birth_mismatch(nik, birth_date, gender)), false)
        AS {NIK_BIRTH_MISMATCH},
    {retired} AS {RETIRED_CODE}
FROM (
    SELECT {bookkeeping}, {", ".join("r." + _input(c) for c in extract.columns)},
    {parsed}{flags},
    _nik_regency.code AS _nik_regency
    FROM raw AS r
    {_joins(extract)}
)
)
"""


def load_macros(con: duckdb.DuckDBPyConnection) -> None:
    con.execute((QUERIES_DIR / "ingest" / "macros.sql").read_text(encoding="utf-8"))


def load_reference(con: duckdb.DuckDBPyConnection) -> None:
    """The ref_names lookup table that validation_sql joins, from the reference spellings."""
    kinds, spellings, codes, retired = zip(*name_rows(), strict=True)
    spellings_table = pa.table(
        {"kind": list(kinds), "spelling": list(spellings), "code": list(codes), "retired": list(retired)}
    )
    con.register("ref_spellings", spellings_table)
    try:
        con.execute(sql.load("ingest/reference_names"))
    finally:
        con.unregister("ref_spellings")
