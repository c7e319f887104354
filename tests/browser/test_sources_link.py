"""A link to a figure opens Sources scrolled to its sentence, highlighted: the reader does
not hunt for it below the table or deep inside a long article."""

from tests.browser.conftest import wait_for_app

# Its sentence starts 9,259 characters into an 11,745-character article: far below the fold
# of the page and of the article's own scrolling box.
DEEP_FACT = "lang-son-border-length-2017"

IN_VIEW = """() => {
  const mark = document.querySelector('mark#quote');
  if (!mark || !mark.classList.contains('ft-arrived')) { return false; }
  const box = mark.closest('.ft-document').getBoundingClientRect();
  const r = mark.getBoundingClientRect();
  const onScreen = r.top >= 0 && r.top < window.innerHeight;
  const inBox = r.top >= box.top - 1 && r.top < box.bottom;
  return onScreen && inBox;
}"""

# How far the page is scrolled: Streamlit scrolls its main container, not the window.
SCROLLERS = '[data-testid="stMain"], [data-testid="stAppScrollToBottomContainer"], section'
SCROLLED = f"""() => Math.max(window.scrollY,
  ...[...document.querySelectorAll('{SCROLLERS}')].map(e => e.scrollTop))"""


def test_a_link_to_a_figure_scrolls_to_its_highlighted_sentence(app_server, page):
    page.goto(f"{app_server}/sources?fact={DEEP_FACT}&lang=vi")
    wait_for_app(page)
    page.wait_for_function(IN_VIEW, timeout=15_000)
    assert page.evaluate(SCROLLED) > 200  # the page itself moved down to the sentence


def test_ordinary_use_of_sources_does_not_jump_the_page(app_server, page):
    page.goto(f"{app_server}/sources")
    wait_for_app(page)
    page.wait_for_timeout(1_500)  # long enough for the scroll script, were it there
    assert page.evaluate(SCROLLED) == 0
    assert page.locator("mark.ft-arrived").count() == 0
