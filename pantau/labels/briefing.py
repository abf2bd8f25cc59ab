"""Labels of the Bahan rapat / Briefing page (app_pages/briefing.py) and of the deck and PDF it builds."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "page.briefing": ("Bahan rapat", "Briefing"),
    # The page
    "briefing.title": ("Bahan rapat koordinasi", "Coordination meeting briefing"),
    "briefing.intro": (
        "Pilih periode, wilayah dan bahasa; periksa isi setiap slide di bawah, lalu unduh slide PowerPoint "
        "(grafik dapat diedit) atau PDF untuk dibaca. Angka sama dengan halaman lain dasbor.",
        "Choose the period, the region and the language; check each slide's content below, then download the "
        "PowerPoint deck (editable charts) or a PDF to read. The figures are those of the other dashboard pages.",
    ),
    "briefing.other_filters": (
        "Filter negara tujuan, jenis kelamin dan TPI di samping tidak berlaku untuk bahan rapat: bahan ini "
        "menggambarkan seluruh wilayah yang dipilih.",
        "The sidebar's destination, gender and checkpoint filters do not apply to the briefing: it describes "
        "the whole of the chosen region.",
    ),
    "briefing.start": ("Dari tanggal", "From"),
    "briefing.end": ("Sampai tanggal", "To"),
    "briefing.level": ("Wilayah", "Region"),
    "briefing.level.national": ("Nasional", "National"),
    "briefing.level.province": ("Provinsi", "Province"),
    "briefing.level.regency": ("Kabupaten/kota", "Regency"),
    "briefing.province": ("Provinsi", "Province"),
    "briefing.regency": ("Kabupaten/kota", "Regency"),
    "briefing.pick_province": ("Pilih provinsi", "Choose a province"),
    "briefing.pick_regency": ("Pilih kabupaten/kota", "Choose a regency"),
    "briefing.need_area": (
        "Pilih {what} untuk menyusun bahan rapat.", "Choose a {what} to build the briefing.",
    ),
    "briefing.lang": ("Bahasa bahan rapat", "Briefing language"),
    "briefing.swapped": (
        "Tanggal awal jatuh setelah tanggal akhir; keduanya ditukar.",
        "The start date was after the end date; the two were swapped.",
    ),
    "briefing.download": ("Unduh", "Download"),
    "briefing.download_pptx": ("Unduh PowerPoint (.pptx)", "Download PowerPoint (.pptx)"),
    "briefing.download_pdf": ("Unduh PDF", "Download PDF"),
    "briefing.download_help": (
        "File dibuat saat tombol ditekan (beberapa detik: peta digambar tanpa internet).",
        "The file is made when the button is pressed (a few seconds: the map is drawn offline).",
    ),
    "briefing.preview": ("Pratinjau slide", "Slide preview"),
    "briefing.slide_n": ("Slide {n}", "Slide {n}"),
    "briefing.failed": (
        "Bahan rapat tidak dapat disusun. Periksa log server.",
        "The briefing could not be built. Check the server log.",
    ),
    "briefing.map_failed": (
        "Peta tidak dapat digambar; slide peta memuat tabelnya saja.",
        "The map could not be drawn; the map slide holds its table only.",
    ),
    # Every slide
    "briefing.footer": ("Pantau PMI · {region} · {period} · versi data {version}", "Pantau PMI · {region} · "
                        "{period} · dataset version {version}"),
    "briefing.national": ("Indonesia (nasional)", "Indonesia (national)"),
    "briefing.regency_in": ("{regency}, {province}", "{regency}, {province}"),
    "briefing.period": ("{start} – {end}", "{start} – {end}"),
    "briefing.hidden_note": (
        "<{k} = jumlah 1–{k1}, disembunyikan demi kerahasiaan (batang setinggi 0); beberapa angka lain ikut "
        "disembunyikan agar tidak dapat dihitung dari jumlahnya.",
        "<{k} = a count from 1 to {k1}, hidden for confidentiality (drawn as a zero-height bar); some other "
        "figures are hidden too, so it cannot be worked out from a total.",
    ),
    "briefing.no_data": ("Tidak ada data untuk wilayah dan periode ini.", "No data for this region and period."),
    # Title slide
    "briefing.deck_title": (
        "Pelindungan Pekerja Migran Indonesia", "Protection of Indonesian migrant workers",
    ),
    "briefing.deck_subtitle": ("Bahan rapat koordinasi", "Coordination meeting briefing"),
    "briefing.title.region": ("Wilayah: {region}", "Region: {region}"),
    "briefing.title.period": ("Periode: {period}", "Period: {period}"),
    "briefing.title.comparison": ("Pembanding: {period} (periode yang sama setahun sebelumnya)",
                                  "Compared with: {period} (the same period a year earlier)"),
    "briefing.title.version": ("Versi data: {version} · diterbitkan {created}",
                               "Dataset version: {version} · published {created}"),
    "briefing.title.source": (
        "Sumber: Pantau PMI, dari data KP2MI (SiskoP2MI, pengaduan), Imigrasi (pemeriksaan TPI), Polri/Satgas "
        "TPPO dan perwakilan RI.",
        "Source: Pantau PMI, from KP2MI (SiskoP2MI, complaints), Imigrasi (checkpoint examinations), Polri/"
        "Satgas TPPO and Indonesian missions abroad.",
    ),
    # Headline figures
    "briefing.kpi.title": ("Angka utama", "Headline figures"),
    "briefing.kpi.subtitle": ("{period}, dibandingkan dengan {previous}", "{period}, compared with {previous}"),
    "briefing.kpi.col.indicator": ("Indikator", "Indicator"),
    "briefing.kpi.col.current": ("Periode ini", "This period"),
    "briefing.kpi.col.previous": ("Setahun sebelumnya", "A year earlier"),
    "briefing.kpi.col.change": ("Perubahan", "Change"),
    "briefing.kpi.share": ("Porsi nonprosedural keberangkatan pekerja: {share}",
                           "Non-procedural share of labour departures: {share}"),
    "briefing.kpi.change_note": (
        "t/a: tidak ada pembanding (setahun sebelumnya 0). –: perubahan tidak ditampilkan karena salah satu "
        "angkanya disembunyikan.",
        "n/a: nothing to compare with (0 a year earlier). –: change not shown because one of its figures is "
        "hidden.",
    ),
    # Trend
    "briefing.trend.title": ("Tren bulanan: prosedural dan nonprosedural",
                             "Monthly trend: procedural and non-procedural"),
    "briefing.trend.chart": ("Keberangkatan pekerja per bulan", "Labour departures per month"),
    "briefing.trend.note": (
        "Prosedural: keberangkatan pekerja dengan pendaftaran penempatan terhubung. Nonprosedural: tanpa.",
        "Procedural: labour departures with a linked placement registration. Non-procedural: without one.",
    ),
    # Map
    "briefing.map.title": ("Peta: keberangkatan nonprosedural", "Map: non-procedural departures"),
    "briefing.map.provinces": ("Keberangkatan nonprosedural menurut provinsi",
                               "Non-procedural departures by province"),
    "briefing.map.regencies": ("Keberangkatan nonprosedural per kabupaten/kota, {province}",
                               "Non-procedural departures by regency, {province}"),
    "briefing.map.highlight": ("Garis tebal: {regency}", "Bold outline: {regency}"),
    "briefing.map.table": ("Wilayah teratas", "Top areas"),
    "briefing.map.hidden": ("abu-abu: <{k}", "grey: <{k}"),
    "briefing.map.note": (
        "Wilayah = domisili pekerja yang berangkat. Batas wilayah: data/reference/geo (tanpa peta dasar).",
        "Region = residence of the departing worker. Boundaries: data/reference/geo (no base map).",
    ),
    "briefing.col.area": ("Wilayah", "Area"),
    "briefing.col.non_procedural": ("Nonprosedural", "Non-procedural"),
    "briefing.col.share": ("Porsi nonprosedural", "Non-procedural share"),
    # Origins and destinations
    "briefing.routes.title": ("Daerah asal dan negara tujuan teratas", "Top origins and destinations"),
    "briefing.routes.province": ("Provinsi asal (keberangkatan pekerja)", "Provinces of origin (labour departures)"),
    "briefing.routes.regency": ("Kabupaten/kota asal (keberangkatan pekerja)",
                                  "Regencies of origin (labour departures)"),
    "briefing.routes.destinations": ("Negara tujuan (keberangkatan pekerja)",
                                     "Destination countries (labour departures)"),
    # Checkpoints
    "briefing.checkpoints.title": ("Penundaan keberangkatan menurut TPI", "Prevented departures by checkpoint"),
    "briefing.checkpoints.chart": ("TPI dengan penundaan keberangkatan terbanyak",
                                   "Checkpoints with the most prevented departures"),
    "briefing.checkpoints.note": (
        "Penundaan keberangkatan: pemeriksaan di TPI dengan hasil penundaan (calon pekerja yang diduga berangkat "
        "nonprosedural). Wilayah = domisili.",
        "Prevented departure: a checkpoint examination whose outcome was a delayed departure (suspected "
        "non-procedural workers). Region = residence.",
    ),
    # Trafficking
    "briefing.trafficking.title": ("Kasus TPPO", "Trafficking (TPPO) cases"),
    "briefing.trafficking.exploitation": ("Menurut bentuk eksploitasi dan cara berangkat",
                                          "By form of exploitation and departure mode"),
    "briefing.trafficking.modes": ("Menurut cara berangkat", "By departure mode"),
    "briefing.trafficking.share": (
        "Porsi nonprosedural: {share} (cara berangkat tidak diketahui: {unknown} kasus, di luar porsi).",
        "Non-procedural share: {share} (departure mode unknown: {unknown} cases, outside the share).",
    ),
    # Hotspots
    "briefing.hotspots.title": ("Sasaran sosialisasi bersama Imigrasi–KP2MI",
                                "Hotspots for joint Imigrasi–KP2MI socialisation"),
    "briefing.hotspots.why": (
        "Kabupaten/kota dengan keberangkatan nonprosedural terbanyak dalam periode ini yang jumlahnya naik "
        "dibanding {previous}.",
        "Regencies with the most non-procedural departures in the period, and more than in {previous}.",
    ),
    "briefing.hotspots.none": (
        "Tidak ada kabupaten/kota dengan keberangkatan nonprosedural yang naik dibanding setahun sebelumnya.",
        "No regency has more non-procedural departures than a year earlier.",
    ),
    "briefing.col.regency": ("Kabupaten/kota", "Regency"),
    "briefing.col.province": ("Provinsi", "Province"),
    "briefing.col.current": ("Nonprosedural", "Non-procedural"),
    "briefing.col.previous": ("Setahun sebelumnya", "A year earlier"),
    "briefing.col.increase": ("Kenaikan", "Increase"),
    "briefing.col.destinations": ("Tujuan utama", "Main destinations"),
    "briefing.col.checkpoints": ("TPI utama", "Main checkpoints"),
    # Closing
    "briefing.closing.title": ("Definisi dan sumber data", "Definitions and data sources"),
    "briefing.closing.definitions": ("Definisi", "Definitions"),
    "briefing.closing.sources": ("Sumber data", "Data sources"),
    "briefing.closing.registrations": (
        "Pendaftaran penempatan: KP2MI (SiskoP2MI).", "Placement registrations: KP2MI (SiskoP2MI).",
    ),
    "briefing.closing.departures": (
        "Keberangkatan dan penundaan: Imigrasi (pemeriksaan keluar di TPI).",
        "Departures and prevented departures: Imigrasi (exit examinations at checkpoints).",
    ),
    "briefing.closing.cases": (
        "Kasus: pengaduan KP2MI, Polri/Satgas TPPO, perwakilan RI, Imigrasi.",
        "Cases: KP2MI complaints, Polri/Satgas TPPO, Indonesian missions, Imigrasi.",
    ),
    "briefing.closing.linkage": (
        "Data kedua kementerian dihubungkan dengan kunci samaran dari NIK; tidak ada NIK atau nama dalam bahan ini.",
        "The two ministries' records are linked by a pseudonymous key derived from the NIK; no NIK or name "
        "appears in this briefing.",
    ),
    "briefing.closing.region": (
        "Wilayah = asal: kabupaten pendaftaran, domisili untuk keberangkatan, asal untuk kasus.",
        "Region = origin: registration regency, residence for departures, origin for cases.",
    ),
    "briefing.closing.suppression": (
        "Jumlah 1–{k1} ditampilkan sebagai <{k}.", "Counts from 1 to {k1} are shown as <{k}.",
    ),
    "briefing.closing.unsuppressed": (
        "Bahan ini memuat angka kecil tanpa disembunyikan: hanya untuk pengguna yang berhak.",
        "This briefing shows small counts unsuppressed: for authorised users only.",
    ),
    "briefing.closing.case_mode": (
        "Cara berangkat kasus: dari keberangkatan pekerja terhubung orang yang sama; bila tidak ada, dari laporan.",
        "Departure mode of a case: from the same person's linked labour departure; otherwise as reported.",
    ),
}
