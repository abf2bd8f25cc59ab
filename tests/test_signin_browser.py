"""Sign-in for real: st.login against an OIDC provider on localhost, in Debian's chromium.

The provider is PyPI's oidc-provider-mock (a Flask app built on Authlib), started here on a free port.
Its authorisation page asks for the user's `sub`; a user the test has not predefined gets the claims
{"email": sub}, a predefined one (PROVIDER_USERS) its own claims, custom ones such as "groups" included.
The dashboard runs on the hand-built extracts (tests/extracts.py, a real, non-demo dataset), with the
roles of tests/roles.toml and no PANTAU_DEV_USER, so every figure is one the sign-in opened.

Figures (2024, opened by URL after the sign-in), the seven overview KPIs
(registrations, labour departures, procedural, non-procedural, prevented, cases, trafficking cases):
- Jawa Tengah (33) is regency 3301 alone (people B, D, E): REGENCY_3301_2024 = 1, 3, 0, 3, 1, 2, 2;
  its 3 labour departures are D02 (B, MYS), D04 (D, ARE) and D06 (E, MYS), all non-procedural.
- Jawa Barat (32) is regency 3201 (A, C, G, H): PROVINCE_32_2024 = 2, 3, 2, 1, 0, 4, 0.
- National: NATIONAL_2024 = 4, 8, 4, 4, 1, 7, 3.
Suppression is off (tests/conftest.py), so a viewer sees these exact small counts.
"""

from __future__ import annotations

import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from browser import ARTIFACTS, CHART, dashboard, offline_page
from conftest import TEST_SECRET
from extracts import NATIONAL_2024, PROVINCE_32_2024, REGENCY_3301_2024
from playwright.sync_api import Page, expect

from pantau.i18n import t

pytestmark = pytest.mark.browser

KPIS = ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
        "prevented_departures", "cases", "trafficking_cases")
CLIENT_ID = "pantau-test"
CLIENT_SECRET = "test-client-secret-not-for-production"  # the mock accepts any; Streamlit needs one
GROUP_USER = "petugas.jabar"  # sub of a user known by group only: no e-mail entry in tests/roles.toml
PROVIDER_USERS = {GROUP_USER: {"email": "petugas@bp3mi-jabar.test.example", "groups": ["bp3mi-jabar"]}}
ANALYSIS_PAGES = ("Ringkasan", "Keberangkatan", "Kasus & TPPO", "Wilayah", "Negara tujuan")
UPLOAD, DATA_QUALITY, AUDIT = "Unggah data", "Kualitas data", "Log audit"
EXCEPTION = '[data-testid="stException"]'
YEAR_2024 = "?start=2024-01-01&end=2024-12-31"
# The mock's pages link a stylesheet on a CDN; its own base template, minus that link, keeps the
# provider's pages inside localhost too.
PROVIDER_BASE = """<!doctype html>
<html lang="en"><main class="container">{% block content %}{{ content }}{% endblock %}</main></html>
"""


@pytest.fixture(autouse=True)
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)


@contextmanager
def oidc_provider() -> Iterator[str]:
    """oidc-provider-mock on 127.0.0.1 in a thread; yields its issuer URL."""
    import jinja2
    import oidc_provider_mock
    import werkzeug.serving

    app = oidc_provider_mock.app(
        user_claims=[oidc_provider_mock.User(sub=sub, claims=claims) for sub, claims in PROVIDER_USERS.items()])
    app.jinja_loader = jinja2.ChoiceLoader([jinja2.DictLoader({"_base.html": PROVIDER_BASE}), app.jinja_loader])
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


@pytest.fixture
def server_env(published, data_dir, tmp_path, monkeypatch) -> dict[str, str]:
    """What every dashboard here gets: the fixture dataset, the test roles, no developer identity,
    and Streamlit's secrets read from this test's folder only (never the repo's .streamlit/)."""
    monkeypatch.delenv("PANTAU_DEV_USER", raising=False)
    return {"PANTAU_DATA": str(data_dir), "PANTAU_SECRET": TEST_SECRET,
            "STREAMLIT_SECRETS_FILES": str(tmp_path / "secrets.toml")}


def kpis(answer: dict) -> list[str]:
    return [str(answer[k]) for k in KPIS]


def nav(page: Page) -> list[str]:
    return page.get_by_test_id("stSidebarNavLink").all_inner_texts()


def sidebar(page: Page) -> str:
    return page.get_by_test_id("stSidebar").inner_text()


def open_signin_screen(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("button", name=t("access.signin"))).to_be_visible(timeout=60_000)
    assert page.get_by_text(t("access.signin_intro")).count() == 1
    assert page.get_by_test_id("stMetricValue").count() == 0 and page.locator(CHART).count() == 0
    assert nav(page) == []  # no page of the dashboard before sign-in


def sign_in(page: Page, provider: str, sub: str, predefined: bool = False) -> None:
    """From the sign-in screen, through the provider's authorisation page, back to the dashboard."""
    page.get_by_role("button", name=t("access.signin")).click()
    page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
    if predefined:
        page.get_by_role("button", name=sub, exact=True).click()
    else:
        page.locator('input[name="sub"]').fill(sub)
        page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(re.compile(r"^http://127\.0\.0\.1:\d+/(\?.*)?$"), timeout=30_000)


def wait_for_overview(page: Page) -> None:
    page.wait_for_selector(CHART, timeout=60_000)
    page.wait_for_function(
        "() => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= 7", timeout=30_000)
    page.wait_for_timeout(1000)  # the remaining charts finish drawing (screenshot only)


def sign_out(page: Page, provider: str) -> None:
    """The sidebar's sign-out, the provider's end-session page, and back to the sign-in screen."""
    page.get_by_test_id("stSidebar").get_by_role("button", name=t("access.signout")).click()
    page.wait_for_url(f"{provider}/oauth2/end_session?*", timeout=30_000)
    page.get_by_role("button", name="End session").click()
    expect(page.get_by_role("button", name=t("access.signin"))).to_be_visible(timeout=60_000)


def signed_in_as(page: Page, email: str, role: str, scope: str, answer: dict, shot: str) -> list[str]:
    """Assert the overview shows the user, role, scope and the 2024 KPIs; return the navigation.

    The sign-in lands on "/" with the default period (the twelve months ending with the data in
    the user's scope); the test then opens 2024 by URL, a new session that the sign-in cookie keeps
    signed in.
    """
    wait_for_overview(page)
    page.goto(page.url.split("?")[0] + YEAR_2024)
    wait_for_overview(page)
    assert page.get_by_text("Periode 1 Jan 2024 – 31 Des 2024").count() == 1
    assert page.get_by_test_id("stMetricValue").all_inner_texts()[:7] == kpis(answer)
    side = sidebar(page)
    assert email in side and f"{t(f'role.{role}')} · {scope}" in side, side
    assert page.locator(EXCEPTION).count() == 0
    page.screenshot(path=ARTIFACTS / shot, full_page=True)
    return nav(page)


def oidc_env(server_env: dict[str, str], provider: str) -> dict[str, str]:
    """Sign-in configured the environment way (docs/ACCESS.md): no secrets file at all."""
    return {
        **server_env,
        "PANTAU_OIDC_METADATA_URL": f"{provider}/.well-known/openid-configuration",
        "PANTAU_OIDC_CLIENT_ID": CLIENT_ID,
        "PANTAU_OIDC_CLIENT_SECRET": CLIENT_SECRET,
        "PANTAU_OIDC_REDIRECT_URI": "http://127.0.0.1:{port}/oauth2callback",  # Streamlit fills {port}
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),  # Streamlit's own option
        "PANTAU_OIDC_SCOPE": "openid email profile groups",
    }


def test_signin_with_oidc_settings_from_the_environment(server_env):
    """Viewer of Jawa Tengah, an unlisted e-mail and a group member, each signing in and out."""
    with (oidc_provider() as provider, dashboard(oidc_env(server_env, provider)) as url,
          offline_page() as (page, blocked)):
        open_signin_screen(page, url)
        page.screenshot(path=ARTIFACTS / "signin-screen.png", full_page=True)

        # (a) A provincial viewer: the analysis pages of Jawa Tengah, no upload, no quality, no audit.
        page.get_by_role("button", name=t("access.signin")).click()
        page.wait_for_url(f"{provider}/oauth2/authorize?*", timeout=30_000)
        page.locator('input[name="sub"]').fill("viewer.jateng@test.example")
        page.screenshot(path=ARTIFACTS / "signin-provider.png", full_page=True)
        page.get_by_role("button", name="Authorize").click()
        links = signed_in_as(page, "viewer.jateng@test.example", "viewer", "Jawa Tengah", REGENCY_3301_2024,
                             "signin-viewer-jateng.png")
        assert set(ANALYSIS_PAGES) <= set(links)
        assert not {UPLOAD, DATA_QUALITY, AUDIT} & set(links), links
        sign_out(page, provider)
        page.screenshot(path=ARTIFACTS / "signin-signed-out.png", full_page=True)
        assert page.get_by_test_id("stMetricValue").count() == 0 and nav(page) == []

        # (c) Signed in, but the roles file knows neither the e-mail nor a group: no figure at all.
        sign_in(page, provider, "stranger@test.example")
        no_role = t("access.no_role", user="stranger@test.example")
        expect(page.get_by_text(no_role)).to_be_visible(timeout=60_000)
        assert page.get_by_test_id("stMetricValue").count() == 0 and page.locator(CHART).count() == 0
        assert nav(page) == []
        page.screenshot(path=ARTIFACTS / "signin-no-role.png", full_page=True)
        # Turned away, but signed in: the sign-out button beside the message lets them try another account.
        page.get_by_role("main").get_by_role("button", name=t("access.signout")).click()
        page.wait_for_url(f"{provider}/oauth2/end_session?*", timeout=30_000)
        page.get_by_role("button", name="End session").click()
        expect(page.get_by_role("button", name=t("access.signin"))).to_be_visible(timeout=60_000)

        # (d) Known by group only: the ID token's "groups" claim ["bp3mi-jabar"] gives viewer of 32.
        sign_in(page, provider, GROUP_USER, predefined=True)
        links = signed_in_as(page, PROVIDER_USERS[GROUP_USER]["email"], "viewer", "Jawa Barat",
                             PROVINCE_32_2024, "signin-group-jabar.png")
        assert not {UPLOAD, DATA_QUALITY, AUDIT} & set(links), links
        sign_out(page, provider)
        assert blocked == []


def test_signin_with_a_secrets_file(server_env, tmp_path):
    """A national data steward, with [auth] in a secrets.toml (here the test's own file)."""
    with oidc_provider() as provider:
        (tmp_path / "secrets.toml").write_text(
            "[auth]\n"
            'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            f'client_id = "{CLIENT_ID}"\n'
            f'client_secret = "{CLIENT_SECRET}"\n'
            f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
            encoding="utf-8")
        with dashboard(server_env) as url, offline_page() as (page, blocked):
            open_signin_screen(page, url)
            # (b) The steward: national figures, and the upload and data quality pages; no audit log.
            sign_in(page, provider, "steward@test.example")
            links = signed_in_as(page, "steward@test.example", "steward", t("access.scope_national"),
                                 NATIONAL_2024, "signin-steward.png")
            assert set(ANALYSIS_PAGES) | {UPLOAD, DATA_QUALITY} <= set(links)
            assert AUDIT not in links
            page.get_by_test_id("stSidebarNavLink").filter(has_text=UPLOAD).click()
            page.get_by_role("heading", name=UPLOAD).wait_for(timeout=60_000)
            assert page.locator(EXCEPTION).count() == 0
            sign_out(page, provider)
            assert page.get_by_test_id("stMetricValue").count() == 0
            assert blocked == []


def test_a_signed_in_user_is_still_signed_in_after_a_restart(server_env, monkeypatch):
    """The first session after a restart checks the sign-in cookie before any script has run: the
    cookie secret must be one Streamlit knows from its start (STREAMLIT_SERVER_COOKIE_SECRET)."""
    import browser

    port = browser.free_port()
    monkeypatch.setattr(browser, "free_port", lambda: port)  # the same address after the restart
    with oidc_provider() as provider, offline_page() as (page, blocked):
        env = oidc_env(server_env, provider)
        with dashboard(env) as url:
            open_signin_screen(page, url)
            sign_in(page, provider, "analyst.jateng@test.example")
            wait_for_overview(page)
        with dashboard(env) as url:
            page.goto(url + YEAR_2024)  # the first session of the new server process
            wait_for_overview(page)
            assert page.get_by_test_id("stMetricValue").all_inner_texts()[:7] == kpis(REGENCY_3301_2024)
            assert "analyst.jateng@test.example" in sidebar(page)
        assert blocked == []


def test_the_provider_page_needs_no_outside_stylesheet():
    """The mock's own template links a CDN; the test's replacement must really be the one served."""
    import urllib.request

    with oidc_provider() as provider, urllib.request.urlopen(
            f"{provider}/oauth2/authorize?client_id=x&response_type=code&scope=openid"
            f"&redirect_uri=http://127.0.0.1:1/oauth2callback", timeout=10) as r:
        html = r.read().decode()
    assert 'name="sub"' in html and "<link" not in html and "cdn.jsdelivr" not in html

