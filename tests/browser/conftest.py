"""Browser tests: a real Streamlit server driven by Debian's headless Chromium via Playwright.

Fixtures
    app_server        (session)  base URL of the dashboard, started once per test session
    chromium_browser  (session)  a Playwright Browser on $CHROMIUM_PATH (default /usr/bin/chromium)
    page              (function) a fresh 1280x800 en-US page
    projector_page    (function) a fresh 1920x1080 en-US page

Helpers (import them: `from tests.browser.conftest import wait_for_app, chart_traces, ...`)
    start_streamlit(script)       context manager: any script on a free port -> StreamlitServer
    wait_for_app(page)            until the script run finished and the main block is there
    chart_traces(page)            number of drawn Plotly traces
    collect_console_errors(page)  list that fills with console errors and uncaught page errors

Every test under tests/browser/ is marked `browser` (`-m "not browser"` leaves them out) and
put in the xdist group "browser", so under `-n` they run on one worker and share its server.
We do not use the pytest-playwright plugin (disabled in pyproject.toml with
`-p no:playwright`): it would define clashing `page`/`browser` fixtures that want a browser
downloaded by `playwright install`, which this project never runs.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BROWSER_DIR = Path(__file__).resolve().parent

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Without these, chromium's own background connections get refused here in bulk and
    # slow everything down.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60.0  # seconds until /_stcore/health answers "ok"
APP_TIMEOUT_MS = 30_000  # default wait for a script run / a chart, in milliseconds


# --------------------------------------------------------------------------- marking


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects anything
def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            # One xdist worker runs them all (pyproject: --dist loadgroup): one dashboard
            # server and one chromium for the whole browser suite, not one per worker.
            item.add_marker(pytest.mark.xdist_group("browser"))


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class StreamlitServer:
    url: str  # base URL without a trailing slash, e.g. http://127.0.0.1:34567
    port: int
    process: subprocess.Popen
    log_path: Path  # the server's stdout+stderr

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.status == 200 and response.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


@contextlib.contextmanager
def start_streamlit(
    script: str | Path = "app.py",
    *,
    port: int | None = None,
    extra_args: Sequence[str] = (),
    command: Sequence[str] | None = None,
    timeout: float = SERVER_START_TIMEOUT,
) -> Iterator[StreamlitServer]:
    """Run `streamlit run <script>` from the repository root on a free port; stop it after.

    `command` replaces `python -m streamlit run <script>` (e.g. `python -m foreign_ties.ui.serve`);
    the server options are appended to it either way. The environment is passed through
    untouched (FOREIGN_TIES_DATA included). If the server does not answer
    /_stcore/health within `timeout` seconds the test fails, showing the server's output.
    """
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    base = list(command) if command else [sys.executable, "-m", "streamlit", "run", str(script)]
    argv = [
        *base,
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra_args,
    ]
    log_file = tempfile.NamedTemporaryFile(prefix=f"streamlit-{port}-", suffix=".log", delete=False)
    log_path = Path(log_file.name)
    process = subprocess.Popen(
        argv,
        cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
    )
    log_file.close()
    server = StreamlitServer(url=url, port=port, process=process, log_path=log_path)
    try:
        deadline = time.monotonic() + timeout
        while not _healthy(url):
            if process.poll() is not None:
                pytest.fail(
                    f"streamlit exited with code {process.returncode} before answering "
                    f"{url}/_stcore/health.\ncommand: {' '.join(argv)}\n"
                    f"--- server output ---\n{server.log()}",
                    pytrace=False,
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"streamlit did not answer {url}/_stcore/health within {timeout:.0f} s.\n"
                    f"command: {' '.join(argv)}\n--- server output ---\n{server.log()}",
                    pytrace=False,
                )
            time.sleep(0.2)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        with contextlib.suppress(OSError):
            log_path.unlink()


def dashboard_command() -> list[str]:
    """How the run script starts the dashboard (see scripts/run_dashboard.sh, README)."""
    if (ROOT / "foreign_ties" / "ui" / "serve.py").exists():
        return [sys.executable, "-m", "foreign_ties.ui.serve"]
    return [sys.executable, "-m", "streamlit", "run", "app.py"]


@pytest.fixture(scope="session")
def app_server() -> Iterator[str]:
    """Base URL of the dashboard, served from the repository root for the whole session."""
    with start_streamlit(command=dashboard_command()) as server:
        yield server.url


# --------------------------------------------------------------------------- browser


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"


@pytest.fixture(scope="session")
def chromium_browser():
    """Debian's chromium driven by Playwright. Missing chromium fails (it is not optional)."""
    executable = chromium_path()
    if not (os.path.isfile(executable) and os.access(executable, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {executable!r} (CHROMIUM_PATH). Run `bash scripts/setup.sh` "
            "(as root it installs Debian's chromium; otherwise it prints the apt-get command), "
            "or set CHROMIUM_PATH. Do not use `playwright install`.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _new_page(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.set_default_timeout(APP_TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def page(chromium_browser):
    """A fresh page (own context: no shared cookies or storage) at 1280x800, en-US."""
    context, pg = _new_page(chromium_browser, 1280, 800)
    yield pg
    context.close()


@pytest.fixture
def projector_page(chromium_browser):
    """A fresh page at projector size, 1920x1080, en-US."""
    context, pg = _new_page(chromium_browser, 1920, 1080)
    yield pg
    context.close()


# --------------------------------------------------------------------------- helpers

APP_IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
MAIN_BLOCK = '[data-testid="stMainBlockContainer"]'
RUNNING_ICON = '[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]'


def wait_for_app(page, timeout: float = APP_TIMEOUT_MS, settle_ms: int = 100) -> None:
    """Wait until Streamlit has finished running the script and the main block is there.

    Call it after `page.goto(...)` and after each interaction. `settle_ms` first gives a
    rerun triggered by the last interaction time to start (the app reads "notRunning" in
    between); pass 0 right after a navigation.
    """
    if settle_ms:
        page.wait_for_timeout(settle_ms)
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    page.wait_for_selector(MAIN_BLOCK, state="attached", timeout=timeout)
    page.wait_for_selector(RUNNING_ICON, state="detached", timeout=timeout)


def chart_traces(page) -> int:
    """How many Plotly traces are drawn on the page right now."""
    return page.locator(".js-plotly-plot .trace").count()


def collect_console_errors(page) -> list[str]:
    """Start recording console errors and uncaught exceptions; returns the (growing) list.

    Call before `page.goto(...)`, assert the list is empty at the end of the test.
    """
    errors: list[str] = []

    def on_console(message) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            errors.append(f"console.error: {message.text}" + (f" ({where})" if where else ""))

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors
