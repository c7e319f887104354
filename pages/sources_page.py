"""Sources: every figure with its sentence, the documents, and a CSV download."""

import streamlit as st

from foreign_ties import catalog, ui, views
from foreign_ties.i18n import t, tn
from foreign_ties.ui import evidence, present

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
    search = ui.text_param(t("sources.search"), "q")
rows = views.facts_with_sources(filters, [] if families == "all" else [families], search)
st.caption(tn("sources.count", len(rows)))
ui.facts_table(views.readable_facts(rows), key="sources_table")
present.downloads_for_view(None, rows, filters, "sources", images=False)
st.subheader(t("sources.in_context"))
fact_ids = list(rows["fact_id"])
if not fact_ids:
    ui.no_figure()
    st.stop()
arrived = ui.url_changed("fact")  # followed a link to one figure: scroll to its sentence
labels = dict(zip(rows["fact_id"], views.fact_labels(rows), strict=False))
fact_id = ui.choice(t("sources.pick_fact"), "fact", fact_ids, fact_ids[0], format_func=labels.get)
fact = rows[rows["fact_id"] == fact_id].iloc[0]
evidence.fact_in_context(fact, views.source_document(fact["source_id"]), arrived)
