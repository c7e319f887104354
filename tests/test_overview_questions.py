"""The question-first Overview: the leader's province and plain questions, each answered at
once for the places side by side, with what each measure counts, and certainty in words."""

import datetime as dt
import re

import pandas as pd
import pytest

from foreign_ties import catalog, formatting, questions, wording
from foreign_ties.i18n import set_language, t
from foreign_ties.state import Filters
from tests.conftest import app_at, texts, tile_cells, url_values

ALL = Filters(catalog.COMPARED_PLACES, 2011, 2025)


@pytest.fixture(autouse=True)
def _english_after():
    """Tests here set the language in the test's thread; leave it as the others expect."""
    yield
    set_language("en")


def pills(at, label_key, lang="en"):
    return next(b for b in at.button_group if b.label == t(label_key, lang))


def tiles(at) -> list[str]:
    return tile_cells(at)


def test_qualifiers_and_status_are_written_in_words_in_both_languages():
    assert formatting.value_text(20, "count", "approx", "en") == "about 20"
    assert formatting.value_text(40, "count", "more_than", "en") == "over 40"
    assert formatting.value_text(40, "count", "at_least", "vi") == "ít nhất 40"
    assert formatting.value_text(186.6e6, "USD", "approx", "vi") == "khoảng 186,6 triệu USD"
    assert wording.certainty("reported", False, None) is None
    assert wording.certainty("target", False, None, "en").word == "target"
    assert wording.certainty("projection", False, None, "vi").word == "dự kiến"
    doubt = wording.certainty("reported", True, "page date not shown", "en")
    assert (doubt.word, doubt.reason) == ("not certain", "page date not shown")


def _figure(fact_id, end, uncertain, status="reported"):
    return {
        "fact_id": fact_id,
        "province_id": "son-la",
        "indicator_id": "exports_provincial_statistics",
        "family": "exports",
        "kind": "flow",
        "value": 1e6,
        "unit": "USD",
        "qualifier": "exact",
        "period_start": dt.date(end.year, 1, 1),
        "period_end": end,
        "status": status,
        "uncertain": uncertain,
        "uncertain_reason": "why" if uncertain else None,
    }


def test_a_certain_figure_leads_over_a_later_doubtful_one_and_targets_never_answer():
    set_language("en")
    figures = pd.DataFrame(
        [
            _figure("target", dt.date(2026, 12, 31), False, "target"),
            _figure("late-doubtful", dt.date(2025, 12, 31), True),
            _figure("certain", dt.date(2023, 12, 31), False),
        ]
    )
    result = questions.answer_row(questions.EXPORTS_VALUE, figures, ("son-la", "lang-son"))
    assert result.cells["son-la"].fact_id == "certain"
    assert result.cells["son-la"].newer.fact_id == "late-doubtful"  # named, not hidden
    assert result.cells["son-la"].newer.certainty.reason == "why"
    assert result.cells["lang-son"] is None
    only_doubt = questions.answer_row(
        questions.EXPORTS_VALUE, figures[figures["fact_id"] != "certain"], ("son-la",)
    )
    assert only_doubt.cells["son-la"].fact_id == "late-doubtful"
    assert only_doubt.cells["son-la"].certainty.reason == "why"
    assert only_doubt.cells["son-la"].newer is None


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_tile_names_the_newer_uncertain_figure_it_passes_over(lang):
    """Son La's FDI capital tile leads with the certain figure of 30 Jun 2023 and says, with a
    link to its sentence, that a newer one (31 Dec 2025) exists but is not certain."""
    at = app_at("pages/overview_page.py", lang=lang)
    son_la = next(tile for tile in tiles(at) if "son-la-fdi-registered-capital-2025" in tile)
    set_language(lang)
    said = t("answer.newer", value="", period="").split(":")[0]
    assert said in son_la and "fact=son-la-fdi-registered-capital-2025" in son_la


def test_exports_answer_shows_son_la_and_lang_son_each_on_the_measure_it_publishes():
    set_language("en")
    value = questions.answers("exports", "son-la", ALL)[0]
    assert value.places[0] == "son-la" and value.places[-1] == "vietnam"
    assert value.cells["son-la"] and value.cells["lang-son"]
    assert all(c.basis for c in value.cells.values() if c)
    sentence = questions.measures_sentence(value, "en")
    assert "Son La" in sentence and "Lang Son" in sentence


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_chairmans_question_in_two_actions(lang):
    """Open the landing page (1), choose "How much do we export?" (2): both places answered."""
    at = app_at(lang=lang)  # the landing page: Overview
    assert at.title[0].value == t("overview.title", lang)
    set_language(lang)  # AppTest formats the pills' labels in the test's thread
    pills(at, "overview.question", lang).set_value("exports").run()
    assert not at.exception
    first_row = tiles(at)[: len(catalog.COMPARED_PLACES)]
    for place in ("son-la", "lang-son"):
        tile = next(b for b in first_row if catalog.place_name(place, lang) in b)
        assert "ft-value" in tile, f"{place} has an export figure"
    assert t("answer.row.exports_value", lang) in texts(at)
    assert url_values(at, "question") == ["exports"]


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("question", list(questions.QUESTIONS))
def test_no_bare_question_mark_and_doubt_in_words(lang, question):
    at = app_at("pages/overview_page.py", lang=lang, question=question)
    assert not at.exception
    for element in (*at.markdown, *at.caption):
        assert not re.search(
            r"\?(?!provinces=|[a-z]+=)", element.value.replace("?provinces", "")
        ), element.value[:200]
    word = t("words.uncertain", lang)
    doubtful = [b for b in tiles(at) if word in b]
    for tile in doubtful:
        assert "ft-certainty' title='" in tile, "the reason on hover"


def test_the_province_is_remembered_in_the_url_and_leads_the_answers():
    at = app_at("pages/overview_page.py", province="lang-son", question="fdi")
    assert pills(at, "overview.province").value == "lang-son"
    assert catalog.place_name("lang-son", "en") in tiles(at)[0]
    at.switch_page("pages/compare_page.py").run()
    assert url_values(at, "province") == ["lang-son"]
    at.switch_page("pages/overview_page.py").run()
    assert pills(at, "overview.province").value == "lang-son"


def test_a_bad_province_in_the_link_explains_itself():
    at = app_at("pages/overview_page.py", province="atlantis")
    assert any("atlantis" in w.value for w in at.warning)
    assert pills(at, "overview.province").value == catalog.COMPARED_PLACES[0]
