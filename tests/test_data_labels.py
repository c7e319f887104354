"""Values stored in the data (breakdowns, partners) read in the reader's language; text the
data has only in English says so instead of passing for a translation."""

import datetime as dt

import pandas as pd
import pytest

from foreign_ties import charts, i18n, paths, views
from foreign_ties.catalog import Indicator

D = dt.date


def built(column: str) -> set[str]:
    facts = pd.read_parquet(paths.PARQUET_DIR / "facts.parquet", columns=[column])
    return {v for v in facts[column].dropna() if v}


@pytest.mark.parametrize("family,column", [("breakdown", "breakdown"), ("partner", "partner")])
@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_breakdown_and_partner_in_the_built_facts_has_a_text(family, column, lang):
    missing = sorted(
        v for v in built(column) if f"{family}.{i18n.slug(v)}" not in i18n.catalog(lang)
    )
    assert not missing, f"{lang}: add {family}.<slug> to locales/{lang}/core.po for {missing}"


def test_english_texts_of_breakdowns_are_the_values_as_stored():
    for value in built("breakdown"):
        assert i18n.breakdown_text(value, "en") == value


def test_breakdowns_read_vietnamese_and_unknown_ones_stay_as_stored():
    assert i18n.breakdown_text("all localities", "vi") == "tất cả các địa phương"
    assert i18n.breakdown_text("people's committee and council", "vi").startswith("Ủy ban nhân dân")
    assert i18n.data_label("partner", "Guangxi", "vi") == "Quảng Tây"
    assert (
        i18n.breakdown_text("a part nobody has translated", "vi") == "a part nobody has translated"
    )
    assert i18n.slug("people’s committee (2024)") == "people_s_committee_2024"
    assert i18n.slug("Cửa khẩu Đồng Đăng") == "cua_khau_dong_dang"


def test_parts_are_labelled_in_the_readers_language(vietnamese):
    assert views.part_label(views.TOTAL) == "Tổng số"
    assert views.part_label("provincial agencies") == "các cơ quan cấp tỉnh"


def _row(**values):
    base = dict(
        fact_id="f",
        province_id="lang-son",
        indicator_id="intl_agreements_signed",
        indicator_name_en="International agreements signed",
        indicator_name_vi="Thỏa thuận quốc tế đã ký",
        kind="flow",
        breakdown=None,
        partner=None,
        value=10.0,
        unit="count",
        qualifier="exact",
        period_start=D(2023, 1, 1),
        period_end=D(2023, 12, 31),
        status="reported",
        uncertain=False,
        uncertain_reason=None,
        superseded_by=None,
        source_id="s",
        publisher="Báo Lạng Sơn",
        published_date=D(2024, 1, 5),
        title="t",
        url=None,
        quote="ký 10 thỏa thuận",
    )
    return {**base, **values}


def test_table_labels_and_chart_labels_translate_breakdowns_and_partners(vietnamese):
    rows = pd.DataFrame([_row(breakdown="provincial agencies", partner="Guangxi")])
    table = views.readable_facts(rows)
    assert (
        table["indicator"][0]
        == "Thỏa thuận quốc tế đã ký — các cơ quan cấp tỉnh (đối tác: Quảng Tây)"
    )
    indicator = Indicator(
        "intl_agreements_signed",
        "agreements",
        "International agreements signed",
        "Thỏa thuận quốc tế đã ký",
        "count",
        "flow",
        "Agreements signed.",
    )
    fig = charts.indicator_figure(rows, indicator, {"lang-son": "Lạng Sơn"})
    assert list(fig.data[0].x) == ["Lạng Sơn — các cơ quan cấp tỉnh"]


def test_data_text_is_written_in_vietnamese_for_a_vietnamese_reader():
    """No "(bằng tiếng Anh)" marking: the data writes its notes and descriptions in Vietnamese."""
    from foreign_ties import catalog

    catalog.clear()
    place = catalog.places()["tuyen-quang"]
    indicator = catalog.indicators()["intl_agreements_signed"]
    assert views.territory_note(place) == place.territory_note
    assert views.indicator_description(indicator) == indicator.description
    i18n.set_language("vi")
    try:
        assert views.territory_note(place).startswith("Từ ngày 1/7/2025, tỉnh Tuyên Quang")
        assert views.indicator_description(indicator) == indicator.description_vi
        assert "bằng tiếng Anh" not in views.indicator_description(indicator)
    finally:
        i18n.set_language("en")


def test_a_vietnamese_column_of_the_data_is_used_when_there_is_one(vietnamese):
    from types import SimpleNamespace

    place = SimpleNamespace(territory_note="National totals.", territory_note_vi="Số liệu cả nước.")
    assert views.territory_note(place) == "Số liệu cả nước."
    assert views.territory_note(SimpleNamespace(territory_note=None)) is None


def test_a_quote_keeps_its_language_with_the_english_gloss_beside_it():
    from foreign_ties import catalog, views
    from foreign_ties.state import Filters

    rows = views.facts_with_sources(Filters(tuple(catalog.COMPARED_PLACES), 2011, 2025), [], "")
    glossed = rows[rows["gloss_en"].notna() & (rows["language"] != "en")]
    assert not glossed.empty
    table = views.readable_facts(glossed)
    assert list(table["quote"]) == list(glossed["quote"])  # never translated
    assert list(table["gloss_en"]) == list(glossed["gloss_en"])
    assert table.columns.get_loc("gloss_en") == table.columns.get_loc("quote") + 1
