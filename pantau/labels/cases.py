"""Labels of the Kasus & TPPO / Cases and trafficking page (app_pages/cases.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "cases.title": ("Kasus & TPPO", "Cases and trafficking (TPPO)"),
    "cases.period": (
        "Kasus yang dilaporkan {start} – {end} · dibandingkan dengan {prev_start} – {prev_end}. Wilayah = "
        "kabupaten/kota asal pekerja. Filter TPI tidak berlaku di halaman ini (TPI menerangkan keberangkatan, "
        "bukan kasus).",
        "Cases reported {start} – {end} · compared with {prev_start} – {prev_end}. Region = the worker's "
        "regency of origin. Checkpoint filters do not apply on this page (checkpoints describe departures, "
        "not cases).",
    ),
    # KPI cards
    "cases.kpi.all": ("Semua kasus", "All cases"),
    "cases.kpi.trafficking": ("Kasus TPPO", "Trafficking (TPPO) cases"),
    "cases.kpi.count": ("Jumlah", "Number"),
    "cases.kpi.share": ("Porsi nonprosedural", "Non-procedural share"),
    "cases.kpi.unknown": ("Cara tidak diketahui", "Mode unknown"),
    "cases.kpi.unknown.help": (
        "Kasus yang cara berangkatnya tidak diketahui: tidak masuk hitungan porsi di sebelahnya.",
        "Cases whose departure mode is unknown: left out of the share beside it.",
    ),
    "cases.kpi.points": ("{value} poin", "{value} pts"),
    "cases.kpi.points.help": (
        "Perubahan porsi dalam poin persentase dibanding periode yang sama tahun sebelumnya.",
        "Change of the share in percentage points against the same period a year earlier.",
    ),
    # Cases over time
    "cases.monthly.title": ("Kasus per bulan menurut jenis kasus", "Cases per month by case type"),
    # Case types (the extract contract's case_type codes)
    "cases.case_type.wants_to_return": ("Ingin dipulangkan", "Wants to return home"),
    "cases.case_type.unpaid_wages": ("Gaji tidak dibayar", "Unpaid wages"),
    "cases.case_type.excess_fees": ("Biaya penempatan berlebih", "Excessive placement fees"),
    "cases.case_type.failed_departure": ("Gagal berangkat", "Failed departure"),
    "cases.case_type.job_fraud": ("Penipuan lowongan kerja", "Job fraud"),
    "cases.case_type.abuse": ("Kekerasan", "Abuse"),
    "cases.case_type.contract_breach": ("Pelanggaran kontrak kerja", "Breach of contract"),
    "cases.case_type.document_withholding": ("Penahanan dokumen", "Documents withheld"),
    "cases.case_type.deported": ("Dideportasi", "Deported"),
    "cases.case_type.illness": ("Sakit", "Illness"),
    "cases.case_type.death": ("Meninggal dunia", "Death"),
    "cases.case_type.lost_contact": ("Hilang kontak", "Lost contact"),
    "cases.case_type.trafficking": ("TPPO (perdagangan orang)", "Trafficking (TPPO)"),
    "cases.case_type.other": ("Lainnya", "Other"),
    # Trafficking breakdowns
    "cases.trafficking.header": ("Kasus TPPO", "Trafficking (TPPO) cases"),
    "cases.trafficking.caption": (
        "Setiap batang dibagi menurut cara berangkat korban: prosedural, nonprosedural, atau tidak diketahui.",
        "Each bar is split by how the victims departed: procedural, non-procedural or unknown.",
    ),
    "cases.trafficking.exploitation.title": (
        "Kasus TPPO menurut bentuk eksploitasi", "Trafficking cases by form of exploitation"),
    "cases.trafficking.destination.title": (
        "Kasus TPPO menurut negara tujuan ({top} teratas)", "Trafficking cases by destination (top {top})"),
    "cases.trafficking.province.title": (
        "Kasus TPPO menurut provinsi asal ({top} teratas)", "Trafficking cases by province of origin (top {top})"),
    "cases.trafficking.links": (
        "«Profil» membuka semua indikator satu negara atau provinsi.",
        "«Profile» opens every indicator of one country or province.",
    ),
    "cases.exploitation.forced_labour": ("Kerja paksa", "Forced labour"),
    "cases.exploitation.sexual_exploitation": ("Eksploitasi seksual", "Sexual exploitation"),
    "cases.exploitation.online_scam": ("Penipuan daring (online scam)", "Online scam"),
    "cases.exploitation.forced_criminality": ("Dipaksa melakukan kejahatan", "Forced criminality"),
    "cases.exploitation.other": ("Lainnya", "Other"),
    "cases.exploitation.unknown": ("Tidak dicatat", "Not recorded"),
    "cases.unknown_area": ("Tidak diketahui", "Unknown"),
    "cases.profile_link.text": ("buka profil", "open profile"),
    # Departure mode of cases and where it came from
    "cases.modes.header": ("Cara berangkat dan sumber keterangannya", "Departure mode and where it comes from"),
    "cases.modes.all.title": ("Semua kasus menurut cara berangkat", "All cases by departure mode"),
    "cases.modes.trafficking.title": ("Kasus TPPO menurut cara berangkat", "Trafficking cases by departure mode"),
    "cases.modes.rule": (
        "**Bagaimana cara berangkat ditentukan.** Sebuah kasus dihubungkan ke keberangkatan pekerja terakhir "
        "orang yang sama (kunci NIK yang sama) yang diperiksa di TPI pada atau sebelum tanggal lapor, ke negara "
        "tujuan yang sama (atau salah satu tujuannya tidak diketahui). Kasus itu prosedural bila keberangkatan "
        "tersebut terhubung ke pendaftaran penempatan, nonprosedural bila tidak. Data keberangkatan selalu "
        "didahulukan dari laporan. Bila tidak ada keberangkatan yang terhubung (misalnya kasus tanpa NIK), "
        "dipakai cara berangkat yang dilaporkan; bila tidak dilaporkan pula, cara berangkat tidak diketahui.",
        "**How the departure mode is settled.** A case is linked to the same person's latest labour departure "
        "(same NIK key) examined at a checkpoint on or before the report date, to the same destination (or with "
        "either destination unknown). The case is procedural when that departure links to a placement "
        "registration, non-procedural when it does not. The departure record always beats the report. With no "
        "linked departure (a case without a NIK, for instance), the mode as reported is used; when none was "
        "reported either, the mode is unknown.",
    ),
    "cases.source.linked": ("Terhubung ke keberangkatan", "Linked to a departure"),
    "cases.source.reported": ("Sesuai laporan", "As reported"),
    "cases.source.none": ("Tanpa keterangan", "No information"),
    # Status and resolution
    "cases.resolution.header": ("Status penanganan", "Case handling"),
    "cases.resolution.title": ("Kasus menurut status", "Cases by status"),
    "cases.resolution.resolved_share": ("Sudah selesai", "Resolved"),
    "cases.resolution.resolved_share.help": (
        "Kasus berstatus selesai dibagi semua kasus yang dilaporkan dalam periode.",
        "Cases marked resolved, divided by all cases reported in the period.",
    ),
    "cases.resolution.median": ("Median lama penyelesaian", "Median time to resolution"),
    "cases.resolution.mean": ("Rata-rata lama penyelesaian", "Mean time to resolution"),
    "cases.resolution.days": ("{value} hari", "{value} days"),
    "cases.resolution.days.help": (
        "Hari dari tanggal lapor sampai tanggal selesai, untuk kasus selesai yang dilaporkan dalam periode.",
        "Days from the report date to the resolution date, over resolved cases reported in the period.",
    ),
    "cases.status.open": ("Belum ditangani", "Open"),
    "cases.status.in_progress": ("Dalam proses", "In progress"),
    "cases.status.resolved": ("Selesai", "Resolved"),
    "cases.status.unknown": ("Tidak diketahui", "Unknown"),
    # Axes
    "cases.axis.month": ("Bulan", "Month"),
    "cases.axis.cases": ("Kasus", "Cases"),
    "cases.axis.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    # Table columns (data views, CSV headers)
    "cases.col.month": ("Bulan", "Month"),
    "cases.col.code": ("Kode", "Code"),
    "cases.col.exploitation": ("Bentuk eksploitasi", "Form of exploitation"),
    "cases.col.destination": ("Negara tujuan", "Destination"),
    "cases.col.province": ("Provinsi asal", "Province of origin"),
    "cases.col.profile": ("Profil", "Profile"),
    "cases.col.trafficking_cases": ("Kasus TPPO", "Trafficking cases"),
    "cases.col.procedural": ("Prosedural", "Procedural"),
    "cases.col.non_procedural": ("Nonprosedural", "Non-procedural"),
    "cases.col.unknown": ("Tidak diketahui", "Unknown"),
    "cases.col.non_procedural_share": ("Porsi nonprosedural", "Non-procedural share"),
    "cases.col.mode": ("Cara berangkat", "Departure mode"),
    "cases.col.linked": ("Terhubung ke keberangkatan", "Linked to a departure"),
    "cases.col.reported": ("Sesuai laporan", "As reported"),
    "cases.col.none": ("Tanpa keterangan", "No information"),
    "cases.col.total": ("Jumlah", "Total"),
    "cases.col.status": ("Status", "Status"),
    "cases.col.other_cases": ("Kasus lain", "Other cases"),
    "cases.col.cases": ("Semua kasus", "All cases"),
    "cases.col.median_days_to_resolution": ("Median hari sampai selesai", "Median days to resolution"),
    "cases.col.mean_days_to_resolution": ("Rata-rata hari sampai selesai", "Mean days to resolution"),
}
