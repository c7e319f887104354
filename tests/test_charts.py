"""Chart builders: bars for one period, periods drawn as periods, one colour per place."""

import datetime as dt

import pandas as pd
import pytest

from foreign_ties import charts
from foreign_ties.catalog import Indicator

D = dt.date
NAMES = {
    "son-la": "Son La",
    "lang-son": "Lang Son",
    "tuyen-quang": "Tuyen Quang",
    "vietnam": "Viet Nam",
}
EXPORTS = Indicator(
    "exports_customs_by_locality",
    "exports",
    "Goods exports by locality (Customs)",
    "Kim ngạch",
    "money",
    "flow",
    "Customs",
)


def fact(
    pid,
    value,
    start,
    end,
    unit="USD",
    qualifier="exact",
    status="reported",
    kind="flow",
    breakdown=None,
    uncertain=False,
    source="s1",
    publisher="Customs",
):
    return dict(
        fact_id=f"{pid}-{start}-{value}",
        province_id=pid,
        indicator_id=EXPORTS.indicator_id,
        indicator_name_en=EXPORTS.name_en,
        indicator_name_vi=EXPORTS.name_vi,
        kind=kind,
        breakdown=breakdown,
        partner=None,
        value=float(value),
        unit=unit,
        qualifier=qualifier,
        period_start=start,
        period_end=end,
        status=status,
        uncertain=uncertain,
        uncertain_reason="mirror copy" if uncertain else None,
        source_id=source,
        publisher=publisher,
        published_date=D(2024, 5, 19),
        title="t",
        url=None,
        quote=f"Exports reached {value}.",
    )


def traces_of(fig, kind):
    return [t for t in fig.data if t.type == kind]


def test_one_period_gives_one_bar_per_place_in_its_colour():
    df = pd.DataFrame(
        [
            fact("son-la", 25.58e6, D(2023, 1, 1), D(2023, 12, 31)),
            fact("tuyen-quang", 183.8e6, D(2023, 1, 1), D(2023, 12, 31)),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES)
    (bars,) = traces_of(fig, "bar")
    assert list(bars.x) == ["Son La", "Tuyen Quang"]
    assert list(bars.marker.color) == [charts.colour("son-la"), charts.colour("tuyen-quang")]
    assert list(bars.y) == [25.58, 183.8]
    assert fig.layout.yaxis.title.text == "US$ million"
    assert "Goods exports by locality (Customs)" in fig.layout.title.text
    assert "2023" in fig.layout.title.text
    assert "Sources: Customs" in fig.layout.annotations[0].text


def test_qualifiers_and_targets_are_marked_on_the_figure():
    df = pd.DataFrame(
        [
            fact("son-la", 20, D(2023, 1, 1), D(2023, 12, 31), unit="count", qualifier="approx"),
            fact(
                "lang-son",
                40,
                D(2023, 1, 1),
                D(2023, 12, 31),
                unit="count",
                qualifier="more_than",
                status="target",
            ),
        ]
    )
    (bars,) = traces_of(charts.indicator_figure(df, EXPORTS, NAMES), "bar")
    assert list(bars.text) == ["about 20", "over 40 (target)"]
    assert bars.marker.color[1] == "white"  # a target is hollow, never a solid result


def test_a_multi_year_figure_spans_its_period_and_is_not_joined_to_other_spans():
    df = pd.DataFrame(
        [
            fact("vietnam", 400, D(2021, 1, 1), D(2023, 12, 31), unit="count"),
            fact("vietnam", 100, D(2024, 1, 1), D(2025, 12, 31), unit="count"),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES, years=(2020, 2025))
    spans = [t for t in fig.data if t.mode == "lines" and t.line.width == 8 and not t.showlegend]
    assert len(spans) == 1 and list(spans[0].x)[:3] == [D(2021, 1, 1), D(2023, 12, 31), None]
    assert not [t for t in fig.data if t.mode == "lines" and t.line.width == 2]  # never joined
    assert fig.layout.xaxis.range == (D(2020, 1, 1), D(2026, 1, 1))  # whole years


def test_a_multi_year_figure_beside_an_annual_one_is_written_and_the_year_is_a_bar():
    df = pd.DataFrame(
        [
            fact("vietnam", 400, D(2021, 1, 1), D(2023, 12, 31), unit="count"),
            fact("vietnam", 100, D(2024, 1, 1), D(2024, 12, 31), unit="count"),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES, years=(2020, 2025))
    assert not any(400 in (t.y or ()) for t in fig.data)
    assert any("400" in a.text and "2021–2023" in a.text for a in fig.layout.annotations)
    assert [(t.type, tuple(t.y)) for t in fig.data] == [("bar", (100,))]  # one period: a bar
    assert fig.layout.title.text.endswith("2024</sup>")  # the bar's period, not the total's


def test_part_years_are_drawn_as_their_period_and_gaps_stay_gaps():
    df = pd.DataFrame(
        [
            fact("lang-son", 1, D(2021, 1, 1), D(2021, 12, 31)),
            fact("lang-son", 2, D(2023, 1, 1), D(2023, 12, 31)),
            fact("lang-son", 3, D(2024, 1, 1), D(2024, 10, 31)),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES)
    joined = [t for t in fig.data if t.mode == "lines" and t.line.width == 2][0]
    years = [x.year if x is not None else None for x in joined.x]
    assert years == [2021, None, 2023]  # 2022 missing: a gap; Jan–Oct 2024 not joined
    spans = [t for t in fig.data if t.mode == "lines" and t.line.width == 8]
    assert list(spans[0].x) == [D(2024, 1, 1), D(2024, 10, 31), None]


def test_two_currencies_never_share_an_axis():
    df = pd.DataFrame(
        [
            fact("son-la", 161e6, D(2025, 12, 31), D(2025, 12, 31), kind="stock"),
            fact("tuyen-quang", 7.4e12, D(2023, 3, 12), D(2023, 3, 12), unit="VND", kind="stock"),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES)
    assert fig.layout.yaxis.title.text == "US$ million"
    assert fig.layout.yaxis2.title.text == "VND billion"


def test_uncertain_figures_say_so():
    df = pd.DataFrame([fact("lang-son", 2.5e9, D(2024, 1, 1), D(2024, 10, 31), uncertain=True)])
    fig = charts.indicator_figure(df, EXPORTS, NAMES)
    bar = traces_of(fig, "bar")[0]
    assert bar.text[0].endswith("(not certain)") and "mirror copy" in bar.hovertext[0]


def test_nothing_to_draw_returns_none():
    assert (
        charts.indicator_figure(
            pd.DataFrame(columns=list(fact("son-la", 1, D(2020, 1, 1), D(2020, 1, 1)))),
            EXPORTS,
            NAMES,
        )
        is None
    )


@pytest.mark.parametrize("pid", list(NAMES))
def test_each_place_keeps_one_distinct_colour(pid):
    assert list(charts.PLACE_COLOURS.values()).count(charts.colour(pid)) == 1


def test_separate_measures_get_separate_labelled_panels():
    """Lang Son's three trade measures: one panel each, never one shared axis."""
    ids = ("border_trade_all_types", "trade_declared_at_provincial_customs", "exports_local_goods")
    indicators = {
        i: Indicator(i, "exports", i.replace("_", " "), i, "money", "flow", "") for i in ids
    }
    rows = []
    for n, (i, v) in enumerate(
        zip(ids, (51_990_563_000, 4_975_000_000, 156_000_000), strict=False)
    ):
        r = fact("lang-son", v, D(2023, 1, 1), D(2023, 12, 31))
        r.update(indicator_id=i, fact_id=f"f{n}")
        rows.append(r)
    fig = charts.measures_figure(
        pd.DataFrame(rows), indicators, NAMES, "Lang Son trade", separate=True
    )
    bars = traces_of(fig, "bar")
    assert [b.yaxis for b in bars] == ["y", "y2", "y3"]
    assert [a.text for a in fig.layout.annotations][:3] == [indicators[i].name_en for i in ids]
    assert (
        fig.layout.yaxis.title.text == "US$ billion"
        and fig.layout.yaxis3.title.text == "US$ million"
    )


def test_separate_panels_name_each_place_once_in_the_legend():
    """The panel titles name the measures; a legend repeating them ran into the title."""
    ids = ("fdi_projects", "fdi_registered_capital")
    indicators = {i: Indicator(i, "fdi", i.replace("_", " "), i, "count", "stock", "") for i in ids}
    rows = []
    for n, (i, pid, year) in enumerate(
        [
            (ids[0], "son-la", 2023),
            (ids[0], "son-la", 2024),
            (ids[1], "son-la", 2023),
            (ids[1], "son-la", 2024),
            (ids[1], "tuyen-quang", 2023),
            (ids[1], "tuyen-quang", 2024),
        ]
    ):
        r = fact(pid, 10 + n, D(year, 12, 31), D(year, 12, 31), unit="count", kind="stock")
        r.update(indicator_id=i, fact_id=f"f{n}")
        rows.append(r)
    fig = charts.measures_figure(pd.DataFrame(rows), indicators, NAMES, "FDI", separate=True)
    shown = [trace.name for trace in fig.data if trace.showlegend is not False]
    assert sorted(shown) == sorted([NAMES["son-la"], NAMES["tuyen-quang"]])
    assert fig.layout.legend.yref == "container" and fig.layout.legend.y < 1


def test_the_nation_gets_its_own_panel_when_it_would_flatten_the_provinces():
    df = pd.DataFrame(
        [
            fact("vietnam", 42002, D(2024, 12, 31), D(2024, 12, 31), unit="count", kind="stock"),
            fact("tuyen-quang", 20, D(2024, 12, 31), D(2024, 12, 31), unit="count", kind="stock"),
        ]
    )
    fig = charts.indicator_figure(df, EXPORTS, NAMES)
    bars = traces_of(fig, "bar")
    assert [list(b.x) for b in bars] == [["Viet Nam"], ["Tuyen Quang"]]
    assert [b.yaxis for b in bars] == ["y", "y2"]


def test_long_footnotes_are_wrapped():
    text = charts.wrap(
        "Sources: " + "; ".join(f"Publisher number {i} (1 Jan 2024)" for i in range(12)), 80
    )
    assert all(len(line) <= 80 for line in text.split("<br>"))


def test_a_chart_names_at_most_a_dozen_sources_and_counts_the_rest():
    """A long series (30 years of monthly reports) does not print hundreds of sources under
    its chart: a dozen, then how many more (each figure's source is in the table and files)."""
    import datetime as dt

    import pandas as pd

    rows = pd.DataFrame(
        {
            "source_id": [f"s{n}" for n in range(30)],
            "publisher": [f"Publisher {n}" for n in range(30)],
            "published_date": [dt.date(2020, 1, 1 + n % 28) for n in range(30)],
        }
    )
    text = charts.source_footnote(rows)
    assert "Publisher 11 " in text and "Publisher 12 " not in text
    assert text.endswith("and 18 more sources (each figure's in the table below and on Sources)")
