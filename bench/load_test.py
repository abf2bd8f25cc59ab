"""Load test: concurrent sessions changing the sidebar filters of a running dashboard.

    .venv/bin/python -m bench.load_test                               # 50 websocket sessions, demo scale 0.1
    .venv/bin/python -m bench.load_test --data bench/cache/scale-1    # an existing dataset (only read)
    .venv/bin/python -m bench.load_test --browser --sessions 6        # Chromium pages (50 are too many here)
    .venv/bin/python -m bench.load_test --sessions 0                  # only the first page after start
    .venv/bin/python -m bench.load_test --quick                       # 6 sessions, 1 round: a smoke run
    .venv/bin/python -m bench.load_test --sessions 0 --launcher streamlit   # the first page, cold start

First the first page after start: Chromium (Debian's /usr/bin/chromium, never downloaded) is ready,
the dashboard is launched as scripts/start launches it (`python -m pantau.serve`, which warms the
process before the server answers; `--launcher streamlit`: plain `streamlit run dashboard.py`), and
as soon as its health check answers the overview is opened and timed until every chart is drawn.
Then every session opens one page (session i: page i mod 6) and changes the sidebar filters the way
a user does, one rerun each: a province, a regency of it, a destination, then the start date to the
first day of the last month (a one-month period); --rounds times, each round a fresh page load with
other values. Latency of a change: from the widget change (browser: the click or key that commits it) to
- websocket mode (default): the server's `script_finished` on the session's own Streamlit websocket
  (/_stcore/stream, BackMsg/ForwardMsg protobufs: the rerun message the browser sends, with every
  sidebar widget's value), every element of the page received;
- browser mode: the rerun finished, no stale element left and every Plotly chart drawn, in a real
  headless Chromium with everything outside localhost blocked.

Errors (must be zero): exception elements, error alerts, runs not finishing successfully, page not
found, timeouts, failed or dropped websockets; in the browser also page errors, failed requests
and HTTP 5xx; and tracebacks or ERROR lines in the server log. Not a test: nothing asserts a time.
See bench/README.md, "Load test".
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import json
import math
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
CACHE = REPO / "bench" / "cache"
RESULTS = CACHE / "load_results.json"
CHROMIUM = os.environ.get("PANTAU_CHROMIUM", "/usr/bin/chromium")
LANG = "id"  # the default language: the URL carries no lang
# (page, url path); the overview is the default page, served at "/".
PAGES = (("overview", ""), ("departures", "departures"), ("cases", "cases"), ("regions", "regions"),
         ("destinations", "destinations"), ("profile", "profile"))
CHANGES = ("province", "regency", "destination", "month")
STEP_TIMEOUT = 180.0
# Distinct filter values the sessions spread over: the busiest provinces and destinations.
PROVINCES, DESTINATIONS = 10, 5
# Every request outside localhost goes to a dead proxy and fails (and is counted as an error): blocked
# in the network stack, without a round trip through Python per request as page.route would need.
BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=127.0.0.1;localhost"]


# --- dataset and what the sessions choose ---------------------------------------------------------

def dataset(scale: float, data: str | None) -> Path:
    """The dataset folder: --data as given, or the demo at this scale in bench/cache/load-S (built once)."""
    folder = Path(data).resolve() if data else CACHE / f"load-{scale:g}"
    if (folder / "warehouse" / "CURRENT").is_file():
        return folder
    if data:
        raise SystemExit(f"{folder} holds no published dataset (warehouse/CURRENT)")
    folder.mkdir(parents=True, exist_ok=True)
    print(f"building the demo at scale {scale:g}, 5 years, into {folder.relative_to(REPO)} ...", flush=True)
    env = {**os.environ, "PANTAU_DATA": str(folder)}
    env.setdefault("PANTAU_SECRET", "pantau-bench-secret-not-for-production")
    subprocess.run([sys.executable, "-m", "pantau", "demo", "--scale", f"{scale:g}", "--years", "5", "--seed", "7"],
                   cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL)
    return folder


@dataclasses.dataclass
class Choices:
    """Filter values from the dataset, as codes (for URLs) and as the widgets show them (names)."""
    start: dt.date
    end: dt.date
    month_start: dt.date
    provinces: list[str]
    regency_of: dict[str, str]
    destinations: list[str]
    names: dict[str, str]  # code -> the label the widget shows


def choices(data: Path) -> Choices:
    os.environ["PANTAU_DATA"] = str(data)
    from pantau import queries, reference
    from pantau.filters import Filters
    from pantau.ui.sidebar import default_period

    start, end = default_period(queries.run("data_period").iloc[0]["last_day"].date())
    base = Filters(start=start, end=end)
    provinces = queries.run("top_origin_provinces", base, limit=PROVINCES)["province_code"].tolist()
    regency_of = {}
    for code in provinces:
        frame = queries.run("region_indicators", base, level="regency", province=code)
        regency_of[code] = frame.sort_values(["labour_departures", "code"], ascending=[False, True])["code"].iloc[0]
    destinations = queries.run("top_destinations", base, limit=DESTINATIONS)["iso3"].tolist()
    names = {**reference.province_names(), **reference.regency_names(), **reference.country_names(LANG)}
    return Choices(start, end, end.replace(day=1), provinces, regency_of, destinations, names)


@dataclasses.dataclass
class Visit:
    """One page load and the filter changes made on it."""
    session: int
    round: int
    page: str
    url: str  # path and query string
    province: str
    regency: str
    destination: str


def plan(sessions: int, rounds: int, c: Choices) -> list[list[Visit]]:
    """Session i stays on page i mod 6; its province and destination move on each round, so sessions
    both share the result cache (same values) and miss it (other values, other pages)."""
    out = []
    for i in range(sessions):
        page, path = PAGES[i % len(PAGES)]
        visits = []
        for r in range(rounds):
            province = c.provinces[(i + r) % len(c.provinces)]
            destination = c.destinations[(i // len(c.provinces) + r) % len(c.destinations)]
            query = urlencode({"kind": "province", "code": province}) if page == "profile" else ""
            visits.append(Visit(i, r, page, f"{path}?{query}" if query else path, province,
                                c.regency_of[province], destination))
        out.append(visits)
    return out


# --- the server --------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclasses.dataclass
class Server:
    proc: subprocess.Popen
    port: int
    log: Path
    up_s: float  # launch to the first healthy answer

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


LAUNCHERS = {
    "serve": ["-m", "pantau.serve"],  # scripts/start: warmed up before the server answers
    "streamlit": ["-m", "streamlit", "run", "dashboard.py"],  # cold: the first visitor's run does the imports
}


def start_server(data: Path, launcher: str = "serve") -> Server:
    """The dashboard on a free port, launched with LAUNCHERS[launcher]; its health check polled every 50 ms."""
    port = free_port()
    log = CACHE / "load-server.log"  # the last run's
    # No file watcher: others edit this checkout while the bench runs, and a deployed server's code does
    # not change under it; with it, an edited module is reloaded mid-run (errors) and the watcher's
    # inotify queue overflows on every file the machine's other jobs write below the repository.
    # The audit log (a line per page view) goes to the bench's own file, not into a data folder the bench
    # does not own (--data).
    env = {**os.environ, "PANTAU_DATA": str(data), "STREAMLIT_SERVER_FILE_WATCHER_TYPE": "none",
           "PANTAU_AUDIT_LOG": str(CACHE / "load-audit" / "audit.jsonl")}
    launched = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *LAUNCHERS[launcher], "--server.port", str(port)],
                            cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return Server(proc, port, log, time.perf_counter() - launched)
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"dashboard did not start; see {log}")
        time.sleep(0.05)


def stop_server(server: Server) -> tuple[float, float]:
    """Stop it; its own peak RSS (MB) and CPU seconds, from os.wait4."""
    server.proc.terminate()
    deadline = time.monotonic() + 20
    while True:  # not proc.wait(): it would reap the process and its usage with it
        pid, status, usage = os.wait4(server.proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            server.proc.kill()
            _, status, usage = os.wait4(server.proc.pid, 0)
            break
        time.sleep(0.1)
    server.proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def server_log_problems(log: Path) -> list[str]:
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if "Traceback" in line or " ERROR " in line or "Exception" in line]


# --- memory and load, sampled --------------------------------------------------------------------------

def tree_pss_mb(root: int, parents: dict[int, int]) -> float:
    """Summed proportional set size of a process and its descendants: a page shared by n processes counts
    1/n in each, so Chromium's many processes are not counted over and over for what they share."""
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        children = [c for c, p in parents.items() if p == pid and c not in tree]
        tree.update(children)
        frontier.extend(children)
    kib = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    kib += int(line.split()[1])
        except OSError:
            continue
    return kib / 1024


def process_parents() -> dict[int, int]:
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parents[int(entry)] = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    return parents


class Sampler(threading.Thread):
    """Every 2 s: the server's memory, the clients' (this process's tree without the server; Chromium
    included) and the 1-minute load average; keeps the peaks, and the server's memory over time (whether
    it keeps growing run after run is what a garbage collector setting changes)."""

    def __init__(self, server_pid: int):
        super().__init__(daemon=True)
        self.server_pid = server_pid
        self.server_mb = self.clients_mb = self.load = 0.0
        self.server_series: list[tuple[float, float]] = []  # (seconds since the start, server MB)
        self.stopping = threading.Event()

    def run(self) -> None:
        started = time.perf_counter()
        while not self.stopping.wait(2.0):
            parents = process_parents()
            server = tree_pss_mb(self.server_pid, parents)
            self.server_series.append((time.perf_counter() - started, server))
            self.server_mb = max(self.server_mb, server)
            self.clients_mb = max(self.clients_mb, tree_pss_mb(os.getpid(), parents) - server)
            self.load = max(self.load, os.getloadavg()[0])

    def stop(self) -> None:
        self.stopping.set()
        self.join()


# --- one step: a page load or a filter change ------------------------------------------------------------

@dataclasses.dataclass
class Step:
    session: int
    round: int
    page: str
    name: str  # first_load or one of CHANGES
    started: float = 0.0
    latency_ms: float | None = None
    server_ms: float | None = None  # to the server's script_finished (browser: before the drawing)
    charts: int = 0
    errors: list[str] = dataclasses.field(default_factory=list)

    def done(self) -> None:
        self.latency_ms = (time.perf_counter() - self.started) * 1000
        if self.server_ms is None:
            self.server_ms = self.latency_ms


@dataclasses.dataclass
class Seen:
    """What the client keeps from the server's messages to send the next rerun, as the browser does."""
    page_hash: str = ""
    query: str = ""
    widgets: dict[str, str] = dataclasses.field(default_factory=dict)  # sidebar widget key -> element id


def account(data: bytes, step: Step, seen: Seen) -> bool:
    """Take one ForwardMsg into the step; True when its run is over."""
    from streamlit.proto.Alert_pb2 import Alert
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = ForwardMsg()
    msg.ParseFromString(data)
    kind = msg.WhichOneof("type")
    if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
        element = msg.delta.new_element
        name = element.WhichOneof("type")
        widget_id = getattr(getattr(element, name), "id", "")
        if isinstance(widget_id, str) and "-_w_" in widget_id:  # keyed sidebar widgets: pantau/ui/sidebar.py
            seen.widgets["_w_" + widget_id.split("-_w_", 1)[1]] = widget_id
        if name == "plotly_chart":
            step.charts += 1
        elif name == "exception":
            step.errors.append(f"exception: {element.exception.type}: {element.exception.message[:200]}")
        elif name == "alert" and element.alert.format == Alert.ERROR:
            step.errors.append(f"error alert: {element.alert.body[:200]}")
    elif kind == "navigation":
        seen.page_hash = msg.navigation.page_script_hash
    elif kind == "page_info_changed":
        seen.query = msg.page_info_changed.query_string
    elif kind == "page_not_found":
        step.errors.append(f"page not found: {msg.page_not_found.page_name}")
    elif kind == "session_event" and msg.session_event.WhichOneof("type") == "script_compilation_exception":
        step.errors.append("script compilation exception")
    elif kind == "script_finished":
        status = msg.script_finished
        if status == ForwardMsg.FINISHED_EARLY_FOR_RERUN:  # st.rerun(): the next run follows on the same session
            step.charts = 0
            return False
        if status != ForwardMsg.FINISHED_SUCCESSFULLY:
            step.errors.append(f"script finished: {ForwardMsg.ScriptFinishedStatus.Name(status)}")
        return True
    return False


def widget_values(c: Choices, visit: Visit, upto: str | None) -> dict[str, list[str]]:
    """Every sidebar widget's value as the browser sends it (labels, ISO dates) after the changes up to
    and including `upto` (None: the first load)."""
    from pantau.i18n import LANG_NAMES

    done = CHANGES[:CHANGES.index(upto) + 1] if upto else ()
    return {
        "_w_lang": [LANG_NAMES[LANG]],
        "_w_start": [(c.month_start if "month" in done else c.start).isoformat()],
        "_w_end": [c.end.isoformat()],
        "_w_provinces": [c.names[visit.province]] if "province" in done else [],
        "_w_regencies": [c.names[visit.regency]] if "regency" in done else [],
        "_w_destinations": [c.names[visit.destination]] if "destination" in done else [],
        "_w_genders": [], "_w_checkpoint_kinds": [], "_w_checkpoints": [],
    }


# --- websocket sessions ------------------------------------------------------------------------------------

class WebsocketClient:
    """A page as the browser's Streamlit client drives it: one websocket (one server session) per page
    load; a filter change is a rerun message carrying every sidebar widget's value."""

    def __init__(self, port: int, choices_: Choices):
        self.port, self.choices = port, choices_
        self.ws = None
        self.seen = Seen()

    async def load(self, step: Step, visit: Visit) -> None:
        import websockets
        from streamlit.proto.BackMsg_pb2 import BackMsg

        await self.close()
        self.seen = Seen()
        path, _, query = visit.url.partition("?")
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = path
        step.started = time.perf_counter()
        self.ws = await websockets.connect(f"ws://127.0.0.1:{self.port}/_stcore/stream", subprotocols=["streamlit"],
                                           max_size=None, open_timeout=STEP_TIMEOUT)
        await self.run(step, msg)

    async def change(self, step: Step, visit: Visit) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        values = widget_values(self.choices, visit, step.name)
        unknown = set(self.seen.widgets) - set(values)
        if unknown:
            step.errors.append(f"bench: sidebar widgets it does not know: {sorted(unknown)}")
            return
        msg = BackMsg()
        msg.rerun_script.query_string = self.seen.query
        msg.rerun_script.page_script_hash = self.seen.page_hash
        for key, widget_id in self.seen.widgets.items():
            widget = msg.rerun_script.widget_states.widgets.add()
            widget.id = widget_id
            widget.string_array_value.SetInParent()
            widget.string_array_value.data.extend(values[key])
        step.started = time.perf_counter()
        await self.run(step, msg)

    async def run(self, step: Step, msg) -> None:
        await self.ws.send(msg.SerializeToString())
        while not account(await self.ws.recv(), step, self.seen):
            pass
        step.done()

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None


# --- browser sessions -------------------------------------------------------------------------------------

# The run is over on screen: no running indicator, no stale element, every chart drawn by Plotly (at least
# as many as the run sent), then two animation frames so the last changes are painted.
DRAWN = """async (expected) => {
    const done = () => {
        if (document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]')) return false;
        const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
        return charts.length >= expected && charts.every(c => c.querySelector('.js-plotly-plot .main-svg'));
    };
    while (!done()) await new Promise(r => setTimeout(r, 50));
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
}"""
FILTERED = """(name) => {
    const options = [...document.querySelectorAll('[role="option"]')].map(o => o.textContent.toLowerCase());
    return options.length > 0 && options.every(o => o.includes(name.toLowerCase()));
}"""
ON_SCREEN_ERRORS = '[data-testid="stException"], [data-testid="stAlertContentError"]'


class BrowserClient:
    """A Chromium page in its own context; a filter change is made on the sidebar widgets. The page's own
    websocket frames say when the rerun started (the client sent it) and when the server finished it."""

    def __init__(self, page, base: str, choices_: Choices):
        self.page, self.base, self.choices = page, base, choices_
        self.step: Step | None = None
        self.armed = False
        self.finished = asyncio.Event()
        self.socket = None
        self.seen = Seen()
        self.marks: dict[str, float] = {}  # first page: when the websocket opened and the run finished
        page.on("websocket", self.on_websocket)
        page.on("pageerror", lambda e: self.error(f"page error: {str(e)[:200]}"))
        page.on("requestfailed", lambda r: self.error(f"request failed: {r.url[:120]} {r.failure}"))
        page.on("response", lambda r: r.status >= 500 and self.error(f"HTTP {r.status}: {r.url[:120]}"))

    def error(self, text: str) -> None:
        if self.step is not None:
            self.step.errors.append(text)

    def on_websocket(self, ws) -> None:
        if not ws.url.endswith("/_stcore/stream"):
            return
        self.socket = ws
        self.marks.setdefault("websocket", time.perf_counter())
        ws.on("framesent", self.on_sent)
        ws.on("framereceived", self.on_received)
        ws.on("socketerror", lambda e: self.error(f"websocket error: {e}"))
        # A dropped websocket: the page would reconnect silently; a closed one replaced by a page load is fine.
        ws.on("close", lambda w: w is self.socket and self.error("websocket closed"))

    def on_sent(self, payload) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if not isinstance(payload, bytes) or self.step is None:
            return
        msg = BackMsg()
        msg.ParseFromString(payload)
        if msg.WhichOneof("type") == "rerun_script":
            self.armed = True

    def on_received(self, payload) -> None:
        if self.step is None or not self.armed or not isinstance(payload, bytes):
            return
        if account(payload, self.step, self.seen):
            self.marks.setdefault("finished", time.perf_counter())
            self.step.server_ms = (time.perf_counter() - self.step.started) * 1000
            self.finished.set()

    def arm(self, step: Step) -> None:
        self.step, self.armed, self.finished = step, False, asyncio.Event()

    async def load(self, step: Step, visit: Visit) -> None:
        self.arm(step)
        self.socket = None
        step.started = time.perf_counter()
        await self.page.goto(f"{self.base}/{visit.url}", wait_until="commit")
        await self.drawn(step)

    async def change(self, step: Step, visit: Visit) -> None:
        page, c = self.page, self.choices
        sidebar = page.get_by_test_id("stSidebar")  # pages have widgets of their own with the same labels
        if step.name == "month":
            # The start date's segments (DD/MM/YYYY), typed; the widget sends its value when focus leaves it.
            await sidebar.get_by_role("spinbutton", name=f"month, {label('filter.start')}").click()
            await page.keyboard.type(f"{c.month_start.month:02d}")
            await sidebar.get_by_role("spinbutton", name=f"year, {label('filter.start')}").click()
            await page.keyboard.type(str(c.month_start.year))
            self.arm(step)
            step.started = time.perf_counter()
            await page.keyboard.press("Tab")
            await page.keyboard.press("Tab")
        else:
            key, code = {"province": ("filter.provinces", visit.province),
                         "regency": ("filter.regencies", visit.regency),
                         "destination": ("filter.destinations", visit.destination)}[step.name]
            box = sidebar.get_by_role("combobox", name=label(key))
            await box.click()
            # The option list is virtual: type the name, and click only once the list shows nothing else
            # (a click while it is still filtering can land on another option).
            await box.fill(c.names[code])
            await page.wait_for_function(FILTERED, arg=c.names[code], polling=50)
            option = page.get_by_role("option", name=c.names[code], exact=True)
            self.arm(step)
            step.started = time.perf_counter()
            await option.click()
            await page.keyboard.press("Escape")
        await self.drawn(step)

    async def drawn(self, step: Step) -> None:
        await self.finished.wait()
        await self.page.evaluate(DRAWN, step.charts)
        step.done()
        shown = await self.page.locator(ON_SCREEN_ERRORS).count()
        if shown:
            step.errors.append(f"on screen: {shown} exception or error elements")

    async def close(self) -> None:
        self.step, self.armed = None, False  # frames still arriving belong to no step


def label(key: str) -> str:
    from pantau.i18n import t

    return t(key, LANG)


async def new_browser_client(browser, base: str, c: Choices) -> BrowserClient:
    context = await browser.new_context(viewport={"width": 1440, "height": 1000}, locale="en-US")
    return BrowserClient(await context.new_page(), base, c)


# --- running the sessions -------------------------------------------------------------------------------------

async def timed(step: Step, action) -> bool:
    """Run one step under the timeout; False if it failed (the rest of that page's changes are skipped)."""
    try:
        async with asyncio.timeout(STEP_TIMEOUT):
            await action
    except TimeoutError:
        step.errors.append(f"timeout after {STEP_TIMEOUT:.0f} s")
    except Exception as e:  # a refused or dropped connection is an error of the run, not of the bench
        step.errors.append(f"client: {type(e).__name__}: {str(e)[:200]}")
    return not step.errors


async def session(client, visits: list[Visit], think: float, delay: float, out: list[Step]) -> None:
    await asyncio.sleep(delay)
    for visit in visits:
        step = Step(visit.session, visit.round, visit.page, "first_load")
        out.append(step)
        ok = await timed(step, client.load(step, visit))
        for name in CHANGES if ok else ():
            await asyncio.sleep(think)
            step = Step(visit.session, visit.round, visit.page, name)
            out.append(step)
            if not await timed(step, client.change(step, visit)):
                break
            # The URL the server wrote back must say the change: a change that did not apply measures nothing.
            if expected_param(name, visit, client.choices) not in client.seen.query.split("&"):
                step.errors.append(f"bench: change not applied, URL {client.seen.query}")
        await asyncio.sleep(think)
    await client.close()


def expected_param(change: str, visit: Visit, c: Choices) -> str:
    """The URL parameter pantau/ui/url.py writes once the change applied."""
    return {"province": f"province={visit.province}", "regency": f"regency={visit.regency}",
            "destination": f"destination={visit.destination}", "month": f"start={c.month_start}"}[change]


async def run_sessions(server: Server, plans: list[list[Visit]], c: Choices, args) -> list[Step]:
    out: list[Step] = []
    delays = [args.ramp * i / max(1, len(plans) - 1) for i in range(len(plans))]

    async def run_all(clients: list) -> list[Step]:
        runs = zip(clients, plans, delays, strict=True)
        await asyncio.gather(*(session(client, visits, args.think, delay, out) for client, visits, delay in runs))
        return out

    if not args.browser:
        return await run_all([WebsocketClient(server.port, c) for _ in plans])
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browsers = [await p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS) for _ in range(args.browsers)]
        try:
            return await run_all([await new_browser_client(browsers[i % len(browsers)], server.url, c)
                                  for i in range(len(plans))])
        finally:
            for browser in browsers:
                try:
                    await browser.close()
                except Exception as e:  # the steps are measured: a failing close must not lose them
                    print(f"closing Chromium: {type(e).__name__}: {str(e)[:200]}", file=sys.stderr)


async def first_figures(client) -> None:
    """Mark when the overview's headline numbers are on screen (before its charts, which wait for plotly.js)."""
    try:
        await client.page.wait_for_selector('[data-testid="stMetricValue"]', timeout=STEP_TIMEOUT * 1000)
        client.marks["figures"] = time.perf_counter()
    except Exception:  # noqa: BLE001 - reported as no figures (nan)
        pass


async def first_page(data: Path, c: Choices, launcher: str) -> tuple[Server, dict]:
    """Launch the server with Chromium ready; time the overview from the server answering to drawn, then
    the same page in a second context (server caches warm, browser cold)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            first = await new_browser_client(browser, "", c)
            server = start_server(data, launcher)
            up = time.perf_counter()
            first.base = server.url
            visit = Visit(-1, 0, "overview", "", "", "", "")
            step = Step(-1, 0, "overview", "first_page")
            figures = asyncio.create_task(first_figures(first))
            await timed(step, first.load(step, visit))
            await figures
            again = await new_browser_client(browser, server.url, c)
            second = Step(-1, 0, "overview", "second_page")
            await timed(second, again.load(second, visit))
        finally:
            await browser.close()
    return server, {
        "server_up_s": server.up_s,
        "websocket_s": first.marks.get("websocket", math.nan) - up,
        "server_done_s": first.marks.get("finished", math.nan) - up,
        "figures_s": first.marks.get("figures", math.nan) - up,
        "drawn_s": (step.latency_ms or math.nan) / 1000, "charts": step.charts, "errors": step.errors,
        "second_context_s": (second.latency_ms or math.nan) / 1000, "second_errors": second.errors,
        "load_average": os.getloadavg()[0],
    }


# --- report ---------------------------------------------------------------------------------------------

def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def row(label_: str, steps: list[Step]) -> str:
    done = [s.latency_ms for s in steps if s.latency_ms is not None]
    if not done:
        return f"  {label_:<22}{len(steps):>6}   (none finished)"
    cells = "".join(f"{percentile(done, q):>8,.0f}" for q in (50, 95, 99))
    server = percentile([s.server_ms for s in steps if s.latency_ms is not None], 50)
    return f"  {label_:<22}{len(steps):>6}{cells}{max(done):>8,.0f}{server:>12,.0f}"


def report(steps: list[Step], log_problems: list[str]) -> int:
    """Print the latency table and the errors; the error count."""
    changes = [s for s in steps if s.name in CHANGES]
    print(f"  {'latency (ms)':<22}{'steps':>6}{'p50':>8}{'p95':>8}{'p99':>8}{'max':>8}{'server p50':>12}")
    print(row("filter changes", changes))
    for name in CHANGES:
        print(row(f"  {name}", [s for s in steps if s.name == name]))
    print(row("page loads", [s for s in steps if s.name == "first_load"]))
    for page, _ in PAGES:
        print(row(f"changes on {page}", [s for s in changes if s.page == page]))
    chartless = sorted({f"{s.page} {s.name}" for s in steps if s.latency_ms is not None and s.charts == 0})
    print(f"steps that drew no chart: {sum(1 for s in steps if s.latency_ms is not None and s.charts == 0)}"
          f" ({', '.join(chartless) or 'none'})")
    errors = [(s, e) for s in steps for e in s.errors]
    kinds: dict[str, int] = {}
    for _, e in errors:
        kinds[e.split(":")[0]] = kinds.get(e.split(":")[0], 0) + 1
    total = len(errors) + len(log_problems)
    print(f"errors: {total} (sessions: {', '.join(f'{k} {v}' for k, v in sorted(kinds.items())) or 'none'}; "
          f"server log: {len(log_problems)} problem lines)")
    for s, e in errors[:15]:
        print(f"  session {s.session} round {s.round} {s.page} {s.name}: {e}")
    for line in log_problems[:10]:
        print(f"  server log: {line[:200]}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load_test", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="demo scale of the bench dataset (default 0.1)")
    parser.add_argument("--data", help="an existing data folder (PANTAU_DATA) instead of the bench's demo")
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions (default 50)")
    parser.add_argument("--rounds", type=int, default=2, help="page loads per session, each with 4 changes")
    parser.add_argument("--think", type=float, default=1.0, help="seconds a session waits between steps")
    parser.add_argument("--ramp", type=float, default=10.0, help="the sessions start spread over this many seconds")
    parser.add_argument("--browser", action="store_true", help="Chromium pages instead of websocket sessions")
    parser.add_argument("--browsers", type=int, default=5, help="Chromium instances the pages share (--browser)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 6 sessions, 1 round")
    parser.add_argument("--launcher", choices=sorted(LAUNCHERS), default="serve",
                        help="serve: python -m pantau.serve, as scripts/start (default); streamlit: streamlit run")
    args = parser.parse_args(argv)
    if args.quick:
        args.sessions, args.rounds, args.ramp = 6, 1, 2.0
    mode = "browser" if args.browser else "websocket"
    CACHE.mkdir(parents=True, exist_ok=True)

    started_at = dt.datetime.now()
    load_before = os.getloadavg()
    gc_setting = os.environ.get("STREAMLIT_RUNNER_POST_SCRIPT_GC", ".streamlit/config.toml")
    print(f"pantau load test, {started_at:%Y-%m-%d %H:%M}, code {describe_code()}, {mode} sessions, "
          f"launcher {args.launcher}, runner.postScriptGC: {gc_setting}")
    print(f"{os.cpu_count()} CPUs, load average before {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f} (other jobs)", flush=True)
    data = dataset(args.scale, args.data)
    c = choices(data)
    rows = manifest_rows(data)
    print(f"dataset {data.relative_to(REPO) if data.is_relative_to(REPO) else data}: "
          + ", ".join(f"{t} {n:,}" for t, n in rows.items()) + f"; period {c.start} to {c.end}", flush=True)
    plans = plan(args.sessions, args.rounds, c)

    server, first = asyncio.run(first_page(data, c, args.launcher))
    print(f"first page after start (overview in Chromium): server up {first['server_up_s']:.1f} s after launch; "
          f"from then: websocket open {first['websocket_s']:.1f} s, server done {first['server_done_s']:.1f} s, "
          f"headline figures shown {first['figures_s']:.1f} s, {first['charts']} charts drawn {first['drawn_s']:.1f} s")
    print(f"  total {first['server_up_s'] + first['figures_s']:.1f} s from launch to the figures, "
          f"{first['server_up_s'] + first['drawn_s']:.1f} s to the last chart; the same page in a second "
          f"context (server warm, browser cache cold): {first['second_context_s']:.1f} s; load average "
          f"{first['load_average']:.2f}", flush=True)
    sampler = Sampler(server.proc.pid)
    sampler.start()
    try:
        began = time.perf_counter()
        steps = asyncio.run(run_sessions(server, plans, c, args))
        elapsed = max(time.perf_counter() - began, 1e-9)
    finally:
        sampler.stop()
        server_rss, server_cpu = stop_server(server)
    load_after = os.getloadavg()[0]
    problems = server_log_problems(server.log)

    print(f"{args.sessions} concurrent {mode} sessions x {args.rounds} rounds of (page load + "
          f"{len(CHANGES)} filter changes: {', '.join(CHANGES)}), think {args.think:g} s, starts spread over "
          f"{args.ramp:g} s" + (f", {args.browsers} Chromium instances" if args.browser else ""))
    print(f"{len(steps)} steps in {elapsed:.0f} s; latency: change sent to "
          + ("script_finished (every element received)" if mode == "websocket" else "charts drawn"))
    first_errors = first["errors"] + first["second_errors"]
    total = report(steps, problems) + len(first_errors)
    if first_errors:
        print(f"  first page: {first_errors[:5]}")
    print(f"server: peak RSS {server_rss:,.0f} MB, CPU {server_cpu:,.0f} s ({server_cpu / elapsed:.2f} cores over "
          f"the run); clients: peak {sampler.clients_mb:,.0f} MB (Pss"
          + (", Chromium included)" if args.browser else ")"))
    series = sampler.server_series
    if series:
        quarters = [series[min(len(series) - 1, round(q * (len(series) - 1) / 4))] for q in range(5)]
        print("server memory (Pss) over the run: " + ", ".join(f"{mb:,.0f} MB at {t:.0f} s" for t, mb in quarters))
    print(f"load average: before {load_before[0]:.2f}, peak {sampler.load:.2f}, after {load_after:.2f}; "
          f"finished {dt.datetime.now():%H:%M}; server log {server.log.relative_to(REPO)}")
    RESULTS.write_text(json.dumps({
        "started": started_at.isoformat(timespec="seconds"), "code": describe_code(), "mode": mode,
        "data": str(data), "rows": rows, "args": vars(args), "first_page": first, "elapsed_s": elapsed,
        "server_peak_rss_mb": server_rss, "server_cpu_s": server_cpu, "server_peak_pss_mb": sampler.server_mb,
        "clients_peak_pss_mb": sampler.clients_mb, "server_pss_series": sampler.server_series,
        "load_average": [load_before[0], sampler.load, load_after],
        "errors": total, "server_log_problems": problems, "steps": [dataclasses.asdict(s) for s in steps],
    }, indent=1), encoding="utf-8")
    print(f"errors total: {total}; every step in {RESULTS.relative_to(REPO)}")
    return 1 if total else 0


def manifest_rows(data: Path) -> dict[str, int]:
    version = (data / "warehouse" / "CURRENT").read_text(encoding="utf-8").strip()
    manifest = json.loads((data / "warehouse" / "versions" / version / "manifest.json").read_text(encoding="utf-8"))
    return {table: manifest["tables"][table]["rows"] for table in ("departures", "registrations", "cases")}


def describe_code() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pantau", "queries", "app_pages", "dashboard.py"],
                               cwd=REPO, capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (f" + {len(dirty)} uncommitted files" if dirty else "")


if __name__ == "__main__":
    sys.exit(main())
