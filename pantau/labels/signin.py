"""Labels of the sign-in settings check (pantau/ui/auth_settings.py, shown by pantau/ui/access.py)."""

from __future__ import annotations

LABELS: dict[str, tuple[str, str]] = {
    "signin.incomplete": (
        "Pengaturan masuk (OIDC) belum lengkap, jadi tidak ada akses. Yang belum diisi: {missing}. "
        "Administrator: lengkapi bagian [auth] di .streamlit/secrets.toml atau variabel PANTAU_OIDC_* "
        "(lihat docs/ACCESS.md).",
        "The sign-in (OIDC) settings are incomplete, so there is no access. Missing: {missing}. "
        "Administrator: complete the [auth] section of .streamlit/secrets.toml or the PANTAU_OIDC_* "
        "variables (see docs/ACCESS.md).",
    ),
    "signin.bad_redirect": (
        "Pengaturan masuk (OIDC): redirect_uri {uri} harus berakhir dengan /oauth2callback, jadi tidak ada "
        "akses. Administrator: lihat docs/ACCESS.md.",
        "Sign-in (OIDC) settings: redirect_uri {uri} must end with /oauth2callback, so there is no access. "
        "Administrator: see docs/ACCESS.md.",
    ),
}
