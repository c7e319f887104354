"""AppTest of every page: renders, reacts to filters, honours deep links, survives bad ones."""

import functools
import re

import duckdb
import pytest

from foreign_ties import catalog, i18n, paths, site
from tests.conftest import (
    TEXT_KINDS,
    app_at,
    chart_specs,
    chart_values,
    shown_text,
    texts,
    url_values,
)

PAGES = [spec.script for spec in site.PAGES]
# The key of each page's title (profiles: their place; Present: the first slide's title).
TITLE_KEYS = {
    "pages/overview_page.py": "overview.title",
    "pages/compare_page.py": "compare.title",
    "pages/trade_page.py": "trade.title",
    "pages/sources_page.py": "sources.title",
    "pages/partners_page.py": "maps.page.title",
    "pages/add_figures.py": "add.title",  # signed out: the title and the sign-in form
    **{spec.script: spec.title_key for spec in site.PAGES if spec.title_key.startswith("place.")},
}


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("page_script", PAGES)
def test_every_page_renders_without_exception_in_both_languages(page_script, lang):
    at = app_at(page_script, lang=lang)
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert at.sidebar.multiselect and at.sidebar.slider, "shared filters on every page"
    assert at.sidebar.multiselect[0].label == {"en": "Places", "vi": "Địa bàn"}[lang]
    assert url_values(at, "lang") == [lang]
    assert_nothing_raw_shown(shown_text(at))


@functools.cache
def _record_ids() -> frozenset[str]:
    """Ids of facts, sources and indicators: they belong in links, never in what is read."""
    tables = {"facts": "fact_id", "sources": "source_id", "indicators": "indicator_id"}
    return frozenset(
        value
        for table, column in tables.items()
        for (value,) in duckdb.sql(
            f"select {column} from '{paths.PARQUET_DIR}/{table}.parquet'"
        ).fetchall()
    )


# A word as an id is written (letters, digits, _ and -), not inside a path ("/x-y") or a
# longer word. Every id is such a word, so one pass over the text finds them all.
ID_WORD = re.compile(r"(?<![\w/-])[\w-]+(?![\w-])")


def assert_nothing_raw_shown(shown: str) -> None:
    """No 'None'/'nan', no record id, no bare uncertainty mark ('?', '≈') where people read."""
    assert not re.search(r"\b(None|nan|NaN)\b", shown), re.search(
        r".{0,60}\b(None|nan)\b.{0,20}", shown
    )
    words = set(ID_WORD.findall(shown))
    ids = sorted(i for i in _record_ids() & words if "-" in i)
    assert not ids, ids
    assert not re.search(r"\d \?|≈|\? ·", shown), re.search(r".{0,40}(\d \?|≈).{0,20}", shown)


def ui_strings(at) -> list[str]:
    """What the interface writes on a page: texts, widget labels and options, table headings."""
    strings = [e.value for kind in TEXT_KINDS for e in at.get(kind) if isinstance(e.value, str)]
    for kind in (
        "selectbox",
        "multiselect",
        "slider",
        "text_input",
        "button",
        "download_button",
        "button_group",
    ):
        for element in at.get(kind):
            strings.append(element.proto.label)
            strings += [getattr(o, "content", o) for o in getattr(element.proto, "options", [])]
    strings += [str(c) for frame in at.dataframe for c in frame.value.columns]
    return strings


def english_only() -> set[str]:
    """Catalog texts that differ between the languages (and need no values filled in)."""
    english, vietnamese = i18n.catalog("en"), i18n.catalog("vi")
    return {
        text for key, text in english.items() if text != vietnamese.get(key) and "{" not in text
    }


def _vietnamese_titles() -> set[str]:
    from foreign_ties import trade

    names = {i.name_vi for i in catalog.indicators().values()}
    return (
        names
        | {i18n.t(spec.title_key, "vi") for spec in trade.panel_specs()}
        | {i18n.t("present.title", "vi"), i18n.t("present.deck_title", "vi")}
    )


@pytest.mark.parametrize("page_script", PAGES)
def test_every_page_in_vietnamese_has_its_vietnamese_title_and_no_english_label(page_script):
    at = app_at(page_script, lang="vi")
    title = at.title[0].value
    if page_script in TITLE_KEYS:
        assert title == i18n.t(TITLE_KEYS[page_script], "vi")
    else:  # Present: the slide's own title
        assert any(title.startswith(name) for name in _vietnamese_titles()), title
    english = english_only()
    shown = ui_strings(at)
    assert not [s for s in shown if s in english], "English labels on a Vietnamese page"
    page = "\n".join(shown)
    en = i18n.catalog("en")
    for phrase in (
        f"### {en['filters.heading']}",
        en["empty.no_published_figure"],
        f"**{en['compare.what_it_counts']}**",
        f"**{en['trade.share_heading']}**",
        en["filters.caption"],
    ):
        assert phrase not in page, phrase
    for spec in chart_specs(at):
        assert spec["layout"].get("separators", ",.") == ",."
        notes = [a.get("text", "") for a in spec["layout"].get("annotations", [])]
        assert not any(n.startswith(en["chart.sources"].split("{")[0]) for n in notes), notes


def test_the_language_switch_turns_the_page_vietnamese():
    at = app_at("pages/overview_page.py")
    assert at.title[0].value == "How our provinces engage with the world"
    at.sidebar.get("button_group")[0].set_value("vi").run()
    assert at.title[0].value == "Tổng quan đối ngoại và hội nhập quốc tế của các tỉnh"
    assert "Chưa có số liệu công bố" in texts(at)
    assert url_values(at, "lang") == ["vi"]


@pytest.mark.parametrize("page_script", PAGES)
def test_a_deep_link_sets_the_filters(page_script):
    at = app_at(page_script, provinces=["lang-son", "vietnam"], years=["2023", "2024"])
    assert not at.exception
    assert at.sidebar.multiselect[0].value == ["lang-son", "vietnam"]
    assert at.sidebar.slider[0].value == (2023, 2024)
    assert url_values(at, "provinces") == ["lang-son", "vietnam"]


@pytest.mark.parametrize(
    "bad",
    [
        {"provinces": ["atlantis"]},
        {"provinces": ["'; drop view facts; --"]},
        {"years": ["2030", "1990"]},
        {"years": ["2020); select 1; --"]},
    ],
)
def test_a_bad_link_shows_a_notice_and_the_default_view(bad):
    """Every page reads places and years through the same parser (ui.filters, run by app.py
    before the page), so the bad cases run on one page; the other URL parsers have their own
    bad-link tests (Compare's indicator, Partners' measure, Present's slide number)."""
    page_script = "pages/overview_page.py"
    at = app_at(page_script, **bad)
    assert not at.exception
    assert at.warning, "a clear notice"
    default = app_at(page_script)
    assert at.sidebar.multiselect[0].value == default.sidebar.multiselect[0].value
    assert at.sidebar.slider[0].value == default.sidebar.slider[0].value


def test_filters_carry_over_when_moving_between_pages():
    at = app_at("pages/overview_page.py", provinces=["son-la"], years=["2023", "2024"])
    at.switch_page("pages/compare_page.py").run()
    assert at.sidebar.multiselect[0].value == ["son-la"]
    assert at.sidebar.slider[0].value == (2023, 2024)
    assert url_values(at, "provinces") == ["son-la"]


def test_overview_shows_a_tile_per_place_and_family_and_reacts_to_places():
    at = app_at("pages/overview_page.py")
    all_places = texts(at)
    for place in ("Son La", "Lang Son", "Tuyen Quang", "Viet Nam"):
        assert place in all_places
    at.sidebar.multiselect[0].set_value(["lang-son"]).run()
    one_place = texts(at)
    assert "Tuyen Quang</div>" not in one_place and "Lang Son</div>" in one_place
    assert one_place != all_places


def test_overview_says_no_published_figure_where_nothing_is_published():
    at = app_at("pages/overview_page.py")
    assert "No published figure" in texts(at)


def test_compare_draws_a_chart_that_follows_the_year_filter():
    at = app_at("pages/compare_page.py", indicator="exports_national")
    specs = chart_specs(at)  # the chosen measure first; the provinces' own measures beside it
    assert specs[0]["layout"]["title"]["text"].startswith("Merchandise exports (national)")
    wide = chart_values(specs[0])
    at.sidebar.slider[0].set_value((2023, 2023)).run()
    narrow = chart_values(chart_specs(at)[0])
    assert narrow and len(narrow) < len(wide)


def test_compare_deep_link_sets_the_indicator():
    at = app_at("pages/compare_page.py", indicator="fdi_disbursed_annual")
    assert at.selectbox[0].value == "fdi_disbursed_annual"
    assert url_values(at, "indicator") == ["fdi_disbursed_annual"]


def test_compare_unknown_indicator_falls_back_with_a_notice():
    at = app_at("pages/compare_page.py", indicator="drop table facts")
    assert not at.exception and at.warning
    assert chart_specs(at)


def test_sources_search_filters_and_shows_the_sentence_in_its_article():
    at = app_at("pages/sources_page.py")
    everything = at.caption[0].value
    at.text_input[0].set_value("Guangxi").run()
    assert at.caption[0].value != everything
    assert "Guangxi" in texts(at)
    assert "<mark class='ft-quote'" in texts(at)


def test_sources_deep_link_to_a_fact_highlights_its_sentence():
    at = app_at("pages/sources_page.py", fact="son-la-exports-2023")
    page = texts(at)
    assert "US$186.6 million" in page
    assert (
        "<mark class='ft-quote' id='quote'>"
        "In 2023, the value of exported goods was US$186.6 million" in page
    )


def test_sources_offers_a_csv_download_with_a_citation_line():
    at = app_at("pages/sources_page.py")
    assert at.get("download_button")


@pytest.mark.parametrize(
    "page_script,place",
    [
        ("pages/son_la_profile.py", "Son La"),
        ("pages/lang_son_profile.py", "Lang Son"),
        ("pages/tuyen_quang_profile.py", "Tuyen Quang"),
        ("pages/vietnam_profile.py", "Viet Nam"),
    ],
)
def test_profiles_show_their_place_by_family_with_partners_and_sources(page_script, place):
    at = app_at(page_script)
    assert at.title[0].value == place
    headings = [h.value for h in at.subheader]
    assert (
        "Exports and trade" in headings and "Named partners" in headings and "Sources" in headings
    )
    assert at.dataframe, "figures are listed"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_profile_lists_the_latest_figures_of_a_family_and_links_to_all_on_sources(
    monkeypatch, lang
):
    """No query returns every row of a place (at 1 M facts a province has tens of thousands):
    a family past the limit shows its latest figures and a link to Sources, which pages
    through all of them with the same place, years and family."""
    from urllib.parse import parse_qs, urlsplit

    from foreign_ties import data_version, store, views

    monkeypatch.setattr(views, "PROFILE_ROWS_PER_FAMILY", 5)
    data_version.reset()  # memoised profiles were made with the usual limit
    try:
        first, last = catalog.year_bounds()
        at = app_at("pages/vietnam_profile.py", lang=lang, years=[str(first), str(last)])
        (total,) = (
            store.connection()
            .execute(
                "select count(*) from figures where province_id = 'vietnam' and family = 'fdi'"
                " and start_year <= $last and end_year >= $first",
                {"first": first, "last": last},
            )
            .fetchone()
        )
        assert total > 5
        more = [c.value for c in at.caption if "sources?" in c.value]
        assert len(more) >= 1 and all(")" in c for c in more)
        fdi = next(c for c in more if "family=fdi" in c)
        expected = i18n.tn("profile.more", total, lang, shown="5", total=str(total), link="")
        assert expected[: expected.index("(")] in fdi
        link = fdi[fdi.index("(sources?") + 1 : fdi.rindex(")")]
        query = parse_qs(urlsplit(link).query)
        years = [str(first), str(last)]
        assert query == {"provinces": ["vietnam"], "years": years, "family": ["fdi"]}
        tables = [f.value for f in at.dataframe]
        assert max(len(table) for table in tables[:5]) == 5
        sources = app_at("pages/sources_page.py", lang=lang, **{k: v for k, v in query.items()})
        counted = [c.value for c in sources.caption if str(total) in c.value]
        assert counted, "Sources counts every figure of the family"
    finally:
        data_version.reset()


def test_tuyen_quang_profile_says_which_territory_its_figures_cover():
    at = app_at("pages/tuyen_quang_profile.py")
    assert "Ha Giang" in texts(at)


def test_data_text_is_written_in_vietnamese_for_a_vietnamese_reader():
    at = app_at("pages/tuyen_quang_profile.py", lang="vi")
    assert any(i.value.startswith("Từ ngày 1/7/2025, tỉnh Tuyên Quang") for i in at.info)
    at = app_at("pages/compare_page.py", lang="vi", indicator="exports_national")
    assert "Kim ngạch xuất khẩu hàng hóa của Việt Nam" in texts(at)
    assert "bằng tiếng Anh" not in texts(at)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_profile_partners_table_is_the_partners_page_table_in_the_readers_language(lang):
    """One table of partners for every page: the profile's has the Partners page's columns,
    and in Vietnamese no partner type is left in English ("country" beside "quốc gia")."""
    from foreign_ties import partner_table, views

    at = app_at("pages/lang_son_profile.py", lang=lang)
    i18n.set_language(lang)
    try:
        expected = partner_table.readable_partners(views.partners(["lang-son"]))
    finally:
        i18n.set_language("en")
    shown = next(f.value for f in at.dataframe if i18n.t("column.partner", lang) in f.value)
    assert list(shown.columns) == list(expected.columns)
    assert shown.reset_index(drop=True).equals(expected.reset_index(drop=True))
    types = set(shown[i18n.t("column.partner_type", lang)])
    if lang == "vi":
        assert "quốc gia" in types or "địa phương nước ngoài" in types
        assert not types & {"country", "foreign locality", "business", "ngo", "mechanism"}
        assert i18n.t("maps.column.country", "vi") in shown.columns
