"""What the profile page profiles: one province, regency, destination or checkpoint (no Streamlit here).

The URL names it by `kind` and `code` (pantau/ui/links.py); codes are checked against the
reference lists, and the page's filters are narrowed to the area by replacing the filter of its
own dimension, so the period and any other filter (gender, ...) still apply.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pantau import reference
from pantau.filters import Filters
from pantau.ui.links import PROFILE_KINDS

REGIONS = ("province", "regency")


@dataclass(frozen=True)
class Problem:
    """Why a URL's kind/code pair names no profile: 'bad_kind', 'bad_code' or 'missing_code'."""

    reason: str
    value: str


def normalise(kind: str, code: str) -> str:
    code = code.strip()
    return code.replace(".", "") if kind in REGIONS else code.upper()


def valid_codes(kind: str) -> frozenset[str]:
    known = reference.codes()
    return {
        "province": known.provinces,
        "regency": known.regencies,
        "destination": known.countries,
        "checkpoint": known.checkpoints,
    }[kind]


def parse(kind: str | None, code: str | None) -> tuple[tuple[str, str] | None, Problem | None]:
    """((kind, code), None) for a valid pair; (None, problem) otherwise; (None, None) when nothing was asked."""
    if not kind and not code:
        return None, None
    kind = (kind or "").strip().lower()
    if kind not in PROFILE_KINDS:
        return None, Problem("bad_kind", kind[:40])
    if not code:
        return None, Problem("missing_code", "")
    normalised = normalise(kind, code[:40])
    if normalised not in valid_codes(kind):
        return None, Problem("bad_code", code[:40])
    return (kind, normalised), None


def narrow(filters: Filters, kind: str, code: str) -> Filters:
    """The filters narrowed to one area; a checkpoint narrows departures only (see the page)."""
    if kind == "province":
        return replace(filters.without_checkpoints(), provinces=(code,), regencies=())
    if kind == "regency":
        return replace(filters.without_checkpoints(), provinces=(), regencies=(code,))
    if kind == "destination":
        return replace(filters.without_checkpoints(), destinations=(code,))
    return replace(filters, checkpoints=(code,), checkpoint_kinds=())


def others(filters: Filters, kind: str) -> dict[str, tuple[str, ...]]:
    """Filters still narrowing the profile besides the period and the area itself (URL name -> codes)."""
    dropped = {"province": {"province", "regency", "checkpoint", "checkpoint_kind"},
               "regency": {"province", "regency", "checkpoint", "checkpoint_kind"},
               "destination": {"destination", "checkpoint", "checkpoint_kind"},
               "checkpoint": {"checkpoint", "checkpoint_kind"}}[kind]
    values = {"province": filters.provinces, "regency": filters.regencies, "destination": filters.destinations,
              "gender": filters.genders, "checkpoint": filters.checkpoints,
              "checkpoint_kind": filters.checkpoint_kinds}
    return {name: codes for name, codes in values.items() if codes and name not in dropped}


def options(kind: str, lang: str) -> dict[str, str]:
    """Code -> name of every area of a kind, sorted by name (for the pick-list)."""
    if kind == "province":
        names = reference.province_names()
    elif kind == "regency":
        provinces = reference.province_names()
        names = {r["regency_code"]: f"{r['regency_name']} ({provinces[r['province_code']]})"
                 for r in reference.rows("regencies")}
    elif kind == "destination":
        names = reference.country_names(lang)
    else:
        names = {code: f"{name} ({code})" for code, name in reference.checkpoint_names().items()}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def name(kind: str, code: str, lang: str) -> str:
    if kind == "province":
        return reference.province_names()[code]
    if kind == "regency":
        return reference.regency_names()[code]
    if kind == "destination":
        return reference.country_names(lang)[code]
    return reference.checkpoint_names()[code]


def checkpoint(code: str) -> dict[str, str]:
    """The reference row of one checkpoint (kind, regency, ...)."""
    return next(r for r in reference.rows("checkpoints") if r["checkpoint_code"] == code)


def province_of(regency: str) -> str:
    return next(r["province_code"] for r in reference.rows("regencies") if r["regency_code"] == regency)
