"""Ranks among provinces: read from their sentences, written as a reader says them ("29th",
"thứ 29"), never summed, never charted, and every rank the data holds is in its sentence."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from foreign_ties import boundaries, catalog, charts, formatting, paths, questions, ranking, slides
from foreign_ties.csv_input import Row
from foreign_ties.i18n import set_language, t
from foreign_ties.numbers import FigureParseError, find_figure, parse_figure
from foreign_ties.state import Filters
from foreign_ties.validate import load
from foreign_ties.value_rules import check_rank
from tests.conftest import app_at, tile_cells, url_values


@pytest.mark.parametrize(
    ("written", "language", "position"),
    [("29th", "en", 29), ("1st", "en", 1), ("22nd", "en", 22), ("13th", "en", 13)]
    + [("thứ 49", "vi", 49), ("thứ 41/63", "vi", 41), ("hạng 46", "vi", 46)],
)
def test_a_rank_as_written_is_its_position(written, language, position):
    assert parse_figure(written, language) == (position, "rank")


@pytest.mark.parametrize("written", ["21th", "12nd", "3th"])
def test_an_ordinal_with_the_wrong_suffix_is_refused(written):
    with pytest.raises(FigureParseError, match="is written"):
        parse_figure(written, "en")


def test_thu_is_a_rank_only_in_vietnamese_and_plain_numbers_stay_counts():
    assert parse_figure("49", "vi") == (49, "count")
    for written in ("thứ 49", "hạng 46"):
        with pytest.raises(FigureParseError):
            parse_figure(written, "en")


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
        as_written = rf"(?:(?:thứ|hạng)\s+)?{position}(?:st|nd|rd|th|/\d+)?$"
        assert re.match(as_written, written), fact["fact_id"]
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


# --- the views: every rank shown comes from its sentence, in both languages ------------------


def _all_years() -> Filters:
    return Filters(catalog.COMPARED_PLACES, *catalog.year_bounds())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_rank_shown_is_the_number_its_sentence_states(lang):
    set_language(lang)
    try:
        results = ranking.place_ranks(catalog.COMPARED_PLACES, _all_years())
    finally:
        set_language("en")
    assert [r.place for r in results] == ["son-la", "lang-son", "tuyen-quang"]  # no nation
    shown = [rank for result in results for rank in result.ranks]
    assert shown
    for rank in shown:
        assert re.search(rf"(?<!\d){rank.position}(?:st|nd|rd|th|/|\b)", rank.quote), rank
        assert str(rank.position) in rank.rank and rank.ordinal in rank.rank
        total = re.search(r"(?:of |/)(\d+)", rank.rank)
        if total:  # "of 63" only when the sentence states 63
            assert re.search(rf"(?<!\d){total.group(1)}(?!\d)", rank.quote), rank
    by_place = {r.place: r for r in results}
    assert not by_place["lang-son"].fdi and by_place["lang-son"].other  # PCI only
    assert any(r.province_id == "ha-giang" and r.territory for r in by_place["tuyen-quang"].ranks)


def _cards(at) -> list[str]:
    return tile_cells(at)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_where_do_we_rank_in_two_actions_with_sources_and_the_places_without(lang):
    """Open the Overview (1), choose "Where do we rank?" (2): each province's published rank
    with a link to its sentence and page, and "not in the published list" where none."""
    at = app_at(lang=lang)
    set_language(lang)
    try:
        pills = next(b for b in at.button_group if b.label == t("overview.question", lang))
        pills.set_value(questions.RANK).run()
        assert not at.exception
        cards = {
            p: next(c for c in _cards(at) if catalog.place_name(p, lang) in c)
            for p in ("son-la", "lang-son", "tuyen-quang")
        }
        expected = {
            "en": ("29th", "50th of 63 provinces and cities"),
            "vi": ("thứ 29", "thứ 50/63 tỉnh, thành phố"),
        }[lang]
        assert expected[0] in cards["son-la"] and expected[1] in cards["tuyen-quang"]
        assert "fact=son-la-fdi-rank-2013" in cards["son-la"]
        assert "http://ipcn.vn/en/regions/detail/116/son-la.html" in cards["son-la"]
        assert "fact=tuyen-quang-fdi-rank-2017-01" in cards["tuyen-quang"]
        assert t("rank.not_listed_fdi", lang) in cards["lang-son"]
        assert t("question.rank", lang) in " ".join(m.value for m in at.markdown)
        assert url_values(at, "question") == [questions.RANK]
    finally:
        set_language("en")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_year_without_any_published_rank_says_not_in_the_published_list(lang):
    at = app_at("pages/overview_page.py", lang=lang, question="rank", years=["2025", "2025"])
    assert not at.exception
    cards = _cards(at)[:3]
    assert len(cards) == 3 and all(t("rank.not_listed", lang) in c for c in cards)


def test_compare_lists_the_ranking_and_never_charts_it():
    at = app_at("pages/compare_page.py", family="ranking")
    assert not at.exception
    assert not at.get("plotly_chart")
    assert any(t("rank.compare_title") in m.value for m in at.markdown)
    assert any("49th" in c and "29th" in c for c in _cards(at))


def test_the_deck_has_one_ranking_slide_with_the_rank_and_its_sentence():
    deck = slides.build_slides(_all_years())
    (slide,) = [s for s in deck if s.key == "ranking"]
    assert slide.kind == "number" and slide.figure is None
    assert slide.big in slide.takeaway and slide.big in slide.sentence
    assert slide.sentence in slide.quotes[0]
    assert len(deck) <= slides.MAX_SLIDES

    assert not [
        s for s in slides.build_slides(Filters(("vietnam",), 2011, 2025)) if s.key == "ranking"
    ]
