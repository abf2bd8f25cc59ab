"""Stream the rows of an XLSX workbook with bounded memory.

openpyxl's read-only mode streams too, but reads about 8,000 rows a second and cannot see merged
cells; this reader parses the sheet XML with expat as it is decompressed (several times faster)
and finds the merged ranges in a quick byte scan of the sheet's tail, where XLSX keeps them.
Memory holds the shared-string table (as openpyxl does), one chunk of XML and one row.

Cells come back as Python values: str, int, float, bool, or datetime for a number formatted as
a date, so the caller can still tell a number from text (a NIK that Excel turned into a number).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree
from xml.parsers import expat

# openpyxl's date helpers are imported when a workbook is read: importing any part of openpyxl
# loads all of it (~0.4 s), which every page would otherwise pay through upload -> ingest -> readers.

CHUNK = 1 << 16
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')

Value = str | int | float | bool | object


class XlsxError(Exception):
    """The file is not a complete XLSX workbook (truncated, damaged, or another format)."""


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str  # path of the sheet's XML inside the zip
    size: int  # its uncompressed size, for progress


@dataclass(frozen=True)
class Merge:
    first_row: int
    first_col: int
    last_row: int
    last_col: int


def column_number(letters: str) -> int:
    """'A' -> 1, 'Z' -> 26, 'AA' -> 27."""
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


def _part(target: str) -> str:
    """A relationship target of xl/workbook.xml as a path inside the zip."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def _local(tag: str) -> str:
    """An element name without its namespace ('{ns}c' or 'x:c' -> 'c')."""
    return tag.rpartition("}")[2].rpartition(":")[2]


class Workbook:
    """An open XLSX file: its sheets, shared strings and date styles; rows streamed per sheet."""

    def __init__(self, path: Path):
        try:
            self._zip = zipfile.ZipFile(path)
            self.sheets = self._read_sheets()
            self._strings = self._read_shared_strings()
            self._date_styles = self._read_date_styles()
        except (zipfile.BadZipFile, KeyError, zlib.error, EOFError, ElementTree.ParseError, expat.ExpatError,
                ValueError) as e:
            raise XlsxError(str(e) or type(e).__name__) from e
        self.bytes_read = 0  # uncompressed sheet bytes parsed so far, for progress

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _xml(self, part: str) -> ElementTree.Element:
        return ElementTree.fromstring(self._zip.read(part))

    def _read_sheets(self) -> list[Sheet]:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

        self._from_excel = from_excel
        workbook = self._xml("xl/workbook.xml")
        self._epoch = CALENDAR_WINDOWS_1900
        for element in workbook.iter():
            if _local(element.tag) == "workbookPr" and element.get("date1904") in ("1", "true"):
                self._epoch = CALENDAR_MAC_1904
        rels = [rel for rel in self._xml("xl/_rels/workbook.xml.rels") if _local(rel.tag) == "Relationship"]
        targets = {rel.get("Id"): _part(rel.get("Target", "")) for rel in rels}
        # Shared strings and styles are found by their relationship type; names vary by exporter.
        by_type = {rel.get("Type", "").rpartition("/")[2]: _part(rel.get("Target", "")) for rel in rels}
        self._strings_part = by_type.get("sharedStrings", "xl/sharedStrings.xml")
        self._styles_part = by_type.get("styles", "xl/styles.xml")
        sheets = []
        for element in workbook.iter():
            if _local(element.tag) != "sheet":
                continue
            part = targets[element.get(f"{_REL_NS}id")]
            sheets.append(Sheet(element.get("name", ""), part, self._zip.getinfo(part).file_size))
        return sheets

    def _read_shared_strings(self) -> list[str]:
        if self._strings_part not in self._zip.namelist():
            return []
        strings: list[str] = []
        parts: list[str] = []
        depth_phonetic = 0
        collecting = False

        def start(name: str, _attrs: dict) -> None:
            nonlocal collecting, depth_phonetic
            name = _local(name)
            if name == "si":
                parts.clear()
            elif name == "rPh":  # phonetic guide text is not part of the value
                depth_phonetic += 1
            elif name == "t" and not depth_phonetic:
                collecting = True

        def end(name: str) -> None:
            nonlocal collecting, depth_phonetic
            name = _local(name)
            if name == "si":
                strings.append("".join(parts))
            elif name == "rPh":
                depth_phonetic -= 1
            elif name == "t":
                collecting = False

        def text(data: str) -> None:
            if collecting:
                parts.append(data)

        self._parse(self._zip.open(self._strings_part), start, end, text)
        return strings

    def _read_date_styles(self) -> frozenset[int]:
        """Indices of the cell styles whose number format shows a date or time."""
        if self._styles_part not in self._zip.namelist():
            return frozenset()
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

        styles = self._xml(self._styles_part)
        formats = dict(BUILTIN_FORMATS)
        for element in styles.iter():
            if _local(element.tag) == "numFmt":
                formats[int(element.get("numFmtId", "0"))] = element.get("formatCode", "")
        dates = set()
        for group in styles:
            if _local(group.tag) != "cellXfs":
                continue
            for index, xf in enumerate(x for x in group if _local(x.tag) == "xf"):
                code = formats.get(int(xf.get("numFmtId", "0")), "")
                if code and is_date_format(code):
                    dates.add(index)
        return frozenset(dates)

    @staticmethod
    def _parse(stream, start, end, text) -> None:
        """Feed a whole zip member to expat, chunk by chunk."""
        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        with stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)

    def merges(self, sheet: Sheet) -> list[Merge]:
        """The sheet's merged ranges, from the <mergeCells> list that follows its rows."""
        try:
            with self._zip.open(sheet.part) as stream:
                tail = b""
                window = b""
                while chunk := stream.read(1 << 20):
                    if tail:
                        tail += chunk
                        continue
                    window = window[-64:] + chunk
                    found = window.find(b"mergeCells")
                    if found >= 0:
                        tail = window[found:]
        except (zipfile.BadZipFile, zlib.error, EOFError) as e:
            raise XlsxError(str(e) or type(e).__name__) from e
        merges = []
        for first_col, first_row, last_col, last_row in _MERGE.findall(tail):
            merges.append(Merge(
                int(first_row), column_number(first_col.decode()),
                int(last_row or first_row), column_number((last_col or first_col).decode()),
            ))
        return merges

    def rows(self, sheet: Sheet) -> Iterator[tuple[int, dict[int, Value]]]:
        """(row number, {column number: value}) for each row the sheet stores, in order."""
        done: list[tuple[int, dict[int, Value]]] = []
        cells: dict[int, Value] = {}
        parts: list[str] = []
        columns: dict[str, int] = {}  # 'AB' -> 28, memoised: a sheet has few distinct columns
        row = col = style = phonetic = 0
        kind = "n"
        collect = False
        value_of = self._value

        # Hot path: the handlers run for every element, so they use plain locals, no helpers.
        def start(name: str, attrs: dict) -> None:
            nonlocal row, col, style, kind, collect, phonetic
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "c":
                ref = attrs.get("r")
                if ref:
                    letters = ref.rstrip("0123456789")
                    col = columns.get(letters) or columns.setdefault(letters, column_number(letters))
                else:
                    col += 1
                kind = attrs.get("t", "n")
                style = int(attrs.get("s", 0))
                parts.clear()
            elif name == "v" or (name == "t" and not phonetic):
                collect = True
            elif name == "row":
                row = int(attrs["r"]) if "r" in attrs else row + 1
                col = 0
                cells.clear()
            elif name == "rPh":
                phonetic += 1

        def end(name: str) -> None:
            nonlocal collect, phonetic
            if ":" in name:
                name = name.rpartition(":")[2]
            if name == "c":
                value = value_of(kind, style, "".join(parts))
                if value is not None:
                    cells[col] = value
            elif name == "v" or name == "t":
                collect = False
            elif name == "row":
                done.append((row, dict(cells)))
            elif name == "rPh":
                phonetic -= 1

        def text(data: str) -> None:
            if collect:
                parts.append(data)

        parser = expat.ParserCreate()
        parser.buffer_text = True
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = text
        self.bytes_read = 0
        try:
            with self._zip.open(sheet.part) as stream:
                while chunk := stream.read(CHUNK):
                    self.bytes_read += len(chunk)
                    parser.Parse(chunk, False)
                    yield from done
                    done.clear()
                parser.Parse(b"", True)
                yield from done
        except (zipfile.BadZipFile, zlib.error, EOFError, expat.ExpatError) as e:
            raise XlsxError(str(e) or type(e).__name__) from e

    def _value(self, kind: str, style: int, text: str) -> Value | None:
        if kind == "s":
            return self._strings[int(text)] if text else None
        if kind in ("inlineStr", "str", "e", "d"):
            return text
        if kind == "b":
            return text == "1"
        if not text:
            return None
        try:
            number = int(text) if text.lstrip("-").isdigit() else float(text)
        except ValueError:
            return text  # not a number after all: let validation judge the text
        if style in self._date_styles:
            try:
                return self._from_excel(number, self._epoch)
            except (ValueError, OverflowError):
                return number  # a date format on a number no calendar holds
        return number
