"""Sign-in (OIDC) settings: the [auth] section of Streamlit's secrets, or environment variables.

st.login reads [auth] from Streamlit's secrets only: .streamlit/secrets.toml, or the files the
`secrets.files` option names (STREAMLIT_SECRETS_FILES). A server configured through its
environment gets the same section built from the PANTAU_OIDC_* variables below, handed to Streamlit
with Secrets.merge_programmatic_secrets (what st.App(secrets=...) does) on the first script run;
a variable wins over the same key in the file.

The cookie secret is the exception: it comes from Streamlit's own option server.cookieSecret
(STREAMLIT_SERVER_COOKIE_SECRET) when [auth] has none. Streamlit reads that option when the server
starts and checks sign-in cookies before any script has run; a cookie secret merged on the first
run would come too late for the first session after a restart (it would see a signed-in user as
signed out once).

Streamlit only ever gets a complete section: an incomplete one (a key missing, in the file or
among the variables) is reported by name and leaves sign-in closed, never open.

Docs: docs/ACCESS.md, "Sign-in (OIDC)".
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# [auth] key: the environment variable that sets it.
ENV = {
    "server_metadata_url": "PANTAU_OIDC_METADATA_URL",
    "client_id": "PANTAU_OIDC_CLIENT_ID",
    "client_secret": "PANTAU_OIDC_CLIENT_SECRET",
    "redirect_uri": "PANTAU_OIDC_REDIRECT_URI",
}
COOKIE_SECRET_ENV = "STREAMLIT_SERVER_COOKIE_SECRET"  # Streamlit's server.cookieSecret
# Optional: the scopes asked for (client_kwargs.scope), e.g. "openid email profile groups" when the
# identity provider sends the groups claim only on request. Streamlit's default: "openid email profile".
SCOPE_ENV = "PANTAU_OIDC_SCOPE"
REQUIRED = ("redirect_uri", "cookie_secret")
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
CALLBACK_PATH = "/oauth2callback"  # Streamlit's fixed callback route


@dataclass(frozen=True)
class Status:
    """What the settings amount to: none at all, complete, or what is wrong with them."""

    configured: bool  # any sign-in setting at all (then there is no demo or developer access)
    missing: tuple[str, ...] = ()  # [auth] keys without a value
    bad_redirect: str = ""  # a redirect_uri that Streamlit's callback route cannot answer

    @property
    def complete(self) -> bool:
        return self.configured and not self.missing and not self.bad_redirect


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The [auth] keys the PANTAU_OIDC_* variables set (blank ones count as unset)."""
    environ = os.environ if environ is None else environ
    section: dict[str, Any] = {key: environ[var].strip() for key, var in ENV.items() if environ.get(var, "").strip()}
    if scope := environ.get(SCOPE_ENV, "").strip():
        section["client_kwargs"] = {"scope": scope}
    return section


def combine(file_section: Mapping[str, Any], env_section: Mapping[str, Any]) -> dict[str, Any]:
    """The file's [auth] with the variables on top (client_kwargs merged key by key)."""
    combined = {key: _plain(value) for key, value in file_section.items()}
    for key, value in env_section.items():
        if key == "client_kwargs":
            combined[key] = {**combined.get(key, {}), **value}
        else:
            combined[key] = value
    return combined


def check(section: Mapping[str, Any]) -> Status:
    """Whether `section` (an [auth] section, possibly empty) is enough for st.login()."""
    if not section:
        return Status(configured=False)
    # st.login() signs in with the default provider: its keys sit in [auth] or in [auth.default].
    provider = section.get("default")
    provider = provider if isinstance(provider, Mapping) else section
    missing = tuple(k for k in REQUIRED if not _filled(section.get(k)))
    missing += tuple(k for k in PROVIDER_KEYS if not _filled(provider.get(k)))
    redirect = str(section.get("redirect_uri") or "")
    bad = redirect if redirect and not redirect.rstrip().endswith(CALLBACK_PATH) else ""
    return Status(configured=True, missing=missing, bad_redirect=bad)


def describe_missing(keys: tuple[str, ...]) -> str:
    """"redirect_uri (PANTAU_OIDC_REDIRECT_URI), ..." for a message to the administrator."""
    variables = {**ENV, "cookie_secret": COOKIE_SECRET_ENV}
    return ", ".join(f"{k} ({variables[k]})" if k in variables else k for k in keys)


def apply() -> Status:
    """Check the sign-in settings and, when the environment completes them, hand them to Streamlit.

    Called on every script run (pantau/ui/access.py); merges only when the combined section
    differs from what Streamlit holds, so a run costs a dictionary comparison.
    """
    from streamlit.auth_util import get_secrets_auth_section

    try:
        current = get_secrets_auth_section().to_dict()
    except Exception:  # an unreadable secrets.toml: Streamlit logs the parse error itself
        current = {}
    additions = from_environment()
    if (current or additions) and not _filled(current.get("cookie_secret")):
        additions.update(_streamlit_cookie_secret())
    if not additions:
        return check(current)
    combined = combine(current, additions)
    status = check(combined)
    if status.complete and combined != current:
        from streamlit.runtime.secrets import secrets_singleton

        secrets_singleton.load_if_toml_exists()  # the files first, so the merge keeps their other keys
        secrets_singleton.merge_programmatic_secrets({"auth": combined})
    return status


def _streamlit_cookie_secret() -> dict[str, str]:
    """{"cookie_secret": server.cookieSecret} when the operator set that option (else it is random)."""
    from streamlit import config

    if not config.is_manually_set("server.cookieSecret"):
        return {}
    return {"cookie_secret": str(config.get_option("server.cookieSecret"))}


def _plain(value: Any) -> Any:
    return value.to_dict() if hasattr(value, "to_dict") else value


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))
