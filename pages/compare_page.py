"""Compare: one indicator across the chosen places and years."""

import streamlit as st

from foreign_ties import catalog, charts, safe_text, ui, views
from foreign_ties.i18n import t
from foreign_ties.ui import maps as ui_maps
from foreign_ties.ui import present

filters = ui.filters()
ui.header("compare.title", "compare.lede")
choices = views.indicator_choices(filters)
if choices.empty:
    ui.no_figure()
    st.stop()
indicator_id = ui.choice(
    t("compare.indicator"),
    "indicator",
    list(choices["indicator_id"]),
    default=views.default_measure(choices),
    format_func=lambda i: catalog.indicators()[i].name(),
)
indicator = catalog.indicators()[indicator_id]
series = views.indicator_series(indicator_id, filters)
series = ui_maps.boundary_switch(series, indicator, filters)
parts = views.parts(series)
if len(parts) > 1:
    part = ui.choice(
        t("compare.part"), "part", parts, parts[0], format_func=views.part_label, widget="pills"
    )
    series = views.select_part(series, part or parts[0])
names = {p: catalog.place_name(p) for p in catalog.places()}
figure = charts.indicator_figure(series, indicator, names, (filters.year_from, filters.year_to))
ui.chart(figure, key="compare_chart")
if figure is not None:
    present.downloads_for_view(figure, series, filters, "compare")
counts = safe_text.markdown(views.indicator_description(indicator))
st.markdown(f"**{t('compare.what_it_counts')}** {counts}")
missing = [p for p in filters.provinces if p not in set(series["province_id"])]
if missing:
    names = safe_text.markdown(", ".join(catalog.place_name(p) for p in missing))
    st.caption(t("compare.missing", places=names))
ui.facts_table(views.readable_facts(series), key="compare_table")
