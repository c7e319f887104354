"""In a real browser: the chairman's question in two actions, both places shown for Son La +
Lang Son exports, no bare "?" on the Overview, no link notice after ordinary use (filter
changes that redraw the chart and go into the URL, the language switch), and a click on a
bar opening the sentence behind it."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from foreign_ties import catalog, questions
from foreign_ties.i18n import catalog as messages
from foreign_ties.i18n import t
from tests.browser.checks import wait_for_charts
from tests.browser.conftest import wait_for_app

MAIN = '[data-testid="stMain"]'


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page, settle_ms=0)


def settle(page) -> None:
    """After an interaction: a rerun on a loaded machine may take a while."""
    wait_for_app(page, timeout=90_000, settle_ms=500)


def notice_openings() -> list[str]:
    return [
        messages(lang)[key].split("{", 1)[0][:25]
        for lang in ("en", "vi")
        for key in ("notice.unknown_choice", "notice.unknown_province", "notice.bad_years")
    ]


def assert_no_notice(page, step: str) -> None:
    body = page.locator(MAIN).inner_text()
    for opening in notice_openings():
        assert opening not in body, f"notice after {step}"


def main_text_without_buttons(page) -> str:
    return page.evaluate(
        """() => { const m = document.querySelector('[data-testid="stMain"]').cloneNode(true);
        m.querySelectorAll('[data-testid="stButtonGroup"], a').forEach(e => e.remove());
        return m.innerText; }"""
    )


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_chairmans_question_in_two_actions(app_server, page, lang):
    open_page(page, f"{app_server}/?lang={lang}")  # action 1: open
    page.get_by_role("radio", name=t("question.exports", lang)).click()  # action 2
    wait_for_app(page, settle_ms=400)
    first_row = page.locator(".ft-tile").all_inner_texts()[: len(catalog.COMPARED_PLACES)]
    for place in ("son-la", "lang-son"):
        tile = next(x for x in first_row if x.startswith(catalog.place_name(place, lang)))
        assert re.search(r"\d", tile), f"{place} answered with a figure"
    assert parse_qs(urlparse(page.url).query)["question"] == ["exports"]


def test_no_bare_question_mark_on_the_overview(app_server, page):
    """Every question's answer, opened as a reader does: the page, then each question."""
    open_page(page, f"{app_server}/?question={questions.DEFAULT_QUESTION}")
    found = {}
    for question in questions.QUESTIONS:
        if question != questions.DEFAULT_QUESTION:
            page.get_by_role("radio", name=t(f"question.{question}", "en")).click()
            page.wait_for_function(
                "q => new URLSearchParams(location.search).get('question') === q", arg=question
            )
            wait_for_app(page, settle_ms=400)
        if "?" in (text := main_text_without_buttons(page)):
            found[question] = text[max(0, text.index("?") - 60) : text.index("?") + 20]
    assert not found, found


def test_son_la_and_lang_son_exports_show_both_places(app_server, page):
    open_page(page, f"{app_server}/compare?provinces=son-la&provinces=lang-son&family=exports")
    page.locator(".js-plotly-plot .trace").first.wait_for(state="visible")
    drawn = page.evaluate(
        "() => JSON.stringify([...document.querySelectorAll('.js-plotly-plot')]"
        ".map(p => p.data.map(t => [t.x, t.name])))"
    )
    assert "Son La" in drawn and "Lang Son" in drawn
    assert page.locator(".js-plotly-plot").count() >= 2
    assert t("measure.differ", "en")[:40] in page.locator(MAIN).inner_text()


def chart_data(page) -> str:
    return page.evaluate(
        "() => JSON.stringify(document.querySelector('.js-plotly-plot').data.map(t => [t.x, t.y]))"
    )


def test_no_notice_after_ordinary_use(app_server, page):
    """A search, filter changes, the language switch and the menu: no link notice after any.
    On the way, each filter change redraws the chart and goes into the URL, and the language
    switch turns the page Vietnamese."""
    open_page(page, f"{app_server}/sources")
    search = page.get_by_label(t("sources.search", "en"))
    search.fill("Guangxi")
    search.press("Enter")
    settle(page)
    assert_no_notice(page, "a search on Sources")
    # A measure all three provinces published (Lang Son and Son La are removed from it).
    open_page(page, f"{app_server}/compare?indicator=investment_approvals_projects")
    page.locator(".js-plotly-plot .trace >> visible=true").first.wait_for()
    sidebar = page.locator('[data-testid="stSidebar"]')
    for place, slug, left in (
        ("Lang Son", "lang-son", ["son-la", "tuyen-quang", "vietnam"]),
        ("Son La", "son-la", ["tuyen-quang", "vietnam"]),
    ):
        before = chart_data(page)
        sidebar.locator(f'button[aria-label="Remove {place}"]').click()
        settle(page)
        page.wait_for_function(f"() => !location.search.includes('provinces={slug}')")
        page.wait_for_function(
            "before => JSON.stringify(document.querySelector('.js-plotly-plot').data.map(t => [t.x, t.y])) !== before",  # noqa: E501 (JavaScript)
            arg=before,
        )
        query = parse_qs(urlparse(page.url).query)
        assert query["provinces"] == left
        assert query["indicator"] == ["investment_approvals_projects"]
        names = page.evaluate(
            "() => JSON.stringify(document.querySelector('.js-plotly-plot').data.map(t => t.name))"
        )
        assert place not in names
        assert_no_notice(page, f"removing {place}")
    handle = sidebar.locator('[data-testid="stSlider"] input[type="range"]').first
    handle.focus()
    for _ in range(10):
        handle.press("ArrowRight")
    settle(page)
    assert_no_notice(page, "narrowing the years")
    sidebar.get_by_role("radio", name="Tiếng Việt").click()
    settle(page)
    assert parse_qs(urlparse(page.url).query)["lang"] == ["vi"]
    page.get_by_role("heading", name="So sánh").wait_for(state="visible")
    assert_no_notice(page, "switching to Vietnamese")
    sidebar.get_by_role("radio", name="English").click()
    settle(page)
    assert_no_notice(page, "switching back to English")
    for name in ("Sources", "Overview", "Compare"):
        page.locator('[data-testid="stSidebarNav"]').get_by_text(name, exact=True).first.click()
        settle(page)
        assert_no_notice(page, f"opening {name}")


def test_a_click_on_a_bar_shows_its_sentence(app_server, page):
    open_page(
        page,
        f"{app_server}/compare?indicator=exports_customs_by_locality"
        "&provinces=son-la&provinces=tuyen-quang&years=2023&years=2023",
    )
    bar = page.locator(".js-plotly-plot .barlayer .point path").last
    bar.wait_for(state="visible")
    assert page.locator(".ft-drill-quote").count() == 0
    bar.scroll_into_view_if_needed()
    wait_for_charts(page)  # drawn and settled: Plotly redraws after fitting its margins
    box = bar.bounding_box()  # Plotly's drag layer takes the events: click where the bar is
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wait_for_app(page, settle_ms=600)
    quote = page.locator(".ft-drill-quote")
    quote.wait_for(state="visible")
    assert len(quote.inner_text()) > 20, "the published sentence"
    assert page.locator(".ft-drill a[href*='fact=']").count() == 1, "a link to its document"
    assert parse_qs(urlparse(page.url).query).get("figure"), "the open figure is in the URL"
