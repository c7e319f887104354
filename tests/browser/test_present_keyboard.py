"""Present mode in a real browser at projector size, driven by the keys clickers send."""

from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import chart_traces, collect_console_errors, wait_for_app


def slide_in_url(page) -> str:
    return parse_qs(urlparse(page.url).query).get("slide", [""])[0]


def press(page, key: str, expected: str) -> None:
    page.keyboard.press(key)
    wait_for_app(page, settle_ms=300)
    page.wait_for_function(
        "n => new URLSearchParams(location.search).get('slide') === n", arg=expected
    )
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")


def test_clicker_keys_move_between_slides_full_screen(app_server, projector_page, tmp_path):
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
    for selector in (
        '[data-testid="stHeader"]',
        '[data-testid="stToolbar"]',
        '[data-testid="stSidebar"]',
        '[data-testid="stExpandSidebarButton"]',
        '[data-testid="stSidebarCollapsedControl"]',
    ):
        assert (
            not page.locator(selector).first.is_visible()
            if page.locator(selector).count()
            else True
        ), selector
    assert page.locator('[data-testid="stException"]').count() == 0

    # Readable from the back of the room.
    title_px = page.locator("h1").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert title_px >= 48
    smallest = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('.js-plotly-plot text')]"
        ".filter(t => t.textContent.trim()).map(t => parseFloat(t.style.fontSize || getComputedStyle(t).fontSize)))"  # noqa: E501 (JavaScript)
    )
    assert smallest >= 22, smallest

    page.mouse.move(0, 0)
    page.screenshot(path=str(tmp_path / "present-1920.png"))  # for a look when it fails
    assert not [e for e in errors if "_stcore/" not in e and "404" not in e], errors


def test_a_bad_slide_link_shows_a_notice_and_slide_one(app_server, projector_page):
    page = projector_page
    page.goto(f"{app_server}/present?slide=42000")
    wait_for_app(page, settle_ms=0)
    assert page.locator('[data-testid="stAlert"]').first.is_visible()
    page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '1'")


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800), (1366, 768)])
def test_a_slide_fits_the_screen_without_scrolling(app_server, chromium_browser, size):
    """Title, chart, takeaway, sources and the Next button all inside the viewport."""
    width, height = size
    context = chromium_browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(f"{app_server}/present?slide=2")
        wait_for_app(page, settle_ms=0)
        page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
        page.wait_for_timeout(300)  # the chart resizes to its container
        for selector in (
            "h1",
            ".js-plotly-plot",
            ".ft-takeaway",
            ".ft-footnote",
            ".st-key-present_next button",
        ):
            box = page.locator(selector).first.bounding_box()
            assert box and box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (selector, box)
        chart = page.locator(".js-plotly-plot").first.bounding_box()
        assert chart["height"] >= 0.35 * height  # the chart takes the room that is left
    finally:
        context.close()
