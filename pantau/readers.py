"""Read an extract file (CSV, XLSX, Parquet) as batches of text values.

Every value stays text here; typing and validation happen in one place (pantau/validate.py),
so a CSV and an XLSX with the same content give the same result. Files are read in batches of
at most BATCH_ROWS rows, so memory does not grow with the file. Each row keeps its spreadsheet
row number (the header is row 1 of a CSV; an XLSX row keeps its sheet row) so a data steward
can find it. A row that cannot be split into the header's columns is kept as a malformed row
(its text, NIK-like digit runs masked) for the quarantine, never dropped.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import io
import re
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from pantau.pseudonym import mask_nik
from pantau.schema import EXTRACTS, NIK, Extract, detect_kind, map_headers
from pantau.xlsx import Merge, Sheet, Workbook, XlsxError

ROW = "_row"
SHEET = "_sheet"  # the XLSX sheet a row comes from; NULL for CSV and Parquet
MALFORMED = "_malformed"  # the masked text of a row that could not be split into columns
NIK_NUMERIC = "_nik_numeric"  # the NIK was stored as a number (XLSX cell, float Parquet column)

BATCH_ROWS = 50_000
# Arrow's CSV reader parses a block at a time. Larger blocks made its read-ahead grow with the
# file when validation is the slower side (16 MB blocks: 560 MB peak on 300 MB, 890 MB on 1 GB);
# 4 MB blocks stay flat. Blocks are then joined into batches of about FAST_BATCH_ROWS, since
# each batch costs one validation statement to plan (~0.1 s).
CSV_BLOCK_BYTES = 1 << 22
FAST_BATCH_ROWS = 150_000
# Title rows above an XLSX header: the header is looked for in this many rows of each sheet.
HEADER_SEARCH_ROWS = 30
MALFORMED_TEXT_LIMIT = 1000
# Eleven or more digits, single spaces, dots or dashes between them allowed: could be a NIK.
_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d){10,}")
# What can go wrong while a file's batches stream (read_failure turns it into a ReadError).
READ_FAILURES = (OSError, pa.ArrowException, XlsxError)


class ReadError(Exception):
    """A file that cannot be read as an extract at all (reported, nothing published).

    `code` is a stable reason (empty_file, unsupported_format, unknown_kind, wrong_kind,
    unreadable, corrupt_xlsx, corrupt_parquet, no_header_found, file_not_found).
    """

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class ExactReadingNeeded(Exception):
    """The fast CSV reader met a row it cannot number exactly; read the file again exactly."""


def mask_digit_runs(text: str) -> str:
    """Any run that could be a NIK keeps only its first 6 and last 4 digits."""
    return _DIGIT_RUN.sub(lambda m: mask_nik(m.group()), text)


@dataclass
class Layout:
    """What the header says: the extract kind and which source column feeds each contract column."""

    extract: Extract
    positions: dict[str, int]  # canonical name -> index of its source column
    dropped: list[str]

    @classmethod
    def of(cls, headers: list[str], kind: str | None) -> Layout:
        kind = kind or detect_kind(headers)
        if kind is None:
            raise ReadError("unknown_kind", "no registration_id, departure_id or case_id column")
        extract = EXTRACTS[kind]
        mapping = map_headers(extract, headers)
        if extract.id_column not in mapping.values():
            raise ReadError("wrong_kind", f"no {extract.id_column} column for {kind}")
        positions = {}
        for index, header in enumerate(headers):
            name = mapping.get(header)
            if name is not None and name not in positions:
                positions[name] = index
        dropped = [h for h in headers if h and h not in mapping]
        return cls(extract, positions, dropped)

    @property
    def nik_position(self) -> int | None:
        nik = next(c.name for c in self.extract.columns if c.kind == NIK)
        return self.positions.get(nik)


def _canonical(
    layout: Layout,
    columns: list[pa.Array],
    rows: pa.Array,
    *,
    sheet: str | None = None,
    malformed: pa.Array | None = None,
    nik_numeric: pa.Array | None = None,
) -> pa.Table:
    """A batch in contract order, all text, with bookkeeping columns; blank rows dropped."""
    n = len(rows)
    data = {}
    for name in layout.extract.names:
        index = layout.positions.get(name)
        data[name] = columns[index] if index is not None and index < len(columns) else pa.nulls(n, pa.string())
    data[ROW] = rows
    data[SHEET] = pa.array([sheet] * n, pa.string())
    data[MALFORMED] = malformed if malformed is not None else pa.nulls(n, pa.string())
    data[NIK_NUMERIC] = nik_numeric if nik_numeric is not None else pa.array([False] * n, pa.bool_())
    return _drop_blank_rows(pa.table(data), layout.extract.names)


def _drop_blank_rows(table: pa.Table, names: tuple[str, ...]) -> pa.Table:
    """A row with nothing in any contract column is not a record (spreadsheet padding)."""
    blank = pc.is_null(table[MALFORMED])
    for name in names:
        empty = pc.or_kleene(pc.is_null(table[name]), pc.equal(pc.utf8_trim_whitespace(table[name]), ""))
        blank = pc.and_kleene(blank, empty)
    return table.filter(pc.invert(pc.fill_null(blank, False)))


@dataclass
class ExtractFile:
    """One file opened for reading: its kind from the headers, then its rows in batches."""

    path: Path
    sha256: str
    size: int
    kind: str = ""
    dropped_columns: list[str] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # XLSX sheets read, in order

    def batches(self, exact: bool = False) -> Iterator[pa.Table]:
        raise NotImplementedError

    @property
    def bytes_read(self) -> int:
        """How far reading has got, in bytes of the file (approximate), for progress."""
        return 0


# --- CSV -----------------------------------------------------------------------------------


def _text_encoding(head: bytes, utf8: bool) -> str:
    """UTF-16 by its byte-order mark; UTF-8 (BOM or not) when every byte is valid UTF-8; else cp1252.

    Windows-1252 rather than Latin-1: Excel on Windows writes it, and its 0x80-0x9F bytes are
    printable (0x96 is an en dash) where Latin-1 has control characters.
    """
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return "utf-8-sig" if utf8 else "cp1252"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


class CsvFile(ExtractFile):
    def __init__(self, path: Path, sha256: str, size: int, utf8: bool, kind: str | None):
        super().__init__(path, sha256, size)
        with path.open("rb") as f:
            head = f.read(4)
        self.encoding = _text_encoding(head, utf8)
        with self._text() as f:
            first_line = f.readline()
            f.seek(0)
            self.delimiter = _sniff_delimiter(first_line)
            headers = next(csv.reader(f, delimiter=self.delimiter), None)
        if not headers or not any(h.strip() for h in headers):
            raise ReadError("empty_file", "no header row")
        self.headers = [h.strip() for h in headers]
        self.layout = Layout.of(self.headers, kind)
        self.kind = self.layout.extract.kind
        self.dropped_columns = self.layout.dropped
        self._position = lambda: 0

    def _text(self, raw: io.BufferedReader | None = None) -> io.TextIOWrapper:
        return io.TextIOWrapper(raw or self.path.open("rb"), encoding=self.encoding, errors="replace", newline="")

    @property
    def bytes_read(self) -> int:
        return self._position()

    def batches(self, exact: bool = False) -> Iterator[pa.Table]:
        return self._exact_batches() if exact else self._fast_batches()

    def _fast_batches(self) -> Iterator[pa.Table]:
        """Arrow's streaming reader: several times faster, exact as long as every row splits cleanly.

        A row with the wrong number of fields would be skipped, shifting every later row number,
        so the first one stops this reader (ExactReadingNeeded) and the caller reads again exactly.
        """
        problems: list[str] = []

        def invalid(row: pacsv.InvalidRow) -> str:
            problems.append(row.text)
            return "skip"

        names = [f"c{i}" for i in range(len(self.headers))]
        arrow_encoding = "utf8" if self.encoding == "utf-8-sig" else self.encoding
        source = pa.OSFile(str(self.path), "r")
        self._position = source.tell
        try:
            reader = pacsv.open_csv(
                source,
                read_options=pacsv.ReadOptions(
                    column_names=names, skip_rows=1, encoding=arrow_encoding, block_size=CSV_BLOCK_BYTES
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=self.delimiter, newlines_in_values=True, ignore_empty_lines=False,
                    invalid_row_handler=invalid,
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={n: pa.string() for n in names},
                    strings_can_be_null=False, quoted_strings_can_be_null=False,
                ),
            )
            next_row = 2
            pending: list[pa.RecordBatch] = []
            pending_rows = 0
            while True:
                try:
                    batch = reader.read_next_batch()
                except StopIteration:
                    batch = None
                if problems:
                    raise ExactReadingNeeded(problems[0][:200])
                if batch is not None:
                    pending.append(batch)
                    pending_rows += batch.num_rows
                if pending and (batch is None or pending_rows >= FAST_BATCH_ROWS):
                    table = pa.Table.from_batches(pending)
                    pending, pending_rows = [], 0
                    rows = pa.array(range(next_row, next_row + table.num_rows), pa.int64())
                    next_row += table.num_rows
                    yield _canonical(self.layout, table.columns, rows)
                if batch is None:
                    break
        except (pa.ArrowInvalid, UnicodeDecodeError) as e:
            # A parse error, or a byte Windows-1252 leaves undefined (the exact reader shows it as U+FFFD).
            raise ExactReadingNeeded(str(e)) from e
        finally:
            self._position = lambda: self.size
            source.close()

    def _exact_batches(self) -> Iterator[pa.Table]:
        """Python's csv module, record by record: a row with the wrong number of fields is kept as malformed."""
        width = len(self.headers)
        raw = self.path.open("rb")
        self._position = raw.tell
        try:
            yield from self._exact_file_batches(raw, width)
        finally:
            self._position = lambda: self.size

    def _exact_file_batches(self, raw: io.BufferedReader, width: int) -> Iterator[pa.Table]:
        with self._text(raw) as f:
            reader = csv.reader(f, delimiter=self.delimiter)
            next(reader)  # the header
            values: list[list[str | None]] = []
            rows: list[int] = []
            malformed: list[str | None] = []
            for row, record, text in self._records(reader):
                if record is not None:
                    values.append(record)
                    malformed.append(None)
                else:
                    values.append([None] * width)
                    malformed.append(mask_digit_runs(text)[:MALFORMED_TEXT_LIMIT])
                rows.append(row)
                if len(rows) >= BATCH_ROWS:
                    yield self._batch(values, rows, malformed)
                    values, rows, malformed = [], [], []
            if rows:
                yield self._batch(values, rows, malformed)

    def _records(self, reader) -> Iterator[tuple[int, list[str] | None, str]]:
        """(row number, fields, '') for a good record, (row number, None, its text) for a malformed one."""
        width = len(self.headers)
        row = 1
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as e:  # e.g. a field longer than csv.field_size_limit()
                row += 1
                yield row, None, f"[unreadable row: {e}]"
                continue
            row += 1
            if len(record) > width and not any(v.strip() for v in record[width:]):
                record = record[:width]  # trailing empty fields some exports add
            if len(record) == width:
                yield row, record, ""
            elif any(v.strip() for v in record):  # else a blank line: not a record
                yield row, None, self._record_text(record)

    def _record_text(self, record: list[str]) -> str:
        out = io.StringIO()
        csv.writer(out, delimiter=self.delimiter, lineterminator="").writerow(record)
        return out.getvalue()

    def _batch(self, values: list[list[str | None]], rows: list[int], malformed: list[str | None]) -> pa.Table:
        columns = [pa.array(column, pa.string()) for column in zip(*values, strict=True)]
        return _canonical(
            self.layout, columns, pa.array(rows, pa.int64()), malformed=pa.array(malformed, pa.string())
        )


# --- XLSX ----------------------------------------------------------------------------------


def _cell_text(value: object) -> str | None:
    if value.__class__ is str:  # most cells: checked first, this runs for every cell
        return value
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _row_list(cells: dict[int, object]) -> list[object]:
    """{column number: value} -> [value of column 1, column 2, ...]."""
    if not cells:
        return []
    values: list[object] = [None] * max(cells)
    for column, value in cells.items():
        values[column - 1] = value
    return values


class _MergeFill:
    """Fills each merged range with its top-left value, as a reader of the sheet sees it.

    Rows stream in order, so the top-left cell is seen before the rest of its range; only the
    ranges that overlap the current row are kept.
    """

    def __init__(self, merges: list[Merge]):
        self.pending = sorted((m for m in merges if (m.first_row, m.first_col) != (m.last_row, m.last_col)),
                              key=lambda m: m.first_row, reverse=True)
        self.active: list[tuple[Merge, object]] = []

    def apply(self, row: int, cells: dict[int, object]) -> dict[int, object]:
        while self.pending and self.pending[-1].first_row <= row:
            merge = self.pending.pop()
            self.active.append((merge, cells.get(merge.first_col) if merge.first_row == row else None))
        self.active = [(m, v) for m, v in self.active if m.last_row >= row]
        for merge, value in self.active:
            if value is None:
                continue
            for column in range(merge.first_col, merge.last_col + 1):
                cells[column] = value
        return cells


class XlsxFile(ExtractFile):
    """The sheets whose headers name the extract's id column; title rows above a header are skipped."""

    def __init__(self, path: Path, sha256: str, size: int, kind: str | None):
        super().__init__(path, sha256, size)
        self.book = Workbook(path)
        self._found: list[tuple[Sheet, int, Layout]] = []
        self._done_bytes = 0
        self._total_bytes = 1
        try:
            self._find_sheets(kind)
        except BaseException:
            self.book.close()
            raise

    def _header(self, sheet: Sheet) -> tuple[int, list[str]] | None:
        with closing(self.book.rows(sheet)) as rows:
            for row, cells in islice(rows, HEADER_SEARCH_ROWS):
                headers = [_cell_text(v) or "" for v in _row_list(cells)]
                if detect_kind(headers):
                    return row, [h.strip() for h in headers]
        return None

    def _find_sheets(self, kind: str | None) -> None:
        headers = [(sheet, found) for sheet in self.book.sheets if (found := self._header(sheet))]
        if not headers:
            raise ReadError("no_header_found", "no sheet has a header naming an id column")
        kind = kind or detect_kind(headers[0][1][1])
        for sheet, (row, names) in headers:
            try:
                layout = Layout.of(names, kind)
            except ReadError:
                continue  # a sheet of another kind (a summary, another extract)
            self._found.append((sheet, row, layout))
        if not self._found:
            Layout.of(headers[0][1][1], kind)  # raises wrong_kind with the usual message
            raise ReadError("wrong_kind", f"no sheet holds {kind}")
        first = self._found[0][2]
        self.kind = first.extract.kind
        self.dropped_columns = sorted({h for _, _, layout in self._found for h in layout.dropped})
        self.sheets = [sheet.name for sheet, _, _ in self._found]
        self._total_bytes = sum(sheet.size for sheet, _, _ in self._found) or 1

    @property
    def bytes_read(self) -> int:
        done = self._done_bytes + self.book.bytes_read
        return min(self.size, self.size * done // self._total_bytes)

    def batches(self, exact: bool = False) -> Iterator[pa.Table]:
        try:
            for sheet, header_row, layout in self._found:
                yield from self._sheet_batches(sheet, header_row, layout)
                self._done_bytes += sheet.size
        finally:
            self.book.close()

    def _sheet_batches(self, sheet: Sheet, header_row: int, layout: Layout) -> Iterator[pa.Table]:
        fill = _MergeFill(self.book.merges(sheet))
        width = max(layout.positions.values()) + 1
        nik = layout.nik_position
        values: list[list[str | None]] = []
        rows: list[int] = []
        numeric: list[bool] = []
        for row, cells in self.book.rows(sheet):
            cells = fill.apply(row, cells)
            if row <= header_row:
                continue
            line = _row_list(cells)[:width]
            line += [None] * (width - len(line))
            values.append([_cell_text(v) for v in line])
            rows.append(row)
            value = line[nik] if nik is not None else None
            numeric.append(isinstance(value, int | float) and not isinstance(value, bool))
            if len(rows) >= BATCH_ROWS:
                yield self._batch(layout, sheet, values, rows, numeric)
                values, rows, numeric = [], [], []
        if rows:
            yield self._batch(layout, sheet, values, rows, numeric)

    @staticmethod
    def _batch(layout: Layout, sheet: Sheet, values, rows, numeric) -> pa.Table:
        columns = [pa.array(column, pa.string()) for column in zip(*values, strict=True)]
        return _canonical(
            layout, columns, pa.array(rows, pa.int64()), sheet=sheet.name, nik_numeric=pa.array(numeric, pa.bool_())
        )


# --- Parquet -------------------------------------------------------------------------------


class ParquetFile(ExtractFile):
    def __init__(self, path: Path, sha256: str, size: int, kind: str | None):
        super().__init__(path, sha256, size)
        self.file = pq.ParquetFile(path)
        self.headers = self.file.schema_arrow.names
        self.layout = Layout.of(self.headers, kind)
        self.kind = self.layout.extract.kind
        self.dropped_columns = self.layout.dropped
        self._rows_done = 0

    @property
    def bytes_read(self) -> int:
        return self.size * self._rows_done // max(1, self.file.metadata.num_rows)

    def batches(self, exact: bool = False) -> Iterator[pa.Table]:
        nik = self.layout.nik_position
        next_row = 2
        for batch in self.file.iter_batches(batch_size=BATCH_ROWS):
            n = batch.num_rows
            columns = [column.cast(pa.string()) for column in batch.columns]
            # A NIK in a floating-point column has lost digits above 2^53 (9.007e15).
            is_float = nik is not None and pa.types.is_floating(batch.schema.field(nik).type)
            numeric = pa.array([is_float] * n, pa.bool_())
            yield _canonical(
                self.layout, columns, pa.array(range(next_row, next_row + n), pa.int64()), nik_numeric=numeric
            )
            next_row += n
            self._rows_done += n


# --- Opening a file ------------------------------------------------------------------------


def scan(path: Path) -> tuple[str, int, bool]:
    """One pass over the bytes: SHA-256, size, and whether the bytes are valid UTF-8."""
    digest = hashlib.sha256()
    decoder: codecs.IncrementalDecoder | None = codecs.getincrementaldecoder("utf-8")()
    size = 0
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
            size += len(block)
            if decoder is not None:
                try:
                    decoder.decode(block)
                except UnicodeDecodeError:
                    decoder = None
    if decoder is not None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            decoder = None
    return digest.hexdigest(), size, decoder is not None


def open_extract(path: Path, kind: str | None = None) -> ExtractFile:
    """Open one file and read its header; the kind comes from the headers unless given."""
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".parquet"):
        raise ReadError("unsupported_format", suffix or "no extension")
    if not path.exists():
        raise ReadError("file_not_found")
    try:
        sha256, size, utf8 = scan(path)
    except OSError as e:
        raise ReadError("unreadable", e.strerror or str(e)) from e
    if size == 0:
        raise ReadError("empty_file", "0 bytes")
    try:
        if suffix == ".xlsx":
            return XlsxFile(path, sha256, size, kind)
        if suffix == ".parquet":
            return ParquetFile(path, sha256, size, kind)
        return CsvFile(path, sha256, size, utf8, kind)
    except XlsxError as e:
        raise ReadError("corrupt_xlsx", f"not a complete XLSX workbook (truncated or damaged): {e}") from e
    except pa.ArrowException as e:
        raise ReadError("corrupt_parquet", str(e)) from e
    except OSError as e:
        raise ReadError("unreadable", e.strerror or str(e)) from e


def read_failure(error: Exception) -> ReadError:
    """The ReadError for a failure while streaming a file's batches (after it opened fine)."""
    if isinstance(error, XlsxError):
        return ReadError("corrupt_xlsx", f"not a complete XLSX workbook (truncated or damaged): {error}")
    if isinstance(error, pa.ArrowException):
        return ReadError("corrupt_parquet", str(error))
    return ReadError("unreadable", getattr(error, "strerror", None) or str(error))

