"""The briefing as a PowerPoint deck (python-pptx), one slide per content slide, 16:9.

Charts are native PowerPoint charts (`slide.shapes.add_chart`): the audience's own copy stays
editable, and its data sheet holds the figures. Only the map is a picture.

A hidden count ("<5", pantau/disclosure.py) cannot go into a chart's number cache, and leaving the
point empty would drop its label too (PowerPoint labels no empty point). So it is plotted as a
zero-height bar with a custom "<5" data label, and the slide's note says what "<5" means. The
chart's data sheet then holds 0 for that point, never the count.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from pantau.briefing.content import Briefing, Chart, Slide, Table, is_hidden
from pantau.briefing.images import series_color

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
CONTENT_TOP = Inches(1.6)
CONTENT_BOTTOM = Inches(6.5)
BLANK_LAYOUT = 6
# Counts with thousands separators; the third (zero) section is empty, so a zero bar gets no "0" label.
NUMBER_FORMAT = "#,##0"
LABEL_FORMAT = "#,##0;-#,##0;;"
# Up to this largest value the value axis ticks every whole number.
SMALL_AXIS = 6
DARK = RGBColor(0x1B, 0x2A, 0x41)
GREY = RGBColor(0x5F, 0x63, 0x68)
RED = RGBColor(0xB0, 0x1E, 0x1E)
ACCENT = RGBColor(0x1F, 0x6F, 0x8B)


def build(briefing: Briefing, map_png: bytes | None = None) -> bytes:
    """The .pptx file; `map_png` is images.map_png() of the map slide (None: the map slide keeps its table)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = f"Pantau PMI — {briefing.request.area.name(briefing.lang)}"
    deck.core_properties.author = "Pantau PMI"
    deck.core_properties.language = "id-ID" if briefing.lang == "id" else "en-GB"
    for number, content in enumerate(briefing.slides, start=1):
        slide = deck.slides.add_slide(deck.slide_layouts[BLANK_LAYOUT])
        if content.key == "title":
            _title_slide(slide, content)
        elif content.key == "closing":
            _header(slide, content)
            _closing(slide, content)
        else:
            _header(slide, content)
            _body(slide, content, briefing, map_png)
        _frame(slide, briefing, number, len(briefing.slides))
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


# Text helpers ----------------------------------------------------------------------------------


def _text(slide, left, top, width, height, text: str, size: int, *, bold: bool = False,
          color: RGBColor = DARK, align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP):
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = anchor
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size, run.font.bold, run.font.color.rgb = Pt(size), bold, color
    return box


def _paragraphs(frame, lines: tuple[str, ...] | list[str], size: int) -> None:
    """Lines as paragraphs; a line starting with '# ' is a heading."""
    frame.word_wrap = True
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        heading = line.startswith("# ")
        run = paragraph.add_run()
        run.text = line[2:] if heading else line
        run.font.size = Pt(size + 2 if heading else size)
        run.font.bold = heading
        run.font.color.rgb = ACCENT if heading else DARK
        paragraph.space_before = Pt(8 if heading and i else 3)


def _frame(slide, briefing: Briefing, number: int, total: int) -> None:
    """Footer (region, period, version), the slide number and, on demo data, the demo label."""
    _text(slide, MARGIN, Inches(7.05), Inches(10.8), Inches(0.35), briefing.footer(), 10, color=GREY)
    _text(slide, Inches(11.3), Inches(7.05), Inches(1.53), Inches(0.35), f"{number} / {total}", 10, color=GREY,
          align=PP_ALIGN.RIGHT)
    if briefing.demo:
        _text(slide, Inches(7.3), Inches(0.08), Inches(5.53), Inches(0.35), briefing.demo_label(), 12, bold=True,
              color=RED, align=PP_ALIGN.RIGHT)


def _header(slide, content: Slide) -> None:
    _text(slide, MARGIN, Inches(0.4), Inches(12.3), Inches(0.6), content.title, 28, bold=True)
    lead = content.subtitle or (content.lines[0] if content.lines and content.key != "closing" else "")
    if lead:
        _text(slide, MARGIN, Inches(0.98), Inches(12.3), Inches(0.45), lead, 13, color=GREY)


def _title_slide(slide, content: Slide) -> None:
    _text(slide, Inches(0.8), Inches(1.0), Inches(11.7), Inches(1.5), content.title, 36, bold=True,
          anchor=MSO_ANCHOR.BOTTOM)
    _text(slide, Inches(0.8), Inches(2.6), Inches(11.7), Inches(0.6), content.subtitle, 24, color=ACCENT)
    box = slide.shapes.add_textbox(Inches(0.8), Inches(3.5), Inches(11.7), Inches(3.0))
    _paragraphs(box.text_frame, content.lines, 18)


def _closing(slide, content: Slide) -> None:
    """Definitions on the left, sources and the privacy note on the right (split at the second heading)."""
    headings = [i for i, line in enumerate(content.lines) if line.startswith("# ")]
    split = headings[1] if len(headings) > 1 else len(content.lines)
    for lines, left, width in ((content.lines[:split], MARGIN, Inches(7.4)),
                               (content.lines[split:], Inches(8.2), Inches(4.6))):
        box = slide.shapes.add_textbox(left, Inches(1.2), width, Inches(5.7))
        _paragraphs(box.text_frame, lines, 12)


# Content ---------------------------------------------------------------------------------------


def _body(slide, content: Slide, briefing: Briefing, map_png: bytes | None) -> None:
    top = CONTENT_TOP
    bottom = CONTENT_BOTTOM
    width = WIDTH - 2 * MARGIN
    if content.notes:
        box = slide.shapes.add_textbox(MARGIN, bottom, width, Inches(0.5))
        _paragraphs(box.text_frame, content.notes, 10)
        for paragraph in box.text_frame.paragraphs:
            for run in paragraph.runs:
                run.font.color.rgb = GREY
    if content.empty:
        _text(slide, MARGIN, top, width, Inches(1.0), content.empty, 18, color=GREY)
        return
    height = bottom - top
    if content.map is not None:
        map_width = Inches(8.2)
        if map_png:
            _picture(slide, map_png, MARGIN, top, map_width, height)
        else:
            _text(slide, MARGIN, top, map_width, Inches(1.0), content.map.title, 16, color=GREY)
        if content.table is not None:
            _table(slide, content.table, MARGIN + map_width + Inches(0.3), top, width - map_width - Inches(0.3),
                   size=11)
        return
    if content.charts:
        # Side by side, the first (more categories) wider when there are two.
        shares = (1.0,) if len(content.charts) == 1 else (0.58, 0.42)
        gap = Inches(0.3)
        left = MARGIN
        usable = width - gap * (len(content.charts) - 1)
        for chart, share in zip(content.charts, shares, strict=False):
            chart_width = Emu(int(usable * share))
            _chart(slide, chart, left, top, chart_width, height)
            left += chart_width + gap
    if content.table is not None:
        if content.key == "kpis":
            _table(slide, content.table, MARGIN, top, Inches(10), size=16)
        else:
            _table(slide, content.table, MARGIN, top, width, size=10)


def _picture(slide, png: bytes, left, top, width, height) -> None:
    """The picture as large as fits the box, keeping its shape."""
    picture = slide.shapes.add_picture(io.BytesIO(png), left, top)
    ratio = min(width / picture.width, height / picture.height)
    picture.width, picture.height = int(picture.width * ratio), int(picture.height * ratio)


def _table(slide, table: Table, left, top, width, size: int) -> None:
    rows, columns = len(table.rows) + 1, len(table.columns)
    row_height = Pt(size * 2.1)
    shape = slide.shapes.add_table(rows, columns, left, top, width, row_height * rows)
    grid = shape.table
    for column, column_width in zip(grid.columns, _column_widths(table, width, size), strict=True):
        column.width = column_width
    for r, cells in enumerate((table.columns, *table.rows)):
        for c, value in enumerate(cells):
            cell = grid.cell(r, c)
            cell.text = value
            cell.margin_top = cell.margin_bottom = Pt(2)
            paragraph = cell.text_frame.paragraphs[0]
            paragraph.alignment = PP_ALIGN.RIGHT if table.numeric[c] else PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = r == 0


def _column_widths(table: Table, width: int, size: int) -> list[int]:
    """Number columns as wide as the longest word of their header; text columns share the rest by their
    longest text (capped, so one long list does not squeeze the names)."""
    char = Pt(size * 0.72)  # an average character of a sans-serif font
    words = [len(word) for header, numeric in zip(table.columns, table.numeric, strict=True) if numeric
             for word in header.split()]
    number_width = max([Inches(1.0), *(char * n + Inches(0.25) for n in words)])
    longest = [min(max(len(row[i]) for row in (table.columns, *table.rows)), 60) for i in range(len(table.columns))]
    text_room = width - number_width * sum(table.numeric)
    text_total = sum(n for n, numeric in zip(longest, table.numeric, strict=True) if not numeric) or 1
    return [int(number_width if numeric else text_room * n / text_total)
            for n, numeric in zip(longest, table.numeric, strict=True)]


def _chart_type(chart: Chart):
    if chart.horizontal:
        return XL_CHART_TYPE.BAR_STACKED if chart.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    return XL_CHART_TYPE.COLUMN_STACKED if chart.stacked else XL_CHART_TYPE.COLUMN_CLUSTERED


def _chart(slide, chart: Chart, left, top, width, height) -> None:
    data = CategoryChartData(number_format=NUMBER_FORMAT)
    data.categories = chart.categories
    for series in chart.series:
        data.add_series(series.name, [0 if is_hidden(v) else v for v in series.values])
    native = slide.shapes.add_chart(_chart_type(chart), left, top, width, height, data).chart
    native.has_title = True
    native.chart_title.text_frame.text = chart.title
    native.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(14)
    native.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    native.has_legend = len(chart.series) > 1
    if native.has_legend:
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(11)
    native.font.size = Pt(11)
    native.value_axis.tick_labels.number_format = NUMBER_FORMAT
    native.value_axis.tick_labels.number_format_is_linked = False
    native.value_axis.has_major_gridlines = True
    if chart.horizontal:
        # The first (largest) category on top, and the value axis kept at the bottom.
        native.category_axis.reverse_order = True
        # The value axis crosses at the last category (python-pptx 1.0.2 has no property for this side).
        native.value_axis._element.find(qn("c:crosses")).set("val", "max")
    plot = native.plots[0]
    plot.gap_width = 60
    if chart.stacked:
        plot.overlap = 100
    if max((v for s in chart.series for v in s.values if not is_hidden(v)), default=0) <= SMALL_AXIS:
        native.value_axis.major_unit = 1  # no "0,5 cases"
    for native_series, series in zip(plot.series, chart.series, strict=True):
        native_series.format.fill.solid()
        native_series.format.fill.fore_color.rgb = RGBColor.from_string(series_color(series.key).lstrip("#"))
        # Labels per series, not per plot: a series' own labels (the "<5" ones) override the plot's.
        if chart.value_labels:
            _value_labels(native_series.data_labels, chart.stacked)
        for index, value in enumerate(series.values):
            if is_hidden(value):
                _hidden_label(native_series.points[index], value, chart.stacked)


def _value_labels(labels, stacked: bool) -> None:
    """Each bar's value (zeros left blank by the format); white inside stacked segments."""
    labels.show_value = True
    labels.number_format, labels.number_format_is_linked = LABEL_FORMAT, False
    labels.font.size = Pt(10)
    labels.position = XL_LABEL_POSITION.CENTER if stacked else XL_LABEL_POSITION.OUTSIDE_END
    if stacked:
        labels.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)


def _hidden_label(point, marker: str, stacked: bool) -> None:
    """A zero-height bar that says "<5" at its base."""
    label = point.data_label
    label.has_text_frame = True
    label.text_frame.text = marker
    run = label.text_frame.paragraphs[0].runs[0]
    run.font.size = Pt(10)
    run.font.color.rgb = DARK
    label.position = XL_LABEL_POSITION.INSIDE_BASE if stacked else XL_LABEL_POSITION.OUTSIDE_END
