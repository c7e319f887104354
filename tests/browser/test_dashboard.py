"""The dashboard in a real browser: links restore the view,
filters carry over between pages, hand-edited links get a notice. (Filter changes that
redraw the chart and go into the URL, and the language switch, are followed in
test_leader_answers.py's ordinary use.)

Runs the app as users run it (python -m foreign_ties.ui.serve, see README) in Debian's
headless Chromium. Every page's own checks (draws, no error text) are in test_every_page.py.
"""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.checks import no_error_on, real_errors
from tests.browser.conftest import (
    collect_console_errors,
    wait_for_app,
)


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page, settle_ms=0)


# A deep link as the first visit of a fresh server: test_live_data.py (its server is fresh).


# A filter change and the language switch: test_leader_answers.py (no notice after ordinary use).


def test_a_deep_link_restores_the_view(app_server, page):
    url = (
        f"{app_server}/compare?indicator=fdi_disbursed_annual&provinces=vietnam"
        f"&years=2016&years=2023&lang=en"
    )
    open_page(page, url)
    page.locator(".js-plotly-plot .trace >> visible=true").first.wait_for()
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert (
        "Viet Nam" in sidebar.inner_text()
        and "Son La" not in sidebar.locator('[data-baseweb="tag"]').all_inner_texts()
    )
    title = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.title.text")
    assert title.startswith("FDI disbursed in the year")
    assert params(page)["years"] == ["2016", "2023"]
    x_range = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.xaxis.range")
    assert "2015-10-01" <= x_range[0][:10] <= "2016-01-01"  # the chosen years, a little padded
    assert "2023-12-31" <= x_range[1][:10] <= "2024-03-01"


def test_filters_carry_over_when_moving_between_pages(app_server, page):
    open_page(page, f"{app_server}/?provinces=son-la&provinces=lang-son&years=2020&years=2024")
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Compare").click()
    wait_for_app(page, settle_ms=400)
    page.wait_for_function(
        "() => location.pathname.endsWith('/compare') && location.search.includes('provinces=son-la')"  # noqa: E501 (JavaScript)
    )
    assert params(page)["provinces"] == ["son-la", "lang-son"]
    assert params(page)["years"] == ["2020", "2024"]


# The notices themselves (an unknown place, impossible years, ...) are AppTest's, in both
# languages (tests/test_notices.py, tests/test_pages.py); here, hostile links in a real browser.
@pytest.mark.parametrize(
    "query,notice",
    [
        ("provinces=%27%3B%20drop%20view%20facts%3B%20--", "does not cover"),
        ("indicator=1%3Bselect%201", "not one of the choices"),
    ],
)
def test_a_hand_edited_link_shows_a_notice_and_the_default_view(app_server, page, query, notice):
    errors = collect_console_errors(page)
    open_page(page, f"{app_server}/compare?{query}")
    alert = page.locator('[data-testid="stAlert"]').filter(has_text=notice)
    alert.first.wait_for(state="visible")
    page.locator(".js-plotly-plot .trace >> visible=true").first.wait_for()
    no_error_on(page)
    assert params(page)["provinces"] == ["son-la", "lang-son", "tuyen-quang", "vietnam"]
    assert not real_errors(errors), errors


def test_one_click_from_an_overview_figure_to_its_sentence(app_server, page):
    open_page(page, f"{app_server}/")
    page.locator(".ft-figure a").first.click()
    wait_for_app(page, settle_ms=400)
    page.wait_for_function(
        "() => location.pathname.endsWith('/sources') && location.search.includes('fact=')"
    )
    page.locator("mark.ft-quote").wait_for(state="visible")
