"""Make sure a dataset is published before any page queries it: on a fresh checkout, build the demo."""

from __future__ import annotations

import logging
import threading

import streamlit as st

from pantau import remote, store
from pantau.i18n import t

log = logging.getLogger(__name__)

DEMO_SEED = 7

# Sessions share the process: the first one builds the demo, the others wait for it instead of
# generating a second copy.
_build_lock = threading.Lock()


def _build_demo() -> None:
    from pantau import demo
    from pantau.cli import build_demo

    build_demo(DEMO_SEED, demo.DEFAULT_SCALE, demo.DEFAULT_YEARS)


def ensure(lang: str) -> store.Version:
    """The current version; builds the demo dataset first if none is published (then reruns).

    A replica reading object storage (PANTAU_DATA=s3://...) that cannot get a version says why in one
    line and stops; it never builds a demo.
    """
    try:
        version = store.current_version()
    except remote.RemoteError as e:
        log.warning("no dataset to serve: %s", e)
        st.error(str(e), icon=":material/cloud_off:")
        st.stop()
    if version is not None:
        return version
    with st.status(t("demo.preparing", lang), expanded=True) as status:
        st.write(t("demo.preparing_detail", lang))
        try:
            with _build_lock:
                if store.current_version() is None:
                    _build_demo()
        except Exception:
            # The user gets a plain message; the server log keeps the traceback.
            log.exception("building the demo dataset failed")
            status.update(label=t("demo.failed", lang), state="error")
            st.error(t("demo.failed", lang))
            st.stop()
        status.update(label=t("demo.ready", lang), state="complete")
    st.rerun()
