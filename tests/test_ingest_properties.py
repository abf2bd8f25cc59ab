"""Property: whatever rows arrive, each is published once or quarantined with a reason."""

from __future__ import annotations

import csv
import shutil

import duckdb
import extracts
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau import store
from pantau.ingest import ingest

GOOD = extracts.departures()[0]

# Per column: values that must be accepted, values that must be rejected.
FIELD_VALUES = {
    2: (["2024-02-15 08:10:00", "15/02/2024 08:10", "2024-02-15"], ["2024-02-30", "yesterday", "2099-01-01"]),
    3: (["AIR-CGK", "sea-btc"], ["AIR-ZZZ"]),
    4: (["HKG", "mys", ""], ["ZZZ"]),
    5: (["3201", "32.01", ""], ["9999", "32"]),
    6: (["F", "P", "Perempuan", ""], ["Q"]),
    8: (["work", "Tourism", ""], ["party"]),
    9: (["true", "ya", "0", ""], ["maybe"]),
    10: (["departed", "delayed"], ["", "gone"]),
}

row_strategy = st.fixed_dictionaries(
    {
        "id": st.integers(min_value=1, max_value=12),  # small range: duplicates are common
        "changes": st.dictionaries(
            st.sampled_from(sorted(FIELD_VALUES)),
            st.tuples(st.booleans(), st.integers(min_value=0, max_value=9)),
            max_size=3,
        ),
    }
)


def build(row_spec: dict) -> tuple[list[str], bool]:
    row = list(GOOD)
    row[0] = f"P{row_spec['id']}"
    valid = True
    for index, (good, pick) in row_spec["changes"].items():
        accepted, rejected = FIELD_VALUES[index]
        choices = accepted if good else rejected
        row[index] = choices[pick % len(choices)]
        valid &= good
    return row, valid


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(row_strategy, min_size=1, max_size=30))
def test_nothing_lost_nothing_published_twice(data_dir, tmp_path, specs):
    shutil.rmtree(data_dir, ignore_errors=True)
    rows, expected_ids, expected_invalid = [], set(), 0
    for spec in specs:
        row, valid = build(spec)
        rows.append(row)
        if valid:
            expected_ids.add(row[0])
        else:
            expected_invalid += 1
    path = tmp_path / "p.csv"
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(extracts.DEPARTURE_HEADER)
        w.writerows(rows)

    report = ingest([path])

    file = report.files[0]
    assert file.rows_read == len(rows) == file.rows_published + file.rows_quarantined
    assert file.rows_published == len(expected_ids)
    duplicates = sum(1 for _ in rows) - expected_invalid - len(expected_ids)
    assert file.reasons.get("duplicate_id", 0) == duplicates
    assert sum(file.reasons.values()) - duplicates == expected_invalid
    ids = duckdb.sql(
        f"SELECT departure_id FROM read_parquet('{store.current_version().table_path('departures')}')"
    ).fetchall()
    assert sorted(i[0] for i in ids) == sorted(expected_ids)
