"""Labels of the Profil / Profile page (app_pages/profile.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "profile.title": ("Profil", "Profile"),
    "profile.kind.province": ("Provinsi", "Province"),
    "profile.kind.regency": ("Kabupaten/kota", "Regency"),
    "profile.kind.destination": ("Negara tujuan", "Destination country"),
    "profile.kind.checkpoint": ("Tempat pemeriksaan imigrasi (TPI)", "Immigration checkpoint (TPI)"),
    "profile.checkpoint_kind.air": ("Bandara", "Airport"),
    "profile.checkpoint_kind.sea": ("Pelabuhan", "Seaport"),
    "profile.checkpoint_kind.land": ("Pos lintas batas negara", "Land border post"),
    # Choosing what to profile
    "profile.pick.header": ("Buka profil lain", "Open another profile"),
    "profile.pick.kind": ("Jenis", "Kind"),
    "profile.pick.kind.province": ("Provinsi", "Province"),
    "profile.pick.kind.regency": ("Kabupaten/kota", "Regency"),
    "profile.pick.kind.destination": ("Negara tujuan", "Destination"),
    "profile.pick.kind.checkpoint": ("TPI", "Checkpoint"),
    "profile.pick.code": ("Nama", "Name"),
    "profile.pick.placeholder": ("Ketik untuk mencari…", "Type to search…"),
    "profile.pick.prompt": (
        "Pilih provinsi, kabupaten/kota, negara tujuan, atau TPI untuk melihat semua indikatornya di satu halaman. "
        "Profil juga terbuka dari baris tabel dan klik peta di halaman lain.",
        "Choose a province, regency, destination country or checkpoint to see all its indicators on one page. "
        "Profiles also open from table rows and map clicks on the other pages.",
    ),
    "profile.bad_kind": (
        "Parameter URL kind: {value} bukan jenis profil (province, regency, destination, checkpoint).",
        "URL parameter kind: {value} is not a profile kind (province, regency, destination, checkpoint).",
    ),
    "profile.bad_code": (
        "Parameter URL code: {value} bukan kode {kind} yang dikenal.",
        "URL parameter code: {value} is not a known {kind} code.",
    ),
    "profile.missing_code": (
        "Parameter URL code tidak ada: profil mana yang dimaksud?",
        "URL parameter code is missing: which profile is meant?",
    ),
    # Heading
    "profile.subtitle.province": ("Provinsi · kode Kemendagri {code}", "Province · Kemendagri code {code}"),
    "profile.subtitle.regency": (
        "Kabupaten/kota · kode Kemendagri {code} · provinsi:",
        "Regency · Kemendagri code {code} · province:",
    ),
    "profile.subtitle.destination": ("Negara tujuan · {code}", "Destination country · {code}"),
    "profile.subtitle.checkpoint": (
        "{kind} · {code} · {regency}, {province}",
        "{kind} · {code} · {regency}, {province}",
    ),
    "profile.period": (
        "Periode {start} – {end} · dibandingkan dengan {prev_start} – {prev_end}",
        "Period {start} – {end} · compared with {prev_start} – {prev_end}",
    ),
    "profile.other_filters": ("Filter lain yang juga berlaku: {filters}", "Other filters that also apply: {filters}"),
    "profile.region_meaning": (
        "Wilayah = asal (pendaftaran, kasus) atau domisili (keberangkatan).",
        "Region = origin (registrations, cases) or residence (departures).",
    ),
    "profile.destination_meaning": (
        "Negara tujuan pendaftaran, keberangkatan, dan kasus.",
        "Destination of registrations, departures and cases.",
    ),
    "profile.checkpoint_note": (
        "Pendaftaran dan kasus tidak tercatat per TPI, jadi profil TPI hanya memuat keberangkatan yang diperiksa "
        "di TPI ini. Pendaftaran dan kasus ada di profil wilayah asal dan negara tujuan.",
        "Registrations and cases are not tied to a checkpoint, so a checkpoint profile holds only the departures "
        "examined there. Registrations and cases are on the profiles of regions of origin and destinations.",
    ),
    # Sections
    "profile.compare.title": ("Dibandingkan dengan tahun sebelumnya", "Compared with a year earlier"),
    "profile.regencies.title": ("Kabupaten/kota di {province}", "Regencies of {province}"),
    "profile.regencies.map": ("Keberangkatan nonprosedural per kabupaten/kota", "Non-procedural departures by regency"),
    "profile.regencies.click": ("Klik kabupaten/kota untuk membuka profilnya.", "Click a regency to open its profile."),
    "profile.peers.title": (
        "{regency} di antara kabupaten/kota {province}",
        "{regency} among the regencies of {province}",
    ),
    "profile.checkpoints.title": ("TPI tempat keberangkatan diperiksa", "Checkpoints where departures were examined"),
    "profile.top_destinations.title": ("Negara tujuan teratas", "Top destination countries"),
    "profile.top_provinces.title": ("Provinsi asal teratas", "Top provinces of origin"),
}
