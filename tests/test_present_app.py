"""Presentation mode (?mode=present, pantau/ui/present.py) through AppTest, on tests/extracts.py.

A page's slides are its KPI rows and charts in drawing order. The departures page has 9: its KPI row,
then the charts of tests/test_departures_app.py (monthly, share, provinces, regencies, destinations,
checkpoint kinds, checkpoints, routes). Hand-worked figures (tests/extracts.py), 2024 against 2023:
8 labour departures (4 procedural, 4 non-procedural), 1 prevented; 2023 holds D12 (1 March 2023,
non-procedural). From 1 March 2024: D01 (15 Feb) and D04 (10 Feb) drop out, leaving 6 labour departures,
3 procedural (D07, D10, D08) and 3 non-procedural (D02, D03, D06), and D05 still prevented; a year
earlier (from 1 March 2023) still holds D12.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
import re
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from pantau.filters import mode_from_query_params, slide_from_query_params
from pantau.ui import present
from pantau.ui.sidebar import K_START

DASHBOARD = str(Path(__file__).resolve().parent.parent / "dashboard.py")
DEPARTURES = "app_pages/departures.py"
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
DEPARTURE_CARDS_2024 = [
    ("Keberangkatan pekerja", "8", "+700,0%"),
    ("Prosedural", "4", "t/a"),
    ("Nonprosedural", "4", "+300,0%"),
    ("Porsi nonprosedural", "50,0%", "-50,0 poin"),
    ("Penundaan keberangkatan", "1", "t/a"),
]


def open_page(page: str | None, params: dict[str, str]) -> AppTest:
    """A new session whose URL holds `params`, on `page` (None: the overview, the default page)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    if page:
        # AppTest keeps the query string across switch_page (a browser would clear it): set it again anyway.
        for name, value in params.items():
            at.query_params[name] = value
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def title(spec: dict) -> str:
    return spec["layout"]["title"]["text"]


def values(array) -> list:
    """A plotly data array, whether plain or typed ({"dtype", "bdata"} base64)."""
    if isinstance(array, dict):
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def points(spec: dict) -> list[tuple[str, list, list]]:
    """Name, x and y of every trace; NaN (a month with nothing to divide by) as None, so equal compares equal."""
    def clean(array) -> list:
        return [None if isinstance(v, float) and math.isnan(v) else v for v in values(array)]
    return [(d["name"], clean(d["x"]), clean(d["y"])) for d in spec["data"]]


def counter(at: AppTest) -> str:
    """The 'n / N' beside the buttons."""
    return next(m.value for m in at.markdown if re.fullmatch(r"\d+ / \d+", m.value))


def cards(at: AppTest) -> list[tuple[str, str, str]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


# URL parsing (plain Python, pantau/filters.py)

def test_mode_parameter():
    assert mode_from_query_params({}) == (False, [])
    assert mode_from_query_params({"mode": ["present"]}) == (True, [])
    assert mode_from_query_params({"mode": " Present "}) == (True, [])
    on, notices = mode_from_query_params({"mode": "slideshow"})
    assert on is False
    assert [(n.param, n.value, n.reason) for n in notices] == [("mode", "slideshow", "unknown_code")]


@pytest.mark.parametrize("raw", ["abc", "0", "-1", "1.5", "٣", "1_0", "1000", "2,3"])
def test_slide_parameter_refuses_what_is_not_a_slide_number(raw):
    slide, notices = slide_from_query_params({"slide": raw})
    assert slide is None
    assert [(n.param, n.reason) for n in notices] == [("slide", "bad_slide")]


def test_slide_parameter():
    assert slide_from_query_params({}) == (None, [])
    assert slide_from_query_params({"slide": "3"}) == (3, [])
    assert slide_from_query_params({"slide": " 12 "}) == (12, [])


def test_enlarged_figure_keeps_its_data_and_grows_its_type():
    fig = go.Figure(go.Scatter(x=[1, 2], y=[3, 4], line={"width": 2}))
    fig.update_layout(title={"text": "T"}, height=300, margin={"t": 60, "b": 10})
    big = present.enlarge(fig)
    assert big.to_dict()["data"][0]["y"] == [3, 4]
    assert big.layout.height == present.CHART_HEIGHT
    assert big.layout.font.size == 20 and big.layout.title.font.size == 30  # plotly: 12 and 17
    assert big.layout.xaxis.tickfont.size == 20 and big.layout.yaxis.title.font.size == 22
    assert big.layout.margin.t == 102  # room for the larger title: 60 x 1.7
    assert big.data[0].line.width == pytest.approx(3.4)
    assert fig.layout.height == 300 and fig.layout.font.size is None  # the page's figure is left alone


# The app

def test_kpi_row_is_the_first_slide(published):
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present"})
    assert specs(at) == []
    assert cards(at) == DEPARTURE_CARDS_2024
    assert at.header[0].value == "Angka utama"
    assert counter(at) == "1 / 9"
    assert [m.value for m in at.markdown[:2]] == ["**Keberangkatan**", "Periode 1 Jan 2024 – 31 Des 2024"]
    assert at.query_params["mode"] == "present" and at.query_params["slide"] == "1"
    assert at.warning.len == 0


def test_a_slide_is_the_page_chart_of_that_rank(published):
    normal = specs(open_page(DEPARTURES, YEAR_2024))
    assert len(normal) == 8
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present", "slide": "3"})
    shown = specs(at)
    assert len(shown) == 1
    # Slide 1 is the KPI row, so slide 3 is the page's second chart: same title, same data.
    assert title(shown[0]) == title(normal[1]) == "Porsi nonprosedural per bulan"
    assert points(shown[0]) == points(normal[1])
    # Thicker lines, bigger dots and type for the back of the room.
    assert [d["line"]["width"] for d in shown[0]["data"]] == [w * 1.7 for w in
                                                             (d["line"]["width"] for d in normal[1]["data"])]
    assert shown[0]["layout"]["font"]["size"] == 20 and "font" not in normal[1]["layout"]
    assert counter(at) == "3 / 9"


def test_last_slide_is_the_last_chart(published):
    normal = specs(open_page(DEPARTURES, YEAR_2024))
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present", "slide": "9"})
    [shown] = specs(at)
    assert title(shown) == title(normal[-1]) == "Rute dengan keberangkatan nonprosedural terbanyak"
    assert counter(at) == "9 / 9"


def test_buttons_move_and_stop_at_both_ends(published):
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present"})
    assert at.button(key="present_previous").disabled
    at.button(key="present_next").click().run()
    assert counter(at) == "2 / 9" and at.query_params["slide"] == "2"
    assert [title(s) for s in specs(at)] == ["Keberangkatan pekerja per bulan (garis putus-putus: setahun sebelumnya)"]
    at.button(key="present_previous").click().run()
    assert counter(at) == "1 / 9" and specs(at) == []
    # PageUp on the first slide (the clicker's key; the on-screen button is disabled there): stays.
    at.button(key="present_page_up").click().run()
    assert counter(at) == "1 / 9" and at.query_params["slide"] == "1"

    at.query_params["slide"] = "9"
    at.run()
    assert counter(at) == "9 / 9" and at.button(key="present_next").disabled
    at.button(key="present_page_down").click().run()
    assert counter(at) == "9 / 9" and at.query_params["slide"] == "9"
    assert title(specs(at)[0]) == "Rute dengan keberangkatan nonprosedural terbanyak"
    assert not at.exception


def test_period_control_changes_the_figures_and_stays_in_the_mode(published):
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present"})
    assert cards(at) == DEPARTURE_CARDS_2024
    at.date_input(key=present.K_START_DATE).set_value(dt.date(2024, 3, 1)).run()
    assert not at.exception
    assert cards(at) == [
        ("Keberangkatan pekerja", "6", "+500,0%"),  # 6 against D12
        ("Prosedural", "3", "t/a"),
        ("Nonprosedural", "3", "+200,0%"),  # 3 against D12
        ("Porsi nonprosedural", "50,0%", "-50,0 poin"),  # 3/6 against 1/1
        ("Penundaan keberangkatan", "1", "t/a"),
    ]
    assert at.markdown[1].value == "Periode 1 Mar 2024 – 31 Des 2024"
    # The same filters as the sidebar's, and the same URL.
    assert at.session_state[K_START] == dt.date(2024, 3, 1)
    assert at.query_params["start"] == "2024-03-01" and at.query_params["mode"] == "present"
    assert counter(at) == "1 / 9"

    at.button(key="present_next").click().run()
    [monthly] = specs(at)
    procedural = next(d for d in monthly["data"] if d["name"] == "Prosedural")
    assert procedural["x"][0] == "2024-03"  # the chart starts with the new period


def test_exit_and_enter_again(published):
    at = open_page(DEPARTURES, {**YEAR_2024, "mode": "present", "slide": "4"})
    at.button(key="present_exit").click().run()
    assert len(specs(at)) == 8
    assert "mode" not in at.query_params and "slide" not in at.query_params
    at.button(key="present_enter").click().run()
    assert counter(at) == "1 / 9"
    assert at.query_params["mode"] == "present" and at.query_params["slide"] == "1"


def test_unknown_mode_is_ignored_with_a_notice(published):
    at = open_page(None, {**YEAR_2024, "mode": "slideshow"})
    assert [w.value for w in at.warning] == ["Parameter URL `mode`: kode `slideshow` tidak dikenal dan diabaikan."]
    assert len(specs(at)) == 4  # the overview as usual
    assert at.button(key="present_enter").label == "Presentasi"
    assert "mode" not in at.query_params


@pytest.mark.parametrize("raw", ["abc", "0"])
def test_bad_slide_is_ignored_with_a_notice(published, raw):
    at = open_page(None, {**YEAR_2024, "mode": "present", "slide": raw})
    assert [w.value for w in at.warning] == [
        f"Parameter URL `slide`: `{raw}` bukan nomor slide; slide pertama ditampilkan."]
    assert counter(at) == "1 / 6" and at.query_params["slide"] == "1"
    # The notice stays until the presenter moves on.
    at.button(key="present_next").click().run()
    assert at.warning.len == 0 and counter(at) == "2 / 6"


def test_slide_past_the_end_shows_the_last_with_a_notice(published):
    normal = specs(open_page(None, {**YEAR_2024, "lang": "en"}))
    at = open_page(None, {**YEAR_2024, "mode": "present", "slide": "99", "lang": "en"})
    assert [w.value for w in at.warning] == [
        "There is no slide `99`: this page has 6 slides. The last one is shown."]
    assert counter(at) == "6 / 6" and at.query_params["slide"] == "6"
    [shown] = specs(at)
    assert title(shown) == title(normal[-1]) == "Number of cases by departure mode"
    assert at.button(key="present_exit").label == "Exit presentation"


@pytest.mark.parametrize(("page", "kpi_rows", "charts"), [
    (None, 2, 4),  # overview: headline cards, monthly, provinces, destinations, case-mode cards, case modes
    ("app_pages/cases.py", 1, 7),
    ("app_pages/regions.py", 0, 1),
    ("app_pages/destinations.py", 0, 4),
])
def test_every_page_presents_its_kpi_rows_and_charts(published, page, kpi_rows, charts):
    normal = specs(open_page(page, YEAR_2024))
    assert len(normal) == charts
    at = open_page(page, {**YEAR_2024, "mode": "present", "slide": str(kpi_rows + charts)})
    assert counter(at) == f"{kpi_rows + charts} / {kpi_rows + charts}"
    [shown] = specs(at)
    assert title(shown) == title(normal[-1])


def test_a_failing_page_keeps_the_way_out(published, monkeypatch):
    """A page error shows as usual, and the presenter's bar (with its exit) is still drawn."""
    from pantau.ui import departure_charts

    def broken(*args, **kwargs):
        raise RuntimeError("broken chart")

    monkeypatch.setattr(departure_charts, "monthly_share", broken)
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in {**YEAR_2024, "mode": "present", "slide": "2"}.items():
        at.query_params[name] = value
    at.run()
    at.switch_page(DEPARTURES).run()
    assert [e.message for e in at.exception] == ["broken chart"]
    assert counter(at) == "2 / 2"  # the KPI row and the monthly chart came before the failure
    at.button(key="present_exit").click().run()
    assert "mode" not in at.query_params
