"""Partners: where the places' named partners are, and a map of one published figure."""

import streamlit as st

from foreign_ties import ui
from foreign_ties.ui import maps as ui_maps

filters = ui.filters()
ui.header("maps.page.title", "maps.page.lede")
ui_maps.partners_map_section(filters)  # the page's main view: full width, readable on a projector
left, right = st.columns(2, gap="large")
with left:
    ui_maps.choropleth_section(filters)
with right:
    ui_maps.partners_table(filters)
