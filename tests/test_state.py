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
    assert len(notices[0].values["value"]) <= 41


def test_choices_come_from_a_fixed_list():
    assert state.parse_choice(["b"], ["a", "b"], "a", "k") == ("b", [])
    value, notices = state.parse_choice(["drop"], ["a", "b"], "a", "k")
    assert value == "a" and notices[0].key == "notice.unknown_choice"
    assert state.parse_choice([], ["a"], "a", "k") == ("a", [])
