"""The audit log: who saw, downloaded, uploaded and published what, as JSON lines.

One line per event, appended to PANTAU_AUDIT_LOG (default <data folder>/audit/audit.jsonl; the folder
is made 0700, the file 0600):

    {"time": "2026-11-28T04:05:06.789+00:00", "event": "download", "user": "andi@bp3mi-jabar.go.id",
     "role": "analyst", "source": "oidc", "scope": "32", "version": "v20261101T...", "page": "departures",
     "filters": {"start": "2026-01-01", "end": "2026-10-31", "province": "32"},
     "detail": {"what": "monthly", "format": "csv"}}

Events and the detail keys each may carry are in EVENTS; any other key is dropped (with a warning in
the server log), so a caller cannot put a token, a cookie or a row of data in the log by mistake.
Every string (user, page, filters, detail) is cleaned before it is written: a run of 16 or more
digits (a NIK, even inside a file name, even split by spaces, dots or dashes) keeps only its first 6
and last 4 digits, and the value of PANTAU_SECRET is replaced wherever it appears.

Writers: each line is one os.write under an exclusive flock on the file, so sessions and server
processes on one host never interleave lines. The file is opened per line, so an outside rotation
(logrotate renaming it, `create 0600`) takes effect at once; this module never rotates. search()
reads the file and its rotated siblings (`audit.jsonl.1`, `audit.jsonl-20261101`, `.gz` too).

A failure to write never breaks the page: record() logs it with logging.error (the server log) and
returns False. Downloads are not refused when the log cannot be written: the files hold aggregates
the user may already see on screen, and refusing would turn a full disk into an outage for every
user; the server log makes the gap visible to the operator.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import gzip
import heapq
import json
import logging
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pantau.access import Grant
from pantau.paths import data_dir

log = logging.getLogger(__name__)

AUDIT_ENV = "PANTAU_AUDIT_LOG"
SECRET_ENV = "PANTAU_SECRET"
DEFAULT_FOLDER = "audit"
DEFAULT_NAME = "audit.jsonl"

# Each event and the detail keys it may carry (nested values are cleaned the same way).
EVENTS: dict[str, tuple[str, ...]] = {
    "sign_in": (),
    "page_view": (),
    "download": ("what", "format"),
    "deck": ("kind", "lang"),
    "upload_check": ("kind", "files", "rows_read", "would_publish", "quarantined", "outcome", "error"),
    "publish": ("kind", "files", "new_version", "rows", "quarantined", "outcome", "error"),
    "denied": ("reason", "param", "value", "requested_page"),
}
KEYS = ("time", "event", "user", "role", "source", "scope", "version", "page", "filters", "detail")

# A NIK is 16 digits; a space, dot or dash a person might type between groups is allowed too (two
# dates side by side, "2024-01-01 2024-12-31", are masked as well: safe, if less telling).
_LONG_DIGITS = re.compile(r"\d(?:[ .\-]?\d){15,}")
MAX_TEXT = 300  # longer strings are cut: a line stays small whatever a file name says
MAX_ITEMS = 50  # longer lists are cut (an upload of hundreds of files)
MASK = "*"
REDACTED = "[redacted]"
# Reading rotated files backwards, this much at a time.
CHUNK = 1 << 16
# How far out of time order two writers' lines may land (a slow write after a fast one).
ORDER_SLACK = dt.timedelta(minutes=5)


def path() -> Path:
    """The file events are appended to."""
    configured = os.environ.get(AUDIT_ENV, "").strip()
    return Path(configured) if configured else data_dir() / DEFAULT_FOLDER / DEFAULT_NAME


def _mask_digits(match: re.Match[str]) -> str:
    # As pantau.pseudonym.mask_nik: the first 6 and last 4 digits, enough to find a file, not a person.
    digits = [c for c in match.group(0) if c.isdigit()]
    return "".join(digits[:6]) + MASK * (len(digits) - 10) + "".join(digits[-4:])


def clean_text(text: str) -> str:
    """A string fit for the log: NIK-like digit runs masked, the NIK secret redacted, length capped."""
    secret = os.environ.get(SECRET_ENV, "")
    if len(secret) >= 4:  # a shorter "secret" would redact ordinary text; it is no secret anyway
        text = text.replace(secret, REDACTED)
    text = _LONG_DIGITS.sub(_mask_digits, text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT] + "…"


def clean(value: Any) -> Any:
    """Any JSON-able value with every string in it cleaned (dict keys too); other types as text."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, Mapping):
        return {clean_text(str(k)): clean(v) for k, v in list(value.items())[:MAX_ITEMS]}
    if isinstance(value, list | tuple | set | frozenset):
        return [clean(v) for v in list(value)[:MAX_ITEMS]]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return clean_text(str(value))


def _detail(event: str, detail: Mapping[str, Any]) -> dict[str, Any]:
    allowed = EVENTS[event]
    dropped = sorted(set(detail) - set(allowed))
    if dropped:
        log.warning("audit %s: detail key(s) %s are not allowed and were dropped", event, ", ".join(dropped))
    return {k: clean(detail[k]) for k in allowed if k in detail}


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def line(event: str, grant: Grant, version: str | None, *, page: str | None = None,
         filters: Mapping[str, str] | None = None, time: dt.datetime | None = None, **detail: Any) -> str:
    """The JSON line (with its newline) for one event; KeyError for an unknown event."""
    if event not in EVENTS:
        raise KeyError(f"unknown audit event {event!r}")
    record = {
        "time": (time or now()).astimezone(dt.UTC).isoformat(timespec="milliseconds"),
        "event": event,
        "user": clean_text(grant.user),
        "role": clean_text(grant.role),
        "source": clean_text(grant.source),
        "scope": clean_text(grant.scope.key()),
        "version": None if version is None else clean_text(version),
        "page": None if page is None else clean_text(page),
        "filters": clean(dict(filters)) if filters else {},
        "detail": _detail(event, detail),
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"


def _open_for_append(file: Path) -> int:
    if not file.parent.exists():
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    return os.open(file, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_CLOEXEC, 0o600)


def _write_locked(fd: int, data: bytes) -> None:
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        view = memoryview(data)
        while view:  # a regular file takes it in one write; the loop is for the rare short write
            view = view[os.write(fd, view):]
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)


def record(event: str, grant: Grant, version: str | None, *, page: str | None = None,
           filters: Mapping[str, str] | None = None, **detail: Any) -> bool:
    """Append one event; False (and an error in the server log) when it could not be written."""
    try:
        data = line(event, grant, version, page=page, filters=filters, **detail).encode("utf-8")
        file = path()
        fd = _open_for_append(file)
        try:
            _write_locked(fd, data)
        finally:
            os.close(fd)
        return True
    except Exception as e:  # the page goes on; the operator sees the gap in the server log
        log.error("audit log: could not record %s event for %s: %s: %s", event, clean_text(grant.user),
                  type(e).__name__, clean_text(str(e)))
        return False


# --- Reading ---


def files(file: Path | None = None) -> list[Path]:
    """The log and its rotated siblings, the newest (by modification time) first."""
    file = file or path()
    if not file.parent.is_dir():
        return []
    siblings = [p for p in file.parent.iterdir()
                if p.is_file() and (p == file or p.name.startswith((file.name + ".", file.name + "-")))]
    return sorted(siblings, key=lambda p: (p != file, -p.stat().st_mtime))


def _lines_backwards(file: Path) -> Iterator[bytes]:
    """The file's lines, last first, without reading it whole (a month of page views is large)."""
    if file.suffix == ".gz":
        with gzip.open(file, "rb") as f:
            yield from reversed(f.read().splitlines())
        return
    with file.open("rb") as f:
        f.seek(0, os.SEEK_END)
        position = f.tell()
        tail = b""
        while position > 0:
            step = min(CHUNK, position)
            position -= step
            f.seek(position)
            parts = (f.read(step) + tail).split(b"\n")
            tail = parts[0]
            yield from reversed(parts[1:])
        yield tail


def _parse(raw: bytes) -> dict | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        entry = json.loads(raw.decode("utf-8"))
        entry["_time"] = dt.datetime.fromisoformat(entry["time"])
    except (ValueError, KeyError, TypeError, AttributeError):  # a torn or foreign line: skip it
        return None
    if not isinstance(entry.get("event"), str) or entry["_time"].tzinfo is None:
        return None
    entry["_raw"] = raw.decode("utf-8").lower()
    return entry


def _aware(moment: dt.datetime | dt.date | None) -> dt.datetime | None:
    if moment is None:
        return None
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def search(user: str | None = None, event: str | None = None, since: dt.datetime | dt.date | None = None,
           until: dt.datetime | dt.date | None = None, text: str | None = None, limit: int = 1000) -> list[dict]:
    """Events, newest first, at most `limit`; lines that are not whole events are skipped.

    `user`: part of the user's e-mail, any case; `event`: one event name; `since` (inclusive) and
    `until` (exclusive): aware datetimes (naive ones and dates are taken as UTC); `text`: appears
    anywhere in the line, any case.
    """
    since, until = _aware(since), _aware(until)
    user = (user or "").strip().lower()
    text = (text or "").strip().lower()
    if limit <= 0:
        return []
    newest: list[tuple[dt.datetime, int, dict]] = []  # a min-heap of the newest `limit` matches
    seen = 0
    for file in files():
        modified = dt.datetime.fromtimestamp(file.stat().st_mtime, dt.UTC)
        # Lines are appended in time order, so a file last written before the cut-off holds nothing newer.
        if since is not None and modified < since or len(newest) == limit and modified < newest[0][0]:
            continue
        for raw in _lines_backwards(file):
            entry = _parse(raw)
            if entry is None:
                continue
            moment = entry.pop("_time")
            haystack = entry.pop("_raw")
            # Reading backwards: once well past the oldest kept (or before `since`), the rest is older still.
            # The slack allows for writers whose lines landed a little out of order.
            if (since is not None and moment < since - ORDER_SLACK
                    or len(newest) == limit and moment < newest[0][0] - ORDER_SLACK):
                break
            if not _matches(entry, moment, haystack, user, event, since, until, text):
                continue
            seen += 1
            item = (moment, -seen, entry)  # the same millisecond: the line read first (newer) wins
            if len(newest) < limit:
                heapq.heappush(newest, item)
            elif item[:2] > newest[0][:2]:
                heapq.heapreplace(newest, item)
    return [entry for _, _, entry in sorted(newest, key=lambda item: item[:2], reverse=True)]


def _matches(entry: dict, moment: dt.datetime, haystack: str, user: str, event: str | None,
             since: dt.datetime | None, until: dt.datetime | None, text: str) -> bool:
    if since is not None and moment < since or until is not None and moment >= until:
        return False
    if event and entry.get("event") != event:
        return False
    if user and user not in str(entry.get("user", "")).lower():
        return False
    return not text or text in haystack
