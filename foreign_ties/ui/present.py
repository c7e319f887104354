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
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foreign_ties import chart_images, data_version, deck_layout, downloads, live_link, slides, ui
from foreign_ties import deck as deck_files
from foreign_ties.i18n import current_language, t
from foreign_ties.state import Filters, parse_slide
from foreign_ties.ui import present_view as view

_HERE = Path(__file__).parent
SLIDE_PARAM = "slide"
_STATE = "present_slide"
NEXT_KEY, PREVIOUS_KEY = "present_next", "present_previous"
MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "zip": "application/zip",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}

# Projector layout: hides Streamlit's chrome; the chart takes what the viewport leaves.
CSS = f"<style>{(_HERE / 'present.css').read_text(encoding='utf-8')}</style>"

# Installed once per browser tab; no-ops on pages without the buttons or a chart.
KEYS_JS = "".join(
    f"<script>{(_HERE / name).read_text(encoding='utf-8')}</script>"
    for name in ("present_keys.js", "present_fit.js")
)


@st.cache_resource(max_entries=8, show_spinner=False)
def _slides(filters: Filters, lang: str, version: str) -> list[slides.Slide]:
    """The deck per filters, language and data version (building it takes a second or two)."""
    return slides.build_slides(filters)


data_version.on_reset(_slides.clear)


@st.cache_resource(max_entries=8, show_spinner=False)
def _pages(filters: Filters, lang: str, version: str, today: dt.date) -> list[tuple[str, object]]:
    """`pages` of the deck, kept like the deck: the opening's headlines took about 70 % of a
    slide's run when they were chosen again on every key press. `today` is the opening's
    date."""
    return pages(_slides(filters, lang, version), filters, today)


data_version.on_reset(_pages.clear)


def pages(
    deck: list[slides.Slide], filters: Filters, today: dt.date | None = None
) -> list[tuple[str, object]]:
    """The pages in the order of the deck files: opening, slides, sources, closing."""
    items: list[tuple[str, object]] = [("opening", slides.opening(filters, deck, today))]
    items += [(slide.kind, slide) for slide in deck]
    found = slides.all_sources(deck)
    step = deck_layout.SOURCES_PER_PAGE
    items += [("sources", (n, found[n : n + step])) for n in range(0, len(found), step)]
    return [*items, ("closing", None)]


def _slide_number(total: int) -> int:
    """The slide from the URL when it is new input, else this session's; bad -> 1, noticed."""
    if _STATE not in st.session_state or ui._url_changed(SLIDE_PARAM):
        number, notices = parse_slide(st.query_params.get_all(SLIDE_PARAM), total)
        for notice in notices:
            st.warning(ui.notice_text(notice), icon=":material/warning:")
        st.session_state[_STATE] = number
    st.session_state[_STATE] = min(max(1, int(st.session_state[_STATE])), total)
    return st.session_state[_STATE]


def _move(step: int, total: int) -> None:
    st.session_state[_STATE] = min(max(1, st.session_state.get(_STATE, 1) + step), total)


def _base() -> str:
    try:
        return live_link.base_url(st.context.url)
    except Exception:  # no browser session (AppTest): the configured or default address
        return live_link.base_url()


def render() -> None:
    filters = ui.filters()
    st.html(CSS)
    deck = _slides(filters, current_language(), data_version.current().id)
    if not deck:
        ui.header("present.title")
        ui.no_figure("present.empty")
        return
    sequence = _pages(filters, current_language(), data_version.current().id, dt.date.today())
    total = len(sequence)
    number = _slide_number(total)
    kind, item = sequence[number - 1]
    lang = current_language()
    base = _base()
    here = live_link.slide_url(base, filters, number, lang)
    if kind != "closing":
        view.qr_corner(here)
    if kind == "opening":
        view.opening_page(item)
    elif kind == "chart":
        view.chart_page(item)
    elif kind == "number":
        view.number_page(item)
    elif kind == "sources":
        view.sources_page(*item)
    else:
        view.closing_page(live_link.slide_url(base, filters, 1, lang))
    _nav(number, total, deck, filters, item if kind in ("chart", "number") else None)
    st.html(KEYS_JS, unsafe_allow_javascript=True)
    ui.page_param(SLIDE_PARAM, str(number))


def _nav(number: int, total: int, deck, filters: Filters, slide) -> None:
    previous, counter, following, files = st.columns([2, 3, 2, 2], vertical_alignment="center")
    previous.button(
        t("present.previous"),
        key=PREVIOUS_KEY,
        on_click=_move,
        args=(-1, total),
        disabled=number == 1,
        icon=":material/arrow_back:",
        width="stretch",
    )
    counter.html(
        f"<div class='ft-counter' title='{html.escape(t('present.keys_hint'))}'>"
        f"{html.escape(t('present.counter', n=number, total=total))}</div>"
    )
    following.button(
        t("present.next"),
        key=NEXT_KEY,
        on_click=_move,
        args=(1, total),
        disabled=number == total,
        icon=":material/arrow_forward:",
        width="stretch",
    )
    with files.popover(t("present.downloads"), icon=":material/download:", width="stretch"):
        _deck_downloads(deck, filters)
        if slide is not None:
            downloads_for_view(
                slides.standalone(slide) if slide.figure is not None else None,
                slide.rows,
                filters,
                f"slide-{number}",
                data=False,
                in_a_row=False,
            )


def _name(filters: Filters, suffix: str, ext: str) -> str:
    places = "-".join(filters.provinces) if len(filters.provinces) < 4 else "all"
    return f"foreign-affairs_{places}_{filters.year_from}-{filters.year_to}_{suffix}.{ext}"


def _deck_downloads(deck: list[slides.Slide], filters: Filters) -> None:
    lang = current_language()
    base = _base()
    for fmt in ("pptx", "pdf"):
        st.download_button(
            t(f"present.download.{fmt}"),
            data=lambda fmt=fmt: _deck_file(filters, lang, fmt, base),
            file_name=_name(filters, "deck", fmt),
            mime=MIME[fmt],
            key=f"present_deck_{fmt}",
            on_click="ignore",
            icon=":material/slideshow:",
            width="stretch",
        )


def _deck_file(filters: Filters, lang: str, fmt: str, base: str) -> bytes:
    from foreign_ties.i18n import set_language

    set_language(lang)  # the download runs outside the script run
    return deck_files.build(
        filters, fmt, deck=_slides(filters, lang, data_version.current().id), base=base
    )


def downloads_for_view(
    figure: go.Figure | None,
    rows: pd.DataFrame | Callable[[], pd.DataFrame],
    filters: Filters,
    name: str,
    images: bool = True,
    data: bool = True,
    in_a_row: bool = True,
) -> None:
    """Download buttons for one view: its chart (PNG at scale 2, SVG) and its figures
    (CSV and XLSX with their sources and a citation line). Files are made on click.
    `rows` may be a loader, called only then (a long list's every match, e.g. Sources: the
    page shows one page of it); a caller passes one only when something matches.

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
        buttons += [
            ("png", made(chart_images.image, figure, "png")),
            ("svg", made(chart_images.image, figure, "svg")),
        ]
    load = rows if callable(rows) else lambda: rows
    if data and (callable(rows) or not rows.empty):
        buttons += [
            (fmt, made(lambda write: write(load(), filters, today), write))
            for fmt, write in (
                ("csv", downloads.facts_csv),
                ("zip", downloads.facts_zip),
                ("xlsx", downloads.facts_xlsx),
            )
        ]
    if not buttons:
        return
    # One horizontal container (wrapping on a narrow screen), not a column per button: a
    # column is two more elements to build and send on every run (Trade had 25 buttons).
    place = st.container(horizontal=True) if in_a_row else st.container()
    for fmt, make in buttons:
        place.download_button(
            t(f"present.download.{fmt}"),
            data=make,
            file_name=_name(filters, name, fmt),
            mime=MIME[fmt],
            key=f"download_{name}_{fmt}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
