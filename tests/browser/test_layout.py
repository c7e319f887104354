"""Layout in a real browser: an unknown address, and every page on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from foreign_ties import i18n, site
from tests.browser.checks import PHONE, PHONE_USER_AGENT, text_outside_charts, wait_for_charts
from tests.browser.conftest import wait_for_app

DIALOG = '[data-testid="stDialog"]'


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_an_unknown_page_says_page_not_found_with_links_to_every_page(app_server, page, lang):
    """Our own "page not found" in the reader's language, with a link to every page; Streamlit's
    English dialog (which claims to run the main page) neither shown nor carried to the next
    page."""
    page.goto(f"{app_server}/nosuchpage?lang={lang}")
    wait_for_app(page, timeout=120_000, settle_ms=0)
    main = page.locator('[data-testid="stMainBlockContainer"]')
    assert main.locator("h1").first.inner_text().strip() == i18n.t("notfound.title", lang)
    assert "/nosuchpage" in main.inner_text()
    links = main.locator('[data-testid="stPageLink"] a')
    expect(links).to_have_count(len(site.PAGES), timeout=30_000)  # links follow the title
    labels = [links.nth(i).inner_text().strip() for i in range(links.count())]
    assert i18n.t("nav.compare", lang) in " ".join(labels)
    assert page.locator(".js-plotly-plot").count() == 0  # not the Overview in disguise
    page.wait_for_function(f"() => !document.querySelector('{DIALOG}')", timeout=10_000)
    if lang != "en":
        assert "Page not found" not in page.locator("body").inner_text()
    links.filter(has_text=i18n.t("nav.compare", lang)).first.click()
    wait_for_app(page, timeout=120_000)
    page.wait_for_url("**/compare**")
    assert i18n.t("notfound.title", lang) not in main.inner_text()
    assert page.locator(DIALOG).count() == 0


# scrollWidth of the document and of Streamlit's scrolling main area, and any chart wider
# than the screen.
OVERFLOW_JS = """() => {
  const w = window.innerWidth;
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  const wide = [...document.querySelectorAll('.js-plotly-plot, [data-testid="stMetric"]')]
    .filter(e => e.getBoundingClientRect().right > w + 1).length;
  return {w, doc: document.documentElement.scrollWidth, body: document.body.scrollWidth,
          main: main.scrollWidth, wide};
}"""


@pytest.fixture(scope="module")
def phone_page(chromium_browser):
    """One phone tab for both languages' tours (a new tab costs a renderer's start)."""
    context = chromium_browser.new_context(
        viewport=PHONE, locale="en-US", is_mobile=True, user_agent=PHONE_USER_AGENT
    )
    context.set_default_timeout(120_000)
    yield context.new_page()
    context.close()


def tap_nav_link(page, spec: site.PageSpec) -> None:
    """Open `spec` the way the app's menu does (the sidebar is folded away on a phone)."""
    link = page.locator(f'[data-testid="stSidebarNav"] a[href$="/{spec.url_path}"]').first
    link.evaluate("a => a.click()")
    page.wait_for_function("path => location.pathname.endsWith('/' + path)", arg=spec.url_path)
    wait_for_app(page, timeout=120_000, settle_ms=2000)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_no_page_scrolls_sideways_on_a_phone(app_server, phone_page, lang):
    """Every page at 390x844 on a phone (touch screen, Mobile User-Agent): the first opened by
    its address, the next ones from the app's menu, as a reader on a phone moves on (each
    page's own address is opened at desktop size in test_every_page.py). Nothing scrolls
    sideways, and no chart's title, legend or sources line is cut off at its edge."""
    found = {}
    phone_page.goto(f"{app_server}/?lang={lang}")
    wait_for_app(phone_page, timeout=120_000, settle_ms=0)
    for spec in site.PAGES:
        if not spec.default:
            tap_nav_link(phone_page, spec)
        assert f"lang={lang}" in phone_page.url, phone_page.url
        wait_for_charts(phone_page, timeout=120_000)  # charts fitted to the screen, or not
        sizes = phone_page.evaluate(OVERFLOW_JS)
        if max(sizes["doc"], sizes["body"], sizes["main"]) > sizes["w"] or sizes["wide"]:
            found[spec.url_path] = sizes
        if cut := text_outside_charts(phone_page):
            found[f"{spec.url_path}: chart text cut off"] = cut
    assert not found, found
