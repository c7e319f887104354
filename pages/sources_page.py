"""Sources: every figure with its sentence, a page at a time, the documents, and downloads."""

import streamlit as st

from foreign_ties import catalog, formatting, source_list, state, ui, views
from foreign_ties.i18n import t, tn
from foreign_ties.ui import evidence, paging, present

filters = ui.filters()
ui.header("sources.title", "sources.lede")
left, right = st.columns([2, 3])
with left:
    families = ui.choice(
        t("sources.family"),
        "family",
        ["all", *catalog.FAMILIES],
        "all",
        format_func=lambda f: t(f"family.{f}"),
    )
with right:
    text = ui.text_param(t("sources.search"), "q")
search = source_list.Search(filters, () if families == "all" else (families,), text)
matching = source_list.count(search)
arrived = ui.url_changed("fact")  # followed a link to one figure: open its page, scroll to it
linked = ui.url_value("fact") if arrived else None
holding = source_list.page_holding(search, linked) if linked else None
pages = state.page_count(matching, source_list.PAGE_SIZE)
number = paging.page_number(pages, search, holding)
rows = source_list.page(search, number)
first = (number - 1) * source_list.PAGE_SIZE + 1
shown = (formatting.number(first), formatting.number(first + len(rows) - 1))
caption = tn("sources.showing", matching, first=shown[0], last=shown[1]) if pages > 1 else None
st.caption(caption or tn("sources.count", matching))
ui.facts_table(views.readable_facts(rows), key="sources_table")
if matching:
    present.downloads_for_view(
        None, source_list.every_match(search), filters, "sources", images=False
    )
st.subheader(t("sources.in_context"))
fact_ids = list(rows["fact_id"])
if not fact_ids:
    ui.no_figure()
    st.stop()
labels = dict(zip(rows["fact_id"], views.fact_labels(rows), strict=False))
fact_id = ui.choice(t("sources.pick_fact"), "fact", fact_ids, fact_ids[0], format_func=labels.get)
fact = rows[rows["fact_id"] == fact_id].iloc[0]
evidence.fact_in_context(fact, views.source_document(fact["source_id"]), arrived)
