"""Sign-in settings and secrets: where [auth] comes from, what is refused, and that no secret is in git.

The sign-in itself, through a real OIDC provider and a browser: tests/test_signin_browser.py.
Figures: tests/extracts.py (2024, province 32 = regency 3201: 2 registrations, 3 labour departures).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from extracts import NATIONAL_2024, PROVINCE_32_2024
from streamlit.testing.v1 import AppTest

from pantau.i18n import t
from pantau.ui import auth_settings

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = str(REPO / "dashboard.py")
YEAR_2024 = {"start": "2024-01-01", "end": "2024-12-31"}
COMPLETE_ENV = {
    "PANTAU_OIDC_METADATA_URL": "http://127.0.0.1:9/.well-known/openid-configuration",  # never fetched here
    "PANTAU_OIDC_CLIENT_ID": "pantau-test",
    "PANTAU_OIDC_CLIENT_SECRET": "test-client-secret",
    "PANTAU_OIDC_REDIRECT_URI": "http://127.0.0.1:8501/oauth2callback",
}
COOKIE_SECRET = "test-cookie-secret-of-some-length"  # server.cookieSecret (STREAMLIT_SERVER_COOKIE_SECRET)
AUTH_TOML = """[auth]
redirect_uri = "http://127.0.0.1:8501/oauth2callback"
cookie_secret = "test-cookie-secret-of-some-length"
client_id = "pantau-test"
client_secret = "test-client-secret"
server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"
"""


# -- the settings, as plain data ------------------------------------------------------------------

def test_environment_variables_make_an_auth_section():
    section = auth_settings.from_environment({**COMPLETE_ENV, "PANTAU_OIDC_SCOPE": " openid email groups ",
                                              "PANTAU_OIDC_CLIENT_SECRET": "  ", "UNRELATED": "x"})
    assert section == {
        "server_metadata_url": COMPLETE_ENV["PANTAU_OIDC_METADATA_URL"],
        "client_id": "pantau-test",
        "redirect_uri": COMPLETE_ENV["PANTAU_OIDC_REDIRECT_URI"],
        "client_kwargs": {"scope": "openid email groups"},
    }  # a blank variable is no setting
    assert auth_settings.from_environment({}) == {}


def test_variables_win_over_the_file_key_by_key():
    file_section = {"client_id": "from-file", "client_secret": "file-secret",
                    "client_kwargs": {"prompt": "login", "scope": "openid"}}
    env_section = {"client_id": "from-env", "client_kwargs": {"scope": "openid groups"}}
    combined = auth_settings.combine(file_section, env_section)
    assert combined == {"client_id": "from-env", "client_secret": "file-secret",
                        "client_kwargs": {"prompt": "login", "scope": "openid groups"}}


def test_check_names_every_missing_key():
    assert auth_settings.check({}) == auth_settings.Status(configured=False)
    status = auth_settings.check({"client_id": "x", "client_secret": " "})
    assert status.configured and not status.complete
    assert status.missing == ("redirect_uri", "cookie_secret", "client_secret", "server_metadata_url")
    assert auth_settings.describe_missing(status.missing[:2]) == (
        "redirect_uri (PANTAU_OIDC_REDIRECT_URI), cookie_secret (STREAMLIT_SERVER_COOKIE_SECRET)")
    full = auth_settings.from_environment(COMPLETE_ENV) | {"cookie_secret": COOKIE_SECRET}
    assert auth_settings.check(full).complete
    # The provider's keys may sit in [auth.default] instead (Streamlit reads them there first).
    nested = {k: full[k] for k in ("redirect_uri", "cookie_secret")} | {
        "default": {k: full[k] for k in auth_settings.PROVIDER_KEYS}}
    assert auth_settings.check(nested).complete
    wrong = auth_settings.check({**full, "redirect_uri": "https://pantau.example/callback"})
    assert wrong.missing == () and wrong.bad_redirect == "https://pantau.example/callback"


# -- nothing secret in git --------------------------------------------------------------------------

def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_no_secrets_file_is_tracked_and_the_local_one_is_ignored():
    tracked = _git("ls-files").stdout.splitlines()
    assert tracked, "not a git checkout"
    assert [f for f in tracked if Path(f).name == "secrets.toml" or f.startswith(".streamlit/secrets")] == []
    assert _git("check-ignore", "-q", ".streamlit/secrets.toml").returncode == 0
    # No tracked TOML carries an [auth] section or the NIK key (docs show placeholders in markdown only).
    for name in (f for f in tracked if f.endswith(".toml")):
        text = (REPO / name).read_text(encoding="utf-8")
        assert "[auth" not in text and "PANTAU_SECRET" not in text and "cookie_secret" not in text, name


# -- the dashboard (AppTest) -----------------------------------------------------------------------

@pytest.fixture
def secrets_file(tmp_path, monkeypatch) -> Path:
    """Streamlit's secrets read from this test's file only (absent until a test writes it), with no
    PANTAU_OIDC_* variable and no developer identity. Streamlit's process-wide secrets are dropped
    before and after: an [auth] left behind would put the next test's dashboard behind a sign-in."""
    monkeypatch.delenv("PANTAU_DEV_USER", raising=False)
    for var in (*auth_settings.ENV.values(), auth_settings.SCOPE_ENV):
        monkeypatch.delenv(var, raising=False)
    path = tmp_path / "secrets.toml"
    with option("secrets.files", [str(path)]):
        _forget_secrets()
        yield path
    _forget_secrets()


@contextmanager
def option(name: str, value: object) -> Iterator[None]:
    """A Streamlit config option set as the operator would (environment), then put back as it was."""
    from streamlit import config

    saved = config.get_option(name), config.get_where_defined(name)
    config.set_option(name, value, "environment variable")
    try:
        yield
    finally:
        config.set_option(name, *saved)


def _forget_secrets() -> None:
    from streamlit.runtime.secrets import secrets_singleton

    # Private state, in tests only: Streamlit offers no public way to drop loaded or merged secrets.
    secrets_singleton._reset()
    secrets_singleton._programmatic_secrets = None


def run_app(params: dict[str, str] | None = None, user: dict | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    if user is not None:
        at.user = user
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shows_no_figures(at: AppTest) -> bool:
    return len(at.metric) == 0 and at.get("plotly_chart") == [] and len(at.dataframe) == 0


def test_a_real_dataset_without_sign_in_is_refused(published, secrets_file):
    at = run_app(YEAR_2024)
    assert [e.value for e in at.error] == [t("access.not_configured")]
    assert shows_no_figures(at)


def test_a_developer_identity_still_works_without_sign_in(published, secrets_file, monkeypatch):
    # The control for the refusal above: the same dashboard opens for PANTAU_DEV_USER.
    monkeypatch.setenv("PANTAU_DEV_USER", "steward@test.example")
    at = run_app(YEAR_2024)
    assert at.metric[1].value == str(NATIONAL_2024["labour_departures"])


def test_incomplete_variables_are_named_and_nothing_opens(published, secrets_file, monkeypatch):
    monkeypatch.setenv("PANTAU_DEV_USER", "admin@test.example")  # ignored once sign-in is (partly) set
    monkeypatch.setenv("PANTAU_OIDC_CLIENT_ID", "pantau-test")
    monkeypatch.setenv("PANTAU_OIDC_METADATA_URL", COMPLETE_ENV["PANTAU_OIDC_METADATA_URL"])
    at = run_app(YEAR_2024)
    missing = "redirect_uri (PANTAU_OIDC_REDIRECT_URI), cookie_secret (STREAMLIT_SERVER_COOKIE_SECRET), " \
              "client_secret (PANTAU_OIDC_CLIENT_SECRET)"
    assert [e.value for e in at.error] == [t("signin.incomplete", missing=missing)]
    assert shows_no_figures(at) and len(at.main.button) == 0  # no sign-in button that would fail
    # Streamlit was not handed the half-made section.
    from streamlit.auth_util import get_secrets_auth_section

    assert not get_secrets_auth_section()


def test_an_incomplete_secrets_file_is_named_in_english_too(published, secrets_file):
    secrets_file.write_text(AUTH_TOML.replace('cookie_secret = "test-cookie-secret-of-some-length"\n', ""),
                            encoding="utf-8")
    at = run_app({**YEAR_2024, "lang": "en"})
    assert [e.value for e in at.error] == [
        t("signin.incomplete", "en", missing="cookie_secret (STREAMLIT_SERVER_COOKIE_SECRET)")]
    assert at.error[0].value.startswith("The sign-in (OIDC) settings are incomplete")
    assert shows_no_figures(at)


def test_a_redirect_uri_streamlit_cannot_answer_is_refused(published, secrets_file):
    secrets_file.write_text(AUTH_TOML.replace("/oauth2callback", "/callback"), encoding="utf-8")
    at = run_app(YEAR_2024)
    assert [e.value for e in at.error] == [t("signin.bad_redirect", uri="http://127.0.0.1:8501/callback")]
    assert shows_no_figures(at)


@pytest.fixture
def oidc_env(secrets_file, monkeypatch) -> Iterator[None]:
    """Sign-in configured the environment way: PANTAU_OIDC_* and STREAMLIT_SERVER_COOKIE_SECRET."""
    for name, value in COMPLETE_ENV.items():
        monkeypatch.setenv(name, value)
    with option("server.cookieSecret", COOKIE_SECRET):
        yield


def test_complete_variables_reach_streamlit_and_show_the_sign_in_screen(published, oidc_env, monkeypatch):
    monkeypatch.setenv("PANTAU_OIDC_SCOPE", "openid email profile groups")
    at = run_app(YEAR_2024, user={})
    assert [b.label for b in at.main.button] == [t("access.signin")]
    assert shows_no_figures(at)
    from streamlit.auth_util import get_secrets_auth_section, validate_auth_credentials

    section = get_secrets_auth_section().to_dict()
    assert section == {
        "server_metadata_url": COMPLETE_ENV["PANTAU_OIDC_METADATA_URL"], "client_id": "pantau-test",
        "client_secret": "test-client-secret", "redirect_uri": COMPLETE_ENV["PANTAU_OIDC_REDIRECT_URI"],
        "client_kwargs": {"scope": "openid email profile groups"},
        # Streamlit's own option, read when the server starts: even the first session after a restart
        # checks sign-in cookies with it (the merged [auth] exists only from the first script run).
        "cookie_secret": COOKIE_SECRET,
    }
    validate_auth_credentials("default")  # what st.login() checks: no error
    at.main.button[0].click().run()  # st.login() itself: Streamlit accepts the merged section
    assert not at.exception, [e.value for e in at.exception]


def test_without_a_cookie_secret_the_variables_are_incomplete(published, secrets_file, monkeypatch):
    # The control: Streamlit's random default server.cookieSecret does not count.
    for name, value in COMPLETE_ENV.items():
        monkeypatch.setenv(name, value)
    at = run_app(YEAR_2024, user={})
    assert [e.value for e in at.error] == [
        t("signin.incomplete", missing="cookie_secret (STREAMLIT_SERVER_COOKIE_SECRET)")]
    assert shows_no_figures(at)


def test_the_environment_completes_a_partial_file(published, secrets_file, monkeypatch):
    secrets_file.write_text(AUTH_TOML.replace('client_secret = "test-client-secret"\n', ""), encoding="utf-8")
    monkeypatch.setenv("PANTAU_OIDC_CLIENT_SECRET", "from-the-environment")
    with option("server.cookieSecret", "another-cookie-secret-of-some-length"):
        at = run_app(YEAR_2024, user={})
    assert [b.label for b in at.main.button] == [t("access.signin")]
    from streamlit.auth_util import get_secrets_auth_section

    section = get_secrets_auth_section()
    assert section["client_secret"] == "from-the-environment" and section["client_id"] == "pantau-test"
    assert section["cookie_secret"] == COOKIE_SECRET  # the file's own cookie secret stays


def test_a_signed_in_group_member_gets_the_groups_scope(published, secrets_file):
    secrets_file.write_text(AUTH_TOML, encoding="utf-8")
    at = run_app(YEAR_2024, user={"is_logged_in": True, "email": "someone@bp3mi-jabar.test.example",
                                  "groups": ["other", "bp3mi-jabar"]})
    assert at.metric[0].value == str(PROVINCE_32_2024["registrations"])
    assert at.metric[1].value == str(PROVINCE_32_2024["labour_departures"])
    account = at.sidebar.markdown[0].value if at.sidebar.markdown else ""
    assert "someone@bp3mi-jabar.test.example" in account and "Jawa Barat" in account
