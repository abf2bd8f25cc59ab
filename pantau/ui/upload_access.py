"""Who may use the Upload page: the one place a later access check plugs in."""

from __future__ import annotations

import os

SWITCH = "PANTAU_UPLOAD"


def upload_allowed() -> bool:
    """Whether this session may upload and publish data.

    Open to everyone for now; `PANTAU_UPLOAD=off` closes the page on a server that must not take
    uploads. Read on every call, so a test (or an operator) can flip it without a restart.
    """
    return os.environ.get(SWITCH, "").strip().lower() != "off"
