from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import extracts  # noqa: E402

TEST_SECRET = "test-secret-not-for-production"
ROLES = Path(__file__).parent / "roles.toml"
ADMIN = "admin@test.example"
VIEWER = "viewer@test.example"


@pytest.fixture(autouse=True)
def unsuppressed(request, monkeypatch):
    """Small-cell suppression off and a national administrator's identity, so tests can assert the
    fixture's exact small figures on every page.

    Tests marked `@pytest.mark.suppressed` keep the default (suppression on) and act as a national
    viewer. The identity is PANTAU_DEV_USER with the roles in tests/roles.toml (no sign-in server
    needed; tests/test_signin_browser.py signs in for real). The browser harness (tests/browser.py)
    hands this environment to the dashboard server it starts.
    """
    monkeypatch.setenv("PANTAU_ROLES", str(ROLES))
    monkeypatch.delenv("PANTAU_AUDIT_LOG", raising=False)
    if request.node.get_closest_marker("suppressed") is None:
        monkeypatch.setenv("PANTAU_SUPPRESSION", "off")
        monkeypatch.setenv("PANTAU_DEV_USER", ADMIN)
    else:
        monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
        monkeypatch.setenv("PANTAU_DEV_USER", VIEWER)


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """An empty data folder for this test, and a fixed NIK secret."""
    folder = tmp_path / "data"
    monkeypatch.setenv("PANTAU_DATA", str(folder))
    monkeypatch.setenv("PANTAU_SECRET", TEST_SECRET)
    return folder


@pytest.fixture
def extract_files(tmp_path) -> list[Path]:
    return extracts.write_all(tmp_path / "in")


@pytest.fixture
def published(data_dir, extract_files):
    """The hand-built extracts ingested into the test's data folder."""
    from pantau.ingest import ingest

    return ingest(extract_files)
