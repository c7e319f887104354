"""Drill-down: a click's points -> the figure to open; the open figure in the URL (AppTest)."""

from foreign_ties import drill
from foreign_ties.i18n import t
from tests.conftest import app_at, url_values

COMPARE = "pages/compare_page.py"


def test_the_clicked_points_give_their_fact_ids():
    points = [
        {"curve_number": 0, "point_index": 1, "customdata": "son-la-x"},
        {"curve_number": 1, "point_index": 0, "customdata": ["lang-son-y"]},
        {"curve_number": 2, "point_index": 0},  # a mark without a figure (a line)
    ]
    assert drill.fact_ids(points) == ["son-la-x", "lang-son-y"]


def test_a_new_click_wins_an_empty_selection_closes_and_a_stale_figure_is_dropped():
    available = ["a", "b"]
    assert drill.choose(["b"], "a", available) == "b"
    assert drill.choose([], "a", available) is None
    assert drill.choose(None, "a", available) == "a"
    assert drill.choose(None, "gone", available) is None
    assert drill.choose(["gone"], "a", available) is None


def drilled(at) -> list[str]:
    return [m.value for m in at.markdown if "ft-drill" in m.value]


def test_a_link_with_a_figure_opens_its_sentence_and_source():
    at = app_at(
        "pages/compare_page.py", indicator="exports_national", figure="vietnam-exports-2025"
    )
    assert not at.exception
    (shown,) = drilled(at)
    assert "US$475.04 billion" in shown and "2025" in shown
    assert "ft-drill-quote" in shown and "fact=vietnam-exports-2025" in shown
    assert url_values(at, "figure") == ["vietnam-exports-2025"]


def test_a_figure_the_view_no_longer_has_closes_quietly():
    at = app_at(
        "pages/compare_page.py", indicator="exports_national", figure="vietnam-exports-2025"
    )
    at.sidebar.slider[0].set_range(2012, 2013).run()
    assert not drilled(at) and url_values(at, "figure") == []
    assert t("drill.hint", "en") in [c.value for c in at.caption]


def test_the_sentence_is_shown_as_text_never_markup():
    at = app_at(
        "pages/compare_page.py", indicator="exports_national", figure="vietnam-exports-2025"
    )
    (shown,) = drilled(at)
    assert "<script" not in shown
    quote = shown.split("ft-drill-quote'>")[1].split("</blockquote>")[0]
    assert "<" not in quote
