"""A tiny hand-built set of extracts whose indicators were worked out by hand.

People (NIK regency = residence/origin): A 3201 F, B 3301 M, C 3201 F, D 3301 F, E 3301 M,
F 3509 M, G 3201 M, H 3201 F. Every branch of the linkage definition appears once:

departures (2024 unless noted)                     class           why
D01 A 2024-02-15 HKG work                          procedural      R01 (36 days) beats R01B (259 days): latest wins
D02 B 2024-03-01 MYS work                          non_procedural  R02 is cancelled
D03 C 2024-03-01 TWN work                          non_procedural  R03 is 456 days old (> 365)
D04 D 2024-02-10 ARE tourism, suspected            non_procedural  R04 is for SAU (destination mismatch)
D05 E 2024-04-10 MYS tourism, suspected, delayed   (prevented)     outcome delayed: not a labour departure
D06 E 2024-04-20 MYS tourism, suspected            non_procedural  suspected worker without registration
D07 F 2024-04-01 KOR work                          procedural      R05
D08 F 2024-12-20 KOR work                          procedural      re-departure, R05 still 294 days old
D09 H 2024-05-05 SGP tourism                       (not labour)    tourist
D10 G 2024-06-01 JPN tourism                       procedural      links to R07 whose destination is unknown
D12 A 2023-03-01 HKG work                          non_procedural  R01B is later than the departure
D01 again, identical                               quarantined     duplicate_id

cases                                     mode            why
K01 A 2024-06-01 HKG, reported non_proc  procedural      linked departure D01 overrides the report
K02 B 2024-05-01 MYS trafficking (tppo)  non_procedural  linked D02
K03 (no NIK) 2024-07-01 SAU reported proc procedural     reported
K04 (no NIK) 2024-07-02 KHM tppo         unknown         reported unknown
K05 H 2024-08-01 SGP                     unknown         H has no labour departure, nothing reported
K06 C 2024-02-01 TWN reported proc       procedural      C's departure is after the report: reported mode
K07 E 2024-05-01 MYS case type trafficking, tppo empty  non_procedural  linked D06; trafficking by type
"""

from __future__ import annotations

import csv
from pathlib import Path

PEOPLE = {
    # person: (regency, gender, birth date)
    "A": ("3201", "F", "1995-03-12"),
    "B": ("3301", "M", "1990-07-01"),
    "C": ("3201", "F", "1998-11-30"),
    "D": ("3301", "F", "1992-01-05"),
    "E": ("3301", "M", "1988-09-09"),
    "F": ("3509", "M", "1996-05-20"),
    "G": ("3201", "M", "1994-12-31"),
    "H": ("3201", "F", "1999-02-14"),
}


def nik(person: str) -> str:
    """A structurally valid NIK: regency, district 01, DDMMYY (+40 for women), serial."""
    regency, gender, birth = PEOPLE[person]
    year, month, day = birth.split("-")
    dd = int(day) + (40 if gender == "F" else 0)
    return f"{regency}01{dd:02d}{month}{year[2:]}{ord(person) - 64:04d}"


REGISTRATION_HEADER = [
    "registration_id", "nik", "registered_on", "gender", "birth_date", "origin_regency_code",
    "education", "occupation", "sector", "scheme", "destination_country", "agency_id", "status",
]
DEPARTURE_HEADER = [
    "departure_id", "nik", "examined_at", "checkpoint_code", "destination_country",
    "residence_regency_code", "gender", "birth_date", "declared_purpose", "suspected_worker", "outcome",
]
CASE_HEADER = [
    "case_id", "nik", "reported_on", "source", "case_type", "is_trafficking", "exploitation_type",
    "origin_regency_code", "destination_country", "gender", "birth_date", "departure_mode_reported",
    "status", "resolved_on",
]


def _person(p: str) -> tuple[str, str, str, str]:
    regency, gender, birth = PEOPLE[p]
    return nik(p), regency, gender, birth


def registrations() -> list[list[str]]:
    rows = []
    for rid, p, day, dest, status in [
        ("R01", "A", "2024-01-10", "HKG", "departed"),
        ("R01B", "A", "2023-06-01", "HKG", "departed"),
        ("R02", "B", "2024-02-01", "MYS", "cancelled"),
        ("R03", "C", "2022-12-01", "TWN", "departed"),
        ("R04", "D", "2024-01-05", "SAU", "registered"),
        ("R05", "F", "2024-03-01", "KOR", "departed"),
        ("R07", "G", "2024-05-01", "", "departed"),
    ]:
        n, regency, gender, birth = _person(p)
        g = "P" if gender == "F" else "L"
        rows.append([rid, n, day, g, birth, regency, "SMP", "Caregiver", "informal", "P2P", dest, "P3MI-1", status])
    return rows


def departures() -> list[list[str]]:
    rows = []
    for did, p, when, cp, dest, purpose, suspected, outcome in [
        ("D01", "A", "2024-02-15 08:10:00", "AIR-CGK", "HKG", "work", "false", "departed"),
        ("D02", "B", "2024-03-01 09:00:00", "SEA-BTC", "MYS", "work", "false", "departed"),
        ("D03", "C", "2024-03-01 10:00:00", "AIR-CGK", "TWN", "work", "false", "departed"),
        ("D04", "D", "2024-02-10 11:00:00", "AIR-CGK", "ARE", "tourism", "true", "departed"),
        ("D05", "E", "2024-04-10 12:00:00", "SEA-TBK", "MYS", "tourism", "true", "delayed"),
        ("D06", "E", "2024-04-20 13:00:00", "SEA-TBK", "MYS", "tourism", "true", "departed"),
        ("D07", "F", "2024-04-01 14:00:00", "AIR-SUB", "KOR", "work", "false", "departed"),
        ("D08", "F", "2024-12-20 15:00:00", "AIR-SUB", "KOR", "work", "false", "departed"),
        ("D09", "H", "2024-05-05 16:00:00", "AIR-CGK", "SGP", "tourism", "false", "departed"),
        ("D10", "G", "2024-06-01 17:00:00", "AIR-CGK", "JPN", "tourism", "false", "departed"),
        ("D12", "A", "2023-03-01 18:00:00", "AIR-CGK", "HKG", "work", "false", "departed"),
    ]:
        n, regency, gender, birth = _person(p)
        rows.append([did, n, when, cp, dest, regency, gender, birth, purpose, suspected, outcome])
    rows.append(rows[0][:])  # D01 twice, identical
    return rows


# K01 resolved after 20 days, K06 after 10: median 15 days; K02 in progress, the rest open.
RESOLVED = {"K01": ("resolved", "2024-06-21"), "K06": ("resolved", "2024-02-11"), "K02": ("in_progress", "")}


def cases() -> list[list[str]]:
    rows = []
    for cid, p, day, source, ctype, tppo, expl, regency, dest, reported in [
        ("K01", "A", "2024-06-01", "kp2mi_complaint", "unpaid_wages", "false", "", None, "HKG", "non_procedural"),
        ("K02", "B", "2024-05-01", "police_tppo", "trafficking", "true", "forced_labour", None, "MYS", "unknown"),
        ("K03", None, "2024-07-01", "kp2mi_complaint", "abuse", "false", "", "3201", "SAU", "procedural"),
        ("K04", None, "2024-07-02", "embassy", "job_fraud", "true", "online_scam", "3509", "KHM", "unknown"),
        ("K05", "H", "2024-08-01", "kp2mi_complaint", "lost_contact", "false", "", None, "SGP", ""),
        ("K06", "C", "2024-02-01", "kp2mi_complaint", "failed_departure", "false", "", None, "TWN", "procedural"),
        ("K07", "E", "2024-05-01", "police_tppo", "trafficking", "", "forced_labour", None, "MYS", ""),
    ]:
        if p is None:
            n, gender, birth = "", "F", ""
        else:
            n, regency, gender, birth = _person(p)
        status, resolved = RESOLVED.get(cid, ("open", ""))
        rows.append([cid, n, day, source, ctype, tppo, expl, regency, dest, gender, birth, reported, status, resolved])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_csv(folder / "registrations.csv", REGISTRATION_HEADER, registrations()),
        write_csv(folder / "departures.csv", DEPARTURE_HEADER, departures()),
        write_csv(folder / "cases.csv", CASE_HEADER, cases()),
    ]


# Hand-worked answers for 2024-01-01..2024-12-31 (see the tables above).
NATIONAL_2024 = {
    "registrations": 4,
    "labour_departures": 8,
    "procedural_departures": 4,
    "non_procedural_departures": 4,
    "prevented_departures": 1,
    "cases": 7,
    "trafficking_cases": 3,
    "cases_by_mode": {"procedural": 3, "non_procedural": 2, "unknown": 2},
    "trafficking_by_mode": {"procedural": 0, "non_procedural": 2, "unknown": 1},
}
PROVINCE_32_2024 = {
    "registrations": 2,
    "labour_departures": 3,
    "procedural_departures": 2,
    "non_procedural_departures": 1,
    "prevented_departures": 0,
    "cases": 4,
    "trafficking_cases": 0,
    "cases_by_mode": {"procedural": 3, "non_procedural": 0, "unknown": 1},
    "trafficking_by_mode": {"procedural": 0, "non_procedural": 0, "unknown": 0},
}
REGENCY_3301_2024 = {
    "registrations": 1,
    "labour_departures": 3,
    "procedural_departures": 0,
    "non_procedural_departures": 3,
    "prevented_departures": 1,
    "cases": 2,
    "trafficking_cases": 2,
    "cases_by_mode": {"procedural": 0, "non_procedural": 2, "unknown": 0},
    "trafficking_by_mode": {"procedural": 0, "non_procedural": 2, "unknown": 0},
}
DESTINATION_MYS_2024 = {
    "registrations": 0,
    "labour_departures": 2,
    "procedural_departures": 0,
    "non_procedural_departures": 2,
    "prevented_departures": 1,
    "cases": 2,
    "trafficking_cases": 2,
    "cases_by_mode": {"procedural": 0, "non_procedural": 2, "unknown": 0},
    "trafficking_by_mode": {"procedural": 0, "non_procedural": 2, "unknown": 0},
}
