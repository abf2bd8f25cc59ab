"""The data dictionary: every published column of every table, with its type and a description.

The columns listed are read from the Parquet files of a version (not from the contracts), so a
column that ingest adds shows up, and tests fail until it is described here. Descriptions are
(Bahasa Indonesia, English).
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pantau import store
from pantau.schema import EXTRACTS

Text = tuple[str, str]

TABLES: dict[str, Text] = {
    "registrations": (
        "Satu baris = satu pendaftaran penempatan pekerja (KP2MI, SiskoP2MI).",
        "One row = one placement registration of a worker (KP2MI, SiskoP2MI).",
    ),
    "departures": (
        "Satu baris = satu pemeriksaan keluar warga negara Indonesia di TPI (Imigrasi), dengan kelas keberangkatan "
        "hasil penautan.",
        "One row = one outbound examination of an Indonesian citizen at a checkpoint (Imigrasi), with the "
        "departure class found by linkage.",
    ),
    "cases": (
        "Satu baris = satu pengaduan atau kasus TPPO (pengaduan KP2MI, Polri/Satgas TPPO, perwakilan RI), dengan "
        "cara berangkat hasil penautan.",
        "One row = one complaint or trafficking (TPPO) case (KP2MI complaints, Polri/Satgas TPPO, embassies), "
        "with the departure mode found by linkage.",
    ),
}

_PERSON_KEY: Text = (
    "Kunci orang: HMAC-SHA256 dari NIK dengan kunci rahasia. NIK tidak pernah diterbitkan; kunci yang sama di "
    "ketiga ekstrak memungkinkan penautan tanpa berbagi identitas.",
    "Person key: HMAC-SHA256 of the NIK under a secret key. The NIK is never published; the same key in all "
    "three extracts makes linkage possible without sharing identities.",
)
_GENDER: Text = ("Jenis kelamin: M (laki-laki) atau F (perempuan).", "Gender: M (male) or F (female).")
_BIRTH: Text = ("Tanggal lahir.", "Date of birth.")
_DESTINATION: Text = ("Negara tujuan (ISO 3166-1 alpha-3).", "Destination country (ISO 3166-1 alpha-3).")


def _province(of: str, of_en: str) -> Text:
    return (
        f"Kode provinsi (Kemendagri, 2 digit): dua digit pertama {of}.",
        f"Province code (Kemendagri, 2 digits): the first two digits of {of_en}.",
    )


COLUMNS: dict[str, dict[str, Text]] = {
    "registrations": {
        "registration_id": ("Nomor registrasi (ID PMI); unik.", "Registration number (ID PMI); unique."),
        "person_key": _PERSON_KEY,
        "registered_on": (
            "Tanggal pendaftaran; menentukan periode pendaftaran.",
            "Date of registration; decides the period a registration counts in.",
        ),
        "gender": _GENDER,
        "birth_date": _BIRTH,
        "origin_regency_code": (
            "Kabupaten/kota asal (kode Kemendagri, 4 digit); wilayah pendaftaran.",
            "Regency of origin (Kemendagri code, 4 digits); the registration's region.",
        ),
        "origin_province_code": _province("origin_regency_code", "origin_regency_code"),
        "education": ("Pendidikan terakhir.", "Highest education."),
        "occupation": ("Jabatan yang akan diisi, sebagaimana tertulis.", "Job to be taken up, as written."),
        "sector": ("Sektor: formal atau informal.", "Sector: formal or informal."),
        "scheme": ("Skema penempatan.", "Placement scheme."),
        "destination_country": _DESTINATION,
        "agency_id": ("Kode P3MI (perusahaan penempatan), bila ada.", "P3MI (placement agency) code, if any."),
        "status": (
            "Status pendaftaran; yang dibatalkan (cancelled) tidak dihitung dan tidak dapat ditautkan.",
            "Registration status; cancelled ones are not counted and never link.",
        ),
    },
    "departures": {
        "departure_id": ("Nomor pemeriksaan; unik.", "Examination number; unique."),
        "person_key": _PERSON_KEY,
        "examined_at": (
            "Waktu pemeriksaan (WIB); tanggalnya menentukan periode keberangkatan.",
            "Time of examination (Western Indonesia Time); its date decides the period a departure counts in.",
        ),
        "checkpoint_code": ("Kode TPI (tempat pemeriksaan imigrasi).", "Checkpoint (TPI) code."),
        "destination_country": _DESTINATION,
        "residence_regency_code": (
            "Kabupaten/kota domisili (kode Kemendagri); wilayah keberangkatan.",
            "Regency of residence (Kemendagri code); the departure's region.",
        ),
        "residence_province_code": _province("residence_regency_code", "residence_regency_code"),
        "gender": _GENDER,
        "birth_date": _BIRTH,
        "declared_purpose": ("Tujuan perjalanan yang dinyatakan.", "Declared purpose of the journey."),
        "suspected_worker": (
            "Ditandai petugas sebagai terduga PMI.",
            "Marked by the officer as a suspected migrant worker.",
        ),
        "outcome": (
            "Hasil pemeriksaan: berangkat (departed) atau penundaan keberangkatan (delayed).",
            "Outcome of the examination: departed, or delayed (departure prevented).",
        ),
        "linked_registration_id": (
            "Pendaftaran yang tertaut (orang sama, 0–365 hari sebelumnya, tujuan sama); kosong bila tidak ada.",
            "The linked registration (same person, 0–365 days before, same destination); empty if none.",
        ),
        "is_labour": (
            "Keberangkatan pekerja: berangkat, dan bertujuan bekerja, terduga PMI, atau tertaut ke pendaftaran.",
            "Labour departure: departed, and declared as work, marked as suspected worker, or linked to a "
            "registration.",
        ),
        "departure_class": (
            "procedural (tertaut ke pendaftaran) atau non_procedural (tidak); kosong bila bukan keberangkatan "
            "pekerja.",
            "procedural (linked to a registration) or non_procedural (not); empty for non-labour departures.",
        ),
    },
    "cases": {
        "case_id": ("Nomor kasus; unik.", "Case number; unique."),
        "person_key": (
            _PERSON_KEY[0] + " Kosong bila kasus tanpa NIK.",
            _PERSON_KEY[1] + " Empty for a case without a NIK.",
        ),
        "reported_on": (
            "Tanggal laporan; menentukan periode kasus.",
            "Date of report; decides the period a case counts in.",
        ),
        "source": ("Sumber laporan.", "Source of the report."),
        "case_type": ("Jenis kasus.", "Type of case."),
        "is_trafficking": (
            "Kasus TPPO: ditandai tppo, atau jenis kasus trafficking (ditetapkan saat ingest).",
            "Trafficking case: flagged tppo, or of case type trafficking (settled at ingest).",
        ),
        "exploitation_type": ("Jenis eksploitasi, bila diketahui.", "Type of exploitation, if known."),
        "origin_regency_code": (
            "Kabupaten/kota asal (kode Kemendagri); wilayah kasus.",
            "Regency of origin (Kemendagri code); the case's region.",
        ),
        "origin_province_code": _province("origin_regency_code", "origin_regency_code"),
        "destination_country": _DESTINATION,
        "gender": _GENDER,
        "birth_date": _BIRTH,
        "departure_mode_reported": (
            "Cara berangkat menurut laporan; dipakai bila kasus tidak tertaut ke keberangkatan.",
            "Departure mode as reported; used when the case does not link to a departure.",
        ),
        "status": ("Status penanganan.", "Handling status."),
        "resolved_on": ("Tanggal selesai, bila sudah selesai.", "Date resolved, if resolved."),
        "linked_departure_id": (
            "Keberangkatan pekerja yang tertaut (orang sama, terakhir sebelum atau pada tanggal laporan, tujuan "
            "sama); kosong bila tidak ada.",
            "The linked labour departure (same person, latest on or before the report date, same destination); "
            "empty if none.",
        ),
        "departure_mode": (
            "Cara berangkat: dari keberangkatan tertaut, selain itu dari laporan, selain itu unknown.",
            "Departure mode: from the linked departure, else as reported, else unknown.",
        ),
        "mode_source": (
            "Asal cara berangkat: linked (keberangkatan tertaut), reported (laporan) atau none.",
            "Where the departure mode came from: linked (linked departure), reported (the report) or none.",
        ),
    },
}

# Values of columns that ingest or linkage derives (contract columns take theirs from pantau/schema.py).
DERIVED_VALUES: dict[str, tuple[str, ...]] = {
    "departure_class": ("procedural", "non_procedural"),
    "departure_mode": ("procedural", "non_procedural", "unknown"),
    "mode_source": ("linked", "reported", "none"),
}

# Arrow type id -> (id, en); anything else is shown as arrow writes it.
_TYPES: tuple[tuple[object, Text], ...] = (
    (pa.types.is_string, ("teks", "text")),
    (pa.types.is_large_string, ("teks", "text")),
    (pa.types.is_date, ("tanggal", "date")),
    (pa.types.is_timestamp, ("tanggal dan jam", "date and time")),
    (pa.types.is_boolean, ("ya/tidak", "true/false")),
    (pa.types.is_integer, ("bilangan bulat", "integer")),
    (pa.types.is_floating, ("bilangan", "number")),
)

_LANG_INDEX = {"id": 0, "en": 1}


def _pick(text: Text, lang: str) -> str:
    return text[_LANG_INDEX.get(lang, 0)]


def type_name(arrow_type: pa.DataType, lang: str) -> str:
    for test, name in _TYPES:
        if test(arrow_type):
            return _pick(name, lang)
    return str(arrow_type)


def published_schema(version: store.Version) -> dict[str, pa.Schema]:
    """The Parquet schema of each published table of a version."""
    return {table: pq.read_schema(version.table_path(table)) for table in store.TABLES}


def undescribed(schemas: dict[str, pa.Schema]) -> list[str]:
    """'table.column' for every published column without a description."""
    return [f"{table}.{name}" for table, schema in schemas.items() for name in schema.names
            if name not in COLUMNS.get(table, {})]


def _contract_column(table: str, name: str):
    extract = EXTRACTS.get(table)
    if extract is None:
        return None
    source = "nik" if name == "person_key" else name
    return next((c for c in extract.columns if c.name == source), None)


def source_header(table: str, name: str) -> str:
    """The input headers a contract column is read from ('nik' for person_key); '' for derived ones."""
    column = _contract_column(table, name)
    return " / ".join(dict.fromkeys(column.headers)) if column else ""


def values(table: str, name: str) -> str:
    column = _contract_column(table, name)
    allowed = column.values if column and column.values else DERIVED_VALUES.get(name, ())
    return ", ".join(allowed)


def frame(schemas: dict[str, pa.Schema], table: str, lang: str) -> pd.DataFrame:
    """The dictionary of one table: column, type, description, input header, allowed values."""
    described = COLUMNS.get(table, {})
    rows = []
    for field in schemas[table]:
        text = described.get(field.name)
        rows.append({
            "column": field.name,
            "type": type_name(field.type, lang),
            "description": _pick(text, lang) if text else "",
            "source_header": source_header(table, field.name),
            "values": values(table, field.name),
        })
    return pd.DataFrame(rows, columns=["column", "type", "description", "source_header", "values"])


def table_description(table: str, lang: str) -> str:
    return _pick(TABLES[table], lang)
