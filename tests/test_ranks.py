"""Ranks among provinces: read from their sentences, written as a reader says them ("29th",
"thứ 29"), never summed, never charted, and every rank the data holds is in its sentence."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from foreign_ties import boundaries, catalog, charts, formatting, paths
from foreign_ties.csv_input import Row
from foreign_ties.numbers import FigureParseError, find_figure, parse_figure
from foreign_ties.validate import load
from foreign_ties.value_rules import check_rank


@pytest.mark.parametrize(
    ("written", "language", "position"),
    [("29th", "en", 29), ("1st", "en", 1), ("22nd", "en", 22), ("13th", "en", 13)]
    + [("thứ 49", "vi", 49), ("thứ 41/63", "vi", 41)],
)
def test_a_rank_as_written_is_its_position(written, language, position):
    assert parse_figure(written, language) == (position, "rank")


@pytest.mark.parametrize("written", ["21th", "12nd", "3th"])
def test_an_ordinal_with_the_wrong_suffix_is_refused(written):
    with pytest.raises(FigureParseError, match="is written"):
        parse_figure(written, "en")


def test_thu_is_a_rank_only_in_vietnamese_and_plain_numbers_stay_counts():
    assert parse_figure("49", "vi") == (49, "count")
    with pytest.raises(FigureParseError):
        parse_figure("thứ 49", "en")


@pytest.mark.parametrize(
    ("position", "out_of", "lang", "text"),
    [
        (29, None, "en", "29th"),
        (21, None, "en", "21st"),
        (1, None, "en", "1st"),
        (16, 63, "en", "16th of 63 provinces and cities"),
        (29, None, "vi", "thứ 29"),
        (1, None, "vi", "thứ nhất"),
        (41, 63, "vi", "thứ 41/63 tỉnh, thành phố"),
    ],
)
def test_a_rank_is_written_with_the_languages_ordinal(position, out_of, lang, text):
    assert formatting.rank_text(position, out_of, lang) == text
    if out_of is None:
        assert formatting.value_text(position, "rank", "exact", lang) == text


def _problems(**values) -> list[str]:
    found: list[str] = []
    check_rank(Row("facts/x.csv", 2, values), lambda t, r, message, c: found.append(message))
    return found


def test_a_ranks_total_must_be_written_in_its_sentence():
    quote = "ranking 16th out of 63 provinces and cities"
    assert _problems(unit="rank", value=16.0, rank_out_of=63, quote=quote) == []
    assert (
        "not written in the quote"
        in _problems(unit="rank", value=49.0, rank_out_of=63, quote="đứng thứ 49.")[0]
    )
    assert _problems(unit="count", value=5.0, rank_out_of=63, quote=quote)
    assert _problems(unit="rank", value=0.0, quote="0th")
    assert _problems(unit="rank", value=70.0, rank_out_of=63, quote=quote)


def test_a_rank_is_never_added_up_for_the_2025_boundaries():
    assert not boundaries.additive("fdi", "rank")
    assert boundaries.additive("fdi", "USD")


@pytest.fixture(scope="module")
def rank_facts() -> list[dict]:
    data = load(paths.DATA_DIR)
    return [r.values for r in data.rows["facts"] if r.values["unit"] == "rank"]


def test_the_data_holds_ranks_for_each_compared_province_or_its_predecessor(rank_facts):
    places = {f["province_id"] for f in rank_facts}
    assert {"son-la", "lang-son", "tuyen-quang"} <= places | {"tuyen-quang"}
    assert {"son-la", "tuyen-quang"} <= {
        f["province_id"] for f in rank_facts if f["indicator_id"].startswith("fdi_")
    }


def test_every_stored_rank_is_written_in_its_sentence(rank_facts):
    """The rank number itself is in the quote, as an ordinal; a total only as written."""
    assert rank_facts
    for fact in rank_facts:
        position = int(fact["value"])
        written, quote = fact["value_as_written"], fact["quote"]
        assert find_figure(quote, written) >= 0, fact["fact_id"]
        assert re.match(rf"(?:thứ\s+)?{position}(?:st|nd|rd|th|/\d+)?$", written), fact["fact_id"]
        if fact.get("rank_out_of") is not None:
            assert re.search(rf"(?<!\d){fact['rank_out_of']}(?!\d)", quote), fact["fact_id"]


def test_a_rank_is_never_drawn_as_a_chart():
    indicator = catalog.indicators()["pci_rank"]
    rows = pd.DataFrame(
        {
            "province_id": ["son-la", "lang-son"],
            "unit": ["rank", "rank"],
            "value": [49.0, 16.0],
        }
    )
    assert charts.indicator_figure(rows, indicator, {}) is None
