"""Labels and number formatting in Bahasa Indonesia (the default) and English.

Every user-visible string of the dashboard comes from here, in both languages, so a missing
translation is a KeyError in tests rather than a mixed-language page.
"""

from __future__ import annotations

import datetime as dt

LANGS = ("id", "en")
DEFAULT_LANG = "id"
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}

# key: (Bahasa Indonesia, English). Placeholders use str.format names.
_LABELS: dict[str, tuple[str, str]] = {
    "app.title": ("Pantau PMI", "Pantau PMI"),
    "app.language": ("Bahasa / Language", "Bahasa / Language"),
    "page.overview": ("Ringkasan", "Overview"),
    "page.departures": ("Keberangkatan", "Departures"),
    "page.cases": ("Kasus & TPPO", "Cases & trafficking"),
    "page.regions": ("Wilayah", "Regions"),
    "page.destinations": ("Negara tujuan", "Destinations"),
    "page.profile": ("Profil", "Profile"),
    # Dataset set-up and banners
    "demo.preparing": ("Menyiapkan data demo…", "Preparing demo data…"),
    "demo.preparing_detail": (
        "Belum ada data yang diterbitkan. Data sintetis dibuat dan diolah sekali (sekitar setengah menit).",
        "No dataset has been published yet. Synthetic data is generated and ingested once (about half a minute).",
    ),
    "demo.ready": ("Data demo siap.", "Demo data ready."),
    "demo.failed": (
        "Data demo tidak dapat disiapkan. Periksa log server, atau jalankan `python -m pantau demo`.",
        "The demo data could not be prepared. Check the server log, or run `python -m pantau demo`.",
    ),
    "demo.banner": ("DATA DEMO — sintetis, bukan data resmi", "DEMO DATA — synthetic, not official figures"),
    "no_data": ("Tidak ada data untuk filter ini.", "No data for these filters."),
    "footer.version": (
        "Versi data {version} · diterbitkan {created}",
        "Dataset version {version} · published {created}",
    ),
    # Notices about ignored URL parameters or filter values
    "notice.unknown_code": (
        "Parameter URL {param}: kode {value} tidak dikenal dan diabaikan.",
        "URL parameter {param}: unknown code {value} was ignored.",
    ),
    "notice.bad_date": (
        "Parameter URL {param}: {value} bukan tanggal (TTTT-BB-HH); tanggal bawaan dipakai.",
        "URL parameter {param}: {value} is not a date (YYYY-MM-DD); the default date is used.",
    ),
    "notice.empty_period": (
        "Awal periode jatuh setelah akhirnya ({value}); periode bawaan dipakai.",
        "The period starts after it ends ({value}); the default period is used.",
    ),
    "notice.too_long": (
        "Parameter URL {param} terlalu panjang dan diabaikan.",
        "URL parameter {param} is too long and was ignored.",
    ),
    "notice.outside_province": (
        "Kabupaten/kota {value} tidak berada di provinsi yang dipilih dan diabaikan.",
        "Regency {value} is not in the selected provinces and was ignored.",
    ),
    "notice.swapped_period": (
        "Tanggal awal jatuh setelah tanggal akhir; keduanya ditukar.",
        "The start date was after the end date; the two were swapped.",
    ),
    "notice.other": ("Parameter URL {param}: {value} diabaikan.", "URL parameter {param}: {value} was ignored."),
    # Sidebar filters
    "filter.header": ("Filter", "Filters"),
    "filter.start": ("Dari tanggal", "From"),
    "filter.end": ("Sampai tanggal", "To"),
    "filter.provinces": ("Provinsi asal", "Province of origin"),
    "filter.regencies": ("Kabupaten/kota asal", "Regency of origin"),
    "filter.destinations": ("Negara tujuan", "Destination country"),
    "filter.genders": ("Jenis kelamin", "Gender"),
    "filter.all": ("Semua", "All"),
    "filter.region_help": (
        "Asal: kabupaten pendaftaran, domisili untuk keberangkatan, asal untuk kasus.",
        "Origin: registration regency, residence for departures, origin for cases.",
    ),
    "gender.M": ("Laki-laki", "Male"),
    "gender.F": ("Perempuan", "Female"),
    # Overview
    "overview.title": ("Ringkasan", "Overview"),
    "overview.period": (
        "Periode {start} – {end} · dibandingkan dengan {prev_start} – {prev_end}",
        "Period {start} – {end} · compared with {prev_start} – {prev_end}",
    ),
    "kpi.registrations": ("Pendaftaran", "Registrations"),
    "kpi.registrations.help": (
        "Pendaftaran penempatan (SiskoP2MI) dalam periode, tanpa yang dibatalkan.",
        "Placement registrations (SiskoP2MI) in the period, cancelled ones excluded.",
    ),
    "kpi.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "kpi.labour_departures.help": (
        "Keberangkatan dengan tujuan bekerja, terduga PMI, atau yang terhubung ke pendaftaran.",
        "Departures declared as work, marked as suspected workers, or linked to a registration.",
    ),
    "kpi.procedural_departures": ("Prosedural", "Procedural"),
    "kpi.procedural_departures.help": (
        "Keberangkatan pekerja dengan pendaftaran terhubung (0–365 hari sebelumnya, tujuan sama).",
        "Labour departures with a linked registration (0–365 days before, same destination).",
    ),
    "kpi.non_procedural_departures": ("Nonprosedural", "Non-procedural"),
    "kpi.non_procedural_departures.help": (
        "Keberangkatan pekerja tanpa pendaftaran terhubung.",
        "Labour departures without a linked registration.",
    ),
    "kpi.prevented_departures": ("Penundaan keberangkatan", "Prevented departures"),
    "kpi.prevented_departures.help": (
        "Pemeriksaan di TPI dengan hasil penundaan keberangkatan.",
        "Checkpoint examinations whose outcome was a delayed (prevented) departure.",
    ),
    "kpi.cases": ("Kasus", "Cases"),
    "kpi.cases.help": (
        "Pengaduan dan kasus yang dilaporkan dalam periode.",
        "Complaints and cases reported in the period.",
    ),
    "kpi.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "kpi.trafficking_cases.help": (
        "Kasus tindak pidana perdagangan orang (TPPO).",
        "Trafficking in persons (TPPO) cases.",
    ),
    "kpi.delta_description": ("vs tahun lalu", "vs year before"),
    "kpi.no_comparison": ("t/a", "n/a"),
    "kpi.no_comparison.help": (
        "Tidak ada pembanding: nilai periode yang sama tahun sebelumnya 0.",
        "Nothing to compare with: the same period a year earlier counted 0.",
    ),
    # Case modes
    "modes.header": ("Kasus menurut cara berangkat", "Cases by departure mode"),
    "modes.share": ("Porsi nonprosedural", "Non-procedural share"),
    "modes.unknown": ("Cara tidak diketahui", "Mode unknown"),
    "modes.share_help": (
        "Nonprosedural ÷ (prosedural + nonprosedural). Kasus dengan cara berangkat tidak diketahui "
        "tidak masuk hitungan porsi; jumlahnya ditampilkan di sebelahnya.",
        "Non-procedural ÷ (procedural + non-procedural). Cases whose departure mode is unknown are "
        "left out of the share; their count is shown beside it.",
    ),
    "modes.group.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "modes.group.cases": ("Semua kasus", "All cases"),
    # Charts
    "chart.monthly.title": (
        "Keberangkatan pekerja per bulan: prosedural dan nonprosedural",
        "Labour departures per month: procedural and non-procedural",
    ),
    "chart.top_provinces.title": (
        "Provinsi asal teratas (keberangkatan pekerja)",
        "Top provinces of origin (labour departures)",
    ),
    "chart.top_destinations.title": (
        "Negara tujuan teratas (keberangkatan pekerja)",
        "Top destination countries (labour departures)",
    ),
    "chart.modes.title": ("Jumlah kasus menurut cara berangkat", "Number of cases by departure mode"),
    "chart.axis.month": ("Bulan", "Month"),
    "chart.axis.departures": ("Keberangkatan", "Departures"),
    "chart.axis.cases": ("Kasus", "Cases"),
    "chart.data": ("Data", "Data"),
    "chart.download": ("Unduh CSV", "Download CSV"),
    # Series and column names (data tables, CSV headers, legends)
    "col.month": ("Bulan", "Month"),
    "col.procedural": ("Prosedural", "Procedural"),
    "col.non_procedural": ("Nonprosedural", "Non-procedural"),
    "col.unknown": ("Tidak diketahui", "Unknown"),
    "col.prevented": ("Penundaan keberangkatan", "Prevented departures"),
    "col.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "col.province_code": ("Kode provinsi", "Province code"),
    "col.province": ("Provinsi", "Province"),
    "col.iso3": ("Kode negara", "Country code"),
    "col.country": ("Negara", "Country"),
    "col.group": ("Kelompok", "Group"),
    "col.cases": ("Kasus", "Cases"),
    "col.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
}

_MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _merge_page_labels() -> None:
    """Add the labels of every module in pantau/labels/ (one per page)."""
    import importlib
    import pkgutil

    from pantau import labels

    for module in pkgutil.iter_modules(labels.__path__):
        page_labels = importlib.import_module(f"pantau.labels.{module.name}").LABELS
        clash = _LABELS.keys() & page_labels.keys()
        if clash:
            raise KeyError(f"labels defined twice: {sorted(clash)}")
        _LABELS.update(page_labels)


_merge_page_labels()


def normalise_lang(value: object) -> str | None:
    """'id' or 'en' for a language code in any case, None for anything else."""
    code = str(value).strip().lower() if value is not None else ""
    return code if code in LANGS else None


def _index(lang: str) -> int:
    return LANGS.index(lang) if lang in LANGS else 0


def t(key: str, lang: str = DEFAULT_LANG, **values: object) -> str:
    """The label for key in lang; `values` fill its {placeholders}."""
    text = _LABELS[key][_index(lang)]
    return text.format(**values) if values else text


def keys() -> tuple[str, ...]:
    return tuple(_LABELS)


def _swap_separators(text: str, lang: str) -> str:
    # Python formats 1,234.5; Indonesian writes 1.234,5.
    if lang != "id":
        return text
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def fmt_int(n: int | float, lang: str = DEFAULT_LANG) -> str:
    """1.234.567 in Indonesian, 1,234,567 in English."""
    return _swap_separators(f"{round(n):,}", lang)


def fmt_pct(value: float | None, lang: str = DEFAULT_LANG, decimals: int = 1, signed: bool = False) -> str:
    """A fraction as a percentage: 0.125 -> '12,5%' (id) / '12.5%' (en); signed adds '+' to gains.

    None (nothing to compare with) gives the language's 'n/a'.
    """
    if value is None:
        return t("kpi.no_comparison", lang)
    text = _swap_separators(f"{abs(value) * 100:,.{decimals}f}", lang) + "%"
    # The sign follows the rounded figure, so a tiny loss never reads "-0,0%".
    if signed and round(abs(value) * 100, decimals) != 0:
        text = ("+" if value > 0 else "-") + text
    return text


def month_name(month: int, lang: str = DEFAULT_LANG, short: bool = True) -> str:
    names = (_MONTHS_SHORT if short else _MONTHS)["id" if lang == "id" else "en"]
    return names[month - 1]


def fmt_month(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """'Agu 2024' / 'Aug 2024'."""
    return f"{month_name(day.month, lang)} {day.year}"


def fmt_date(day: dt.date, lang: str = DEFAULT_LANG) -> str:
    """'20 Des 2024' / '20 Dec 2024': the day first in both languages, so it reads the same."""
    return f"{day.day} {month_name(day.month, lang)} {day.year}"


def fmt_datetime(moment: dt.datetime, lang: str = DEFAULT_LANG) -> str:
    """'28 Nov 2026 11.05' (Indonesian writes times with a dot) / '28 Nov 2026 11:05'."""
    sep = "." if lang == "id" else ":"
    return f"{fmt_date(moment.date(), lang)} {moment.hour:02d}{sep}{moment.minute:02d}"


def plotly_separators(lang: str = DEFAULT_LANG) -> str:
    """Plotly's layout.separators: the decimal mark, then the thousands mark."""
    return ",." if lang == "id" else ".,"


def date_input_format(lang: str = DEFAULT_LANG) -> str:
    return "DD/MM/YYYY" if lang == "id" else "YYYY-MM-DD"
