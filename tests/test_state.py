"""Filters to and from the URL: anything a hand-edited link gets wrong falls back safely."""

import pytest

from foreign_ties import state

PLACES = ("son-la", "lang-son", "tuyen-quang", "vietnam")
BOUNDS = (2012, 2025)


def parse(params):
    return state.from_query(params, PLACES, PLACES, BOUNDS)


def test_no_parameters_gives_the_default_view():
    filters, notices = parse({})
    assert filters == state.Filters(PLACES, 2012, 2025)
    assert notices == []


def test_a_link_round_trips():
    filters = state.Filters(("lang-son", "vietnam"), 2020, 2023)
    assert parse(filters.query()) == (filters, [])


def test_comma_separated_and_repeated_values_are_both_accepted():
    filters, _ = parse({"provinces": ["son-la,lang-son"], "years": ["2015,2020"]})
    assert filters.provinces == ("son-la", "lang-son")
    assert (filters.year_from, filters.year_to) == (2015, 2020)


@pytest.mark.parametrize(
    "bad", ["narnia", "'; drop table facts; --", "son-la' or '1'='1", "<script>"]
)
def test_unknown_places_are_dropped_with_a_notice(bad):
    filters, notices = parse({"provinces": [bad, "vietnam"]})
    assert filters.provinces == ("vietnam",)
    assert [n.key for n in notices] == ["notice.unknown_province"]


def test_many_unknown_places_make_one_notice_quoting_the_first_few():
    """A hand-made link with 31 ids the dashboard does not cover printed 31 warnings."""
    bad = [f"synthetic-{n:02}" for n in range(1, 32)]
    filters, notices = parse({"provinces": [",".join([*bad, "son-la", bad[0]])]})
    assert filters.provinces == ("son-la",)
    (notice,) = notices
    assert notice.key == "notice.unknown_province" and notice.values["n"] == "31"
    assert notice.values["value"] == "“synthetic-01”, “synthetic-02”, “synthetic-03” …"


def test_only_unknown_places_fall_back_to_all_places():
    filters, notices = parse({"provinces": ["atlantis"]})
    assert filters.provinces == PLACES
    assert len(notices) == 1


@pytest.mark.parametrize(
    "years",
    [
        ["2030", "1990"],
        ["2025", "2015"],
        ["1900", "2020"],
        ["abc"],
        ["2015", "2016", "2017"],
        ["1e9"],
        ["2020;select 1"],
    ],
)
def test_impossible_year_ranges_fall_back_with_a_notice(years):
    filters, notices = parse({"years": years})
    assert (filters.year_from, filters.year_to) == BOUNDS
    assert [n.key for n in notices] == ["notice.bad_years"]


def test_a_single_year_means_that_year():
    filters, notices = parse({"years": ["2023"]})
    assert (filters.year_from, filters.year_to, notices) == (2023, 2023, [])


def test_notice_text_quotes_user_input_shortened():
    _, notices = parse({"provinces": ["x" * 500]})
    assert len(notices[0].values["value"]) <= 43  # 40 characters, "…" and its quotes


def test_choices_come_from_a_fixed_list():
    assert state.parse_choice(["b"], ["a", "b"], "a", "k") == ("b", [])
    value, notices = state.parse_choice(["drop"], ["a", "b"], "a", "k")
    assert value == "a" and notices[0].key == "notice.unknown_choice"
    assert state.parse_choice([], ["a"], "a", "k") == ("a", [])


def test_pages_are_counted_and_a_position_finds_its_page():
    assert [state.page_count(n, 50) for n in (0, 1, 50, 51, 100, 101)] == [1, 1, 1, 2, 2, 3]
    assert [state.page_of(p, 50) for p in (0, 49, 50, 99, 100)] == [1, 1, 2, 2, 3]


def test_a_page_from_the_link_is_kept_within_the_list():
    assert state.parse_page([], 4) == (1, [])
    assert state.parse_page(["3"], 4) == (3, [])
    assert state.parse_page(["9"], 4) == (4, [])  # the list got shorter: its last page


def test_a_slide_from_the_link_is_one_of_the_deck():
    assert state.parse_slide([], 18) == (1, [])
    assert state.parse_slide(["18"], 18) == (18, [])


@pytest.mark.parametrize(
    "bad", ["999", "19", "0", "abc", "-1", "٣", "2; drop view facts", "9" * 5000]
)
def test_a_bad_slide_number_opens_slide_one_with_a_notice(bad):
    number, notices = state.parse_slide([bad], 18)
    assert number == 1
    assert [(n.key, n.values["total"]) for n in notices] == [("present.bad_slide", "18")]
    assert notices[0].values["value"] == bad[:40] + ("…" if len(bad) > 40 else "")


@pytest.mark.parametrize(
    "bad", ["0", "-2", "abc", "2.5", "1e3", "٣", "'; drop table facts; --", "9" * 5000]
)
def test_a_hand_edited_page_opens_the_first_with_a_notice(bad):
    page, notices = state.parse_page([bad], 4)
    assert page == 1
    assert [n.key for n in notices] == ["notice.unknown_choice"]
