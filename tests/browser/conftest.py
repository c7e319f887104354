"""Browser tests: a real Streamlit server driven by Debian's headless Chromium via Playwright.

Fixtures
    app_server        (session)  base URL of the dashboard, started once per xdist worker
    chromium_browser  (session)  a Playwright Browser on $CHROMIUM_PATH (default /usr/bin/chromium)
    page              (function) the worker's 1280x800 en-US tab, reused by every test
    projector_page    (function) the worker's 1920x1080 en-US tab (likewise)

Helpers (import them: `from tests.browser.conftest import wait_for_app, chart_traces, ...`)
    start_streamlit(script)       context manager: any script on a free port -> StreamlitServer
                                  (tests/browser/server.py)
    wait_for_app(page)            until the script run finished and the main block is there
    chart_traces(page)            number of drawn Plotly traces
    collect_console_errors(page)  list that fills with console errors and uncaught page errors
What a page is checked for (error text, foreign requests, charts drawn and their tick labels)
is in tests/browser/checks.py.

Every test under tests/browser/ is marked `browser` (`-m "not browser"` leaves them out).
Under xdist (`-n`) they are spread over the workers like the other tests; each worker that
runs one starts its own server and chromium (session fixtures) and shares them among its
browser tests.
We do not use the pytest-playwright plugin (disabled in pyproject.toml with
`-p no:playwright`): it would define clashing `page`/`browser` fixtures that want a browser
downloaded by `playwright install`, which this project never runs.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.server import StreamlitServer, dashboard_command, start_streamlit

__all__ = ["StreamlitServer", "dashboard_command", "start_streamlit"]  # importable from here
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
    # Offline like a venue without internet: every host but the app's own fails to resolve.
    # (Refusing in Playwright instead, with context.route, turns the HTTP cache off and sends
    # every request through Python: a page tour then cost a third more CPU.) What is asked
    # of other hosts is recorded by tests/browser/checks.record_foreign_requests.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
APP_TIMEOUT_MS = 30_000  # default wait for a script run / a chart, in milliseconds


# --------------------------------------------------------------------------- marking


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects anything
def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(str(item.path)).resolve()
        if BROWSER_DIR in path.parents:
            item.add_marker(pytest.mark.browser)


# --------------------------------------------------------------------------- server


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


def _shared_context(browser, width: int, height: int):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.set_default_timeout(APP_TIMEOUT_MS)
    return context


def _tab(context):
    page = context.new_page()
    yield page
    page.close()


# Listeners a test adds (console errors, foreign requests, script runs), removed after it so
# the next test on a reused tab does not pay for them: see listen_during_test.
_ADDED_LISTENERS: list[tuple[object, str, object]] = []


def listen_during_test(target, event: str, handler) -> None:
    """`target.on(event, handler)` until the end of the current test."""
    target.on(event, handler)
    _ADDED_LISTENERS.append((target, event, handler))


@pytest.fixture(autouse=True)
def _remove_added_listeners():
    yield
    while _ADDED_LISTENERS:
        target, event, handler = _ADDED_LISTENERS.pop()
        target.remove_listener(event, handler)


def _reused(tab, context):
    yield tab
    tab.goto("about:blank")  # ends the test's Streamlit session
    context.clear_cookies()


# The `page` and `projector_page` of a worker's tests are one browser tab per size, in one
# context per size, each test opening its own address in it (its own Streamlit session;
# cookies are cleared after it). A new tab starts a new renderer process and compiles
# Streamlit's and Plotly's scripts (megabytes) afresh: measured here, eight page loads cost
# 21-25 CPU-seconds in new tabs against 12-13 in one tab. What Streamlit keeps in
# localStorage (theme, open sidebar sections) is shared; listeners a test adds through
# listen_during_test are removed after it.
@pytest.fixture(scope="session")
def desktop_context(chromium_browser):
    context = _shared_context(chromium_browser, 1280, 800)
    yield context
    context.close()


@pytest.fixture(scope="session")
def projector_context(chromium_browser):
    context = _shared_context(chromium_browser, 1920, 1080)
    yield context
    context.close()


@pytest.fixture(scope="session")
def desktop_tab(desktop_context):
    yield from _tab(desktop_context)


@pytest.fixture(scope="session")
def projector_tab(projector_context):
    yield from _tab(projector_context)


@pytest.fixture
def page(desktop_tab, desktop_context):
    """The worker's page at 1280x800, en-US (one tab for every test, see above)."""
    yield from _reused(desktop_tab, desktop_context)


@pytest.fixture
def projector_page(projector_tab, projector_context):
    """The worker's page at projector size, 1920x1080, en-US (likewise)."""
    yield from _reused(projector_tab, projector_context)


# --------------------------------------------------------------------------- helpers

APP_IDLE = (
    '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
    '[data-test-script-state="notRunning"]'
)
MAIN_BLOCK = '[data-testid="stMainBlockContainer"]'
RUNNING_ICON = '[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]'


# Counts changes of Streamlit's script state from here on (installed once per document), and
# marks the count: a later wait_for_app sees whether a rerun has started since.
WATCH_RUNS_JS = """() => {
  if (window.__ftRuns === undefined) {
    window.__ftRuns = 0;
    const app = document.querySelector('[data-testid="stApp"]');
    new MutationObserver(records => { window.__ftRuns += records.length; })
      .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  }
  window.__ftMark = window.__ftRuns;
}"""
RERUN_STARTED_JS = "() => window.__ftRuns !== undefined && window.__ftRuns > window.__ftMark"


def wait_for_app(page, timeout: float = APP_TIMEOUT_MS, settle_ms: int = 100) -> None:
    """Wait until Streamlit has finished running the script and the main block is there.

    Call it after `page.goto(...)` (with settle_ms=0) and after each interaction. After an
    interaction the app still reads "notRunning" until the rerun it triggered starts: wait
    until the script state has changed since the last wait_for_app on this page, for at most
    `settle_ms` (an interaction that reruns nothing costs that much).
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    if settle_ms:
        with contextlib.suppress(PlaywrightTimeoutError):
            page.wait_for_function(RERUN_STARTED_JS, polling=20, timeout=settle_ms)
    page.wait_for_selector(APP_IDLE, state="attached", timeout=timeout)
    page.wait_for_selector(MAIN_BLOCK, state="attached", timeout=timeout)
    page.wait_for_selector(RUNNING_ICON, state="detached", timeout=timeout)
    with contextlib.suppress(PlaywrightError):  # a page navigating away: the next call waits
        page.evaluate(WATCH_RUNS_JS)


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

    listen_during_test(page, "console", on_console)
    listen_during_test(page, "pageerror", lambda error: errors.append(f"pageerror: {error}"))
    return errors


class ScriptRuns:
    """Counts the script runs the server reports finished on `page`, read from the web socket
    (Streamlit's own ForwardMsg protobuf). Start it before `page.goto`. Unlike wait_for_app's
    look at the page, it sees a rerun too quick to show as running (React may batch it)."""

    def __init__(self, page) -> None:
        self.page = page
        self.finished = 0
        listen_during_test(page, "websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if not isinstance(payload, bytes):
            return
        message = ForwardMsg()
        message.ParseFromString(payload)
        if message.WhichOneof("type") == "script_finished" and message.script_finished in (
            ForwardMsg.FINISHED_SUCCESSFULLY,
            ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY,
        ):
            self.finished += 1

    def after(self, action, timeout: float = APP_TIMEOUT_MS) -> None:
        """Do `action()` and wait until a run has finished after it, then for the page."""
        before = self.finished
        action()
        deadline = time.monotonic() + timeout / 1000
        while self.finished == before:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no script run finished within {timeout} ms")
            self.page.wait_for_timeout(20)  # lets Playwright deliver the socket's frames
        wait_for_app(self.page, timeout=timeout, settle_ms=0)
