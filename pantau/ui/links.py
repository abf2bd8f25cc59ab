"""Links to the profile page: one province, regency, destination or checkpoint, shareable."""

from __future__ import annotations

from urllib.parse import urlencode

from pantau.filters import Filters

PROFILE_PATH = "profile"
KIND = "kind"
CODE = "code"
PROFILE_KINDS = ("province", "regency", "destination", "checkpoint")


def profile_url(kind: str, code: str, filters: Filters, lang: str) -> str:
    """Relative URL of the profile of one area, keeping the period and language (codes only)."""
    if kind not in PROFILE_KINDS:
        raise ValueError(f"unknown profile kind: {kind}")
    params = {KIND: kind, CODE: code, "start": filters.start.isoformat(), "end": filters.end.isoformat(), "lang": lang}
    return f"{PROFILE_PATH}?{urlencode(params)}"
