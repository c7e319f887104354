"""Present mode in a real browser at projector size, driven by the keys clickers send."""
from urllib.parse import parse_qs, urlparse

from foreign_ties.paths import ROOT
from tests.browser.conftest import chart_traces, collect_console_errors, wait_for_app

SCREENSHOT = ROOT / "docs" / "screenshots" / "present-1920.png"


def slide_in_url(page) -> str:
    return parse_qs(urlparse(page.url).query).get("slide", [""])[0]


def press(page, key: str, expected: str) -> None:
    page.keyboard.press(key)
    wait_for_app(page, settle_ms=300)
    page.wait_for_function("n => new URLSearchParams(location.search).get('slide') === n", arg=expected)
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")


def test_clicker_keys_move_between_slides_full_screen(app_server, projector_page):
    page = projector_page
    errors = collect_console_errors(page)
    page.goto(f"{app_server}/present")
    wait_for_app(page, settle_ms=0)
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
    assert slide_in_url(page) == "1"
    first_title = page.locator("h1").first.inner_text()

    press(page, "ArrowRight", "2")
    assert page.locator("h1").first.inner_text() != first_title
    press(page, "PageDown", "3")
    press(page, "ArrowLeft", "2")
    press(page, "PageUp", "1")
    assert page.locator("h1").first.inner_text() == first_title
    press(page, "Space", "2")
    assert chart_traces(page) >= 1

    # No Streamlit chrome: header, toolbar, sidebar and its expand control are hidden.
    for selector in ('[data-testid="stHeader"]', '[data-testid="stToolbar"]',
                     '[data-testid="stSidebar"]', '[data-testid="stExpandSidebarButton"]',
                     '[data-testid="stSidebarCollapsedControl"]'):
        assert not page.locator(selector).first.is_visible() if page.locator(selector).count() else True, selector
    assert page.locator('[data-testid="stException"]').count() == 0

    # Readable from the back of the room.
    title_px = page.locator("h1").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert title_px >= 48
    smallest = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('.js-plotly-plot text')]"
        ".filter(t => t.textContent.trim()).map(t => parseFloat(t.style.fontSize || getComputedStyle(t).fontSize)))")
    assert smallest >= 22, smallest

    page.mouse.move(0, 0)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert not [e for e in errors if "_stcore/" not in e and "404" not in e], errors


def test_a_bad_slide_link_shows_a_notice_and_slide_one(app_server, projector_page):
    page = projector_page
    page.goto(f"{app_server}/present?slide=42000")
    wait_for_app(page, settle_ms=0)
    assert page.locator('[data-testid="stAlert"]').first.is_visible()
    page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '1'")
