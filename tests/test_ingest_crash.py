"""Ingest runs that go wrong, at the command line: killed at any moment, run twice, appended, out of disk.

tests/test_ingest.py proves the rules on the API with the hand-built fixture; here each run is a real
`python -m pantau ingest` process, SIGKILLed or starved of disk, and the warehouse is inspected after it.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import itertools
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import extracts
import pyarrow.parquet as pq
import pytest

from pantau import demo, store
from pantau.cli import main
from pantau.filters import Filters
from pantau.indicators import headline
from pantau.ingest import WORK_SUFFIX, ingest

ROOT = Path(__file__).resolve().parent.parent
INGEST = [sys.executable, "-m", "pantau", "ingest"]
FIXTURE_TABLES = {"registrations": 7, "departures": 11, "cases": 7}  # tests/extracts.py, D01 twice -> 11
YEAR_2021 = Filters(dt.date(2021, 1, 1), dt.date(2021, 12, 31))
YEAR_2024 = Filters(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
POLL_SECONDS = 0.002


# --- inputs ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_departures(tmp_path_factory) -> tuple[Path, int]:
    """About 100k demo departures, and how many rows the file has.

    The demo writes 2026; the examination dates are moved to 2021 (both years have 365 days) so no
    row lies in the future whatever day the tests run on. The fixture has nothing in 2021.
    """
    folder = tmp_path_factory.mktemp("big")
    source = demo.generate(folder / "raw", seed=11, scale=0.015, years=1)["departures"][0]
    path = folder / "departures_2021.csv"
    rows = 0
    with source.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        out.write(next(src))
        for line in src:
            # The first ",2026-" is examined_at: the id is "DEP-2026-...", a birth date is never 2026.
            out.write(line.replace(",2026-", ",2021-", 1))
            rows += 1
    return path, rows


@pytest.fixture(scope="module")
def mid_departures(big_departures) -> tuple[Path, int]:
    """The first 20,000 rows of the big file: enough to need more than the disk tests leave free."""
    big, _ = big_departures
    path = big.with_name("departures_2021_head.csv")
    with big.open(encoding="utf-8") as src, path.open("w", encoding="utf-8") as out:
        out.writelines(itertools.islice(src, 20_001))
    return path, 20_000


def one_more_departure(folder: Path) -> Path:
    """A departure the fixture does not have (D99, person B, 2024): a run of it publishes exactly one new row."""
    folder.mkdir(parents=True, exist_ok=True)
    row = ["D99"] + extracts.departures()[1][1:]
    row[2] = "2024-07-01 09:00:00"
    return extracts.write_csv(folder / "one_more.csv", extracts.DEPARTURE_HEADER, [row])


def month_rows(month: str) -> list[list[str]]:
    """Hand-built clean departures for January or February 2024 (no duplicate, no bad row).

    January: J1 A work (labour), J2 B tourism but suspected (labour), J3 H tourism (not labour).
    February: F1 D work but delayed (prevented), F2 F work (labour). Nobody has a registration,
    so every labour departure is non-procedural.
    """
    spec = {
        "jan": [("J1", "A", "2024-01-05 08:00:00", "AIR-CGK", "HKG", "work", "false", "departed"),
                ("J2", "B", "2024-01-12 09:00:00", "SEA-BTC", "MYS", "tourism", "true", "departed"),
                ("J3", "H", "2024-01-20 10:00:00", "AIR-CGK", "SGP", "tourism", "false", "departed")],
        "feb": [("F1", "D", "2024-02-03 11:00:00", "AIR-CGK", "ARE", "work", "false", "delayed"),
                ("F2", "F", "2024-02-14 12:00:00", "AIR-SUB", "KOR", "work", "false", "departed")],
    }[month]
    rows = []
    for did, person, when, checkpoint, dest, purpose, suspected, outcome in spec:
        regency, gender, birth = extracts.PEOPLE[person]
        rows.append([did, extracts.nik(person), when, checkpoint, dest, regency, gender, birth, purpose,
                     suspected, outcome])
    return rows


# --- looking at the warehouse from outside -------------------------------------------------------


def warehouse(data: Path) -> Path:
    return data / "warehouse"


def pointer(data: Path) -> str:
    return (warehouse(data) / store.POINTER).read_text(encoding="utf-8").strip()


def staging_names(data: Path) -> list[str]:
    return sorted(p.name for p in warehouse(data).glob(store.STAGING_PREFIX + "*"))


def version_ids(data: Path) -> list[str]:
    return sorted(p.name for p in (warehouse(data) / store.VERSIONS).iterdir())


def file_hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def complete_counts(folder: Path) -> dict[str, int]:
    """Row counts of a version folder, after proving it complete: manifest, every table read in full."""
    manifest = json.loads((folder / store.MANIFEST).read_text(encoding="utf-8"))
    assert manifest["version"] == folder.name
    counts = {t: pq.read_table(folder / f"{t}.parquet").num_rows for t in store.TABLES}
    assert counts == {t: manifest["tables"][t]["rows"] for t in store.TABLES}, folder
    return counts


def assert_no_half_version(data: Path) -> None:
    """versions/ holds complete versions only, and CURRENT names one of them."""
    versions = warehouse(data) / store.VERSIONS
    for entry in versions.iterdir():
        assert entry.is_dir(), f"stray file in versions/: {entry.name}"
        complete_counts(entry)
    assert (versions / pointer(data)).is_dir()


def phase(data: Path, old_id: str, returncode: int) -> str:
    """Where a run was when it ended, read from what it left behind."""
    if returncode == 0:
        return "finished"
    if pointer(data) != old_id:
        return "after the pointer moved"
    staged = [n for n in staging_names(data) if not n.endswith(WORK_SUFFIX)]
    if staged:
        manifest_written = (warehouse(data) / staged[0] / store.MANIFEST).exists()
        return "publishing (manifest staged)" if manifest_written else "writing the version"
    if version_ids(data) != [old_id]:
        return "publishing (moved, pointer not yet)"
    if staging_names(data):
        return "working"
    return "starting"


# --- running the CLI in a process ------------------------------------------------------------------


def run_cli(path: Path, stop: Callable[[float, Path], bool] | None = None) -> tuple[int, float]:
    """`python -m pantau ingest path`, SIGKILLed as soon as stop(seconds so far, warehouse) holds.

    The seconds only place kill points; no test asserts on them.
    """
    wh = warehouse(Path(os.environ["PANTAU_DATA"]))
    started = time.monotonic()
    proc = subprocess.Popen([*INGEST, str(path)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while proc.poll() is None:
        if stop is not None and stop(time.monotonic() - started, wh):
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(POLL_SECONDS)
    returncode = proc.wait()
    return returncode, time.monotonic() - started


def after(seconds: float) -> Callable[[float, Path], bool]:
    return lambda elapsed, _wh: elapsed >= seconds


def staging_appears(elapsed: float, wh: Path) -> bool:
    """The version folder (not the run's working folder) exists: the run is writing its tables."""
    return any(n.startswith(store.STAGING_PREFIX) and not n.endswith(WORK_SUFFIX) for n in os.listdir(wh))


def manifest_staged(elapsed: float, wh: Path) -> bool:
    """Inside store.publish: the manifest is written, or the folder already moved into versions/."""
    for name in os.listdir(wh):
        if name.startswith(store.STAGING_PREFIX) and (wh / name / store.MANIFEST).exists():
            return True
    return len(os.listdir(wh / store.VERSIONS)) > 1


def fresh_data(folder: Path, extract_files: list[Path], monkeypatch) -> tuple[str, dict[str, str]]:
    """A data folder with the fixture published; its version id and the hashes of its files."""
    monkeypatch.setenv("PANTAU_DATA", str(folder))
    version = store.current_version() if ingest(extract_files).published_new_version else None
    assert version is not None and complete_counts(version.path) == FIXTURE_TABLES
    return version.id, file_hashes(version.path)


# --- SIGKILL ------------------------------------------------------------------------------------------


KILL_SHARES = (0.05, 0.20, 0.40, 0.60, 0.80, 0.95)


def test_sigkill_at_any_moment_leaves_the_current_version_serving(
        big_departures, extract_files, data_dir, tmp_path, monkeypatch):
    big, rows = big_departures
    extra = one_more_departure(tmp_path / "extra")

    # One uncut run: it publishes the whole file, and its duration places the kill points.
    uncut_id, _ = fresh_data(tmp_path / "uncut", extract_files, monkeypatch)
    returncode, uncut_seconds = run_cli(big)
    assert returncode == 0
    assert pointer(tmp_path / "uncut") != uncut_id
    assert complete_counts(store.current_version().path) == {**FIXTURE_TABLES, "departures": 11 + rows}
    assert headline(YEAR_2021)["labour_departures"] > 0  # what a killed run must NOT show

    points = [(f"{share:.0%}", after(share * uncut_seconds)) for share in KILL_SHARES]
    points += [("staging appears", staging_appears), ("manifest staged", manifest_staged)]
    phases = {}
    for label, stop in points:
        data = tmp_path / f"kill-{label.replace(' ', '-').replace('%', 'pct')}"
        old_id, old_hashes = fresh_data(data, extract_files, monkeypatch)
        returncode, _ = run_cli(big, stop)
        phases[label] = where = phase(data, old_id, returncode)
        context = f"killed at {label} ({where})"

        assert returncode in (0, -signal.SIGKILL), context
        assert_no_half_version(data)
        assert file_hashes(warehouse(data) / store.VERSIONS / old_id) == old_hashes, context
        if where in ("finished", "after the pointer moved"):
            assert complete_counts(store.current_version().path)["departures"] == 11 + rows, context
        else:
            # The old version serves, and the queries answer its figures: nothing of the big file.
            assert pointer(data) == old_id, context
            assert headline(YEAR_2024) == extracts.NATIONAL_2024, context
            assert headline(YEAR_2021)["labour_departures"] == 0, context

        # The next normal run clears what the killed one left and publishes on top of what serves.
        serving = pointer(data)
        before = complete_counts(warehouse(data) / store.VERSIONS / serving)
        report = ingest([extra])
        assert report.published_new_version, context
        new = store.current_version()
        assert new.manifest["parent"] == serving, context
        assert complete_counts(new.path) == {**before, "departures": before["departures"] + 1}, context
        assert staging_names(data) == [], context
        assert_no_half_version(data)

    print("kill points:", phases)
    # Not a timing assertion: the kill points must have reached the middle of the run and its end.
    assert "working" in phases.values(), phases
    assert phases["staging appears"] in ("writing the version", "publishing (manifest staged)",
                                         "publishing (moved, pointer not yet)"), phases


# --- idempotency and append at the command line ----------------------------------------------------


def summary(start: str, end: str, capsys) -> dict:
    capsys.readouterr()
    assert main(["summary", "--start", start, "--end", end, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_same_file_twice_changes_nothing(data_dir, tmp_path, capsys):
    jan = extracts.write_csv(tmp_path / "jan.csv", extracts.DEPARTURE_HEADER, month_rows("jan"))
    assert main(["ingest", str(jan)]) == 0
    first = store.current_version()
    assert f"published version {first.id}: registrations 0, departures 3, cases 0" in capsys.readouterr().out

    assert main(["ingest", str(jan)]) == 0
    out = capsys.readouterr().out
    assert "departures: 0 new, 0 updated, 3 unchanged" in out
    assert f"nothing changed; version {first.id} stays current" in out
    # The same rows reordered, semicolon-separated, under another name: still the same records.
    again = tmp_path / "januari-ulang.csv"
    extracts.write_csv(again, extracts.DEPARTURE_HEADER, month_rows("jan")[::-1], delimiter=";")
    assert main(["ingest", str(again)]) == 0
    assert "departures: 0 new, 0 updated, 3 unchanged" in capsys.readouterr().out

    assert pointer(data_dir) == first.id
    assert version_ids(data_dir) == [first.id]
    assert not (data_dir / "quarantine").exists() or not any((data_dir / "quarantine").iterdir())
    assert summary("2024-01-01", "2024-01-31", capsys)["labour_departures"] == 2


def test_month_two_appends_to_month_one(data_dir, tmp_path, capsys):
    jan = extracts.write_csv(tmp_path / "jan.csv", extracts.DEPARTURE_HEADER, month_rows("jan"))
    feb = extracts.write_csv(tmp_path / "feb.csv", extracts.DEPARTURE_HEADER, month_rows("feb"))
    assert main(["ingest", str(jan)]) == 0
    first = store.current_version()
    january = summary("2024-01-01", "2024-01-31", capsys)
    assert (january["labour_departures"], january["non_procedural_departures"], january["prevented_departures"]) == (
        2, 2, 0)

    assert main(["ingest", str(feb)]) == 0
    assert "departures: 2 new, 0 updated, 0 unchanged" in capsys.readouterr().out
    second = store.current_version()
    assert second.id != first.id and second.manifest["parent"] == first.id
    assert complete_counts(second.path) == {"registrations": 0, "departures": 5, "cases": 0}  # 3 + 2
    assert complete_counts(first.path)["departures"] == 3  # the parent is left as it was
    assert [(s["file"], s["rows_read"], s["rows_published"]) for s in second.manifest["sources"]] == [
        ("jan.csv", 3, 3), ("feb.csv", 2, 2)]
    both = summary("2024-01-01", "2024-02-29", capsys)
    assert (both["labour_departures"], both["non_procedural_departures"], both["prevented_departures"]) == (3, 3, 1)
    assert summary("2024-01-01", "2024-01-31", capsys) == january


# --- out of disk ---------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(data_dir):
    """The data folder on its own 32 MB tmpfs (needs root and mount; skipped where that is refused)."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    data_dir.mkdir(parents=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(data_dir)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield data_dir
    finally:
        subprocess.run(["umount", "-l", str(data_dir)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill the filesystem under folder until ENOSPC, then give back `leave` bytes."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * (1 << 20))
    except OSError as e:
        assert e.errno == errno.ENOSPC
    finally:
        os.close(fd)
    os.truncate(filler, filler.stat().st_size - leave)
    return filler


def run_failing(path: Path, **popen) -> subprocess.CompletedProcess:
    return subprocess.run([*INGEST, str(path)], cwd=ROOT, capture_output=True, text=True, **popen)


def assert_failed_cleanly(result: subprocess.CompletedProcess, data: Path, old_id: str,
                          old_hashes: dict[str, str]) -> None:
    """Exit 2, one line on stderr without a traceback, the old version serving, nothing staged."""
    err = result.stderr.strip()
    assert result.returncode == 2, err
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    assert pointer(data) == old_id
    assert version_ids(data) == [old_id]
    assert file_hashes(warehouse(data) / store.VERSIONS / old_id) == old_hashes
    assert staging_names(data) == []


def test_disk_full_while_writing_the_version(small_disk, extract_files, mid_departures, monkeypatch):
    path, rows = mid_departures
    old_id, old_hashes = fresh_data(small_disk, extract_files, monkeypatch)
    filler = fill(small_disk, leave=256 * 1024)  # the departures table of 20k rows needs more

    result = run_failing(path)
    assert_failed_cleanly(result, small_disk, old_id, old_hashes)
    assert "disk full" in result.stderr and "nothing published" in result.stderr
    assert headline(YEAR_2024) == extracts.NATIONAL_2024

    # Space back: the same file now publishes.
    filler.unlink()
    assert run_failing(path).returncode == 0
    assert complete_counts(store.current_version().path) == {**FIXTURE_TABLES, "departures": 11 + rows}


def test_disk_full_while_spilling(small_disk, extract_files, big_departures, monkeypatch):
    path, _ = big_departures
    old_id, old_hashes = fresh_data(small_disk, extract_files, monkeypatch)
    fill(small_disk, leave=256 * 1024)
    # 64 MB is enough for this file with a disk to spill to (the bench runs far larger files this way).
    result = run_failing(path, env={**os.environ, "PANTAU_INGEST_MEMORY": "64MB"})
    assert_failed_cleanly(result, small_disk, old_id, old_hashes)
    assert "disk full" in result.stderr


def _file_size_limit() -> None:
    # A per-file limit (ulimit -f, a FAT32 volume, a quota) fails writes with EFBIG, not ENOSPC.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))


def test_file_too_large_ends_with_a_clear_message(data_dir, extract_files, mid_departures, monkeypatch):
    path, _ = mid_departures
    old_id, old_hashes = fresh_data(data_dir, extract_files, monkeypatch)
    result = run_failing(path, preexec_fn=_file_size_limit)
    assert_failed_cleanly(result, data_dir, old_id, old_hashes)
    assert "File too large" in result.stderr  # EFBIG named as it is: not a full disk, not a quarantine
