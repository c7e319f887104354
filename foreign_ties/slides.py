"""The presentation deck as data: what the figures can say, one message per slide.

`deck(filters)` is a pure function of the filters and the built data (no Streamlit). One
slide per measure with published figures for the chosen places (the leading measures of
each family, taken in turn so every family is heard before any gets a second slide):

- a **chart** slide where the measure has figures for at least two places or two years;
- otherwise a **big-number** slide: the figure, its takeaway, the published sentence and
  its source (a chart of one point says nothing a number does not).

No two slides say the same takeaway. `opening(filters, deck, today)` is the title slide:
title, places, date and three headline figures (certain reported figures first). Words
come from locales/<lang>/present.po and slide_text.py; charts from slide_charts.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import catalog, charts, formatting, ranking, slide_text, views
from foreign_ties.i18n import t
from foreign_ties.slide_charts import (  # noqa: F401 (re-exported)
    CHART_HEIGHT,
    EXPORT_HEIGHT,
    EXPORT_WIDTH,
    FONT,
    projector_style,
    standalone,
)
from foreign_ties.state import Filters

MAX_SLIDES = 12  # measure slides; the deck adds the opening, sources and closing slides
PER_FAMILY = 3  # at most this many measure slides per family
SENTENCE_CHARS = 240  # the published sentence on a big-number slide (whole in the notes)


@dataclass(frozen=True)
class Slide:
    key: str  # stable id: "measure-<indicator_id>"
    kind: str  # "chart" or "number"
    title: str
    figure: go.Figure | None  # chart slides: projector style, no title, no footnote
    takeaway: str
    footnote: str  # the slide's source line: whole sources, "and N more"
    sources: tuple[tuple[str, str], ...]  # (publisher and date, url) of every source
    quotes: tuple[str, ...]  # every verbatim sentence behind the figures drawn
    notes: str  # speaker notes: the takeaway and the key sentences
    rows: pd.DataFrame  # the facts drawn, with their sources (for data downloads)
    big: str = ""  # number slides: the figure in words ("about 20")
    sentence: str = ""  # number slides: the published sentence it comes from
    gloss: str = ""  # number slides: the sentence in the reader's language, when it is not


@dataclass(frozen=True)
class Headline:
    value: str
    label: str  # place and measure
    period: str


@dataclass(frozen=True)
class Opening:
    title: str
    places: str
    date: str
    headlines: tuple[Headline, ...]


def _glosses(rows: pd.DataFrame) -> dict[str, str]:
    if "gloss_en" not in rows:
        return {}
    pairs = zip(rows["quote"], rows["gloss_en"], strict=False)
    return {q: g for q, g in pairs if isinstance(g, str) and g}


def _gloss(glosses: dict[str, str], quote: str) -> str:
    gloss = glosses.get(quote, "")
    return slide_text._cut(gloss, SENTENCE_CHARS) if gloss else ""


def _slide(
    indicator_id: str,
    title: str,
    rows: pd.DataFrame,
    filters: Filters,
    names: dict[str, str],
    said: set[str],
) -> Slide | None:
    text = slide_text.takeaway(rows, [indicator_id], filters.provinces, frozenset(said))
    lead = slide_text.main_row(rows, filters.provinces)
    if text is None or lead is None:  # said already, or only targets and projections
        return None
    quotes = tuple(dict.fromkeys(q for q in rows["quote"] if isinstance(q, str) and q))
    key_quotes = list(dict.fromkeys([lead.quote, *quotes]))
    chart = rows["province_id"].nunique() >= 2 or rows["period_end"].dt.year.nunique() >= 2
    figure = None
    if chart:
        indicator = catalog.indicators()[indicator_id]
        years = (filters.year_from, filters.year_to)
        built = charts.indicator_figure(rows, indicator, names, years)
        if built is None:
            return None
        figure = projector_style(built, charts.source_footnote(rows))
    found = slide_text.sources(rows)
    said.add(text)
    glosses = _glosses(rows)
    return Slide(
        key=f"measure-{indicator_id}",
        kind="chart" if chart else "number",
        title=title,
        figure=figure,
        takeaway=text,
        footnote=slide_text.source_line([name for name, _ in found]),
        sources=found,
        quotes=quotes,
        notes=slide_text.notes(text, lead, key_quotes, glosses),
        rows=rows.reset_index(drop=True),
        big="" if chart else slide_text.row_words(lead),
        sentence="" if chart else slide_text._cut(lead.quote, SENTENCE_CHARS),
        gloss="" if chart else _gloss(glosses, lead.quote),
    )


def _measure_slide(
    indicator_id: str, filters: Filters, names: dict[str, str], said: set[str]
) -> Slide | None:
    indicator = catalog.indicators()[indicator_id]
    series = views.indicator_series(indicator_id, filters)
    parts = views.parts(series)
    if not parts:
        return None
    rows = views.select_part(series, parts[0])  # the total when published, as on Compare
    if rows.empty:
        return None
    title = (
        indicator.name()
        if parts[0] == views.TOTAL
        else f"{indicator.name()} — {views.part_label(parts[0])}"
    )
    return _slide(indicator_id, title, rows, filters, names, said)


def ranking_slide(filters: Filters, said: set[str]) -> Slide | None:
    """ "Where do we rank?": one published rank among provinces as a big number with its
    sentence (ranking.lead: an FDI rank first, a certain one first); None when no chosen
    place has one. A rank is never charted."""
    lead = ranking.lead(filters.provinces, filters)
    if lead is None:
        return None
    series = views.indicator_series(lead.indicator_id, filters)
    rows = series[series["fact_id"] == lead.fact_id].reset_index(drop=True)
    if rows.empty:
        return None
    row = rows.iloc[0]
    text = t(
        "rank.takeaway",
        place=catalog.place_name(lead.province_id),
        rank=lead.rank,
        measure=lead.measure,
        period=lead.period,
    )
    text = f"{text} {t('present.uncertain')}" if lead.certainty is not None else text
    if text in said:
        return None
    said.add(text)
    found = slide_text.sources(rows)
    glosses = _glosses(rows)
    return Slide(
        key="ranking",
        kind="number",
        title=t("question.rank"),
        figure=None,
        takeaway=text,
        footnote=slide_text.source_line([name for name, _ in found]),
        sources=found,
        quotes=(lead.quote,),
        notes=slide_text.notes(text, row, [lead.quote], glosses),
        rows=rows,
        big=lead.ordinal,
        sentence=slide_text._cut(lead.quote, SENTENCE_CHARS),
        gloss=_gloss(glosses, lead.quote),
    )


def build_slides(filters: Filters) -> list[Slide]:
    """The measure slides for the chosen places and years, grouped by family; the ranking
    among provinces after the FDI slides when a chosen place has a published rank."""
    names = {p: catalog.place_name(p) for p in catalog.places()}
    choices = views.indicator_choices(filters)
    by_family: dict[str, list[str]] = {f: [] for f in catalog.FAMILIES}
    for row in choices.itertuples():  # ordered by places, then figures
        if len(by_family[row.family]) < PER_FAMILY:
            by_family[row.family].append(row.indicator_id)
    said: set[str] = set()
    rank = ranking_slide(filters, said)
    built: dict[str, list[Slide]] = {f: [] for f in catalog.FAMILIES}
    count = 1 if rank else 0  # the ranking slide counts within MAX_SLIDES
    for turn in range(PER_FAMILY):  # every family's first measure, then the seconds, ...
        for family in catalog.FAMILIES:
            pending = by_family[family]
            while pending and len(built[family]) <= turn and count < MAX_SLIDES:
                slide = _measure_slide(pending.pop(0), filters, names, said)
                if slide is not None:  # built only when chosen: a deck builds in seconds
                    built[family].append(slide)
                    count += 1
    if rank:
        built["fdi"].append(rank)
    return [s for family in catalog.FAMILIES for s in built[family]]


def opening(filters: Filters, slides: list[Slide], today: dt.date | None = None) -> Opening:
    """Title, places, date and three headline figures: each slide's leading figure, certain
    reported figures first, one per measure."""
    leads = []
    for slide in slides:
        lead = slide_text.main_row(slide.rows, filters.provinces)
        if lead is not None:
            leads.append((bool(lead.uncertain) or lead.qualifier != "exact", slide, lead))
    leads.sort(key=lambda item: item[0])  # stable: certain first, deck order within
    headlines = tuple(
        Headline(
            value=slide_text.row_words(lead),
            label=f"{catalog.place_name(lead.province_id)} — {slide.title}",
            period=formatting.period_text(lead.period_start, lead.period_end, lead.kind),
        )
        for _, slide, lead in leads[:3]
    )
    places = ", ".join(catalog.place_name(p) for p in filters.provinces)
    return Opening(
        title=t("present.deck_title"),
        places=t(
            "present.deck_places", places=places, first=filters.year_from, last=filters.year_to
        ),
        date=formatting.date_text(today or dt.date.today()),
        headlines=headlines,
    )


def all_sources(slides: list[Slide]) -> tuple[tuple[str, str], ...]:
    """Every source of the deck once, in order of first use (the sources slide)."""
    return tuple(dict.fromkeys(s for slide in slides for s in slide.sources))
