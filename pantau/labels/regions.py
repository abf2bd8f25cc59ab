"""Labels of the Wilayah / Regions page (app_pages/regions.py) and of the area tables it shares with the profile."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "regions.title": ("Wilayah asal", "Regions of origin"),
    "regions.period": (
        "Periode {start} – {end} · pembanding {prev_start} – {prev_end}. Wilayah = kabupaten/kota asal "
        "(pendaftaran, kasus) atau domisili (keberangkatan).",
        "Period {start} – {end} · compared with {prev_start} – {prev_end}. Region = regency of origin "
        "(registrations, cases) or of residence (departures).",
    ),
    # The indicator on the map (URL parameter `indicator`)
    "regions.indicator": ("Indikator di peta", "Indicator on the map"),
    "regions.indicator.non_procedural_departures": ("Keberangkatan nonprosedural", "Non-procedural departures"),
    "regions.indicator.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
    "regions.indicator.prevented_departures": ("Penundaan keberangkatan", "Prevented departures"),
    "regions.indicator.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "regions.indicator.registrations": ("Pendaftaran", "Registrations"),
    "regions.bad_indicator": (
        "Parameter URL indicator: {value} tidak dikenal; peta menampilkan {default}.",
        "URL parameter indicator: {value} is unknown; the map shows {default}.",
    ),
    # Choosing a province
    "regions.pick_province": ("Provinsi di peta", "Province on the map"),
    "regions.all_indonesia": ("Seluruh Indonesia", "All of Indonesia"),
    "regions.back": ("Kembali ke seluruh Indonesia", "Back to all of Indonesia"),
    "regions.several_provinces": (
        "Filter memilih beberapa provinsi; peta menampilkan provinsi. Pilih satu provinsi untuk melihat "
        "kabupaten/kotanya.",
        "The filter selects several provinces, so the map shows provinces. Choose one province to see its "
        "regencies.",
    ),
    "regions.map.provinces": ("{indicator} menurut provinsi", "{indicator} by province"),
    "regions.map.regencies": ("{indicator} per kabupaten/kota, {province}", "{indicator} by regency, {province}"),
    "regions.map.click_province": (
        "Klik sebuah provinsi (atau pilih di atas) untuk melihat kabupaten/kotanya; pilihan ini juga mengisi "
        "filter provinsi di samping.",
        "Click a province (or choose one above) to see its regencies; this also sets the province filter "
        "in the sidebar.",
    ),
    "regions.map.click_regency": (
        "Klik sebuah kabupaten/kota untuk membuka profilnya.",
        "Click a regency to open its profile.",
    ),
    "regions.map.no_labour": ("tidak ada keberangkatan pekerja", "no labour departures"),
    "regions.map.source": (
        "Batas wilayah: cahyadsn/wilayah_boundaries (MIT), disederhanakan; kode Kemendagri.",
        "Boundaries: cahyadsn/wilayah_boundaries (MIT), simplified; Kemendagri codes.",
    ),
    # Ranking
    "regions.ranking.provinces": ("Peringkat provinsi", "Province ranking"),
    "regions.ranking.regencies": ("Peringkat kabupaten/kota, {province}", "Regency ranking, {province}"),
    "regions.ranking.caption": (
        "Diurutkan menurut {indicator}. «Profil» membuka semua indikator satu wilayah.",
        "Sorted by {indicator}. «Profile» opens every indicator of one area.",
    ),
    "regions.profile_link": ("Profil", "Profile"),
    "regions.profile_link.text": ("buka profil", "open profile"),
    # Hotspots
    "regions.hotspots.title": (
        "Sasaran sosialisasi bersama Imigrasi–KP2MI",
        "Where to send joint Imigrasi–KP2MI socialisation teams",
    ),
    "regions.hotspots.why": (
        "Kabupaten/kota ini mengirim pekerja terbanyak yang berangkat **tanpa pendaftaran penempatan** "
        "(nonprosedural) dalam periode ini, dan jumlahnya **naik** dibanding periode yang sama tahun sebelumnya "
        "({prev_start} – {prev_end}). Pekerja nonprosedural adalah kelompok yang paling rentan menjadi korban TPPO, "
        "dan kenaikan menunjukkan jalur yang sedang aktif. Di sinilah tim gabungan paling berguna: KP2MI "
        "menjelaskan jalur penempatan resmi kepada calon pekerja dan keluarganya sebelum mereka berangkat, "
        "Imigrasi menyiapkan TPI yang mereka lewati. Negara tujuan utama menunjukkan tawaran kerja mana yang perlu "
        "diwaspadai; TPI utama menunjukkan petugas mana yang perlu diberi tahu.",
        "These regencies sent the most workers who left **without a placement registration** (non-procedural) "
        "in the period, and **more** than in the same period a year earlier ({prev_start} – {prev_end}). "
        "Non-procedural workers are the ones most exposed to trafficking, and a rise shows a route that is "
        "active now. This is where a joint team does most good: KP2MI explains the official placement route to "
        "prospective workers and their families before they leave, and Imigrasi prepares the checkpoints they "
        "pass through. The main destinations say which job offers to warn about; the main checkpoints say "
        "which officers to brief.",
    ),
    "regions.hotspots.none": (
        "Tidak ada kabupaten/kota yang keberangkatan nonproseduralnya naik dibanding tahun sebelumnya "
        "untuk filter ini.",
        "No regency's non-procedural departures rose against the year before for these filters.",
    ),
    # Table columns (data views, CSV headers) of the regions and profile pages
    "regions.col.code": ("Kode", "Code"),
    "regions.col.name": ("Nama", "Name"),
    "regions.col.province": ("Provinsi", "Province"),
    "regions.col.regency": ("Kabupaten/kota", "Regency"),
    "regions.col.registrations": ("Pendaftaran", "Registrations"),
    "regions.col.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "regions.col.procedural_departures": ("Prosedural", "Procedural"),
    "regions.col.non_procedural_departures": ("Nonprosedural", "Non-procedural"),
    "regions.col.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
    "regions.col.prevented_departures": ("Penundaan keberangkatan", "Prevented departures"),
    "regions.col.cases": ("Kasus", "Cases"),
    "regions.col.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "regions.col.profile": ("Profil", "Profile"),
    "regions.col.previous_non_procedural_departures": ("Nonprosedural tahun lalu", "Non-procedural a year earlier"),
    "regions.col.increase": ("Kenaikan", "Increase"),
    "regions.col.main_destinations": ("Negara tujuan utama", "Main destinations"),
    "regions.col.main_checkpoints": ("TPI utama", "Main checkpoints"),
    "regions.col.checkpoint": ("TPI", "Checkpoint"),
    "regions.col.destination": ("Negara tujuan", "Destination country"),
    "regions.col.checkpoint_kind": ("Jenis TPI", "Checkpoint kind"),
    "regions.col.indicator": ("Indikator", "Indicator"),
    "regions.col.current": ("Periode ini", "This period"),
    "regions.col.previous": ("Tahun sebelumnya", "A year earlier"),
    "regions.col.change": ("Perubahan", "Change"),
}
