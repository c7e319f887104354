"""The computed share of national exports, written for the reader in either language."""

import re

import pytest

from foreign_ties import catalog, i18n, trade


@pytest.mark.parametrize(
    "lang,place,share,pattern",
    [
        ("en", "Place", "Share", r"\d+(\.\d+)?%"),
        ("vi", "Địa bàn", "Tỷ trọng", r"\d+(,\d+)?%"),
    ],
)
def test_shares_use_the_locale_decimal_separator_and_translated_headers(
    all_places, lang, place, share, pattern
):
    i18n.set_language(lang)
    try:
        table = trade.export_shares(all_places)
    finally:
        i18n.set_language("en")
    assert not table.empty, "the bundled data has provincial and national exports for one year"
    assert list(table.columns)[:2] == [place, i18n.t("column.period", lang)]
    for text in table[share]:
        assert re.fullmatch(pattern, text), text
    assert set(table[place]) <= {catalog.place_name(p, lang) for p in catalog.COMPARED_PLACES}
