"""The audit log without Streamlit (pantau/audit.py): line format, cleaning, concurrent writers, search."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import os
import re
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from pantau import audit
from pantau.access import ANALYST, NATIONAL, Grant, Scope

ROOT = Path(__file__).resolve().parents[1]
UTC = dt.UTC
NIK = "3201011234567890"
SIXTEEN_DIGITS = re.compile(r"\d{16}")
JATENG = Grant("analyst.jateng@test.example", ANALYST, Scope(provinces=("33",)), "oidc")
ADMIN = Grant("admin@test.example", "admin", NATIONAL, "dev")


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    file = tmp_path / "logs" / "audit.jsonl"
    monkeypatch.setenv("PANTAU_AUDIT_LOG", str(file))
    return file


def entries(file) -> list[dict]:
    return [json.loads(raw) for raw in file.read_text(encoding="utf-8").splitlines()]


def test_one_line_has_every_key_in_order():
    got = audit.line("download", JATENG, "20261101T000000-abc123", page="departures",
                     filters={"start": "2026-01-01", "end": "2026-10-31", "province": "33"},
                     time=dt.datetime(2026, 11, 28, 11, 5, 6, 789000, tzinfo=dt.timezone(dt.timedelta(hours=7))),
                     what="monthly", format="csv")
    assert got == (
        '{"time":"2026-11-28T04:05:06.789+00:00","event":"download","user":"analyst.jateng@test.example",'
        '"role":"analyst","source":"oidc","scope":"33","version":"20261101T000000-abc123","page":"departures",'
        '"filters":{"start":"2026-01-01","end":"2026-10-31","province":"33"},'
        '"detail":{"what":"monthly","format":"csv"}}\n'
    )


def test_default_file_is_private_in_the_data_folder(data_dir):
    assert audit.record("sign_in", ADMIN, "v1")
    file = data_dir / "audit" / "audit.jsonl"
    assert stat.S_IMODE(file.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    [entry] = entries(file)
    assert (entry["event"], entry["user"], entry["scope"], entry["version"], entry["page"], entry["filters"],
            entry["detail"]) == ("sign_in", "admin@test.example", "national", "v1", None, {}, {})
    assert dt.datetime.fromisoformat(entry["time"]).utcoffset() == dt.timedelta(0)


def test_niks_and_the_secret_never_reach_the_log(log_file, monkeypatch):
    monkeypatch.setenv("PANTAU_SECRET", "s3cr3t-key-value")
    files = [{"name": f"departures-{NIK}.csv", "kind": "departures", "rows_read": 8},
             {"name": "nik 3201 0112 3456 7890 and 32010112345678901234.xlsx"},
             {"name": "key s3cr3t-key-value in a name.csv"}]
    assert audit.record("upload_check", ADMIN, "v1", page="upload", files=files, kind="auto",
                        token="eyJhbGciOi.secret", cookie="session=abc")
    text = log_file.read_text(encoding="utf-8")
    assert not SIXTEEN_DIGITS.search(text) and "0112 3456" not in text
    assert "s3cr3t-key-value" not in text and "eyJhbGciOi" not in text and "session=abc" not in text
    [entry] = entries(log_file)
    # 6 first and 4 last digits kept, as pantau.pseudonym.mask_nik; separators go with the masked digits.
    assert entry["detail"] == {"kind": "auto", "files": [
        {"name": "departures-320101******7890.csv", "kind": "departures", "rows_read": 8},
        {"name": "nik 320101******7890 and 320101**********1234.xlsx"},
        {"name": "key [redacted] in a name.csv"},
    ]}


def test_every_digit_run_of_16_or_more_is_masked():
    assert audit.clean_text(NIK) == "320101******7890"
    assert audit.clean_text("3201-0112-3456-7890") == "320101******7890"
    assert audit.clean_text("32010112345678901") == "320101*******8901"
    # Shorter numbers (dates, counts, version ids) stay.
    for kept in ("20261101T000000_123456789012345", "2024-01-01", "3201,3301,3302,3303"):
        assert audit.clean_text(kept) == kept


def test_unknown_detail_keys_are_dropped_and_unknown_events_refused(log_file, caplog):
    assert audit.record("page_view", ADMIN, "v1", page="overview", what="x")
    assert entries(log_file)[0]["detail"] == {}
    with caplog.at_level(logging.ERROR, logger="pantau.audit"):
        assert not audit.record("export_everything", ADMIN, "v1")
    assert len(entries(log_file)) == 1
    assert "export_everything" in caplog.text


def test_an_unwritable_log_is_an_error_in_the_server_log_not_an_exception(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("PANTAU_AUDIT_LOG", str(blocker / "audit.jsonl"))
    with caplog.at_level(logging.ERROR, logger="pantau.audit"):
        assert audit.record("download", ADMIN, "v1", what="monthly", format="csv") is False
    [message] = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "download" in message.getMessage() and "admin@test.example" in message.getMessage()


# --- Concurrent writers ---

WRITERS = 4
LINES = 150
# Lines well over PIPE_BUF (4096 bytes), where an unlocked append could tear.
BIG_FILES = [{"name": "x" * 290 + f"{i:03d}.csv", "kind": "cases"} for i in range(20)]


def _write_many(writer: int) -> None:
    grant = Grant(f"writer{writer}@test.example", ANALYST, NATIONAL, "test")
    for i in range(LINES):
        audit.record("upload_check", grant, f"v{i}", files=BIG_FILES, rows_read=i)


def _check_whole_lines(file) -> None:
    raw = file.read_bytes()
    assert len(raw) > 4096 * WRITERS
    found = entries(file)  # every line parses: none torn, none interleaved
    assert len(found) == WRITERS * LINES
    for writer in range(WRITERS):
        mine = [e["detail"]["rows_read"] for e in found if e["user"] == f"writer{writer}@test.example"]
        assert mine == list(range(LINES))
    assert all(e["detail"]["files"] == BIG_FILES for e in found)


def test_threads_write_whole_lines(log_file):
    _run_threads()
    _check_whole_lines(log_file)


def _run_threads() -> None:
    threads = [threading.Thread(target=_write_many, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_the_lock_keeps_lines_whole_even_when_the_kernel_takes_them_in_pieces(log_file, tmp_path, monkeypatch):
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:1000])))  # short writes
    _run_threads()
    _check_whole_lines(log_file)


def _parses(raw: str) -> bool:
    try:
        json.loads(raw)
    except ValueError:
        return False
    return True


def test_processes_write_whole_lines(log_file):
    # Separate processes (server replicas on one host) share nothing but the file and its lock.
    # Plain interpreters, not multiprocessing: after an AppTest run Streamlit has made dashboard.py
    # the __main__ module, and a spawned child would run the whole dashboard before writing.
    script = "import sys; from test_audit import _write_many; _write_many(int(sys.argv[1]))"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests")])}
    processes = [subprocess.Popen([sys.executable, "-c", script, str(w)], cwd=ROOT, env=env)
                 for w in range(WRITERS)]
    assert [p.wait(timeout=120) for p in processes] == [0] * WRITERS
    _check_whole_lines(log_file)


# --- Search ---

T0 = dt.datetime(2026, 11, 1, tzinfo=UTC)
VIEWER = Grant("viewer@test.example", "viewer", NATIONAL, "oidc")
# (minutes after T0, grant, event, page, detail): nine events over two days.
EVENTS = [
    (0, ADMIN, "sign_in", None, {}),
    (1, ADMIN, "page_view", "overview", {}),
    (2, JATENG, "sign_in", None, {}),
    (3, JATENG, "page_view", "departures", {}),
    (4, JATENG, "download", "departures", {"what": "monthly", "format": "csv"}),
    (5, JATENG, "denied", "overview", {"reason": "outside_scope", "param": "province", "value": "32"}),
    (60 * 24, VIEWER, "sign_in", None, {}),
    (60 * 24 + 1, VIEWER, "download", "overview", {"what": "top_provinces", "format": "xlsx"}),
    (60 * 24 + 2, ADMIN, "download", "audit", {"what": "audit_log", "format": "csv"}),
]


@pytest.fixture
def history(log_file):
    """EVENTS, the first six in a rotated file (gzip), the rest in the current one, plus junk lines."""
    lines = [audit.line(event, grant, "v1", page=page, time=T0 + dt.timedelta(minutes=m), **detail)
             for m, grant, event, page, detail in EVENTS]
    log_file.parent.mkdir(parents=True)
    rotated = log_file.with_name("audit.jsonl.1.gz")
    with gzip.open(rotated, "wt", encoding="utf-8") as f:
        f.write("".join(lines[:3]) + "not json at all\n" + "".join(lines[3:6]))
    os.utime(rotated, (T0.timestamp() + 600, T0.timestamp() + 600))
    junk = ['{"time": "2026-11-02T00:30:00", "event": "sign_in"}\n',  # no offset
            '{"event": "sign_in"}\n', "\n", '{"time":"2026-11-02T00:31:00+00:00","event":"page_vi']  # torn
    log_file.write_text(lines[6] + junk[0] + lines[7] + junk[1] + junk[2] + lines[8] + junk[3], encoding="utf-8")
    return lines


def minutes(found: list[dict]) -> list[int]:
    return [int((dt.datetime.fromisoformat(e["time"]) - T0).total_seconds() // 60) for e in found]


def test_search_everything_newest_first_skipping_malformed_lines(history):
    found = audit.search()
    assert minutes(found) == [60 * 24 + 2, 60 * 24 + 1, 60 * 24, 5, 4, 3, 2, 1, 0]
    assert found[0] == json.loads(history[8])


@pytest.mark.parametrize("query, expected", [
    ({"user": "JATENG"}, [5, 4, 3, 2]),
    ({"user": "test.example", "event": "download"}, [60 * 24 + 2, 60 * 24 + 1, 4]),
    ({"event": "sign_in"}, [60 * 24, 2, 0]),
    ({"since": T0 + dt.timedelta(minutes=3), "until": T0 + dt.timedelta(days=1)}, [5, 4, 3]),
    ({"since": dt.date(2026, 11, 2)}, [60 * 24 + 2, 60 * 24 + 1, 60 * 24]),
    ({"until": dt.datetime(2026, 11, 1, 7, 2, tzinfo=dt.timezone(dt.timedelta(hours=7)))}, [1, 0]),
    ({"text": "CSV"}, [60 * 24 + 2, 4]),
    ({"text": "outside_scope"}, [5]),
    ({"limit": 4}, [60 * 24 + 2, 60 * 24 + 1, 60 * 24, 5]),
    ({"event": "download", "limit": 1}, [60 * 24 + 2]),
    ({"user": "nobody@"}, []),
])
def test_search_filters(history, query, expected):
    assert minutes(audit.search(**query)) == expected


def test_search_without_a_log_finds_nothing(log_file):
    assert audit.search() == []


def test_reading_backwards_across_chunk_boundaries(log_file, monkeypatch):
    monkeypatch.setattr(audit, "CHUNK", 7)  # lines are ~250 bytes: every line spans many chunks
    for i in range(30):
        audit.record("download", ADMIN, f"v{i}", what=f"chart{i}", format="csv")
    found = audit.search(limit=100)
    assert [e["detail"]["what"] for e in found] == [f"chart{i}" for i in reversed(range(30))]
