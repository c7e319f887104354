"""A long list's page control, kept in the URL (`page`) like every other choice."""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from foreign_ties import state
from foreign_ties.i18n import t
from foreign_ties.ui import notice_text, page_param, url_changed

_KEY = "page_page"
_LIST = "_paged_list"  # session key: which list (its filters) the page number belongs to


def page_number(pages: int, list_key: Hashable, linked: int | None = None) -> int:
    """The page to show, from 1 to `pages`: the URL's `page` on a link's arrival (checked by
    state.parse_page), else the reader's last choice, back to 1 for another list (a new
    search, other filters: `list_key` differs) and kept within the list when it shrinks.
    `linked` (the page holding a figure a link names) wins, so the figure is on screen."""
    page, notices = state.parse_page(st.query_params.get_all(state.PAGE_KEY), pages)
    if url_changed(state.PAGE_KEY):
        for notice in notices:
            st.warning(notice_text(notice), icon=":material/warning:")
    if linked is not None:
        st.session_state[_KEY] = linked
    elif _KEY not in st.session_state or url_changed(state.PAGE_KEY):
        st.session_state[_KEY] = page
    elif st.session_state.get(_LIST) != list_key:
        st.session_state[_KEY] = 1
    st.session_state[_LIST] = list_key
    st.session_state[_KEY] = min(max(int(st.session_state[_KEY]), 1), pages)
    if pages == 1:
        return 1  # no control, and no `page` in the URL, for a list that fits one page
    chosen = int(st.number_input(t("sources.page"), 1, pages, step=1, key=_KEY))
    page_param(state.PAGE_KEY, str(chosen) if chosen > 1 else None)
    return chosen
