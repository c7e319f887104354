"""Offline guarantee: no page of the dashboard asks any host but the app's own.

Every page in site.PAGES (iterated, so new pages are covered) is opened in headless
Chromium, in English and in Vietnamese, with every request intercepted: a request to
another host is recorded and refused, and the test fails naming it. Pages with maps must
draw them (geo layers present) from the base-map files the app serves itself, with no
error text. The Partners page's map view switch is also used (region -> world -> region):
a re-drawn map must not fetch anything from the web either.
"""

from urllib.parse import urlparse

import pytest

from foreign_ties import site
from foreign_ties.i18n import t
from tests.browser.conftest import collect_console_errors, wait_for_app

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
MAP_PAGES = {"partners"}  # url paths whose page draws maps
LOCALES = {"en": "en-US", "vi": "vi-VN"}
PARTNERS = next(s for s in site.PAGES if s.url_path == "partners")


@pytest.fixture(params=list(LOCALES))
def offline_page(request, chromium_browser):
    """A 1920x1080 page in one language whose every request to a foreign host is refused and
    recorded. Yields (page, foreign requests, language)."""
    lang = request.param
    context = chromium_browser.new_context(
        viewport={"width": 1920, "height": 1080}, locale=LOCALES[lang]
    )
    context.set_default_timeout(60_000)
    foreign: list[str] = []

    def guard(route, request):
        if urlparse(request.url).hostname in LOCAL_HOSTS or request.url.startswith(
            ("data:", "blob:")
        ):
            route.continue_()
        else:
            foreign.append(request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on(
        "websocket",
        lambda ws: None if urlparse(ws.url).hostname in LOCAL_HOSTS else foreign.append(ws.url),
    )
    yield page, foreign, lang
    context.close()


def wait_for_maps(page) -> None:
    """Until every geo subplot has drawn its land and its provinces."""
    page.locator(".js-plotly-plot .geolayer").first.wait_for(state="attached")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.geo'))"  # noqa: E501 (JavaScript)
        ".every(p => p.querySelector('.geolayer .bglayer, .geolayer .layer.land')"
        " && p.querySelectorAll('.choroplethlocation').length > 0)"
    )


def assert_stayed_home(page, foreign, errors, where: str) -> None:
    body = page.locator("body").inner_text()
    assert "error while fetching topojson" not in body.lower()
    assert page.locator('[data-testid="stException"]').count() == 0, body[:2000]
    assert not foreign, f"{where}: requests left the app's host: {foreign}"
    assert not [e for e in errors if "topojson" in e.lower() or "cdn.plot.ly" in e], errors


@pytest.mark.parametrize("spec", site.PAGES, ids=lambda s: s.url_path)
def test_every_page_stays_on_the_apps_own_host(app_server, offline_page, spec):
    page, foreign, lang = offline_page
    errors = collect_console_errors(page)
    page.goto(f"{app_server}/{spec.link}?lang={lang}")
    wait_for_app(page, settle_ms=0)
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('lang') === '{lang}'")
    nav = page.locator('[data-testid="stSidebarNav"]')
    if nav.count():  # the page is in the chosen language (the present page hides the sidebar)
        nav.get_by_role("link", name=t(spec.title_key, lang), include_hidden=True).first.wait_for(
            state="attached"
        )
    if spec.url_path in MAP_PAGES:
        wait_for_maps(page)
        assert page.locator(".js-plotly-plot .geo").count() >= 2, "partners map and choropleth"
    else:
        page.wait_for_timeout(1500)  # let charts and lazy assets ask for what they need
    assert_stayed_home(page, foreign, errors, f"{spec.url_path} ({lang})")


def test_the_partners_view_switch_stays_on_the_apps_own_host(app_server, offline_page):
    page, foreign, lang = offline_page
    errors = collect_console_errors(page)
    page.goto(f"{app_server}/{PARTNERS.link}?lang={lang}&map_view=region")
    wait_for_app(page, settle_ms=0)
    wait_for_maps(page)
    for view in ("world", "region"):
        page.get_by_role("radio", name=t(f"maps.view.{view}", lang), exact=True).click()
        wait_for_app(page)
        page.wait_for_function(f"() => location.search.includes('map_view={view}')")
        wait_for_maps(page)
        title = t(f"maps.partners.subtitle.{view}", lang, count="").split("·")[1].strip()
        page.locator(".js-plotly-plot .gtitle", has_text=title).first.wait_for(state="attached")
        page.wait_for_timeout(500)
        assert_stayed_home(page, foreign, errors, f"partners view {view} ({lang})")


def test_the_guard_records_and_refuses_a_foreign_request(app_server, offline_page):
    """The interception itself works: a fetch to another host is recorded and refused."""
    page, foreign, lang = offline_page
    page.goto(f"{app_server}/?lang={lang}")
    wait_for_app(page, settle_ms=0)
    outcome = page.evaluate(
        "() => fetch('https://cdn.plot.ly/un/world_110m.json').then(() => 'fetched', () => 'refused')"  # noqa: E501 (JavaScript)
    )
    assert outcome == "refused"
    assert foreign == ["https://cdn.plot.ly/un/world_110m.json"]
