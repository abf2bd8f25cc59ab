"""The session's grant: sign-in with st.login (OIDC) when [auth] is configured, else demo access.

dashboard.py calls resolve() on every run, before any page queries anything; the grant it keeps in
st.session_state is what pantau/access.py hands to every query of this session. A session that
may not see anything stops here with a message, never with a stack trace.

Without [auth]: a demo dataset is open to anyone as a viewer ("not signed in — demo access");
a real dataset is refused. PANTAU_DEV_USER=<e-mail> stands in for a signed-in user on a developer's
machine (tests, local work), with a banner saying so on every page; it is ignored when [auth] is set.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import streamlit as st

from pantau import access, roles, store
from pantau.access import Grant
from pantau.i18n import t
from pantau.ui import auth_settings

GRANT = "_grant"
DEV_USER_ENV = "PANTAU_DEV_USER"
DEMO_GRANT = Grant("", access.VIEWER, access.NATIONAL, access.DEMO)

access.set_session_resolver(lambda: st.session_state.get(GRANT))


def auth_configured() -> bool:
    """Whether secrets.toml (or the environment, pantau/ui/auth_settings.py) configures [auth]."""
    return auth_settings.apply().configured


def _refuse_incomplete(settings: auth_settings.Status, lang: str) -> None:
    """Stop with the keys an administrator must fill; st.login() would fail with a stack trace."""
    if settings.missing:
        _stop(t("signin.incomplete", lang, missing=auth_settings.describe_missing(settings.missing)),
              icon=":material/settings:")
    if settings.bad_redirect:
        _stop(t("signin.bad_redirect", lang, uri=settings.bad_redirect), icon=":material/settings:")


def _claim_list(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Sequence):
        return [str(v) for v in value]
    return []


def _stop(message: str, icon: str = ":material/lock:") -> None:
    st.error(message, icon=icon)
    st.stop()


def _turn_away(message: str, source: str, lang: str, user: str | None = None, reason: str = "no_role") -> None:
    """Stop with `message` (and say so in the audit log); an OIDC user may sign out and try another account."""
    from pantau import audit

    audit.record("denied", Grant((user or "").strip().lower(), access.NONE, access.NATIONAL, source), None,
                 reason=reason)
    st.error(message, icon=":material/lock:")
    if source == access.OIDC and st.button(t("access.signout", lang), icon=":material/logout:"):
        st.logout()
    st.stop()


def _signed_in_grant(lang: str) -> Grant:
    """The grant of the signed-in OIDC user; shows the sign-in screen (and stops) otherwise."""
    if not st.user.is_logged_in:
        st.title(t("app.title", lang))
        st.info(t("access.signin_intro", lang), icon=":material/login:")
        if st.button(t("access.signin", lang), type="primary", icon=":material/login:"):
            st.login()
        st.stop()
    return _from_roles(st.user.get("email"), lambda claim: _claim_list(st.user.get(claim)), access.OIDC, lang)


def _from_roles(email: str | None, groups_of, source: str, lang: str) -> Grant:
    try:
        table = roles.load()
    except roles.RolesError as e:
        _turn_away(t("access.roles_error", lang, error=str(e)), source, lang, email, "roles_file")
    grant = table.grant_for(email, groups_of(table.groups_claim), source)
    if grant is None:
        _turn_away(t("access.no_role", lang, user=email or "?"), source, lang, email)
    return grant


def resolve(version: store.Version, lang: str) -> Grant:
    """Work out this session's grant, keep it for the queries, and return it (or stop the run)."""
    st.session_state.pop(GRANT, None)
    settings = auth_settings.apply()
    if settings.configured:
        _refuse_incomplete(settings, lang)
        grant = _signed_in_grant(lang)
    elif dev_user := os.environ.get(DEV_USER_ENV, "").strip():
        grant = _from_roles(dev_user, lambda claim: [], access.DEV, lang)
    elif version.demo:
        grant = DEMO_GRANT
    else:
        _stop(t("access.not_configured", lang))
    st.session_state[GRANT] = grant
    return grant


def grant() -> Grant:
    """The session's grant (resolve() has run: dashboard.py calls it before any page)."""
    return st.session_state.get(GRANT) or access.NOBODY


def banner(grant: Grant, lang: str) -> None:
    """Who the page is shown for, when that is not a normal signed-in user."""
    if grant.source == access.DEMO:
        st.info(t("access.demo_banner", lang), icon=":material/person_off:")


def sidebar_account(grant: Grant, lang: str) -> None:
    """The user, role and scope at the top of the sidebar, with sign-out for OIDC users."""
    from pantau import reference

    if grant.scope.national:
        scope = t("access.scope_national", lang)
    else:
        names = {**reference.province_names(), **reference.regency_names()}
        scope = ", ".join(names.get(c, c) for c in (*grant.scope.provinces, *grant.scope.regencies))
    who = grant.user or t("access.anonymous", lang)
    st.sidebar.markdown(f":material/account_circle: **{who}**  \n"
                        f":gray[{t(f'role.{grant.role}', lang)} · {scope}]")
    if grant.source == access.DEV:
        # In the sidebar, not above the page: a developer's own machine, not a message for readers.
        st.sidebar.markdown(f":orange[:small[{t('access.dev_banner', lang)}]]")
    if grant.source == access.OIDC and st.sidebar.button(t("access.signout", lang), icon=":material/logout:"):
        st.logout()
