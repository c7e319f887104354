"""The Sources page lists figures a page at a time: no page run renders (or queries) every
figure; the page is in the URL; a link to one figure opens the page holding it; the files
still hold every match."""

import pandas as pd
import pytest

from foreign_ties import catalog, source_list, store
from foreign_ties.i18n import tn
from foreign_ties.state import Filters
from tests.conftest import app_at, texts, url_values

EVERYTHING = source_list.Search(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
SIZE = source_list.PAGE_SIZE


def every_match() -> pd.DataFrame:
    return source_list.every_match(EVERYTHING)()


def test_the_pages_together_are_every_match_in_order_without_overlap():
    everything = every_match()
    count = source_list.count(EVERYTHING)
    assert count == len(everything) > 2 * SIZE  # the bundled data fills several pages
    pages = [source_list.page(EVERYTHING, n) for n in range(1, -(-count // SIZE) + 1)]
    assert all(len(p) <= SIZE for p in pages)
    together = [fact for p in pages for fact in p["fact_id"]]
    assert together == list(everything["fact_id"])


def test_a_figure_is_found_on_its_page_and_a_filtered_out_one_on_none():
    everything = list(every_match()["fact_id"])
    for position in (0, SIZE - 1, SIZE, len(everything) - 1):
        page = source_list.page_holding(EVERYTHING, everything[position])
        assert page == position // SIZE + 1
        assert everything[position] in set(source_list.page(EVERYTHING, page)["fact_id"])
    assert source_list.page_holding(EVERYTHING, "no-such-fact") is None


def test_the_page_query_is_bound_and_never_longer_than_a_page():
    rows = store.run("sources_page", **EVERYTHING.params(), page_size=SIZE, page_offset=0)
    assert len(rows) == SIZE
    assert "limit $page_size offset $page_offset" in store.query_text("sources_page")


def _shown_figures(at) -> int:
    return len(at.dataframe[0].value)


def test_the_page_opens_on_its_first_page_and_the_control_moves_through_pages():
    count = len(every_match())
    at = app_at("pages/sources_page.py", lang="en")
    assert not at.exception
    assert _shown_figures(at) == SIZE
    assert at.caption[0].value == tn("sources.showing", count, "en", first="1", last=str(SIZE))
    assert url_values(at, "page") == []  # the first page needs no parameter
    control = at.number_input[0]
    assert control.label == "Page" and control.value == 1
    control.set_value(2).run()
    assert not at.exception
    assert at.caption[0].value.startswith(f"{SIZE + 1}–{2 * SIZE} of {count}")
    assert url_values(at, "page") == ["2"]
    second = at.dataframe[0].value
    again = app_at("pages/sources_page.py", lang="en", page="2")  # the copied link
    assert again.number_input[0].value == 2
    assert again.dataframe[0].value.equals(second)


def test_a_link_to_a_figure_deep_in_the_list_opens_its_page_and_its_sentence():
    everything = every_match()
    last = everything.iloc[-1]
    at = app_at("pages/sources_page.py", lang="en", fact=last["fact_id"])
    assert not at.exception
    expected = -(-len(everything) // SIZE)
    assert at.number_input[0].value == expected
    assert url_values(at, "page") == [str(expected)]
    assert at.selectbox(key="page_fact").value == last["fact_id"]
    assert f"<mark class='ft-quote' id='quote'>{last['quote'][:30]}" in texts(at)


@pytest.mark.parametrize("bad", ["abc", "0", "-1", "2;drop"])
def test_a_hand_edited_page_opens_the_first_with_a_notice(bad):
    at = app_at("pages/sources_page.py", lang="en", page=bad)
    assert not at.exception
    assert at.number_input[0].value == 1
    assert any("“page”" in w.value for w in at.warning)


def test_a_page_past_the_end_opens_the_last_page_quietly():
    at = app_at("pages/sources_page.py", lang="en", page="999")
    assert not at.exception
    assert not [w for w in at.warning if "“page”" in w.value]  # (a figure's own doubt may show)
    assert at.number_input[0].value == -(-len(every_match()) // SIZE)


def test_a_new_search_starts_again_on_the_first_page():
    at = app_at("pages/sources_page.py", lang="en", page="3")
    assert at.number_input[0].value == 3
    at.text_input[0].set_value("export").run()
    assert not at.exception
    assert not at.number_input or at.number_input[0].value == 1
    assert url_values(at, "page") == []


def test_a_list_that_fits_one_page_has_no_control():
    at = app_at("pages/sources_page.py", lang="en", q="Guangxi")
    assert not at.exception
    assert not at.number_input
    assert at.caption[0].value.endswith("figures") or at.caption[0].value.endswith("figure")


def test_the_page_control_and_count_speak_vietnamese():
    count = len(every_match())
    at = app_at("pages/sources_page.py", lang="vi", page="2")
    assert not at.exception
    assert at.number_input[0].label == "Trang"
    assert at.caption[0].value == f"{SIZE + 1}–{2 * SIZE} trong {count} số liệu"


def test_the_download_holds_every_match_not_one_page():
    at = app_at("pages/sources_page.py", lang="en")
    assert at.get("download_button")
    assert len(every_match()) > _shown_figures(at)
