"""Labels of sign-in, roles and scope (pantau/ui/access.py, the sidebar and URL notices)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "access.signin": ("Masuk", "Sign in"),
    "access.signout": ("Keluar", "Sign out"),
    "access.signin_intro": (
        "Data ini hanya untuk petugas yang berwenang. Masuk dengan akun instansi Anda untuk melihat "
        "angka sesuai peran dan wilayah kerja Anda.",
        "This data is for authorised staff only. Sign in with your agency account to see the figures "
        "your role and area allow.",
    ),
    "access.no_role": (
        "Akun {user} belum memiliki peran di Pantau PMI. Minta administrator menambahkannya ke berkas peran.",
        "The account {user} has no role in Pantau PMI yet. Ask an administrator to add it to the roles file.",
    ),
    "access.roles_error": (
        "Berkas peran tidak dapat dibaca, jadi tidak ada akses: {error}",
        "The roles file cannot be read, so there is no access: {error}",
    ),
    "access.not_configured": (
        "Masuk (OIDC) belum dikonfigurasi, dan server ini memuat data resmi: tidak ada akses tanpa masuk. "
        "Administrator: isi bagian [auth] di .streamlit/secrets.toml atau variabel PANTAU_OIDC_* "
        "(lihat docs/ACCESS.md).",
        "Sign-in (OIDC) is not configured and this server holds a real dataset: there is no access without "
        "signing in. Administrator: fill the [auth] section of .streamlit/secrets.toml or the PANTAU_OIDC_* "
        "variables (see docs/ACCESS.md).",
    ),
    "access.demo_banner": (
        "Belum masuk — akses demo: hanya data demo, dengan hak peninjau (angka kecil disamarkan).",
        "Not signed in — demo access: demo data only, with viewer rights (small counts hidden).",
    ),
    "access.dev_banner": (
        "Identitas pengembang dari PANTAU_DEV_USER. Jangan dipakai di server.",
        "Developer identity from PANTAU_DEV_USER. Never use this on a server.",
    ),
    "access.anonymous": ("Tamu (demo)", "Guest (demo)"),
    "access.scope_national": ("nasional", "national"),
    "access.filter_scope": ("Semua dalam wilayah Anda", "All within your area"),
    "access.no_detail_download": (
        "Unduhan tabel di bawah tingkat provinsi tersedia untuk peran analis ke atas.",
        "Downloads of tables below province level are for analysts and above.",
    ),
    "role.viewer": ("peninjau", "viewer"),
    "role.analyst": ("analis", "analyst"),
    "role.steward": ("pengelola data", "data steward"),
    "role.admin": ("administrator", "administrator"),
    "role.none": ("tanpa akses", "no access"),
    "notice.outside_scope": (
        "Parameter URL {param}: {value} berada di luar wilayah kerja Anda dan diabaikan.",
        "URL parameter {param}: {value} is outside your area and was ignored.",
    ),
}
