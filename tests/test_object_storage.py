"""The dataset on S3-compatible object storage: `push` from the ingest host, replicas with PANTAU_DATA=s3://...

A local S3 (moto's server mode on 127.0.0.1, started here) stands in for the bucket; nothing leaves the
machine. Each test gets its own bucket and its own replica cache (PANTAU_CACHE).

Hand-worked figures: tests/extracts.py (NATIONAL_2024, PROVINCE_32_2024). The appended extract adds
D20: person H, 2024-09-01, AIR-CGK -> SGP, declared work, departed. H has no registration, so D20 is a
non-procedural labour departure: labour departures 8 -> 9, non-procedural 4 -> 5; K05 (H, reported
2024-08-01) is before D20 and stays unknown, so every other figure is unchanged.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import extracts
import pytest
from moto.server import ThreadedMotoServer
from streamlit.testing.v1 import AppTest

from pantau import remote, store
from pantau.cli import main
from pantau.i18n import fmt_int
from pantau.ingest import ingest
from pantau.paths import cache_dir

REPO = Path(__file__).resolve().parent.parent
DASHBOARD = str(REPO / "dashboard.py")
YEAR_2024 = ("--start", "2024-01-01", "--end", "2024-12-31")
WITH_D20 = {**extracts.NATIONAL_2024, "labour_departures": 9, "non_procedural_departures": 5}
KPI_ORDER = ("registrations", "labour_departures", "procedural_departures", "non_procedural_departures",
             "prevented_departures", "cases", "trafficking_cases")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint() -> str:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(endpoint, monkeypatch) -> str:
    """A fresh bucket on the local S3, the AWS_* environment that reaches it, and s3://bucket/prefix."""
    for name, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                        "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_ENDPOINT_URL_S3", raising=False)
    monkeypatch.delenv("PANTAU_S3_POLL", raising=False)
    bucket = f"pantau-{uuid.uuid4().hex[:12]}"
    client().create_bucket(Bucket=bucket)
    return f"s3://{bucket}/datasets/pmi"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "replica-cache"
    monkeypatch.setenv("PANTAU_CACHE", str(folder))
    return folder


def client():
    return boto3.client("s3", endpoint_url=os.environ["AWS_ENDPOINT_URL"], region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def split(url: str) -> tuple[str, str]:
    bucket, _, prefix = url.removeprefix("s3://").partition("/")
    return bucket, prefix


def remote_pointer(url: str) -> str | None:
    bucket, prefix = split(url)
    try:
        return client().get_object(Bucket=bucket, Key=f"{prefix}/warehouse/CURRENT")["Body"].read().decode()
    except client().exceptions.NoSuchKey:
        return None


def remote_keys(url: str, version_id: str) -> list[str]:
    """The version's files in the bucket, relative to its folder."""
    bucket, prefix = split(url)
    folder = f"{prefix}/warehouse/versions/{version_id}/"
    listing = client().list_objects_v2(Bucket=bucket, Prefix=folder)
    return sorted(o["Key"].removeprefix(folder) for o in listing.get("Contents", []))


def local_files(version_id: str) -> list[str]:
    """The version's files on the ingest host (whatever tables and rollups a version holds)."""
    folder = store.current_version().path.parent / version_id
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def summary(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["summary", *YEAR_2024, *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def fresh_summary(url: str, *args: str, wrapper: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess:
    """`python -m pantau summary --json` in a new process reading the dataset from object storage."""
    return subprocess.run(
        [*wrapper, sys.executable, "-m", "pantau", "summary", *YEAR_2024, *args, "--json"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PANTAU_DATA": url, **env},
    )


def push(capsys, url: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["push", url])
    out, err = capsys.readouterr()
    return code, out, err


def append_d20(folder: Path) -> Path:
    nik, regency, gender, birth = extracts._person("H")
    row = ["D20", nik, "2024-09-01 09:30:00", "AIR-CGK", "SGP", regency, gender, birth, "work", "false", "departed"]
    return extracts.write_csv(folder / "departures-d20.csv", extracts.DEPARTURE_HEADER, [row])


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in text
    return lines[0]


def test_a_fresh_replica_gives_the_local_figures_and_survives_an_outage(published, s3, cache, capsys):
    local = summary(capsys)
    assert local == extracts.NATIONAL_2024
    code, out, _ = push(capsys, s3)
    assert code == 0
    assert f"{s3} now serves version {published.version}" in out
    assert remote_pointer(s3) == published.version
    assert remote_keys(s3, published.version) == local_files(published.version)
    assert {"cases.parquet", "departures.parquet", "manifest.json", "registrations.parquet"} <= set(
        remote_keys(s3, published.version))

    run = fresh_summary(s3)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == local
    run = fresh_summary(s3, "--province", "32")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == extracts.PROVINCE_32_2024
    replica = cache_dir(s3) / "warehouse"
    assert (replica / "CURRENT").read_text() == published.version
    assert sorted(p.name for p in (replica / "versions").iterdir()) == [published.version]
    assert not list(replica.glob(".download-*"))

    # The bucket's endpoint goes away: the cached copy keeps serving, with a one-line warning.
    dead = f"http://127.0.0.1:{free_port()}"
    run = fresh_summary(s3, AWS_ENDPOINT_URL=dead)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == local
    warning = one_line(run.stderr)
    assert "cannot reach the object store" in warning and f"serving the cached version {published.version}" in warning


def test_push_is_idempotent_and_writes_the_pointer_last(published, s3, tmp_path, capsys, monkeypatch):
    first = published.version
    code, out, _ = push(capsys, s3)
    assert code == 0 and f"uploaded version {first}" in out
    assert f"uploaded {len(local_files(first))} files" in out

    code, out, _ = push(capsys, s3)
    assert code == 0
    assert out.strip() == f"{s3} is up to date: it serves version {first}"
    assert remote.push(s3, store.current_version().path.parent.parent).files == 0

    second = ingest([append_d20(tmp_path)]).version
    assert second != first

    uploaded: list[str] = []
    real_upload = remote._upload_file

    def fail_after_first(s3fs, source, key):
        if uploaded:
            raise OSError("simulated network failure mid-upload")
        real_upload(s3fs, source, key)
        uploaded.append(key)

    monkeypatch.setattr(remote, "_upload_file", fail_after_first)
    code, out, err = push(capsys, s3)
    assert code == 2
    assert one_line(err).startswith("push failed: ")
    assert remote_pointer(s3) == first  # replicas keep serving the complete version
    assert remote_keys(s3, second) == [local_files(second)[0]]  # one file made it, not the manifest
    assert "manifest.json" not in remote_keys(s3, second)

    order: list[str] = []

    def recording(s3fs, source, key):
        real_upload(s3fs, source, key)
        order.append(key.rsplit("/", 1)[1])

    monkeypatch.setattr(remote, "_upload_file", recording)
    code, out, _ = push(capsys, s3)
    assert code == 0
    assert f"uploaded version {second}" in out and f"uploaded version {first}" not in out
    assert f"{s3} now serves version {second}" in out
    assert order[-1] == "manifest.json" and len(order) == len(local_files(second))
    assert remote_pointer(s3) == second
    run = fresh_summary(s3, PANTAU_CACHE=str(tmp_path / "another-replica"))
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == WITH_D20


@pytest.mark.skipif(shutil.which("strace") is None, reason="needs strace")
def test_a_replica_contacts_only_the_endpoint(published, s3, cache, tmp_path, capsys):
    """No metadata service (169.254.169.254), no DNS, no AWS host: every socket goes to the endpoint."""
    assert push(capsys, s3)[0] == 0
    trace = tmp_path / "connect.trace"
    run = fresh_summary(s3, wrapper=("strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace)))
    if run.returncode != 0 and ("ptrace" in run.stderr.lower() or run.stderr.startswith("strace:")):
        pytest.skip(f"strace cannot trace here: {run.stderr.strip()[:200]}")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == extracts.NATIONAL_2024
    port = os.environ["AWS_ENDPOINT_URL"].rsplit(":", 1)[1]
    inet = re.findall(r"connect\(\d+, \{sa_family=AF_INET6?, ([^}]*)\}", trace.read_text())
    assert inet, "the replica never reached the endpoint"
    assert set(inet) == {f'sin_port=htons({port}), sin_addr=inet_addr("127.0.0.1")'}


def wait_for_version(version_id: str, timeout: float = 60) -> store.Version:
    """A replica picks a new version up in the background: ask until it serves it (or give up)."""
    deadline = time.monotonic() + timeout
    while (version := store.current_version()).id != version_id and time.monotonic() < deadline:
        time.sleep(0.05)
    return version


def test_a_running_replica_switches_after_the_poll_interval(published, s3, cache, data_dir, tmp_path, capsys,
                                                            monkeypatch):
    def as_replica(poll: str) -> None:
        monkeypatch.setenv("PANTAU_DATA", s3)
        monkeypatch.setenv("PANTAU_S3_POLL", poll)

    def as_ingest_host() -> None:
        monkeypatch.setenv("PANTAU_DATA", str(data_dir))

    looks: list[str] = []  # each look at the bucket, in the foreground or the background
    real_refresh = remote._refresh

    def counted(url, warehouse):
        looks.append(url)
        real_refresh(url, warehouse)

    monkeypatch.setattr(remote, "_refresh", counted)
    first = published.version
    assert push(capsys, s3)[0] == 0
    as_replica("3600")
    version = store.current_version()
    assert version.id == first and version.path.is_relative_to(cache)
    assert summary(capsys) == extracts.NATIONAL_2024

    as_ingest_host()
    second = ingest([append_d20(tmp_path)]).version
    assert push(capsys, s3)[0] == 0
    as_replica("3600")
    assert store.current_version().id == first  # asked the bucket under an hour ago
    assert summary(capsys) == extracts.NATIONAL_2024
    assert looks == [s3]  # the first look only: within the poll interval the bucket is not asked

    as_replica("0")
    assert wait_for_version(second).id == second
    assert len(looks) >= 2
    assert summary(capsys) == WITH_D20
    versions = cache_dir(s3) / "warehouse" / "versions"
    assert sorted(p.name for p in versions.iterdir()) == sorted([first, second])

    as_ingest_host()
    row = extracts.departures()[0]
    third = ingest([extracts.write_csv(tmp_path / "d21.csv", extracts.DEPARTURE_HEADER,
                                       [["D21", *row[1:]]])]).version
    assert push(capsys, s3)[0] == 0
    as_replica("0")
    assert wait_for_version(third).id == third
    # The current and the previous version stay cached; older ones go.
    assert sorted(p.name for p in versions.iterdir()) == sorted([second, third])


def test_errors_are_one_line_and_exit_2(s3, cache, extract_files, capsys, monkeypatch):
    monkeypatch.setenv("PANTAU_SECRET", "test-secret-not-for-production")
    missing = f"s3://no-such-bucket-{uuid.uuid4().hex[:8]}/x"
    cases = [
        (missing, {}, f"bucket '{missing[5:].split('/')[0]}' does not exist"),
        (s3, {}, f"nothing published at {s3} (no warehouse/CURRENT)"),
        (s3, {"AWS_ENDPOINT_URL": f"http://127.0.0.1:{free_port()}"}, "cannot reach the object store"),
    ]
    for url, env, expected in cases:
        with monkeypatch.context() as m:
            m.setenv("PANTAU_DATA", url)
            for name, value in env.items():
                m.setenv(name, value)
            capsys.readouterr()
            assert main(["summary", *YEAR_2024, "--json"]) == 2, url
            out, err = capsys.readouterr()
            assert out == "" and expected in one_line(err), err

    monkeypatch.setenv("PANTAU_DATA", s3)
    for command in (["ingest", *map(str, extract_files)], ["demo"], ["push", s3]):
        capsys.readouterr()
        assert main(command) == 2
        err = one_line(capsys.readouterr().err)
        assert err == remote.read_only_message(s3)
        assert "publish from the ingest host with `python -m pantau push" in err
    with pytest.raises(store.PublishError, match="publish from the ingest host"):
        ingest(extract_files)  # the upload page's path, below the CLI
    assert not (cache_dir(s3) / "warehouse" / "versions").exists() or not any(
        (cache_dir(s3) / "warehouse" / "versions").iterdir())


def test_push_errors_are_one_line(published, s3, capsys, monkeypatch):
    missing = f"s3://no-such-bucket-{uuid.uuid4().hex[:8]}/x"
    code, out, err = push(capsys, missing)
    assert code == 2 and "does not exist" in one_line(err)
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    code, out, err = push(capsys, s3)
    assert code == 2 and "cannot reach the object store" in one_line(err)


@pytest.fixture
def s3_with_auth(tmp_path) -> str:
    """A second local S3 that checks credentials (moto's auth on): every request with unknown keys fails."""
    port = free_port()
    env = {**os.environ, "INITIAL_NO_AUTH_ACTION_COUNT": "0"}
    server = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("moto server with auth did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_bad_credentials_are_one_line(s3, s3_with_auth, cache, capsys, monkeypatch):
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_with_auth)
    monkeypatch.setenv("PANTAU_DATA", s3)
    assert main(["summary", *YEAR_2024, "--json"]) == 2
    err = one_line(capsys.readouterr().err)
    assert f"access to {s3} denied" in err and "AWS_ACCESS_KEY_ID" in err


def run_app(page: str | None = None) -> AppTest:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.query_params["start"], at.query_params["end"] = "2024-01-01", "2024-12-31"
    at.run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_dashboard_reads_the_bucket(published, s3, cache, data_dir, capsys, monkeypatch):
    assert push(capsys, s3)[0] == 0
    shutil.rmtree(data_dir)  # nothing local left: whatever the replica shows came from the bucket
    monkeypatch.setenv("PANTAU_DATA", s3)
    at = run_app()
    assert [m.value for m in at.metric[:len(KPI_ORDER)]] == [
        fmt_int(extracts.NATIONAL_2024[k], "id") for k in KPI_ORDER]
    assert store.current_version().path.is_relative_to(cache)
    assert not data_dir.exists()

    at = run_app("app_pages/upload.py")
    assert [i.value for i in at.info] == [
        f"Server ini hanya membaca dataset terbitan dari {s3}. Terbitkan data dari server ingest dengan "
        f"`python -m pantau push {s3}`.",
        "Unggah data tidak tersedia di server ini.",
    ]
    assert len(at.file_uploader) == 0


def test_dashboard_without_a_reachable_bucket_says_why(s3, cache, monkeypatch):
    monkeypatch.setenv("PANTAU_DATA", s3)
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{free_port()}")
    at = AppTest.from_file(DASHBOARD, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    assert [e.value for e in at.error] == [remote.describe(OSError("curlCode: 7"), s3)]
    assert not at.metric
