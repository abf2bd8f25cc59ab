"""Uploaded extract files -> a checked report, then a published version: the logic behind the Upload page.

The raw files hold NIKs. They are written to a private temporary folder (0700, outside the data
folder) only for the length of one ingest call and removed right after it, so a session abandoned
between check and publish leaves nothing on disk. Check and publish run ingest on the same bytes
with the same kind, so the publish report matches the check unless another version was published
in between (`same_outcome` tells).
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pandas as pd

from pantau.ingest import IngestReport, ingest
from pantau.paths import data_dir
from pantau.schema import EXTRACTS

KINDS = tuple(EXTRACTS)
SUFFIXES = ("csv", "txt", "xlsx", "parquet")
PREVIEW_ROWS = 20
# A 16-digit run anywhere in a quarantine CSV is treated as a NIK, whatever its column.
_NIK_LIKE = re.compile(r"(?<!\d)(\d{6})\d{6}(\d{4})(?!\d)")
# IngestError messages name the file first: "<file>: <code>[: <detail>]".
_FILE_ERROR = re.compile(r"^(?P<file>.+?): (?P<code>[a-z_]+)(?:: (?P<detail>.*))?$", re.DOTALL)


@dataclass(frozen=True)
class Upload:
    name: str
    content: bytes


@dataclass
class Outcome:
    """An ingest report and its quarantine CSVs (kind -> bytes, NIK masked), read into memory."""

    report: IngestReport
    quarantine: dict[str, bytes]


@dataclass(frozen=True)
class FileError:
    file: str
    code: str
    detail: str


def safe_name(name: str) -> str:
    """The file name without any folder part (browsers may send one, with either slash)."""
    return PureWindowsPath(name).name.strip() or "upload"


@contextmanager
def staged(uploads: Sequence[Upload]) -> Iterator[tuple[Path, list[Path]]]:
    """A private temporary folder holding the uploads under their own names; removed on exit.

    Each file gets its own sub-folder so two uploads with the same name both survive and the
    report still names them as the user did.
    """
    folder = Path(tempfile.mkdtemp(prefix="pantau-upload-"))
    try:
        if folder.resolve().is_relative_to(data_dir()):
            raise RuntimeError("the temporary folder must not lie inside the data folder")
        paths = []
        for i, item in enumerate(uploads):
            path = folder / "files" / str(i) / safe_name(item.name)
            path.parent.mkdir(parents=True)
            path.write_bytes(item.content)
            paths.append(path)
        yield folder, paths
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def mask_niks(text: str) -> str:
    """Keep the first 6 and last 4 digits of any 16-digit run, as ingest masks the nik column."""
    return _NIK_LIKE.sub(r"\1******\2", text)


def read_quarantine(folder: Path | None) -> dict[str, bytes]:
    """The quarantine CSVs of a run, per kind, masked again in case a NIK sat in another column."""
    if folder is None:
        return {}
    found = {}
    for kind in KINDS:
        path = folder / f"{kind}.csv"
        if path.is_file():
            found[kind] = mask_niks(path.read_text(encoding="utf-8")).encode("utf-8")
    return found


def check(uploads: Sequence[Upload], kind: str | None = None) -> Outcome:
    """What publishing these files would do; nothing is published. Raises IngestError."""
    with staged(uploads) as (folder, paths):
        report = ingest(paths, kind, check_only=True, quarantine_to=folder / "quarantine")
        return Outcome(report, read_quarantine(report.quarantine_file))


def publish(uploads: Sequence[Upload], kind: str | None = None) -> Outcome:
    """Publish these files; the quarantine goes where every ingest puts it. Raises IngestError."""
    with staged(uploads) as (_, paths):
        report = ingest(paths, kind)
        return Outcome(report, read_quarantine(report.quarantine_file))


def would_change(report: IngestReport) -> bool:
    """Whether publishing adds or updates any record (a check of nothing new publishes nothing)."""
    return any(change["new"] or change["updated"] for change in report.changes.values())


def _counts(report: IngestReport) -> tuple:
    files = tuple(
        (f.file, f.kind, f.rows_read, f.rows_published, f.rows_quarantined, dict(f.reasons), dict(f.warnings))
        for f in report.files
    )
    return files, report.changes


def same_outcome(checked: IngestReport, published: IngestReport) -> bool:
    """Whether a publish did what its check said, file by file and record by record."""
    return _counts(checked) == _counts(published)


def preview(content: bytes, rows: int = PREVIEW_ROWS) -> pd.DataFrame:
    """The first rows of a quarantine CSV, every value as the text it was."""
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False, nrows=rows)


def file_error(message: str, names: Sequence[str]) -> FileError | None:
    """The file and reason code of an IngestError about one of these files, else None."""
    match = _FILE_ERROR.match(message)
    if match is None or match["file"] not in {safe_name(n) for n in names}:
        return None
    return FileError(match["file"], match["code"], match["detail"] or "")
