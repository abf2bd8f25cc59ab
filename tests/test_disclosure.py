"""Small-cell suppression: primary cells, complementary cells, zero, shares, the switch."""

from __future__ import annotations

import pandas as pd
import pytest

from pantau import disclosure

# tests/conftest.py turns suppression off for other tests; these are about it.
pytestmark = pytest.mark.suppressed


def test_small_counts_are_hidden_and_zero_stays(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    assert [disclosure.value(n) for n in (0, 1, 4, 5, None)] == [0, "<5", "<5", 5, None]


def test_threshold_is_configurable_and_a_bad_setting_falls_back(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION_K", "10")
    assert disclosure.value(9) == "<10"
    monkeypatch.setenv("PANTAU_SUPPRESSION_K", "one")
    assert disclosure.threshold() == 5


def test_switch_off_shows_everything(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")
    frame = pd.DataFrame({"a": [1, 20], "b": [30, 40]})
    assert disclosure.table(frame, ["a", "b"]).equals(frame)
    assert disclosure.value(3) == 3


def test_a_lone_hidden_cell_takes_the_smallest_other_cell_of_its_row_and_column(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    # Row totals 22, 37, 41 and column totals 40, 60 would give back the 2 alone.
    frame = pd.DataFrame({"area": ["x", "y", "z"], "proc": [20, 7, 13], "nonproc": [2, 30, 28]})
    shown = disclosure.table(frame, ["proc", "nonproc"])
    # Primary: x.nonproc (2). Row x -> x.proc (20). Column proc now has x hidden only
    # -> smallest other is y.proc (7). Row y -> y.nonproc (30). Column nonproc has x, y -> done.
    assert shown["proc"].tolist() == ["<5", "<5", 13]
    assert shown["nonproc"].tolist() == ["<5", "<5", 28]
    assert shown["area"].tolist() == ["x", "y", "z"]


def test_no_row_or_column_keeps_exactly_one_hidden_cell(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    frame = pd.DataFrame({"a": [1, 9, 0, 12], "b": [6, 3, 8, 0], "c": [0, 0, 2, 40]})
    hidden = disclosure.hidden_cells(frame, ["a", "b", "c"])
    counts = frame[["a", "b", "c"]]
    for i in hidden.index:
        nonzero_visible = (~hidden.loc[i] & (counts.loc[i] > 0)).sum()
        assert hidden.loc[i].sum() != 1 or nonzero_visible == 0
    for c in hidden.columns:
        nonzero_visible = (~hidden[c] & (counts[c] > 0)).sum()
        assert hidden[c].sum() != 1 or nonzero_visible == 0
    assert not hidden.where(counts == 0, False).any().any()  # zero is never hidden


def test_single_column_series_protects_its_total(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    frame = pd.DataFrame({"month": ["2024-01", "2024-02", "2024-03"], "cases": [3, 0, 11]})
    assert disclosure.table(frame, ["cases"])["cases"].tolist() == ["<5", 0, "<5"]


def test_share_that_would_give_a_small_count_back_is_hidden(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    assert disclosure.share(2, 3) is None
    assert disclosure.share(3, 12) is None  # 25 % of a published 12 is the 3
    assert disclosure.share(11, 12) is None  # and 11 of 12 leaves a 1 outside
    assert disclosure.share(5, 20) == 0.25
    assert disclosure.share(0, 12) == 0.0
    assert disclosure.share(0, 0) is None


def test_each_sum_of_a_row_protects_itself():
    # Jawa Timur-like row: 8 labour departures = 2 procedural + 6 non-procedural; 1 case, 1 trafficking.
    frame = pd.DataFrame({"labour": [8], "proc": [2], "nonproc": [6], "cases": [1], "trafficking": [1]})
    columns = list(frame.columns)
    # One row-wide group: three hidden cells (2, 1, 1), so nothing more hides, and 8 - 6 gives the 2 back.
    assert disclosure.table(frame, columns).iloc[0].tolist() == [8, "<5", 6, "<5", "<5"]
    # With the row's real sum named, the 2 takes the 6 with it.
    hidden = disclosure.hidden_cells(frame, columns, groups=[["labour", "proc", "nonproc"]])
    assert hidden.iloc[0].tolist() == [False, True, True, True, True]


def test_forced_cells_hide_with_their_complements():
    # A cell another table hides (20) is hidden here too, and its row takes the smaller of the others (7).
    frame = pd.DataFrame({"a": [20, 30], "b": [7, 40]})
    forced = pd.DataFrame({"a": [True, False]})
    assert disclosure.frame(frame, ["a", "b"], forced=forced).to_numpy().tolist() == [
        ["<5", "<5"], ["<5", "<5"]]  # then columns a and b each had one: 30 and 40 follow


def test_derived_columns_hide_with_their_sources_and_markers_are_recognised():
    frame = pd.DataFrame({"proc": [3, 30], "nonproc": [9, 10], "prevented": [0, 2],
                          "share": [0.75, 0.25]})
    shown = disclosure.frame(frame, ["proc", "nonproc", "prevented"], {"share": ("proc", "nonproc")},
                             groups=[["proc", "nonproc"]])
    # Row 0: 3 hides with 9; column proc then takes 30, row 1 its 10; prevented 2 is alone with zeros.
    assert shown["share"].tolist() == ["<5", "<5"]
    assert shown["prevented"].tolist() == [0, "<5"]
    assert [disclosure.is_hidden(v) for v in ("<5", "<10", 3, None, "Jawa")] == [True, True, False, False, False]


def test_switch_off_leaves_frame_and_derived_columns_alone(monkeypatch):
    monkeypatch.setenv("PANTAU_SUPPRESSION", "off")
    frame = pd.DataFrame({"proc": [3], "nonproc": [9], "share": [0.75]})
    assert disclosure.frame(frame, ["proc", "nonproc"], {"share": ("proc", "nonproc")}).equals(frame)
