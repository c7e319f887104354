"""Present mode: full-screen slides for a projector, and download buttons for any view.

The page hides Streamlit's header, toolbar and sidebar (CSS injected on this page only);
the shared filters still apply from the URL. The slide number is the `slide` URL
parameter (1-based). A small script on the top document turns the keys presentation
clickers send into clicks on the Next / Previous buttons, found by their widget keys
(Streamlit gives each keyed widget's container the class `st-key-<key>`).
"""
from __future__ import annotations

import datetime as dt
import html
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foreign_ties import deck as deck_files
from foreign_ties import exporting, slides
from foreign_ties import ui
from foreign_ties.i18n import current_language, t
from foreign_ties.state import Filters

SLIDE_PARAM = "slide"
_STATE = "present_slide"
NEXT_KEY, PREVIOUS_KEY = "present_next", "present_previous"
MIME = {"png": "image/png", "svg": "image/svg+xml", "csv": "text/csv",
        "pdf": "application/pdf",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation"}

CSS = """
<style>
[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] {display: none !important;}
[data-testid="stMainBlockContainer"] {max-width: 100% !important; padding: 1.2rem 3.5rem 0.5rem 3.5rem !important;}
[data-testid="stMain"] h1 {font-size: 56px !important; line-height: 1.15; font-weight: 700;
                           color: #000; padding: 0 0 0.2rem 0 !important;}
/* The chart takes what the viewport leaves after title, takeaway, footnote and buttons, so a
   slide fits a 1280x800 laptop as well as a 1920x1080 projector without scrolling. */
.st-key-present_chart {height: max(300px, calc(100vh - 360px)) !important;}
[data-testid="stMarkdownContainer"] .ft-takeaway {font-size: 38px !important; font-weight: 700;
                           color: #000; line-height: 1.25; margin: 0 0 0.3rem 0;}
[data-testid="stMarkdownContainer"] .ft-footnote {font-size: 22px !important; color: #222; margin: 0;}
[data-testid="stMarkdownContainer"] .ft-counter {font-size: 26px !important; color: #111; text-align: center;}
[data-testid="stMarkdownContainer"] .ft-counter small {font-size: 18px; color: #333;}
.st-key-present_next button, .st-key-present_previous button, [data-testid="stPopover"] button {min-height: 3.2rem;}
.st-key-present_next p, .st-key-present_previous p, [data-testid="stPopover"] > div > button p {font-size: 24px !important;}
</style>
"""

# Installed once per browser tab; a no-op on pages without the buttons.
KEYS_JS = """
<script>
(function () {
  const doc = window.top ? window.top.document : document;
  if (doc.ftPresentKeys) { return; }
  doc.ftPresentKeys = true;
  const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Spacebar"]);
  const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp"]);
  doc.addEventListener("keydown", function (event) {
    const key = NEXT.has(event.key) ? "present_next" : PREVIOUS.has(event.key) ? "present_previous" : null;
    if (!key || event.altKey || event.ctrlKey || event.metaKey) { return; }
    const target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
                   || target.closest('[role="slider"], [role="listbox"], [role="combobox"]'))) { return; }
    const button = doc.querySelector(".st-key-" + key + " button");
    if (!button) { return; }
    event.preventDefault();
    event.stopPropagation();
    if (!button.disabled) { button.click(); }
  }, true);
})();
</script>
"""


@st.cache_resource(max_entries=8, show_spinner=False)
def _deck(filters: Filters, lang: str) -> list[slides.Slide]:
    """The deck per filters and language (building it takes about a second)."""
    return slides.deck(filters)


def _slide_number(total: int) -> int:
    """The slide from the URL when it is new input, else this session's; bad -> 1, noticed."""
    if _STATE not in st.session_state or ui._url_changed(SLIDE_PARAM):
        raw = st.query_params.get_all(SLIDE_PARAM)
        value = raw[0] if raw else "1"
        if re.fullmatch(r"\d{1,4}", value) and 1 <= int(value) <= total:
            st.session_state[_STATE] = int(value)
        else:
            shown = "".join(c for c in value if c.isprintable())[:20]
            st.warning(t("present.bad_slide", value=shown, total=total), icon=":material/warning:")
            st.session_state[_STATE] = 1
    st.session_state[_STATE] = min(max(1, int(st.session_state[_STATE])), total)
    return st.session_state[_STATE]


def _move(step: int, total: int) -> None:
    st.session_state[_STATE] = min(max(1, st.session_state.get(_STATE, 1) + step), total)


def render() -> None:
    filters = ui.filters()
    st.html(CSS)
    deck = _deck(filters, current_language())
    if not deck:
        ui.header("present.title")
        ui.no_figure("present.empty")
        return
    number = _slide_number(len(deck))
    slide = deck[number - 1]
    st.title(slide.title, anchor=False)
    # The screen copy has no fixed height: it fills .st-key-present_chart (see CSS).
    ui.chart(go.Figure(slide.figure).update_layout(height=None), key="present_chart",
             height="stretch")
    st.markdown(f"<div class='ft-takeaway'>{html.escape(slide.takeaway)}</div>", unsafe_allow_html=True)
    st.markdown(f"<div class='ft-footnote'>{html.escape(slide.footnote)}</div>", unsafe_allow_html=True)
    previous, counter, following, files = st.columns([2, 3, 2, 2], vertical_alignment="center")
    previous.button(t("present.previous"), key=PREVIOUS_KEY, on_click=_move, args=(-1, len(deck)),
                    disabled=number == 1, icon=":material/arrow_back:", width="stretch")
    counter.markdown(f"<div class='ft-counter'>{html.escape(t('present.counter', n=number, total=len(deck)))}"
                     f"<br><small>{html.escape(t('present.keys_hint'))}</small></div>",
                     unsafe_allow_html=True)
    following.button(t("present.next"), key=NEXT_KEY, on_click=_move, args=(1, len(deck)),
                     disabled=number == len(deck), icon=":material/arrow_forward:", width="stretch")
    with files.popover(t("present.downloads"), icon=":material/download:", width="stretch"):
        _deck_downloads(deck, filters)
        downloads_for_view(slides.standalone(slide), slide.rows, filters, f"slide-{number}",
                           data=False, in_a_row=False)
    st.html(KEYS_JS, unsafe_allow_javascript=True)
    ui.page_param(SLIDE_PARAM, str(number))


def _name(filters: Filters, suffix: str, ext: str) -> str:
    places = "-".join(filters.provinces) if len(filters.provinces) < 4 else "all"
    return f"foreign-affairs_{places}_{filters.year_from}-{filters.year_to}_{suffix}.{ext}"


def _deck_downloads(deck: list[slides.Slide], filters: Filters) -> None:
    lang = current_language()
    for fmt in ("pptx", "pdf"):
        st.download_button(
            t(f"present.download.{fmt}"), data=lambda fmt=fmt: _deck_file(filters, lang, fmt),
            file_name=_name(filters, "deck", fmt), mime=MIME[fmt], key=f"present_deck_{fmt}",
            on_click="ignore", icon=":material/slideshow:", width="stretch")


def _deck_file(filters: Filters, lang: str, fmt: str) -> bytes:
    from foreign_ties.i18n import set_language

    set_language(lang)  # the download runs outside the script run
    return deck_files.build(filters, fmt, deck=_deck(filters, lang))


def downloads_for_view(figure: go.Figure | None, rows: pd.DataFrame, filters: Filters,
                       name: str, images: bool = True, data: bool = True,
                       in_a_row: bool = True) -> None:
    """Download buttons for one view: its chart (PNG at scale 2, SVG) and its figures
    (CSV and XLSX with their sources and a citation line). Files are made on click.

    Other pages can call it under a chart, e.g.
    `ui.present.downloads_for_view(figure, series, filters, "compare")`.
    """
    lang = current_language()
    today = dt.date.today()

    def made(fn, *args):
        def make() -> bytes:
            from foreign_ties.i18n import set_language

            set_language(lang)
            return fn(*args)
        return make

    buttons = []
    if images and figure is not None:
        buttons += [("png", made(exporting.image, figure, "png")),
                    ("svg", made(exporting.image, figure, "svg"))]
    if data and not rows.empty:
        buttons += [("csv", made(exporting.facts_csv, rows, filters, today)),
                    ("xlsx", made(exporting.facts_xlsx, rows, filters, today))]
    if not buttons:
        return
    places = st.columns(4) if in_a_row else [st.container() for _ in buttons]
    for (fmt, make), place in zip(buttons, places):
        place.download_button(t(f"present.download.{fmt}"), data=make,
                           file_name=_name(filters, name, fmt), mime=MIME[fmt],
                           key=f"download_{name}_{fmt}", on_click="ignore",
                           icon=":material/download:", width="stretch")
