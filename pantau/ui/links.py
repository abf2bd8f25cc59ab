"""Links to the profile page: one province, regency, destination or checkpoint, shareable."""

from __future__ import annotations

from urllib.parse import urlencode

from pantau import access
from pantau.access import Scope
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


def in_scope(kind: str, code: str, scope: Scope) -> bool:
    """Whether a scope may open this area's profile: one whose figures it covers in full.

    A province needs the whole province (a regency scope sees only part of it, and a profile
    titled with the province would show that part under the province's name); destinations and
    checkpoints are open to all, their figures being narrowed to the scope by the query layer.
    """
    if kind == "province":
        return scope.national or code in scope.provinces
    if kind == "regency":
        return scope.covers_regency(code)
    return True


def scoped_profile_url(kind: str, code: str, filters: Filters, lang: str) -> str | None:
    """profile_url, or None for an area outside the current grant's scope (no link to a refused page)."""
    return profile_url(kind, code, filters, lang) if in_scope(kind, code, access.current().scope) else None
