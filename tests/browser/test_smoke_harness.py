"""The browser harness itself works: a server starts, Chromium loads the page, a chart draws.

Runs against benchmarks/floor_app.py (one selectbox, one Plotly bar chart), not the dashboard,
so a harness problem is told apart from an app problem.
"""

import pytest

from tests.browser.conftest import (
    chart_traces,
    collect_console_errors,
    start_streamlit,
    wait_for_app,
)


@pytest.fixture(scope="module")
def floor_server():
    with start_streamlit("benchmarks/floor_app.py") as server:
        yield server


def test_floor_app_loads_and_draws_its_chart(floor_server, page):
    errors = collect_console_errors(page)
    page.goto(f"{floor_server.url}/?year=2021")
    wait_for_app(page, settle_ms=0)
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
    assert chart_traces(page) >= 1
    assert page.get_by_role("combobox", name="Year").input_value() == "2021"  # from the URL
    assert not errors, errors
