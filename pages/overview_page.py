"""Overview: the leader's province and a few plain questions, each answered at once for the
places side by side; below, every latest figure by topic."""

import streamlit as st

from foreign_ties import catalog, national_share, questions, source_list, targets, ui, views
from foreign_ties.i18n import t
from foreign_ties.ui import overview, present
from foreign_ties.ui import ranking as ui_ranking

filters = ui.filters()
ui.header(
    "overview.title", "overview.lede", first=str(filters.year_from), last=str(filters.year_to)
)
home = ui.home(catalog.COMPARED_PLACES, catalog.COMPARED_PLACES[0])
question = overview.question()
answers = [] if question in questions.LISTED else questions.answers(question, home, filters)
for result in answers:
    overview.answer(result, filters)
places = questions.places_in_order(home, filters.provinces)
if question == questions.TARGETS:
    overview.target_lines(targets.target_lines(places, filters), filters)
if question == "fdi":
    overview.fdi_share(national_share.fdi_share(places, filters), filters)
ranked = ui_ranking.answer(places, filters, home) if question == questions.RANK else []
st.caption(t("overview.words_legend"))
tiles = views.overview_tiles(filters)
with st.expander(t("overview.all_figures")):
    for family in catalog.FAMILIES:
        st.subheader(t(f"family.{family}"))
        ui.tile_row([ui.tile(p, tiles[family][p], filters) for p in filters.provinces])
shown = [f.fact_id for family in tiles.values() for figures in family.values() for f in figures]
shown += [c.fact_id for result in answers for c in result.cells.values() if c]
shown += [r.fact_id for place in ranked for r in place.ranks]
if shown:  # the file of the figures on screen, made on click
    present.downloads_for_view(
        None, source_list.figures_to_download(filters, shown), filters, "overview", images=False
    )
