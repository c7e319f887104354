"""One figure as evidence: its value, status and doubt, its source, and its sentence
highlighted in the document (Sources page)."""

from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from foreign_ties import formatting, safe_text
from foreign_ties.i18n import t
from foreign_ties.paths import ROOT
from foreign_ties.ui import no_figure

SCROLL_TO_QUOTE_JS = (
    f"<script>{(ROOT / 'foreign_ties' / 'ui' / 'scroll_to_quote.js').read_text('utf-8')}</script>"
)


def document_with_quote(text: str, quote: str, scroll_to_it: bool = False) -> None:
    """The source text with the quoted sentence highlighted (escaped: it is data); with
    `scroll_to_it` (a link to the figure was followed) the page scrolls to the sentence."""
    escaped, marked = safe_text.html_block(text), safe_text.html_block(quote)
    body = escaped.replace(marked, f"<mark class='ft-quote' id='quote'>{marked}</mark>", 1)
    st.markdown(f"<div class='ft-document'>{body}</div>", unsafe_allow_html=True)
    if scroll_to_it:
        st.html(SCROLL_TO_QUOTE_JS, unsafe_allow_javascript=True)


def fact_in_context(fact: pd.Series, document: dict | None, arrived: bool = False) -> None:
    """One figure: what it says, where it comes from, and its sentence in the document
    (scrolled to when the reader `arrived` by a link to this figure)."""
    st.markdown(
        f"### {html.escape(formatting.value_text(fact['value'], fact['unit'], fact['qualifier']))}"
    )
    # the sentence is data: plain text in our own HTML block, never Markdown
    st.markdown(
        f"<blockquote class='ft-said'>{safe_text.html_block(fact['quote'])}</blockquote>",
        unsafe_allow_html=True,
    )
    if isinstance(fact.get("gloss_en"), str) and fact["gloss_en"]:
        st.caption(t("sources.gloss", gloss=safe_text.markdown(fact["gloss_en"])))
    if bool(fact.get("uncertain")):
        reason = safe_text.markdown(fact.get("uncertain_reason") or "")
        st.warning(t("sources.uncertain", reason=reason), icon=":material/help:")
    if fact.get("status") != "reported":
        st.info(t(f"sources.status_note.{fact['status']}"), icon=":material/flag:")
    if document is None:
        no_figure("empty.no_document")
        return
    source_line = " · ".join(safe_text.markdown(document[k]) for k in ("publisher", "title"))
    url = document.get("url")
    if isinstance(url, str) and safe_text.is_web_address(url):
        source_line += f" · [{t('link.original')}](<{safe_text.link_target(url)}>)"
    st.markdown(source_line)
    if document.get("document_kind") == "excerpt":
        st.caption(t("sources.excerpt_only"))
    confirmed = "yes" if bool(document.get("text_confirmed")) else "no"
    note = document.get("confirmed_note")
    st.text(t(f"sources.text_confirmed.{confirmed}", note=note if isinstance(note, str) else ""))
    document_with_quote(document["text"], fact["quote"], scroll_to_it=arrived)
