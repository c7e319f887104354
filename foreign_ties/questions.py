"""The Overview's plain questions, each answered at once for the places side by side.

A question is a few rows ("FDI capital", "FDI projects"); each row lists the measures that
answer it, nearest first. For the chosen places a row takes the measure most of them publish
(then the nearest), gives it to those places, and repeats for the rest, so places share a
measure wherever they can and each shows the measure it does publish otherwise, named with
what it counts. Each place's figure is its latest certain reported result (a figure the
source leaves in doubt only when there is no other; targets and projections never).
Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import catalog, formatting, measures, store, wording
from foreign_ties.i18n import current_language, t
from foreign_ties.memo import per_arguments
from foreign_ties.state import Filters


@dataclass(frozen=True)
class Row:
    key: str  # "answer.row.<key>": what the row answers
    family: str
    nearest: tuple[str, ...]  # the measures that answer it, nearest first


FDI_CAPITAL = Row(
    "fdi_capital",
    "fdi",
    (
        "fdi_registered_capital",
        "fdi_total_investment",
        "fdi_project_capital",
        "fdi_registered_annual",
        "investment_approvals_capital",
    ),
)
FDI_PROJECTS = Row(
    "fdi_projects",
    "fdi",
    (
        "fdi_projects",
        "fdi_projects_licensed_cumulative",
        "fdi_new_projects_annual",
        "investment_approvals_projects",
    ),
)
EXPORTS_VALUE = Row("exports_value", "exports", measures.NEAREST["exports"])
EXPORTS_GROWTH = Row(
    "exports_growth",
    "exports",
    (
        "exports_customs_by_locality_yoy",
        "exports_provincial_statistics_yoy",
        "exports_local_goods_yoy",
        "exports_national_yoy",
        "trade_declared_at_provincial_customs_yoy",
        "border_trade_all_types_yoy",
    ),
)
PARTNERS = Row(
    "partners",
    "partners",
    (
        *measures.NEAREST["partners"],
        "foreign_ngos_funding",
        "foreign_ngos_registered",
        "intl_organisations_relations",
        "export_markets",
    ),
)
AGREEMENTS = Row(
    "agreements",
    "agreements",
    (
        "intl_agreements_signed",
        "intl_agreements_cumulative",
        "village_friendship_agreements",
        "local_agreements_cumulative",
    ),
)
AID = Row(
    "aid",
    "aid",
    (
        "ngo_aid_value",
        "intl_aid_value",
        "ngo_aid_cumulative",
        "oda_programmes",
        "intl_aid_projects",
        "ngo_projects_cumulative",
    ),
)
ACTIVITY = Row(
    "activity",
    "activity",
    ("delegations_outbound", "delegations_inbound", "business_trips_abroad"),
)

QUESTIONS: dict[str, tuple[Row, ...]] = {
    "overall": (FDI_CAPITAL, EXPORTS_VALUE, PARTNERS, AGREEMENTS, AID, ACTIVITY),
    "fdi": (FDI_CAPITAL, FDI_PROJECTS),
    "exports": (EXPORTS_VALUE, EXPORTS_GROWTH),
    "partners": (PARTNERS, AGREEMENTS),
}
DEFAULT_QUESTION = "overall"
# Questions answered by a list rather than by rows of latest figures (see targets.py,
# ranking.py).
TARGETS = "targets"
RANK = "rank"  # "Where do we rank?": each published rank among all provinces
LISTED = (TARGETS, RANK)


@dataclass(frozen=True)
class Cell:
    """One place's answer: its latest certain figure, on the measure it publishes."""

    fact_id: str
    indicator_id: str
    measure: str  # the measure's name
    basis: str  # what it counts, in plain words
    value: str  # with its qualifier in words ("about …", "over …")
    period: str
    certainty: wording.Certainty | None  # None: a certain reported result
    newer: Cell | None = None  # a newer figure passed over for being uncertain


@dataclass(frozen=True)
class Answer:
    row: Row
    places: tuple[str, ...]
    cells: dict[str, Cell | None]  # place -> its answer, None where nothing is published

    @property
    def measures(self) -> list[str]:
        return list(dict.fromkeys(c.indicator_id for c in self.cells.values() if c))

    @property
    def same_measure(self) -> bool:
        return len(self.measures) <= 1


def places_in_order(home: str, provinces: tuple[str, ...]) -> tuple[str, ...]:
    """The leader's province first, the other provinces, the nation last."""
    chosen = list(dict.fromkeys((home, *provinces)))
    return tuple(sorted(chosen, key=lambda p: (p != home, p == catalog.nation())))


def _reason(row) -> str:
    lang = current_language()
    own = getattr(row, f"uncertain_reason_{lang}", None) if lang != "en" else None
    if isinstance(own, str) and own:
        return own
    english = getattr(row, "uncertain_reason", None)
    return english if isinstance(english, str) and english else ""


def _value(row) -> str:
    return formatting.value_text(
        row.value, row.unit, row.qualifier, change=formatting.is_change(row.indicator_id)
    )


def _cell(row, newer=None) -> Cell:
    return Cell(
        fact_id=row.fact_id,
        indicator_id=row.indicator_id,
        measure=catalog.indicators()[row.indicator_id].name(),
        basis=measures.basis(row.indicator_id),
        value=_value(row),
        period=formatting.period_text(row.period_start, row.period_end, row.kind),
        certainty=wording.certainty(row.status, bool(row.uncertain), _reason(row)),
        newer=None if newer is None else _cell(newer),
    )


def _best(figures: list) -> Cell:
    """Certain figures first, then the latest (the query orders by period, latest first); a
    newer uncertain figure passed over is named beside the certain one, so neither hides."""
    chosen = next((f for f in figures if not f.uncertain), figures[0])
    latest = figures[0]
    newer = latest if latest is not chosen and latest.period_end > chosen.period_end else None
    return _cell(chosen, newer)


def answer_row(row: Row, figures: pd.DataFrame, places: tuple[str, ...]) -> Answer:
    """Give each place the measure most places share, then the nearest one it publishes."""
    results = figures[(figures["status"] == "reported") & figures["indicator_id"].isin(row.nearest)]
    by_pair: dict[tuple[str, str], list] = {}
    for figure in results.itertuples(index=False):  # one pass, in the query's order
        by_pair.setdefault((figure.indicator_id, figure.province_id), []).append(figure)
    cells: dict[str, Cell | None] = {p: None for p in places}
    left = list(places)
    while left:
        have = {m: [p for p in left if (m, p) in by_pair] for m in row.nearest}
        best = min(row.nearest, key=lambda m: (-len(have[m]), row.nearest.index(m)))
        if not have[best]:
            break
        for place in have[best]:
            cells[place] = _best(by_pair[(best, place)])
        left = [p for p in left if p not in have[best]]
    return Answer(row, places, cells)


@per_arguments
def answers(question: str, home: str, filters: Filters) -> list[Answer]:
    """Each row of a question answered for the leader's province and the chosen places."""
    rows = QUESTIONS.get(question, QUESTIONS[DEFAULT_QUESTION])
    places = places_in_order(home, filters.provinces)
    figures = store.run(
        "overview_answers",
        indicators=sorted({m for r in rows for m in r.nearest}),
        provinces=list(places),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    return [answer_row(r, figures, places) for r in rows]


def measures_sentence(answer: Answer, lang: str | None = None) -> str:
    """Whether the places are on one measure, and if not, which each publishes."""
    if not answer.measures:
        return ""
    if answer.same_measure:
        name = catalog.indicators()[answer.measures[0]].name(lang)
        return t("answer.same", lang, measure=name)
    which = "; ".join(
        t(
            "measure.publishes",
            lang,
            places=", ".join(
                catalog.place_name(p, lang)
                for p, c in answer.cells.items()
                if c and c.indicator_id == m
            ),
            measure=catalog.indicators()[m].name(lang),
        )
        for m in answer.measures
    )
    return t("answer.differ", lang, which=which)
