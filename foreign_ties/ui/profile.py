"""The one template behind the four profile pages (three provinces and the nation)."""

from __future__ import annotations

import streamlit as st

from foreign_ties import catalog, formatting, partner_table, safe_text, source_list, views
from foreign_ties.i18n import t, tn
from foreign_ties.state import Filters
from foreign_ties.ui import facts_table, header, link_to_sources, no_figure
from foreign_ties.ui.present import downloads_for_view


def render(province_id: str, filters: Filters) -> None:
    place = catalog.places()[province_id]
    header(
        "profile.title",
        "profile.lede",
        place=place.name(),
        first=str(filters.year_from),
        last=str(filters.year_to),
    )
    note = views.territory_note(place)
    if note:
        st.info(safe_text.markdown(note), icon=":material/map:")
    by_family = views.profile(province_id, filters)
    place_filters = Filters((province_id,), filters.year_from, filters.year_to)
    for family in catalog.FAMILIES:
        st.subheader(t(f"family.{family}"))
        shown = by_family[family]
        facts_table(shown.rows, key=f"profile_{province_id}_{family}")
        if shown.total > len(shown.rows):
            link = link_to_sources(place_filters, family)
            counts = {
                "shown": formatting.number(len(shown.rows)),
                "total": formatting.number(shown.total),
            }
            st.caption(tn("profile.more", shown.total, link=link, **counts))
    if any(shown.total for shown in by_family.values()):  # the file is made on click
        downloads_for_view(
            None,
            source_list.figures_to_download(place_filters),
            place_filters,
            f"profile-{province_id}",
            images=False,
        )
    st.subheader(t("profile.partners"))
    partners = views.partners([province_id])
    if partners.empty:
        no_figure("empty.no_named_partner")
    else:
        st.dataframe(partner_table.readable_partners(partners), hide_index=True, width="stretch")
    st.subheader(t("profile.sources"))
    sources = views.province_sources(province_id)
    if sources.empty:
        no_figure("empty.no_source")
    else:
        st.dataframe(
            views.readable_sources(sources),
            hide_index=True,
            width="stretch",
            column_config={t("column.url"): st.column_config.LinkColumn()},
        )
