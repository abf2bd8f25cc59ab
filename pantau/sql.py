"""Loading SQL files from queries/ and binding only the named parameters they use."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache

from pantau.paths import QUERIES_DIR

_COMMENT = re.compile(r"--[^\n]*")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def load(name: str) -> str:
    """queries/<name>.sql; names may have a folder ('publish/link_cases')."""
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def used_params(sql: str) -> set[str]:
    return set(_PARAM.findall(_COMMENT.sub("", sql)))


def bind(sql: str, params: Mapping[str, object]) -> dict[str, object]:
    """The subset of params the SQL names; DuckDB rejects extra ones, and a missing one is a bug."""
    used = used_params(sql)
    missing = used - params.keys()
    if missing:
        raise KeyError(f"SQL parameters not supplied: {sorted(missing)}")
    return {name: params[name] for name in used}
