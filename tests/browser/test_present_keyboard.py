"""Present mode in a real browser at projector size, driven by the keys clickers send; every
slide fits the screen and no slide's chart repeats a tick label."""

from urllib.parse import parse_qs, urlparse

import pytest

from foreign_ties import catalog, slides
from foreign_ties.state import Filters
from tests.browser.checks import drawn_ticks, wait_for_charts
from tests.browser.conftest import (
    APP_TIMEOUT_MS,
    chart_traces,
    collect_console_errors,
    wait_for_app,
)
from tests.ticks import repeated


def slide_in_url(page) -> str:
    return parse_qs(urlparse(page.url).query).get("slide", [""])[0]


def open_deck(page, url: str) -> None:
    """Open Present at `url` and wait until its key script listens (foreign_ties/ui/
    present_keys.js marks the document when it does): a key pressed before is lost."""
    page.goto(url)
    wait_for_app(page, settle_ms=0)
    page.wait_for_function("() => document.ftPresentKeys === true")


def press(page, key: str, expected: str) -> None:
    page.keyboard.press(key)
    wait_for_app(page, settle_ms=300)
    page.wait_for_function(
        "n => new URLSearchParams(location.search).get('slide') === n", arg=expected
    )
    page.locator("h1").first.wait_for(state="visible")


def test_clicker_keys_move_between_slides_full_screen(app_server, projector_page, tmp_path):
    page = projector_page
    errors = collect_console_errors(page)
    open_deck(page, f"{app_server}/present")
    page.locator("h1").first.wait_for(state="visible")
    assert slide_in_url(page) == "1"
    first_title = page.locator("h1").first.inner_text()

    press(page, "ArrowRight", "2")
    assert page.locator("h1").first.inner_text() != first_title
    press(page, "PageDown", "3")
    press(page, "ArrowLeft", "2")
    press(page, "PageUp", "1")
    assert page.locator("h1").first.inner_text() == first_title
    press(page, "Space", "2")
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
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
    assert smallest >= 24, smallest

    page.mouse.move(0, 0)
    page.screenshot(path=str(tmp_path / "present-1920.png"))  # for a look when it fails
    assert not [e for e in errors if "_stcore/" not in e and "404" not in e], errors


def test_a_bad_slide_link_shows_a_notice_and_slide_one(app_server, projector_page):
    page = projector_page
    page.goto(f"{app_server}/present?slide=42000")
    wait_for_app(page, settle_ms=0)
    assert page.locator('[data-testid="stAlert"]').first.is_visible()
    page.wait_for_function("() => new URLSearchParams(location.search).get('slide') === '1'")


# Every element of the slide inside the viewport, and (at 1920) its smallest text size.
MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  let bottom = 0, right = 0, smallest = 1e9, where = '';
  for (const e of main.querySelectorAll('*')) {
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (!r.width || !r.height || style.visibility === 'hidden') continue;
    if (e.closest('[data-testid="stPopoverBody"]')) continue;
    // the chart's wrappers keep its unscaled slide size (present.css); the plot is measured
    if (e.closest('.st-key-present_chart') && e.querySelector('.js-plotly-plot')) continue;
    if (r.bottom > bottom) { bottom = r.bottom; }
    if (r.right > right) { right = r.right; }
    const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (own) {
      const size = parseFloat(style.fontSize);
      if (size < smallest) { smallest = size; where = e.textContent.trim().slice(0, 60); }
    }
  }
  return {bottom, right, smallest, where};
}"""


def chart_slides() -> set[int]:
    """Present mode's page numbers of the chart slides (page 1 is the opening slide)."""
    built = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    return {n for n, slide in enumerate(built, 2) if slide.kind == "chart"}


def slide_problems(page, number: int, size: tuple[int, int], with_chart: set[int]) -> list:
    """What is wrong with the slide on screen at window size `size`."""
    width, height = size
    page.locator(".ft-counter").first.wait_for(state="visible")
    wait_for_charts(page)
    seen = page.evaluate(MEASURE)
    ticks = drawn_ticks(page)
    found = []
    if seen["bottom"] > height + 1 or seen["right"] > width + 1:
        found.append((number, width, "outside", seen))
    if width == 1920 and seen["smallest"] < 24:
        found.append((number, width, "small text", seen))
    if number in with_chart and not ticks:
        found.append((number, width, "no axis drawn", ticks))
    if repeated(ticks):
        found.append((number, width, "repeated tick labels", repeated(ticks)))
    plot = page.locator(".js-plotly-plot")
    if plot.count() and plot.first.bounding_box()["height"] < 0.25 * height:
        found.append((number, width, "chart under a quarter of the screen's height"))
    if plot.count():  # the chart is zoomed to the screen (present.css): nothing runs under it
        chart_bottom = plot.first.bounding_box()["y"] + plot.first.bounding_box()["height"]
        text_top = page.locator(".ft-takeaway").first.bounding_box()["y"]
        if chart_bottom > text_top + 1:
            found.append((number, width, "chart over the takeaway", chart_bottom, text_top))
    return found


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_slide_fits_the_screen_and_repeats_no_tick_label(
    app_server, projector_page, lang, tmp_path
):
    """Every page of the deck, opening to closing, on a projector (1920x1080) and on a laptop
    (1280x800): nothing below or right of the screen, at 1920x1080 no text (chart text, source
    lines and buttons included) below 24 px, every chart slide draws its axes and no axis
    repeats a tick label.

    Each slide is opened once and seen at both sizes by resizing the window, as when a laptop
    is plugged into a projector; the order alternates, so each size is seen first on every
    other slide. (When this was written, every slide measured and ticked the same way after a
    resize as when opened at that size.)"""
    sizes = [(1920, 1080), (1280, 800)]
    with_chart = chart_slides()
    page = projector_page
    page.set_default_timeout(60_000)
    try:
        open_deck(page, f"{app_server}/present?lang={lang}&slide=1")
        total = int(page.locator(".ft-counter").first.inner_text().split()[-1].split("/")[-1])
        assert with_chart and max(with_chart) <= total, (with_chart, total)
        problems = []
        for number in range(1, total + 1):
            if number > 1:
                press(page, "ArrowRight", str(number))
            for width, height in sizes:
                if page.viewport_size["width"] != width:
                    page.set_viewport_size({"width": width, "height": height})
                found = slide_problems(page, number, (width, height), with_chart)
                if found:  # for a look at what failed
                    page.screenshot(path=str(tmp_path / f"{lang}-{width}-{number:02d}.png"))
                problems += found
            sizes.reverse()
        assert not problems, problems
    finally:
        page.set_viewport_size({"width": 1920, "height": 1080})  # the tab is the next test's
        page.set_default_timeout(APP_TIMEOUT_MS)
