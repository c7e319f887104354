"""Compare: one measure across the chosen places and years; where it leaves a chosen place
out, the topic's nearest measures for that place beside it (one panel each), never a place
dropped silently."""

import streamlit as st

from foreign_ties import catalog, charts, measures, safe_text, ui, views
from foreign_ties.i18n import t
from foreign_ties.ui import compare, drill, present
from foreign_ties.ui import maps as ui_maps
from foreign_ties.ui import ranking as ui_ranking

filters = ui.filters()
ui.header("compare.title", "compare.lede")
coverage = measures.coverage(filters)
indicator_id = compare.picker(coverage)
if indicator_id == measures.RANKING:
    ui_ranking.compare_section(filters)
    st.stop()
if indicator_id is None:
    ui.no_figure()
    st.stop()
indicator = catalog.indicators()[indicator_id]
if coverage[indicator_id].empty:
    st.info(t("compare.empty_measure"), icon=":material/info:")
layout = measures.panels(coverage, indicator_id, filters.provinces)
if layout.differ:
    compare.sentence(measures.differ_sentence(layout))
columns = compare.columns(layout)
with columns[0]:
    if layout.differ:
        compare.panel_title(indicator_id)
    series = views.indicator_series(indicator_id, filters)
    series = ui_maps.boundary_switch(series, indicator, filters)
    parts = views.parts(series)
    if len(parts) > 1:
        part = ui.choice(
            t("compare.part"), "part", parts, parts[0], format_func=views.part_label, widget="pills"
        )
        series = views.select_part(series, part or parts[0])
    names = {p: catalog.place_name(p) for p in catalog.places()}
    height = compare.PANEL_HEIGHT if layout.differ else 540
    figure = charts.indicator_figure(
        series, indicator, names, (filters.year_from, filters.year_to), height
    )
    if not coverage[indicator_id].empty:
        drill.chart(figure, key="compare_chart", narrow=compare.narrow(layout))
    if figure is not None:
        present.downloads_for_view(figure, series, filters, "compare")
shown = compare.other_panels(layout, columns[1:], filters)
rows = views.concat([series, shown])
drill.details(rows, filters)
compare.without(layout.without, filters)
counts = safe_text.markdown(views.indicator_description(indicator))
st.markdown(f"**{t('compare.what_it_counts')}** {counts}")
ui.facts_table(views.readable_facts(rows), key="compare_table")
