"""Labels of the Unggah data / Upload page (app_pages/upload.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "page.upload": ("Unggah data", "Upload"),
    "upload.replica": (
        "Server ini hanya membaca dataset terbitan dari {url}. Terbitkan data dari server ingest dengan "
        "`python -m pantau push {url}`.",
        "This server only reads the published dataset from {url}. Publish data from the ingest host with "
        "`python -m pantau push {url}`.",
    ),
    "upload.title": ("Unggah data", "Upload data"),
    "upload.intro": (
        "Untuk pengelola data. Unggah ekstrak bulanan (CSV, TXT, XLSX, Parquet), periksa hasil validasinya, "
        "lalu terbitkan atau batalkan. Tidak ada yang diterbitkan sebelum Anda menekan Terbitkan.",
        "For data stewards. Upload monthly extracts (CSV, TXT, XLSX, Parquet), check how they validate, "
        "then publish or cancel. Nothing is published until you press Publish.",
    ),
    "upload.not_available": (
        "Unggah data tidak tersedia di server ini.",
        "Uploading data is not available on this server.",
    ),
    "upload.files": ("Berkas ekstrak", "Extract files"),
    "upload.files.help": (
        "Berkas mentah berisi NIK: disimpan sementara di folder privat hanya selama pemeriksaan dan penerbitan, "
        "lalu dihapus.",
        "The raw files hold NIKs: they are kept in a private temporary folder only while checking and "
        "publishing, then deleted.",
    ),
    "upload.kind": ("Jenis ekstrak", "Extract kind"),
    "upload.kind.auto": ("Otomatis (dari judul kolom)", "Automatic (from the column headers)"),
    "upload.kind.registrations": ("Pendaftaran", "Registrations"),
    "upload.kind.departures": ("Keberangkatan", "Departures"),
    "upload.kind.cases": ("Kasus", "Cases"),
    "upload.kind.help": (
        "Berlaku untuk semua berkas yang diunggah. Otomatis mengenali jenis dari kolom ID.",
        "Applies to every uploaded file. Automatic recognises the kind from its id column.",
    ),
    # Actions
    "upload.check": ("Periksa", "Check"),
    "upload.checking": ("Memeriksa berkas…", "Checking the files…"),
    "upload.publish": ("Terbitkan", "Publish"),
    "upload.publishing": ("Menerbitkan…", "Publishing…"),
    "upload.cancel": ("Batal", "Cancel"),
    "upload.prompt": (
        "Pilih satu atau beberapa berkas, lalu tekan Periksa.",
        "Choose one or more files, then press Check.",
    ),
    # Confirmation before publishing
    "upload.confirm": (
        "Menerbitkan membuat versi data baru: data saat ini (versi {version}) ditambah baris yang valid di atas; "
        "baris dengan ID yang sudah ada menggantikan yang lama. Semua halaman lalu menampilkan versi baru.",
        "Publishing makes a new dataset version: the current data (version {version}) plus the valid rows above; "
        "rows whose id already exists replace the old ones. Every page then shows the new version.",
    ),
    "upload.confirm_first": (
        "Menerbitkan membuat versi data pertama dari baris yang valid di atas. Semua halaman lalu menampilkannya.",
        "Publishing makes the first dataset version from the valid rows above. Every page then shows it.",
    ),
    "upload.confirm_demo": (
        "Data yang tampil sekarang adalah DATA DEMO (versi {version}). Menerbitkan data ini MENGGANTIKAN data demo "
        "seluruhnya: versi baru hanya berisi baris yang valid di atas, data demo tidak digabungkan.",
        "The dashboard now shows DEMO DATA (version {version}). Publishing these files REPLACES the demo data "
        "entirely: the new version holds only the valid rows above; demo data is never mixed with real data.",
    ),
    "upload.nothing_to_publish": (
        "Tidak ada yang berubah: tidak ada baris baru atau yang diperbarui. Versi {version} tetap berlaku.",
        "Nothing would change: no new or updated rows. Version {version} stays current.",
    ),
    # Results
    "upload.published": (
        "Diterbitkan: versi data {version}. Semua halaman sekarang menampilkan versi ini.",
        "Published: dataset version {version}. Every page now shows this version.",
    ),
    "upload.published_nothing": (
        "Tidak ada yang berubah; versi {version} tetap berlaku.",
        "Nothing changed; version {version} stays current.",
    ),
    "upload.published_differs": (
        "Hasil penerbitan berbeda dari pemeriksaan (kemungkinan versi lain diterbitkan di antaranya). "
        "Angka di bawah adalah hasil penerbitan.",
        "The publish result differs from the check (another version was probably published in between). "
        "The figures below are those of the publish.",
    ),
    "upload.cancelled": ("Dibatalkan; berkas yang diunggah dibuang.", "Cancelled; the uploaded files were discarded."),
    "upload.report.check": ("Hasil pemeriksaan", "Check result"),
    "upload.report.publish": ("Hasil penerbitan", "Publish result"),
    "upload.metric.read": ("Baris dibaca", "Rows read"),
    "upload.metric.would_publish": ("Akan diterbitkan", "Would publish"),
    "upload.metric.published": ("Diterbitkan", "Published"),
    "upload.metric.quarantined": ("Dikarantina", "Quarantined"),
    "upload.col.file": ("Berkas", "File"),
    "upload.col.kind": ("Jenis", "Kind"),
    "upload.col.reason": ("Alasan", "Reason"),
    "upload.col.code": ("Kode", "Code"),
    "upload.col.rows": ("Baris", "Rows"),
    "upload.col.warning": ("Peringatan", "Warning"),
    "upload.col.new": ("Baru", "New"),
    "upload.col.updated": ("Diperbarui", "Updated"),
    "upload.col.unchanged": ("Tidak berubah", "Unchanged"),
    "upload.reasons.header": ("Alasan karantina: {file}", "Quarantine reasons: {file}"),
    "upload.warnings.header": ("Peringatan (tetap diterbitkan): {file}", "Warnings (published anyway): {file}"),
    "upload.dropped": (
        "{file}: kolom di luar kontrak, tidak diterbitkan: {columns}",
        "{file}: columns outside the contract, not published: {columns}",
    ),
    "upload.changes.header": ("Perubahan terhadap versi saat ini", "Changes against the current version"),
    "upload.changes.none": ("Tidak ada catatan baru atau yang diperbarui.", "No new or updated records."),
    "upload.quarantine.header": ("Karantina: {kind}", "Quarantine: {kind}"),
    "upload.quarantine.caption": (
        "Baris dikarantina: {rows}. Paling banyak {shown} baris pertama ditampilkan, NIK disamarkan; "
        "unduhan berisi semuanya.",
        "Rows quarantined: {rows}. At most the first {shown} are shown, NIK masked; the download holds them all.",
    ),
    "upload.quarantine.download": ("Unduh laporan karantina (CSV)", "Download the quarantine report (CSV)"),
    # Quarantine reasons: <prefix>_<column>, or a whole code
    "upload.reason.missing": ("Kolom wajib {column} kosong", "Required column {column} is empty"),
    "upload.reason.invalid": ("Nilai {column} tidak dapat dibaca", "The {column} value cannot be read"),
    "upload.reason.invalid_nik": (
        "NIK tidak valid (bukan 16 digit, atau digit hilang)",
        "Invalid NIK (not 16 digits, or digits lost)",
    ),
    "upload.reason.unknown": ("Kode {column} tidak dikenal", "Unknown code in {column}"),
    "upload.reason.out_of_range": (
        "Tanggal {column} di masa depan atau sebelum 2000",
        "{column} is in the future or before 2000",
    ),
    "upload.reason.duplicate_id": (
        "ID ganda: baris yang lebih baru dipakai",
        "Duplicate id: the later row is kept",
    ),
    "upload.reason.malformed_row": (
        "Baris rusak: jumlah kolom salah atau tanda kutip tidak tertutup (berkas terpotong?)",
        "Broken row: wrong number of fields or an unclosed quote (truncated file?)",
    ),
    "upload.reason.nik_number_format": (
        "NIK tersimpan sebagai angka (Excel membuang digit terakhir); simpan kolom NIK sebagai teks",
        "NIK stored as a number (Excel drops the last digit); store the NIK column as text",
    ),
    "upload.reason.ambiguous": (
        "Nama {column} cocok dengan lebih dari satu kode; tulis kodenya",
        "The {column} name matches more than one code; write the code",
    ),
    "upload.warning.retired_regency_code": (
        "Kode kabupaten/kota lama (pemekaran Papua 2022) diganti kode yang berlaku",
        "Retired regency code (2022 Papua split) replaced by the current code",
    ),
    "upload.warning.nik_region_mismatch": (
        "Kode wilayah dalam NIK berbeda dengan kabupaten/kota di baris",
        "The NIK's region differs from the row's regency",
    ),
    "upload.warning.nik_birth_mismatch": (
        "Tanggal lahir atau jenis kelamin dalam NIK berbeda dengan baris",
        "The NIK's birth date or gender differs from the row",
    ),
    # Errors
    "upload.error.file": (
        "Berkas {file} tidak dapat dibaca ({reason}). Tidak ada yang diterbitkan.",
        "The file {file} cannot be read ({reason}). Nothing was published.",
    ),
    "upload.error.other": (
        "Pemeriksaan atau penerbitan gagal: {message}. Tidak ada yang diterbitkan.",
        "Checking or publishing failed: {message}. Nothing was published.",
    ),
    "upload.error.unexpected": (
        "Terjadi kesalahan tak terduga; tidak ada yang diterbitkan. Detailnya ada di log server.",
        "An unexpected error occurred; nothing was published. The server log has the details.",
    ),
    "upload.file_reason.empty_file": ("berkas kosong", "the file is empty"),
    "upload.file_reason.unreadable": ("berkas tidak dapat dibuka", "the file cannot be opened"),
    "upload.file_reason.corrupt_xlsx": ("XLSX rusak atau terpotong", "broken or truncated XLSX"),
    "upload.file_reason.corrupt_parquet": ("Parquet rusak atau terpotong", "broken or truncated Parquet"),
    "upload.file_reason.no_header_found": (
        "tidak ada baris judul dengan kolom ID di lembar mana pun",
        "no header row with an id column on any sheet",
    ),
    "upload.file_reason.unsupported_format": ("format tidak didukung", "unsupported format"),
    "upload.file_reason.unknown_kind": ("jenis ekstrak tidak dikenali", "extract kind not recognised"),
    "upload.file_reason.wrong_kind": ("bukan jenis ekstrak yang dipilih", "not the chosen extract kind"),
    "upload.file_reason.file_not_found": ("berkas tidak ditemukan", "file not found"),
}
