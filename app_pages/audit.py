"""Log audit / Audit log (administrators): search the events pantau/audit.py recorded, newest first.

Dates are picked and times shown in WIB (UTC+7, where the ministry sits); the log itself is in UTC.
The search's results download as CSV, and that download is itself recorded.
"""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import streamlit as st

from pantau import access, audit
from pantau.i18n import date_input_format, fmt_int, t
from pantau.ui import audit_events, state

WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
LIMIT = 1000
DEFAULT_DAYS = 7
COLUMNS = ("time", "event", "user", "role", "source", "scope", "version", "page", "filters", "detail")
# A spreadsheet runs a cell that starts with one of these as a formula (a user name or file name could).
FORMULA_STARTS = ("=", "+", "-", "@")

lang = state.lang()


def when(entry: dict) -> str:
    return dt.datetime.fromisoformat(entry["time"]).astimezone(WIB).strftime("%Y-%m-%d %H:%M:%S")


def event_name(event: str) -> str:
    key = f"audit.event.{event}"
    return t(key, lang) if event in audit.EVENTS else event


def table(entries: list[dict]) -> pd.DataFrame:
    """The entries as shown: WIB times, event names in words, filters as URL text, detail as JSON."""
    rows = [{
        "time": when(e),
        "event": event_name(str(e.get("event", ""))),
        "user": e.get("user") or "",
        "role": e.get("role") or "",
        "source": e.get("source") or "",
        "scope": e.get("scope") or "",
        "version": e.get("version") or "",
        "page": e.get("page") or "",
        "filters": "&".join(f"{k}={v}" for k, v in (e.get("filters") or {}).items()),
        "detail": json.dumps(e.get("detail") or {}, ensure_ascii=False, separators=(",", ":")),
    } for e in entries]
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    return frame.rename(columns={c: t(f"audit.col.{c}", lang) for c in COLUMNS})


def csv_bytes(frame: pd.DataFrame) -> bytes:
    safe = frame.map(lambda v: f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v)
    return safe.to_csv(index=False).encode("utf-8")


def period(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """Whole WIB days from start to end, as [since, until)."""
    start, end = min(start, end), max(start, end)
    return (dt.datetime.combine(start, dt.time(), WIB),
            dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), WIB))


st.title(t("audit.title", lang))
if not access.current().can(access.AUDIT):  # not in the navigation for others; this guards a direct run
    st.error(t("audit.not_allowed", lang), icon=":material/lock:")
    st.stop()
st.caption(t("audit.intro", lang))

today = dt.datetime.now(WIB).date()
who, what, first, last, words = st.columns([3, 2, 2, 2, 3])
user = who.text_input(t("audit.user", lang), key="_audit_user", help=t("audit.user.help", lang))
event = what.selectbox(t("audit.event", lang), ("", *audit.EVENTS), key="_audit_event",
                       format_func=lambda e: event_name(e) if e else t("audit.event.all", lang))
start = first.date_input(t("audit.from", lang), value=today - dt.timedelta(days=DEFAULT_DAYS - 1),
                         key="_audit_from", format=date_input_format(lang))
end = last.date_input(t("audit.to", lang), value=today, key="_audit_to", format=date_input_format(lang))
text = words.text_input(t("audit.text", lang), key="_audit_text", help=t("audit.text.help", lang))

since, until = period(start, end)
entries = audit.search(user=user, event=event or None, since=since, until=until, text=text, limit=LIMIT)
st.caption(t("audit.count", lang, n=fmt_int(len(entries), lang)))
if len(entries) == LIMIT:
    st.warning(t("audit.limited", lang, limit=fmt_int(LIMIT, lang)), icon=":material/filter_alt:")
if not entries:
    st.info(t("audit.none", lang), icon=":material/search_off:")
else:
    frame = table(entries)
    st.dataframe(frame, hide_index=True)
    stamp = today.isoformat()
    st.download_button(
        t("audit.download", lang),
        audit_events.deferred(lambda: csv_bytes(frame), "download", what="audit_log", format="csv"),
        file_name=f"pantau-pmi_audit_{start.isoformat()}_{end.isoformat()}_{stamp}.csv", mime="text/csv",
        key="_audit_download", on_click="ignore", icon=":material/download:", help=t("audit.download.help", lang),
    )
