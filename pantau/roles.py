"""The roles file: which user (e-mail) or identity-provider group gets which role and scope.

    # PANTAU_ROLES, default <data folder>/roles.toml (never in git: it names people)
    groups_claim = "groups"          # the ID-token claim holding the user's groups (optional)

    [users."siti@kp2mi.go.id"]
    role = "admin"                   # viewer | analyst | steward | admin

    [users."andi@bp3mi-jabar.go.id"]
    role = "analyst"
    provinces = ["32"]               # a list of provinces, or ...

    [groups."imigrasi-tanjung-priok"]
    role = "viewer"
    regencies = ["3172"]             # ... a list of regencies; neither: national

    [default]                        # optional: anyone signed in and not listed above
    role = "viewer"

A user entry wins over groups; among the user's groups the one with the highest role wins (the
first in the file on a tie). Signed in but matching nothing, and no [default]: no access.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pantau.access import ROLES, Grant, Scope
from pantau.paths import data_dir
from pantau.reference import codes

ROLES_ENV = "PANTAU_ROLES"
DEFAULT_NAME = "roles.toml"
DEFAULT_GROUPS_CLAIM = "groups"


class RolesError(ValueError):
    """The roles file is missing or wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Entry:
    role: str
    scope: Scope


@dataclass(frozen=True)
class Roles:
    users: Mapping[str, Entry] = field(default_factory=dict)
    groups: Mapping[str, Entry] = field(default_factory=dict)
    default: Entry | None = None
    groups_claim: str = DEFAULT_GROUPS_CLAIM

    def grant_for(self, email: str | None, groups: Iterable[str], source: str) -> Grant | None:
        """The user's grant, or None when the file gives them nothing."""
        user = (email or "").strip().lower()
        entry = self.users.get(user) if user else None
        if entry is None:
            matching = [self.groups[g] for g in self.groups if g in set(groups)]
            if matching:
                entry = max(matching, key=lambda e: ROLES.index(e.role))  # max keeps the first on a tie
        entry = entry or self.default
        return None if entry is None else Grant(user, entry.role, entry.scope, source)


def path() -> Path:
    return Path(os.environ.get(ROLES_ENV) or data_dir() / DEFAULT_NAME)


def _entry(where: str, raw: object) -> Entry:
    if not isinstance(raw, dict):
        raise RolesError(f"{where}: expected a table with role = ...")
    unknown_keys = set(raw) - {"role", "provinces", "regencies"}
    if unknown_keys:
        raise RolesError(f"{where}: unknown key(s) {', '.join(sorted(unknown_keys))}")
    role = raw.get("role")
    if role not in ROLES:
        raise RolesError(f"{where}: role must be one of {', '.join(ROLES)}, not {role!r}")
    provinces = _codes(where, "provinces", raw.get("provinces", []), codes().provinces)
    regencies = _codes(where, "regencies", raw.get("regencies", []), codes().regencies)
    if provinces and regencies:
        raise RolesError(f"{where}: a scope is a list of provinces or a list of regencies, not both")
    return Entry(role, Scope(provinces=provinces, regencies=regencies))


def _codes(where: str, key: str, raw: object, valid: frozenset[str]) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise RolesError(f"{where}: {key} must be a list of code strings")
    cleaned = tuple(dict.fromkeys(c.replace(".", "").strip() for c in raw))
    unknown = [c for c in cleaned if c not in valid]
    if unknown:
        raise RolesError(f"{where}: unknown {key} code(s) {', '.join(unknown)}")
    if raw and not cleaned:
        raise RolesError(f"{where}: {key} is empty")
    return tuple(sorted(cleaned))


def parse(text: str, name: str = DEFAULT_NAME) -> Roles:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RolesError(f"{name}: not valid TOML ({e})") from None
    unknown = set(raw) - {"users", "groups", "default", "groups_claim"}
    if unknown:
        raise RolesError(f"{name}: unknown section(s) {', '.join(sorted(unknown))}")
    users = {email.strip().lower(): _entry(f"{name} [users.\"{email}\"]", e)
             for email, e in raw.get("users", {}).items()}
    groups = {group: _entry(f"{name} [groups.\"{group}\"]", e) for group, e in raw.get("groups", {}).items()}
    default = _entry(f"{name} [default]", raw["default"]) if "default" in raw else None
    claim = raw.get("groups_claim", DEFAULT_GROUPS_CLAIM)
    if not isinstance(claim, str) or not claim:
        raise RolesError(f"{name}: groups_claim must be a claim name")
    return Roles(users=users, groups=groups, default=default, groups_claim=claim)


_cache: dict[Path, tuple[float, Roles]] = {}


def load() -> Roles:
    """The roles file, re-read when it changes (an admin edits it without restarting the server)."""
    file = path()
    try:
        mtime = file.stat().st_mtime
    except FileNotFoundError:
        raise RolesError(f"no roles file at {file} (set {ROLES_ENV}); see docs/ACCESS.md") from None
    cached = _cache.get(file)
    if cached is None or cached[0] != mtime:
        _cache[file] = (mtime, parse(file.read_text(encoding="utf-8"), file.name))
    return _cache[file][1]
