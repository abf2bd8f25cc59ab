"""The briefing as a PDF for those who only read (fpdf2): one A4 landscape page per slide.

Same slides, texts and figures as the deck; the charts are pictures (images.chart_png, matplotlib)
and the map the deck's picture. The font is DejaVu Sans, embedded from the copy matplotlib ships
(or Debian's fonts-dejavu-core): it covers Indonesian text and the dashes and signs of the labels,
and nothing is downloaded.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib
from fpdf import FPDF
from fpdf.fonts import FontFace

from pantau.briefing import images
from pantau.briefing.content import Briefing, Chart, Slide, Table

FONT = "DejaVu"
FONT_DIRS = (Path(matplotlib.get_data_path()) / "fonts" / "ttf", Path("/usr/share/fonts/truetype/dejavu"))
PAGE_W, PAGE_H = 297.0, 210.0  # A4 landscape, mm
MARGIN = 12.0
CONTENT_TOP = 36.0
NOTES_TOP = 184.0
FOOTER_Y = 200.0
DARK = (27, 42, 65)
GREY = (95, 99, 104)
RED = (176, 30, 30)
ACCENT = (31, 111, 139)
HEADER_FILL = (31, 111, 139)


def font_file(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} not found in {', '.join(map(str, FONT_DIRS))}")


class _Document(FPDF):
    def __init__(self, briefing: Briefing) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.briefing = briefing
        self.set_auto_page_break(False)
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.add_font(FONT, "", str(font_file("DejaVuSans.ttf")))
        self.add_font(FONT, "B", str(font_file("DejaVuSans-Bold.ttf")))
        self.set_title(f"Pantau PMI — {briefing.request.area.name(briefing.lang)}")
        self.set_author("Pantau PMI")
        self.set_creator("Pantau PMI")
        self.set_lang("id-ID" if briefing.lang == "id" else "en-GB")

    def footer(self) -> None:
        self.set_font(FONT, "", 8)
        self.set_text_color(*GREY)
        self.set_xy(MARGIN, FOOTER_Y)
        self.cell(PAGE_W - 2 * MARGIN - 20, 5, self.briefing.footer())
        self.cell(20, 5, f"{self.page_no()} / {len(self.briefing.slides)}", align="R")
        if self.briefing.demo:
            self.set_font(FONT, "B", 9)
            self.set_text_color(*RED)
            self.set_xy(PAGE_W / 2, 4)
            self.cell(PAGE_W / 2 - MARGIN, 5, self.briefing.demo_label(), align="R")

    def text_block(self, x: float, y: float, w: float, text: str, size: float, *, bold: bool = False,
                   color: tuple[int, int, int] = DARK, line: float | None = None) -> float:
        """Wrapped text at (x, y); returns the y under it."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*color)
        self.set_xy(x, y)
        self.multi_cell(w, line or size * 0.5, text)
        return self.get_y()


def build(briefing: Briefing, map_png: bytes | None = None) -> bytes:
    """The PDF file; `map_png` is images.map_png() of the map slide (None: the map page keeps its table)."""
    pdf = _Document(briefing)
    for content in briefing.slides:
        pdf.add_page()
        if content.key == "title":
            _title_page(pdf, content)
        elif content.key == "closing":
            _header(pdf, content)
            _closing(pdf, content)
        else:
            _header(pdf, content)
            _body(pdf, content, briefing.lang, map_png)
    return bytes(pdf.output())


def _header(pdf: _Document, content: Slide) -> None:
    pdf.text_block(MARGIN, 12, PAGE_W - 2 * MARGIN, content.title, 18, bold=True)
    lead = content.subtitle or (content.lines[0] if content.lines and content.key != "closing" else "")
    if lead:
        pdf.text_block(MARGIN, 22, PAGE_W - 2 * MARGIN, lead, 10, color=GREY)


def _title_page(pdf: _Document, content: Slide) -> None:
    y = pdf.text_block(20, 50, PAGE_W - 40, content.title, 26, bold=True, line=12)
    y = pdf.text_block(20, y + 3, PAGE_W - 40, content.subtitle, 16, color=ACCENT, line=8)
    y += 10
    for line in content.lines:
        y = pdf.text_block(20, y, PAGE_W - 40, line, 12, line=6.5) + 2


def _lines(pdf: _Document, x: float, y: float, w: float, lines: tuple[str, ...] | list[str], size: float) -> float:
    for line in lines:
        if line.startswith("# "):
            y = pdf.text_block(x, y + 3, w, line[2:], size + 2, bold=True, color=ACCENT) + 1
        else:
            y = pdf.text_block(x, y, w, line, size) + 1.2
    return y


def _closing(pdf: _Document, content: Slide) -> None:
    headings = [i for i, line in enumerate(content.lines) if line.startswith("# ")]
    split = headings[1] if len(headings) > 1 else len(content.lines)
    _lines(pdf, MARGIN, CONTENT_TOP - 8, 160, content.lines[:split], 9)
    _lines(pdf, MARGIN + 170, CONTENT_TOP - 8, PAGE_W - 2 * MARGIN - 170, content.lines[split:], 9)


def _body(pdf: _Document, content: Slide, lang: str, map_png: bytes | None) -> None:
    width = PAGE_W - 2 * MARGIN
    if content.notes:
        _lines(pdf, MARGIN, NOTES_TOP, width, content.notes, 7.5)
    if content.empty:
        pdf.text_block(MARGIN, CONTENT_TOP + 4, width, content.empty, 13, color=GREY)
        return
    height = NOTES_TOP - CONTENT_TOP - 3
    if content.map is not None:
        map_width = 180.0
        if map_png:
            _picture(pdf, map_png, MARGIN, CONTENT_TOP, map_width, height)
        else:
            pdf.text_block(MARGIN, CONTENT_TOP, map_width, content.map.title, 12, color=GREY)
        if content.table is not None:
            _table(pdf, content.table, MARGIN + map_width + 6, CONTENT_TOP, width - map_width - 6, 8.5)
        return
    if content.charts:
        shares = (1.0,) if len(content.charts) == 1 else (0.58, 0.42)
        gap = 6.0
        x = MARGIN
        for chart, share in zip(content.charts, shares, strict=False):
            chart_width = (width - gap * (len(content.charts) - 1)) * share
            _chart(pdf, chart, lang, x, CONTENT_TOP, chart_width, height)
            x += chart_width + gap
    if content.table is not None:
        _table(pdf, content.table, MARGIN, CONTENT_TOP, width, 10 if content.key == "kpis" else 7)


def _picture(pdf: _Document, png: bytes, x: float, y: float, w: float, h: float) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        ratio = image.height / image.width
    if w * ratio > h:
        w = h / ratio
    pdf.image(io.BytesIO(png), x=x, y=y, w=w)


def _chart(pdf: _Document, chart: Chart, lang: str, x: float, y: float, w: float, h: float) -> None:
    pdf.image(io.BytesIO(images.chart_png(chart, lang, w, h)), x=x, y=y, w=w, h=h)


def _table(pdf: _Document, table: Table, x: float, y: float, w: float, size: float) -> None:
    pdf.set_font(FONT, "", size)
    pdf.set_text_color(*DARK)
    pdf.set_xy(x, y)
    # Number columns get a fixed width; text columns share the rest by their longest text (capped).
    numbers = sum(table.numeric)
    # Wide enough for the longest word of a number column's header (in bold, hence the margin).
    words = [word for header, numeric in zip(table.columns, table.numeric, strict=True) if numeric
             for word in header.split()]
    number_width = max([size * 3.2, *(pdf.get_string_width(word) * 1.15 + 3 for word in words)])
    longest = [min(max(len(row[i]) for row in (table.columns, *table.rows)), 60) for i in range(len(table.columns))]
    text_room = w - number_width * numbers
    text_total = sum(n for n, numeric in zip(longest, table.numeric, strict=True) if not numeric) or 1
    widths = tuple(number_width if numeric else text_room * n / text_total
                   for n, numeric in zip(longest, table.numeric, strict=True))
    with pdf.table(width=w, col_widths=widths, align="LEFT", line_height=size * 0.55,
                   text_align=tuple("RIGHT" if numeric else "LEFT" for numeric in table.numeric),
                   headings_style=FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=HEADER_FILL),
                   padding=1.2, borders_layout="HORIZONTAL_LINES") as grid:
        for cells in (table.columns, *table.rows):
            row = grid.row()
            for value in cells:
                row.cell(value)

