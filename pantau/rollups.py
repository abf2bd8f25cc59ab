"""Rollups: counts published beside a version's records, which the page queries read instead of them.

Each rollup is queries/rollups/<name>.sql, written at publish time as table <name> of the version's
rollups.duckdb (pantau/ingest.py). The SQL reads the version's records by relative name (the
connection's file_search_path is the version folder) and earlier rollups as rollups.<name>.
A connection attaches the file read-only as `rollups` (define_sources, attach); queries/views.sql
scopes each table with in_scope and filters it with the same macros as the records, so a rollup
answers exactly what the records would.

A DuckDB file rather than Parquet: a page runs up to a dozen small queries, and planning one costs
more than scanning its rollup rows, and a table in an attached file binds in about half the time a
Parquet file does (measured while building the rollups). Rows are stored in the order the SQL gives (by day
first), so a period filter skips whole row groups.

A version published before rollups existed has no such file: its rollups are computed when a process
first connects to it, as tables of a `rollups` schema in the connection's own catalog (once per
process; slow at national scale, same answers).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from pantau import sql

# In build order: a rollup may read the ones before it.
ROLLUPS = ("departure_counts", "departure_month_counts", "registration_counts", "registration_month_counts",
           "record_months", "departure_checkpoint_months")
FILE = "rollups.duckdb"
ALIAS = "rollups"  # how queries/views.sql and the rollup SQL name the rollups: rollups.<name>


def _query(name: str) -> str:
    # On lines of its own: the file may end in a comment.
    return f"(\n{sql.load(f'rollups/{name}')}\n)"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _create(con: duckdb.DuckDBPyConnection) -> None:
    """Every rollup as a table ALIAS.<name>, in build order."""
    for name in ROLLUPS:
        con.execute(f"CREATE TABLE {ALIAS}.{name} AS {_query(name)}")


def write(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Every rollup of the version staged in `folder` (its records' Parquet), written to folder/FILE;
    rows of each."""
    con.execute(f"SET file_search_path = {_quoted(str(folder))}")
    con.execute(f"ATTACH {_quoted(str(folder / FILE))} AS {ALIAS}")
    try:
        _create(con)
        return {name: con.execute(f"SELECT count(*) FROM {ALIAS}.{name}").fetchone()[0] for name in ROLLUPS}
    finally:
        con.execute(f"DETACH DATABASE IF EXISTS {ALIAS}")
        con.execute("RESET file_search_path")


def counts(path: Path) -> dict[str, int]:
    """Rows of each rollup table in a rollups file (the publish check)."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        return {name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in ROLLUPS if name in tables}


def attach(con: duckdb.DuckDBPyConnection, version_path: Path) -> None:
    """The version's rollups file, read-only, as ALIAS (if it has one); every connection to it needs this."""
    path = version_path / FILE
    if path.is_file():
        con.execute(f"ATTACH IF NOT EXISTS {_quoted(str(path))} AS {ALIAS} (READ_ONLY)")


def define_sources(con: duckdb.DuckDBPyConnection, version_path: Path) -> None:
    """ALIAS.<name> for queries/views.sql: the version's rollups file, or (a version published without one)
    tables computed now in a schema ALIAS of the connection's catalog.

    `con` reads relative file names from the version folder (its file_search_path).
    """
    if (version_path / FILE).is_file():
        attach(con, version_path)
    else:
        con.execute(f"CREATE SCHEMA {ALIAS}")
        _create(con)
