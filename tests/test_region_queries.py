"""Region indicators and hotspots on the hand-built extracts (tests/extracts.py), 2024."""

from __future__ import annotations

import datetime as dt

from pantau import queries
from pantau.filters import Filters

YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
COLUMNS = ["registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
           "prevented_departures", "cases", "trafficking_cases"]


def indicators(level: str, province: str = "", filters: Filters = YEAR_2024) -> dict[str, list[int]]:
    df = queries.run("region_indicators", filters, level=level, province=province)
    return {row["code"]: [int(row[c]) for c in COLUMNS] for _, row in df.iterrows() if any(row[COLUMNS])}, df


def test_province_indicators_cover_all_38_and_match_hand_counts(published):
    active, df = indicators("province")
    assert len(df) == 38
    assert active == {
        "32": [2, 3, 2, 1, 0, 4, 0],  # A, C, G, H; K01 K03 K05 K06
        "33": [1, 3, 0, 3, 1, 2, 2],  # B, D, E; K02 K07
        "35": [1, 2, 2, 0, 0, 1, 1],  # F; K04 (no NIK, origin 3509)
    }
    share = df.set_index("code")["non_procedural_share"]
    assert share["33"] == 1.0 and abs(share["32"] - 1 / 3) < 1e-9
    assert share.isna().sum() == 35  # no labour departures: no share, not 0 %


def test_regency_indicators_of_one_province(published):
    active, df = indicators("regency", "33")
    assert len(df) == 35 and set(df["province_code"]) == {"33"}
    assert active == {"3301": [1, 3, 0, 3, 1, 2, 2]}


def test_regency_indicators_nationwide(published):
    active, df = indicators("regency")
    assert len(df) == 514
    assert set(active) == {"3201", "3301", "3509"}


def test_hotspots_are_rising_regencies_with_their_routes(published):
    df = queries.run("hotspots", YEAR_2024, prev_start=dt.date(2023, 1, 1), prev_end=dt.date(2023, 12, 31), limit=10)
    rows = df[["regency_code", "non_procedural_departures", "previous_non_procedural_departures",
               "main_destinations", "main_checkpoints"]].values.tolist()
    # 3301: D02 (SEA-BTC, MYS), D04 (AIR-CGK, ARE), D06 (SEA-TBK, MYS); 3201: D03 in 2024 vs D12 in 2023.
    assert rows == [["3301", 3, 0, "MYS, ARE", "AIR-CGK, SEA-BTC, SEA-TBK"]]
