"""Reusable browser timings (Playwright sync API, Debian's chromium).

    time_first_chart(browser, url)                      -> seconds until a Plotly trace is visible
    time_filter_change(page, action, changed_predicate) -> seconds from an action to a changed chart

Plus helpers to launch chromium the way the tests do, to choose a selectbox option with the
keyboard, and a median summary. These are measurements, not timed tests: the test suite never
asserts on them. See benchmarks/bench_floor.py for a run.
"""

from __future__ import annotations

import contextlib
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402  (one place for the chromium set-up)
    APP_IDLE,
    CHROMIUM_ARGS,
    chromium_path,
    start_streamlit,
    wait_for_app,
)

TRACE = ".js-plotly-plot .trace"
DEFAULT_TIMEOUT_MS = 60_000

# JS: a snapshot of every Plotly chart's data on the page (JSON string).
SNAPSHOT_JS = """() => JSON.stringify(
    Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => el.data || null))"""

# JS predicates, called as predicate(before) with the snapshot taken before the action.
# The chart's data differs from before and a trace is drawn (what the viewer sees).
CHART_DATA_CHANGED = """(before) => {
    const now = JSON.stringify(
        Array.from(document.querySelectorAll('.js-plotly-plot')).map(el => el.data || null));
    return now !== before && document.querySelector('.js-plotly-plot .trace') !== null;
}"""
# ... and, in addition, Streamlit finished the script run (the whole page is up to date).
CHART_CHANGED_AND_IDLE = (
    "(before) => (" + CHART_DATA_CHANGED + ")(before)"
    f" && document.querySelector({APP_IDLE!r}) !== null"
    " && document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"]') === null"
)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """A Playwright Browser on $CHROMIUM_PATH (default /usr/bin/chromium), same args as tests."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def new_page(browser, width: int = 1280, height: int = 800, locale: str = "en-US"):
    """A page in its own fresh context (no cache, cookies or session shared)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale=locale)
    context.set_default_timeout(DEFAULT_TIMEOUT_MS)
    return context.new_page()


def time_first_chart(
    browser,
    url: str,
    *,
    context=None,
    timeout_ms: int = DEFAULT_TIMEOUT_MS,
    width: int = 1280,
    height: int = 800,
) -> float:
    """Seconds from navigating to `url` until a Plotly trace is visible.

    By default in a fresh context: a new Streamlit session (full script run) and a cold HTTP
    and code cache, as for a visitor opening a shared link. Pass an open browser `context` to
    measure a returning visitor instead (warm caches; still a new session per page).
    """
    page = context.new_page() if context is not None else new_page(browser, width, height)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=timeout_ms)
        page.locator(TRACE).first.wait_for(state="visible", timeout=timeout_ms)
        return time.perf_counter() - start
    finally:
        if context is None:
            page.context.close()
        else:
            page.close()


def time_filter_change(
    page,
    action: Callable[[object], None],
    changed_predicate: str = CHART_DATA_CHANGED,
    *,
    prepare: Callable[[object], None] | None = None,
    timeout_ms: int = DEFAULT_TIMEOUT_MS,
) -> float:
    """Seconds from `action(page)` until the JS `changed_predicate(before)` is true.

    `before` is the JSON of every chart's data taken just before the action (SNAPSHOT_JS);
    the default predicate is true once the chart data differs and a trace is drawn. Use
    CHART_CHANGED_AND_IDLE to wait for the whole script run as well. `prepare(page)` runs
    before the clock starts (e.g. opening a dropdown and typing), so `action` can be the
    single final keystroke. The page should be idle (wait_for_app) before calling this.
    """
    if prepare is not None:
        prepare(page)
    before = page.evaluate(SNAPSHOT_JS)
    start = time.perf_counter()
    action(page)
    page.wait_for_function(changed_predicate, arg=before, polling="raf", timeout=timeout_ms)
    return time.perf_counter() - start


def keyboard_select(label: str, option: str):
    """(prepare, action) choosing `option` in the selectbox labelled `label` by keyboard.

    prepare: focus the combobox, clear it and type the option's text (filters the list);
    action: ArrowDown to the first match, Enter to choose it.
    """

    def prepare(page) -> None:
        box = page.get_by_role("combobox", name=label)
        box.focus()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(option)
        # an option reads "<measure> — <coverage>" on Compare: match its start
        page.get_by_role("option", name=re.compile("^" + re.escape(option))).first.wait_for(
            state="visible"
        )

    def action(page) -> None:
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")

    return prepare, action


def summary(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    return (
        f"{name:<40} median {statistics.median(ms):7.0f} ms   "
        f"min {ms[0]:6.0f}   max {ms[-1]:6.0f}   n={len(ms)}"
    )


__all__ = [
    "CHART_CHANGED_AND_IDLE",
    "CHART_DATA_CHANGED",
    "SNAPSHOT_JS",
    "chromium",
    "keyboard_select",
    "new_page",
    "start_streamlit",
    "summary",
    "time_filter_change",
    "time_first_chart",
    "wait_for_app",
    "chromium_path",
]
