"""Time the framework's floor (benchmarks/floor_app.py) in headless Chromium.

    .venv/bin/python benchmarks/bench_floor.py [--n 15]

Measures, n times each, after one uncounted warm-up:
  first chart    fresh browser context -> a Plotly trace is visible (new session, full run)
                 and the same in one reused context (returning visitor, warm caches)
  filter change  choose another year with the keyboard -> the chart's data has changed
and prints the medians. Our dashboard's measurements are to be added to the same run
(`measure(...)` takes any URL and selectbox label).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.browser_timing import (  # noqa: E402
    chromium,
    keyboard_select,
    new_page,
    start_streamlit,
    summary,
    time_filter_change,
    time_first_chart,
    wait_for_app,
)

YEARS = [str(y) for y in range(2019, 2026)]


def measure(browser, url: str, label: str, options: list[str], n: int) -> dict[str, list[float]]:
    """n first-chart timings of `url`, and n filter changes of the selectbox `label`."""
    time_first_chart(browser, url)  # warm-up: server-side imports and caches
    first = [time_first_chart(browser, url) for _ in range(n)]

    warm_context = new_page(browser).context  # a returning visitor: HTTP and code caches warm
    try:
        time_first_chart(browser, url, context=warm_context)
        warm = [time_first_chart(browser, url, context=warm_context) for _ in range(n)]
    finally:
        warm_context.close()

    page = new_page(browser)
    try:
        page.goto(url)
        wait_for_app(page, settle_ms=0)
        page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
        current = page.get_by_role("combobox", name=label).input_value()
        changes = []
        for i in range(n + 1):  # +1: the first change is the warm-up
            # Compare's options read "<measure> — <coverage>": compare by the start
            choice = next(
                o for o in options[i % len(options) :] + options if not current.startswith(o)
            )
            prepare, action = keyboard_select(label, choice)
            seconds = time_filter_change(page, action, prepare=prepare)
            wait_for_app(page)  # let the run finish before the next change
            current = page.get_by_role("combobox", name=label).input_value()
            assert current.startswith(choice), f"selected {current!r}, wanted {choice!r}"
            if i:
                changes.append(seconds)
    finally:
        page.context.close()
    return {
        "first chart (fresh context)": first,
        "first chart (warm context)": warm,
        "filter change": changes,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15, help="repetitions per measurement")
    args = parser.parse_args(argv)

    with start_streamlit("benchmarks/floor_app.py") as server, chromium() as browser:
        results = measure(browser, f"{server.url}/?year=2025", "Year", YEARS, args.n)
    print(f"floor app (benchmarks/floor_app.py), n={args.n}")
    for name, seconds in results.items():
        print(summary(f"floor: {name}", seconds))


if __name__ == "__main__":
    main()
