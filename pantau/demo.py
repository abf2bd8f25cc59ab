"""Deterministic synthetic raw extracts (registrations, departures, cases) for the embedded demo.

The files look like what the ministries send (DESIGN.md, "Extract contracts") and go through the
normal ingest, so every value must pass validation exactly as a real file would. Magnitudes and
shapes follow shared/reference/MAGNITUDES.md; ``scale=1`` is national size (about 8M outbound
examinations of working-age citizens a year) and ``scale`` multiplies every count.

How the data is built, and why:

- One ``numpy.random.default_rng(seed)`` is consumed in a fixed order and nothing reads the clock
  or depends on hash order, so the same arguments give byte-identical files.
- Everything is vectorised; a person is a row across parallel numpy arrays. The generator works
  one calendar year at a time (registrations, procedural and non-procedural workers, tourists,
  then the cases reported that year) so national scale stays within memory. Departures that a
  year's registrations cause in the next year are carried over.
- A person's NIK encodes regency, birth date and gender (day + 40 for women). The serial digits
  are partitioned by (year, generator step) and ranked within identical prefixes, which makes
  every NIK unique without keeping a set of all NIKs ever issued.
- Non-procedural workers travel on named routes (Riau Islands ferries, Sumatra ferries, Nunukan,
  Entikong, Soekarno-Hatta to the Middle East and to the scam compounds, air to Asia), each with
  its own origins, declared purposes and detection rate; that is what makes the non-procedural
  share differ by region and checkpoint the way the published figures say it does.
- Cases of a year pick people from the departures of the previous years, weighted by how likely
  a report lag lands in that year, so a report always follows the departure it is about.

Known edge: no date may precede the first year, so workers registered before it are missing and
the first months of the first year show few procedural departures (a real extract window has the
same edge). Cases in the first two years more often concern people with no departure in the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from pantau.reference import rows
from pantau.schema import (
    CASE_SOURCES,
    CASE_STATUS,
    CASE_TYPES,
    DEPARTURE_MODES,
    EDUCATION,
    EXPLOITATION_TYPES,
    PURPOSES,
    REGISTRATION_STATUS,
    SCHEMES,
    SECTORS,
)

# About 430k departure rows over 2019-2026 at this scale, generated in about a second.
DEFAULT_SCALE: float = 0.01
DEFAULT_YEARS: int = 8

FIRST_YEAR = 2019  # no extract date may precede 2019-01-01
LAST_YEAR = 2026
CUTOFF = "2026-10-31"  # the last day any file may mention

Frame = dict[str, np.ndarray]

# --- National yearly magnitudes (scale = 1) --------------------------------------------------

# Placement registrations (KP2MI).
REGISTRATIONS = {2019: 276_553, 2020: 113_173, 2021: 72_624, 2022: 200_761, 2023: 286_000,
                 2024: 297_434, 2025: 297_000, 2026: 300_000}
# Departures of workers without a registration. The World Bank's 4.3M non-procedural workers
# abroad against 5.18M registered over 17 years puts the flow near the procedural one.
NON_PROCEDURAL = {2019: 250_000, 2020: 120_000, 2021: 55_000, 2022: 185_000, 2023: 265_000,
                  2024: 260_000, 2025: 250_000, 2026: 240_000}
# All outbound examinations of working-age citizens (BPS trips less children and the elderly).
EXAMINATIONS = {2019: 8_900_000, 2020: 2_000_000, 2021: 550_000, 2022: 3_600_000, 2023: 6_200_000,
                2024: 7_400_000, 2025: 7_900_000, 2026: 8_200_000}
UMRAH = {2019: 750_000, 2020: 140_000, 2021: 10_000, 2022: 500_000, 2023: 1_000_000,
         2024: 1_100_000, 2025: 1_150_000, 2026: 1_200_000}
HAJJ = {2019: 140_000, 2020: 0, 2021: 0, 2022: 60_000, 2023: 130_000, 2024: 140_000,
        2025: 130_000, 2026: 130_000}
# Departures delayed (penundaan) of suspected non-procedural workers.
DELAYED = {2019: 2_500, 2020: 800, 2021: 300, 2022: 2_500, 2023: 6_000, 2024: 5_500,
           2025: 8_000, 2026: 8_000}
# Complaints to KP2MI (not trafficking) and trafficking (TPPO) victims incl. embassy scam cases.
COMPLAINTS = {2019: 5_824, 2020: 1_812, 2021: 1_702, 2022: 1_850, 2023: 2_000, 2024: 1_500,
              2025: 1_600, 2026: 1_650}
TRAFFICKING = {2019: 400, 2020: 350, 2021: 600, 2022: 1_500, 2023: 3_300, 2024: 2_800,
               2025: 2_200, 2026: 1_800}
SCAM_SHARE = {2019: 0.05, 2020: 0.1, 2021: 0.3, 2022: 0.5, 2023: 0.35, 2024: 0.55, 2025: 0.5,
              2026: 0.45}

EXTENSION_SHARE = 0.093  # perpanjangan among registrations (2024: 25,436 + 2,301 of 297,434)
EXTENSION_AT_HOME = 0.08  # extensions signed in Indonesia, followed by a departure
CANCELLED_SHARE = 0.04
PENDING_SHARE = 0.02  # registered, never departed within the data
REDEPARTURE_SHARE = 0.07  # home leave and back within the registration's year
REATTEMPT_SHARE = 0.35  # delayed people who try again, often elsewhere
NO_NIK_SHARE = 0.15

# --- Calendar (Ramadan, Lebaran, Idul Adha) --------------------------------------------------

RAMADAN = {2019: "2019-05-06", 2020: "2020-04-24", 2021: "2021-04-13", 2022: "2022-04-02",
           2023: "2023-03-23", 2024: "2024-03-11", 2025: "2025-03-01", 2026: "2026-02-18",
           2027: "2027-02-08"}
EID_FITR = {2019: "2019-06-05", 2020: "2020-05-24", 2021: "2021-05-13", 2022: "2022-05-02",
            2023: "2023-04-22", 2024: "2024-04-10", 2025: "2025-03-31", 2026: "2026-03-20",
            2027: "2027-03-10"}
EID_ADHA = {2019: "2019-08-11", 2020: "2020-07-31", 2021: "2021-07-20", 2022: "2022-07-10",
            2023: "2023-06-29", 2024: "2024-06-17", 2025: "2025-06-06", 2026: "2026-05-27",
            2027: "2027-05-17"}
CALENDAR_END_YEAR = 2027  # registrations late in a year depart in the next one

MONTH = {
    "tourist": [0.95, 0.85, 0.9, 0.9, 0.95, 1.15, 1.2, 0.95, 0.9, 0.95, 0.95, 1.3],
    "umrah": [1.2, 1.1, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.3],
    "hajj": [1.0] * 12,
    "reg": [1.1, 1.05, 1.05, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.95, 0.8],
    "work": [1.05, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 0.95, 0.85],
    "case": [1.0, 1.0, 1.05, 1.0, 1.0, 1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.9],
}
WEEKDAY = {  # Monday first
    "tourist": [0.95, 0.92, 0.92, 0.95, 1.12, 1.12, 1.02],
    "umrah": [1.0] * 7,
    "hajj": [1.0] * 7,
    "reg": [1.0, 1.0, 1.0, 1.0, 1.0, 0.2, 0.05],
    "work": [1.0, 1.0, 1.0, 1.0, 1.0, 0.95, 0.8],
    "case": [1.0, 1.0, 1.0, 1.0, 1.0, 0.3, 0.1],
}
# Multipliers during Ramadan, around Lebaran (Eid -5..+7) and in the month after it, when workers
# who stayed home for the holiday leave.
FASTING = {"tourist": 0.8, "umrah": 1.9, "hajj": 1.0, "reg": 0.8, "work": 0.7, "case": 1.0}
LEBARAN = {"tourist": 1.25, "umrah": 0.5, "hajj": 1.0, "reg": 0.15, "work": 0.25, "case": 0.3}
AFTER_LEBARAN = {"tourist": 1.0, "umrah": 1.0, "hajj": 1.0, "reg": 1.2, "work": 1.35, "case": 1.0}

# Within-year pandemic shape by month; yearly totals are set above, these only shape the year.
COVID_TOURIST = {
    2020: [1.0, 0.9, 0.5, 0.03, 0.03, 0.04, 0.05, 0.05, 0.05, 0.05, 0.06, 0.07],
    2021: [0.06, 0.05, 0.05, 0.05, 0.05, 0.05, 0.04, 0.04, 0.05, 0.06, 0.08, 0.1],
    2022: [0.25, 0.3, 0.35, 0.42, 0.5, 0.58, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9],
    2023: [0.9, 0.9, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99, 1.0, 1.0],
}
COVID_WORK = {
    2020: [1.0, 1.0, 0.7, 0.08, 0.08, 0.12, 0.25, 0.45, 0.55, 0.6, 0.65, 0.7],
    2021: [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.55, 0.55, 0.6, 0.65, 0.7, 0.75],
    2022: [0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0, 1.0, 1.0],
}
COVID = {"tourist": COVID_TOURIST, "reg": COVID_WORK, "work": COVID_WORK,
         "umrah": {2022: [0.3, 0.6, 0.9] + [1.0] * 9}}
UMRAH_SUSPENDED = ("2020-02-27", "2021-10-31")  # Saudi Arabia closed umrah to Indonesians

HOURS = {  # examination hour of day by checkpoint kind: flights, ferries, land border posts
    "air": [0.6, 0.4, 0.3, 0.3, 0.6, 1.5, 2.4, 2.8, 2.6, 2.3, 2.1, 2.0, 2.0, 2.0, 2.0, 2.1, 2.2,
            2.2, 2.1, 2.0, 1.9, 1.8, 1.5, 1.0],
    "sea": [0] * 7 + [1.5, 2.2, 2.2, 2.0, 1.8, 1.6, 1.6, 1.6, 1.5, 1.3, 1.0, 0.6, 0.3] + [0] * 4,
    "land": [0] * 8 + [2.0, 2.2, 2.0, 1.8, 1.6, 1.6, 1.5, 1.2, 0.8] + [0] * 7,
}

# --- Geography -------------------------------------------------------------------------------

# Registrations by province of origin (2024).
REG_PROVINCES = {
    "35": 79_001, "33": 66_297, "32": 61_236, "52": 30_342, "18": 25_016, "12": 10_500,
    "51": 9_400, "73": 7_000, "53": 4_000, "36": 3_000, "61": 1_800, "16": 1_500, "31": 1_500,
    "34": 1_200, "14": 900, "11": 700, "13": 600, "21": 500, "15": 450, "65": 350, "17": 350,
    "63": 350, "74": 300, "64": 300, "71": 250, "72": 250, "76": 250, "19": 150, "62": 150,
    "81": 120, "91": 60, "75": 40, "82": 40, "92": 30, "93": 25, "96": 25, "94": 20, "95": 10,
}
# Origin regencies that send far more workers (share of their province's workers).
HOT_REGENCIES = {"3212": 0.34, "3209": 0.18, "3301": 0.19, "3502": 0.13, "3505": 0.12,
                 "5203": 0.38}
WARM_REGENCIES = {
    "3202": 2.0, "3203": 2.5, "3208": 1.5, "3210": 2.0, "3213": 2.0, "3215": 2.0, "3324": 2.5,
    "3329": 2.0, "3302": 1.8, "3326": 1.5, "3327": 1.5, "3328": 1.5, "3501": 1.5, "3503": 2.0,
    "3504": 2.5, "3506": 1.8, "3507": 2.5, "3509": 1.8, "3510": 2.5, "3519": 1.5, "5201": 1.8,
    "5202": 2.5, "1801": 1.5, "1802": 2.0, "1806": 1.5, "1807": 2.5, "1810": 1.5, "1205": 1.5,
    "1207": 1.5, "1209": 2.0, "5302": 2.0, "5303": 1.5, "5304": 1.5, "5307": 1.5, "5310": 1.5,
    "7308": 1.5, "7313": 1.5, "6101": 2.0, "6103": 1.5, "2171": 3.0, "6503": 3.0, "6571": 2.0,
}
# Travellers come from the cities.
BIG_CITIES = {
    "3171": 3.0, "3172": 3.0, "3173": 3.0, "3174": 3.0, "3175": 3.0, "3578": 3.0, "3273": 2.0,
    "1271": 3.0, "7371": 3.0, "2171": 4.0, "3674": 2.0, "3216": 2.0, "3275": 2.0, "3276": 1.5,
    "3671": 2.0, "5171": 2.0, "5103": 2.0, "6471": 2.0, "1471": 2.0, "1671": 2.0, "3374": 2.0,
    "3471": 2.0,
}
TOURIST_PROVINCES = {
    "31": 18, "32": 16, "35": 12, "33": 8, "36": 7, "12": 6, "21": 4, "14": 3, "73": 3, "51": 3,
    "34": 2, "64": 2, "16": 2, "61": 1.5, "13": 1.5, "11": 1.2, "18": 1.2, "52": 1, "71": 1,
    "63": 1, "15": 0.6, "19": 0.4, "62": 0.4, "53": 0.4, "72": 0.4, "81": 0.3, "17": 0.3,
    "65": 0.3, "74": 0.3, "91": 0.3, "75": 0.15, "76": 0.15, "82": 0.15, "92": 0.15, "96": 0.15,
    "93": 0.1, "94": 0.1, "95": 0.05,
}
PILGRIM_PROVINCES = {
    "32": 20, "35": 16, "33": 12, "31": 10, "36": 8, "73": 5, "12": 3, "16": 3, "11": 3, "13": 3,
    "18": 3, "63": 3, "52": 3, "14": 2.5, "64": 2, "34": 1.5, "61": 1.2, "15": 1.2, "21": 1,
    "72": 0.6, "74": 0.6, "17": 0.5, "62": 0.5, "19": 0.4, "75": 0.4, "65": 0.3, "76": 0.3,
    "81": 0.3, "82": 0.3, "71": 0.2, "51": 0.2, "53": 0.1, "91": 0.1, "92": 0.05, "93": 0.05,
    "94": 0.05, "95": 0.02, "96": 0.05,
}
# Where trafficking victims come from, relative to the non-procedural routes they travelled.
TRAFFICKING_ORIGIN_FACTOR = {"21": 8.0, "65": 10.0, "32": 1.5, "53": 2.0, "52": 1.5, "61": 1.5}

# Air departures: the province's usual international airport (general, and for Saudi Arabia,
# i.e. the umrah/hajj embarkation), and how often its people fly from Soekarno-Hatta anyway.
PROVINCE_AIRPORTS = {
    "11": ("AIR-KNO", "AIR-BTJ", 0.2), "12": ("AIR-KNO", "AIR-KNO", 0.15),
    "13": ("AIR-PDG", "AIR-PDG", 0.25), "14": ("AIR-PKU", "AIR-PKU", 0.25),
    "15": ("AIR-CGK", "AIR-PLM", 0.5), "16": ("AIR-PLM", "AIR-PLM", 0.45),
    "17": ("AIR-CGK", "AIR-PLM", 0.6), "18": ("AIR-CGK", "AIR-CGK", 1.0),
    "19": ("AIR-CGK", "AIR-PLM", 0.7), "21": ("AIR-BTH", "AIR-BTH", 0.3),
    "31": ("AIR-CGK", "AIR-CGK", 1.0), "32": ("AIR-BDO", "AIR-KJT", 0.7),
    "33": ("AIR-SRG", "AIR-SOC", 0.35), "34": ("AIR-JOG", "AIR-YIA", 0.3),
    "35": ("AIR-SUB", "AIR-SUB", 0.15), "36": ("AIR-CGK", "AIR-CGK", 1.0),
    "51": ("AIR-DPS", "AIR-DPS", 0.1), "52": ("AIR-LOP", "AIR-LOP", 0.25),
    "53": ("AIR-DPS", "AIR-SUB", 0.35), "61": ("AIR-PNK", "AIR-CGK", 0.4),
    "62": ("AIR-SUB", "AIR-BDJ", 0.5), "63": ("AIR-SUB", "AIR-BDJ", 0.5),
    "64": ("AIR-BPN", "AIR-BPN", 0.3), "65": ("AIR-TRK", "AIR-BPN", 0.3),
    "71": ("AIR-MDC", "AIR-UPG", 0.35), "72": ("AIR-UPG", "AIR-UPG", 0.35),
    "73": ("AIR-UPG", "AIR-UPG", 0.25), "74": ("AIR-UPG", "AIR-UPG", 0.3),
    "75": ("AIR-MDC", "AIR-UPG", 0.35), "76": ("AIR-UPG", "AIR-UPG", 0.3),
    "81": ("AIR-UPG", "AIR-UPG", 0.6), "82": ("AIR-MDC", "AIR-UPG", 0.5),
}
PAPUA_AIRPORTS = ("AIR-UPG", "AIR-UPG", 0.6)
# Airports that lost or gained international flights: (old, replacement, from year).
AIRPORT_CHANGES = (("AIR-BDO", "AIR-KJT", 2023), ("AIR-JOG", "AIR-YIA", 2020),
                   ("AIR-SRG", "AIR-YIA", 2024), ("AIR-PNK", "AIR-CGK", 2024),
                   ("AIR-TRK", "AIR-BPN", 2024))
# Destinations an airport plausibly serves directly; "*" = all. Others fly via a hub.
AIRPORT_SERVES = {
    "AIR-CGK": "*", "AIR-DPS": "*",
    "AIR-SUB": ("MYS", "SGP", "THA", "SAU", "HKG", "TWN", "CHN", "ARE", "QAT", "BRN"),
    "AIR-KNO": ("MYS", "SGP", "THA", "SAU", "CHN"), "AIR-BTJ": ("MYS", "SAU"),
    "AIR-PDG": ("MYS", "SAU"), "AIR-PKU": ("MYS", "SGP", "SAU"), "AIR-PLM": ("MYS", "SGP", "SAU"),
    "AIR-BTH": ("MYS", "SGP", "SAU", "CHN"), "AIR-HLP": ("MYS", "SGP", "SAU"),
    "AIR-KJT": ("SAU", "MYS"), "AIR-BDO": ("MYS", "SGP", "SAU"), "AIR-YIA": ("MYS", "SGP", "SAU"),
    "AIR-JOG": ("MYS", "SGP"), "AIR-SRG": ("MYS", "SGP"), "AIR-SOC": ("SAU", "MYS"),
    "AIR-LOP": ("MYS", "SGP", "SAU"), "AIR-BPN": ("MYS", "SGP", "SAU"),
    "AIR-UPG": ("MYS", "SGP", "SAU"), "AIR-MDC": ("SGP", "CHN"), "AIR-PNK": ("MYS",),
    "AIR-BDJ": ("SAU",), "AIR-TRK": ("MYS",),
}
# Pilgrims do not fly from Bali: Saudi flights leave from the embarkation airports.
AIRPORT_EXCEPT = {"AIR-DPS": ("SAU",)}
HUBS = ("AIR-CGK", "AIR-SUB", "AIR-DPS")
HUB_WEIGHTS = {"west": (0.92, 0.04, 0.04), "east": (0.6, 0.25, 0.15)}
EAST_PROVINCES = ("35", "51", "52", "53", "62", "63", "64", "65", "71", "72", "73", "74", "75",
                  "76", "81", "82", "91", "92", "93", "94", "95", "96")
FERRY_TERMINAL_OPENS = ("SEA-BGK", "2025-04-01", "SEA-BTC")  # before opening, Batam Centre
# Checkpoints where officers delay suspected workers most (relative propensity).
DELAY_PROPENSITY = {"AIR-CGK": 1.0, "SEA-BTC": 1.2, "SEA-SKP": 1.2, "SEA-HBB": 1.2,
                    "SEA-TBK": 0.8, "SEA-TBA": 0.8, "AIR-DPS": 0.8, "AIR-LOP": 0.8,
                    "AIR-SUB": 0.3, "AIR-KNO": 0.3, "SEA-SBP": 0.4, "SEA-DUM": 0.4,
                    "SEA-NNK": 0.3, "LND-ENT": 0.3}
DELAY_PROPENSITY_DEFAULT = 0.08

# --- Placements --------------------------------------------------------------------------------

DESTINATIONS_2024 = {
    "HKG": 99_773, "TWN": 84_581, "MYS": 51_723, "JPN": 12_720, "SGP": 10_819, "KOR": 10_750,
    "SAU": 7_759, "ITA": 3_535, "BRN": 3_183, "TUR": 2_630, "POL": 1_320, "ARE": 1_244,
    "ZMB": 857, "QAT": 783, "KWT": 640, "MDV": 591, "PNG": 456, "HUN": 427, "SVK": 404,
    "ROU": 377, "DEU": 300, "USA": 250, "MAC": 200, "NLD": 150, "OMN": 150, "AUS": 120,
    "CZE": 120, "BHR": 100, "GBR": 100, "NZL": 80, "ESP": 80, "CHN": 80, "JOR": 60, "FJI": 60,
    "BGR": 60, "THA": 60, "LTU": 40, "GRC": 40, "MLT": 40, "HRV": 40, "MUS": 30, "SYC": 30,
    "ZAF": 20, "SRB": 20, "RUS": 20, "CYP": 20,
}
# Destination mix by year relative to 2024: Malaysia closed 2020-2022, Hong Kong stayed open,
# Japan grows.
DESTINATION_TRENDS = {
    2019: {"MYS": 1.55, "HKG": 0.72, "SGP": 1.8, "BRN": 1.9, "KOR": 0.6, "JPN": 0.25, "ITA": 0.3,
           "POL": 0.2, "TUR": 0.3, "HUN": 0.2, "SVK": 0.2, "ROU": 0.2, "ZMB": 0.3, "SAU": 0.9,
           "TWN": 0.97},
    2020: {"MYS": 0.35, "HKG": 1.05, "TWN": 0.85, "SGP": 0.7, "KOR": 0.25, "JPN": 0.3, "SAU": 0.4,
           "ITA": 0.2, "POL": 0.3, "BRN": 0.6, "TUR": 0.3},
    2021: {"MYS": 0.03, "HKG": 1.25, "TWN": 0.2, "SGP": 0.5, "KOR": 0.35, "JPN": 0.35, "SAU": 0.3,
           "ITA": 0.1, "POL": 0.5, "TUR": 0.5, "BRN": 0.4},
    2022: {"MYS": 0.6, "HKG": 0.9, "TWN": 1.25, "JPN": 0.55, "KOR": 1.0, "SAU": 0.6, "POL": 0.8,
           "ITA": 0.6},
    2023: {"MYS": 0.95, "JPN": 0.85, "SAU": 0.8},
    2025: {"JPN": 1.35, "KOR": 1.1, "MYS": 1.05, "HKG": 0.95},
    2026: {"JPN": 1.6, "KOR": 1.15, "MYS": 1.05, "HKG": 0.92, "TWN": 0.97},
}
# Provinces that favour some destinations (Bali: hospitality and cruise ships; Kalimantan Barat:
# Sarawak; Nusa Tenggara: Malaysia and Saudi Arabia ...). Province and destination totals are
# kept by iterative proportional fitting.
AFFINITY = {
    ("51", "ITA"): 15, ("51", "TUR"): 10, ("51", "MDV"): 12, ("51", "JPN"): 3, ("51", "ARE"): 5,
    ("51", "USA"): 10, ("51", "HKG"): 0.2, ("51", "TWN"): 0.5, ("51", "SAU"): 0.02,
    ("52", "MYS"): 2.5, ("52", "SAU"): 2.5, ("61", "MYS"): 4, ("61", "BRN"): 3, ("12", "MYS"): 2.5,
    ("12", "KOR"): 1.5, ("53", "MYS"): 2.5, ("73", "MYS"): 2.5, ("35", "HKG"): 1.3,
    ("35", "TWN"): 1.2, ("32", "SAU"): 2.0, ("32", "TWN"): 1.2, ("33", "TWN"): 1.3,
    ("33", "KOR"): 1.6, ("33", "JPN"): 1.5, ("18", "HKG"): 1.5, ("18", "TWN"): 1.3,
}

OCCUPATIONS = (
    "Penata Laksana Rumah Tangga", "Caregiver", "Pengasuh Bayi", "Sopir Keluarga", "Pekerja Umum",
    "Operator Pabrik", "Pekerja Perkebunan", "Pekerja Pertanian", "Pekerja Konstruksi",
    "Anak Buah Kapal Perikanan", "Awak Kapal Pesiar", "Tukang Las", "Pelayan Restoran",
    "Juru Masak", "Pekerja Hotel", "Terapis Spa", "Perawat",
)
OCCUPATION_FEMALE = (0.99, 0.9, 1.0, 0.0, 0.3, 0.35, 0.15, 0.3, 0.02, 0.0, 0.3, 0.0, 0.5, 0.4,
                     0.5, 0.95, 0.75)


@dataclass(frozen=True)
class DestinationGroup:
    """What placements to a group of destinations look like."""

    members: tuple[str, ...]
    informal: float
    informal_jobs: dict[str, float]
    formal_jobs: dict[str, float]
    education: tuple[float, float, float, float, float]  # SD, SMP, SMA, D3, S1+
    schemes: tuple[float, float, float, float]  # P2P, G2G, perseorangan, UKPS
    formal_female: float = 1.0  # Korean and Japanese factories hire fewer women than elsewhere


LOW_SCHOOLING = (0.27, 0.40, 0.32, 0.006, 0.004)
SKILLED = (0.01, 0.10, 0.75, 0.08, 0.06)
HOUSEHOLD = {"Penata Laksana Rumah Tangga": 0.9, "Caregiver": 0.05, "Pengasuh Bayi": 0.05}
DESTINATION_GROUPS = (
    DestinationGroup(("HKG", "MAC"), 0.97,
                     {"Penata Laksana Rumah Tangga": 0.74, "Caregiver": 0.21, "Pengasuh Bayi": 0.05},
                     {"Pekerja Hotel": 0.4, "Pelayan Restoran": 0.3, "Juru Masak": 0.3},
                     (0.2, 0.45, 0.34, 0.006, 0.004), (0.93, 0.0, 0.07, 0.0)),
    DestinationGroup(("TWN",), 0.43, {"Caregiver": 0.75, "Penata Laksana Rumah Tangga": 0.25},
                     {"Operator Pabrik": 0.45, "Anak Buah Kapal Perikanan": 0.2,
                      "Pekerja Konstruksi": 0.12, "Pekerja Umum": 0.13, "Pekerja Pertanian": 0.1},
                     (0.3, 0.4, 0.29, 0.006, 0.004), (0.94, 0.0, 0.055, 0.005), 0.8),
    DestinationGroup(("MYS",), 0.18, HOUSEHOLD,
                     {"Pekerja Perkebunan": 0.45, "Operator Pabrik": 0.2, "Pekerja Umum": 0.15,
                      "Pekerja Konstruksi": 0.12, "Pelayan Restoran": 0.05, "Pekerja Hotel": 0.03},
                     (0.35, 0.4, 0.24, 0.006, 0.004), (0.89, 0.0, 0.1, 0.01)),
    DestinationGroup(("SGP",), 0.85, {"Penata Laksana Rumah Tangga": 0.9, "Caregiver": 0.1},
                     {"Pekerja Umum": 0.3, "Pelayan Restoran": 0.3, "Pekerja Konstruksi": 0.2,
                      "Juru Masak": 0.2},
                     (0.15, 0.45, 0.39, 0.006, 0.004), (0.95, 0.0, 0.05, 0.0)),
    DestinationGroup(("SAU",), 0.8,
                     {"Penata Laksana Rumah Tangga": 0.8, "Sopir Keluarga": 0.15, "Pengasuh Bayi": 0.05},
                     {"Pekerja Hotel": 0.4, "Perawat": 0.2, "Juru Masak": 0.2, "Pekerja Umum": 0.2},
                     (0.33, 0.42, 0.24, 0.006, 0.004), (0.96, 0.0, 0.04, 0.0)),
    DestinationGroup(("JPN",), 0.0, HOUSEHOLD,
                     {"Caregiver": 0.28, "Operator Pabrik": 0.25, "Pekerja Konstruksi": 0.14,
                      "Pekerja Pertanian": 0.1, "Juru Masak": 0.1, "Tukang Las": 0.08, "Perawat": 0.05},
                     SKILLED, (0.62, 0.05, 0.27, 0.06), 0.7),
    DestinationGroup(("KOR",), 0.0, HOUSEHOLD,
                     {"Operator Pabrik": 0.72, "Anak Buah Kapal Perikanan": 0.23, "Pekerja Konstruksi": 0.05},
                     SKILLED, (0.03, 0.94, 0.03, 0.0), 0.2),
    DestinationGroup(("BRN",), 0.55, {"Penata Laksana Rumah Tangga": 0.95, "Sopir Keluarga": 0.05},
                     {"Pekerja Konstruksi": 0.4, "Pelayan Restoran": 0.3, "Pekerja Umum": 0.3},
                     LOW_SCHOOLING, (0.94, 0.0, 0.06, 0.0)),
    DestinationGroup(("ARE", "QAT", "KWT", "OMN", "BHR", "JOR", "TUR"), 0.4,
                     {"Penata Laksana Rumah Tangga": 0.9, "Sopir Keluarga": 0.1},
                     {"Pekerja Hotel": 0.35, "Terapis Spa": 0.2, "Pelayan Restoran": 0.2,
                      "Perawat": 0.1, "Juru Masak": 0.15},
                     (0.2, 0.4, 0.38, 0.012, 0.008), (0.9, 0.0, 0.1, 0.0)),
    DestinationGroup(("ITA", "POL", "HUN", "SVK", "ROU", "DEU", "NLD", "CZE", "GBR", "ESP", "BGR",
                      "LTU", "GRC", "MLT", "HRV", "SRB", "RUS", "CYP"), 0.02, HOUSEHOLD,
                     {"Tukang Las": 0.25, "Operator Pabrik": 0.35, "Pekerja Hotel": 0.15,
                      "Awak Kapal Pesiar": 0.15, "Perawat": 0.1},
                     SKILLED, (0.75, 0.04, 0.18, 0.03)),
)
OTHER_GROUP = DestinationGroup(
    (), 0.1, HOUSEHOLD,
    {"Pekerja Hotel": 0.35, "Pekerja Konstruksi": 0.2, "Pekerja Perkebunan": 0.15,
     "Operator Pabrik": 0.1, "Pekerja Umum": 0.2},
    (0.1, 0.3, 0.5, 0.06, 0.04), (0.78, 0.0, 0.15, 0.07),
)
AGENCIES = 450

# --- Routes -----------------------------------------------------------------------------------

PURPOSE_WORK = {"work": 0.86, "tourism": 0.10, "family": 0.02, "business": 0.01, "other": 0.01}


@dataclass(frozen=True)
class Route:
    """A way of leaving: checkpoints and destinations, who takes it, and what they declare.

    ``joint`` lists (checkpoint, destination, weight) for ferries and land borders; ``air`` gives
    destination weights and the checkpoint follows the traveller's province (PROVINCE_AIRPORTS).
    ``near`` is the share of travellers living in the checkpoint's own province.
    """

    name: str
    share: float
    provinces: dict[str, float]
    female: float
    purposes: dict[str, float]
    joint: tuple[tuple[str, str, float], ...] = ()
    air: dict[str, float] = field(default_factory=dict)
    near: float = 0.0
    suspected: float = 0.0
    cgk: float = 0.0
    purpose_by_destination: dict[str, dict[str, float]] = field(default_factory=dict)


NP_ROUTES = (
    Route("riau_islands", 0.30,
          {"35": 18, "52": 16, "32": 14, "33": 10, "12": 8, "18": 6, "53": 8, "73": 4, "21": 10,
           "14": 3, "11": 3, "16": 2, "13": 1, "36": 1},
          0.45, {"tourism": 0.70, "family": 0.12, "work": 0.10, "business": 0.05, "other": 0.03},
          joint=(("SEA-BTC", "MYS", 30), ("SEA-BTC", "SGP", 12), ("SEA-HBB", "MYS", 9),
                 ("SEA-HBB", "SGP", 5), ("SEA-SKP", "SGP", 8), ("SEA-NGP", "SGP", 2),
                 ("SEA-SBP", "MYS", 6), ("SEA-SBP", "SGP", 3), ("SEA-TBK", "MYS", 11),
                 ("SEA-TBK", "SGP", 4), ("SEA-BGK", "MYS", 5), ("SEA-TUB", "MYS", 1)),
          suspected=0.24),
    Route("sumatra_ferries", 0.10,
          {"12": 35, "11": 15, "14": 10, "13": 5, "35": 8, "52": 10, "33": 5, "18": 7, "32": 5},
          0.35, {"tourism": 0.62, "family": 0.22, "work": 0.10, "business": 0.04, "other": 0.02},
          joint=(("SEA-DUM", "MYS", 45), ("SEA-TBA", "MYS", 30), ("SEA-BKL", "MYS", 10),
                 ("SEA-SLP", "MYS", 5), ("SEA-BLW", "MYS", 10)),
          suspected=0.20),
    Route("nunukan", 0.12,
          {"73": 35, "53": 25, "76": 10, "74": 8, "65": 12, "52": 7, "35": 5, "33": 2, "72": 2},
          0.35, {"family": 0.30, "tourism": 0.45, "work": 0.20, "other": 0.05},
          joint=(("SEA-NNK", "MYS", 85), ("SEA-TRS", "MYS", 15)), suspected=0.25),
    Route("entikong", 0.08,
          {"61": 45, "53": 15, "33": 10, "35": 10, "52": 10, "32": 5, "73": 5},
          0.40, {"tourism": 0.50, "family": 0.30, "work": 0.15, "business": 0.05},
          joint=(("LND-ENT", "MYS", 70), ("LND-ARK", "MYS", 15), ("LND-JGB", "MYS", 8),
                 ("LND-NBD", "MYS", 7)),
          suspected=0.20),
    Route("middle_east", 0.18,
          {"32": 35, "36": 10, "52": 20, "35": 12, "33": 10, "31": 3, "18": 4, "73": 3, "12": 2,
           "16": 1},
          0.80, {"religious": 0.45, "tourism": 0.35, "work": 0.10, "family": 0.05, "business": 0.05},
          air={"SAU": 60, "ARE": 15, "QAT": 8, "KWT": 5, "OMN": 4, "BHR": 3, "JOR": 3, "TUR": 2},
          suspected=0.18, cgk=0.7),
    Route("scam_compounds", 0.06,
          {"32": 20, "31": 12, "36": 10, "12": 15, "35": 12, "33": 8, "71": 5, "61": 4, "52": 3,
           "73": 4, "18": 3, "21": 4},
          0.35, {"tourism": 0.85, "business": 0.08, "work": 0.05, "other": 0.02},
          air={"KHM": 55, "THA": 15, "MMR": 10, "LAO": 8, "PHL": 6, "VNM": 6},
          suspected=0.12, cgk=0.6),
    Route("air_asia", 0.16, REG_PROVINCES,
          0.60, {"tourism": 0.75, "family": 0.08, "work": 0.12, "business": 0.05},
          air={"MYS": 45, "SGP": 8, "HKG": 10, "TWN": 10, "JPN": 8, "KOR": 9, "BRN": 5, "ARE": 2,
               "AUS": 3},
          suspected=0.10, cgk=0.3),
)
# Scam compounds took off from 2021; borders to Sabah and Sarawak were shut in 2020-2021.
NP_ROUTE_TRENDS = {
    "scam_compounds": {2019: 0.1, 2020: 0.1, 2021: 0.5, 2022: 1.5, 2023: 2.0, 2024: 2.0, 2025: 1.6,
                       2026: 1.3},
    "nunukan": {2020: 0.6, 2021: 0.4},
    "entikong": {2020: 0.6, 2021: 0.4},
}
SCAM_CASE_DESTINATIONS = {"MMR": 0.7, "KHM": 0.2, "LAO": 0.1}  # where people flown to Bangkok end up

LEISURE = {"tourism": 0.78, "family": 0.07, "business": 0.10, "study": 0.03, "other": 0.02}
CROSS_BORDER = {"tourism": 0.62, "family": 0.22, "business": 0.13, "other": 0.03}
STUDY = {"tourism": 0.72, "family": 0.07, "business": 0.10, "study": 0.09, "other": 0.02}
TOURIST_AIR = {
    "MYS": 24, "SGP": 12, "THA": 8, "JPN": 6, "CHN": 4.5, "AUS": 4.5, "KOR": 3.5, "TUR": 2.5,
    "HKG": 2.2, "VNM": 2.2, "TWN": 1.5, "ARE": 1.5, "USA": 1.5, "SAU": 1.0, "GBR": 0.9,
    "NLD": 0.9, "IND": 0.8, "DEU": 0.8, "FRA": 0.8, "EGY": 0.8, "PHL": 0.7, "ITA": 0.6,
    "QAT": 0.5, "NZL": 0.5, "BRN": 0.5, "KHM": 0.4, "JOR": 0.4, "CHE": 0.3, "ESP": 0.3,
    "MDV": 0.3, "MAC": 0.3, "CAN": 0.3, "LKA": 0.2, "RUS": 0.2, "MMR": 0.1, "LAO": 0.1,
    "TLS": 0.1, "OMN": 0.1, "KWT": 0.1, "CZE": 0.1, "AUT": 0.1, "BEL": 0.1, "GRC": 0.1,
    "MAR": 0.1, "FJI": 0.05, "BHR": 0.05, "PRT": 0.05, "DNK": 0.05, "SWE": 0.05, "NOR": 0.05,
    "FIN": 0.05, "IRL": 0.05, "ZAF": 0.05, "BGD": 0.05, "PAK": 0.05, "HUN": 0.05, "POL": 0.05,
    "MUS": 0.02, "SYC": 0.02,
}
TOURIST_PURPOSE_BY_DESTINATION = {
    "SAU": {"religious": 0.6, "business": 0.2, "family": 0.1, "tourism": 0.1},
    "TUR": {"tourism": 0.65, "religious": 0.15, "business": 0.1, "family": 0.05, "study": 0.05},
    "JOR": {"religious": 0.5, "tourism": 0.4, "study": 0.1},
    "EGY": {"religious": 0.3, "study": 0.25, "tourism": 0.4, "business": 0.05},
    "MYS": {"tourism": 0.68, "family": 0.12, "business": 0.12, "study": 0.05, "other": 0.03},
    "SGP": {"tourism": 0.72, "family": 0.06, "business": 0.17, "study": 0.03, "other": 0.02},
    "CHN": {"tourism": 0.65, "business": 0.25, "study": 0.08, "other": 0.02},
    **{d: STUDY for d in ("AUS", "GBR", "NLD", "DEU", "USA", "JPN", "TWN", "KOR", "NZL")},
}
TOURIST_ROUTES = (
    Route("air", 76, TOURIST_PROVINCES, 0.52, LEISURE, air=TOURIST_AIR,
          purpose_by_destination=TOURIST_PURPOSE_BY_DESTINATION),
    Route("riau_islands_ferry", 13,
          {"31": 12, "32": 8, "14": 8, "12": 5, "35": 5, "33": 5, "36": 3, "16": 2, "13": 2,
           "15": 2, "11": 1, "18": 1, "19": 1},
          0.5, LEISURE,
          joint=(("SEA-BTC", "SGP", 25), ("SEA-BTC", "MYS", 10), ("SEA-HBB", "SGP", 9),
                 ("SEA-HBB", "MYS", 6), ("SEA-SKP", "SGP", 12), ("SEA-NGP", "SGP", 5),
                 ("SEA-MTS", "SGP", 2), ("SEA-BGK", "MYS", 4), ("SEA-SBP", "SGP", 7),
                 ("SEA-SBP", "MYS", 3), ("SEA-BBT", "SGP", 6), ("SEA-TBK", "SGP", 4),
                 ("SEA-TBK", "MYS", 5), ("SEA-TUB", "SGP", 1), ("SEA-TUB", "MYS", 1)),
          near=0.45),
    Route("sumatra_ferry", 1.5, {"14": 40, "12": 35, "11": 10, "13": 8, "15": 4, "21": 3}, 0.5,
          CROSS_BORDER,
          joint=(("SEA-DUM", "MYS", 45), ("SEA-BKL", "MYS", 10), ("SEA-SLP", "MYS", 8),
                 ("SEA-TBA", "MYS", 20), ("SEA-BLW", "MYS", 12), ("SEA-SAB", "MYS", 5)),
          near=0.7),
    Route("kalimantan_utara", 0.8, {"65": 40, "73": 25, "64": 15, "76": 8, "53": 6, "74": 6}, 0.5,
          CROSS_BORDER,
          joint=(("SEA-NNK", "MYS", 65), ("SEA-TRS", "MYS", 25), ("LND-LMD", "MYS", 10)),
          near=0.6),
    Route("kalimantan_barat", 5.0, {"61": 80, "62": 5, "63": 3, "32": 4, "33": 3, "35": 3, "31": 2},
          0.5, CROSS_BORDER,
          joint=(("LND-ENT", "MYS", 55), ("LND-ARK", "MYS", 24), ("LND-NBD", "MYS", 8),
                 ("LND-JGB", "MYS", 13)),
          near=0.9),
    Route("timor", 2.0, {"53": 90, "51": 3, "35": 3, "31": 4}, 0.48, CROSS_BORDER,
          joint=(("LND-MTA", "TLS", 60), ("LND-MTM", "TLS", 25), ("LND-WNI", "TLS", 15),
                 ("SEA-KPG", "TLS", 3)),
          near=0.95),
    Route("papua", 0.5, {"91": 70, "93": 12, "95": 6, "94": 4, "92": 3, "96": 3, "73": 2}, 0.45,
          CROSS_BORDER,
          joint=(("LND-SKW", "PNG", 80), ("LND-SOT", "PNG", 15), ("SEA-JYP", "PNG", 5)),
          near=0.9),
    Route("other_sea", 0.3, TOURIST_PROVINCES, 0.45, LEISURE,
          joint=(("SEA-TPR", "SGP", 30), ("SEA-BOA", "AUS", 20), ("SEA-BIT", "PHL", 20),
                 ("SEA-TPE", "SGP", 10), ("SEA-AMB", "AUS", 5), ("SEA-MKS", "MYS", 5),
                 ("SEA-TEM", "SGP", 5), ("SEA-SAB", "MYS", 5)),
          near=0.6),
)
PILGRIM_ROUTES = (
    Route("umrah", 1, PILGRIM_PROVINCES, 0.58, {"religious": 1.0}, air={"SAU": 1}, cgk=0.0),
)

# --- Cases -------------------------------------------------------------------------------------

COMPLAINT_TYPES = {
    "np": {"wants_to_return": 0.25, "unpaid_wages": 0.12, "abuse": 0.08, "deported": 0.12,
           "illness": 0.06, "death": 0.06, "lost_contact": 0.07, "document_withholding": 0.06,
           "contract_breach": 0.06, "job_fraud": 0.06, "excess_fees": 0.02, "other": 0.04},
    "proc": {"wants_to_return": 0.22, "unpaid_wages": 0.15, "contract_breach": 0.15,
             "excess_fees": 0.12, "illness": 0.07, "death": 0.04, "abuse": 0.05,
             "document_withholding": 0.05, "job_fraud": 0.03, "deported": 0.03,
             "lost_contact": 0.03, "other": 0.06},
    "failed": {"failed_departure": 0.7, "excess_fees": 0.15, "job_fraud": 0.15},
}
# Complaints lead with Saudi Arabia, Malaysia and Hong Kong (domestic workers in households).
COMPLAINT_DESTINATION_WEIGHT = {"SAU": 2.5, "ARE": 2.0, "QAT": 2.0, "KWT": 2.0, "OMN": 2.0, "BHR": 2.0,
                                "JOR": 2.0, "HKG": 1.3, "TWN": 0.6, "SGP": 0.6, "KHM": 0.5}
COMPLAINT_DESTINATIONS = {"MYS": 36, "SAU": 28, "HKG": 10, "TWN": 8, "SGP": 5, "ARE": 3, "QAT": 2,
                          "KWT": 2, "BRN": 2, "JPN": 1, "KOR": 1, "TUR": 1, "OMN": 1}
TRAFFICKING_DESTINATIONS = {"MYS": 70, "SAU": 10, "ARE": 5, "SGP": 5, "QAT": 3, "BRN": 3,
                            "TUR": 2, "JPN": 1, "KOR": 1}
SCAM_DESTINATIONS = {"KHM": 55, "MMR": 20, "LAO": 8, "PHL": 7, "THA": 5, "VNM": 5}
TRAFFICKING_PROVINCES = {"21": 14, "65": 13, "32": 10, "53": 9, "52": 8, "35": 7, "33": 6,
                         "12": 6, "61": 5, "73": 5, "36": 3, "31": 3, "18": 3, "71": 2, "11": 2,
                         "14": 2, "16": 1, "76": 1}
# Route weights for the other (non-scam) trafficking victims.
TRAFFICKING_ROUTE_WEIGHT = {"riau_islands": 1.0, "sumatra_ferries": 1.0, "nunukan": 1.3,
                            "entikong": 1.2, "middle_east": 0.7, "air_asia": 0.3}
EXPLOITATION_BY_REGION = {
    "malaysia": {"forced_labour": 0.68, "sexual_exploitation": 0.22, "forced_criminality": 0.03,
                 "other": 0.07},
    "middle_east": {"forced_labour": 0.65, "sexual_exploitation": 0.28, "other": 0.07},
    "scam": {"online_scam": 0.92, "forced_criminality": 0.05, "sexual_exploitation": 0.03},
    "other": {"forced_labour": 0.55, "sexual_exploitation": 0.35, "other": 0.10},
}
# What the complainant reported (procedural, non_procedural, unknown) by who they really are.
REPORTED_MODE = {
    "np": (0.03, 0.6, 0.37), "proc": (0.50, 0.02, 0.48), "failed": (0.6, 0.0, 0.4),
    "none": (0.15, 0.35, 0.50), "tppo_np": (0.04, 0.56, 0.40), "tppo_proc": (0.55, 0.05, 0.40),
}

POOL_PROC, POOL_NP, POOL_FAILED, POOL_DELAYED = 0, 1, 2, 3
SERIALS_PER_PART = 200  # NIK serial block per (year, generator step); 48 blocks fit in 0001-9999
STEPS_PER_YEAR = 6
STEP_REGISTRATIONS, STEP_NON_PROCEDURAL, STEP_TOURISTS, STEP_UMRAH, STEP_HAJJ, STEP_CASES = range(STEPS_PER_YEAR)


def generate(out_dir: Path, seed: int = 7, scale: float = DEFAULT_SCALE,
             years: int = DEFAULT_YEARS) -> dict[str, list[Path]]:
    """Write raw extract files for 'registrations', 'departures', 'cases' into out_dir; return paths by kind."""
    if not 1 <= years <= LAST_YEAR - FIRST_YEAR + 1:
        raise ValueError(f"years must be 1..{LAST_YEAR - FIRST_YEAR + 1} (no data before {FIRST_YEAR})")
    if not scale > 0:
        raise ValueError("scale must be positive")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return _Generator(seed, scale, LAST_YEAR - years + 1, out).run()


# --- Small vectorised helpers ----------------------------------------------------------------


def _day(iso: str) -> int:
    return int(np.datetime64(iso, "D").astype(np.int64))


def _choice(rng: np.random.Generator, n: int, weights: np.ndarray) -> np.ndarray:
    cum = np.cumsum(np.asarray(weights, dtype=float))
    cum /= cum[-1]
    return np.minimum(np.searchsorted(cum, rng.random(n), side="right"), len(cum) - 1)


def _choice_by(rng: np.random.Generator, group: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """One category per row from the row's own distribution weights[group], in one searchsorted.

    Each distribution's cumulative sum is shifted by its group number, so group g's values lie in
    (g, g + 1] and g + u (u uniform in [0, 1)) falls inside group g's run.
    """
    w = np.asarray(weights, dtype=float)
    k = w.shape[1]
    total = w.sum(axis=1, keepdims=True)
    w = np.where(total > 0, w / np.where(total > 0, total, 1.0), 1.0 / k)
    cum = np.cumsum(w, axis=1)
    cum[:, -1] = 1.0
    flat = (cum + np.arange(len(w))[:, None]).ravel()
    group = np.asarray(group, dtype=np.int64)
    pos = np.searchsorted(flat, group + rng.random(len(group)), side="right") - group * k
    return np.clip(pos, 0, k - 1)


def _weights(labels: tuple[str, ...] | list[str], mapping: dict[str, float]) -> np.ndarray:
    index = {label: i for i, label in enumerate(labels)}
    w = np.zeros(len(labels))
    for label, value in mapping.items():
        w[index[label]] += value
    return w


def _weighted_sample(rng: np.random.Generator, weight: np.ndarray, n: int) -> np.ndarray:
    """n indices without replacement, probability proportional to weight (Efraimidis-Spirakis)."""
    pos = np.flatnonzero(weight > 0)
    keys = np.log(rng.random(len(pos))) / weight[pos]
    if n >= len(pos):
        return pos
    if n <= 0:
        return pos[:0]
    top = np.argpartition(-keys, n - 1)[:n]
    return np.sort(pos[top])


def _concat(frames: list[Frame]) -> Frame:
    frames = [f for f in frames if f and len(next(iter(f.values())))]
    if not frames:
        return {}
    return {k: np.concatenate([f[k] for f in frames]) for k in frames[0]}


def _take(frame: Frame, index: np.ndarray) -> Frame:
    return {k: v[index] for k, v in frame.items()}


def _length(frame: Frame) -> int:
    return len(next(iter(frame.values()))) if frame else 0


def _dictionary(index: np.ndarray, labels: tuple[str, ...] | list[str],
                missing: np.ndarray | None = None) -> pa.Array:
    indices = pa.array(np.asarray(index, dtype=np.int32), mask=missing)
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(labels), pa.string()))


def _dates(days: np.ndarray, missing: np.ndarray | None = None) -> pa.Array:
    return pa.array(np.asarray(days, dtype=np.int32), type=pa.date32(), mask=missing)


def _write_csv(path: Path, header: tuple[str, ...], columns: list[pa.Array]) -> None:
    # The header is written by hand because Arrow quotes header names.
    table = pa.Table.from_arrays(columns, names=list(header))
    with path.open("wb") as f:
        f.write((",".join(header) + "\n").encode("utf-8"))
        pacsv.write_csv(table, f, pacsv.WriteOptions(include_header=False, quoting_style="none"))


REGISTRATION_HEADER = ("no_registrasi", "nik", "tanggal_daftar", "jenis_kelamin", "tanggal_lahir",
                       "kode_kabupaten", "pendidikan", "jabatan", "sektor", "skema",
                       "negara_tujuan", "kode_p3mi", "status")
DEPARTURE_HEADER = ("departure_id", "nik", "examined_at", "checkpoint_code", "destination_country",
                    "residence_regency_code", "gender", "birth_date", "declared_purpose",
                    "suspected_worker", "outcome")
CASE_HEADER = ("no_kasus", "nik", "tanggal_lapor", "sumber", "jenis_kasus", "tppo",
               "jenis_eksploitasi", "kode_kabupaten", "negara_tujuan", "jenis_kelamin",
               "tanggal_lahir", "prosedural", "status", "tanggal_selesai")


class _Generator:
    def __init__(self, seed: int, scale: float, first_year: int, out_dir: Path) -> None:
        self.rng = np.random.default_rng(seed)
        self.scale = scale
        self.first_year = first_year
        self.out = out_dir
        self.cutoff = _day(CUTOFF)
        self._load_reference()
        self._build_calendar()
        self._build_geography()
        self._build_placements()
        self._build_routes()
        self.carry: Frame = {}
        self.worker_pool: Frame = {}
        self.case_pool: Frame = {}
        self.cases: list[Frame] = []
        self.paths: dict[str, list[Path]] = {"registrations": [], "departures": [], "cases": []}

    # --- static tables ---

    def _load_reference(self) -> None:
        self.provinces = [r["province_code"] for r in rows("provinces")]
        self.prov_index = {p: i for i, p in enumerate(self.provinces)}
        regencies = rows("regencies")
        self.regency_codes = np.array([int(r["regency_code"]) for r in regencies], dtype=np.int64)
        self.regency_labels = [r["regency_code"] for r in regencies]
        self.regency_prov = np.array([self.prov_index[r["province_code"]] for r in regencies])
        self.regency_is_city = np.array([r["kind"] == "kota" for r in regencies])
        self.countries = [r["iso3"] for r in rows("countries")]
        self.country = {c: i for i, c in enumerate(self.countries)}
        checkpoints = rows("checkpoints")
        self.checkpoints = [r["checkpoint_code"] for r in checkpoints]
        self.cp = {c: i for i, c in enumerate(self.checkpoints)}
        kinds = ("air", "sea", "land")
        self.cp_kind = np.array([kinds.index(r["kind"]) for r in checkpoints])
        self.cp_prov = np.array([self.prov_index[r["province_code"]] for r in checkpoints])

    def _build_calendar(self) -> None:
        self.cal_start = _day(f"{FIRST_YEAR}-01-01")
        days = np.arange(self.cal_start, _day(f"{CALENDAR_END_YEAR + 1}-01-01"))
        d = days.astype("datetime64[D]")
        month = d.astype("datetime64[M]").astype(np.int64) % 12
        year = d.astype("datetime64[Y]").astype(np.int64) + 1970
        weekday = (days + 3) % 7  # 1970-01-01 was a Thursday
        self.calendar: dict[str, np.ndarray] = {}
        for kind in MONTH:
            w = np.asarray(MONTH[kind])[month] * np.asarray(WEEKDAY[kind])[weekday]
            for y in range(FIRST_YEAR, CALENDAR_END_YEAR + 1):
                ramadan, eid, adha = _day(RAMADAN[y]), _day(EID_FITR[y]), _day(EID_ADHA[y])
                w[(days >= ramadan) & (days < eid)] *= FASTING[kind]
                w[(days >= eid - 5) & (days <= eid + 7)] *= LEBARAN[kind]
                w[(days > eid + 7) & (days <= eid + 40)] *= AFTER_LEBARAN[kind]
                if kind == "umrah":
                    w[(days >= ramadan - 60) & (days < ramadan)] *= 1.5
                    w[(days >= adha - 45) & (days <= adha + 14)] *= 0.02
                if kind == "hajj":
                    w[(year == y) & ((days < adha - 40) | (days > adha - 6))] = 0.0
            for y, factors in COVID.get(kind, {}).items():
                w[year == y] *= np.asarray(factors)[month[year == y]]
            if kind == "umrah":
                w[(days >= _day(UMRAH_SUSPENDED[0])) & (days <= _day(UMRAH_SUSPENDED[1]))] = 0.0
            self.calendar[kind] = w

    def _build_geography(self) -> None:
        rng, n_prov = self.rng, len(self.provinces)
        n_reg = len(self.regency_codes)
        city = self.regency_is_city
        self.districts = np.where(city, rng.integers(5, 15, n_reg), rng.integers(10, 31, n_reg))
        # Worker origins: rural regencies, some much more than others.
        base = np.where(city, 0.3, 1.0) * rng.lognormal(0.0, 0.5, n_reg)
        for code, factor in WARM_REGENCIES.items():
            base[self.regency_labels.index(code)] *= factor
        worker = np.zeros((n_prov, n_reg))
        worker[self.regency_prov, np.arange(n_reg)] = base
        for p in range(n_prov):
            members = np.flatnonzero(self.regency_prov == p)
            hot = [self.regency_labels.index(c) for c in HOT_REGENCIES
                   if self.regency_labels.index(c) in members]
            if hot:
                hot_share = sum(HOT_REGENCIES[self.regency_labels[i]] for i in hot)
                rest = np.setdiff1d(members, hot)
                worker[p, rest] *= (1 - hot_share) / worker[p, rest].sum()
                for i in hot:
                    worker[p, i] = HOT_REGENCIES[self.regency_labels[i]]
        self.worker_regencies = worker
        # Travellers: cities.
        base = np.where(city, 4.0, 1.0) * rng.lognormal(0.0, 0.6, n_reg)
        for code, factor in BIG_CITIES.items():
            base[self.regency_labels.index(code)] *= factor
        tourist = np.zeros((n_prov, n_reg))
        tourist[self.regency_prov, np.arange(n_reg)] = base
        self.tourist_regencies = tourist
        # Airports by province and year.
        years = range(FIRST_YEAR, CALENDAR_END_YEAR + 1)
        self.air_general = np.zeros((len(years), n_prov), dtype=np.int64)
        self.air_saudi = np.zeros((len(years), n_prov), dtype=np.int64)
        self.p_cgk = np.zeros(n_prov)
        for p, code in enumerate(self.provinces):
            general, saudi, p_cgk = PROVINCE_AIRPORTS.get(code, PAPUA_AIRPORTS)
            self.p_cgk[p] = p_cgk
            for yi, y in enumerate(years):
                for old, new, since in AIRPORT_CHANGES:
                    if y >= since:
                        general = new if general == old else general
                        saudi = new if saudi == old else saudi
                self.air_general[yi, p] = self.cp[general]
                self.air_saudi[yi, p] = self.cp[saudi]
        self.serves = np.zeros((len(self.checkpoints), len(self.countries)), dtype=bool)
        for code, dests in AIRPORT_SERVES.items():
            if dests == "*":
                self.serves[self.cp[code], :] = True
            else:
                self.serves[self.cp[code], [self.country[d] for d in dests]] = True
        for code, dests in AIRPORT_EXCEPT.items():
            self.serves[self.cp[code], [self.country[d] for d in dests]] = False
        self.hub_cp = np.array([self.cp[h] for h in HUBS])
        self.prov_east = np.array([int(code in EAST_PROVINCES) for code in self.provinces])
        self.hub_weights = np.array([HUB_WEIGHTS["west"], HUB_WEIGHTS["east"]])
        self.delay_propensity = np.full(len(self.checkpoints), DELAY_PROPENSITY_DEFAULT)
        for code, value in DELAY_PROPENSITY.items():
            self.delay_propensity[self.cp[code]] = value
        self.hours = np.array([HOURS["air"], HOURS["sea"], HOURS["land"]], dtype=float)

    def _build_placements(self) -> None:
        rng = self.rng
        n_c = len(self.countries)
        groups = (*DESTINATION_GROUPS, OTHER_GROUP)
        self.groups = groups
        self.dest_group = np.full(n_c, len(groups) - 1)
        for g, group in enumerate(DESTINATION_GROUPS):
            for member in group.members:
                self.dest_group[self.country[member]] = g
        self.informal = np.array([g.informal for g in groups])
        # Occupation weights by (group, sector): row 2g is formal, 2g + 1 informal.
        self.jobs = np.array([_weights(OCCUPATIONS, jobs) for g in groups
                              for jobs in (g.formal_jobs, g.informal_jobs)])
        self.education = np.array([g.education for g in groups])
        self.group_schemes = np.array([g.schemes for g in groups])
        # P(female) by (group, sector, occupation), rows as in self.jobs.
        self.job_female = np.array([np.minimum(np.array(OCCUPATION_FEMALE) * factor, 1.0)
                                    for g in groups for factor in (g.formal_female, 1.0)])
        self.scheme_index = {s: SCHEMES.index(s) for s in SCHEMES}
        # Agencies (P3MI): a few large ones, each mostly placing to one destination.
        size = 1.0 / np.arange(1, AGENCIES + 1) ** 0.9
        dest_w = _weights(self.countries, DESTINATIONS_2024)
        home = _choice(rng, AGENCIES, dest_w)
        placed = np.flatnonzero(dest_w > 0)
        home[: len(placed)] = placed  # every destination has at least one agency
        second = _choice(rng, AGENCIES, dest_w)
        self.agency_weights = np.zeros((n_c, AGENCIES))
        self.agency_weights[home, np.arange(AGENCIES)] += size
        self.agency_weights[second, np.arange(AGENCIES)] += 0.3 * size
        self.agency_labels = [f"P3MI-{i:04d}" for i in range(1, AGENCIES + 1)]
        # Province x destination joint weights per year (IPF keeps both totals).
        prov_w = _weights(self.provinces, REG_PROVINCES)
        affinity = np.ones((len(self.provinces), n_c))
        for (p, d), factor in AFFINITY.items():
            affinity[self.prov_index[p], self.country[d]] = factor
        self.placement_joint: dict[int, np.ndarray] = {}
        for y in range(FIRST_YEAR, LAST_YEAR + 1):
            trend = DESTINATION_TRENDS.get(y, {})
            dw = dest_w * np.array([trend.get(c, 1.0) for c in self.countries])
            joint = prov_w[:, None] * dw[None, :] * affinity
            for _ in range(30):
                joint *= (prov_w / prov_w.sum() / joint.sum(axis=1).clip(1e-300))[:, None]
                joint *= (dw / dw.sum() / joint.sum(axis=0).clip(1e-300))[None, :]
            self.placement_joint[y] = joint.ravel()

    def _build_routes(self) -> None:
        self.np_routes = self._compile(NP_ROUTES)
        self.tourist_routes = self._compile(TOURIST_ROUTES)
        self.pilgrim_routes = self._compile(PILGRIM_ROUTES)

    def _compile(self, routes: tuple[Route, ...]) -> dict[str, np.ndarray]:
        n_c, n_cp = len(self.countries), len(self.checkpoints)
        joint = np.zeros((len(routes), n_cp * n_c))
        air = np.zeros((len(routes), n_c))
        purposes = np.zeros((len(routes) * n_c, len(PURPOSES)))
        for r, route in enumerate(routes):
            for cp, dest, w in route.joint:
                joint[r, self.cp[cp] * n_c + self.country[dest]] += w
            if route.air:
                air[r] = _weights(self.countries, route.air)
            base = _weights(PURPOSES, route.purposes)
            purposes[r * n_c:(r + 1) * n_c] = base
            for dest, mix in route.purpose_by_destination.items():
                purposes[r * n_c + self.country[dest]] = _weights(PURPOSES, mix)
        return {
            "share": np.array([r.share for r in routes], dtype=float),
            "is_air": np.array([bool(r.air) for r in routes]),
            "joint": joint,
            "air": air,
            "provinces": np.array([_weights(self.provinces, r.provinces) for r in routes]),
            "female": np.array([r.female for r in routes]),
            "near": np.array([r.near for r in routes]),
            "suspected": np.array([r.suspected for r in routes]),
            "cgk": np.array([r.cgk for r in routes]),
            "purposes": purposes,
            "names": np.array([r.name for r in routes]),
        }

    # --- calendar sampling ---

    def _year_bounds(self, year: int) -> tuple[int, int]:
        return _day(f"{year}-01-01"), min(_day(f"{year}-12-31"), self.cutoff)

    def _count(self, annual: float, kind: str, year: int) -> int:
        w = self.calendar[kind]
        lo, hi = _day(f"{year}-01-01") - self.cal_start, _day(f"{year}-12-31") - self.cal_start
        full = w[lo:hi + 1].sum()
        if full <= 0:
            return 0
        kept = w[lo:min(hi, self.cutoff - self.cal_start) + 1].sum()
        return int(round(annual * self.scale * kept / full))

    def _days(self, kind: str, year: int, n: int) -> np.ndarray:
        lo, hi = self._year_bounds(year)
        w = self.calendar[kind][lo - self.cal_start:hi - self.cal_start + 1]
        if n == 0 or w.sum() <= 0:
            return np.zeros(0, dtype=np.int64)
        return lo + _choice(self.rng, n, w)

    def _secs(self, cp: np.ndarray) -> np.ndarray:
        hour = _choice_by(self.rng, self.cp_kind[cp], self.hours)
        return hour * 3600 + self.rng.integers(0, 3600, len(cp))

    # --- people ---

    def _people(self, prov: np.ndarray, female: np.ndarray, ref_day: np.ndarray, age: np.ndarray,
                regency_weights: np.ndarray, year: int, step: int) -> Frame:
        rng = self.rng
        reg = _choice_by(rng, prov, regency_weights)
        district = 1 + (rng.random(len(reg)) * self.districts[reg]).astype(np.int64)
        birth = ref_day - np.floor(age * 365.2425).astype(np.int64)
        sex = female.astype(np.int64)
        nik = self._nik(reg, district, birth, sex, (year - FIRST_YEAR) * STEPS_PER_YEAR + step)
        return {"nik": nik, "reg": reg, "female": female.astype(bool), "birth": birth}

    def _nik(self, reg: np.ndarray, district: np.ndarray, birth: np.ndarray, female: np.ndarray,
             part: int) -> np.ndarray:
        """Regency (4) + district (2) + DDMMYY with DD + 40 for women (6) + serial (4)."""
        d = birth.astype("datetime64[D]")
        first_of_month = d.astype("datetime64[M]")
        dd = (d - first_of_month.astype("datetime64[D]")).astype(np.int64) + 1 + 40 * female
        mm = first_of_month.astype(np.int64) % 12 + 1
        yy = (d.astype("datetime64[Y]").astype(np.int64) + 1970) % 100
        prefix = self.regency_codes[reg] * 10**8 + district * 10**6 + dd * 10**4 + mm * 100 + yy
        # Serial = rank among people of this step with the same 12-digit prefix.
        order = np.argsort(prefix, kind="stable")
        ordered = prefix[order]
        n = len(prefix)
        starts = np.r_[True, ordered[1:] != ordered[:-1]] if n else np.zeros(0, dtype=bool)
        position = np.arange(n)
        rank = np.empty(n, dtype=np.int64)
        rank[order] = position - np.maximum.accumulate(np.where(starts, position, 0))
        if n and rank.max() >= SERIALS_PER_PART:
            raise ValueError("scale too large: NIK serials exhausted for one birth date and district")
        return prefix * 10**4 + part * SERIALS_PER_PART + rank + 1

    def _worker_age(self, n: int) -> np.ndarray:
        return np.clip(18.2 + self.rng.gamma(2.5, 4.0, n), 18.2, 53.5)

    def _tourist_age(self, n: int, a: float = 1.7, b: float = 1.6) -> np.ndarray:
        return 18.05 + 36.8 * self.rng.beta(a, b, n)

    # --- checkpoints ---

    def _air(self, prov: np.ndarray, dest: np.ndarray, day: np.ndarray, cgk: np.ndarray) -> np.ndarray:
        """The traveller's local international airport, or a hub (mostly Soekarno-Hatta)."""
        rng = self.rng
        n = len(prov)
        year = day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970 - FIRST_YEAR
        saudi = dest == self.country["SAU"]
        local = np.where(saudi, self.air_saudi[year, prov], self.air_general[year, prov])
        hub = self.hub_cp[_choice_by(rng, self.prov_east[prov], self.hub_weights)]
        hub = np.where(self.serves[hub, dest], hub, self.cp["AIR-CGK"])
        use_hub = (rng.random(n) < np.maximum(self.p_cgk[prov], cgk)) | ~self.serves[local, dest]
        cp = np.where(use_hub, hub, local)
        halim = (cp == self.cp["AIR-CGK"]) & self.serves[self.cp["AIR-HLP"], dest] & (rng.random(n) < 0.03)
        cp[halim] = self.cp["AIR-HLP"]
        return cp

    def _opened(self, cp: np.ndarray, day: np.ndarray) -> np.ndarray:
        terminal, opens, instead = FERRY_TERMINAL_OPENS
        cp[(cp == self.cp[terminal]) & (day < _day(opens))] = self.cp[instead]
        return cp

    def _route_rows(self, routes: dict[str, np.ndarray], route: np.ndarray, day: np.ndarray) -> Frame:
        """Checkpoint, destination, province, gender and declared purpose for travellers on routes."""
        rng = self.rng
        n, n_c = len(route), len(self.countries)
        is_air = routes["is_air"][route]
        cp = np.zeros(n, dtype=np.int64)
        dest = np.zeros(n, dtype=np.int64)
        surface = ~is_air
        pair = _choice_by(rng, route[surface], routes["joint"])
        cp[surface], dest[surface] = pair // n_c, pair % n_c
        dest[is_air] = _choice_by(rng, route[is_air], routes["air"])
        prov = _choice_by(rng, route, routes["provinces"])
        near = surface & (rng.random(n) < routes["near"][route])
        prov[near] = self.cp_prov[cp[near]]
        cp[is_air] = self._air(prov[is_air], dest[is_air], day[is_air], routes["cgk"][route[is_air]])
        cp = self._opened(cp, day)
        female = rng.random(n) < routes["female"][route]
        purpose = _choice_by(rng, route * n_c + dest, routes["purposes"])
        return {"cp": cp, "dest": dest, "prov": prov, "female": female, "purpose": purpose}

    # --- the year's extracts ---

    def run(self) -> dict[str, list[Path]]:
        for year in range(self.first_year, LAST_YEAR + 1):
            registrations, procedural = self._registrations(year)
            non_procedural = self._non_procedural(year)
            tourists = self._tourists(year)
            self._write_registrations(year, registrations)
            self._write_departures(year, _concat([self.carry, procedural, non_procedural, tourists]))
            self._cases(year)
        self._write_cases()
        return self.paths

    def _registrations(self, year: int) -> tuple[Frame, Frame]:
        rng = self.rng
        n = self._count(REGISTRATIONS[year], "reg", year)
        day = np.sort(self._days("reg", year, n))
        extension = rng.random(n) < EXTENSION_SHARE
        # Extensions of workers placed two or three years before, when there are any.
        pool = self.worker_pool
        reused = np.zeros(0, dtype=np.int64)
        if pool:
            age_next_year = (_day(f"{year + 1}-01-01") - pool["birth"]) / 365.2425
            eligible = np.flatnonzero((pool["year"] >= year - 3) & (pool["year"] <= year - 2)
                                      & ~pool["used"] & (age_next_year < 54.5))
            k = min(int(extension.sum()), len(eligible))
            reused = np.sort(rng.choice(eligible, size=k, replace=False)) if k else reused
            pool["used"][reused] = True
        ext_rows = np.flatnonzero(extension)
        old_rows, new_rows = ext_rows[: len(reused)], np.setdiff1d(np.arange(n), ext_rows[: len(reused)])
        m = len(new_rows)
        pd_ = _choice(rng, m, self.placement_joint[year])
        prov, dest = pd_ // len(self.countries), pd_ % len(self.countries)
        group = self.dest_group[dest]
        informal = (rng.random(m) < self.informal[group]).astype(np.int64)
        job = _choice_by(rng, 2 * group + informal, self.jobs)
        female = rng.random(m) < self.job_female[2 * group + informal, job]
        edu = _choice_by(rng, group, self.education)
        person = self._people(prov, female, day[new_rows], self._worker_age(m), self.worker_regencies,
                              year, STEP_REGISTRATIONS)
        scheme = np.array([SCHEMES.index(s) for s in ("P2P", "G2G", "perseorangan", "UKPS")])[
            _choice_by(rng, group, self.group_schemes)]
        scheme[extension[new_rows]] = SCHEMES.index("perpanjangan")
        with_agency = np.isin(scheme, [SCHEMES.index("P2P"), SCHEMES.index("UKPS")]) | (
            (scheme == SCHEMES.index("perpanjangan")) & (rng.random(m) < 0.75))
        agency = np.where(with_agency, _choice_by(rng, dest, self.agency_weights), -1)

        reg: Frame = {
            "nik": np.empty(n, np.int64), "day": day, "reg": np.empty(n, np.int64),
            "female": np.empty(n, bool), "birth": np.empty(n, np.int64), "prov": np.empty(n, np.int64),
            "dest": np.empty(n, np.int64), "edu": np.empty(n, np.int64), "job": np.empty(n, np.int64),
            "informal": np.empty(n, np.int64), "scheme": np.empty(n, np.int64),
            "agency": np.empty(n, np.int64),
        }
        for key, values in (("nik", person["nik"]), ("reg", person["reg"]), ("female", female),
                            ("birth", person["birth"]), ("prov", prov), ("dest", dest), ("edu", edu),
                            ("job", job), ("informal", informal), ("scheme", scheme), ("agency", agency)):
            reg[key][new_rows] = values
        if len(reused):
            for key in ("nik", "reg", "female", "birth", "prov", "dest", "edu", "job", "informal", "agency"):
                reg[key][old_rows] = pool[key][reused]
            reg["scheme"][old_rows] = SCHEMES.index("perpanjangan")

        # What happens after registering.
        u = rng.random(n)
        is_ext = reg["scheme"] == SCHEMES.index("perpanjangan")
        at_home = is_ext & (u < EXTENSION_AT_HOME)
        cancelled = ~is_ext & (u < CANCELLED_SHARE)
        pending = ~is_ext & (u >= CANCELLED_SHARE) & (u < CANCELLED_SHARE + PENDING_SHARE)
        leaves = at_home | (~is_ext & ~cancelled & ~pending)
        lag = self._departure_lag(day, reg["dest"], reg["scheme"])
        lag[at_home] = rng.integers(7, 46, int(at_home.sum()))
        dep_day = day + lag
        departed = leaves & (dep_day <= self.cutoff)
        status = np.full(n, REGISTRATION_STATUS.index("registered"))
        status[departed | (is_ext & ~at_home)] = REGISTRATION_STATUS.index("departed")
        status[cancelled] = REGISTRATION_STATUS.index("cancelled")
        reg["status"] = status

        first = np.flatnonzero(departed)
        deps = self._procedural_departures(_take(reg, first), dep_day[first])
        # Home leave: some go again within the registration's year.
        again = first[(~is_ext[first]) & (rng.random(len(first)) < REDEPARTURE_SHARE)]
        second_day = dep_day[again] + rng.integers(45, 300, len(again))
        keep = (second_day <= day[again] + 360) & (second_day <= self.cutoff)
        again, second_day = again[keep], second_day[keep]
        redeps = self._procedural_departures(_take(reg, again), second_day)

        new_departed = departed & ~is_ext
        self.worker_pool = _concat([self.worker_pool, {
            **{k: reg[k][new_departed] for k in ("nik", "reg", "female", "birth", "prov", "dest", "edu",
                                                 "job", "informal", "agency")},
            "year": np.full(int(new_departed.sum()), year), "used": np.zeros(int(new_departed.sum()), bool),
        }])
        self._to_case_pool(_take(reg, first), dep_day[first], reg["dest"][first], POOL_PROC, -1)
        failed = np.flatnonzero(cancelled | pending)
        self._to_case_pool(_take(reg, failed), day[failed], reg["dest"][failed], POOL_FAILED, -1)
        return reg, _concat([deps, redeps])

    def _departure_lag(self, day: np.ndarray, dest: np.ndarray, scheme: np.ndarray) -> np.ndarray:
        """7-180 days, fewer departures in Ramadan and around Lebaran (resampled up to 3 times)."""
        rng = self.rng
        n = len(day)
        extra = np.where((dest == self.country["KOR"]) & (scheme == SCHEMES.index("G2G")), 30, 0)
        lag = np.zeros(n, dtype=np.int64)
        todo = np.arange(n)
        work = self.calendar["work"]
        top = work.max()
        for _ in range(3):
            draw = np.minimum(7 + extra[todo] + rng.gamma(2.2, 25.0, len(todo)).astype(np.int64), 180)
            lag[todo] = draw
            target = np.minimum(day[todo] + draw - self.cal_start, len(work) - 1)
            todo = todo[rng.random(len(todo)) * top > work[target]]
        return lag

    def _procedural_departures(self, reg: Frame, dep_day: np.ndarray) -> Frame:
        rng = self.rng
        n = len(dep_day)
        prov, dest = reg["prov"], reg["dest"]
        cp = self._air(prov, dest, dep_day, np.full(n, 0.4))
        u = rng.random(n)
        mys = dest == self.country["MYS"]
        pcode = np.array(self.provinces)[prov]
        # Registered workers to Malaysia also cross by land and ferry near home.
        cp[mys & (pcode == "61") & (u < 0.6)] = self.cp["LND-ENT"]
        cp[mys & np.isin(pcode, ["65", "73", "76", "74", "53"]) & (u < 0.25)] = self.cp["SEA-NNK"]
        cp[(mys | (dest == self.country["SGP"])) & (pcode == "21") & (u < 0.5)] = self.cp["SEA-BTC"]
        cp[mys & (pcode == "14") & (u < 0.3)] = self.cp["SEA-DUM"]
        purpose = _choice(rng, n, _weights(PURPOSES, PURPOSE_WORK))
        suspected = (purpose != PURPOSES.index("work")) & (rng.random(n) < 0.05)
        return {
            "nik": reg["nik"], "day": dep_day, "secs": self._secs(cp), "cp": cp, "dest": dest,
            "reg": reg["reg"], "female": reg["female"], "birth": reg["birth"], "purpose": purpose,
            "suspected": suspected, "delayed": np.zeros(n, bool),
        }

    def _non_procedural(self, year: int) -> Frame:
        rng = self.rng
        routes = self.np_routes
        n = self._count(NON_PROCEDURAL[year], "work", year)
        share = routes["share"] * np.array([NP_ROUTE_TRENDS.get(name, {}).get(year, 1.0)
                                            for name in routes["names"]])
        route = _choice(rng, n, share)
        day = self._days("work", year, n)
        rows_ = self._route_rows(routes, route, day)
        person = self._people(rows_["prov"], rows_["female"], day, self._worker_age(n),
                              self.worker_regencies, year, STEP_NON_PROCEDURAL)
        purpose = rows_["purpose"]
        p_suspect = np.where(purpose == PURPOSES.index("work"), 0.5, routes["suspected"][route])
        suspected = rng.random(n) < p_suspect
        # Officers delay suspected workers, most at the checkpoints that report doing so.
        propensity = self.delay_propensity[rows_["cp"]] * suspected
        delayed = np.zeros(n, dtype=bool)
        delayed[_weighted_sample(rng, propensity, self._count(DELAYED[year], "work", year))] = True
        deps = {"nik": person["nik"], "day": day, "secs": self._secs(rows_["cp"]), "cp": rows_["cp"],
                "dest": rows_["dest"], "reg": person["reg"], "female": person["female"],
                "birth": person["birth"], "purpose": purpose, "suspected": suspected, "delayed": delayed}
        # Some of the delayed try again a few days or weeks later, often from another checkpoint.
        retry = np.flatnonzero(delayed & (rng.random(n) < REATTEMPT_SHARE))
        retry_day = day[retry] + rng.integers(3, 46, len(retry))
        again = self._route_rows(routes, route[retry], retry_day)
        leisure = np.where(purpose[retry] == PURPOSES.index("work"), PURPOSES.index("tourism"), purpose[retry])
        retries = {"nik": person["nik"][retry], "day": retry_day, "secs": self._secs(again["cp"]),
                   "cp": again["cp"], "dest": again["dest"], "reg": person["reg"][retry],
                   "female": person["female"][retry], "birth": person["birth"][retry],
                   "purpose": leisure, "suspected": rng.random(len(retry)) < 0.1,
                   "delayed": np.zeros(len(retry), bool)}
        retries = _take(retries, np.flatnonzero(retry_day <= self.cutoff))
        # Case pool: the first departure that succeeded, and the delayed attempts.
        person["prov"] = self.regency_prov[person["reg"]]
        cdest = self._case_destination(rows_["dest"], route)
        ok = np.flatnonzero(~delayed)
        self._to_case_pool(_take(person, ok), day[ok], cdest[ok], POOL_NP, route[ok])
        r_ok = retry[retry_day <= self.cutoff]
        r_day = retry_day[retry_day <= self.cutoff]
        self._to_case_pool(_take(person, r_ok), r_day, cdest[r_ok], POOL_NP, route[r_ok])
        late = np.flatnonzero(delayed)
        self._to_case_pool(_take(person, late), day[late], cdest[late], POOL_DELAYED, route[late])
        return _concat([deps, retries])

    def _case_destination(self, dest: np.ndarray, route: np.ndarray) -> np.ndarray:
        """Where the person ends up: scam recruits flown to Bangkok are taken on to Myanmar etc."""
        scam = int(np.flatnonzero(self.np_routes["names"] == "scam_compounds")[0])
        transit = (route == scam) & (dest == self.country["THA"])
        out = dest.copy()
        onward = np.array([self.country[c] for c in SCAM_CASE_DESTINATIONS])
        out[transit] = onward[_choice(self.rng, int(transit.sum()), np.array(list(SCAM_CASE_DESTINATIONS.values())))]
        return out

    def _tourists(self, year: int) -> Frame:
        rng = self.rng
        frames = []
        leisure = (EXAMINATIONS[year] - 0.9 * REGISTRATIONS[year] - NON_PROCEDURAL[year]
                   - UMRAH[year] - HAJJ[year])
        for step, routes, kind, annual, ages in (
            (STEP_TOURISTS, self.tourist_routes, "tourist", leisure, (1.7, 1.6)),
            (STEP_UMRAH, self.pilgrim_routes, "umrah", UMRAH[year], (2.2, 1.4)),
            (STEP_HAJJ, self.pilgrim_routes, "hajj", HAJJ[year], (4.0, 1.2)),
        ):
            n = self._count(annual, kind, year)
            if n == 0:
                continue
            route = _choice(rng, n, routes["share"])
            day = self._days(kind, year, n)
            rows_ = self._route_rows(routes, route, day)
            person = self._people(rows_["prov"], rows_["female"], day, self._tourist_age(n, *ages),
                                  self.tourist_regencies, year, step)
            frames.append({
                "nik": person["nik"], "day": day, "secs": self._secs(rows_["cp"]), "cp": rows_["cp"],
                "dest": rows_["dest"], "reg": person["reg"], "female": person["female"],
                "birth": person["birth"], "purpose": rows_["purpose"], "suspected": np.zeros(n, bool),
                "delayed": np.zeros(n, bool),
            })
        return _concat(frames)

    # --- cases ---

    def _to_case_pool(self, person: Frame, day: np.ndarray, dest: np.ndarray, kind: int,
                      route: np.ndarray | int) -> None:
        n = len(day)
        self.case_pool = _concat([self.case_pool, {
            "nik": person["nik"], "reg": person["reg"], "female": person["female"],
            "birth": person["birth"], "prov": self.regency_prov[person["reg"]], "day": day,
            "dest": dest, "kind": np.full(n, kind), "route": np.broadcast_to(route, (n,)).astype(np.int64),
            "used": np.zeros(n, bool),
        }])

    def _pick(self, weight: np.ndarray, n: int, lo: int, hi: int, min_lag: int,
              mean_lag: float) -> tuple[np.ndarray, np.ndarray]:
        """n pool entries whose report (departure + lag) can fall in [lo, hi], and the report day.

        The lag is min_lag + exponential(mean_lag); an entry's weight is multiplied by the chance
        that its lag lands in the period, and the lag is then drawn truncated to the period.
        """
        pool = self.case_pool
        if not pool or n <= 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        dep = pool["day"]
        a = np.maximum(lo - dep, min_lag).astype(float)
        b = (hi - dep + 1).astype(float)
        ea = np.exp(-(a - min_lag) / mean_lag)
        eb = np.exp(-(np.maximum(b, a) - min_lag) / mean_lag)
        mass = np.where(b > a, ea - eb, 0.0)
        chosen = _weighted_sample(self.rng, weight * mass * ~pool["used"], n)
        u = self.rng.random(len(chosen))
        lag = min_lag - mean_lag * np.log(ea[chosen] - u * (ea[chosen] - eb[chosen]))
        report = np.clip(dep[chosen] + np.floor(lag).astype(np.int64), lo, hi)
        report = np.maximum(report, dep[chosen] + 1)
        pool["used"] |= np.isin(pool["nik"], pool["nik"][chosen])
        return chosen, report

    def _cases(self, year: int) -> None:
        rng = self.rng
        pool = self.case_pool
        lo, hi = self._year_bounds(year)
        if pool:  # people who left more than four years before no longer get cases
            self.case_pool = pool = _take(pool, np.flatnonzero(pool["day"] >= lo - 4 * 366))
        kind = pool["kind"] if pool else np.zeros(0, np.int64)
        route = pool["route"] if pool else np.zeros(0, np.int64)
        first = year - self.first_year
        n_complaints = self._count(COMPLAINTS[year], "case", year)
        n_trafficking = self._count(TRAFFICKING[year], "case", year)
        frames: list[Frame] = []

        # Complaints: non-procedural workers, registered workers, failed departures, and people
        # whose departure is not in the data (left before it starts, or by an unofficial crossing).
        none_share = (0.4, 0.15)[first] if first < 2 else 0.07
        n_none = int(round(n_complaints * none_share))
        n_failed = int(round(n_complaints * 0.07))
        n_np = int(round((n_complaints - n_none - n_failed) * 0.8))
        n_proc = n_complaints - n_none - n_failed - n_np
        dest_weight = np.ones(len(self.countries))
        for code, factor in COMPLAINT_DESTINATION_WEIGHT.items():
            dest_weight[self.country[code]] = factor
        by_dest = dest_weight[pool["dest"]] if pool else np.zeros(0)
        for who, pool_kind, count, min_lag, mean_lag in (
            ("np", POOL_NP, n_np, 14, 240.0), ("proc", POOL_PROC, n_proc, 14, 240.0),
            ("failed", POOL_FAILED, n_failed, 20, 120.0),
        ):
            idx, report = self._pick((kind == pool_kind) * by_dest, count, lo, hi, min_lag, mean_lag)
            frames.append(self._complaints(who, _take(self.case_pool, idx), report))
        frames.append(self._complaints("none", self._case_people(n_none + (n_np + n_proc + n_failed
                                                                          - _length(_concat(frames))),
                                                                 year, COMPLAINT_DESTINATIONS,
                                                                 REG_PROVINCES), None))

        # Trafficking: scam compounds (mostly via embassies), and the rest (mostly police).
        n_scam = int(round(n_trafficking * SCAM_SHARE[year]))
        n_other = n_trafficking - n_scam
        scam_route = int(np.flatnonzero(self.np_routes["names"] == "scam_compounds")[0])
        origin = np.ones(len(self.provinces))
        for code, factor in TRAFFICKING_ORIGIN_FACTOR.items():
            origin[self.prov_index[code]] = factor
        route_w = np.array([TRAFFICKING_ROUTE_WEIGHT.get(name, 0.0) for name in self.np_routes["names"]])
        prov = pool["prov"] if pool else np.zeros(0, np.int64)
        n_scam_proc = int(round(n_scam * 0.02))
        n_scam_none = int(round(n_scam * 0.04))
        n_other_delayed = int(round(n_other * 0.08))
        n_other_proc = int(round(n_other * 0.03))
        n_other_none = int(round(n_other * 0.05))
        plans = (
            ("scam", "np", ((kind == POOL_NP) & (route == scam_route)).astype(float),
             n_scam - n_scam_proc - n_scam_none, 20, 150.0),
            ("scam", "proc", (kind == POOL_PROC).astype(float), n_scam_proc, 20, 150.0),
            ("other", "delayed", (kind == POOL_DELAYED) * origin[prov], n_other_delayed, 1, 3.0),
            ("other", "np", (kind == POOL_NP) * route_w[np.maximum(route, 0)] * origin[prov],
             n_other - n_other_delayed - n_other_proc - n_other_none, 14, 200.0),
            ("other", "proc", (kind == POOL_PROC) * origin[prov], n_other_proc, 14, 200.0),
        )
        missing = {"scam": n_scam_none, "other": n_other_none}
        for family, who, weight, count, min_lag, mean_lag in plans:
            idx, report = self._pick(weight, count, lo, hi, min_lag, mean_lag)
            missing[family] += count - len(idx)
            frames.append(self._trafficking(family, who, _take(self.case_pool, idx), report))
        for family, dests in (("scam", SCAM_DESTINATIONS), ("other", TRAFFICKING_DESTINATIONS)):
            people = self._case_people(missing[family], year, dests, TRAFFICKING_PROVINCES)
            frames.append(self._trafficking(family, "none", people, None))

        cases = _concat(frames)
        if cases:
            cases["nik"] = np.where(rng.random(_length(cases)) < NO_NIK_SHARE, -1, cases["nik"])
            self.cases.append(self._resolve(cases))

    def _case_people(self, n: int, year: int, dests: dict[str, float], provinces: dict[str, float]) -> Frame:
        """People with a case but no departure in the data."""
        rng = self.rng
        report = self._days("case", year, n)
        prov = _choice(rng, n, _weights(self.provinces, provinces))
        person = self._people(prov, rng.random(n) < 0.55, report, np.clip(19 + rng.gamma(2.5, 4.0, n), 19, 50),
                              self.worker_regencies, year, STEP_CASES)
        return {**person, "day": report, "dest": _choice(rng, n, _weights(self.countries, dests))}

    def _case_frame(self, people: Frame, report: np.ndarray, source: np.ndarray, case_type: np.ndarray,
                    tppo: np.ndarray, exploitation: np.ndarray, mode: np.ndarray) -> Frame:
        return {"nik": people["nik"], "day": report, "source": source, "type": case_type, "tppo": tppo,
                "exploitation": exploitation, "reg": people["reg"], "dest": people["dest"],
                "female": people["female"], "birth": people["birth"], "mode": mode}

    def _complaints(self, who: str, people: Frame, report: np.ndarray | None) -> Frame:
        rng = self.rng
        n = _length(people)
        if n == 0:
            return {}
        report = people["day"] if report is None else report
        types = COMPLAINT_TYPES["np" if who == "none" else who]
        case_type = _choice(rng, n, _weights(CASE_TYPES, types))
        deported = case_type == CASE_TYPES.index("deported")
        source = np.where(
            deported,
            np.array([CASE_SOURCES.index(s) for s in ("immigration", "embassy", "kp2mi_complaint")])[
                _choice(rng, n, np.array([0.4, 0.3, 0.3]))],
            np.where(rng.random(n) < 0.88, CASE_SOURCES.index("kp2mi_complaint"), CASE_SOURCES.index("embassy")),
        )
        mode = _choice(rng, n, np.array(REPORTED_MODE[who]))
        return self._case_frame(people, report, source, case_type, np.zeros(n, bool), np.full(n, -1), mode)

    def _trafficking(self, family: str, who: str, people: Frame, report: np.ndarray | None) -> Frame:
        rng = self.rng
        n = _length(people)
        if n == 0:
            return {}
        report = people["day"] if report is None else report
        dest = people["dest"]
        if family == "scam":
            region = np.full(n, 2)
            source = np.where(rng.random(n) < 0.75, CASE_SOURCES.index("embassy"), CASE_SOURCES.index("police_tppo"))
            types = {"trafficking": 0.75, "job_fraud": 0.1, "deported": 0.1, "lost_contact": 0.05}
        else:
            malaysia = np.isin(dest, [self.country[c] for c in ("MYS", "SGP", "BRN")])
            gulf = np.isin(dest, [self.country[c] for c in ("SAU", "ARE", "QAT", "KWT", "OMN", "BHR", "JOR", "TUR")])
            region = np.where(malaysia, 0, np.where(gulf, 1, 3))
            if who == "delayed":
                source = np.full(n, CASE_SOURCES.index("immigration"))
            else:
                source = np.array([CASE_SOURCES.index(s) for s in ("police_tppo", "kp2mi_complaint", "embassy")])[
                    _choice(rng, n, np.array([0.78, 0.14, 0.08]))]
            types = {"trafficking": 0.8, "abuse": 0.06, "document_withholding": 0.05, "job_fraud": 0.05,
                     "lost_contact": 0.04}
        exploitation = _choice_by(rng, region, np.array([_weights(EXPLOITATION_TYPES, EXPLOITATION_BY_REGION[r])
                                                        for r in ("malaysia", "middle_east", "scam", "other")]))
        case_type = _choice(rng, n, _weights(CASE_TYPES, types))
        mode = _choice(rng, n, np.array(REPORTED_MODE["tppo_proc" if who == "proc" else "tppo_np"]))
        return self._case_frame(people, report, source, case_type, np.ones(n, bool), exploitation, mode)

    def _resolve(self, cases: Frame) -> Frame:
        """Status and resolution day: most old cases are resolved, recent ones still open."""
        rng = self.rng
        n = _length(cases)
        mean = np.where(cases["tppo"], 120.0, 40.0)
        resolved_on = cases["day"] + 1 + (rng.gamma(1.5, 1.0, n) * mean).astype(np.int64)
        resolves = rng.random(n) < np.where(cases["tppo"], 0.85, 0.92)
        resolved = resolves & (resolved_on <= self.cutoff)
        recent = self.cutoff - cases["day"] < 30
        status = np.where(resolved, CASE_STATUS.index("resolved"),
                          np.where(recent | (rng.random(n) < 0.25), CASE_STATUS.index("open"),
                                   CASE_STATUS.index("in_progress")))
        cases["status"] = status
        cases["resolved_on"] = np.where(resolved, resolved_on, -1)
        return cases

    # --- files ---

    def _write_registrations(self, year: int, reg: Frame) -> None:
        order = np.argsort(reg["day"], kind="stable")
        reg = _take(reg, order)
        n = len(order)
        path = self.out / f"registrations_{year}.csv"
        missing_agency = reg["agency"] < 0
        _write_csv(path, REGISTRATION_HEADER, [
            self._ids("REG", year, n, 7),
            pa.array(reg["nik"], pa.int64()),
            _dates(reg["day"]),
            _dictionary(reg["female"].astype(np.int64), ("L", "P")),
            _dates(reg["birth"]),
            _dictionary(reg["reg"], self.regency_labels),
            _dictionary(reg["edu"], EDUCATION),
            _dictionary(reg["job"], OCCUPATIONS),
            _dictionary(reg["informal"], SECTORS),
            _dictionary(reg["scheme"], SCHEMES),
            _dictionary(reg["dest"], self.countries),
            _dictionary(np.maximum(reg["agency"], 0), self.agency_labels, missing_agency),
            _dictionary(reg["status"], REGISTRATION_STATUS),
        ])
        self.paths["registrations"].append(path)

    def _write_departures(self, year: int, deps: Frame) -> None:
        year_end = _day(f"{year}-12-31")
        deps = _take(deps, np.flatnonzero(deps["day"] <= self.cutoff))
        later = deps["day"] > year_end
        self.carry = _take(deps, np.flatnonzero(later))
        deps = _take(deps, np.flatnonzero(~later))
        order = np.lexsort((deps["secs"], deps["day"]))
        deps = _take(deps, order)
        n = len(order)
        stamp = deps["day"] * 86_400 + deps["secs"]
        path = self.out / f"departures_{year}.csv"
        _write_csv(path, DEPARTURE_HEADER, [
            self._ids("DEP", year, n, 8),
            pa.array(deps["nik"], pa.int64()),
            pa.array(stamp.astype("datetime64[s]")),
            _dictionary(deps["cp"], self.checkpoints),
            _dictionary(deps["dest"], self.countries),
            _dictionary(deps["reg"], self.regency_labels),
            _dictionary(deps["female"].astype(np.int64), ("M", "F")),
            _dates(deps["birth"]),
            _dictionary(deps["purpose"], PURPOSES),
            pa.array(deps["suspected"], pa.bool_()),
            _dictionary(deps["delayed"].astype(np.int64), ("departed", "delayed")),
        ])
        self.paths["departures"].append(path)

    def _write_cases(self) -> None:
        cases = _concat(self.cases)
        path = self.out / "cases.csv"
        if not cases:
            _write_csv(path, CASE_HEADER, [pa.array([], pa.string())] * len(CASE_HEADER))
            self.paths["cases"].append(path)
            return
        order = np.argsort(cases["day"], kind="stable")
        cases = _take(cases, order)
        year = cases["day"].astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
        first_of_year = np.r_[True, year[1:] != year[:-1]]
        position = np.arange(len(year))
        number = position - np.maximum.accumulate(np.where(first_of_year, position, 0)) + 1
        no_kasus = pc.binary_join_element_wise(
            "KAS", pc.cast(pa.array(year), pa.string()),
            pc.utf8_lpad(pc.cast(pa.array(number), pa.string()), 6, "0"), "-")
        _write_csv(path, CASE_HEADER, [
            no_kasus,
            pa.array(cases["nik"], pa.int64(), mask=cases["nik"] < 0),
            _dates(cases["day"]),
            _dictionary(cases["source"], CASE_SOURCES),
            _dictionary(cases["type"], CASE_TYPES),
            pa.array(cases["tppo"], pa.bool_()),
            _dictionary(np.maximum(cases["exploitation"], 0), EXPLOITATION_TYPES, cases["exploitation"] < 0),
            _dictionary(cases["reg"], self.regency_labels),
            _dictionary(cases["dest"], self.countries),
            _dictionary(cases["female"].astype(np.int64), ("L", "P")),
            _dates(cases["birth"]),
            _dictionary(cases["mode"], DEPARTURE_MODES),
            _dictionary(cases["status"], CASE_STATUS),
            _dates(np.maximum(cases["resolved_on"], 0), cases["resolved_on"] < 0),
        ])
        self.paths["cases"].append(path)

    @staticmethod
    def _ids(prefix: str, year: int, n: int, width: int) -> pa.Array:
        numbers = pc.cast(pa.array(np.arange(1, n + 1, dtype=np.int64)), pa.string())
        return pc.binary_join_element_wise(f"{prefix}-{year}", pc.utf8_lpad(numbers, width, "0"), "-")
