"""What one page of Present mode shows: opening, chart, big number, sources or closing.

Every size is in `--u` (present.css): 1 px of a 1920x1080 slide, scaled to the screen
(min of width/1920 and height/1080), so a page that fits a 1920x1080 projector fits a
1280x800 laptop too, and no text is below 24 px at 1920. Text is laid in Liberation Sans
(static/fonts), the font the deck files are measured with, so the chart's height can be
computed from the measured lines of the title, takeaway and sources.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go
import streamlit as st

from foreign_ties import deck_layout, live_link, safe_text, slides, ui
from foreign_ties.i18n import t

CONTENT = 1920 - 2 * 56  # px of text width on a slide (padding 56 px each side)
TITLE_WIDTH = CONTENT - 200  # the QR code takes the top-right corner
NAV = 64  # the row of buttons


def _e(text: str) -> str:
    return html.escape(text)


def lines(text: str, size: float, box: float, bold: bool = False) -> int:
    return max(1, len(deck_layout.wrap(text, size, box, bold)))


def qr_corner(url: str) -> None:
    st.html(
        f"<a class='ft-qr' href='{_e(url)}' title='{_e(t('present.qr_alt'))}' "
        f"aria-label='{_e(t('present.qr_alt'))}'><img src='{_e(live_link.qr_data_uri(url))}' "
        f"alt='{_e(t('present.qr_alt'))}'></a>"
    )


def title(text: str, deck_title: bool = False) -> None:
    with st.container(key="present_deck_title" if deck_title else "present_title"):
        st.title(safe_text.markdown(text), anchor=False)  # names in titles are data


def chart_page(slide: slides.Slide) -> None:
    title(slide.title)
    used = (
        30  # top padding
        + lines(slide.title, 56, TITLE_WIDTH, True) * 56 * 1.15
        + lines(slide.takeaway, 36, CONTENT, True) * 36 * 1.25
        + lines(slide.footnote, 24, CONTENT) * 24 * 1.3
        + NAV
        + 5 * 14  # gaps between the blocks
        + 40  # bottom padding and rounding
    )
    height = max(300, 1080 - used)
    fig = go.Figure(slide.figure).update_layout(height=None)
    if ui.on_phone():  # read in the hand: as tall as its phone layout needs (phone_charts)
        ui.chart(fig, key="present_chart")
    else:  # laid out at slide size, zoomed to the screen (present.css, present_fit.js)
        st.html(f"<style>:root {{--chart-h: {height:.0f}}}</style>")
        ui.chart(fig, key="present_chart", height="stretch")
    st.html(f"<div class='ft-takeaway'>{_e(slide.takeaway)}</div>")
    footnote(slide)


def footnote(slide: slides.Slide) -> None:
    st.html(f"<div class='ft-footnote'>{_e(slide.footnote)}</div>")


def number_page(slide: slides.Slide) -> None:
    title(slide.title)
    st.html(
        f"<div class='ft-big'>{_e(slide.big)}</div>"
        f"<div class='ft-takeaway'>{_e(slide.takeaway)}</div>"
        f"<blockquote class='ft-sentence'>“{_e(slide.sentence)}”</blockquote>"
        + (
            f"<div class='ft-gloss'>{_e(t('present.gloss', gloss=slide.gloss))}</div>"
            if slide.gloss
            else ""
        )
    )
    footnote(slide)


def opening_page(opening: slides.Opening) -> None:
    cells = "".join(
        f"<div class='ft-headline'><div class='ft-headline-value'>{_e(h.value)}</div>"
        f"<div class='ft-headline-label'>{_e(h.label)}</div>"
        f"<div class='ft-headline-period'>{_e(h.period)}</div></div>"
        for h in opening.headlines
    )
    title(opening.title, deck_title=True)
    st.html(
        f"<div class='ft-opening'><div class='ft-places'>{_e(opening.places)}</div>"
        f"<div class='ft-date'>{_e(opening.date)}</div>"
        f"<div class='ft-headlines'>{cells}</div></div>"
    )


def sources_page(first: int, found) -> None:
    title(t("present.sources_title" if first == 0 else "present.sources_more"))
    items = "".join(
        f"<li value='{n}'>"
        + (
            f"<a href='{_e(url)}' rel='noopener' target='_blank'>{_e(name)}</a>"
            if url
            else _e(name)
        )
        + "</li>"
        for n, (name, url) in enumerate(found, first + 1)
    )
    st.html(f"<ol class='ft-sources'>{items}</ol>")


def closing_page(url: str) -> None:
    title(t("present.closing_title"))
    st.html(
        f"<div class='ft-closing'><div class='ft-takeaway'>{_e(t('present.closing_text'))}</div>"
        f"<a class='ft-qr-big' href='{_e(url)}'><img src='{_e(live_link.qr_data_uri(url))}' "
        f"alt='{_e(t('present.qr_alt'))}'></a>"
        f"<div class='ft-footnote'><a href='{_e(url)}'>{_e(url)}</a></div></div>"
    )
