"""Compare's picker grouped by topic and ordered by coverage, and the topic's measures side by
side when the chosen places publish different ones (never a place dropped silently)."""

import json

import pytest

from foreign_ties import catalog, measures
from foreign_ties.i18n import set_language, t
from foreign_ties.state import Filters
from tests.conftest import app_at, chart_specs, texts

ALL = Filters(catalog.COMPARED_PLACES, 2011, 2025)
SON_LA_LANG_SON = ["son-la", "lang-son"]


@pytest.fixture(autouse=True)
def _english_after():
    """Tests here set the language in the test's thread; leave it as the others expect."""
    yield
    set_language("en")


def test_coverage_counts_places_and_years_and_is_written_in_both_languages():
    cov = measures.coverage(ALL)
    national = cov["exports_national"]
    assert national.places == ("vietnam",) and national.years >= 10
    assert measures.coverage_text(national, "en") == f"1 place · {national.years} years"
    assert measures.coverage_text(national, "vi") == f"1 địa phương · {national.years} năm"
    three = cov["investment_approvals_projects"]
    assert measures.coverage_text(three, "en").startswith("3 places · ")


def test_a_family_lists_best_covered_first_and_empty_measures_last_marked():
    cov = measures.coverage(Filters(("son-la",), 2023, 2025))
    ordered = measures.family_measures(cov, "exports")
    assert {cov[i].family for i in ordered} == {"exports"}
    keys = [(len(cov[i].places), cov[i].years) for i in ordered if not cov[i].empty]
    assert keys == sorted(keys, reverse=True)
    empties = [i for i in ordered if cov[i].empty]
    assert empties and ordered[-len(empties) :] == empties
    assert measures.option_label(cov, empties[0], "en").startswith("○ ")
    assert measures.option_label(cov, empties[0], "en").endswith(t("measure.coverage_none", "en"))


def test_panels_give_every_place_its_nearest_measure_and_name_them():
    cov = measures.coverage(Filters(("son-la", "lang-son"), 2011, 2025))
    layout = measures.panels(cov, "exports_customs_by_locality", ("son-la", "lang-son"))
    assert layout.differ and not layout.without
    shown = {p for places in layout.owners.values() for p in places}
    assert shown == {"son-la", "lang-son"}
    set_language("en")
    sentence = measures.differ_sentence(layout, "en")
    assert "publish different measures" in sentence
    assert "Son La" in sentence and "Lang Son" in sentence


def test_a_place_with_nothing_in_the_topic_is_named():
    cov = measures.coverage(Filters(("son-la", "vietnam"), 2011, 2025))
    layout = measures.panels(cov, "village_friendship_agreements", ("son-la", "vietnam"))
    assert "son-la" in layout.without or "son-la" in {
        p for places in layout.owners.values() for p in places
    }


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_picker_is_grouped_by_topic_with_coverage(lang):
    at = app_at("pages/compare_page.py", lang=lang, indicator="fdi_projects")
    topic = next(b for b in at.button_group if b.label == t("compare.family", lang))
    assert topic.value == "fdi"
    picker = at.selectbox[0]
    assert picker.value == "fdi_projects"
    fdi = {
        i
        for i, ind in catalog.indicators().items()
        if ind.family == "fdi" and ind.unit != "rank"  # ranks: the ranking topic lists them
    }
    assert len(picker.options) == len(fdi), "every FDI measure, and only those"
    word = {"en": "place", "vi": "địa phương"}[lang]
    assert all(word in label or label.startswith("○ ") for label in picker.options)


def test_choosing_a_topic_opens_its_best_measure():
    at = app_at("pages/compare_page.py", indicator="fdi_projects")
    topic = next(b for b in at.button_group if b.label == "Topic")
    topic.set_value("exports").run()
    assert not at.exception
    assert at.selectbox[0].value in measures.NEAREST["exports"]
    assert at.query_params["family"] in ("exports", ["exports"])


def test_removing_places_keeps_the_measure_and_marks_it():
    at = app_at("pages/compare_page.py", indicator="investment_approvals_projects")
    for place in ("son-la", "lang-son", "tuyen-quang"):
        at.sidebar.multiselect[0].unselect(place).run()
    assert at.selectbox[0].value == "investment_approvals_projects"
    assert t("compare.empty_measure", "en") in texts(at)


def traced_places(at) -> set[str]:
    names = {catalog.place_name(p, lang) for p in SON_LA_LANG_SON for lang in ("en", "vi")}
    found = set()
    for spec in chart_specs(at):
        blob = json.dumps(spec, ensure_ascii=False)
        found |= {n for n in names if n in blob}
    return found


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_son_la_and_lang_son_exports_show_both_places_and_say_why(lang):
    at = app_at("pages/compare_page.py", lang=lang, provinces=SON_LA_LANG_SON, family="exports")
    assert not at.exception
    places = traced_places(at)
    assert {catalog.place_name("son-la", lang), catalog.place_name("lang-son", lang)} <= places
    assert len(chart_specs(at)) >= 2, "one panel per measure"
    sentence = [i.value for i in at.info if i.value.startswith(t("measure.differ", lang)[:20])]
    assert len(sentence) == 1
    assert catalog.place_name("lang-son", lang) in sentence[0]
    captions = [c.value for c in at.caption]
    start = t("measure.what_it_counts", lang, basis="")
    assert sum(c.startswith(start) for c in captions) >= 2, "each panel says what it counts"
