"""Every indicator's definition in both languages, and the SQL files that implement it.

The English definitions quote docs/DESIGN.md word for word where it defines the indicator
(`quoted`), and the decisions that settle what a definition leaves open are quoted from its
"Decisions" section; tests/test_methodology.py checks both against the file, so the page never
drifts from the design. The SQL files are served read-only by name (`sql_source`): a name is looked
up among the files that exist under queries/, never turned into a path.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from pantau.paths import QUERIES_DIR

Text = tuple[str, str]
# Longest SQL name accepted from a URL; real ones are far shorter.
MAX_NAME = 100


@dataclass(frozen=True)
class Indicator:
    key: str
    name: Text
    definition: Text
    sql: tuple[str, ...]  # names under queries/, without .sql
    decisions: tuple[Text, ...] = ()  # each quoted from docs/DESIGN.md "Decisions"
    quoted: bool = True  # the English definition is a quote of docs/DESIGN.md


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "registrations",
        ("Pendaftaran", "Registrations"),
        (
            "pendaftaran yang `registered_on`-nya jatuh dalam periode, tanpa yang berstatus `cancelled`.",
            "registrations whose `registered_on` falls in the period, `cancelled` ones excluded.",
        ),
        ("views", "headline"),
    ),
    Indicator(
        "labour_departures",
        ("Keberangkatan pekerja", "Labour departure"),
        (
            "keberangkatan dengan hasil `departed` yang tujuan perjalanannya `work`, atau yang ditandai petugas "
            "sebagai `suspected_worker`, atau yang tertaut ke pendaftaran.",
            "a departure with outcome `departed` whose declared purpose is `work`, or that the officer marked "
            "`suspected_worker`, or that links to a registration.",
        ),
        ("publish/link_departures", "headline"),
    ),
    Indicator(
        "linked_registration",
        ("Pendaftaran tertaut", "Linked registration"),
        (
            "`person_key` sama, status bukan `cancelled`, terdaftar 0–365 hari sebelum keberangkatan, tujuan sama "
            "(atau salah satunya tidak diketahui); pendaftaran terakhir yang memenuhi syarat yang dipakai.",
            "same `person_key`, status not `cancelled`, registered 0–365 days before the departure, same "
            "destination (or either unknown); the latest such registration wins.",
        ),
        ("publish/link_departures",),
        decisions=(
            (
                "\"Terdaftar 0–365 hari sebelum keberangkatan\" membandingkan *tanggal* pemeriksaan keberangkatan "
                "dengan `registered_on`: `examined_on - registered_on BETWEEN 0 AND 365`, kedua ujung termasuk "
                "(pendaftaran pada hari keberangkatan tertaut; 366 hari tidak).",
                "\"Registered 0–365 days before the departure\" compares the departure's examination *date* with "
                "`registered_on`: `examined_on - registered_on BETWEEN 0 AND 365`, both ends included (a "
                "registration on the departure day links; 366 days does not).",
            ),
            (
                "Pendaftaran terakhir yang dipakai; bila sama, `registration_id` tertinggi, sehingga hasilnya tidak "
                "bergantung pada urutan baris. Satu pendaftaran dapat menautkan lebih dari satu keberangkatan "
                "(pekerja yang berangkat lagi dalam setahun setelah cuti tetap prosedural).",
                "Latest registration wins, ties broken by the highest `registration_id`, so the result never "
                "depends on row order. A registration may link more than one departure (a worker who leaves "
                "again within the year after home leave stays procedural).",
            ),
        ),
    ),
    Indicator(
        "procedural_departures",
        ("Keberangkatan prosedural", "Procedural departure"),
        (
            "keberangkatan pekerja dengan pendaftaran tertaut.",
            "a labour departure with a linked registration.",
        ),
        ("publish/link_departures", "headline"),
    ),
    Indicator(
        "non_procedural_departures",
        ("Keberangkatan nonprosedural", "Non-procedural departure"),
        # docs/DESIGN.md: "a labour departure without one", right after the procedural definition;
        # standing alone it needs the noun, so this one is not a word-for-word quote.
        (
            "keberangkatan pekerja tanpa pendaftaran tertaut.",
            "a labour departure without a linked registration.",
        ),
        ("publish/link_departures", "headline"),
        quoted=False,
    ),
    Indicator(
        "non_procedural_share",
        ("Porsi nonprosedural", "Non-procedural share"),
        (
            "nonprosedural / (prosedural + nonprosedural); yang tidak diketahui ditampilkan di sebelahnya, "
            "tidak pernah disembunyikan.",
            "non-procedural / (procedural + non-procedural); unknown is shown beside it, never hidden.",
        ),
        ("headline", "case_modes"),
    ),
    Indicator(
        "prevented_departures",
        ("Penundaan keberangkatan", "Prevented departure"),
        ("hasil `delayed` (penundaan keberangkatan).", "outcome `delayed` (penundaan keberangkatan)."),
        ("views", "headline"),
    ),
    Indicator(
        "cases",
        ("Kasus", "Cases"),
        (
            "satu pengaduan atau kasus tindak pidana perdagangan orang (TPPO); periode dihitung menurut "
            "`reported_on`.",
            "one complaint or trafficking (TPPO) case; periods count by `reported_on`.",
        ),
        ("views", "headline"),
        quoted=False,  # composed of two quotes: the extract table and the period rule
    ),
    Indicator(
        "trafficking_cases",
        ("Kasus TPPO", "Trafficking case"),
        (
            "`tppo` bernilai benar, atau `case_type = trafficking`; `tppo` kosong berarti tidak. Ditetapkan sekali "
            "saat ingest (pantau/schema.py `DERIVED`).",
            "`tppo` true, or `case_type = trafficking`; an empty `tppo` means no. Settled once at ingest "
            "(pantau/schema.py `DERIVED`).",
        ),
        ("headline", "trafficking_breakdown"),
    ),
    Indicator(
        "case_departure_mode",
        ("Cara berangkat kasus", "Case departure mode"),
        (
            "dari keberangkatan tertaut orang yang sama (keberangkatan pekerja terakhir sebelum `reported_on`, "
            "tujuan sama); selain itu `departure_mode_reported`; selain itu tidak diketahui.",
            "from the linked departure of the same person (latest labour departure before `reported_on`, same "
            "destination); else `departure_mode_reported`; else unknown.",
        ),
        ("publish/link_cases", "case_modes"),
        decisions=(
            (
                "Penautan kasus mengambil keberangkatan *pekerja* terakhir orang tersebut yang diperiksa pada atau "
                "sebelum tanggal laporan (hari yang sama termasuk), ke tujuan yang sama atau dengan salah satu tujuan "
                "tidak diketahui (aturan yang sama dengan penautan pendaftaran). Penautan mengalahkan cara yang "
                "dilaporkan; `mode_source` menyebut mana yang berlaku (`linked`, `reported`, `none`).",
                "Case linkage takes the person's latest *labour* departure examined on or before the report date "
                "(same day included), to the same destination or with either destination unknown (the same rule as "
                "registration linkage). Linkage beats the reported mode; `mode_source` says which applied (`linked`, "
                "`reported`, `none`).",
            ),
        ),
    ),
    Indicator(
        "linkage_rate",
        ("Tingkat penautan", "Linkage rate"),
        (
            "porsi keberangkatan pekerja yang tertaut ke pendaftaran, dan porsi kasus yang tertaut ke "
            "keberangkatan.",
            "the share of labour departures that linked to a registration, and of cases that linked to a "
            "departure.",
        ),
        ("health/linkage",),
        quoted=False,  # from the issue that asked for this page, not docs/DESIGN.md
    ),
    Indicator(
        "hotspots",
        ("Aturan hotspot", "Hotspot rule"),
        (
            "kabupaten/kota domisili dengan keberangkatan pekerja nonprosedural terbanyak dalam periode, dan lebih "
            "banyak daripada dalam periode pembanding, beserta negara tujuan dan TPI yang mereka lalui.",
            "regencies of residence whose non-procedural labour departures are highest in the period and higher "
            "than in the comparison period, with the destinations and checkpoints that carry them.",
        ),
        ("hotspots",),
        quoted=False,  # from the header of queries/hotspots.sql
    ),
    Indicator(
        "comparison_period",
        ("Periode pembanding", "Comparison period"),
        (
            "filter yang sama atas periode yang sama satu tahun sebelumnya (29 Februari menjadi 28 Februari).",
            "the same filters over the same period one year earlier (29 February becomes 28 February).",
        ),
        ("headline", "hotspots"),
        quoted=False,  # from pantau/filters.py, Filters.previous_year
    ),
    Indicator(
        "period_region",
        ("Periode dan wilayah", "Period and region"),
        (
            "Periode dihitung menurut `examined_at`, `registered_on` dan `reported_on`. Wilayah berarti asal: "
            "kabupaten pendaftaran, kabupaten domisili untuk keberangkatan, kabupaten asal untuk kasus.",
            "Periods count by `examined_at`, `registered_on` and `reported_on`. Region means origin: registration "
            "regency, residence regency for departures, origin regency for cases.",
        ),
        ("views",),
        decisions=(
            (
                "Filter digabung dengan DAN (AND): filter provinsi dan kabupaten bersama-sama menyisakan baris yang "
                "memenuhi keduanya. Baris tanpa wilayah / tujuan / jenis kelamin tidak ikut bila filter itu dipasang.",
                "Filters combine with AND: a province and a regency filter together keep rows in both. Rows with no "
                "region / destination / gender drop out when that filter is set.",
            ),
        ),
    ),
)

_LANG_INDEX = {"id": 0, "en": 1}


def pick(text: Text, lang: str) -> str:
    return text[_LANG_INDEX.get(lang, 0)]


@cache
def sql_files() -> dict[str, str]:
    """Every SQL file under queries/: name ('headline', 'publish/link_cases') -> its text."""
    files = {}
    for path in sorted(QUERIES_DIR.rglob("*.sql")):
        if path.is_file():
            files[path.relative_to(QUERIES_DIR).with_suffix("").as_posix()] = path.read_text(encoding="utf-8")
    return files


def sql_name(value: object) -> str | None:
    """The SQL file a URL value names ('headline', 'headline.sql', 'queries/headline.sql'); None if none.

    The value is only ever compared with the names of files that exist: nothing it says reaches a path.
    """
    if not isinstance(value, str) or not value or len(value) > MAX_NAME:
        return None
    name = value.strip().removeprefix("queries/").removesuffix(".sql")
    return name if name in sql_files() else None


def sql_source(name: str) -> str:
    """The text of queries/<name>.sql for a name sql_name() accepted."""
    return sql_files()[name]


def used_by(name: str) -> tuple[Indicator, ...]:
    """The indicators whose definition links to this SQL file."""
    return tuple(i for i in INDICATORS if name in i.sql)
