"""The roles file, grants, capabilities and scopes (pantau/roles.py, pantau/access.py), without a browser."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest

from pantau import access, disclosure, roles
from pantau.access import ADMIN, ANALYST, STEWARD, VIEWER, Grant, Scope
from pantau.filters import Filters

FILE = """
groups_claim = "roles"

[users."Siti@KP2MI.go.id"]
role = "admin"

[users."andi@bp3mi-jabar.go.id"]
role = "analyst"
provinces = ["32", "32"]

[groups."imigrasi-cilacap"]
role = "viewer"
regencies = ["33.01"]

[groups."bp3mi-jateng"]
role = "steward"
provinces = ["33"]

[groups."bp3mi-jateng-tamu"]
role = "viewer"
provinces = ["33"]
"""


def test_users_win_over_groups_and_the_highest_group_role_wins():
    table = roles.parse(FILE)
    assert table.groups_claim == "roles"
    # E-mail keys are case-insensitive; the user entry wins over any group.
    assert table.grant_for("siti@kp2mi.go.id", ["bp3mi-jateng"], access.OIDC) == Grant(
        "siti@kp2mi.go.id", ADMIN, Scope(), access.OIDC)
    # Codes are cleaned and deduplicated.
    assert table.grant_for("ANDI@bp3mi-jabar.go.id", [], access.OIDC).scope == Scope(provinces=("32",))
    # Two groups: steward beats viewer, whatever their order in the claim.
    grant = table.grant_for("x@example.org", ["bp3mi-jateng-tamu", "bp3mi-jateng"], access.OIDC)
    assert (grant.role, grant.scope) == (STEWARD, Scope(provinces=("33",)))
    assert table.grant_for("y@example.org", ["imigrasi-cilacap"], access.OIDC).scope == Scope(regencies=("3301",))
    # Nothing matches and there is no [default]: no grant.
    assert table.grant_for("z@example.org", ["other"], access.OIDC) is None
    assert table.grant_for(None, [], access.OIDC) is None


def test_a_default_entry_catches_everyone_else():
    table = roles.parse('[default]\nrole = "viewer"\n')
    assert table.grant_for("anyone@example.org", [], access.OIDC).role == VIEWER


@pytest.mark.parametrize(("text", "message"), [
    ('[users."a@b"]\nrole = "superuser"', "role must be one of viewer, analyst, steward, admin"),
    ('[users."a@b"]\nrole = "viewer"\nprovinces = ["99"]', "unknown provinces code(s) 99"),
    ('[users."a@b"]\nrole = "viewer"\nregencies = ["3299"]', "unknown regencies code(s) 3299"),
    ('[users."a@b"]\nrole = "viewer"\nprovinces = ["32"]\nregencies = ["3301"]', "not both"),
    ('[users."a@b"]\nrole = "viewer"\nprovince = ["32"]', "unknown key(s) province"),
    ('[users."a@b"]\nrole = "viewer"\nprovinces = "32"', "must be a list"),
    ('[user."a@b"]\nrole = "viewer"', "unknown section(s) user"),
    ('[users."a@b"\nrole = "viewer"', "not valid TOML"),
])
def test_a_wrong_roles_file_is_refused_with_the_entry_named(text, message):
    with pytest.raises(roles.RolesError, match="roles.toml") as error:
        roles.parse(text)
    assert message in str(error.value)


def test_the_roles_file_is_reread_when_it_changes(tmp_path, monkeypatch):
    file = tmp_path / "roles.toml"
    monkeypatch.setenv("PANTAU_ROLES", str(file))
    with pytest.raises(roles.RolesError, match="no roles file"):
        roles.load()
    file.write_text('[users."a@b"]\nrole = "viewer"\n')
    assert roles.load().users["a@b"].role == VIEWER
    file.write_text('[users."a@b"]\nrole = "admin"\n')
    os.utime(file, (1, 1))  # a different mtime even within the file system's time resolution
    assert roles.load().users["a@b"].role == ADMIN


@pytest.mark.parametrize(("role", "allowed"), [
    (VIEWER, {access.VIEW}),
    (ANALYST, {access.VIEW, access.UNSUPPRESSED, access.DOWNLOAD_DETAIL}),
    (STEWARD, {access.VIEW, access.UNSUPPRESSED, access.DOWNLOAD_DETAIL, access.UPLOAD, access.DATA_QUALITY}),
    (ADMIN, set(access.CAPABILITIES)),
    (access.NONE, set()),
])
def test_capabilities_grow_with_the_role(role, allowed):
    grant = Grant("u", role, Scope(), access.OIDC)
    assert {c for c in access.CAPABILITIES if grant.can(c)} == allowed


def test_narrowing_filters_to_a_scope():
    base = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    jateng = Scope(provinces=("33",))
    # Nothing chosen: the whole scope. Areas outside it are dropped, inside ones kept.
    assert jateng.narrow(base).provinces == ("33",)
    chosen = Filters(base.start, base.end, provinces=("32", "33"), regencies=("3201", "3301"))
    assert (jateng.narrow(chosen).provinces, jateng.narrow(chosen).regencies) == (("33",), ("3301",))
    cilacap = Scope(regencies=("3301",))
    assert (cilacap.narrow(base).provinces, cilacap.narrow(base).regencies) == ((), ("3301",))
    assert cilacap.narrow(chosen).provinces == ("33",)
    assert Scope().narrow(chosen) == chosen
    assert cilacap.covers_province("33") and not cilacap.covers_province("32")
    assert jateng.covers_regency("3301") and not jateng.covers_regency("3201")


def test_outside_streamlit_the_operator_acts_and_acting_as_overrides_it_per_thread(monkeypatch):
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    assert access.current() is access.OPERATOR
    assert disclosure.is_on()  # the operator gets suppression unless it is switched off
    analyst = Grant("a", ANALYST, Scope(provinces=("33",)), access.OIDC)
    seen: list[Grant] = []
    with access.acting_as(analyst):
        assert access.current() is analyst and not disclosure.is_on()
        # Another thread does not inherit the grant: it must capture it and act as it itself.
        thread = threading.Thread(target=lambda: seen.append(access.current()))
        thread.start()
        thread.join()
        with access.acting_as(Grant("v", VIEWER, Scope(), access.OIDC)):
            assert disclosure.is_on()
    assert seen == [access.OPERATOR]
    assert access.current() is access.OPERATOR
    with access.acting_as(access.NOBODY), pytest.raises(access.AccessDenied):
        access.query_grant()
