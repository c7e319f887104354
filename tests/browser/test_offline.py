"""Offline guarantee: no page of the dashboard asks any host but the app's own.

Every page in site.PAGES (iterated, so new pages are covered) is opened in headless
Chromium with every request intercepted: a request to another host is recorded and
refused, and the test fails naming it. Pages with maps must draw them (geo layers present)
from the base-map files the app serves itself, with no error text.
"""
from urllib.parse import urlparse

import pytest

from foreign_ties import site
from tests.browser.conftest import collect_console_errors, wait_for_app

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MAP_PAGES = {"partners"}  # url paths whose page draws maps


@pytest.fixture
def offline_page(chromium_browser):
    """A 1920x1080 page whose every request to a foreign host is refused and recorded."""
    context = chromium_browser.new_context(viewport={"width": 1920, "height": 1080}, locale="en-US")
    context.set_default_timeout(60_000)
    foreign: list[str] = []

    def guard(route, request):
        if urlparse(request.url).hostname in LOCAL_HOSTS or request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            foreign.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("websocket", lambda ws: None if urlparse(ws.url).hostname in LOCAL_HOSTS else foreign.append(ws.url))
    yield page, foreign
    context.close()


@pytest.mark.parametrize("spec", site.PAGES, ids=lambda s: s.url_path)
def test_every_page_stays_on_the_apps_own_host(app_server, offline_page, spec):
    page, foreign = offline_page
    errors = collect_console_errors(page)
    page.goto(f"{app_server}/{spec.link}")
    wait_for_app(page, settle_ms=0)
    if spec.url_path in MAP_PAGES:
        page.locator(".js-plotly-plot .geolayer").first.wait_for(state="attached")
        page.wait_for_function(  # every geo subplot has drawn its land and its provinces
            "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.geo'))"
            ".every(p => p.querySelector('.geolayer .bglayer, .geolayer .layer.land')"
            " && p.querySelectorAll('.choroplethlocation').length > 0)")
        assert page.locator(".js-plotly-plot .geo").count() >= 2, "partners map and choropleth"
    else:
        page.wait_for_timeout(1500)  # let charts and lazy assets ask for what they need
    body = page.locator("body").inner_text()
    assert "error while fetching topojson" not in body.lower()
    assert page.locator('[data-testid="stException"]').count() == 0, body[:2000]
    assert not foreign, f"{spec.url_path}: requests left the app's host: {foreign}"
    assert not [e for e in errors if "topojson" in e.lower() or "cdn.plot.ly" in e], errors
