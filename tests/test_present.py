"""AppTest of the Present page: slides from the URL, buttons, notices, no sidebar chrome."""

from foreign_ties import catalog, deck_layout, slides
from foreign_ties.state import Filters
from tests.conftest import app_at, chart_specs, url_values

PAGE = "pages/present_page.py"


def _titles() -> list[str]:
    """Every page's title in order: opening, one per slide, sources, closing."""
    catalog.clear()
    deck = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    found = slides.all_sources(deck)
    sources = -(-len(found) // deck_layout.SOURCES_PER_PAGE)
    return [
        "Foreign affairs in figures",
        *(s.title for s in deck),
        "Sources",
        *["Sources (continued)"] * (sources - 1),
        "Every figure, its sentence and its source",
    ]


def html_bodies(at) -> str:
    return "\n".join(e.proto.body for e in at.get("html"))


def test_present_opens_with_title_places_date_and_three_headlines():
    at = app_at(PAGE)
    assert not at.exception, at.exception
    titles = _titles()
    assert at.title[0].value == titles[0]
    body = html_bodies(at)
    assert "Son La, Lang Son, Tuyen Quang, Viet Nam" in body
    assert body.count("class='ft-headline-value'") == 3
    assert f"Slide 1 of {len(titles)}" in body
    assert "class='ft-qr'" in body and "present?provinces=son-la" in body
    assert url_values(at, "slide") == ["1"]
    assert at.button(key="present_previous").disabled


def test_a_chart_slide_has_chart_takeaway_sources_and_qr_code():
    deck = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    number = next(n for n, s in enumerate(deck, 2) if s.kind == "chart")
    at = app_at(PAGE, slide=str(number))
    assert not at.exception
    assert len(chart_specs(at)) == 1
    body = html_bodies(at)
    assert "ft-takeaway" in body and "Sources: " in body
    assert f"slide={number}" in body  # the corner QR code links to this slide live


def test_a_number_slide_has_the_figure_its_sentence_and_no_chart():
    deck = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    number, slide = next((n, s) for n, s in enumerate(deck, 2) if s.kind == "number")
    at = app_at(PAGE, slide=str(number))
    assert not at.exception
    assert not chart_specs(at)
    body = html_bodies(at)
    assert "class='ft-big'" in body and "ft-sentence" in body
    import html

    assert html.escape(slide.sentence) in body


def test_the_slide_url_parameter_selects_a_slide():
    titles = _titles()
    at = app_at(PAGE, slide=str(min(3, len(titles))))
    assert not at.exception
    assert at.title[0].value == titles[min(3, len(titles)) - 1]
    assert titles[-1] == "Every figure, its sentence and its source"
    assert url_values(at, "slide") == [str(min(3, len(titles)))]
    assert not at.warning


def test_next_advances_and_previous_goes_back():
    titles = _titles()
    at = app_at(PAGE)
    at.button(key="present_next").click().run()
    assert at.title[0].value == titles[1]
    assert url_values(at, "slide") == ["2"]
    at.button(key="present_previous").click().run()
    assert at.title[0].value == titles[0]
    assert url_values(at, "slide") == ["1"]


def test_the_last_slide_cannot_go_further():
    titles = _titles()
    at = app_at(PAGE, slide=str(len(titles)))
    assert at.button(key="present_next").disabled
    assert at.title[0].value == titles[-1]


def test_a_bad_slide_number_falls_back_to_one_with_a_notice():
    """On the page, past the end and hostile; every kind of bad number: tests/test_state.py."""
    for bad in ("999", "2; drop view facts"):
        at = app_at(PAGE, slide=bad)
        assert not at.exception
        assert any("showing slide 1" in w.value for w in at.warning), bad
        assert url_values(at, "slide") == ["1"]
        assert at.title[0].value == _titles()[0]


def test_the_filters_in_the_url_choose_the_slides():
    deck = slides.build_slides(Filters(("son-la",), 2020, 2025))
    number = next(n for n, s in enumerate(deck, 2) if s.kind == "chart")
    at = app_at(PAGE, provinces=["son-la"], years=["2020", "2025"], slide=str(number))
    assert not at.exception
    spec = chart_specs(at)[0]
    names = " ".join(str(trace.get("name", "")) + str(trace.get("x", "")) for trace in spec["data"])
    assert "Son La" in names and "Lang Son" not in names


def test_present_page_in_vietnamese():
    at = app_at(PAGE, lang="vi")
    assert not at.exception
    assert at.button(key="present_next").label == "Trang sau"
    assert "Trang 1/" in html_bodies(at)
    assert at.title[0].value == "Công tác đối ngoại qua số liệu"
