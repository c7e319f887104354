"""The ranking among provinces, laid out: a card per province with each published rank, its
sentence and its source, "not in the published list" where there is none (Overview's "Where
do we rank?" and Compare's ranking use the same cards)."""

from __future__ import annotations

import html

import streamlit as st

from foreign_ties import catalog, charts, ranking, safe_text, ui
from foreign_ties.i18n import t
from foreign_ties.state import Filters


def _rank_html(rank: ranking.Rank, filters: Filters) -> str:
    where = f" · {safe_text.html_block(rank.territory)}" if rank.territory else ""
    gloss = (
        f"<br><span class='ft-basis'>{safe_text.html_block(t('sources.gloss', gloss=rank.gloss))}"
        "</span>"
        if rank.gloss
        else ""
    )
    page = (
        f" · <a href='{html.escape(rank.url, quote=True)}' target='_blank' rel='noopener'>"
        f"{html.escape(t('rank.page'))}</a>"
        if rank.url and safe_text.is_web_address(rank.url)
        else ""
    )
    sentence = safe_text.html_block(t("rank.sentence", quote=rank.quote))
    return (
        "<div class='ft-figure ft-rank'>"
        f"<span class='ft-value'>{safe_text.html_block(rank.rank)}</span>"
        f"{ui.certainty_html(rank.certainty)}<br>"
        f"<span class='ft-label'>{safe_text.html_block(rank.measure)}</span><br>"
        f"<span class='ft-period'>{safe_text.html_block(rank.period)}{where}</span><br>"
        f"<span class='ft-basis'>{sentence}</span>{gloss}<br>"
        f"<span class='ft-period'>{safe_text.html_block(rank.source)} · "
        f"<a href='{html.escape(ui.link_to_fact(rank.fact_id, filters))}' target='_self'>"
        f"{html.escape(t('link.source'))}</a>{page}</span></div>"
    )


def _none(key: str) -> str:
    return f"<p class='ft-none'>{html.escape(t(key))}</p>"


def card(result: ranking.PlaceRanks, filters: Filters, home: str | None = None) -> str:
    """One province: its FDI ranks (or that it has none), then its ranks on other measures."""
    colour = charts.colour(result.place)
    mark = f" · {html.escape(t('rank.your_province'))}" if result.place == home else ""
    parts = [
        f"<div class='ft-tile'><div class='ft-place' style='--ft-colour:{colour}'>"
        f"{safe_text.html_block(catalog.place_name(result.place))}{mark}</div>"
    ]
    if not result.ranks:
        parts.append(_none("rank.not_listed"))
    else:
        parts += [_rank_html(r, filters) for r in result.fdi] or [_none("rank.not_listed_fdi")]
        if result.other:
            parts.append(f"<p class='ft-label'><b>{html.escape(t('rank.other'))}</b></p>")
            parts += [_rank_html(r, filters) for r in result.other]
    parts.append("</div>")
    return "".join(parts)


def cards(places: tuple[str, ...], filters: Filters, home: str | None = None) -> list:
    """The cards of the chosen provinces side by side, the nation's absence said in words."""
    results = ranking.place_ranks(places, filters)
    if results:
        ui.tile_row([card(result, filters, home) for result in results])
        st.markdown(
            f"<p class='ft-answer-note'>{html.escape(ranking.summary(results))}</p>",
            unsafe_allow_html=True,
        )
    if len(ranking.ranked_places(places)) < len(places):
        st.caption(t("rank.nation_not_ranked", nation=catalog.place_name(catalog.nation())))
    st.caption(t("rank.how"))
    return results


def answer(places: tuple[str, ...], filters: Filters, home: str) -> list:
    """The Overview's "Where do we rank?": the question as a heading, then the cards."""
    st.markdown(f"#### {html.escape(t('question.rank'))}")
    return cards(places, filters, home)


def compare_section(filters: Filters) -> list:
    """Compare's ranking: each chosen province's published ranks, year by year."""
    st.markdown(f"#### {html.escape(t('rank.compare_title'))}")
    st.caption(t("rank.compare_lede"))
    return cards(filters.provinces, filters)
