"""No false notices: the "link's value is not one of the choices" notice (and the other
link notices) appear only when the link itself carried the value, never after ordinary use."""

import pytest
from streamlit.testing.v1 import AppTest

from foreign_ties import i18n
from tests.conftest import APP, app_at

NOTICE_KEYS = ("notice.unknown_choice", "notice.unknown_province", "notice.bad_years")


def notices(at) -> list[str]:
    """Warnings on the page that are link notices, in either language."""
    openings = [
        i18n.catalog(lang)[key].split("{", 1)[0] for lang in ("en", "vi") for key in NOTICE_KEYS
    ]
    return [w.value for w in at.warning if any(w.value.startswith(o) for o in openings)]


def test_typing_in_the_sources_search_shows_no_notice():
    at = app_at("pages/sources_page.py")
    assert at.query_params.get("fact"), "the page wrote its chosen figure to the URL"
    for query in ("Guangxi", "xuất khẩu", "no such words at all"):
        at.text_input[0].input(query).run()
        assert not at.exception
        assert notices(at) == [], query


def test_removing_places_and_narrowing_years_on_compare_show_no_notice():
    at = app_at("pages/compare_page.py", indicator="investment_approvals_projects")
    for place in ("son-la", "lang-son", "tuyen-quang"):
        at.sidebar.multiselect[0].unselect(place).run()
        assert notices(at) == [], place
    at.sidebar.slider[0].set_range(2024, 2025).run()
    assert notices(at) == []
    at.sidebar.slider[0].set_range(2011, 2012).run()
    assert notices(at) == []


def test_narrowing_years_on_sources_shows_no_notice():
    at = app_at("pages/sources_page.py")
    at.sidebar.slider[0].set_range(2012, 2013).run()
    assert notices(at) == []
    at.sidebar.multiselect[0].unselect("vietnam").run()
    assert notices(at) == []


# en -> vi only: AppTest calls a selectbox's format_func outside the script's thread, where
# the language is the default (English); the browser test switches back the other way.
@pytest.mark.parametrize("start, switch_to", [("en", "vi")])
@pytest.mark.parametrize(
    "page", ["pages/overview_page.py", "pages/compare_page.py", "pages/sources_page.py"]
)
def test_switching_language_shows_no_notice(page, start, switch_to):
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = start
    at.run()
    at.switch_page(page).run()
    at.sidebar.button_group[0].set_value(switch_to).run()
    assert not at.exception
    assert at.query_params.get("lang") in (switch_to, [switch_to])
    assert notices(at) == []


def test_switching_pages_shows_no_notice():
    at = app_at("pages/sources_page.py")
    at.text_input[0].input("Guangxi").run()
    for page in ("pages/compare_page.py", "pages/overview_page.py", "pages/sources_page.py"):
        at.switch_page(page).run()
        assert not at.exception
        assert notices(at) == [], page


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_hand_edited_link_still_explains_itself(lang):
    at = app_at("pages/compare_page.py", indicator="no_such_measure", lang=lang)
    assert len(notices(at)) == 1
    assert "no_such_measure" in notices(at)[0]
    at = app_at("pages/sources_page.py", fact="bogus-fact", lang=lang)
    assert any("bogus-fact" in n for n in notices(at))
    at = app_at("pages/overview_page.py", provinces="atlantis", lang=lang)
    assert any("atlantis" in n for n in notices(at))
