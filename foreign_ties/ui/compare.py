"""Compare's pieces: the grouped measure picker and the family's measures side by side."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from foreign_ties import catalog, charts, measures, safe_text, ui, views
from foreign_ties.i18n import t
from foreign_ties.state import Filters
from foreign_ties.ui import drill

PANEL_HEIGHT = 430


def picker(cov: dict[str, measures.Coverage]) -> str | None:
    """Topic (family) pills, then the topic's measures ordered by coverage, each with it;
    measures.RANKING when the topic is the ranking among provinces."""
    families = measures.families(cov)
    family = ui.choice(
        t("compare.family"),
        "family",
        families,
        views.compare_family(cov, ui.url_value("indicator")),
        format_func=lambda f: t(f"family.{f}"),
        widget="pills",
    ) or views.compare_family(cov, None)
    if family == measures.RANKING:
        return measures.RANKING  # ranks are listed, not charted: the page shows the cards
    options = measures.family_measures(cov, family)
    if not options:
        return None
    return ui.choice(
        t("compare.indicator"),
        "indicator",
        options,
        measures.default_measure(cov, family),
        format_func=lambda i: measures.option_label(cov, i),
        help=t("compare.picker_help"),
    )


def sentence(text: str) -> None:
    """The one prominent sentence saying the places publish different measures."""
    st.info(safe_text.markdown(text), icon=":material/compare_arrows:")


PANELS_PER_ROW = 2  # three side by side leave each under 300 px on a 1280 px laptop


def columns(result: measures.Panels) -> list:
    """One column per measure when the places publish different ones, at most two in a row
    (a third starts the next row), else the full width."""
    if not result.differ:
        return [st.container()]
    count = len(result.measures)
    cells = []
    for start in range(0, count, PANELS_PER_ROW):
        cells += st.columns(min(PANELS_PER_ROW, count - start), border=True)
    return cells


def narrow(result: measures.Panels) -> bool:
    """Panels side by side are each about a phone wide on a laptop, and drawn like one."""
    return result.differ


def panel_title(measure: str) -> None:
    """A panel's title: the measure's name and what it counts, in plain words."""
    st.markdown(f"#### {safe_text.markdown(catalog.indicators()[measure].name())}")
    st.caption(safe_text.markdown(t("measure.what_it_counts", basis=measures.basis(measure))))


def other_panels(result: measures.Panels, columns: list, filters: Filters) -> pd.DataFrame:
    """The panels after the chosen measure's, each for the places it is shown for."""
    names = {p: catalog.place_name(p) for p in catalog.places()}
    shown = []
    for column, measure in zip(columns, result.measures[1:], strict=True):
        indicator = catalog.indicators()[measure]
        series = views.panel_series(measure, filters, result.owners[measure])
        shown.append(series)
        with column:
            panel_title(measure)
            figure = charts.indicator_figure(
                series, indicator, names, (filters.year_from, filters.year_to), PANEL_HEIGHT
            )
            drill.chart(figure, key=f"compare_panel_{measure}", narrow=narrow(result))
    return views.concat(shown)


def without(places: tuple[str, ...], filters: Filters) -> None:
    """Places with no figure anywhere in the topic: said plainly, never dropped silently."""
    if places:
        st.warning(
            safe_text.markdown(
                t(
                    "measure.without",
                    places=", ".join(catalog.place_name(p) for p in places),
                    first=str(filters.year_from),
                    last=str(filters.year_to),
                )
            ),
            icon=":material/info:",
        )
