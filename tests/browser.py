"""A real dashboard server and Debian's headless chromium, with the network outside localhost blocked."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium")
LOCAL_HOSTS = ("127.0.0.1", "localhost")
CHART = '[data-testid="stPlotlyChart"] .js-plotly-plot .main-svg'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def dashboard(env: dict[str, str], timeout: float = 60) -> Iterator[str]:
    """Start `streamlit run dashboard.py` on a free port; yield its base URL.

    The server gets the test's environment with `env` on top: PANTAU_SUPPRESSION=off from
    tests/conftest.py (exact figures), unless the test is marked `suppressed` or sets it in `env`.
    """
    with server(["-m", "streamlit", "run", "dashboard.py"], env, timeout) as (url, _):
        yield url


@contextmanager
def server(args: list[str], env: dict[str, str], timeout: float = 60) -> Iterator[tuple[str, Path]]:
    """`python <args> --server.port P` from the repository on a free port, once its health check
    answers; yield its base URL and the file holding its output."""
    port = free_port()
    log_path = ARTIFACTS / f"server-{port}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, *args, "--server.port", str(port)], cwd=REPO,
                                env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                        if r.status == 200:
                            break
                except OSError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the server did not start; see {log_path}")
                time.sleep(0.3)
            yield url, log_path
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@contextmanager
def offline_page(width: int = 1440, height: int = 1000):
    """A chromium page whose requests to anything but localhost are aborted and recorded."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def route(r):
        host = r.request.url.split("/")[2].split(":")[0] if "://" in r.request.url else ""
        if r.request.url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", route)
            yield page, blocked
        finally:
            browser.close()
