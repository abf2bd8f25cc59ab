"""The launcher (pantau/serve.py): it warms the process, then serves the dashboard as `streamlit run` does."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from browser import ARTIFACTS, CHART, REPO, offline_page, server


@pytest.fixture
def demo_data(data_dir) -> Path:
    """A small demo dataset (published as a demo: the dashboard shows its banner)."""
    from pantau.cli import build_demo

    build_demo(7, 0.002, 2, out=io.StringIO())
    return data_dir


def launched(timeout: float = 90):
    """`python -m pantau.serve` on a free port, as scripts/start runs it; yields its URL and its log."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return server(["-m", "pantau.serve"], {}, timeout)


@pytest.mark.browser
def test_launcher_serves_the_overview_warm_with_demo_access(demo_data, monkeypatch):
    # As a fresh checkout runs it: no sign-in, no developer identity, suppression on (demo access).
    monkeypatch.delenv("PANTAU_DEV_USER", raising=False)
    monkeypatch.delenv("PANTAU_SUPPRESSION", raising=False)
    version = (demo_data / "warehouse" / "CURRENT").read_text(encoding="utf-8").strip()
    with launched() as (url, log_path), offline_page() as (page, blocked):
        # The warm-up is over before the server answers: its line comes before Streamlit's own.
        log = log_path.read_text(encoding="utf-8")
        warmed = re.search(r"pantau: warmed up: (\d+) modules loaded .*, dataset (\S+) opened", log)
        assert warmed, log
        assert int(warmed.group(1)) > 500  # pandas, plotly, duckdb, openpyxl... in a fresh interpreter
        assert warmed.group(2) == version
        assert log.index("pantau: warmed up") < log.index("You can now view")
        assert "No runtime found" not in log

        page.goto(url)
        page.wait_for_selector(CHART, timeout=60_000)
        page.wait_for_timeout(1500)  # let the remaining charts finish drawing
        assert page.locator(CHART).count() >= 3
        assert len(page.get_by_test_id("stMetricValue").all_inner_texts()) >= 5
        assert page.get_by_text(re.compile("DATA DEMO", re.I)).count() >= 1
        assert page.locator('[data-testid="stException"]').count() == 0
        page.screenshot(path=ARTIFACTS / "overview-serve.png", full_page=True)
        assert blocked == []
    log = log_path.read_text(encoding="utf-8")
    assert "Traceback" not in log and " ERROR " not in log, log


WARM_THEN_RUN = """
import json, sys
from pantau import serve
from streamlit.testing.v1 import AppTest  # the harness's own imports (unittest, difflib) come before
warmed = serve.warm()
before = set(sys.modules)
at = AppTest.from_file("dashboard.py", default_timeout=120).run()
roots = {name.split(".")[0] for name in before}
print(json.dumps({"version": warmed.version, "exceptions": [e.value for e in at.exception],
                  "charts": len(at.get("plotly_chart")), "imported": sorted(set(sys.modules) - before),
                  "new_packages": sorted({name.split(".")[0] for name in sys.modules} - roots)}))
"""


def test_after_the_warm_up_the_first_run_imports_no_package_and_none_of_ours(demo_data):
    # A fresh interpreter, as the launcher's: warm up, then the overview's first script run. Loading a
    # package (pandas, plotly, openpyxl...) or our modules is what the launcher takes off that run; plotly
    # still loads a few small submodules of the properties a chart sets, as it goes.
    out = subprocess.run([sys.executable, "-c", WARM_THEN_RUN], cwd=REPO, env=dict(os.environ), check=True,
                         capture_output=True, text=True, timeout=300).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result["version"] == (demo_data / "warehouse" / "CURRENT").read_text(encoding="utf-8").strip()
    assert result["exceptions"] == []
    assert result["charts"] >= 3  # the overview did run
    assert result["new_packages"] == []
    assert [name for name in result["imported"] if name.split(".")[0] == "pantau"] == []


def test_warm_up_without_a_dataset_leaves_the_first_start_to_the_page(data_dir):
    from pantau import serve

    warmed = serve.warm()
    assert warmed.version is None
    assert "no dataset yet" in warmed.describe()
    # Nothing written: the first visitor's run builds the demo (pantau/ui/dataset.py), as without the launcher.
    assert not data_dir.exists()
