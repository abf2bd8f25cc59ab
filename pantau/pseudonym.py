"""NIK -> person_key (HMAC-SHA256), the key's secret, and NIK masking for reports.

Both ministries' extracts are keyed with the same secret, which is what lets departures link
to registrations without either side sharing identities.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

from pantau.paths import REPO, data_dir

SECRET_ENV = "PANTAU_SECRET"
SECRET_FILE_ENV = "PANTAU_SECRET_FILE"
LOCAL_SECRET_NAME = "secret.key"


class SecretMissing(ValueError):
    """A real dataset needs the shared NIK secret, and none is configured."""


def _secrets_toml() -> str | None:
    """PANTAU_SECRET from .streamlit/secrets.toml (the repository's, then the user's), as Streamlit reads it."""
    for folder in (REPO / ".streamlit", Path.home() / ".streamlit"):
        try:
            with (folder / "secrets.toml").open("rb") as f:
                value = tomllib.load(f).get(SECRET_ENV)
        except (OSError, tomllib.TOMLDecodeError):
            continue
        if isinstance(value, str) and value:
            return value
    return None


def load_secret(demo: bool = False) -> bytes:
    """The secret from PANTAU_SECRET (environment or .streamlit/secrets.toml) or PANTAU_SECRET_FILE.

    Real extracts must be keyed with the secret both ministries share: without one, SecretMissing.
    Demo data may use a local secret, made once in the data folder (never in git).
    """
    if value := os.environ.get(SECRET_ENV):
        return value.encode()
    if path := os.environ.get(SECRET_FILE_ENV):
        return Path(path).read_bytes().strip()
    if value := _secrets_toml():
        return value.encode()
    if not demo:
        raise SecretMissing(
            f"{SECRET_ENV} is not set: real extracts must be keyed with the secret both ministries share. "
            f"Set it in the environment, name a file with {SECRET_FILE_ENV}, or put {SECRET_ENV} = \"...\" "
            "in .streamlit/secrets.toml (never in git)"
        )
    local = data_dir() / LOCAL_SECRET_NAME
    if not local.exists():
        local.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(local, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32))
        print(f"note: {SECRET_ENV} not set; generated a local secret for demo data in {local}", file=sys.stderr)
    return local.read_bytes().strip()


def fingerprint(secret: bytes) -> str:
    """Identifies a secret without revealing it, so a version keyed differently is refused."""
    return hmac.new(secret, b"pantau-pmi key fingerprint", hashlib.sha256).hexdigest()[:16]


def person_keys(secret: bytes, niks: Iterable[str | None]) -> list[str | None]:
    base = hmac.new(secret, digestmod=hashlib.sha256)
    keys: list[str | None] = []
    cache: dict[str, str] = {}
    for nik in niks:
        if nik is None:
            keys.append(None)
            continue
        key = cache.get(nik)
        if key is None:
            h = base.copy()
            h.update(nik.encode())
            key = cache[nik] = h.hexdigest()
        keys.append(key)
    return keys


def mask_nik(value: str | None) -> str | None:
    """First 6 and last 4 digits only: enough to find the row, not the person."""
    if value is None:
        return None
    digits = "".join(ch for ch in value if ch.isdigit())
    if len(digits) <= 10:
        return "*" * len(digits)
    return digits[:6] + "*" * (len(digits) - 10) + digits[-4:]
