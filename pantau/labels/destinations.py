"""Labels of the Negara tujuan / Destinations page (app_pages/destinations.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "destinations.title": ("Negara tujuan", "Destination countries"),
    "destinations.period": (
        "Periode {start} – {end} · pembanding {prev_start} – {prev_end}.",
        "Period {start} – {end} · compared with {prev_start} – {prev_end}.",
    ),
    "destinations.checkpoints_ignored": (
        "Filter TPI tidak berlaku di halaman ini: pendaftaran dan kasus tidak tercatat per TPI. "
        "Keberangkatan per TPI ada di halaman Keberangkatan.",
        "The checkpoint filters do not apply on this page: registrations and cases are not recorded by "
        "checkpoint. Departures by checkpoint are on the Departures page.",
    ),
    # Per country
    "destinations.countries.header": ("Per negara tujuan", "By destination country"),
    "destinations.chart.compare": (
        "Pendaftaran, keberangkatan dan kasus per negara tujuan",
        "Registrations, departures and cases by destination country",
    ),
    "destinations.countries.caption": (
        "Grafik: {top} negara dengan keberangkatan pekerja terbanyak; kasus memakai skala sendiri (kanan). "
        "Tabel di bawahnya: semua negara. Keberangkatan nonprosedural = keberangkatan pekerja tanpa pendaftaran "
        "penempatan terhubung.",
        "Chart: the {top} countries with the most labour departures; cases on their own scale (right). "
        "The table below: every country. Non-procedural departure = a labour departure without a linked "
        "placement registration.",
    ),
    "destinations.series.registrations": ("Pendaftaran", "Registrations"),
    "destinations.series.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "destinations.series.non_procedural_departures": ("Keberangkatan nonprosedural", "Non-procedural departures"),
    "destinations.series.cases": ("Kasus", "Cases"),
    "destinations.series.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "destinations.axis.people": ("Pendaftaran / keberangkatan", "Registrations / departures"),
    "destinations.axis.cases": ("Kasus", "Cases"),
    "destinations.axis.month": ("Bulan", "Month"),
    # Trend
    "destinations.trend.header": ("Tren per negara", "Trend by country"),
    "destinations.chart.trend": (
        "Keberangkatan per bulan, {count} negara tujuan teratas",
        "Departures per month, top {count} destination countries",
    ),
    "destinations.chart.trend_selected": (
        "Keberangkatan per bulan, negara tujuan yang dipilih",
        "Departures per month, the chosen destination countries",
    ),
    "destinations.trend.non_procedural": ("Nonprosedural", "Non-procedural"),
    "destinations.trend.labour": ("Semua keberangkatan pekerja", "All labour departures"),
    "destinations.trend.caption": (
        "Klik nama negara di legenda untuk menyembunyikan atau menampilkannya.",
        "Click a country in the legend to hide or show it.",
    ),
    # Origins of one destination
    "destinations.origins.header": ("Asal pekerja ke satu negara", "Where workers to one country come from"),
    "destinations.origins.pick": ("Negara tujuan", "Destination country"),
    "destinations.origins.bad_focus": (
        "Parameter URL focus: {value} bukan negara tujuan yang dapat dipilih di sini; {default} ditampilkan.",
        "URL parameter focus: {value} is not a destination that can be chosen here; {default} is shown.",
    ),
    "destinations.chart.origin_provinces": ("Provinsi asal, ke {country}", "Provinces of residence, to {country}"),
    "destinations.chart.origin_regencies": (
        "Kabupaten/kota asal teratas, ke {country}", "Top regencies of residence, to {country}"),
    # Growth
    "destinations.growth.header": ("Tumbuh paling cepat", "Growing fastest"),
    "destinations.growth.caption": (
        "Dibandingkan dengan {prev_start} – {prev_end}; diurutkan menurut kenaikan jumlah, lalu persentase. "
        "«Baru»: tidak ada sama sekali pada periode pembanding.",
        "Against {prev_start} – {prev_end}; sorted by the increase in numbers, then in percent. "
        "«New»: none at all in the comparison period.",
    ),
    "destinations.growth.non_procedural": ("Keberangkatan nonprosedural", "Non-procedural departures"),
    "destinations.growth.trafficking": ("Kasus TPPO", "Trafficking cases"),
    "destinations.growth.none": (
        "Tidak ada negara dengan kenaikan dibanding periode pembanding.",
        "No country rose against the comparison period.",
    ),
    "destinations.new": ("baru", "new"),
    # Tables and CSV headers
    "destinations.col.country": ("Negara tujuan", "Destination country"),
    "destinations.col.iso3": ("Kode negara", "Country code"),
    "destinations.col.profile": ("Profil", "Profile"),
    "destinations.col.month": ("Bulan", "Month"),
    "destinations.col.registrations": ("Pendaftaran", "Registrations"),
    "destinations.col.labour_departures": ("Keberangkatan pekerja", "Labour departures"),
    "destinations.col.non_procedural_departures": ("Nonprosedural", "Non-procedural"),
    "destinations.col.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
    "destinations.col.cases": ("Kasus", "Cases"),
    "destinations.col.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "destinations.col.current": ("Periode ini", "This period"),
    "destinations.col.previous": ("Pembanding", "Before"),
    "destinations.col.increase": ("Kenaikan", "Increase"),
    "destinations.col.change": ("Perubahan", "Change"),
}
