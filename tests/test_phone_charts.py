"""Charts on a phone: the title, legend names and sources line are wrapped to the screen,
at most a few point labels remain, and the chart is tall enough for its wrapped text."""

import re

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import catalog, charts, maps, partners_map, phone_charts, slides, trade, views
from foreign_ties.state import Filters
from tests.test_maps import NAMES, PARTNERS, D, figure_row


def _strings(text: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", line) for line in re.split(r"<br>", text or "")]


def _trade_figure(all_places: Filters):
    panel = next(p for p in trade.panels(all_places, "published") if p.figure is not None)
    return panel.figure


def test_text_is_wrapped_to_a_phone_and_the_figure_is_untouched(all_places):
    fig = _trade_figure(all_places)
    before = fig.to_plotly_json()
    phone = phone_charts.phone_style(fig)
    assert fig.to_plotly_json() == before  # a copy: builders' figures are memoised
    title = phone.layout.title.text
    head, _, sub = title.partition("<br><sup>")
    assert all(len(line) <= phone_charts.TITLE_CHARS for line in _strings(head))
    assert all(len(line) <= phone_charts.SMALL_CHARS for line in _strings(sub))
    for trace in phone.data:
        assert all(len(line) <= phone_charts.SMALL_CHARS for line in _strings(trace.name))
    for note in phone.layout.annotations:
        assert all(len(line) <= phone_charts.SMALL_CHARS for line in _strings(note.text))
    assert phone.layout.margin.l <= 48 and phone.layout.margin.r <= 16


def test_a_dense_timeline_keeps_no_more_than_a_few_point_labels(all_places):
    phone = phone_charts.phone_style(_trade_figure(all_places))
    labels = [t for trace in phone.data if trace.type == "scatter" for t in (trace.text or ()) if t]
    assert len(labels) <= phone_charts.MAX_POINT_LABELS


def test_stacked_slide_panels_keep_one_label_each_printed_towards_the_inside(all_places):
    """Every chart slide on a phone: at most one point label per panel, and a label on the
    right half of its axis prints to the left of its point (not past the chart's edge)."""
    for slide in slides.build_slides(all_places):
        if slide.kind != "chart":
            continue
        phone = phone_charts.phone_style(go.Figure(slide.figure))
        panels: dict = {}
        for trace in phone.data:
            if trace.type == "scatter" and any(trace.text or ()):
                panels.setdefault((trace.xaxis, trace.yaxis), []).append(trace)
                assert sum(1 for label in trace.text if label) == 1, slide.title
        assert all(len(traces) == 1 for traces in panels.values()), slide.title
        for (xaxis, _), (trace,) in panels.items():
            x = next(x for x, label in zip(trace.x, trace.text, strict=True) if label)
            layout = phone.layout.to_plotly_json()
            share = phone_charts._axis_share(layout, xaxis, str(x))
            assert trace.textposition == ("top left" if share > 0.5 else "top right")
            room = (max(share, 1 - share) * phone_charts.PLOT_WIDTH + 16) / phone_charts.LABEL_CHAR
            label = next(label for label in trace.text if label)
            assert all(len(line) <= room for line in label.split("<br>")), (slide.title, label)


def test_a_bar_chart_keeps_its_value_labels():
    filters = Filters(("son-la", "tuyen-quang"), 2023, 2023)
    rows = views.indicator_series("exports_customs_by_locality", filters)
    indicator = catalog.indicators()["exports_customs_by_locality"]
    fig = charts.indicator_figure(rows, indicator, catalog.place_names(), (2023, 2023))
    phone = phone_charts.phone_style(fig)
    bars = [t for t in phone.data if t.type == "bar"]
    assert bars and all(any(b.text) for b in bars)
    plot = phone.layout.height - phone.layout.margin.t - phone.layout.margin.b
    assert plot >= phone_charts.MIN_PLOT


def test_a_map_on_a_phone_wraps_its_texts_and_lays_legend_and_scale_off_the_map():
    rows = pd.DataFrame([figure_row("tuyen-quang", 183.8e6), figure_row("ha-giang", 146e6)])
    choropleth = maps.choropleth(rows, "Exports", (D(2023, 1, 1), D(2023, 12, 31)), NAMES)
    lines = partners_map.partners_map(PARTNERS, NAMES, "Named partners of the provinces")
    for fig in (choropleth, lines):
        before = fig.to_plotly_json()
        phone = phone_charts.for_phone(fig)
        assert fig.to_plotly_json() == before  # a copy
        head, *subs = phone.layout.title.text.split("<br><sup>")
        assert all(len(line) <= phone_charts.TITLE_CHARS for line in _strings(head))
        assert all(len(line) <= phone_charts.SMALL_CHARS for sub in subs for line in _strings(sub))
        credit = next(n for n in phone.layout.annotations if (n.yshift or 0) < 0)
        assert all(len(line) <= phone_charts.SMALL_CHARS for line in _strings(credit.text))
        assert phone.layout.margin.l <= 4 and phone.layout.margin.r <= 4
        assert phone.layout.legend.yref == "container"  # under the title, not over the map
    scale = next(t for t in phone_charts.for_phone(choropleth).data if t.showscale is not False)
    assert scale.colorbar.orientation == "h"  # under the map, which keeps the full width


def test_stacked_panels_are_spaced_for_their_wrapped_titles_which_move_with_them(all_places):
    """Lang Son's three trade measures: each panel's title (and the total written under it)
    wraps to several lines on a phone; the panels are moved apart to hold them."""
    fig = next(
        p.figure
        for p in trade.panels(all_places, "published")
        if p.figure is not None and len([k for k in p.figure.layout if k.startswith("yaxis")]) > 1
    )
    phone = phone_charts.phone_style(fig)
    domains = sorted(
        (phone.layout[k].domain for k in phone.layout if k.startswith("yaxis")), reverse=True
    )
    plot = phone.layout.height - phone.layout.margin.t - phone.layout.margin.b
    lines = max(n.text.count("<br>") + 1 for n in phone.layout.annotations if n.yshift >= 0)
    for upper, lower in zip(domains, domains[1:], strict=False):
        gap = (upper[0] - lower[1]) * plot
        assert gap >= phone_charts.TICKS + phone_charts.SMALL_LINE * lines  # ticks + a title
    tops = {round(d[1], 6) for d in domains}
    titles = [n for n in phone.layout.annotations if n.yref == "paper" and n.yshift > 0]
    assert titles and all(round(n.y, 6) in tops for n in titles)
