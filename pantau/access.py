"""Who is asking, and what they may see: roles, scopes and the grant every query runs under.

A grant is a user, a role and a scope. Roles grow in rights (viewer < analyst < steward < admin);
a scope is national, a list of provinces or a list of regencies. pantau/queries.py sets the scope
of the current grant on every query's cursor, and queries/views.sql keeps only rows inside it,
so a page cannot widen it: a page never chooses its grant, it is looked up here.

Where the grant comes from:
1. inside `acting_as(grant)` (the CLI, a download made after the page ran): that grant;
2. inside a Streamlit script run: the session's grant (pantau/ui/access.py resolves it at sign-in);
3. in a Streamlit server thread outside any script run: NOBODY (fail closed);
4. otherwise (the CLI, tests, benchmarks: the operator who owns the data folder): OPERATOR.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from pantau.filters import Filters

VIEWER = "viewer"
ANALYST = "analyst"
STEWARD = "steward"
ADMIN = "admin"
ROLES = (VIEWER, ANALYST, STEWARD, ADMIN)
NONE = "none"

# What each capability needs, as the lowest role that has it.
VIEW = "view"  # aggregates (suppressed unless `unsuppressed`)
UNSUPPRESSED = "unsuppressed"  # small counts shown as they are
DOWNLOAD_DETAIL = "download_detail"  # downloads of tables below province level
UPLOAD = "upload"  # the upload page: check and publish extracts
DATA_QUALITY = "data_quality"  # the data quality page
AUDIT = "audit"  # the audit log page
_NEEDS = {
    VIEW: VIEWER,
    UNSUPPRESSED: ANALYST,
    DOWNLOAD_DETAIL: ANALYST,
    UPLOAD: STEWARD,
    DATA_QUALITY: STEWARD,
    AUDIT: ADMIN,
}
CAPABILITIES = tuple(_NEEDS)

# How a grant was obtained; shown in the audit log and, for "dev" and "demo", on every page.
OIDC = "oidc"
DEV = "dev"
DEMO = "demo"
LOCAL = "operator"


@dataclass(frozen=True)
class Scope:
    """National when both lists are empty; otherwise rows whose region is in either list."""

    provinces: tuple[str, ...] = ()
    regencies: tuple[str, ...] = ()

    @property
    def national(self) -> bool:
        return not self.provinces and not self.regencies

    def sql_params(self) -> dict[str, object]:
        """The cursor variables queries/views.sql reads (in_scope)."""
        return {
            "scope_national": self.national,
            "scope_provinces": list(self.provinces),
            "scope_regencies": list(self.regencies),
        }

    def covers_province(self, province: str) -> bool:
        """Whether any of the province's rows is visible (a regency scope sees part of its province)."""
        return self.national or province in self.provinces or any(r[:2] == province for r in self.regencies)

    def covers_regency(self, regency: str) -> bool:
        return self.national or regency[:2] in self.provinces or regency in self.regencies

    def narrow(self, filters: Filters) -> Filters:
        """The filters as this scope sees them: chosen areas outside it dropped, no choice = the scope.

        The query layer enforces the scope anyway (queries/views.sql); narrowing the filters makes
        titles, export headers and decks name the area the figures really cover.
        """
        if self.national:
            return filters
        if self.provinces:
            provinces = tuple(p for p in filters.provinces if p in self.provinces) or self.provinces
            regencies = tuple(r for r in filters.regencies if r[:2] in provinces)
        else:
            provinces = tuple(p for p in filters.provinces if self.covers_province(p))
            regencies = tuple(r for r in filters.regencies if r in self.regencies) or self.regencies
        return replace(filters, provinces=provinces, regencies=regencies)

    def key(self) -> str:
        """A short text naming the scope, for cache keys and the audit log."""
        if self.national:
            return "national"
        return ";".join(filter(None, (",".join(self.provinces), ",".join(self.regencies))))


NATIONAL = Scope()


@dataclass(frozen=True)
class Grant:
    user: str
    role: str
    scope: Scope
    source: str

    def can(self, capability: str) -> bool:
        if self.role not in ROLES:
            return False
        return ROLES.index(self.role) >= ROLES.index(_NEEDS[capability])

    @property
    def suppressed(self) -> bool:
        """Small counts hidden for this grant (before the server-wide switch, pantau/disclosure.py)."""
        return not self.can(UNSUPPRESSED)

    def key(self) -> tuple[str, bool]:
        """What a cached result depends on: the scope and whether small counts are hidden."""
        return self.scope.key(), self.suppressed


# The owner of the data folder on their own machine (CLI, tests, benchmarks).
OPERATOR = Grant("operator", ADMIN, NATIONAL, LOCAL)
# No access at all: a session not signed in where sign-in is required, or code outside a session.
NOBODY = Grant("", NONE, Scope(provinces=("-",)), "none")


class AccessDenied(PermissionError):
    """A query asked for under no grant (or one without view rights)."""


_acting: contextvars.ContextVar[Grant | None] = contextvars.ContextVar("pantau_grant", default=None)
_session_resolver: Callable[[], Grant | None] | None = None


def set_session_resolver(resolver: Callable[[], Grant | None]) -> None:
    """pantau/ui/access.py hands over how to find the session's grant inside a Streamlit run."""
    global _session_resolver
    _session_resolver = resolver


@contextmanager
def acting_as(grant: Grant) -> Iterator[Grant]:
    token = _acting.set(grant)
    try:
        yield grant
    finally:
        _acting.reset(token)


def _in_streamlit() -> tuple[bool, bool]:
    """(inside a script run, inside a running Streamlit server)."""
    try:
        from streamlit import runtime
        from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
    except ImportError:  # pragma: no cover - streamlit is a runtime dependency
        return False, False
    return get_script_run_ctx(suppress_warning=True) is not None, runtime.exists()


def current() -> Grant:
    """The grant the code running now acts under (see the module docstring for the order)."""
    explicit = _acting.get()
    if explicit is not None:
        return explicit
    in_run, in_server = _in_streamlit()
    if in_run and _session_resolver is not None:
        return _session_resolver() or NOBODY
    if in_run or in_server:
        return NOBODY
    return OPERATOR


def query_grant() -> Grant:
    """current(), refused unless it may view aggregates."""
    grant = current()
    if not grant.can(VIEW):
        raise AccessDenied("no access: sign in with an account that has a role")
    return grant
