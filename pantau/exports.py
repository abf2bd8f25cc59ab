"""Downloads of a chart or a table: CSV and XLSX with a header block, and PNG (no Streamlit here).

The header block says what the numbers are, so a file forwarded out of context still reads right:
title, filters (in words and codes), period and comparison period, dataset version, the short
definitions of the indicators in the table, the state of small-cell suppression, and "DATA DEMO"
when the version is synthetic. A CSV carries it as leading `# ` lines (pandas: `comment="#"`);
an XLSX as rows above the table on the same sheet. The table itself is given as shown on the page
(headers in the user's language, hidden counts as the marker), so a download is what was seen.

PNG pictures are rendered offline by kaleido with Debian's chromium, kept open by the process once the
first picture is asked for (Renderer): the page makes one only when the user clicks.
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import csv
import io
import math
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go

from pantau import disclosure, reference
from pantau.filters import Filters
from pantau.i18n import fmt_date, t

# openpyxl and kaleido are imported by the first XLSX or PNG asked for, not by every page that only
# offers the buttons: ~0.5 s less before the server answers its first page (python -m pantau.serve).
if TYPE_CHECKING:
    import kaleido

# Frame column -> indicator whose definition the header block states.
COLUMN_DEFINITIONS = {
    "registrations": "registrations",
    "labour_departures": "labour_departures",
    "procedural": "procedural",
    "procedural_departures": "procedural",
    "previous_procedural": "procedural",
    "non_procedural": "non_procedural",
    "non_procedural_departures": "non_procedural",
    "previous_non_procedural": "non_procedural",
    "previous_non_procedural_departures": "non_procedural",
    "prevented": "prevented",
    "prevented_departures": "prevented",
    "cases": "cases",
    "other_cases": "cases",
    "trafficking_cases": "trafficking",
    "non_procedural_share": "share",
    "previous_non_procedural_share": "share",
    "unknown": "case_mode",
    "linked": "case_mode",
    "reported": "case_mode",
    "none": "case_mode",
    "increase": "change",
    "change": "change",
}
# Definitions in a fixed order, whatever order the columns come in.
DEFINITION_ORDER = ("registrations", "labour_departures", "procedural", "non_procedural", "share", "prevented",
                    "cases", "trafficking", "case_mode", "change")
PNG_WIDTH = 1200
PNG_SCALE = 2
# Seconds: starting the browser, and drawing one picture (then the browser is given up and restarted).
START_TIMEOUT = 60
RENDER_TIMEOUT = 60
# Room under the plot for the period, version and demo lines of a PNG.
FOOTER_LINE = 20
DEMO_COLOR = "#B00020"
HEADER_COLOR = "DDE6EE"


@dataclass(frozen=True)
class Header:
    """What the header block of one download states."""

    title: str
    lang: str
    filters: Filters
    version_id: str
    demo: bool
    comparison: Filters | None = None
    definitions: tuple[str, ...] = ()
    # Suppression as it was when the page drew the numbers, not when the file is written.
    suppressed: bool = field(default_factory=disclosure.is_on)
    k: int = field(default_factory=disclosure.threshold)


def definitions(columns: Iterable[str], extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The indicators (DEFINITION_ORDER names) behind a table's columns, plus `extra`."""
    wanted = {COLUMN_DEFINITIONS[c] for c in columns if c in COLUMN_DEFINITIONS} | set(extra)
    return tuple(name for name in DEFINITION_ORDER if name in wanted)


def _named(codes: Sequence[str], names: dict[str, str]) -> str:
    return ", ".join(f"{names.get(code, code)} ({code})" for code in codes)


def filter_text(filters: Filters, lang: str) -> str:
    """The filters in words with their codes: 'Provinsi asal: Jawa Barat (32); Jenis kelamin: Perempuan (F)'."""
    parts = []
    if filters.provinces:
        parts.append(f"{t('filter.provinces', lang)}: {_named(filters.provinces, reference.province_names())}")
    if filters.regencies:
        parts.append(f"{t('filter.regencies', lang)}: {_named(filters.regencies, reference.regency_names())}")
    if filters.destinations:
        parts.append(f"{t('filter.destinations', lang)}: "
                     f"{_named(filters.destinations, reference.country_names(lang))}")
    if filters.genders:
        genders = {g: t(f"gender.{g}", lang) for g in filters.genders}
        parts.append(f"{t('filter.genders', lang)}: {_named(filters.genders, genders)}")
    if filters.checkpoint_kinds:
        kinds = {k: t(f"departures.kind.{k}", lang) for k in filters.checkpoint_kinds}
        parts.append(f"{t('departures.filter.kinds', lang)}: {_named(filters.checkpoint_kinds, kinds)}")
    if filters.checkpoints:
        parts.append(f"{t('departures.filter.checkpoints', lang)}: "
                     f"{_named(filters.checkpoints, reference.checkpoint_names())}")
    return "; ".join(parts) if parts else t("export.filters.none", lang)


def period_text(filters: Filters, lang: str) -> str:
    return t("export.period.value", lang, start=fmt_date(filters.start, lang), end=fmt_date(filters.end, lang),
             start_iso=filters.start.isoformat(), end_iso=filters.end.isoformat())


def suppression_text(header: Header) -> str:
    if not header.suppressed:
        return t("export.suppression.off", header.lang)
    return t("export.suppression.on", header.lang, last=header.k - 1, marker=disclosure.marker(header.k))


def header_lines(header: Header) -> list[tuple[str, str]]:
    """(label, value) lines of the header block; a definition list continues on lines with no label."""
    lang = header.lang
    lines = []
    if header.demo:
        lines.append((t("export.demo", lang), ""))
    lines += [
        (t("export.title", lang), header.title),
        (t("export.filters", lang), filter_text(header.filters, lang)),
        (t("export.period", lang), period_text(header.filters, lang)),
    ]
    if header.comparison is not None:
        lines.append((t("export.comparison", lang), period_text(header.comparison, lang)))
    lines.append((t("export.version", lang), header.version_id))
    for i, name in enumerate(header.definitions):
        lines.append((t("export.definitions", lang) if i == 0 else "", t(f"export.def.{name}", lang)))
    lines.append((t("export.suppression", lang), suppression_text(header)))
    lines.append((t("export.source", lang), t("export.source.value", lang)))
    return lines


def _cell(value: object) -> object:
    """A table value as a file cell: plain Python numbers, None for missing."""
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def csv_bytes(table: pd.DataFrame, header: Header) -> bytes:
    """UTF-8 CSV: the header block as `# label: value` lines, then the table with its header row."""
    out = io.StringIO()
    for label, value in header_lines(header):
        text = f"{label}: {value}" if label and value else (label or value)
        out.write(f"# {text}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        writer.writerow(["" if _cell(v) is None else _cell(v) for v in row])
    return out.getvalue().encode("utf-8")


def xlsx_bytes(table: pd.DataFrame, header: Header, percent: Iterable[str] = ()) -> bytes:
    """One sheet: the header block (bold labels), an empty row, then the table under a bold header row.

    Columns named in `percent` (shares, as fractions) get a percentage format; counts stay numbers and
    hidden ones the marker text, so a sum in Excel never silently counts a hidden cell.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "Data"
    lines = header_lines(header)
    for label, value in lines:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = bold
    sheet.cell(2 if header.demo else 1, 2).font = Font(bold=True, size=13)
    if header.demo:
        sheet.cell(1, 1).font = Font(bold=True, color=DEMO_COLOR[1:])
    # One empty row between the header block and the table.
    first = len(lines) + 2
    for j, column in enumerate(table.columns, start=1):
        sheet.cell(first, j, str(column))
    for cell in sheet[first]:
        cell.font = bold
        cell.fill = PatternFill("solid", fgColor=HEADER_COLOR)
    for row in table.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    percent = set(percent)
    for j, column in enumerate(table.columns, start=1):
        letter = get_column_letter(j)
        if column in percent:
            for (cell,) in sheet.iter_rows(min_row=first + 1, min_col=j, max_col=j):
                if isinstance(cell.value, float):
                    cell.number_format = "0.0%"
        width = max([len(str(column))] + [len(str(v)) for v in table[column].head(200)])
        sheet.column_dimensions[letter].width = min(max(width + 2, 10), 60)
    # The label column holds the header block's labels; wide enough for them, not for their values.
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width or 0, 22)
    sheet.freeze_panes = sheet.cell(first + 1, 1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def image_figure(fig: go.Figure, header: Header) -> go.Figure:
    """The chart as it should look on paper or a slide: its title, and under the plot the period,
    filters, dataset version, suppression state and, for synthetic data, the demo line."""
    picture = go.Figure(fig)
    lang = header.lang
    lines = [
        t("export.png.period", lang, period=period_text(header.filters, lang),
          filters=filter_text(header.filters, lang)),
        t("export.png.version", lang, version=header.version_id, suppression=suppression_text(header)),
    ]
    if header.demo:
        lines.insert(0, f"<b style='color:{DEMO_COLOR}'>{t('export.demo', lang)}</b>")
    height = int(picture.layout.height or 450)
    margin = picture.layout.margin
    top = int(margin.t if margin.t is not None else 100)
    bottom = int(margin.b if margin.b is not None else 80)
    extra = FOOTER_LINE * (len(lines) + 1)
    picture.update_layout(height=height + extra, margin={"b": bottom + extra}, width=PNG_WIDTH)
    # Annotations know no container coordinates: the foot of the figure in plot (paper) units.
    plot = max(height + extra - top - bottom - extra, 1)
    picture.add_annotation(
        text="<br>".join(lines), xref="paper", yref="paper", x=0, y=-(bottom + extra - 6) / plot,
        xanchor="left", yanchor="bottom", align="left", showarrow=False, font={"size": 11, "color": "#444444"},
    )
    if not picture.layout.title.text:
        picture.update_layout(title={"text": header.title})
    return picture


class Renderer:
    """One headless chromium (kaleido) kept by the process for pictures.

    The first picture starts it (a few seconds); later ones take about 0.3 s instead of a browser start
    each. Pictures are made one at a time (sessions share the process). MathJax is off: kaleido would
    otherwise load it from a CDN, and nothing here may reach the network; plotly.js comes from the
    plotly package. A failed or stuck picture closes the browser, and the next one starts a new one.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: kaleido.Kaleido | None = None

    def _run(self, coroutine, timeout: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=timeout)

    def _open(self) -> None:
        import kaleido

        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="pantau-png", daemon=True).start()

        async def start() -> kaleido.Kaleido:
            return await kaleido.Kaleido(mathjax=False, timeout=RENDER_TIMEOUT).__aenter__()

        try:
            self._kaleido = self._run(start(), START_TIMEOUT)
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close the browser (at exit, or after a failure); the next picture opens a new one."""
        if self._loop is None:
            return
        with contextlib.suppress(Exception):
            if self._kaleido is not None:
                self._run(self._kaleido.__aexit__(None, None, None), START_TIMEOUT)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop, self._kaleido = None, None

    def png(self, figure: dict, width: int, height: int, scale: float) -> bytes:
        with self._lock:
            if self._kaleido is None:
                self._open()
            opts = {"format": "png", "width": width, "height": height, "scale": scale}
            try:
                return self._run(self._kaleido.calc_fig(figure, opts), RENDER_TIMEOUT + 5)
            except BaseException:
                self.close()
                raise


RENDERER = Renderer()
atexit.register(RENDERER.close)


def png_bytes(fig: go.Figure, header: Header) -> bytes:
    """The chart as PNG, rendered offline by kaleido (Debian's chromium)."""
    picture = image_figure(fig, header)
    return RENDERER.png(picture.to_dict(), PNG_WIDTH, int(picture.layout.height), PNG_SCALE)
