"""Start the dashboard warm: `python -m pantau.serve [streamlit run options]` (what scripts/start runs).

`streamlit run dashboard.py` answers as soon as its web server is up and leaves the rest to the first
visitor's script run: importing pandas, openpyxl, plotly and the first page's modules, opening DuckDB and
building its views. On two cores that was 1-3 s of the first page after a start (bench/load_test.py,
"first page after start"). This launcher does that work first, in the process that will serve, then
starts Streamlit as `streamlit run dashboard.py [options]` would (same options, same config), so the
health check answers once the first page can be served warm. `streamlit run dashboard.py` still works,
only colder.

With no dataset published yet only the imports are warmed: the first visitor's run builds the demo as
before (pantau/ui/dataset.py). A warm-up step that fails is logged and the server starts anyway: the
page then says what is wrong, as it would have without the launcher.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from pantau.paths import REPO

ENTRY = REPO / "dashboard.py"
# The page a visitor lands on (dashboard.py's first page, served at "/"). The other pages import little
# beyond what dashboard.py does, except the briefing page: its deck libraries (matplotlib, python-pptx,
# fpdf2) cost 0.9 s and 60 MB, and would add 90k objects for every garbage collection to walk in a
# server that may never make a deck; it keeps importing them at its first visit.
DEFAULT_PAGE = REPO / "app_pages" / "overview.py"

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Warmed:
    modules: int  # modules loaded by the warm-up (what the first page's imports pull in)
    modules_s: float
    version: str | None  # the dataset version whose connection is open; None: nothing published yet
    dataset_s: float

    def describe(self) -> str:
        dataset = f"dataset {self.version} opened in {self.dataset_s:.1f} s" if self.version else "no dataset yet"
        return f"pantau: warmed up: {self.modules} modules loaded in {self.modules_s:.1f} s, {dataset}"


def page_modules() -> list[str]:
    """The modules dashboard.py and the default page import at their top, read from their source (an
    import added there is warmed too). `from a import b` lists `a` and `a.b`: b may be a submodule."""
    names: dict[str, None] = {}
    for path in (ENTRY, DEFAULT_PAGE):
        for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
            if isinstance(node, ast.Import):
                names.update(dict.fromkeys(alias.name for alias in node.names))
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module != "__future__":
                names[node.module] = None
                names.update(dict.fromkeys(f"{node.module}.{alias.name}" for alias in node.names))
    return list(names)


@contextmanager
def _quiet_cache_decorators() -> Iterator[None]:
    """Outside a running server, st.cache_data's decorator warns "No runtime found" while it checks its
    parameters. Nothing is cached here (the caches are made at their first call, in the server), so the
    warning would only mislead whoever reads the server log."""
    from streamlit.runtime.caching import cache_data_api  # Streamlit sets its loggers' levels at import

    logger = logging.getLogger(cache_data_api.__name__)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _import(names: Sequence[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as e:
            if e.name != name:  # a missing dependency, not a name that is a function or class
                log.warning("warm-up: importing %s failed: %s", name, e)
        except Exception as e:  # the page's own run will fail the same way and say so there
            log.warning("warm-up: importing %s failed: %s: %s", name, type(e).__name__, e)


def _warm_plotly() -> None:
    """Plotly loads its validators and its dataframe layer (narwhals) at the first figure built from
    pandas data, not at import."""
    import pandas as pd
    import plotly.graph_objects as go

    frame = pd.DataFrame({"x": ["a", "b"], "y": [1, 2]})
    figure = go.Figure([go.Bar(x=frame["x"], y=frame["y"]), go.Scatter(x=frame["x"], y=frame["y"])])
    figure.update_layout(title="warm-up", xaxis_title="x", yaxis_title="y")
    figure.to_json()


def _open_dataset() -> str | None:
    """Open the current version's connection (views built in its temporary catalog) and run one query.
    No server runs yet, so the query acts as the operator (pantau/access.py) and its answer is not
    cached: nothing a session could be served comes from here."""
    from pantau import queries, store

    version = store.current_version()
    if version is None:
        return None
    store.connection()
    queries.run("data_period")
    return version.id


def warm() -> Warmed:
    """Import what the first page imports and open the current dataset, as far as each step succeeds."""
    started = time.perf_counter()
    loaded = len(sys.modules)
    with _quiet_cache_decorators():
        _import(page_modules())
    try:
        _warm_plotly()
    except Exception as e:
        log.warning("warm-up: building a plotly figure failed: %s: %s", type(e).__name__, e)
    imported = time.perf_counter()
    modules = len(sys.modules) - loaded
    version = None
    try:
        version = _open_dataset()
    except Exception as e:  # e.g. an unreachable bucket: the page shows its own message for it
        log.warning("warm-up: opening the dataset failed: %s: %s", type(e).__name__, e)
    return Warmed(modules, imported - started, version, time.perf_counter() - imported)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not {"-h", "--help"} & set(args):
        print(warm().describe(), flush=True)
    from streamlit.web import cli

    cli.main(args=["run", str(ENTRY), *args], prog_name="streamlit")


if __name__ == "__main__":
    main()
