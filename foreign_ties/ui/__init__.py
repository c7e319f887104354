"""The only module that imports Streamlit: shared set-up, filters and small renderers.

URL <-> widgets: a parameter in the URL that differs from what this session last wrote is
new input (a pasted link, a page link) and sets the widget; otherwise the widget wins and
its value is written back to the URL at the end of the run. This keeps every filter in
the URL, carries it across pages and never trusts the URL's text: values are parsed by
`state` against fixed lists first.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foreign_ties import catalog, charts, data_version, safe_text, sent, site, state, views
from foreign_ties.i18n import (
    LANGUAGE_NAMES,
    LANGUAGES,
    current_language,
    language_from_locale,
    set_language,
    t,
    tn,
)
from foreign_ties.paths import ROOT
from foreign_ties.state import Filters

FAVICON = (
    ROOT / "static" / "favicon.png"
)  # a local file: emoji and icon favicons are fetched from the web

# Every chart's Plotly config. No mode bar: its tooltips are English only ("Download plot as
# a PNG") and the page's own download buttons, in the reader's language, do what it did.
PLOTLY_CONFIG = {"displaylogo": False, "displayModeBar": False, "responsive": True}


CSS = f"<style>{(ROOT / 'foreign_ties' / 'ui' / 'app.css').read_text('utf-8')}</style>"

_WRITTEN = "_url_written"  # session key: the URL parameters this session last wrote
_PAGE_PARAMS = "_page_params"  # session key: parameters pages registered during this run


def url_changed(param: str) -> bool:
    """The URL carries a value for `param` that this session did not write (a link's own)."""
    return _url_changed(param)


def _url_changed(param: str) -> bool:
    raw = st.query_params.get_all(param)
    return bool(raw) and raw != st.session_state.get(_WRITTEN, {}).get(param)


def _seed(widget_key: str, param: str, value: object) -> None:
    """Set a widget's value from the URL on first sight or when the URL has new input."""
    if widget_key not in st.session_state or _url_changed(param):
        st.session_state[widget_key] = value


def browser_language() -> str:
    """Vietnamese when the browser asks for Vietnamese, English otherwise."""
    return language_from_locale(st.context.locale or st.context.headers.get("Accept-Language", ""))


def _language() -> str:
    """The language from the URL (`lang`), else the session's choice, else the browser's."""
    lang, notices = state.parse_choice(
        st.query_params.get_all(state.LANGUAGE_KEY),
        LANGUAGES,
        browser_language(),
        state.LANGUAGE_KEY,
    )
    _seed("filter_lang", state.LANGUAGE_KEY, lang)
    if st.session_state.get("filter_lang") not in LANGUAGES:
        st.session_state["filter_lang"] = lang
    if _url_changed(state.LANGUAGE_KEY):
        st.session_state.setdefault("_notices", []).extend(notices)
    return st.session_state["filter_lang"]


def setup() -> Filters:
    """Page config, styles, language and the shared sidebar filters; returns the filters."""
    data_version.pin()  # this run reads one data version; a new one resets every cache
    st.session_state[_PAGE_PARAMS] = {}
    set_language(_language())
    st.set_page_config(page_title=t("app.title"), page_icon=str(FAVICON), layout="wide")
    st.html(CSS)
    place_ids = [p for p in catalog.places() if p in catalog.COMPARED_PLACES]
    bounds = catalog.year_bounds()
    params = {key: st.query_params.get_all(key) for key in (state.PROVINCES_KEY, state.YEARS_KEY)}
    parsed, notices = state.from_query(params, place_ids, catalog.COMPARED_PLACES, bounds)
    _seed("filter_provinces", state.PROVINCES_KEY, list(parsed.provinces))
    _seed("filter_years", state.YEARS_KEY, (parsed.year_from, parsed.year_to))
    if _url_changed(state.PROVINCES_KEY) or _url_changed(state.YEARS_KEY):
        st.session_state.setdefault("_notices", []).extend(notices)
    with st.sidebar:
        st.segmented_control(
            t("filters.language"),
            LANGUAGES,
            key="filter_lang",
            format_func=lambda code: LANGUAGE_NAMES[code],
        )
        page_param(state.LANGUAGE_KEY, current_language())
        st.markdown(f"### {t('filters.heading')}")
        chosen = st.multiselect(
            t("filters.provinces"),
            place_ids,
            key="filter_provinces",
            format_func=catalog.place_name,
            placeholder=t("filters.provinces_placeholder"),
        )
        years = st.slider(t("filters.years"), bounds[0], bounds[1], key="filter_years", step=1)
        st.caption(t("filters.caption"))
    filters = Filters(tuple(chosen) or tuple(catalog.COMPARED_PLACES), int(years[0]), int(years[1]))
    _remember_home(place_ids)
    for notice in st.session_state.pop("_notices", []):
        st.warning(notice_text(notice), icon=":material/warning:")
    return filters


def _remember_home(place_ids: Sequence[str]) -> None:
    """The leader's province stays in the URL on every page once chosen (or linked)."""
    raw = st.query_params.get_all(state.HOME_KEY)
    if raw and raw[0] in place_ids and _url_changed(state.HOME_KEY):
        st.session_state["_home"] = raw[0]
    page_param(state.HOME_KEY, st.session_state.get("_home"))


def home(place_ids: Sequence[str], default: str) -> str:
    """The leader's province: pills seeded from the URL, remembered for the session."""
    chosen = choice(
        t("overview.province"),
        state.HOME_KEY,
        list(place_ids),
        st.session_state.get("_home", default),
        format_func=catalog.place_name,
        widget="pills",
    )
    st.session_state["_home"] = chosen or st.session_state.get("_home", default)
    page_param(state.HOME_KEY, st.session_state["_home"])
    return st.session_state["_home"]


def page_param(param: str, value: str | list[str] | None) -> None:
    """Register a page-only URL parameter for this run (dropped on other pages)."""
    if value not in (None, "", []):
        st.session_state[_PAGE_PARAMS][param] = value if isinstance(value, list) else [value]


def sync_url(filters: Filters) -> None:
    """Write the view to the URL so a copied link reproduces it exactly."""
    params = {**filters.query(), **st.session_state.get(_PAGE_PARAMS, {})}
    if {k: st.query_params.get_all(k) for k in st.query_params} != params:
        st.query_params.from_dict(params)
    st.session_state[_WRITTEN] = params


def choice(
    label: str,
    param: str,
    options: Sequence[str],
    default: str | None,
    format_func: Callable[[str], str],
    widget: str = "selectbox",
    help: str | None = None,
) -> str | None:
    """A page-level choice from a fixed list, seeded from and written to the URL."""
    key = f"page_{param}"
    value, notices = state.parse_choice(st.query_params.get_all(param), options, default, param)
    if _url_changed(param):  # only a link's own value earns a notice, never a stale one we wrote
        for notice in notices:
            st.warning(notice_text(notice), icon=":material/warning:")
    if value not in options:
        value = default
    _seed(key, param, value)
    current = st.session_state.get(key)
    # Written back even when unchanged: the browser returns a choice by its label, and a
    # label may change between runs (Compare's names a measure's coverage, which changes
    # with the places). A value set here is matched by its new label and kept.
    st.session_state[key] = current if current in options else default
    if widget == "pills":
        chosen = st.pills(label, options, key=key, format_func=format_func, help=help)
    else:
        chosen = st.selectbox(label, options, key=key, format_func=format_func, help=help)
    page_param(param, chosen)
    return chosen


def url_value(param: str) -> str | None:
    """The first value the URL carries for `param` (to be checked against a list by the caller)."""
    raw = st.query_params.get_all(param)
    return raw[0] if raw else None


def text_param(label: str, param: str) -> str:
    key = f"page_{param}"
    raw = st.query_params.get_all(param)
    _seed(key, param, (raw[0] if raw else "")[:100])
    value = st.text_input(label, key=key, max_chars=100)
    page_param(param, value)
    return value


def header(title_key: str, lede_key: str | None = None, **values: str) -> None:
    values = {k: safe_text.markdown(v) for k, v in values.items()}  # place names are data
    st.title(t(title_key, **values))
    if lede_key:
        st.markdown(t(lede_key, **values))


def link_to_fact(fact_id: str, filters: Filters) -> str:
    """A link that opens the Sources page on this figure's sentence."""
    return "sources?" + urlencode({**filters.query(), "fact": fact_id}, doseq=True)


def link_to_sources(filters: Filters, family: str) -> str:
    """A link that opens the Sources page on every figure of a family in these filters."""
    return "sources?" + urlencode({**filters.query(), "family": family}, doseq=True)


def table_with_sources(
    rows: pd.DataFrame, filters: Filters, fact_columns: tuple[str, ...], key: str, empty_key: str
) -> None:
    """A table of computed figures whose `fact_columns` (message keys; cells are fact ids)
    become links to each input's sentence on the Sources page, never ids shown as text."""
    if rows.empty:
        no_figure(empty_key)
        return
    rows = rows.copy()
    config = {}
    for column_key in fact_columns:
        column = t(column_key)
        rows[column] = [link_to_fact(fact_id, filters) for fact_id in rows[column]]
        config[column] = st.column_config.LinkColumn(display_text=t("column.open_sentence"))
    st.dataframe(rows, hide_index=True, key=key, width="stretch", column_config=config)


def no_figure(message_key: str = "empty.no_published_figure") -> None:
    st.markdown(f"<div class='ft-none'>{html.escape(t(message_key))}</div>", unsafe_allow_html=True)


def tile_row(bodies: list[str]) -> None:
    """Tiles side by side as one element (bordered cells of a CSS grid, app.css .ft-row; one
    above the other on a phone), where bordered st.columns took 2 + 2 per tile: the Overview
    drew 160 elements a run, each built, hashed and sent. `bodies` are built HTML (escaped)."""
    cells = "".join(f"<div class='ft-cell'>{body}</div>" for body in bodies)
    st.markdown(
        f"<div class='ft-row' style='--ft-n:{len(bodies)}'>{cells}</div>", unsafe_allow_html=True
    )


def tile(place_id: str, figures: list[views.TileFigure], filters: Filters) -> str:
    """One place's figures for one family (HTML for tile_row); 'no published figure' when
    there are none."""
    colour = charts.colour(place_id)
    parts = [
        f"<div class='ft-tile'><div class='ft-place' style='--ft-colour:{colour}'>"
        f"{safe_text.html_block(catalog.place_name(place_id))}</div>"
    ]
    if not figures:
        parts.append(f"<p class='ft-none'>{html.escape(t('empty.no_published_figure'))}</p>")
    for fig in figures:
        flag = certainty_html(fig.certainty)
        parts.append(
            "<div class='ft-figure'>"
            f"<span class='ft-value'>{safe_text.html_block(fig.value)}</span>{flag}<br>"
            f"<span class='ft-label'>{safe_text.html_block(fig.label)}</span><br>"
            f"<span class='ft-period'>{safe_text.html_block(fig.period)} · "
            f"<a href='{html.escape(link_to_fact(fig.fact_id, filters))}' target='_self'>"
            f"{html.escape(t('link.source'))}</a></span></div>"
        )
    parts.append("</div>")
    return "".join(parts)


def certainty_html(certainty, note: str = "") -> str:
    """How final a figure is, in words ("not certain", "target"), its reason on hover."""
    if certainty is None:
        return ""
    return (
        f" <span class='ft-certainty' title='{html.escape(certainty.reason, quote=True)}'>"
        f"{html.escape(certainty.word)}{html.escape(note)}</span>"
    )


def chart(fig: go.Figure | None, key: str, height: str = "content", width: str = "stretch") -> None:
    """A figure at its own height ("content"), or filling a container sized by CSS
    ("stretch"); as wide as its column, or at its own width ("content")."""
    if fig is None:
        no_figure()
        return
    # theme=None: the figure's own fonts and colours, identical on screen and in exports.
    st.plotly_chart(
        fig_for_screen(fig), key=key, theme=None, height=height, width=width, config=PLOTLY_CONFIG
    )


def notice_text(notice: state.Notice) -> str:
    """A link notice in the reader's language; one that counts its values (`n`) in the
    plural form for that count."""
    values = dict(notice.values)
    if "n" in values:
        return tn(notice.key, int(values.pop("n")), **values)
    return t(notice.key, **values)


def on_phone() -> bool:
    """The reader's browser says it is a phone (every phone browser puts "Mobi" in its
    User-Agent; Streamlit does not tell the server the screen width)."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def fig_for_screen(fig: go.Figure, narrow: bool = False) -> go.Figure:
    """The figure as built, or restyled to fit a phone (foreign_ties/phone_charts.py), as
    it is in a `narrow` column (three panels side by side are each about a phone wide)."""
    return sent.figure(sent.for_phone(fig) if narrow or on_phone() else fig)


def facts_table(rows: pd.DataFrame, key: str) -> None:
    if rows.empty:
        no_figure()
        return
    st.dataframe(
        sent.facts_table(rows),  # Arrow, made once per shared frame
        hide_index=True,
        key=key,
        width="stretch",
    )


def navigation():
    """The app's pages; see site.PAGES for why url paths differ from file names."""
    pages = [
        st.Page(
            spec.script,
            title=t(spec.title_key),
            url_path=spec.url_path,
            default=spec.default,
            icon=spec.icon,
        )
        for spec in site.PAGES
    ]
    sections: dict[str, list] = {}
    for spec, page in zip(site.PAGES, pages, strict=False):
        sections.setdefault(t(spec.section_key), []).append(page)
    return st.navigation(sections)


def remember_filters(filters: Filters) -> None:
    st.session_state["_filters"] = filters


def filters() -> Filters:
    """The filters app.py set up for this run."""
    return st.session_state["_filters"]


def table_or_none(
    rows: pd.DataFrame, key: str, empty_key: str = "empty.no_published_figure"
) -> None:
    if rows.empty:
        no_figure(empty_key)
    else:
        st.dataframe(rows, hide_index=True, key=key, width="stretch")
