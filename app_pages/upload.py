"""Unggah data / Upload: check extract files, read the validation report, then publish or cancel.

The whole body sits behind upload_access.upload_allowed(), where access control plugs in later.
A check belongs to the exact uploads and kind it was made for: a new upload or another kind drops
it. Publish and cancel give the uploader a new key, which empties it and lets Streamlit release
the uploaded bytes; the raw files never stay on disk (pantau/upload.py).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass

import streamlit as st

from pantau import store, upload
from pantau.i18n import t
from pantau.ingest import IngestError
from pantau.ui import audit_events, state, upload_report
from pantau.ui.banners import code_span
from pantau.ui.upload_access import upload_allowed

log = logging.getLogger(__name__)

AUTO = "auto"
K_GENERATION = "_upload_generation"  # part of the uploader's key: a new number empties it
K_CHECK = "_upload_check"
K_ERROR = "_upload_error"
K_RESULT = "_upload_result"
K_CANCELLED = "_upload_cancelled"
# Errors a steward can act on; anything else is a bug, told apart in the message and the log.
EXPECTED_ERRORS = (IngestError, store.PublishError, OSError)
MAX_DETAIL = 300

lang = state.lang()


@dataclass
class Checked:
    signature: tuple
    outcome: upload.Outcome


@dataclass
class Published:
    outcome: upload.Outcome
    matches_check: bool


def signature(files: list, kind: str) -> tuple:
    """What a check was made for: each upload (Streamlit's file id, name, size) and the kind."""
    return tuple((f.file_id, f.name, f.size) for f in files) + (kind,)


def uploads(files: list) -> list[upload.Upload]:
    return [upload.Upload(f.name, f.getvalue()) for f in files]


def error_text(error: tuple[str, object]) -> str:
    kind, payload = error
    if kind == "file":
        # The known reason in words, the raw code otherwise; the reader's detail after it.
        reason = upload_report.file_reason_text(payload.code, lang)
        if payload.detail:
            reason = f"{reason}: {payload.detail}"
        return t("upload.error.file", lang, file=code_span(payload.file), reason=code_span(reason[:MAX_DETAIL]))
    if kind == "other":
        return t("upload.error.other", lang, message=code_span(str(payload)[:MAX_DETAIL]))
    return t("upload.error.unexpected", lang)


def run(step: str, action: Callable[..., upload.Outcome], files: list, kind: str) -> upload.Outcome | None:
    """Run check or publish; on failure keep a plain message for the page, never a stack trace."""
    try:
        return action(uploads(files), None if kind == AUTO else kind)
    except EXPECTED_ERRORS as e:
        # Messages may quote a row of the file: mask anything shaped like a NIK before showing it.
        message = upload.mask_niks(str(e))
        found = upload.file_error(message, [f.name for f in files])
        error = ("file", found) if found else ("other", message)
    except Exception as e:
        # The message may quote the input (NIKs): log where it failed, not what it said.
        frames = "".join(traceback.format_tb(e.__traceback__))
        log.error("upload %s failed with %s:\n%s", step, type(e).__name__, frames)
        error = ("unexpected", None)
    st.session_state[K_ERROR] = (signature(files, kind), error)
    return None


def forget(*state_keys: str) -> None:
    for key in state_keys:
        st.session_state.pop(key, None)


def start_over() -> None:
    """Empty the uploader (new key) and drop the check."""
    forget(K_CHECK, K_ERROR)
    st.session_state[K_GENERATION] += 1


def confirmation(current: store.Version | None) -> str:
    """What publishing means here; over demo data, that the demo is replaced, not added to."""
    if current is None:
        return t("upload.confirm_first", lang)
    key = "upload.confirm_demo" if current.demo else "upload.confirm"
    return t(key, lang, version=code_span(current.id))


def show_result(result: Published) -> None:
    report = result.outcome.report
    if report.published_new_version:
        st.success(t("upload.published", lang, version=code_span(report.version)), icon=":material/check_circle:")
    else:
        st.info(t("upload.published_nothing", lang, version=code_span(report.version)))
    if not result.matches_check:
        st.warning(t("upload.published_differs", lang))
    upload_report.show(result.outcome, lang, published=True, stem=report.version or "none")


def publish(checked: Checked, files: list, kind: str) -> None:
    with st.spinner(t("upload.publishing", lang)):
        outcome = run("publish", upload.publish, files, kind)
    audit_events.upload_event("publish", files, kind, outcome)
    if outcome is None:
        st.rerun()
    # Query results are cached per version id; clearing frees the old version's entries at once.
    st.cache_data.clear()
    st.session_state[K_RESULT] = Published(outcome, upload.same_outcome(checked.outcome.report, outcome.report))
    start_over()
    # The sidebar, banners and footer were drawn for the old version: draw them again.
    st.rerun()


def review(checked: Checked, files: list, kind: str) -> None:
    """The check's report, what publishing would mean, and the two ways out."""
    report = checked.outcome.report
    upload_report.show(checked.outcome, lang, published=False, stem="check")
    changes = upload.would_change(report)
    if changes:
        current = store.current_version()
        notice = st.warning if current is not None and current.demo else st.info
        notice(confirmation(current))
    else:
        st.info(t("upload.nothing_to_publish", lang, version=code_span(report.version)))
    buttons = st.container(horizontal=True)
    if buttons.button(t("upload.publish", lang), type="primary", disabled=not changes, key="_upload_publish",
                      icon=":material/publish:"):
        publish(checked, files, kind)
    if buttons.button(t("upload.cancel", lang), key="_upload_cancel", icon=":material/close:"):
        start_over()
        st.session_state[K_CANCELLED] = True
        st.rerun()


st.title(t("upload.title", lang))
if not upload_allowed():
    st.info(t("upload.not_available", lang), icon=":material/lock:")
else:
    st.caption(t("upload.intro", lang))
    generation = st.session_state.setdefault(K_GENERATION, 0)
    files = st.file_uploader(t("upload.files", lang), type=list(upload.SUFFIXES), accept_multiple_files=True,
                             key=f"_upload_files_{generation}", help=t("upload.files.help", lang)) or []
    kind = st.selectbox(t("upload.kind", lang), (AUTO, *upload.KINDS), key=f"_upload_kind_{generation}",
                        format_func=lambda k: t(f"upload.kind.{k}", lang), help=t("upload.kind.help", lang))
    current_signature = signature(files, kind)
    checked = st.session_state.get(K_CHECK)
    if checked is not None and checked.signature != current_signature:
        forget(K_CHECK)
        checked = None
    if st.session_state.get(K_ERROR, (current_signature,))[0] != current_signature:
        forget(K_ERROR)
    if files:
        forget(K_RESULT, K_CANCELLED)

    if st.button(t("upload.check", lang), type="primary", disabled=not files, key="_upload_check_button",
                 icon=":material/fact_check:"):
        forget(K_CHECK, K_ERROR)
        with st.spinner(t("upload.checking", lang)):
            outcome = run("check", upload.check, files, kind)
        audit_events.upload_event("upload_check", files, kind, outcome)
        checked = Checked(current_signature, outcome) if outcome else None
        if checked:
            st.session_state[K_CHECK] = checked

    if K_ERROR in st.session_state:
        st.error(error_text(st.session_state[K_ERROR][1]), icon=":material/error:")
    if st.session_state.pop(K_CANCELLED, False):
        st.info(t("upload.cancelled", lang))
    if K_RESULT in st.session_state:
        show_result(st.session_state[K_RESULT])
    elif checked is not None:
        review(checked, files, kind)
    elif not files:
        st.caption(t("upload.prompt", lang))
