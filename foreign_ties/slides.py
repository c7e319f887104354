"""The presentation deck as data: one message per slide, following the filters.

`deck(filters)` is a pure function of the filters and the built data (no Streamlit): one
slide per measure with published figures for the chosen places (the leading measures of
each family, taken in turn so every family is heard before any gets a second slide), plus
the Trade & investment panels that add something those slides do not draw. Each slide
carries its chart styled for a projector, a one-line takeaway written from the figures
(templates in locales/<lang>/present.po, never hand-typed numbers), the source footnote
and the verbatim sentences behind the figures, for the speaker notes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import catalog, charts, formatting, marks, trade, views
from foreign_ties.i18n import catalog as messages
from foreign_ties.i18n import current_language, t
from foreign_ties.state import Filters

MAX_SLIDES = 15
PER_FAMILY = 3  # at most this many measure slides per family
FONT = 24  # px: the smallest chart text is 22 px, readable from the back of a room
CHART_HEIGHT = 720  # px on a 1920x1080 projector (title, takeaway and footnote fit around it)
EXPORT_WIDTH, EXPORT_HEIGHT = 1760, 720  # px of layout for images in decks (times `scale`)


@dataclass(frozen=True)
class Slide:
    key: str  # stable id: "measure-<indicator_id>" or "trade-<panel key>"
    title: str
    figure: go.Figure  # projector style: no title (the slide has one), no footnote
    takeaway: str
    footnote: str  # plain text
    quotes: tuple[str, ...]  # the verbatim sentences behind the figures drawn
    rows: pd.DataFrame  # the facts drawn, with their sources (for data downloads)


def _plain(text: str) -> str:
    return re.sub(r"\s*<br>\s*", "; ", re.sub(r"<(?!br>)[^>]+>", "", text)).strip()


def projector_style(fig: go.Figure, footnote: str) -> go.Figure:
    """A copy of `fig` in large type, the unit and period as the only heading, no footnote.

    A copy (about 7 ms): chart builders are memoised (foreign_ties.memo), so `fig` may be the
    very object the Compare or Trade page shows. One `update_layout` call with every axis:
    Plotly validates each update, and separate calls per axis cost more than building it.
    """
    fig = go.Figure(fig)
    title = fig.layout.title.text or ""
    subtitle = re.search(r"<sup>(.*?)</sup>", title)
    axis = {
        "tickfont": {"size": FONT - 2},
        "title": {"font": {"size": FONT}},
        "linecolor": "#000000",
        "tickcolor": "#000000",
        "automargin": True,
    }
    axes = {
        name: {**axis, **({"gridcolor": "#D0D0D0"} if name.startswith("y") else {})}
        for name in fig.layout
        if re.fullmatch(r"[xy]axis\d*", name)
    }
    fig.update_layout(
        title={
            "text": subtitle.group(1) if subtitle else "",
            "font": {"size": FONT + 2},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
        },
        font={"size": FONT, "color": "#000000"},
        height=CHART_HEIGHT,
        bargap=0.55,
        margin={"l": 110, "r": 150, "t": 100, "b": 50},
        # At the figure's foot (container), below the tick labels whatever the height, and the
        # margin grows to fit a legend of several rows.
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
            "font": {"size": FONT - 2},
        },
        **axes,
    )
    drawn_footnotes = {footnote, charts.wrap(footnote)}  # the builders wrap long footnotes
    fig.layout.annotations = [a for a in fig.layout.annotations if a.text not in drawn_footnotes]
    marks.zoom_to_figures(fig)  # a slide shows the years with figures, not the filter range
    for trace in fig.data:
        if trace.text is not None:
            trace.textfont = {"size": FONT}
            trace.cliponaxis = False  # a label above the highest point stays whole
        if trace.type == "scatter" and trace.mode and "markers" in trace.mode:
            trace.marker.size = 18
    return fig


def standalone(slide: Slide, width: int = EXPORT_WIDTH) -> go.Figure:
    """The slide's chart for an image on its own: its title and footnote put back in."""
    fig = go.Figure(slide.figure)
    unit_period = fig.layout.title.text or ""
    footnote = charts.wrap(slide.footnote, 140)
    extra = 30 * footnote.count("<br>")  # px per footnote line after the first
    height = CHART_HEIGHT + 240 + extra
    fig.update_layout(
        # title.subtitle, not "<br>": Plotly anchors a two-line title by its first line, so
        # the top line was cut off above the image.
        title={
            "text": slide.title,
            "subtitle": {"text": unit_period, "font": {"size": FONT}},
            "font": {"size": FONT + 8},
            "y": 0.98,
            "yref": "container",
            "yanchor": "top",
        },
        width=width,
        height=height,
        margin={"l": 110, "r": 150, "t": 150, "b": 150 + extra},
        # The legend under the title, so the sources can take the foot of the image.
        legend={"yref": "container", "y": 1 - 120 / height, "yanchor": "top"},
    )
    fig.add_annotation(
        text=footnote,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-95,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        align="left",
        font={"size": FONT - 2, "color": "#222222"},
    )
    return fig


# --------------------------------------------------------------------------- takeaways


def _fill(key: str, fallback: str, **values: str) -> str:
    """An indicator's own sentence when the reader's language has one, else the generic."""
    if key in messages(current_language()):
        return t(key, **values)
    return t(fallback, **values)


def takeaway(rows: pd.DataFrame, order: list[str], filters_order: tuple[str, ...] = ()) -> str:
    """One line from the published results drawn (never from targets or projections).

    About the first place (in the filters' order) with results: its change between its first
    and last whole years when it has two or more, otherwise its latest figure. `order`: the
    measures, by priority.
    """
    indicators = catalog.indicators()
    reported = rows[rows["status"] == "reported"]
    if reported.empty:
        name = indicators[order[0]].name() if order else ""
        return t("present.takeaway.no_results", measure=name)
    certain = reported[~reported["uncertain"].astype(bool)]
    reported = certain if not certain.empty else reported
    ind = next(i for i in order if i in set(reported["indicator_id"]))
    rows = reported[reported["indicator_id"] == ind]
    measure = indicators[ind].name()
    place = min(rows["province_id"], key=lambda p: _rank(p, filters_order))
    rows = rows[rows["province_id"] == place]
    whole = pd.Series(
        [
            r.kind == "flow"
            and r.period_start.year == r.period_end.year
            and not formatting.is_part_year(r.period_start, r.period_end, r.kind)
            for r in rows.itertuples()
        ],
        index=rows.index,
        dtype=bool,
    )
    years = rows[whole].sort_values("period_end")
    if len(years) >= 2:  # change between the place's first and last whole years
        first, last = years.iloc[0], years.iloc[-1]
        return t(
            "present.takeaway.change",
            place=catalog.place_name(place),
            measure=measure,
            first=formatting.value_text(first.value, first.unit, first.qualifier),
            first_period=str(first.period_end.year),
            last=formatting.value_text(last.value, last.unit, last.qualifier),
            last_period=str(last.period_end.year),
        )
    latest = rows.sort_values("period_end").iloc[-1]
    values = {
        "place": catalog.place_name(latest.province_id),
        "measure": measure,
        "value": formatting.value_text(latest.value, latest.unit, latest.qualifier),
        "period": formatting.period_text(latest.period_start, latest.period_end, latest.kind),
    }
    return _fill(f"present.takeaway.{ind}", "present.takeaway.latest", **values)


def _rank(place: str, filters_order: tuple[str, ...]) -> int:
    return filters_order.index(place) if place in filters_order else len(filters_order)


# --------------------------------------------------------------------------- slides


def _slide(
    key: str,
    title: str,
    rows: pd.DataFrame,
    figure: go.Figure | None,
    order: list[str],
    filters: Filters,
) -> Slide | None:
    if figure is None or rows.empty:
        return None
    footnote_html = charts.source_footnote(rows)
    return Slide(
        key=key,
        title=title,
        figure=projector_style(figure, footnote_html),
        takeaway=takeaway(rows, order, filters.provinces),
        footnote=_plain(footnote_html),
        quotes=tuple(dict.fromkeys(q for q in rows["quote"] if isinstance(q, str) and q)),
        rows=rows.reset_index(drop=True),
    )


def _measure_slide(indicator_id: str, filters: Filters, names: dict[str, str]) -> Slide | None:
    indicator = catalog.indicators()[indicator_id]
    series = views.indicator_series(indicator_id, filters)
    parts = views.parts(series)
    if not parts:
        return None
    rows = views.select_part(series, parts[0])  # the total when published, as on Compare
    title = (
        indicator.name()
        if parts[0] == views.TOTAL
        else f"{indicator.name()} — {views.part_label(parts[0])}"
    )
    figure = charts.indicator_figure(rows, indicator, names, (filters.year_from, filters.year_to))
    return _slide(f"measure-{indicator_id}", title, rows, figure, [indicator_id], filters)


def _trade_slide(
    spec: trade.PanelSpec, filters: Filters, names: dict[str, str], drawn_elsewhere: set[str]
) -> Slide | None:
    """A Trade & investment panel as the Trade page draws it (figures as published), when it
    shows more than the measure slides: several measures together, or a measure they lack."""
    if spec.places and not set(spec.places) & set(filters.provinces):
        return None
    places = spec.places or tuple(p for p in filters.provinces if p != "vietnam")
    rows = views.select_part(trade.measures(spec.indicators, places, filters), views.TOTAL)
    drawn = set(rows["indicator_id"])
    if not drawn or (len(drawn) < 2 and drawn <= drawn_elsewhere):
        return None
    indicators = catalog.indicators()
    figure = charts.measures_figure(
        rows,
        {i: indicators[i] for i in spec.indicators},
        names,
        t(spec.title_key),
        years=(filters.year_from, filters.year_to),
        separate=spec.separate,
    )
    return _slide(
        f"trade-{spec.key}", t(spec.title_key), rows, figure, list(spec.indicators), filters
    )


def _family(slide: Slide) -> int:
    first = slide.rows["indicator_id"].iloc[0]
    return catalog.FAMILIES.index(catalog.indicators()[first].family)


def build_slides(filters: Filters) -> list[Slide]:
    """The slides for the chosen places and years, grouped by family (at most MAX_SLIDES)."""
    names = {p: catalog.place_name(p) for p in catalog.places()}
    choices = views.indicator_choices(filters)
    by_family: dict[str, list[str]] = {f: [] for f in catalog.FAMILIES}
    for row in choices.itertuples():  # ordered by places, then figures
        if len(by_family[row.family]) < PER_FAMILY:
            by_family[row.family].append(row.indicator_id)
    measure_slides = {}
    for family in catalog.FAMILIES:
        for indicator_id in by_family[family]:
            slide = _measure_slide(indicator_id, filters, names)
            if slide is not None:
                measure_slides[indicator_id] = slide
    trade_slides = [
        s
        for s in (_trade_slide(spec, filters, names, set(measure_slides)) for spec in trade.PANELS)
        if s is not None
    ]
    budget = max(0, MAX_SLIDES - len(trade_slides))
    chosen: list[Slide] = []
    for rank in range(PER_FAMILY):  # every family's first measure, then the seconds, ...
        for family in catalog.FAMILIES:
            ids = [i for i in by_family[family] if i in measure_slides]
            if rank < len(ids) and len(chosen) < budget:
                chosen.append(measure_slides[ids[rank]])
    ranked = {s.key: n for n, s in enumerate(measure_slides.values())}
    chosen.sort(key=lambda s: ranked[s.key])
    slides = chosen + trade_slides
    slides.sort(key=_family)  # stable: measures of a family, then its Trade panels
    return slides[:MAX_SLIDES]
