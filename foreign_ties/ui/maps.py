"""Streamlit helpers for maps and the 2025-boundaries switch.

Maps are drawn with `maps.STREAMLIT_CONFIG`, which points plotly.js at the base-map files
served from static/plotly-topojson/ (Streamlit's static serving): without it plotly.js
fetches them from cdn.plot.ly, which the venue may not reach. Their province outlines are
built by URL (`geojson_by_url=True`: static/geo/, fetched once per browser tab), so a rerun
sends tens of KB of figure, not ~1 MB of embedded GeoJSON.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foreign_ties import (
    boundaries,
    catalog,
    formatting,
    maps,
    partner_table,
    partners_map,
    safe_text,
    views,
)
from foreign_ties.catalog import Indicator
from foreign_ties.i18n import t
from foreign_ties.state import Filters
from foreign_ties.ui import PLOTLY_CONFIG, choice, fig_for_screen, link_to_fact, no_figure


def chart(fig: go.Figure | None, key: str, narrow: bool = False) -> None:
    """A map, drawn with the local base-map files (never the CDN)."""
    if fig is None:
        no_figure()
        return
    # a phone, or a column about as narrow, gets wrapped titles and credit (phone_charts.py)
    fig = fig_for_screen(fig, narrow)
    st.plotly_chart(fig, key=key, theme=None, config={**PLOTLY_CONFIG, **maps.STREAMLIT_CONFIG})


def _names() -> dict[str, str]:
    return catalog.place_names()


def boundary_switch(
    series: pd.DataFrame,
    indicator: Indicator,
    filters: Filters,
    parts_of: Callable[[tuple[str, ...]], pd.DataFrame] | None = None,
) -> pd.DataFrame:
    """'As published' or '2025 boundaries' for a place whose territory changed.

    Shown only when such a place is chosen; returns the rows to draw, and says which
    territory each figure covers, what was summed (with formula) and what could not be.
    `parts_of(places)` gives the figures of the merged-away parts (Ha Giang) as the caller
    shows them (same measure, part and currency); by default, `indicator`'s series.
    """
    if not any(m.successor in filters.provinces for m in boundaries.mergers()):
        return series
    mode = (
        choice(
            t("boundaries.switch"),
            "boundaries",
            list(boundaries.MODES),
            boundaries.AS_PUBLISHED,
            format_func=lambda m: t(f"boundaries.mode.{m}"),
            widget="pills",
        )
        or boundaries.AS_PUBLISHED
    )
    parts = None
    if mode == boundaries.BOUNDARIES_2025:
        merged = tuple(boundaries.merged_away())
        parts = (
            parts_of(merged)
            if parts_of
            else views.indicator_series(
                indicator.indicator_id, Filters(merged, filters.year_from, filters.year_to)
            )
        )
    view = boundaries.apply(series, mode, parts, indicator.family, _names())
    if mode == boundaries.AS_PUBLISHED:
        territories(view.rows, view.notices)
    else:
        st.caption(t("boundaries.explain"))
        if "computed" in view.rows:
            for row in view.rows[view.rows["computed"]].itertuples():
                inputs = ", ".join(
                    f"[{safe_text.markdown(name)} ↗]({link_to_fact(fact_id, filters)})"
                    for fact_id, name in zip(
                        row.derived_from.split(" + "),
                        row.derived_from_places.split(" + "),
                        strict=True,
                    )
                )
                st.info(
                    t(
                        "boundaries.sum.note",
                        formula=safe_text.markdown(row.formula),
                        inputs=inputs,
                    ),
                    icon=":material/functions:",
                )
        for notice in view.notices:
            st.warning(safe_text.markdown(notice), icon=":material/warning:")
    return view.rows


def territories(rows: pd.DataFrame, notices: list[str] | None = None, always: bool = True) -> None:
    """Which territory the figures of a changed place cover (Tuyen Quang before/after 2025).

    When one place's figures cover different territories, every figure is listed (an info
    box); otherwise, if `always`, one caption per place says which territory they cover.
    """
    if rows.empty:
        return
    if notices is None:
        notices = boundaries.apply(
            rows, boundaries.AS_PUBLISHED, family="", place_names=_names()
        ).notices
    if notices:
        st.info("  \n".join(map(safe_text.markdown, notices)), icon=":material/map:")
    elif always:
        for note in boundaries.coverage_notes(rows, _names()):
            st.caption(safe_text.markdown(note))


def trade_panel_switch(
    panel, filters: Filters, currency: str
) -> tuple[go.Figure | None, pd.DataFrame | None]:
    """The boundaries switch on a Trade & investment panel of the chosen places.

    Redraws the panel when '2025 boundaries' changes its rows; the parts (Ha Giang) are
    fetched as the panel's own rows are (trade.panel_rows: whole measure, chosen currency).
    """
    from foreign_ties import trade  # local: only the Trade page needs it

    spec = panel.spec
    if panel.rows is None or len(spec.indicators) != 1:
        return panel.figure, panel.rows
    if any(m.successor in filters.provinces for m in boundaries.mergers()):
        st.markdown(f"**{t(spec.title_key)}**")  # the switch under it belongs to this panel
    rows = boundary_switch(
        panel.rows,
        catalog.indicators()[spec.indicators[0]],
        filters,
        lambda places: trade.panel_rows(spec, places, filters, currency),
    )
    if rows is panel.rows or rows.equals(panel.rows):
        return panel.figure, panel.rows
    return trade.panel_figure(spec, rows, filters), rows


def partners_map_section(filters: Filters) -> None:
    """The map of named partners: the region or the world (the region when most partners
    are in it), with notes on partners outside the view and those with no place on a map."""
    rows = views.partners(boundaries.with_parts(filters.provinces))
    st.subheader(t("maps.partners.heading"))
    view = choice(
        t("maps.view"),
        "map_view",
        list(partners_map.VIEWS),
        partners_map.default_view(rows),
        format_func=lambda v: t(f"maps.view.{v}"),
        widget="pills",
    ) or partners_map.default_view(rows)
    chart(
        partners_map.partners_map(
            rows, _names(), t("maps.partners.title"), view=view, geojson_by_url=True
        ),
        key="partners_map",
    )
    outside = partners_map.outside_view(rows, view) if not rows.empty else []
    if outside:
        st.caption(
            t(
                "maps.partners.outside",
                names=safe_text.markdown(", ".join(outside)),
                world=t(f"maps.view.{partners_map.WORLD}"),
            )
        )
    missing = partners_map.unplaced(rows)
    if missing:
        st.caption(t("maps.partners.unplaced", count=str(missing)))


def partners_table(filters: Filters) -> None:
    """Every named partnership with its source sentence."""
    rows = views.partners(boundaries.with_parts(filters.provinces))
    st.subheader(t("maps.table.heading"))
    if rows.empty:
        no_figure("empty.no_named_partner")
    else:
        st.dataframe(
            partner_table.readable_partners(rows, _names()),
            hide_index=True,
            width="stretch",
            key="partners_table",
        )


def _period_key(period: tuple) -> str:
    return f"{period[0]:%Y-%m-%d}_{period[1]:%Y-%m-%d}"


def choropleth_section(filters: Filters) -> None:
    """Viet Nam's provinces shaded by a chosen published figure, for one period."""
    st.subheader(t("maps.choropleth.heading"))
    order = views.map_measures(filters)
    if not order:
        no_figure()
        return
    indicators = catalog.indicators()
    measure = choice(
        t("maps.measure"),
        "map_measure",
        order,
        order[0],
        format_func=lambda i: indicators[i].name() if i in indicators else i,
    )
    rows = views.map_figures(filters, measure or order[0])
    periods = {_period_key(p): p for p in maps.periods(rows)}
    kind = rows["kind"].iloc[0]
    chosen = choice(
        t("maps.period"),
        "map_period",
        list(periods),
        next(iter(periods)),
        format_func=lambda k: formatting.period_text(*periods[k], kind),
    )
    period = periods[chosen or next(iter(periods))]
    fig = maps.choropleth(rows, indicators[measure].name(), period, _names(), geojson_by_url=True)
    chart(fig, key="partners_choropleth", narrow=True)  # half the page's width
    if boundaries.spans_merger(*period):
        st.caption(t("maps.choropleth.spans"))
