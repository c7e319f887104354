"""Our dashboard against the framework's floor, in one run, in headless Chromium.

    .venv/bin/python benchmarks/bench_speed.py [--n 15] [--out benchmarks/results/latest.md]

Starts benchmarks/floor_app.py (one selectbox, one Plotly chart: the least any Streamlit
app can do) and the dashboard (as the run script starts it), then measures on each, n times
after one uncounted warm-up:
  first chart    a new browser context opens the page -> a Plotly trace is visible
  filter change  a selectbox choice by keyboard -> the chart's data has changed
(the dashboard: the Compare page and its Measure selectbox, on the bundled data), and
reports medians and our/floor ratios. Our filter change is measured twice: cycling through
three measures (after the first round each view is one the server has drawn before, so its
figure comes from foreign_ties.memo), and moving to a measure no visitor has opened since
the server started (query, figure and table built from scratch). Then each queries/*.sql
file's warm execution time in DuckDB (median of 30, bypassing the result cache). Numbers
depend on the machine; run both apps on the same machine in the same run, as this script does.

The data folder is FOREIGN_TIES_DATA when set (e.g. a built `python -m foreign_ties.synth`
folder), else data/; the dashboard server inherits it, and the report names it.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_floor import YEARS, measure  # noqa: E402
from benchmarks.browser_timing import (  # noqa: E402
    chromium,
    keyboard_select,
    new_page,
    start_streamlit,
    time_filter_change,
    wait_for_app,
)
from foreign_ties import catalog, paths, store, views  # noqa: E402
from foreign_ties.state import Filters  # noqa: E402
from tests.browser.conftest import dashboard_command  # noqa: E402
from tests.test_store import EXAMPLE_PARAMS  # noqa: E402

# Measures of one topic (Compare lists the chosen topic's measures; the link's measure
# chooses the topic) whose names are not inside another measure's name (typing filters the
# list by substring).
MEASURES = ["fdi_projects", "fdi_registered_capital", "investment_approvals_capital"]


def unseen_measures(count: int) -> list[str]:
    """Names of Compare measures of the same topic other than MEASURES, none inside another
    name (the measure list filters by substring); fewer than `count` if the topic has fewer."""
    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    choices = views.indicator_choices(filters)
    family = catalog.indicators()[MEASURES[0]].family
    ids = list(choices[choices["family"] == family]["indicator_id"])
    names = [catalog.indicators()[i].name_en for i in ids]
    seen = {catalog.indicators()[m].name_en for m in MEASURES}
    unique = [
        n
        for n in names
        if n not in seen and not any(o != n and n.lower() in o.lower() for o in names)
    ]
    return list(dict.fromkeys(unique))[:count]


def new_view_changes(browser, url: str, label: str, names: list[str]) -> list[float]:
    """Seconds per change to a measure never drawn before in this server process."""
    page = new_page(browser)
    try:
        page.goto(url)
        wait_for_app(page, settle_ms=0)
        page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
        changes = []
        for name in names:
            prepare, action = keyboard_select(label, name)
            changes.append(time_filter_change(page, action, prepare=prepare))
            wait_for_app(page)
        return changes
    finally:
        page.context.close()


def sql_timings(repeat: int = 30) -> dict[str, float]:
    """Median warm execution time of every query file, in milliseconds: what the store does
    on a result-cache miss (store.fetch: a cursor, the query, the DataFrame)."""
    store.connection()  # loading the data version is not a query's time
    result = {}
    for file in sorted(paths.QUERIES_DIR.glob("*.sql")):
        params = {p: EXAMPLE_PARAMS[p] for p in store.query_parameters(file.stem)}
        store.fetch(file.stem, params)  # warm
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            store.fetch(file.stem, params)
            times.append((time.perf_counter() - start) * 1000)
        result[file.name] = statistics.median(times)
    return result


def fact_count() -> int:
    return int(store.connection().execute("select count(*) from facts").fetchone()[0])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=15)
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "latest.md"))
    args = parser.parse_args(argv)
    names = [catalog.indicators()[m].name_en for m in MEASURES]
    with chromium() as browser:
        with start_streamlit("benchmarks/floor_app.py") as floor:
            floor_results = measure(browser, f"{floor.url}/?year=2025", "Year", YEARS, args.n)
        with start_streamlit(command=dashboard_command()) as app:
            url = f"{app.url}/compare?indicator={MEASURES[0]}&lang=en"
            ours = measure(browser, url, "Measure", names, args.n)
            fresh = new_view_changes(browser, url, "Measure", unseen_measures(args.n))
    floor_results["filter change (new view)"] = floor_results["filter change"]
    ours["filter change (new view)"] = fresh
    lines = [
        f"# Speed: dashboard vs framework floor ({time.strftime('%Y-%m-%d')})",
        "",
        f"Machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
        f"Chromium headless; n={args.n} per measurement after one warm-up. Medians in ms.",
        "",
        f"Data: {paths.DATA_DIR} ({fact_count()} facts).",
        "",
        "| measurement | floor | ours (Compare) | ours / floor |",
        "|---|---|---|---|",
    ]
    for key in floor_results:
        f = statistics.median(floor_results[key]) * 1000
        o = statistics.median(ours[key]) * 1000
        lines.append(f"| {key} | {f:.0f} | {o:.0f} | {o / f:.2f}× |")
    lines += [
        "",
        f"Floor: a bare Streamlit page with one selectbox and one Plotly chart, which "
        f"computes everything afresh on each change; 'new view': {len(fresh)} measures "
        "opened for the first time since the server started (nothing memoised).",
        "",
        "| query file | warm median (ms) |",
        "|---|---|",
    ]
    lines += [f"| {name} | {ms:.2f} |" for name, ms in sql_timings().items()]
    text = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
