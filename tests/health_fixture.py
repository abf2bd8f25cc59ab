"""A second, appended departures extract for the data-health tests, with hand-worked answers.

On top of tests/extracts.py it adds checkpoint AIR-DPS with 3 tourist departures (person H, not
labour, so linkage is unchanged) on the 10th of every month of 2024 except July, which it misses as
an outage would: 33 rows. Two more rows are quarantined: one at an unknown checkpoint
(`unknown_checkpoint_code`), one examined in 1999 (`out_of_range_examined_at`). 35 rows read.
"""

from __future__ import annotations

from pathlib import Path

import extracts

OUTAGE_MONTH = 7
PER_MONTH = 3
ADDED = 33
READ = 35


def departures() -> list[list[str]]:
    n, regency, gender, birth = extracts.nik("H"), *extracts.PEOPLE["H"]
    rows = []
    for month in range(1, 13):
        if month == OUTAGE_MONTH:
            continue
        for i in range(PER_MONTH):
            rows.append([f"DPS-{month:02d}-{i}", n, f"2024-{month:02d}-10 09:0{i}:00", "AIR-DPS", "SGP", regency,
                         gender, birth, "tourism", "false", "departed"])
    rows.append(["BAD-CP", n, "2024-03-10 09:00:00", "AIR-XXX", "SGP", regency, gender, birth, "tourism", "false",
                 "departed"])
    rows.append(["BAD-1999", n, "1999-05-01 09:00:00", "AIR-DPS", "SGP", regency, gender, birth, "tourism", "false",
                 "departed"])
    return rows


def write(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return extracts.write_csv(folder / "departures-dps.csv", extracts.DEPARTURE_HEADER, departures())


def append(folder: Path):
    """Ingest the extra extract onto the published fixture (a second version, parent = the first)."""
    from pantau.ingest import ingest

    return ingest([write(folder)])
