"""Labels of the Metodologi / Methodology page (app_pages/methodology.py) and the Kualitas data / Data
quality page (app_pages/data_quality.py), which share the sections of pantau/ui/methodology.py."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "page.methodology": ("Metodologi", "Methodology"),
    "methodology.title": ("Metodologi", "Methodology"),
    "methodology.intro": (
        "Apa isi setiap kolom data, dan bagaimana setiap indikator didefinisikan — dengan SQL yang menghitungnya.",
        "What every column of the data holds, and how every indicator is defined — with the SQL that computes it.",
    ),
    "page.data_quality": ("Kualitas data", "Data quality"),
    "data_quality.title": ("Kualitas data", "Data quality"),
    "data_quality.intro": (
        "Untuk pengelola data: seberapa baru dan lengkap datanya, berapa yang tertaut, apa yang dikarantina "
        "di setiap pengolahan, dan bulan mana yang kosong.",
        "For data stewards: how recent and complete the data is, how much of it links, what each ingest run "
        "quarantined, and which months are empty.",
    ),
    "data_quality.national_only": (
        "Angka per pengolahan (baris dibaca, diterbitkan, dikarantina) mencakup seluruh Indonesia, sehingga hanya "
        "ditampilkan bagi pengelola data dengan cakupan nasional.",
        "Figures per ingest run (rows read, published, quarantined) cover all of Indonesia, so they are shown only "
        "to data stewards with national scope.",
    ),
    "methodology.version": (
        "Versi data {version} · diterbitkan {created} · berkas: {files} · pengolahan: {runs}",
        "Dataset version {version} · published {created} · files: {files} · ingest runs: {runs}",
    ),
    # Freshness
    "methodology.freshness.title": ("Kesegaran data", "Freshness"),
    "methodology.freshness.caption": (
        "Data s.d. = tanggal kejadian terakhir dalam ekstrak: tanggal daftar (pendaftaran), tanggal pemeriksaan "
        "(keberangkatan), tanggal lapor (kasus). Diperbarui = kapan berkas ekstrak ini terakhir diolah ke versi "
        "yang sedang dipakai.",
        "Data up to = the latest event date in the extract: date of registration, of examination (departures), "
        "of report (cases). Updated = when a file of this extract was last ingested into the version in use.",
    ),
    "methodology.freshness.last_day": ("{extract}: data s.d.", "{extract}: data up to"),
    "methodology.freshness.rows": ("{rows} baris", "{rows} rows"),
    "methodology.freshness.detail": (
        "sejak {first} · diperbarui {updated}",
        "since {first} · updated {updated}",
    ),
    "methodology.freshness.none": ("belum ada data", "no data yet"),
    "methodology.freshness.unknown": ("tidak diketahui", "unknown"),
    # Linkage
    "methodology.linkage.title": ("Tingkat penautan", "Linkage rate"),
    "methodology.linkage.caption": (
        "Porsi keberangkatan pekerja yang tertaut ke pendaftaran (prosedural), dan porsi kasus yang tertaut ke "
        "keberangkatan pekerja orang yang sama. Tingkat yang rendah bisa berarti banyak keberangkatan nonprosedural, "
        "atau NIK yang tidak cocok antara kedua kementerian. Saat diolah, manifes versi ini mencatat {departures} "
        "dan {cases}.",
        "The share of labour departures linked to a registration (procedural), and the share of cases linked to a "
        "labour departure of the same person. A low rate may mean many non-procedural departures, or NIKs that do "
        "not match between the two ministries. At ingest, this version's manifest recorded {departures} and "
        "{cases}.",
    ),
    "methodology.linkage.departures": ("Keberangkatan tertaut", "Departures linked"),
    "methodology.linkage.departures.help": (
        "Keberangkatan pekerja dengan pendaftaran tertaut ÷ semua keberangkatan pekerja.",
        "Labour departures with a linked registration ÷ all labour departures.",
    ),
    "methodology.linkage.cases": ("Kasus tertaut", "Cases linked"),
    "methodology.linkage.cases.help": (
        "Kasus dengan keberangkatan pekerja tertaut ÷ semua kasus.",
        "Cases with a linked labour departure ÷ all cases.",
    ),
    "methodology.linkage.all": ("{label} · semua data", "{label} · all data"),
    "methodology.linkage.filtered": ("{label} · filter saat ini", "{label} · current filters"),
    "methodology.linkage.of": ("{linked} dari {total}", "{linked} of {total}"),
    "methodology.linkage.none": ("t/a", "n/a"),
    "methodology.linkage.hidden": (
        "Tingkatnya tidak ditampilkan: jumlah di bawahnya terlalu kecil untuk diterbitkan ({marker}).",
        "The rate is not shown: a count behind it is too small to publish ({marker}).",
    ),
    "methodology.linkage.filters": (
        "Filter saat ini: {start} – {end}, dengan filter wilayah, tujuan, jenis kelamin dan TPI di samping "
        "(TPI hanya mempersempit keberangkatan).",
        "Current filters: {start} – {end}, with the region, destination, gender and checkpoint filters in the "
        "sidebar (checkpoints narrow departures only).",
    ),
    # Quarantine over time
    "methodology.quarantine.title": ("Baris dikarantina per pengolahan", "Quarantined rows per ingest run"),
    "methodology.quarantine.caption": (
        "Setiap baris yang dibaca diterbitkan atau dikarantina dengan alasan. Satu batang = satu pengolahan yang "
        "menerbitkan versi (dari manifes semua versi); pengolahan yang tidak mengubah apa pun tidak menerbitkan versi.",
        "Every row read is published or quarantined with a reason. One bar = one ingest run that published a "
        "version (from the manifests of all versions); a run that changed nothing published no version.",
    ),
    "methodology.quarantine.chart": ("Baris dikarantina menurut alasan", "Quarantined rows by reason"),
    "methodology.quarantine.axis.run": ("Pengolahan (waktu terbit)", "Ingest run (published)"),
    "methodology.quarantine.axis.rows": ("Baris", "Rows"),
    "methodology.quarantine.none": (
        "Tidak ada baris yang dikarantina di pengolahan mana pun.",
        "No row was quarantined in any ingest run.",
    ),
    "methodology.quarantine.runs": ("Pengolahan", "Ingest runs"),
    "methodology.quarantine.current": ("(versi ini)", "(this version)"),
    "methodology.reason.missing": ("{column} kosong", "{column} missing"),
    "methodology.reason.invalid": ("{column} tidak sah", "{column} invalid"),
    "methodology.reason.unknown": ("{column}: kode tidak dikenal", "{column}: unknown code"),
    "methodology.reason.out_of_range": (
        "{column} di luar rentang (sebelum 2000 atau setelah hari pengolahan)",
        "{column} out of range (before 2000 or after the ingest day)",
    ),
    "methodology.reason.duplicate_id": (
        "ID ganda (baris lain dengan ID yang sama dipakai)",
        "Duplicate id (another row with the same id was kept)",
    ),
    # Gaps
    "methodology.gaps.title": ("Bulan tanpa data", "Months with no data"),
    "methodology.gaps.caption": (
        "Bulan kalender tanpa satu baris pun di antara bulan pertama dan terakhir tiap ekstrak — misalnya "
        "gangguan sistem, atau berkas bulanan yang belum dikirim. Angka pada bulan-bulan itu bukan nol yang "
        "sebenarnya.",
        "Calendar months without a single row between each extract's first and last month — a system outage, "
        "say, or a monthly file not sent yet. Figures for those months are not real zeros.",
    ),
    "methodology.gaps.none": (
        "Tidak ada bulan kosong: setiap ekstrak punya data di setiap bulan antara bulan pertama dan terakhirnya.",
        "No empty month: every extract has data in every month between its first and last.",
    ),
    "methodology.outages.title": ("TPI ramai dengan bulan kosong", "Busy checkpoints with an empty month"),
    "methodology.outages.caption": (
        "Bulan tanpa pemeriksaan di TPI yang biasanya ramai: median bulanannya (bulan kosong ikut dihitung, dari "
        "bulan pertama TPI itu sampai bulan terakhir data keberangkatan) paling sedikit {min} pemeriksaan.",
        "Months without any examination at a checkpoint that is normally busy: its median month (empty months "
        "included, from the checkpoint's first month to the last month of departures data) has at least {min} "
        "examinations.",
    ),
    "methodology.outages.none": (
        "Tidak ada TPI ramai yang kosong dalam satu bulan pun.",
        "No busy checkpoint has an empty month.",
    ),
    # Table columns (tables and CSV headers of this page)
    "methodology.col.extract": ("Ekstrak", "Extract"),
    "methodology.col.first_month": ("Dari bulan", "From month"),
    "methodology.col.last_month": ("Sampai bulan", "To month"),
    "methodology.col.months": ("Jumlah bulan", "Months"),
    "methodology.col.checkpoint": ("TPI", "Checkpoint"),
    "methodology.col.checkpoint_code": ("Kode TPI", "Checkpoint code"),
    "methodology.col.month": ("Bulan", "Month"),
    "methodology.col.typical": ("Median bulanan", "Median month"),
    "methodology.col.published": ("Diterbitkan", "Published"),
    "methodology.col.version": ("Versi", "Version"),
    "methodology.col.demo": ("Demo", "Demo"),
    "methodology.col.files": ("Berkas", "Files"),
    "methodology.col.rows_read": ("Baris dibaca", "Rows read"),
    "methodology.col.rows_published": ("Baris diterbitkan", "Rows published"),
    "methodology.col.rows_quarantined": ("Baris dikarantina", "Rows quarantined"),
    "methodology.col.reason": ("Alasan", "Reason"),
    "methodology.col.reason_code": ("Kode alasan", "Reason code"),
    "methodology.col.rows": ("Baris", "Rows"),
    "methodology.col.column": ("Kolom", "Column"),
    "methodology.col.type": ("Jenis", "Type"),
    "methodology.col.description": ("Keterangan", "Description"),
    "methodology.col.source_header": ("Kolom masukan", "Input header"),
    "methodology.col.values": ("Nilai yang diterima", "Allowed values"),
    "methodology.yes": ("ya", "yes"),
    "methodology.no": ("tidak", "no"),
    # Data dictionary
    "methodology.dictionary.title": ("Kamus data", "Data dictionary"),
    "methodology.dictionary.caption": (
        "Setiap kolom yang diterbitkan, dibaca dari berkas Parquet versi ini. NIK tidak pernah diterbitkan: "
        "kolom masukan nik menjadi person_key. Kolom di luar kontrak (nama, alamat, catatan) dibuang saat "
        "pengolahan.",
        "Every published column, read from this version's Parquet files. The NIK is never published: the input "
        "column nik becomes person_key. Columns outside the contract (names, addresses, notes) are dropped at "
        "ingest.",
    ),
    # Indicator definitions
    "methodology.definitions.title": ("Definisi indikator", "Indicator definitions"),
    "methodology.definitions.caption": (
        "Satu definisi, dipakai di mana-mana (docs/DESIGN.md). Tautan SQL membuka berkas yang menghitungnya, "
        "hanya-baca, di halaman ini.",
        "One definition, used everywhere (docs/DESIGN.md). The SQL links open the file that computes it, "
        "read-only, on this page.",
    ),
    "methodology.definitions.decision": ("Ketentuan", "Decision"),
    # The SQL viewer (?sql=<name>)
    "methodology.sql.title": ("SQL: {path}", "SQL: {path}"),
    "methodology.sql.used_by": ("Dipakai oleh: {indicators}", "Used by: {indicators}"),
    "methodology.sql.close": ("Tutup SQL", "Close the SQL"),
    "methodology.sql.unknown": (
        "Parameter URL sql: {value} bukan nama berkas SQL dasbor ini dan diabaikan. Pilih salah satu tautan SQL "
        "di bagian «Definisi indikator».",
        "URL parameter sql: {value} is not the name of one of this dashboard's SQL files and was ignored. Pick "
        "one of the SQL links under «Indicator definitions».",
    ),
}
