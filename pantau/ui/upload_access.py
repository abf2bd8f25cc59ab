"""Who may use the Upload page: data stewards and administrators, on a server that takes uploads."""

from __future__ import annotations

import os

import streamlit as st

from pantau import access
from pantau.i18n import t
from pantau.paths import remote_data
from pantau.ui import state

SWITCH = "PANTAU_UPLOAD"


def upload_allowed() -> bool:
    """Whether this session may upload and publish data.

    The session's role must allow uploads (the page is not even in its navigation otherwise: this
    guards a direct call); `PANTAU_UPLOAD=off` closes the page on a server that must not take
    uploads. Read on every call, so a test (or an operator) can flip it without a restart.
    A replica reading object storage (PANTAU_DATA=s3://...) never publishes: it says where to instead.
    """
    if not access.current().can(access.UPLOAD):
        return False
    if (url := remote_data()) is not None:
        st.info(t("upload.replica", state.lang(), url=url), icon=":material/cloud:")
        return False
    return os.environ.get(SWITCH, "").strip().lower() != "off"
