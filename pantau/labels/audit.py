"""Labels of the Log audit / Audit log page (app_pages/audit.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "page.audit": ("Log audit", "Audit log"),
    "audit.title": ("Log audit", "Audit log"),
    "audit.intro": (
        "Siapa masuk, membuka halaman, mengunduh, membuat bahan rapat, memeriksa dan menerbitkan data, dan kapan. "
        "Tanpa NIK: angka 16 digit disamarkan. Waktu dalam WIB.",
        "Who signed in, opened pages, downloaded, made briefings, checked and published data, and when. "
        "No NIK: 16-digit numbers are masked. Times in WIB (UTC+7).",
    ),
    "audit.not_allowed": (
        "Log audit hanya untuk administrator.",
        "The audit log is for administrators only.",
    ),
    "audit.user": ("Pengguna", "User"),
    "audit.user.help": ("Sebagian alamat e-mail, huruf besar/kecil sama.", "Part of the e-mail address, any case."),
    "audit.event": ("Peristiwa", "Event"),
    "audit.event.all": ("Semua peristiwa", "All events"),
    "audit.from": ("Dari tanggal", "From"),
    "audit.to": ("Sampai tanggal", "To"),
    "audit.text": ("Teks", "Text"),
    "audit.text.help": (
        "Dicari di seluruh baris: halaman, filter, nama berkas, versi data…",
        "Searched in the whole line: page, filters, file names, dataset version…",
    ),
    "audit.count": ("{n} entri, terbaru di atas.", "{n} entries, newest first."),
    "audit.limited": (
        "Hanya {limit} entri terbaru yang ditampilkan; persempit pencarian untuk melihat yang lebih lama.",
        "Only the newest {limit} entries are shown; narrow the search to see older ones.",
    ),
    "audit.none": ("Tidak ada entri untuk pencarian ini.", "No entries for this search."),
    "audit.download": ("Unduh CSV", "Download CSV"),
    "audit.download.help": (
        "Hasil pencarian ini sebagai CSV. Unduhan ini juga dicatat di log audit.",
        "This search's results as CSV. The download is itself recorded in the audit log.",
    ),
    "audit.col.time": ("Waktu (WIB)", "Time (WIB)"),
    "audit.col.event": ("Peristiwa", "Event"),
    "audit.col.user": ("Pengguna", "User"),
    "audit.col.role": ("Peran", "Role"),
    "audit.col.source": ("Cara masuk", "Signed in by"),
    "audit.col.scope": ("Wilayah", "Scope"),
    "audit.col.version": ("Versi data", "Dataset version"),
    "audit.col.page": ("Halaman", "Page"),
    "audit.col.filters": ("Filter", "Filters"),
    "audit.col.detail": ("Rincian", "Detail"),
    "audit.event.sign_in": ("Masuk", "Sign-in"),
    "audit.event.page_view": ("Buka halaman", "Page view"),
    "audit.event.download": ("Unduhan", "Download"),
    "audit.event.deck": ("Bahan rapat dibuat", "Briefing made"),
    "audit.event.upload_check": ("Periksa unggahan", "Upload check"),
    "audit.event.publish": ("Terbitkan data", "Publish"),
    "audit.event.denied": ("Ditolak", "Refused"),
}
