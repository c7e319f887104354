"""Trade & investment: national series and provincial measures, each kept apart."""

import streamlit as st

from foreign_ties import derived, safe_text, trade, ui
from foreign_ties.i18n import t
from foreign_ties.ui import maps as ui_maps
from foreign_ties.ui import present

filters = ui.filters()
ui.header("trade.title", "trade.lede")
currency = ui.choice(
    t("trade.currency"),
    "currency",
    [derived.AS_PUBLISHED, *derived.CURRENCIES],
    derived.AS_PUBLISHED,
    format_func=lambda c: t(f"trade.currency.{c}"),
    widget="pills",
)
for panel in trade.panels(filters, currency or derived.AS_PUBLISHED):
    if panel.hidden_because:
        st.subheader(t(panel.spec.title_key))
        st.caption(safe_text.markdown(panel.hidden_because))
        continue
    figure, rows = panel.figure, panel.rows
    if (
        panel.spec.key == "exports_by_locality"
    ):  # Tuyen Quang as published or within its 2025 borders
        figure, rows = ui_maps.trade_panel_switch(panel, filters, currency or derived.AS_PUBLISHED)
    elif (
        panel.spec.places is None and rows is not None
    ):  # the chosen places: say when territories mix
        ui_maps.territories(rows, always=False)
    ui.chart(figure, key=f"trade_{panel.spec.key}")  # the chart carries its own title
    st.caption(t(panel.spec.note_key))
    if figure is not None:
        present.downloads_for_view(figure, rows, filters, f"trade_{panel.spec.key}")
    if panel.spec.key == "exports_by_locality":
        st.markdown(f"**{t('trade.share_heading')}**")
        ui.table_with_sources(
            trade.export_shares(filters),
            filters,
            trade.SHARE_INPUTS,
            key="trade_shares",
            empty_key="trade.no_share",
        )
