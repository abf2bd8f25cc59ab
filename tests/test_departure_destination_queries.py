"""The departures and destinations pages' own queries on the hand-built extracts (tests/extracts.py), 2024.

Labour departures 2024 by checkpoint (tests/extracts.py): AIR-CGK D01 D10 procedural, D03 D04
non-procedural (D09 a tourist); AIR-SUB D07 D08 procedural; SEA-BTC D02 non-procedural; SEA-TBK D06
non-procedural and D05 prevented. By destination: KOR D07 (Apr) D08 (Dec); MYS D02 (Mar) D06 (Apr),
both non-procedural; ARE D04 (Feb, non-procedural); HKG D01 (Feb); JPN D10 (Jun); TWN D03 (Mar,
non-procedural). 2023: only D12 (HKG, Mar, non-procedural, AIR-CGK).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pantau import queries
from pantau.filters import Filters

YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
KIND_COLUMNS = ["kind", "labour_departures", "procedural_departures", "non_procedural_departures",
                "prevented_departures"]


def rows(name: str, columns: list[str], filters: Filters = YEAR_2024, **params) -> list[list]:
    return queries.run(name, filters, **params)[columns].values.tolist()


def test_departures_by_checkpoint_kind_adds_up_to_the_national_figures(published):
    assert rows("departures_by_checkpoint_kind", KIND_COLUMNS) == [
        ["air", 6, 4, 2, 0],  # CGK 4 (2 + 2), SUB 2 procedural
        ["sea", 2, 0, 2, 1],  # BTC D02, TBK D06; D05 prevented
        ["land", 0, 0, 0, 0],  # listed all the same
    ]


def test_departures_by_checkpoint_kind_follows_the_filters(published):
    assert rows("departures_by_checkpoint_kind", KIND_COLUMNS, replace(YEAR_2024, checkpoint_kinds=("sea",))) == [
        ["air", 0, 0, 0, 0], ["sea", 2, 0, 2, 1], ["land", 0, 0, 0, 0]]
    assert rows("departures_by_checkpoint_kind", KIND_COLUMNS, replace(YEAR_2024, checkpoints=("AIR-SUB",))) == [
        ["air", 2, 2, 0, 0], ["sea", 0, 0, 0, 0], ["land", 0, 0, 0, 0]]
    # Cilacap (3301): B's D02 (sea), D's D04 (air), E's D05 (prevented) and D06 (sea).
    assert rows("departures_by_checkpoint_kind", KIND_COLUMNS, replace(YEAR_2024, regencies=("3301",))) == [
        ["air", 1, 0, 1, 0], ["sea", 2, 0, 2, 1], ["land", 0, 0, 0, 0]]
    assert rows("departures_by_checkpoint_kind", KIND_COLUMNS,
                Filters(dt.date(2023, 1, 1), dt.date(2023, 12, 31))) == [
        ["air", 1, 0, 1, 0], ["sea", 0, 0, 0, 0], ["land", 0, 0, 0, 0]]  # D12


def nonzero(df, column: str) -> dict[tuple[str, str], int]:
    return {(r.iso3, r.month.strftime("%Y-%m")): getattr(r, column) for r in df.itertuples() if getattr(r, column)}


def test_destination_monthly_top_three(published):
    df = queries.run("destination_monthly", YEAR_2024, limit=3)
    # KOR 2 and MYS 2, then four countries with 1: ARE wins the tie by its code.
    assert list(dict.fromkeys(df["iso3"])) == ["KOR", "MYS", "ARE"]
    assert len(df) == 3 * 12  # every month for each, zero-filled
    assert nonzero(df, "labour_departures") == {
        ("KOR", "2024-04"): 1, ("KOR", "2024-12"): 1, ("MYS", "2024-03"): 1, ("MYS", "2024-04"): 1,
        ("ARE", "2024-02"): 1}
    assert nonzero(df, "non_procedural_departures") == {
        ("MYS", "2024-03"): 1, ("MYS", "2024-04"): 1, ("ARE", "2024-02"): 1}
    assert df.loc[df["iso3"] == "KOR", "name_id"].iloc[0] == "Korea Selatan"


def test_destination_monthly_with_a_destination_filter(published):
    chosen = replace(YEAR_2024, destinations=("HKG", "JPN", "NZL"))
    df = queries.run("destination_monthly", chosen, limit=5)
    assert list(dict.fromkeys(df["iso3"])) == ["HKG", "JPN"]  # NZL has no departure: not listed
    assert nonzero(df, "labour_departures") == {("HKG", "2024-02"): 1, ("JPN", "2024-06"): 1}
    assert queries.run("destination_monthly", replace(YEAR_2024, destinations=("NZL",)), limit=5).empty


def test_destination_monthly_honours_checkpoint_filters(published):
    df = queries.run("destination_monthly", replace(YEAR_2024, checkpoint_kinds=("sea",)), limit=5)
    assert list(dict.fromkeys(df["iso3"])) == ["MYS"]
    assert nonzero(df, "non_procedural_departures") == {("MYS", "2024-03"): 1, ("MYS", "2024-04"): 1}


ORIGIN_COLUMNS = ["level", "code", "name", "labour_departures", "procedural_departures", "non_procedural_departures"]


def test_departure_origins_by_province_and_regency_in_one_answer(published):
    # Residents of 3201 (A C G H): D01 D10 procedural, D03 non-procedural (D09 a tourist); of 3301 (B D E):
    # D02 D04 D06 non-procedural (D05 prevented, not labour); of 3509 (F): D07 D08 procedural.
    assert rows("departure_origins", ORIGIN_COLUMNS) == [
        ["province", "32", "Jawa Barat", 3, 2, 1],
        ["province", "33", "Jawa Tengah", 3, 0, 3],
        ["province", "35", "Jawa Timur", 2, 2, 0],
        ["regency", "3201", "Kabupaten Bogor", 3, 2, 1],
        ["regency", "3301", "Kabupaten Cilacap", 3, 0, 3],
        ["regency", "3509", "Kabupaten Jember", 2, 2, 0],
    ]


def test_departure_origins_follow_the_filters(published):
    assert rows("departure_origins", ORIGIN_COLUMNS, replace(YEAR_2024, provinces=("33",))) == [
        ["province", "33", "Jawa Tengah", 3, 0, 3], ["regency", "3301", "Kabupaten Cilacap", 3, 0, 3]]
    # AIR-CGK: D01 D10 (3201) procedural, D03 (3201) and D04 (3301) non-procedural.
    assert rows("departure_origins", ORIGIN_COLUMNS, replace(YEAR_2024, checkpoints=("AIR-CGK",))) == [
        ["province", "32", "Jawa Barat", 3, 2, 1], ["province", "33", "Jawa Tengah", 1, 0, 1],
        ["regency", "3201", "Kabupaten Bogor", 3, 2, 1], ["regency", "3301", "Kabupaten Cilacap", 1, 0, 1]]
    # No labour departure (2023 has only D12, resident of 3201): nothing else listed, no zero rows.
    assert rows("departure_origins", ORIGIN_COLUMNS, Filters(dt.date(2023, 1, 1), dt.date(2023, 12, 31))) == [
        ["province", "32", "Jawa Barat", 1, 0, 1], ["regency", "3201", "Kabupaten Bogor", 1, 0, 1]]
