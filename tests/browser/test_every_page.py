"""Every page of the dashboard (site.PAGES, iterated, so new pages are covered) in headless
Chromium, in English and in Vietnamese, checked for everything at once.

On each page: it answers its address (no "page not found"; the sidebar is there, except in
Present, which hides it), it is in the chosen language (the sidebar names the page in it and
the URL keeps `lang`), it draws a chart where it has charts and its maps from the base-map
files the app serves itself, it shows no error text and logs no console error, it asks no
host but the app's own (the browser refuses every other, and each is recorded), no axis of
any of its charts repeats a tick label or has a title, legend entry or sources line cut off
at its edge, and its charts carry no Plotly mode bar (English tooltips such as "Download plot
as a png"; the page's own downloads replace it). In Vietnamese, Partners' map view is also
switched to the world and back, each view checked again (a re-drawn map must not reach for
the web either). Present's slides are checked the same way, one by one, in
test_present_keyboard.py; every page on a phone in test_layout.py.

The worker's desktop tab (1280x800) visits every page in turn, once per language (one tour
instead of one test per page and check: a page load, Plotly's included, is the expensive
part): the English tour opens each page by its address, the Vietnamese one from the app's
menu. Problems are gathered per page and reported together, so one broken page does not
hide another.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from foreign_ties import site
from foreign_ties.i18n import t
from tests.browser.checks import (
    drawn_ticks,
    error_text_on,
    left_home,
    mode_bar_buttons,
    real_errors,
    record_foreign_requests,
    text_outside_charts,
    wait_for_charts,
    wait_for_maps,
)
from tests.browser.conftest import (
    APP_TIMEOUT_MS,
    chart_traces,
    collect_console_errors,
    wait_for_app,
)
from tests.ticks import repeated

LANGUAGES = ["en", "vi"]
CHART_PAGES = {"compare", "trade", "partners"}  # Present opens on its title slide: no chart
MAP_PAGES = {"partners"}  # pages whose charts include maps
AXIS_PAGES = {"compare", "trade"}  # pages whose charts have x and y axes
SLOW = 120_000  # ms: a page's first run on a busy machine


def check_page(page, spec: site.PageSpec, lang: str) -> tuple[list[str], dict[str, list[str]]]:
    """What is wrong on the page just opened, and the tick labels of its axes."""
    found = []
    page.wait_for_function(
        "lang => new URLSearchParams(location.search).get('lang') === lang", arg=lang
    )
    if spec.url_path != "present":
        if page.locator('[data-testid="stSidebar"]').count() != 1:
            found.append("no sidebar")
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_role("link", name=t(spec.title_key, lang), include_hidden=True).first.wait_for(
            state="attached"
        )
    if spec.url_path in CHART_PAGES:
        page.locator(".js-plotly-plot .trace >> visible=true").first.wait_for()
    if spec.url_path in MAP_PAGES:
        wait_for_maps(page)
        if page.locator(".js-plotly-plot .geo").count() < 2:
            found.append("fewer than 2 maps (the partners map and the choropleth)")
    wait_for_charts(page)
    page.evaluate("() => document.fonts.ready.then(() => true)")  # fonts asked for
    if spec.url_path in CHART_PAGES and chart_traces(page) < 1:
        found.append("no chart drawn")
    if spec.url_path in CHART_PAGES and mode_bar_buttons(page):
        found.append("Plotly's mode bar (English tooltips) on a chart")
    if cut := text_outside_charts(page):  # at 1280 px, a laptop beside the sidebar
        found.append(f"chart text cut off at a chart's edge: {cut}")
    return found + error_text_on(page, lang), drawn_ticks(page)


def open_from_the_menu(page, spec: site.PageSpec) -> None:
    """Open `spec` from the sidebar's menu, as a reader moves on (no page load)."""
    page.locator(f'[data-testid="stSidebarNav"] a[href$="/{spec.url_path}"]').first.click()
    page.wait_for_function("path => location.pathname.endsWith('/' + path)", arg=spec.url_path)
    wait_for_app(page, timeout=SLOW, settle_ms=2000)


def switch_partner_views(page, lang: str) -> list[str]:
    """Partners' map view switch (world, then region): each re-drawn map set is checked."""
    found = []
    for view in ("world", "region"):
        page.get_by_role("radio", name=t(f"maps.view.{view}", lang), exact=True).click()
        wait_for_app(page, timeout=SLOW)
        page.wait_for_function(f"() => location.search.includes('map_view={view}')")
        wait_for_maps(page)
        title = t(f"maps.partners.subtitle.{view}", lang, count="").split("·")[1].strip()
        page.locator(".js-plotly-plot .gtitle", has_text=title).first.wait_for(state="attached")
        wait_for_charts(page)
        found += [f"view {view}: {problem}" for problem in error_text_on(page, lang)]
    return found


# English opens every page by its address; Vietnamese opens the first by its address and
# the others from the menu (the language must survive the app's own navigation; a page load
# is the costly part), with Partners' map view switched both ways. Present comes last: it
# hides the menu.
TOURS = {"en": "address", "vi": "menu"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_draws_in_its_language_with_no_error_foreign_host_or_repeated_tick(
    app_server, page, lang
):
    page.set_default_timeout(60_000)
    foreign = record_foreign_requests(page.context, page)
    errors = collect_console_errors(page)
    problems: dict[str, list[str]] = {}
    axes: dict[str, int] = {}
    tour = sorted(site.PAGES, key=lambda spec: spec.url_path == "present")
    try:
        for number, spec in enumerate(tour):
            try:
                if TOURS[lang] == "address" or number == 0:
                    page.goto(f"{app_server}/{spec.link}?lang={lang}")
                    wait_for_app(page, timeout=SLOW, settle_ms=0)
                else:
                    open_from_the_menu(page, spec)
                found, ticks = check_page(page, spec, lang)
                if spec.url_path in MAP_PAGES and TOURS[lang] == "menu":
                    found += switch_partner_views(page, lang)
            except PlaywrightTimeoutError as timeout:
                found, ticks = [f"timed out: {timeout.message.splitlines()[0]}"], {}
            found += left_home(page, foreign, errors) + real_errors(errors)
            found += [f"axis {axis} repeats {labels}" for axis, labels in repeated(ticks).items()]
            axes[spec.url_path] = len(ticks)
            if found:
                problems[spec.url_path] = found
            foreign.clear()
            errors.clear()
    finally:
        page.set_default_timeout(APP_TIMEOUT_MS)  # the tab is the next test's
    assert not problems, problems
    assert all(axes[path] >= 2 for path in AXIS_PAGES), f"tick labels not read: {axes}"
