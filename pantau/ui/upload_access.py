"""Who may use the Upload page: data stewards and administrators, on a server that takes uploads."""

from __future__ import annotations

import os

from pantau import access

SWITCH = "PANTAU_UPLOAD"


def upload_allowed() -> bool:
    """Whether this session may upload and publish data.

    The session's role must allow uploads (the page is not even in its navigation otherwise: this
    guards a direct call); `PANTAU_UPLOAD=off` closes the page on a server that must not take
    uploads. Read on every call, so a test (or an operator) can flip it without a restart.
    """
    return access.current().can(access.UPLOAD) and os.environ.get(SWITCH, "").strip().lower() != "off"
