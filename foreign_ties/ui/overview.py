"""The Overview's question-first answers: the leader's province, a few plain questions, and
each answered for the places side by side, with what each measure counts in plain words."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import streamlit as st

from foreign_ties import catalog, charts, national_share, questions, targets, ui
from foreign_ties.i18n import current_language, t
from foreign_ties.state import QUESTION_KEY, Filters

SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"


def question() -> str:
    """The question pills (one click answers it), kept in the URL."""
    chosen = ui.choice(
        t("overview.question"),
        QUESTION_KEY,
        [*questions.QUESTIONS, *questions.LISTED],
        questions.DEFAULT_QUESTION,
        format_func=lambda q: t(f"question.{q}"),
        widget="pills",
    )
    return chosen or questions.DEFAULT_QUESTION


def _note(index: int) -> str:
    return SUPERSCRIPTS[index] if index < len(SUPERSCRIPTS) else f"({index + 1})"


def _cell_html(place: str, cell: questions.Cell | None, note: str, filters: Filters) -> str:
    colour = charts.colour(place)
    head = (
        f"<div class='ft-tile'><div class='ft-place' style='--ft-colour:{colour}'>"
        f"{html.escape(catalog.place_name(place))}</div>"
    )
    if cell is None:
        return head + f"<p class='ft-none'>{html.escape(t('empty.no_published_figure'))}</p></div>"
    link = html.escape(ui.link_to_fact(cell.fact_id, filters))
    return (
        head + "<div class='ft-figure'>"
        f"<span class='ft-value'>{html.escape(cell.value)}</span>"
        f"{ui.certainty_html(cell.certainty, note)}<br>"
        f"<span class='ft-label'>{html.escape(cell.measure)}</span><br>"
        f"<span class='ft-basis'>{html.escape(cell.basis)}</span><br>"
        f"<span class='ft-period'>{html.escape(cell.period)} · "
        f"<a href='{link}' target='_self'>{html.escape(t('link.source'))}</a></span>"
        + _newer_html(cell, filters)
        + "</div></div>"
    )


def _newer_html(cell: questions.Cell, filters: Filters) -> str:
    """A newer figure left out of the tile for being uncertain, said under the certain one."""
    if cell.newer is None:
        return ""
    newer = cell.newer
    link = html.escape(ui.link_to_fact(newer.fact_id, filters))
    text = t("answer.newer", value=newer.value, period=newer.period)
    return (
        f"<br><span class='ft-period'>{html.escape(text)}{ui.certainty_html(newer.certainty)} · "
        f"<a href='{link}' target='_self'>{html.escape(t('link.source'))}</a></span>"
    )


def compare_link(family: str, filters: Filters) -> str:
    query = {**filters.query(), "family": family, "lang": current_language()}
    return "compare?" + urlencode(query, doseq=True)


def answer(result: questions.Answer, filters: Filters) -> None:
    """One row: a tile per place, the measures sentence, the notes on doubtful figures."""
    st.markdown(f"#### {html.escape(t(f'answer.row.{result.row.key}'))}")
    notes: list[str] = []
    cells = []
    for place in result.places:
        cell = result.cells[place]
        note = ""
        if cell is not None and cell.certainty is not None:
            note = _note(len(notes))
            notes.append(f"{note} {catalog.place_name(place)}: {cell.certainty.reason}")
        cells.append(_cell_html(place, cell, note, filters))
    ui.tile_row(cells)
    sentence = questions.measures_sentence(result)
    link = html.escape(compare_link(result.row.family, filters))
    more = f" <a href='{link}' target='_self'>{html.escape(t('answer.over_the_years'))}</a>"
    if sentence:
        st.markdown(
            f"<p class='ft-answer-note'>{html.escape(sentence)}{more}</p>", unsafe_allow_html=True
        )
    if notes:
        st.markdown(
            "<p class='ft-period'>" + "<br>".join(html.escape(n) for n in notes) + "</p>",
            unsafe_allow_html=True,
        )


VERDICT_MARKS = {
    targets.REACHED: "✓",
    targets.NOT_REACHED: "✗",
    targets.CANNOT_TELL: "~",
    targets.NO_RESULT: "…",
}


def _link(label: str, fact_id: str, filters: Filters) -> str:
    """A link to a figure's sentence on Sources."""
    link = html.escape(ui.link_to_fact(fact_id, filters))
    return f"<a href='{link}' target='_self'>{html.escape(label)}</a>"


def _linked(text: str, fact_id: str, filters: Filters) -> str:
    """'US$35.2 million · source', the source linked."""
    return f"{html.escape(text)} · {_link(t('link.source'), fact_id, filters)}"


def target_lines(lines: list[targets.TargetLine], filters: Filters) -> None:
    """Each target as a small card (it stacks on a phone): target, result, verdict."""
    st.markdown(f"#### {html.escape(t('question.targets'))}")
    if not lines:
        ui.no_figure("targets.none")
        return
    for line in lines:
        result = (
            _linked(line.result, line.result_fact_id, filters)
            if line.result and line.result_fact_id
            else f"<span class='ft-none'>{html.escape(t('targets.no_result'))}</span>"
        )
        st.markdown(
            f"<div class='ft-target ft-{line.verdict}'>"
            f"<div class='ft-label'><b>{html.escape(line.place)}</b> · "
            f"{html.escape(line.measure)} · {html.escape(line.period)}</div>"
            f"<div>{html.escape(t('targets.target'))}: "
            f"{_linked(line.target, line.target_fact_id, filters)}</div>"
            f"<div>{html.escape(t('targets.result'))}: {result}</div>"
            f"<div class='ft-verdict'>{VERDICT_MARKS[line.verdict]} "
            f"{html.escape(t('targets.verdict.' + line.verdict))}</div></div>",
            unsafe_allow_html=True,
        )
    st.caption(t("targets.how"))


def fdi_share(answer: national_share.ShareAnswer, filters: Filters) -> None:
    """The share of the country's FDI: computed with its formula and both inputs, or why not."""
    st.markdown(f"#### {html.escape(t('share.heading'))}")
    if not answer.shares:
        st.markdown(
            f"<p class='ft-none'>{html.escape(answer.why_none)}</p>", unsafe_allow_html=True
        )
        return
    for share in answer.shares:
        st.markdown(
            f"<div class='ft-target'><b>{html.escape(share.place)}</b> · "
            f"{html.escape(share.measure)} · {html.escape(share.period)}: "
            f"<span class='ft-value'>{html.escape(share.share)}</span><br>"
            f"<span class='ft-basis'>{html.escape(share.formula)} · "
            f"{_link(t('share.part'), share.part_fact_id, filters)} · "
            f"{_link(t('share.whole'), share.national_fact_id, filters)}</span></div>",
            unsafe_allow_html=True,
        )
