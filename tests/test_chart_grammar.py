"""The chart grammar for sparse facts (docs/chart_grammar.md) on the pure builders."""

import datetime as dt

import pandas as pd
import pytest

from foreign_ties import catalog, chart_images, charts, grammar, i18n, slides, trade, views
from foreign_ties.state import Filters
from tests.test_charts import EXPORTS, NAMES, fact
from tests.ticks import drawn_ticks, repeated

D = dt.date


def figure(rows, years=None):
    return charts.indicator_figure(pd.DataFrame(rows), EXPORTS, NAMES, years=years)


def lines(fig):
    """The joining lines (thin, not legend entries) as lists of their x values."""
    return [
        list(t.x)
        for t in fig.data
        if t.type == "scatter" and t.mode == "lines" and t.line.width == 2 and not t.showlegend
    ]


def joined_pairs(fig):
    pairs = set()
    for xs in lines(fig):
        pairs |= {(a, b) for a, b in zip(xs, xs[1:], strict=False) if a and b}
    return pairs


def points(fig):
    return [t for t in fig.data if t.type == "scatter" and t.mode == "markers+text"]


def keys(fig):
    return {t.name for t in fig.data if t.legendgroup == "keys"}


@pytest.mark.parametrize(
    ("start", "end", "kind", "expected"),
    [
        (D(2023, 1, 1), D(2023, 12, 31), "flow", grammar.ANNUAL),
        (D(2023, 1, 1), D(2023, 1, 31), "flow", grammar.MONTHLY),
        (D(2024, 1, 1), D(2024, 10, 31), "flow", grammar.PART_YEAR),
        (D(2025, 1, 1), D(2025, 11, 27), "flow", grammar.PART_YEAR),
        (D(2021, 1, 1), D(2023, 12, 31), "flow", grammar.MULTI_YEAR),
        (D(2025, 12, 31), D(2025, 12, 31), "stock", grammar.STOCK),
    ],
)
def test_each_figure_has_one_type_of_period(start, end, kind, expected):
    assert grammar.period_type(start, end, kind) == expected


def test_one_dated_point_per_place_gives_bars_with_their_periods_not_a_time_axis():
    fig = figure(
        [
            fact("tuyen-quang", 20, D(2023, 3, 12), D(2023, 3, 12), unit="count", kind="stock"),
            fact("son-la", 24, D(2021, 12, 31), D(2021, 12, 31), unit="count", kind="stock"),
        ]
    )
    assert fig.layout.xaxis.type != "date"
    (bars,) = [t for t in fig.data if t.type == "bar" and t.legendgroup != "keys"]
    assert list(bars.x) == [
        "Tuyen Quang<br>as of 12 Mar 2023",
        "Son La<br>as of 31 Dec 2021",
    ]


def test_two_figures_of_one_month_are_bars_not_a_line_within_a_day():
    """The national count of provinces: 63 on 11 June 2025, 34 on 12 June (slide 15)."""
    fig = figure(
        [
            fact("vietnam", 63, D(2025, 6, 11), D(2025, 6, 11), unit="count", kind="stock"),
            fact("vietnam", 34, D(2025, 6, 12), D(2025, 6, 12), unit="count", kind="stock"),
        ]
    )
    assert fig.layout.xaxis.type != "date" and not lines(fig)
    (bars,) = [t for t in fig.data if t.type == "bar"]
    assert list(bars.x) == ["Viet Nam<br>as of 11 Jun 2025", "Viet Nam<br>as of 12 Jun 2025"]


def test_annual_figures_sit_on_year_ticks_labelled_once_each():
    fig = figure(
        [fact("son-la", v, D(y, 1, 1), D(y, 12, 31)) for v, y in ((1e6, 2022), (2e6, 2023))],
        years=(2021, 2024),
    )
    axis = fig.layout.xaxis
    assert (axis.type, axis.tickformat, axis.dtick, axis.ticklabelmode) == (
        "date",
        "%Y",
        "M12",
        "period",
    )
    assert axis.range == (D(2021, 1, 1), D(2025, 1, 1))
    ticks = drawn_ticks(chart_images.image(fig, "svg", width=900, height=500).decode())
    assert ticks["xy:x"] == ["2021", "2022", "2023", "2024"]
    assert (D(2022, 7, 2), D(2023, 7, 2)) in joined_pairs(fig)


def test_a_stock_as_of_31_december_sits_at_the_end_of_its_year_not_under_the_next():
    fig = figure(
        [
            fact("son-la", 20, D(2024, 11, 6), D(2024, 11, 6), unit="count", kind="stock"),
            fact("son-la", 20, D(2025, 12, 31), D(2025, 12, 31), unit="count", kind="stock"),
        ]
    )
    (dots,) = points(fig)
    assert list(dots.x) == [D(2024, 11, 6), D(2025, 12, 31)]  # at their dates
    assert fig.layout.xaxis.range == (D(2024, 1, 1), D(2026, 1, 1))
    ticks = drawn_ticks(chart_images.image(fig, "svg", width=900, height=500).decode())
    assert ticks["xy:x"] == ["2024", "2025"]  # no "2026" label on the gridline at its right
    assert "as of 31 Dec 2025" in dots.text[1]


def test_no_line_across_the_2025_merger():
    """Old Tuyen Quang (31 Dec 2024) and the merged province (31 Dec 2025) are not one line."""
    fig = figure(
        [
            fact("tuyen-quang", 20, D(2023, 12, 31), D(2023, 12, 31), unit="count", kind="stock"),
            fact("tuyen-quang", 21, D(2024, 12, 31), D(2024, 12, 31), unit="count", kind="stock"),
            fact("tuyen-quang", 40, D(2025, 12, 31), D(2025, 12, 31), unit="count", kind="stock"),
        ]
    )
    pairs = joined_pairs(fig)
    assert (D(2023, 12, 31), D(2024, 12, 31)) in pairs
    assert not any(D(2025, 12, 31) in pair for pair in pairs)
    hover = " ".join(h for t in points(fig) for h in t.hovertext)
    assert "including the former Ha Giang" in hover and "without Ha Giang" in hover


def test_population_before_and_after_the_merger_is_two_labelled_bars_without_a_line():
    rows = views.indicator_series(
        "population", Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    )
    fig = charts.indicator_figure(rows, catalog.indicators()["population"], NAMES)
    assert not lines(fig)
    (bars,) = [t for t in fig.data if t.type == "bar" and t.legendgroup != "keys"]
    assert [x.split("<br>")[0] for x in bars.x] == [
        "Tuyen Quang (before 1 Jul 2025)",
        "Tuyen Quang (from 1 Jul 2025, merged province)",
    ]


def test_no_line_across_types_of_period_and_each_non_annual_point_says_its_period():
    fig = figure(
        [
            fact("lang-son", 1.7e9, D(2023, 1, 1), D(2023, 1, 31)),
            fact("lang-son", 52e9, D(2023, 1, 1), D(2023, 12, 31)),
            fact("lang-son", 53e9, D(2024, 1, 1), D(2024, 10, 31)),
            fact("lang-son", 60e9, D(2024, 1, 1), D(2024, 12, 31)),
            fact("lang-son", 75e9, D(2025, 1, 1), D(2025, 10, 31)),
        ]
    )
    assert joined_pairs(fig) == {(D(2023, 7, 2), D(2024, 7, 1))}  # the two whole years only
    labels = {x: text for t in points(fig) for x, text in zip(t.x, t.text, strict=True)}
    # five points in one panel: each series labels its latest point (the hover gives all)
    assert labels[D(2023, 1, 16)].endswith("· Jan 2023")  # the month beside the year says so
    assert labels[D(2023, 7, 2)] == "" and labels[D(2024, 7, 1)] == "US$60 billion"
    assert labels[D(2024, 6, 1)] == "" and "Jan–Oct 2025" in labels[max(labels)]


def test_a_multi_year_total_is_a_span_never_clipped_to_the_chosen_years():
    fig = figure(
        [
            fact("lang-son", 381, D(2020, 1, 1), D(2025, 12, 31), unit="count"),
            fact("lang-son", 150, D(2022, 1, 1), D(2024, 12, 31), unit="count"),
        ],
        years=(2024, 2024),
    )
    spans = [t for t in fig.data if t.type == "scatter" and t.line.width == 8 and not t.showlegend]
    assert list(spans[0].x)[:3] == [D(2020, 1, 1), D(2025, 12, 31), None]
    assert fig.layout.xaxis.range == (D(2020, 1, 1), D(2026, 1, 1))


def drawn_values(fig) -> list[float]:
    return sorted(v for trace in fig.data for v in (trace.y or ()) if v is not None)


def test_a_total_over_several_years_beside_yearly_figures_is_written_not_drawn(lang):
    """Drawn across five years at its full height, a five-year sum reads as five years at that
    height, five times the yearly figures beside it: it is written over the panel instead."""
    fig = figure(
        [
            fact("lang-son", 780, D(2021, 1, 1), D(2025, 12, 31), unit="count"),
            fact("lang-son", 150, D(2023, 1, 1), D(2023, 12, 31), unit="count"),
            fact("lang-son", 183, D(2024, 1, 1), D(2024, 12, 31), unit="count"),
        ]
    )
    assert 780 not in drawn_values(fig) and {150, 183} <= set(drawn_values(fig))
    written = [a.text for a in fig.layout.annotations if "780" in a.text]
    assert len(written) == 1 and "2021–2025" in written[0]
    assert ("Not drawn" if lang == "en" else "Không vẽ") in written[0]
    assert fig.layout.xaxis.range[0] >= D(2023, 1, 1)  # the axis holds what is drawn


TRADE_PAIR = ("border_trade_all_types", "trade_declared_at_provincial_customs")


def test_totals_are_written_under_their_panel_title_and_the_first_panel_makes_room():
    first, second = TRADE_PAIR
    rows = [
        {**fact("lang-son", 234.58e9, D(2021, 1, 1), D(2025, 12, 31)), "indicator_id": first},
        {**fact("lang-son", 52e9, D(2023, 1, 1), D(2023, 12, 31)), "indicator_id": first},
        {**fact("lang-son", 1.7e9, D(2023, 1, 1), D(2023, 1, 31)), "indicator_id": first},
        {**fact("lang-son", 4.9e9, D(2023, 1, 1), D(2023, 12, 31)), "indicator_id": second},
        {**fact("lang-son", 4.4e9, D(2024, 1, 1), D(2024, 12, 31)), "indicator_id": second},
    ]
    indicators = {i: catalog.indicators()[i] for i in TRADE_PAIR}
    fig = charts.measures_figure(pd.DataFrame(rows), indicators, NAMES, "t")
    without = charts.measures_figure(pd.DataFrame(rows[1:]), indicators, NAMES, "t")
    titles = [a.text for a in fig.layout.annotations]
    assert any(t.startswith(indicators[first].name()) and "234.58" in t for t in titles)
    assert 234.58 not in drawn_values(fig)
    assert fig.layout.margin.t > without.layout.margin.t  # the title's second line has room


def test_every_kind_of_mark_is_explained_in_the_legend():
    timeline = figure(
        [
            fact("son-la", 1e6, D(2022, 1, 1), D(2022, 12, 31)),
            fact("son-la", 2e6, D(2023, 1, 1), D(2023, 10, 31)),
            fact("son-la", 3e6, D(2025, 1, 1), D(2025, 12, 31), status="target"),
        ]
    )
    assert keys(timeline) == {i18n.t("chart.key.span"), i18n.t("chart.key.hollow")}
    bars = figure(
        [
            fact("son-la", 1e6, D(2022, 1, 1), D(2022, 12, 31), uncertain=True),
            fact("lang-son", 2e6, D(2022, 1, 1), D(2022, 12, 31), status="projection"),
        ]
    )
    assert keys(bars) == {i18n.t("chart.key.hollow"), i18n.t("chart.key.hatched")}
    plain = figure([fact("son-la", 1e6, D(2022, 1, 1), D(2022, 12, 31))])
    assert keys(plain) == set()  # nothing to explain, nothing in the legend


def test_a_label_near_an_end_of_the_axis_is_set_inward():
    fig = figure(
        [
            fact("son-la", 1, D(2020, 1, 1), D(2020, 12, 31)),
            fact("son-la", 2, D(2025, 12, 31), D(2025, 12, 31), kind="stock"),
            fact("son-la", 3, D(2023, 1, 1), D(2023, 12, 31)),
        ]
    )
    positions = {x: p for t in points(fig) for x, p in zip(t.x, t.textposition, strict=True)}
    assert positions[D(2025, 12, 31)] == "top left"
    assert positions[D(2023, 7, 2)] == "top center"


def _axis_kinds(fig) -> list[str]:
    """How each x axis is ticked; fails on an axis that could repeat a label."""
    kinds = []
    for name in (n for n in fig.layout if n.startswith("xaxis")):
        axis = fig.layout[name]
        if axis.type == "date":
            assert axis.tickmode == "linear" and axis.ticklabelmode == "period", name
            assert (axis.dtick, axis.tickformat) in {
                ("M12", "%Y"),
                ("M1", "%b %Y"),
                ("M1", "%m/%Y"),
            }
            kinds.append(f"date:{axis.dtick}")
        else:
            ref = "x" + name[len("xaxis") :]
            for trace in fig.data:
                if trace.type == "bar" and (trace.xaxis or "x") == ref and trace.x[0] is not None:
                    assert len(set(trace.x)) == len(trace.x), list(trace.x)
            kinds.append("category")
    return kinds


def test_every_slide_axis_is_ticked_so_no_label_can_repeat(lang):
    """Years or months labelled once each in the middle of their period, or one category per
    figure; the drawn labels are checked in the browser (test_present_keyboard.py)."""
    catalog.clear()
    deck = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    kinds = {slide.key: _axis_kinds(slide.figure) for slide in deck if slide.figure is not None}
    # One place, one year (63 on 11 Jun 2025, 34 on 12 Jun): a big number, no axis at all;
    # its chart on the other pages is one bar per figure.
    units = next(s for s in deck if s.key == "measure-provincial_units")
    assert units.kind == "number" and units.figure is None  # was "11 Jun 2025" eight times
    indicator = catalog.indicators()["provincial_units"]
    names = {p: catalog.place_name(p) for p in catalog.places()}
    assert _axis_kinds(charts.indicator_figure(units.rows, indicator, names)) == ["category"]
    assert "date:M12" in kinds["measure-fdi_projects"]  # was "30 Dec 2024" along the axis


def test_the_known_bad_slides_draw_no_repeated_tick_label():
    """Drawn by Plotly itself (kaleido)."""
    deck = slides.build_slides(Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds()))
    for key in ("measure-fdi_projects",):
        (slide,) = [s for s in deck if s.key == key]
        svg = chart_images.image(slide.figure, "svg", width=1600, height=720).decode()
        ticks = drawn_ticks(svg)
        assert ticks and not repeated(ticks), ticks


def test_no_axis_of_any_trade_panel_can_repeat_a_tick_label():
    filters = Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())
    for panel in trade.panels(filters, "published"):
        if panel.figure is not None:
            assert _axis_kinds(panel.figure), panel.spec.key


def test_no_two_labels_of_a_stacked_trade_panel_print_over_each_other(all_places):
    """Lang Son's Customs panel printed three part-year labels over each other at 1280 px:
    in stacked panels a label that would still overlap a higher one is left to the hover."""
    from foreign_ties import mark_labels

    stacked = [
        p.figure
        for p in trade.panels(all_places, "published")
        if p.figure is not None and len({t.yaxis for t in p.figure.data}) > 1
    ]
    assert stacked
    hidden = 0
    for fig in stacked:
        tops: dict[str, float] = {}
        labels = []
        for trace in fig.data:
            if trace.type != "scatter" or trace.text is None:
                continue
            places = trace.textposition
            for n, (x, y, text) in enumerate(zip(trace.x, trace.y, trace.text, strict=True)):
                if y is None:
                    continue
                where = places[n] if isinstance(places, tuple | list) else places
                axis = trace.yaxis or "y"
                tops[axis] = max(tops.get(axis, 0.0), abs(y))
                if not text:
                    hidden += 1
                    continue
                xaxis = fig.layout["xaxis" + (trace.xaxis or "x")[1:]]
                start, end = (pd.Timestamp(v) for v in xaxis.range)
                share = (pd.Timestamp(x) - start) / (end - start)
                labels.append((axis, share, y, str(text), where))
        for i, (axis, share, y, text, where) in enumerate(labels):
            height = mark_labels.NEAR * tops[axis]
            low, high = (y, y + height) if where.startswith("top") else (y - height, y)
            left, right = mark_labels._span(share, text, where)
            for oaxis, oshare, oy, otext, owhere in labels[:i]:
                olow, ohigh = (oy, oy + height) if owhere.startswith("top") else (oy - height, oy)
                oleft, oright = mark_labels._span(oshare, otext, owhere)
                overlap = low < ohigh and olow < high and left < oright and oleft < right
                assert oaxis != axis or not overlap, (text, otext)
    assert hidden  # some points are labelled only on hover
