"""Labels of the downloads under every chart and table (pantau/exports.py, pantau/ui/panels.py) and of
small-cell suppression on the pages (pantau/disclosure.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # Download buttons
    "export.xlsx": ("Unduh XLSX", "Download XLSX"),
    "export.png": ("Unduh PNG", "Download PNG"),
    "export.csv.help": (
        "Data grafik ini sebagai CSV, diawali keterangan (baris #): filter, periode, versi data, definisi.",
        "This chart's data as CSV, after a header block (# lines): filters, period, data version, definitions.",
    ),
    "export.xlsx.help": (
        "Data grafik ini sebagai Excel, dengan keterangan filter, periode, versi data dan definisi di atas tabel.",
        "This chart's data as Excel, with the filters, period, data version and definitions above the table.",
    ),
    "export.png.help": (
        "Grafik ini sebagai gambar PNG (dibuat saat diklik, sekitar 2 detik).",
        "This chart as a PNG picture (made when clicked, about 2 seconds).",
    ),
    # Header block of a CSV / XLSX export
    "export.title": ("Judul", "Title"),
    "export.filters": ("Filter", "Filters"),
    "export.filters.none": (
        "tidak ada (seluruh Indonesia, semua tujuan)", "none (all of Indonesia, every destination)",
    ),
    "export.period": ("Periode", "Period"),
    "export.comparison": ("Periode pembanding", "Comparison period"),
    "export.period.value": (
        "{start} – {end} ({start_iso} s.d. {end_iso})", "{start} – {end} ({start_iso} to {end_iso})",
    ),
    "export.version": ("Versi data", "Dataset version"),
    "export.definitions": ("Definisi", "Definitions"),
    "export.suppression": ("Kerahasiaan", "Disclosure control"),
    "export.suppression.on": (
        "angka 1–{last} ditampilkan {marker}; angka lain, porsi atau selisih yang dapat mengungkapkannya "
        "juga ditampilkan {marker}",
        "counts 1–{last} shown as {marker}; other counts, shares or differences that would give them back "
        "are shown as {marker} too",
    ),
    "export.suppression.off": (
        "tidak aktif: semua angka ditampilkan apa adanya (tidak untuk dipublikasikan)",
        "off: every count is shown as it is (not for publication)",
    ),
    "export.source": ("Sumber", "Source"),
    "export.source.value": (
        "Pantau PMI: pendaftaran KP2MI, pemeriksaan keberangkatan Imigrasi, kasus (KP2MI, Polri, perwakilan RI)",
        "Pantau PMI: KP2MI registrations, Immigration departure examinations, cases (KP2MI, police, embassies)",
    ),
    "export.demo": ("DATA DEMO — sintetis, bukan data resmi", "DEMO DATA — synthetic, not official figures"),
    # Short definitions of the indicators, one line each (docs/DESIGN.md "Indicators")
    "export.def.registrations": (
        "Pendaftaran: pendaftaran penempatan (SiskoP2MI) dalam periode, tanpa yang dibatalkan.",
        "Registrations: placement registrations (SiskoP2MI) in the period, cancelled ones excluded.",
    ),
    "export.def.labour_departures": (
        "Keberangkatan pekerja: keberangkatan dengan tujuan bekerja, ditandai terduga PMI, atau terhubung "
        "ke pendaftaran.",
        "Labour departures: departures declared as work, marked as suspected workers, or linked to a registration.",
    ),
    "export.def.procedural": (
        "Prosedural: keberangkatan pekerja dengan pendaftaran terhubung (orang sama, 0–365 hari sebelumnya, "
        "tujuan sama).",
        "Procedural: a labour departure with a linked registration (same person, 0–365 days before, same "
        "destination).",
    ),
    "export.def.non_procedural": (
        "Nonprosedural: keberangkatan pekerja tanpa pendaftaran terhubung.",
        "Non-procedural: a labour departure without a linked registration.",
    ),
    "export.def.prevented": (
        "Penundaan keberangkatan: pemeriksaan di TPI dengan hasil penundaan.",
        "Prevented departures: checkpoint examinations whose outcome was a delayed departure.",
    ),
    "export.def.cases": (
        "Kasus: pengaduan dan kasus yang dilaporkan dalam periode.",
        "Cases: complaints and cases reported in the period.",
    ),
    "export.def.trafficking": (
        "Kasus TPPO: kasus dengan tanda TPPO atau berjenis perdagangan orang.",
        "Trafficking cases: cases flagged TPPO or of type trafficking.",
    ),
    "export.def.share": (
        "Porsi nonprosedural: nonprosedural ÷ (prosedural + nonprosedural); yang tidak diketahui tidak dihitung.",
        "Non-procedural share: non-procedural ÷ (procedural + non-procedural); unknown ones are left out.",
    ),
    "export.def.case_mode": (
        "Cara berangkat kasus: dari keberangkatan terhubung orang yang sama; jika tidak ada, dari laporan; "
        "jika tidak ada, tidak diketahui.",
        "Case departure mode: from the same person's linked departure; else as reported; else unknown.",
    ),
    "export.def.change": (
        "Kenaikan: periode ini dikurangi periode pembanding; perubahan relatif terhadap periode pembanding.",
        "Increase: this period minus the comparison period; the change is relative to the comparison period.",
    ),
    # PNG footer
    "export.png.period": ("Periode {period} · {filters}", "Period {period} · {filters}"),
    "export.png.version": ("Versi data {version} · {suppression}", "Dataset version {version} · {suppression}"),
    # Suppression on the pages
    "disclosure.kpi.help": (
        "Angka 1–{last} ditampilkan {marker} agar tidak dapat mengenali orang; perubahan yang dapat "
        "mengungkapkannya tidak ditampilkan.",
        "Counts 1–{last} are shown as {marker} so that nobody can be recognised; a change that would give "
        "them back is not shown.",
    ),
    "disclosure.caption": (
        "{marker}: angka 1–{last}, atau angka lain yang dapat mengungkapkannya, disembunyikan.",
        "{marker}: a count of 1–{last}, or another figure that would give one back, is hidden.",
    ),
    "disclosure.map_hidden": ("{marker} (disembunyikan)", "{marker} (hidden)"),
}
