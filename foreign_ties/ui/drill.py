"""Charts whose bars and points open the figure behind them (value, period, sentence, source),
below the chart; the open figure is part of the URL (`figure=<fact id>`)."""

from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from foreign_ties import drill, safe_text, ui
from foreign_ties.i18n import t
from foreign_ties.state import Filters

_PICK = "_drill_pick"  # session: the open figure
_SEEN = "_drill_seen"  # session: chart key -> the selection last seen on it


def chart(
    fig: go.Figure | None, key: str, height: str | int = "content", narrow: bool = False
) -> None:
    """A chart a click can drill into (Streamlit selection events, points mode); `narrow`: in
    a column about a phone wide (ui.fig_for_screen)."""
    if fig is None:
        ui.no_figure()
        return
    event = st.plotly_chart(
        ui.fig_for_screen(fig, narrow),
        key=key,
        theme=None,
        height=height,
        config=ui.PLOTLY_CONFIG,
        on_select="rerun",
        selection_mode="points",
    )
    points = list(getattr(getattr(event, "selection", None), "points", None) or [])
    clicked = drill.fact_ids(points)
    seen = st.session_state.setdefault(_SEEN, {})
    if clicked != seen.get(key, []):
        seen[key] = clicked
        st.session_state[_PICK] = ("click", clicked)


def details(rows: pd.DataFrame, filters: Filters) -> None:
    """The figure a click (or the link) opened, if the view still has it; a hint otherwise."""
    available = list(rows["fact_id"]) if "fact_id" in rows else []
    linked = ui.url_value(drill.PARAM)
    previous = st.session_state.get("_drill_open")
    if linked and (ui.url_changed(drill.PARAM) or previous is None):
        previous = linked
    pick = st.session_state.pop(_PICK, None)
    chosen = drill.choose(pick[1] if pick else None, previous, available)
    st.session_state["_drill_open"] = chosen
    ui.page_param(drill.PARAM, chosen)
    if chosen is None:
        st.caption(t("drill.hint"))
        return
    fact = rows[rows["fact_id"] == chosen].iloc[0]
    shown = drill.details(fact)
    source = html.escape(f"{shown['publisher']} · {shown['title']}".strip(" ·"))
    links = f"<a href='{html.escape(ui.link_to_fact(chosen, filters))}' target='_self'>"
    links += f"{html.escape(t('drill.in_its_document'))}</a>"
    if shown["url"] and safe_text.is_web_address(shown["url"]):  # never javascript: or data:
        links += f" · <a href='{html.escape(shown['url'])}'>{html.escape(t('link.original'))}</a>"
    parts = [
        f"<div class='ft-drill' id='drill'><div class='ft-label'><b>{html.escape(shown['heading'])}"
        "</b></div>",
        f"<span class='ft-value'>{html.escape(shown['value'])}</span> ",
        f"<span class='ft-period'>{html.escape(shown['period'])}</span>",
    ]
    if shown["certainty"]:
        parts.append(f"<div class='ft-period'>{html.escape(shown['certainty'])}</div>")
    parts.append(f"<blockquote class='ft-drill-quote'>{html.escape(shown['quote'])}</blockquote>")
    if shown["gloss"]:
        parts.append(
            f"<div class='ft-period'>{html.escape(t('sources.gloss', gloss=shown['gloss']))}</div>"
        )
    parts.append(f"<div class='ft-period'>{source} · {links}</div></div>")
    with st.container(border=True):
        st.markdown("".join(parts), unsafe_allow_html=True)
