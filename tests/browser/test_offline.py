"""Offline guarantee: the dashboard asks no host but the app's own.

Every page is checked for that in both languages in test_every_page.py. Here: the Partners
page's map view switch (region -> world -> region), whose re-drawn maps must not fetch
anything from the web either, and the interception itself (a foreign request is recorded
and refused).
"""

import pytest

from foreign_ties import site
from foreign_ties.i18n import t
from tests.browser.checks import left_home, refuse_foreign_requests, wait_for_charts, wait_for_maps
from tests.browser.conftest import collect_console_errors, wait_for_app

LOCALES = {"en": "en-US", "vi": "vi-VN"}
PARTNERS = next(s for s in site.PAGES if s.url_path == "partners")


@pytest.fixture
def offline_page(request, chromium_browser):
    """A 1920x1080 page in one language whose every request to a foreign host is refused and
    recorded. Yields (page, foreign requests, language)."""
    lang = request.param
    context = chromium_browser.new_context(
        viewport={"width": 1920, "height": 1080}, locale=LOCALES[lang]
    )
    context.set_default_timeout(60_000)
    page = context.new_page()
    foreign = refuse_foreign_requests(context, page)
    yield page, foreign, lang
    context.close()


# What is fetched does not depend on the language (the tours of test_every_page.py check every
# page in both): one language each is enough here.
@pytest.mark.parametrize("offline_page", ["vi"], indirect=True)
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
        wait_for_charts(page)
        found = left_home(page, foreign, errors)
        assert not found, f"partners view {view} ({lang}): {found}"


@pytest.mark.parametrize("offline_page", ["en"], indirect=True)
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
