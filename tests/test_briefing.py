"""The meeting briefing (pantau/briefing/): the PPTX opened with python-pptx and the PDF with poppler,
on the hand-built extracts (tests/extracts.py), 2024 against 2023.

Hand-worked figures for 2024 (see tests/extracts.py): labour departures by month, procedural D01 Feb,
D07 Apr, D10 Jun, D08 Dec and non-procedural D04 Feb, D02 + D03 Mar, D06 Apr; residence provinces
32 (A D01 proc, C D03 non, G D10 proc), 33 (B D02, D D04, E D06: all non), 35 (F D07 + D08 proc);
destinations KOR 2 proc, MYS 2 non, then ARE 1 non, HKG 1 proc, JPN 1 proc, TWN 1 non; one prevented
departure (D05, SEA-TBK); trafficking cases K02 forced labour non-procedural, K07 forced labour
non-procedural, K04 online scam mode unknown. 2023 holds registration R01B and departure D12 (3201,
non-procedural), so Cilacap (3301: 3 non-procedural in 2024, none in 2023) is the only hotspot:
Bogor's 1 equals its 2023 figure.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from extracts import NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from pantau import queries, store
from pantau.briefing import content, files, images
from pantau.briefing.content import Area, Request
from pantau.cli import main
from pantau.i18n import fmt_month

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
START, END = pd.Timestamp("2024-01-01").date(), pd.Timestamp("2024-12-31").date()
SLIDES = ("title", "kpis", "trend", "map", "routes", "checkpoints", "trafficking", "hotspots", "closing")
KPIS = ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
        "prevented_departures", "cases", "trafficking_cases")
# 2023 (the comparison period): registration R01B and the non-procedural departure D12, nothing else.
NATIONAL_2023 = {"registrations": 1, "labour_departures": 1, "procedural_departures": 0,
                 "non_procedural_departures": 1, "prevented_departures": 0, "cases": 0, "trafficking_cases": 0}
MONTHS_ID = tuple(f"{m} 2024" for m in ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt",
                                        "Nov", "Des"))
PROCEDURAL_2024 = (0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1)
NON_PROCEDURAL_2024 = (0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0)


@pytest.fixture
def exact(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")


@pytest.fixture
def suppressed(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "on")
    monkeypatch.delenv("PANTAU_SUPPRESSION_K", raising=False)


def stub_map() -> bytes:
    """A stand-in map picture where the test is not about the map (kaleido takes seconds)."""
    out = io.BytesIO()
    Image.new("RGB", (800, 400), "white").save(out, format="PNG")
    return out.getvalue()


NATIONAL = Area()


def briefing(area: Area = NATIONAL, lang: str = "id") -> content.Briefing:
    return content.build(Request(START, END, area, lang))


def deck(result: content.Briefing, map_png: bytes | None = None) -> Presentation:
    return Presentation(io.BytesIO(files.render(result, "pptx", map_png or stub_map())))


def charts(slide) -> dict[str, dict]:
    """Native charts of a slide by title: categories and {series name: values}."""
    found = {}
    for shape in slide.shapes:
        if shape.has_chart:
            chart = shape.chart
            plot = chart.plots[0]
            found[chart.chart_title.text_frame.text] = {
                "categories": tuple(plot.categories),
                "series": {s.name: tuple(int(v) for v in s.values) for s in plot.series},
                "chart": chart,
            }
    return found


def tables(slide) -> list[list[tuple[str, ...]]]:
    return [[tuple(cell.text for cell in row.cells) for row in shape.table.rows]
            for shape in slide.shapes if shape.has_table]


def texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def pictures(slide) -> int:
    return sum(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)


def slides_by_key(presentation: Presentation) -> dict[str, object]:
    return dict(zip(SLIDES, presentation.slides, strict=True))


def test_national_deck_charts_are_native_and_hold_the_query_results(published, exact):
    result = briefing()
    assert tuple(s.key for s in result.slides) == SLIDES
    presentation = deck(result, files.map_picture(result))  # the real map, rendered offline by kaleido
    slides = slides_by_key(presentation)

    # Only the map is a picture; every chart is a chart object.
    assert {key: pictures(slide) for key, slide in slides.items()} == {key: int(key == "map") for key in SLIDES}
    assert {key: len(charts(slide)) for key, slide in slides.items()} == {
        "title": 0, "kpis": 0, "trend": 1, "map": 0, "routes": 2, "checkpoints": 1, "trafficking": 2,
        "hotspots": 0, "closing": 0}

    filters = Area().filters(START, END)
    trend = charts(slides["trend"])["Keberangkatan pekerja per bulan"]
    monthly = queries.run("monthly_departures", filters)
    assert trend["categories"] == MONTHS_ID == tuple(fmt_month(m.date(), "id") for m in monthly["month"])
    assert trend["series"] == {"Prosedural": PROCEDURAL_2024, "Nonprosedural": NON_PROCEDURAL_2024}
    assert trend["series"]["Prosedural"] == tuple(monthly["procedural"])
    assert trend["series"]["Nonprosedural"] == tuple(monthly["non_procedural"])

    routes = charts(slides["routes"])
    origins = routes["Provinsi asal (keberangkatan pekerja)"]
    assert origins["categories"] == ("Jawa Barat", "Jawa Tengah", "Jawa Timur")
    assert origins["series"] == {"Prosedural": (2, 0, 2), "Nonprosedural": (1, 3, 0)}
    by_province = queries.run("region_indicators", filters, level="province", province="").set_index("code")
    assert origins["series"]["Nonprosedural"] == tuple(by_province.loc[["32", "33", "35"], "non_procedural_departures"])
    destinations = routes["Negara tujuan (keberangkatan pekerja)"]
    assert destinations["categories"] == ("Korea Selatan", "Malaysia", "Uni Emirat Arab", "Hong Kong", "Jepang",
                                          "Taiwan")
    assert destinations["series"] == {"Prosedural": (2, 0, 0, 1, 1, 0), "Nonprosedural": (0, 2, 1, 0, 0, 1)}
    top = queries.run("top_destinations", filters, limit=10)
    assert destinations["categories"] == tuple(top["name_id"])
    assert destinations["series"]["Prosedural"] == tuple(top["procedural"])

    checkpoints = charts(slides["checkpoints"])["TPI dengan penundaan keberangkatan terbanyak"]
    assert checkpoints["categories"] == ("Tanjung Balai Karimun",)
    assert checkpoints["series"] == {"Penundaan keberangkatan": (NATIONAL_2024["prevented_departures"],)}

    trafficking = charts(slides["trafficking"])
    exploitation = trafficking["Menurut bentuk eksploitasi dan cara berangkat"]
    assert exploitation["categories"] == ("Kerja paksa", "Penipuan daring (online scam)")
    assert exploitation["series"] == {"Prosedural": (0, 0), "Nonprosedural": (2, 0), "Tidak diketahui": (0, 1)}
    modes = trafficking["Menurut cara berangkat"]
    assert modes["categories"] == ("Prosedural", "Nonprosedural", "Tidak diketahui")
    assert modes["series"] == {"Kasus TPPO": tuple(NATIONAL_2024["trafficking_by_mode"].values())} == {
        "Kasus TPPO": (0, 2, 1)}
    assert any("Porsi nonprosedural: 100,0% (cara berangkat tidak diketahui: 1 kasus" in x
               for x in texts(slides["trafficking"]))

    # Headline figures against the same period a year earlier.
    [kpis] = tables(slides["kpis"])
    assert kpis[0] == ("Indikator", "Periode ini", "Setahun sebelumnya", "Perubahan")
    assert [row[1:3] for row in kpis[1:]] == [(str(NATIONAL_2024[k]), str(NATIONAL_2023[k])) for k in KPIS]
    assert [row[3] for row in kpis[1:]] == ["+300,0%", "+700,0%", "t/a", "+300,0%", "t/a", "t/a", "t/a"]

    [map_table] = tables(slides["map"])
    assert map_table[1:] == [("Jawa Tengah", "3"), ("Jawa Barat", "1")]
    [hotspots] = tables(slides["hotspots"])
    assert hotspots[1:] == [("Kabupaten Cilacap", "Jawa Tengah", "3", "0", "3", "Malaysia; Uni Emirat Arab",
                             "Soekarno-Hatta (Tangerang); Batam Centre; Tanjung Balai Karimun")]

    version = store.current_version()
    title = "\n".join(texts(slides["title"]))
    for expected in ("Wilayah: Indonesia (nasional)", "Periode: 1 Jan 2024 – 31 Des 2024",
                     "Pembanding: 1 Jan 2023 – 31 Des 2023", f"Versi data: {version.id}"):
        assert expected in title
    # Every slide carries the footer; the fixture is not demo data, so no demo label anywhere.
    for slide in presentation.slides:
        assert any(x.startswith("Pantau PMI · Indonesia (nasional) · 1 Jan 2024 – 31 Des 2024") for x in texts(slide))
        assert not any("DATA DEMO" in x for x in texts(slide))


def test_english_deck_from_the_same_data(published, exact):
    indonesian = slides_by_key(deck(briefing(lang="id")))
    english = slides_by_key(deck(briefing(lang="en")))
    trend = charts(english["trend"])["Labour departures per month"]
    assert trend["categories"] == tuple(f"{m} 2024" for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                                              "Aug", "Sep", "Oct", "Nov", "Dec"))
    assert trend["series"] == {"Procedural": PROCEDURAL_2024, "Non-procedural": NON_PROCEDURAL_2024}
    destinations = charts(english["routes"])["Destination countries (labour departures)"]
    assert destinations["categories"] == ("South Korea", "Malaysia", "United Arab Emirates", "Hong Kong", "Japan",
                                          "Taiwan")
    # The same numbers, slide by slide and chart by chart, in both languages.
    for key in SLIDES:
        ours = [[c["series"][name] for name in c["series"]] for c in charts(indonesian[key]).values()]
        theirs = [[c["series"][name] for name in c["series"]] for c in charts(english[key]).values()]
        assert ours == theirs, key
    [kpis] = tables(english["kpis"])
    assert kpis[0] == ("Indicator", "This period", "A year earlier", "Change")
    assert kpis[1] == ("Registrations", "4", "1", "+300.0%")
    title = "\n".join(texts(english["title"]))
    assert "Region: Indonesia (national)" in title
    assert "Period: 1 Jan 2024 – 31 Dec 2024" in title
    assert "Dataset version: " in title


def test_province_deck_shows_its_regencies(published, exact):
    slides = slides_by_key(deck(briefing(Area("province", "32"))))
    [kpis] = tables(slides["kpis"])
    assert [row[1] for row in kpis[1:]] == [str(PROVINCE_32_2024[k]) for k in KPIS]
    origins = charts(slides["routes"])["Kabupaten/kota asal (keberangkatan pekerja)"]
    assert origins["categories"] == ("Kabupaten Bogor",)
    assert origins["series"] == {"Prosedural": (2,), "Nonprosedural": (1,)}
    [map_table] = tables(slides["map"])
    assert map_table[1:] == [("Kabupaten Bogor", "1")]
    # No trafficking case in province 32: the slide says so instead of drawing an empty chart.
    assert charts(slides["trafficking"]) == {}
    assert "Tidak ada data untuk wilayah dan periode ini." in texts(slides["trafficking"])
    assert "Wilayah: Jawa Barat" in "\n".join(texts(slides["title"]))


def test_regency_deck_and_its_map_among_the_province_regencies(published, exact):
    result = briefing(Area("regency", "3301"))
    slides = slides_by_key(deck(result))
    [kpis] = tables(slides["kpis"])
    assert [row[1] for row in kpis[1:]] == [str(REGENCY_3301_2024[k]) for k in KPIS]
    # A single regency has no origins to rank: destinations only.
    assert list(charts(slides["routes"])) == ["Negara tujuan (keberangkatan pekerja)"]
    assert charts(slides["routes"])["Negara tujuan (keberangkatan pekerja)"]["series"] == {
        "Prosedural": (0, 0), "Nonprosedural": (2, 1)}
    panel = next(s.map for s in result.slides if s.key == "map")
    assert (panel.province, panel.highlight) == ("33", "3301")
    assert dict(zip(panel.codes, panel.values, strict=True))["3301"] == 3
    assert len(panel.codes) == 35  # every regency of Jawa Tengah
    fig = images.map_figure(panel, "id", "abu-abu: <5")
    assert [list(trace.locations) for trace in fig.data][-1] == ["3301"]  # the outline, drawn last
    assert "Wilayah: Kabupaten Cilacap, Jawa Tengah" in "\n".join(texts(slides["title"]))


def test_map_renders_offline(published, exact):
    result = briefing(Area("regency", "3301"))
    png = files.map_picture(result)
    assert png is not None and png.startswith(b"\x89PNG")
    with Image.open(io.BytesIO(png)) as picture:
        assert picture.width == images.MAP_WIDTH * images.MAP_SCALE
        # Not a blank page: the regencies are drawn in more than a handful of colours.
        assert len(picture.convert("RGB").getcolors(maxcolors=1_000_000)) > 20
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "briefing-map-3301.png").write_bytes(png)


# With suppression on every fixture count is 1..4, so everything non-zero must come out hidden.
# Text that holds digits but no count: dates, the version id, the marker's own explanation, definitions.
NOT_COUNTS = (
    r"\d{1,2} (?:Jan|Feb|Mar|Apr|Mei|May|Jun|Jul|Agu|Aug|Sep|Okt|Oct|Nov|Des|Dec) \d{4}(?: \d{2}[.:]\d{2})?",
    r"\d{8}T\d{6}-[0-9a-f]+", r"1–4", r"1 to 4", r"0–365", r"<5", r"\b\d+ ?/ ?\d+\b", r"SiskoP2MI", r"KP2MI",
)
SMALL = re.compile(r"(?<![\w.,<])[1-4](?![\w.,])")


def small_counts(text: str) -> list[str]:
    """Each 1..4 left in the text once dates and the like are taken out, with its surroundings."""
    for pattern in NOT_COUNTS:
        text = re.sub(pattern, " ", text)
    return [text[max(m.start() - 40, 0):m.end() + 10] for m in SMALL.finditer(text)]


@pytest.mark.parametrize(("lang", "no_comparison"), [("id", "t/a"), ("en", "n/a")])
def test_suppressed_deck_holds_no_count_below_five(published, suppressed, lang, no_comparison):
    result = briefing(lang=lang)
    assert result.suppressed
    presentation = deck(result)
    hidden_points = 0
    for slide in presentation.slides:
        for found in charts(slide).values():
            plot = found["chart"].plots[0]
            for series in plot.series:
                for index, value in enumerate(series.values):
                    assert not 1 <= value <= 4, (found["chart"].chart_title.text_frame.text, series.name)
                    label = series.points[index].data_label
                    if label.has_text_frame and label.text_frame.text:
                        assert (value, label.text_frame.text) == (0, "<5")
                        hidden_points += 1
        for table in tables(slide):
            for row in table:
                for cell in row:
                    assert not re.fullmatch(r"[1-4]", cell), cell
                    assert small_counts(cell) == [], cell
        for text in texts(slide):
            assert small_counts(text) == [], text
    # Every non-zero count of the fixture is hidden, and each hidden bar says so.
    # trend 4 procedural + 3 non-procedural months, origins 32 both and 33, 35 one each, 6 destinations,
    # 1 checkpoint, 2 forms of exploitation, 2 departure modes.
    assert hidden_points == 7 + 4 + 6 + 1 + 2 + 2
    slides = slides_by_key(presentation)
    [kpis] = tables(slides["kpis"])
    # 8 labour departures and 7 cases stay; a change with a hidden side is not shown ("–"); 7 cases
    # against none has nothing to compare with ("t/a").
    assert [row[1:] for row in kpis[1:]] == [
        ("<5", "<5", "–"), ("8", "<5", "–"), ("<5", "0", "–"), ("<5", "<5", "–"), ("<5", "0", "–"),
        ("7", "0", no_comparison), ("<5", "0", "–")]
    trend = charts(slides["trend"])
    assert all(v == 0 for found in trend.values() for values in found["series"].values() for v in values)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "briefing.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def test_pdf_has_a_page_per_slide_and_renders(published, exact, tmp_path):
    result = briefing()
    data = files.render(result, "pdf", stub_map())
    assert data.startswith(b"%PDF")
    path = tmp_path / "briefing.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], check=True, capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+9$", info, re.M)
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(path), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    assert len(rendered) == len(SLIDES)
    for page in rendered:
        with Image.open(page) as picture:
            assert picture.size == (585, 414)  # A4 landscape at 50 dpi
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "briefing-pdf-trafficking.png").write_bytes(rendered[6].read_bytes())
    # The same texts and table figures as the deck, Indonesian accents and dashes included.
    text = pdf_text(data, tmp_path)
    for expected in ("Pelindungan Pekerja Migran Indonesia", "Periode: 1 Jan 2024 – 31 Des 2024",
                     "Kabupaten Cilacap", "Soekarno-Hatta (Tangerang); Batam Centre; Tanjung Balai Karimun",
                     "Porsi nonprosedural: 100,0%", "Definisi dan sumber data"):
        assert expected in text
    assert re.search(r"Keberangkatan pekerja\s+8\s+1\s+\+700,0%", text)


def test_suppressed_pdf_holds_no_count_below_five(published, suppressed, tmp_path):
    text = pdf_text(files.render(briefing(), "pdf", stub_map()), tmp_path)
    assert small_counts(text) == []
    assert "<5" in text


def test_cli_writes_the_deck_and_the_pdf(published, exact, tmp_path, capsys):
    pptx, pdf = tmp_path / "rapat.pptx", tmp_path / "rapat.pdf"
    assert main(["briefing", "--start", "2024-01-01", "--end", "2024-12-31", "--province", "32", "--lang", "en",
                 "--out", str(pptx)]) == 0
    assert main(["briefing", "--start", "2024-01-01", "--end", "2024-12-31", "--out", str(pdf)]) == 0
    assert f"wrote {pptx} (pptx, 9 slides" in capsys.readouterr().out
    slides = slides_by_key(Presentation(str(pptx)))
    assert [row[1] for row in tables(slides["kpis"])[0][1:]] == [str(PROVINCE_32_2024[k]) for k in KPIS]
    assert pdf.read_bytes().startswith(b"%PDF")
    # Bad input: a clear message and exit 2, no file, no traceback.
    assert main(["briefing", "--start", "2024-01-01", "--end", "2024-12-31", "--regency", "9999",
                 "--out", str(tmp_path / "x.pptx")]) == 2
    assert main(["briefing", "--start", "2024-12-31", "--end", "2024-01-01", "--out", str(tmp_path / "y.pdf")]) == 2
    assert main(["briefing", "--start", "2024-01-01", "--end", "2024-12-31", "--out", str(tmp_path / "z.docx")]) == 2
    err = capsys.readouterr().err
    assert "unknown regency code '9999'" in err and "after it ends" in err and ".pptx or .pdf" in err
    assert not any((tmp_path / name).exists() for name in ("x.pptx", "y.pdf", "z.docx"))


def test_cli_as_a_process(published, exact, tmp_path):
    out = tmp_path / "nasional.pptx"
    done = subprocess.run([sys.executable, "-m", "pantau", "briefing", "--start", "2024-01-01", "--end", "2024-12-31",
                           "--out", str(out)], cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert len(Presentation(str(out)).slides) == len(SLIDES)


def test_a_period_without_data_says_so_on_every_slide(published, exact):
    result = content.build(Request(pd.Timestamp("2010-01-01").date(), pd.Timestamp("2010-12-31").date()))
    slides = slides_by_key(deck(result))
    assert len(slides) == len(SLIDES)
    assert all(charts(slide) == {} for slide in slides.values())
    for key in ("trend", "map", "routes", "checkpoints", "trafficking"):
        assert "Tidak ada data untuk wilayah dan periode ini." in texts(slides[key]), key
    assert any(x.startswith("Tidak ada kabupaten/kota") for x in texts(slides["hotspots"]))
    assert [row[1:] for row in tables(slides["kpis"])[0][1:]] == [("0", "0", "t/a")] * len(KPIS)
    assert files.map_picture(result) is None  # nothing to draw, nothing rendered
    assert subprocess.run(["pdfinfo", "-"], input=files.render(result, "pdf"), capture_output=True).returncode == 0


def test_a_small_part_hides_its_partner_and_maps_keep_hidden_areas_off_the_scale(suppressed):
    # Demo figures: Japan 151 procedural and 4 non-procedural, South Korea 79 and 3, Malaysia 537 and 391.
    # A stacked bar's length is shown, so each 4 or 3 would follow from its partner: both go. Their column
    # then holds two hidden cells, which no total gives back; Malaysia stays.
    frame = pd.DataFrame({"country": ["Jepang", "Korea Selatan", "Malaysia"], "procedural": [151, 79, 537],
                          "non_procedural": [4, 3, 391]})
    shown = content.shown(frame, ["procedural", "non_procedural"])
    assert shown.to_dict("list") == {"country": ["Jepang", "Korea Selatan", "Malaysia"],
                                     "procedural": ["<5", "<5", 537], "non_procedural": ["<5", "<5", 391]}
    # One small cell (3) beside a zero: its column hides the smallest other (12), whose row then hides 9,
    # whose column hides 7. Zero stays zero.
    frame = pd.DataFrame({"a": [0, 3, 12], "b": [7, 0, 9]})
    assert content.shown(frame, ["a", "b"]).to_dict("list") == {"a": [0, "<5", "<5"], "b": ["<5", 0, "<5"]}

    panel = content.MapPanel("t", "", ("31", "32", "33"), ("DKI", "Jabar", "Jateng"), ("<5", 0, 40))
    fig = images.map_figure(panel, "id", "abu-abu: <5")
    hidden, coloured = fig.data[0], fig.data[1]
    assert (list(hidden.locations), list(hidden.z)) == (["31"], [0])
    assert hidden.colorscale[0][1] == hidden.colorscale[-1][1] == images.HIDDEN_COLOR
    assert (list(coloured.locations), list(coloured.z)) == (["32", "33"], [0, 40])
    assert fig.layout.annotations[0].text.endswith("abu-abu: <5")
