"""Rollups: counts published beside a version's records, which the page queries read instead of them.

Each rollup is queries/rollups/<name>.sql over the version's own Parquet files, written at publish
time as <name>.parquet in the version folder (pantau/ingest.py). A connection names each one
rollup_<name> (define_sources); queries/views.sql scopes it with in_scope and filters it with the
same macros as the records, so a rollup answers exactly what the records would.

A version published before rollups existed has no such files: its rollups are computed when a
process first connects to it (once per process; slow at national scale, same answers).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from pantau import sql

ROLLUPS = ("departure_counts", "registration_counts", "record_months")
# Smaller row groups than the records': a period or region filter skips more of a rollup's rows.
ROW_GROUP_SIZE = 100_000


def file_name(name: str) -> str:
    return f"{name}.parquet"


def _query(name: str) -> str:
    # On lines of its own: the file may end in a comment.
    return f"(\n{sql.load(f'rollups/{name}')}\n)"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def write(con: duckdb.DuckDBPyConnection, folder: Path) -> dict[str, int]:
    """Every rollup of the version staged in `folder` (its records' Parquet), written there; rows of each."""
    # The rollup SQL names the version's files relatively, as the views do (queries/views.sql).
    con.execute(f"SET file_search_path = {_quoted(str(folder))}")
    try:
        for name in ROLLUPS:
            con.execute(
                f"COPY {_query(name)} TO $path (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE {ROW_GROUP_SIZE})",
                {"path": str(folder / file_name(name))},
            )
    finally:
        con.execute("RESET file_search_path")
    return {name: pq.ParquetFile(folder / file_name(name)).metadata.num_rows for name in ROLLUPS}


def define_sources(con: duckdb.DuckDBPyConnection, version_path: Path) -> None:
    """rollup_<name> for queries/views.sql: the version's <name>.parquet, or computed now if it has none.

    `con` reads relative file names from the version folder (its file_search_path).
    """
    for name in ROLLUPS:
        if (version_path / file_name(name)).is_file():
            con.execute(f"CREATE VIEW rollup_{name} AS SELECT * FROM read_parquet({_quoted(file_name(name))})")
        else:
            con.execute(f"CREATE TABLE rollup_{name} AS {_query(name)}")
