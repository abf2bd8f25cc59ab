"""The shared filters: one `Filters` value <-> URL query parameters <-> SQL parameters.

URL values are codes (Kemendagri region codes, ISO3 countries, M/F), never labels, so a link
works in both languages. Unknown codes and bad dates are dropped and reported as notices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from pantau.reference import codes
from pantau.schema import GENDERS

# URL parameter names; multi-valued ones hold comma-separated codes.
START = "start"
END = "end"
PROVINCE = "province"
REGENCY = "regency"
DESTINATION = "destination"
GENDER = "gender"
CHECKPOINT = "checkpoint"
CHECKPOINT_KIND = "checkpoint_kind"
FILTER_PARAMS = (START, END, PROVINCE, REGENCY, DESTINATION, GENDER, CHECKPOINT, CHECKPOINT_KIND)
CHECKPOINT_KINDS = ("air", "sea", "land")

# Longer than any real query string; anything beyond is not worth parsing.
MAX_PARAM_LENGTH = 2000

# Presentation mode (pantau/ui/present.py): `mode=present` shows one chart per screen, `slide` which
# one (1 = the first slide of the page). Not filters: they change how a page is shown, not what it counts.
MODE = "mode"
PRESENT = "present"
SLIDE = "slide"
PRESENT_PARAMS = (MODE, SLIDE)
# No page has anywhere near this many charts; a longer number is a typo, not a slide.
MAX_SLIDE_DIGITS = 3


@dataclass(frozen=True)
class Notice:
    """A URL parameter value that was ignored, and why ('unknown_code', 'bad_date', ...)."""

    param: str
    value: str
    reason: str


@dataclass(frozen=True)
class Filters:
    start: dt.date
    end: dt.date
    provinces: tuple[str, ...] = ()
    regencies: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    genders: tuple[str, ...] = field(default=())
    # Narrow departures only (queries/views.sql, f_departures); pages that set them beside
    # registrations or cases drop them first (without_checkpoints).
    checkpoints: tuple[str, ...] = ()
    checkpoint_kinds: tuple[str, ...] = ()

    def sql_params(self) -> dict[str, object]:
        """Named parameters for the filtered table macros in queries/views.sql."""
        return {
            "start": self.start,
            "end": self.end,
            "provinces": list(self.provinces),
            "regencies": list(self.regencies),
            "destinations": list(self.destinations),
            "genders": list(self.genders),
            "checkpoints": list(self.checkpoints),
            "checkpoint_kinds": list(self.checkpoint_kinds),
        }

    def query_params(self) -> dict[str, str]:
        """URL query parameters; empty filters are left out."""
        params = {START: self.start.isoformat(), END: self.end.isoformat()}
        for name, values in (
            (PROVINCE, self.provinces),
            (REGENCY, self.regencies),
            (DESTINATION, self.destinations),
            (GENDER, self.genders),
            (CHECKPOINT, self.checkpoints),
            (CHECKPOINT_KIND, self.checkpoint_kinds),
        ):
            if values:
                params[name] = ",".join(values)
        return params

    def without_checkpoints(self) -> Filters:
        """For pages about more than departures: a checkpoint says nothing of registrations or cases."""
        return replace(self, checkpoints=(), checkpoint_kinds=())

    def previous_year(self) -> Filters:
        """The same filters over the same period one year earlier."""
        return replace(self, start=shift_year(self.start, -1), end=shift_year(self.end, -1))


def shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _param(params: Mapping[str, object], name: str) -> str | None:
    value = params.get(name)
    if isinstance(value, list | tuple):
        value = ",".join(str(v) for v in value)
    return None if value is None else str(value)


def _codes(
    params: Mapping[str, object], name: str, valid: frozenset[str], normalise, notices: list[Notice]
) -> tuple[str, ...]:
    raw = _param(params, name)
    if not raw:
        return ()
    if len(raw) > MAX_PARAM_LENGTH:
        notices.append(Notice(name, raw[:40] + "…", "too_long"))
        return ()
    kept: list[str] = []
    for part in raw.split(","):
        code = normalise(part.strip())
        if not code:
            continue
        if code in valid:
            if code not in kept:
                kept.append(code)
        else:
            notices.append(Notice(name, part.strip()[:40], "unknown_code"))
    return tuple(kept)


def from_query_params(
    params: Mapping[str, object], default_start: dt.date, default_end: dt.date
) -> tuple[Filters, list[Notice]]:
    """Filters from URL query parameters, dropping (with a notice) what is not valid."""
    notices: list[Notice] = []
    known = codes()

    def day(name: str, default: dt.date) -> dt.date:
        raw = _param(params, name)
        if not raw:
            return default
        parsed = parse_date(raw[:40])
        if parsed is None:
            notices.append(Notice(name, raw[:40], "bad_date"))
            return default
        return parsed

    start, end = day(START, default_start), day(END, default_end)
    if start > end:
        notices.append(Notice(f"{START}/{END}", f"{start}>{end}", "empty_period"))
        start, end = default_start, default_end

    def region(code: str) -> str:
        return code.replace(".", "")

    filters = Filters(
        start=start,
        end=end,
        provinces=_codes(params, PROVINCE, known.provinces, region, notices),
        regencies=_codes(params, REGENCY, known.regencies, region, notices),
        destinations=_codes(params, DESTINATION, known.countries, str.upper, notices),
        genders=_codes(params, GENDER, frozenset(GENDERS), str.upper, notices),
        checkpoints=_codes(params, CHECKPOINT, known.checkpoints, str.upper, notices),
        checkpoint_kinds=_codes(params, CHECKPOINT_KIND, frozenset(CHECKPOINT_KINDS), str.lower, notices),
    )
    return filters, notices


def mode_from_query_params(params: Mapping[str, object]) -> tuple[bool, list[Notice]]:
    """Whether the URL asks for presentation mode; any other `mode` value is ignored with a notice."""
    raw = _param(params, MODE)
    if not raw:
        return False, []
    if raw.strip().lower() == PRESENT:
        return True, []
    return False, [Notice(MODE, raw[:40], "unknown_code")]


def slide_from_query_params(params: Mapping[str, object]) -> tuple[int | None, list[Notice]]:
    """The slide number the URL asks for (None: none asked); not a positive whole number: a notice.

    Whether the page has that many slides is known only once it has drawn them (pantau/ui/present.py).
    """
    raw = _param(params, SLIDE)
    if not raw:
        return None, []
    text = raw.strip()
    # ASCII digits only: int() would also take "٣" or "1_0".
    if 0 < len(text) <= MAX_SLIDE_DIGITS and all("0" <= c <= "9" for c in text) and int(text) > 0:
        return int(text), []
    return None, [Notice(SLIDE, raw[:40], "bad_slide")]
