"""AppTest of the "as published / 2025 boundaries" switch on Compare and on Trade & investment.

Customs exports by locality, 2023: Tuyen Quang US$183.8 million + Ha Giang US$146 million
= US$329.8 million within Tuyen Quang's 2025 boundaries, marked as computed on the chart
itself; a measure with no Ha Giang figure is not summed and the page says which part is
missing; as published, the page says which territory the Tuyen Quang figures cover.
"""

import re

import pytest

from foreign_ties.i18n import t
from tests.conftest import app_at, chart_specs, decode, texts, url_values

COMPARE, TRADE = "pages/compare_page.py", "pages/trade_page.py"
FORMULA = "Tuyen Quang US$183.8 million + Ha Giang US$146 million = US$329.8 million"
FORMULA_VI = "Tuyên Quang 183,8 triệu USD + Hà Giang 146 triệu USD = 329,8 triệu USD"
OLD_TERRITORY = "Tuyen Quang before 1 July 2025 (old province, without Ha Giang)"


def switch(at):
    return next(
        b
        for b in at.button_group
        if b.label in (t("boundaries.switch", "en"), t("boundaries.switch", "vi"))
    )


def bars(spec):
    """Place -> point label of every bar in a figure (bars are named "Place — measure")."""
    out = []
    for trace in spec["data"]:
        if trace.get("type") == "bar" and "text" in trace:  # legend keys have no labels
            out += [
                (x.split(" — ")[0], text)
                for x, text in zip(decode(trace["x"]), decode(trace["text"]), strict=False)
            ]
    return out


def exports_panel(at):
    title = t("trade.exports_by_locality", "en")
    return next(s for s in chart_specs(at) if s["layout"]["title"]["text"].startswith(title))


def test_compare_as_published_says_which_territory_and_offers_the_switch():
    at = app_at(COMPARE, indicator="exports_customs_by_locality", years=["2023", "2023"])
    assert not at.exception, at.exception
    assert switch(at).value == "published"
    assert f"As published: the Tuyen Quang figures here cover {OLD_TERRITORY}." in texts(at)
    labels = dict(bars(chart_specs(at)[0]))
    assert labels["Tuyen Quang"] == "US$183.8 million"  # the old province's own figure


def test_compare_2025_boundaries_sums_tuyen_quang_and_ha_giang_with_its_formula():
    at = app_at(COMPARE, indicator="exports_customs_by_locality", years=["2023", "2023"])
    switch(at).set_value("2025").run()
    assert not at.exception, at.exception
    assert url_values(at, "boundaries") == ["2025"]
    page = texts(at)
    assert f"Computed, not published: {FORMULA}" in page
    # its inputs are links to their sentences, named by place (never ids shown as text)
    for fact_id, place in (
        ("tuyen-quang-exports-customs-2023", "Tuyen Quang"),
        ("ha-giang-exports-customs-2023", "Ha Giang"),
    ):
        assert re.search(rf"\[{place} ↗\]\(sources\?[^)]*fact={fact_id}\)", page), place
    assert "Resolution 202/2025/QH15" in page
    labels = dict(bars(chart_specs(at)[0]))
    # the computed bar is marked on the chart itself, not only in its hover
    assert labels["Tuyen Quang"] == "US$329.8 million (computed: Tuyen Quang + Ha Giang)"
    assert labels["Son La"] == "US$25.58 million"
    assert "Ha Giang" not in labels  # never a bar of its own
    table = at.dataframe[-1].value
    row = table[table["Place"] == "Tuyen Quang"].iloc[0]
    assert row["Figure"] == "US$329.8 million" and row["Status"].startswith("computed")


def test_compare_2025_boundaries_in_vietnamese():
    at = app_at(
        COMPARE,
        indicator="exports_customs_by_locality",
        years=["2023", "2023"],
        boundaries="2025",
        lang="vi",
    )
    assert not at.exception, at.exception
    assert FORMULA_VI in texts(at)
    labels = dict(bars(chart_specs(at)[0]))
    assert labels["Tuyên Quang"] == "329,8 triệu USD (số tính: Tuyên Quang + Hà Giang)"


def test_compare_a_measure_without_a_ha_giang_figure_is_not_summed_and_says_so():
    at = app_at(
        COMPARE, indicator="meetings_foreign_partners", years=["2023", "2023"], boundaries="2025"
    )
    assert not at.exception, at.exception
    warnings = "\n".join(w.value for w in at.warning)
    assert "Tuyen Quang within its 2025 boundaries" in warnings
    assert "no published figure of the same measure, unit, part and period for Ha Giang" in warnings
    assert "nothing is added up" in warnings
    assert "Computed, not published" not in texts(at)
    specs = chart_specs(at)
    assert not specs or all("computed" not in str(text) for _, text in bars(specs[0]))
    assert "Tuyen Quang" in texts(at)  # "No published figure for: ..., Tuyen Quang"


def test_compare_across_2025_lists_the_territory_of_each_figure():
    # population: the old province (30 June 2025) and the new one (1 July 2025) side by side
    at = app_at(COMPARE, indicator="population", years=["2025", "2025"])
    assert not at.exception, at.exception
    info = "\n".join(i.value for i in at.info)
    assert "Tuyen Quang's territory changed on 1 July 2025" in info
    assert (
        OLD_TERRITORY in info
        and "Tuyen Quang from 1 July 2025 (including the former Ha Giang)" in info
    )
    assert "921,187" in info and "1,865,270" in info


def test_trade_exports_by_locality_has_the_switch_and_sums_in_2025_boundaries():
    at = app_at(TRADE, years=["2023", "2023"])
    assert not at.exception, at.exception
    assert switch(at).value == "published"
    assert "**Exports by locality (Customs)**" in texts(at)  # which panel the switch belongs to
    assert f"As published: the Tuyen Quang figures here cover {OLD_TERRITORY}." in texts(at)
    assert dict(bars(exports_panel(at)))["Tuyen Quang"] == "US$183.8 million"
    switch(at).set_value("2025").run()
    assert not at.exception, at.exception
    assert f"Computed, not published: {FORMULA}" in texts(at)
    labels = dict(bars(exports_panel(at)))
    assert labels["Tuyen Quang"] == "US$329.8 million (computed: Tuyen Quang + Ha Giang)"
    assert "Ha Giang" not in labels


@pytest.mark.parametrize("currency", ["VND"])
def test_trade_sum_in_another_currency_adds_converted_parts(currency):
    at = app_at(TRADE, years=["2023", "2023"], boundaries="2025", currency=currency)
    assert not at.exception, at.exception
    labels = dict(bars(exports_panel(at)))
    assert "computed: Tuyen Quang + Ha Giang" in labels["Tuyen Quang"]
    assert "VND" in labels["Tuyen Quang"]


def test_trade_without_tuyen_quang_shows_no_switch():
    at = app_at(TRADE, provinces=["son-la", "lang-son"], years=["2023", "2023"])
    assert not at.exception, at.exception
    assert all(b.label != "Boundaries" for b in at.button_group)
    assert "**Exports by locality (Customs)**" not in texts(at)  # the chart's own title suffices
