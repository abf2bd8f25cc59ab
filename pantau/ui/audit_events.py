"""The audit log's hooks in the dashboard: small functions the entry point and pages call (pantau/audit.py writes).

- sign_in: once per session and grant (dashboard.py, right after the grant is resolved);
- navigated: a page view once per change of page, filters, dataset version or user, and `denied`
  for a page the grant may not open and for URL areas outside its scope (dashboard.py);
- deferred: wraps a download button's data callable. Streamlit runs it later in a server thread
  with no script run, where there is no session and access.current() is NOBODY, so the session's
  grant, version, page and filters are captured when the button is drawn; the callable then acts
  under that grant and records the event once the file is made;
- upload: a check or a publish on the upload page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from pantau import access, audit, store, upload
from pantau.access import Grant
from pantau.filters import Filters, Notice

K_SIGNED_IN = "_audit_signed_in"  # the grant sign_in was recorded for
K_VIEW = "_audit_view"  # the last page view recorded: (page, filters, version, user)
K_DENIED_PAGE = "_audit_denied_page"  # the page refused in the last run (not recorded twice in a row)
K_DENIED_PARAMS = "_audit_denied_params"  # URL areas outside the scope already recorded
K_CONTEXT = "_audit_context"  # (version id, page) of this run, for events recorded later


@dataclass(frozen=True)
class Context:
    """What an event made outside the script run needs to know about the session that asked for it."""

    grant: Grant
    version: str | None
    page: str | None
    filters: dict[str, str]

    def record(self, event: str, **detail: Any) -> bool:
        return audit.record(event, self.grant, self.version, page=self.page, filters=self.filters, **detail)


def context(filters: Filters | None = None) -> Context:
    """The session as of now (call it while the page is drawn); `filters`: what the event covers."""
    version, page = st.session_state.get(K_CONTEXT, (None, None))
    return Context(access.current(), version, page, filters.query_params() if filters else {})


def sign_in(grant: Grant, version: store.Version | None) -> None:
    """A sign-in, the first time this session runs under this grant."""
    if st.session_state.get(K_SIGNED_IN) == grant:
        return
    st.session_state[K_SIGNED_IN] = grant
    audit.record("sign_in", grant, version.id if version else None)


def _page_name(page: st.Page, pages: Sequence[tuple], grant: Grant) -> str:
    # The default page reports an empty url_path: it is the first page the grant may open.
    return page.url_path or next((name for _, name, _, capability in pages if grant.can(capability)), "")


def _requested_page(pages: Sequence[tuple], grant: Grant) -> str | None:
    """A page of `pages` this run asked for that the grant may not open (its URL or a page switch)."""
    from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    from streamlit.util import calc_hash

    ctx = get_script_run_ctx(suppress_warning=True)
    try:
        wanted_hash = ctx.pages_manager.intended_page_script_hash
        wanted_name = ctx.pages_manager.intended_page_name
    except AttributeError:  # no script run, or a Streamlit without these: nothing to tell
        return None
    for _, name, _, capability in pages:
        if not grant.can(capability) and (wanted_hash == calc_hash(name) or wanted_name == name):
            return name
    return None


def _denied_page(pages: Sequence[tuple], grant: Grant, version: str | None, page: str) -> None:
    refused = _requested_page(pages, grant)
    if refused is not None and st.session_state.get(K_DENIED_PAGE) != refused:
        audit.record("denied", grant, version, page=page, reason="page", requested_page=refused)
    st.session_state[K_DENIED_PAGE] = refused


def _denied_params(notices: Iterable[Notice], grant: Grant, version: str | None, page: str) -> None:
    done: set = st.session_state.setdefault(K_DENIED_PARAMS, set())
    for notice in notices:
        if notice.reason == "outside_scope" and (notice.param, notice.value) not in done:
            done.add((notice.param, notice.value))
            audit.record("denied", grant, version, page=page, reason="outside_scope", param=notice.param,
                         value=notice.value)


def navigated(page: st.Page, pages: Sequence[tuple], grant: Grant, version: store.Version | None, filters: Filters,
              notices: Iterable[Notice] = ()) -> None:
    """After st.navigation: the page view (once per change), what was refused, and the run's context.

    `page` is what st.navigation returned, `pages` dashboard.PAGES, `filters` what the page shows.
    """
    version_id = version.id if version else None
    name = _page_name(page, pages, grant)
    st.session_state[K_CONTEXT] = (version_id, name)
    _denied_page(pages, grant, version_id, name)
    _denied_params(notices, grant, version_id, name)
    params = filters.query_params()
    view = (name, tuple(sorted(params.items())), version_id, grant)
    if st.session_state.get(K_VIEW) != view:
        st.session_state[K_VIEW] = view
        audit.record("page_view", grant, version_id, page=name, filters=params)


def deferred(make: Callable[[], Any], event: str, filters: Filters | None = None, **detail: Any) -> Callable[[], Any]:
    """A download button's data callable that makes the file under the session's grant, then records it.

    Call this while the page is drawn (it captures the session); the event is recorded only when the
    file was made, i.e. when the button was pressed.
    """
    captured = context(filters)

    def make_and_record() -> Any:
        with access.acting_as(captured.grant):
            data = make()
        captured.record(event, **detail)
        return data

    return make_and_record


def _files_detail(files: list, outcome: upload.Outcome | None) -> list[dict[str, Any]]:
    if outcome is None:
        return [{"name": upload.safe_name(f.name)} for f in files]
    return [{"name": f.file, "kind": f.kind, "rows_read": f.rows_read, "rows_published": f.rows_published,
             "rows_quarantined": f.rows_quarantined} for f in outcome.report.files]


def upload_event(event: str, files: list, kind: str, outcome: upload.Outcome | None) -> None:
    """An upload check ("upload_check") or publish ("publish") on the upload page; None: it failed."""
    detail: dict[str, Any] = {"kind": kind, "files": _files_detail(files, outcome),
                              "outcome": "ok" if outcome is not None else "failed"}
    if outcome is not None:
        report = outcome.report
        rows = sum(f.rows_published for f in report.files)
        detail["quarantined"] = report.rows_quarantined
        if event == "publish":
            detail["rows"] = rows
            detail["new_version"] = report.version if report.published_new_version else None
        else:
            detail["rows_read"] = sum(f.rows_read for f in report.files)
            detail["would_publish"] = rows
    context().record(event, **detail)
