"""Small-cell suppression: primary cells, complementary cells, zero, shares, the switch."""

from __future__ import annotations

import pandas as pd

from pantau import disclosure


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


def test_share_with_a_small_denominator_is_hidden(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    assert disclosure.share(2, 3) is None
    assert disclosure.share(3, 12) == 0.25
    assert disclosure.share(0, 0) is None
