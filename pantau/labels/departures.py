"""Labels of the Keberangkatan / Departures page (app_pages/departures.py) and of the sidebar's departure filters."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    # Sidebar: the checkpoint filters (pantau/ui/sidebar.py), which narrow departures only
    "departures.filter.header": ("Filter keberangkatan", "Departure filters"),
    "departures.filter.caption": (
        "Hanya untuk angka keberangkatan, di halaman Keberangkatan. Halaman lain menampilkan keberangkatan "
        "bersama pendaftaran dan kasus, yang tidak tercatat per TPI, sehingga mengabaikan filter ini.",
        "Apply to departure figures only, on the Departures page. Other pages set departures beside "
        "registrations and cases, which are not recorded by checkpoint, and ignore these filters.",
    ),
    "departures.filter.kinds": ("Jenis TPI", "Checkpoint type"),
    "departures.filter.checkpoints": ("TPI (tempat pemeriksaan imigrasi)", "Checkpoint (TPI)"),
    "departures.kind.air": ("Udara (bandara)", "Air (airport)"),
    "departures.kind.sea": ("Laut (pelabuhan)", "Sea (port)"),
    "departures.kind.land": ("Darat (PLBN)", "Land (border post)"),
    "departures.kind.unknown": ("Tidak diketahui", "Unknown"),
    "departures.unknown": ("Tidak diketahui", "Unknown"),
    # Page
    "departures.title": ("Keberangkatan pekerja migran", "Labour departures"),
    "departures.period": (
        "Periode {start} – {end} · dibandingkan dengan bulan yang sama setahun sebelumnya ({prev_start} – "
        "{prev_end}). Wilayah = domisili pekerja.",
        "Period {start} – {end} · compared with the same months a year earlier ({prev_start} – {prev_end}). "
        "Region = the worker's residence.",
    ),
    "departures.checkpoint_filter": (
        "Hanya keberangkatan melalui: {what}.",
        "Only departures through: {what}.",
    ),
    "departures.kpi.share": ("Porsi nonprosedural", "Non-procedural share"),
    "departures.kpi.share.help": (
        "Keberangkatan nonprosedural ÷ keberangkatan pekerja. Perubahan dalam poin persentase.",
        "Non-procedural ÷ labour departures. The change is in percentage points.",
    ),
    "departures.kpi.points": ("{value} poin", "{value} pp"),
    # Trend
    "departures.trend.header": ("Dari bulan ke bulan", "Month by month"),
    "departures.chart.monthly": (
        "Keberangkatan pekerja per bulan (garis putus-putus: setahun sebelumnya)",
        "Labour departures per month (dashed: a year earlier)",
    ),
    "departures.chart.share": (
        "Porsi nonprosedural per bulan",
        "Non-procedural share per month",
    ),
    "departures.series.procedural": ("Prosedural", "Procedural"),
    "departures.series.non_procedural": ("Nonprosedural", "Non-procedural"),
    "departures.series.previous_procedural": ("Prosedural, setahun sebelumnya", "Procedural, a year earlier"),
    "departures.series.previous_non_procedural": (
        "Nonprosedural, setahun sebelumnya", "Non-procedural, a year earlier"),
    "departures.series.share": ("Periode ini", "This period"),
    "departures.series.previous_share": ("Setahun sebelumnya", "A year earlier"),
    "departures.series.prevented": ("Penundaan keberangkatan", "Prevented departures"),
    "departures.axis.month": ("Bulan", "Month"),
    "departures.axis.departures": ("Keberangkatan", "Departures"),
    "departures.axis.share": ("Porsi nonprosedural", "Non-procedural share"),
    "departures.hover.share": ("porsi nonprosedural", "non-procedural share"),
    # Origins
    "departures.origin.header": ("Asal pekerja", "Where workers come from"),
    "departures.chart.provinces": ("Provinsi asal teratas", "Top provinces of residence"),
    "departures.chart.regencies": ("Kabupaten/kota asal teratas", "Top regencies of residence"),
    "departures.chart.regencies_in": (
        "Kabupaten/kota asal teratas, {province}", "Top regencies of residence, {province}"),
    # Destinations
    "departures.destination.header": ("Negara tujuan", "Destinations"),
    "departures.chart.destinations": (
        "Negara tujuan teratas (keberangkatan pekerja)", "Top destination countries (labour departures)"),
    "departures.destination.more": (
        "Pendaftaran, kasus dan pertumbuhan per negara: halaman Negara tujuan.",
        "Registrations, cases and growth by country: the Destinations page.",
    ),
    # Checkpoints
    "departures.checkpoint.header": ("Tempat pemeriksaan imigrasi (TPI)", "Immigration checkpoints (TPI)"),
    "departures.checkpoint.caption": (
        "Penundaan keberangkatan: pemeriksaan yang berakhir dengan penundaan (orang tersebut tidak berangkat), "
        "dihitung terpisah dari keberangkatan pekerja.",
        "Prevented departures: examinations that ended in a delayed departure (the person did not leave), "
        "counted apart from labour departures.",
    ),
    "departures.chart.kinds": ("Menurut jenis TPI", "By type of checkpoint"),
    "departures.chart.checkpoints": (
        "TPI dengan keberangkatan nonprosedural terbanyak", "Checkpoints with the most non-procedural departures"),
    "departures.table.checkpoints": ("Semua TPI dalam periode", "Every checkpoint in the period"),
    # Routes
    "departures.route.header": ("Rute keberangkatan nonprosedural", "Non-procedural routes"),
    "departures.route.caption": (
        "Rute = TPI → negara tujuan. Porsi = nonprosedural ÷ keberangkatan pekerja pada rute itu.",
        "Route = checkpoint → destination country. Share = non-procedural ÷ labour departures on that route.",
    ),
    "departures.chart.routes": (
        "Rute dengan keberangkatan nonprosedural terbanyak", "Routes carrying the most non-procedural departures"),
    # Tables and CSV headers
    "departures.open_profile": ("buka profil", "open profile"),
    "departures.col.month": ("Bulan", "Month"),
    "departures.col.procedural": ("Prosedural", "Procedural"),
    "departures.col.non_procedural": ("Nonprosedural", "Non-procedural"),
    "departures.col.previous_procedural": ("Prosedural, setahun sebelumnya", "Procedural, a year earlier"),
    "departures.col.previous_non_procedural": ("Nonprosedural, setahun sebelumnya", "Non-procedural, a year earlier"),
    "departures.col.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
    "departures.col.previous_non_procedural_share": (
        "Porsi nonprosedural, setahun sebelumnya", "Non-procedural share, a year earlier"),
    "departures.col.code": ("Kode", "Code"),
    "departures.col.province": ("Provinsi", "Province"),
    "departures.col.regency": ("Kabupaten/kota", "Regency"),
    "departures.col.iso3": ("Kode negara", "Country code"),
    "departures.col.country": ("Negara tujuan", "Destination country"),
    "departures.col.checkpoint_code": ("Kode TPI", "Checkpoint code"),
    "departures.col.checkpoint": ("TPI", "Checkpoint"),
    "departures.col.checkpoint_name": ("Nama TPI", "Checkpoint name"),
    "departures.col.kind": ("Jenis TPI", "Checkpoint type"),
    "departures.col.route": ("Rute", "Route"),
    "departures.col.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "departures.col.procedural_departures": ("Prosedural", "Procedural"),
    "departures.col.non_procedural_departures": ("Nonprosedural", "Non-procedural"),
    "departures.col.prevented_departures": ("Penundaan keberangkatan", "Prevented departures"),
    "departures.col.profile": ("Profil", "Profile"),
    "departures.col.checkpoint_profile": ("Profil TPI", "Checkpoint profile"),
    "departures.col.country_profile": ("Profil negara", "Country profile"),
}
