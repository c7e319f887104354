"""Overview: the three provinces and the nation side by side, one row of tiles per family."""

import streamlit as st

from foreign_ties import catalog, ui, views
from foreign_ties.i18n import t
from foreign_ties.ui import present

filters = ui.filters()
ui.header(
    "overview.title", "overview.lede", first=str(filters.year_from), last=str(filters.year_to)
)
tiles = views.overview_tiles(filters)
for family in catalog.FAMILIES:
    st.subheader(t(f"family.{family}"))
    for column, place_id in zip(
        st.columns(len(filters.provinces), border=True), filters.provinces, strict=False
    ):
        with column:
            ui.tile(place_id, tiles[family][place_id], filters)
st.caption(t("overview.legend"))
shown = [f.fact_id for family in tiles.values() for figures in family.values() for f in figures]
present.downloads_for_view(
    None, views.figures_for_download(filters, shown), filters, "overview", images=False
)
