"""AppTest of the Present page: slides from the URL, buttons, notices, no sidebar chrome."""

from foreign_ties import catalog, slides
from foreign_ties.state import Filters
from tests.conftest import app_at, chart_specs, texts, url_values

PAGE = "pages/present_page.py"


def _titles() -> list[str]:
    catalog.clear()
    everything = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    return [s.title for s in slides.build_slides(everything)]


def test_present_renders_the_first_slide_with_chart_takeaway_and_footnote():
    at = app_at(PAGE)
    assert not at.exception, at.exception
    titles = _titles()
    assert at.title[0].value == titles[0]
    assert len(chart_specs(at)) == 1
    assert "Sources: " in texts(at)
    assert f"Slide 1 of {len(titles)}" in texts(at)
    assert url_values(at, "slide") == ["1"]
    assert at.button(key="present_previous").disabled


def test_the_slide_url_parameter_selects_a_slide():
    titles = _titles()
    at = app_at(PAGE, slide=str(min(3, len(titles))))
    assert not at.exception
    assert at.title[0].value == titles[min(3, len(titles)) - 1]
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
    for bad in ("999", "0", "abc", "-1", "2; drop view facts"):
        at = app_at(PAGE, slide=bad)
        assert not at.exception
        assert any("showing slide 1" in w.value for w in at.warning), bad
        assert url_values(at, "slide") == ["1"]
        assert at.title[0].value == _titles()[0]


def test_the_filters_in_the_url_choose_the_slides():
    at = app_at(PAGE, provinces=["son-la"], years=["2020", "2025"])
    assert not at.exception
    spec = chart_specs(at)[0]
    names = " ".join(str(trace.get("name", "")) + str(trace.get("x", "")) for trace in spec["data"])
    assert "Son La" in names and "Lang Son" not in names


def test_present_page_in_vietnamese():
    at = app_at(PAGE, lang="vi")
    assert not at.exception
    assert at.button(key="present_next").label == "Tiếp"
    assert "Trang 1/" in texts(at)
