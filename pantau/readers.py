"""Read an extract file (CSV, XLSX, Parquet) into a table of text values.

Every value stays text here; typing and validation happen in one place (pantau/validate.py),
so a CSV and an XLSX with the same content give the same result. Each row keeps its
spreadsheet row number (the header is row 1) so a data steward can find it.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pantau.schema import EXTRACTS, detect_kind, map_headers

ROW = "_row"


class ReadError(Exception):
    """A file that cannot be read as an extract at all (reported, nothing published)."""


@dataclass
class RawExtract:
    path: Path
    kind: str
    table: pa.Table  # canonical column names, all strings, plus ROW
    dropped_columns: list[str]


def _sniff_delimiter(path: Path) -> str:
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        header = f.readline()
    return ";" if header.count(";") > header.count(",") else ","


def _read_csv(path: Path) -> pa.Table:
    delimiter = _sniff_delimiter(path)
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as f:
        headers = next(csv.reader(f, delimiter=delimiter), None)
    if not headers:
        raise ReadError("empty_file")
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(column_names=headers, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pacsv.ConvertOptions(
                column_types={h: pa.string() for h in headers}, strings_can_be_null=False
            ),
        )
    except pa.ArrowInvalid as e:
        raise ReadError(f"unreadable_csv: {e}") from e
    return table


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(path: Path) -> pa.Table:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            # Title rows may sit above the header: the header is the first row naming an id column.
            for header_row in rows:
                headers = [_cell_text(v) or "" for v in header_row]
                if detect_kind(headers):
                    break
            else:
                continue
            columns: list[list[str | None]] = [[] for _ in headers]
            for values in rows:
                texts = [_cell_text(v) for v in values[: len(headers)]]
                texts += [None] * (len(headers) - len(texts))
                for column, text in zip(columns, texts, strict=True):
                    column.append(text)
            # Unnamed columns cannot belong to the contract; name them so arrow accepts them.
            names = [h or f"_unnamed_{i}" for i, h in enumerate(headers)]
            return pa.table({n: pa.array(c, pa.string()) for n, c in zip(names, columns, strict=True)})
    finally:
        workbook.close()
    raise ReadError("no_header_found")


def _read_parquet(path: Path) -> pa.Table:
    table = pq.read_table(path)
    return pa.table({name: table[name].cast(pa.string()) for name in table.column_names})


READERS = {".csv": _read_csv, ".txt": _read_csv, ".xlsx": _read_xlsx, ".parquet": _read_parquet}


def read_extract(path: Path, kind: str | None = None) -> RawExtract:
    """Read one file; the kind comes from its headers unless given."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported_format: {path.suffix or 'no extension'}")
    if not path.is_file():
        raise ReadError("file_not_found")
    table = reader(path)
    headers = table.column_names
    kind = kind or detect_kind(headers)
    if kind is None:
        raise ReadError("unknown_kind: no registration_id, departure_id or case_id column")
    extract = EXTRACTS[kind]
    mapping = map_headers(extract, headers)
    if extract.id_column not in mapping.values():
        raise ReadError(f"wrong_kind: no {extract.id_column} column for {kind}")
    n = table.num_rows
    columns = {
        name: table[source] if (source := _source(mapping, name)) else pa.nulls(n, pa.string())
        for name in extract.names
    }
    # A spreadsheet's trailing empty rows are not records.
    canonical = pa.table({**columns, ROW: pa.array(range(2, n + 2), pa.int64())})
    dropped = [h for h in headers if h not in mapping and not h.startswith("_unnamed_")]
    return RawExtract(path=path, kind=kind, table=_drop_blank_rows(canonical), dropped_columns=dropped)


def _source(mapping: dict[str, str], name: str) -> str | None:
    return next((source for source, canonical in mapping.items() if canonical == name), None)


def _drop_blank_rows(table: pa.Table) -> pa.Table:
    import pyarrow.compute as pc

    blank = None
    for name in table.column_names:
        if name == ROW:
            continue
        column = pc.or_kleene(pc.is_null(table[name]), pc.equal(pc.utf8_trim_whitespace(table[name]), ""))
        blank = column if blank is None else pc.and_(blank, column)
    return table if blank is None else table.filter(pc.invert(blank))
