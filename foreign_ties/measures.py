"""Which measures have figures where: Compare's picker and the family's measures side by side.

The places publish different measures (Son La its own statistics of goods exports, Lang Son
the trade through its border gates), so a place is never dropped silently: when the chosen
measure leaves a place out, the family's nearest measures for that place are shown beside it,
each in its own panel with what it counts in plain words. Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import catalog, store
from foreign_ties.i18n import catalog as messages
from foreign_ties.i18n import current_language, t
from foreign_ties.state import Filters

# The picker's families, in the order a leader asks about them ("context" last).
FAMILY_ORDER = ("fdi", "exports", "partners", "agreements", "aid", "activity", "context")
# Compare's last topic: ranks among provinces, listed with their sentences, never charted
# (foreign_ties/ranking.py); not a family of the data (FDI and PCI ranks keep theirs).
RANKING = "ranking"
MAX_PANELS = 4
# The nearest comparable measures of each family, nearest first: what a leader means by
# "our exports" or "our foreign investment" (used to choose panels and Overview answers).
NEAREST = {
    "exports": (
        "exports_customs_by_locality",
        "exports_provincial_statistics",
        "exports_local_goods",
        "exports_national",
        "trade_declared_at_provincial_customs",
        "border_trade_all_types",
    ),
    "fdi": (
        "fdi_registered_capital",
        "fdi_projects",
        "fdi_projects_licensed_cumulative",
        "fdi_project_capital",
        "fdi_registered_annual",
        "fdi_disbursed_annual",
        "investment_approvals_capital",
        "investment_approvals_projects",
    ),
    "agreements": ("intl_agreements_signed", "intl_agreements_cumulative"),
    "partners": (
        "trade_partner_countries",
        "friendly_locality_relations",
        "lao_partner_provinces",
        "diplomatic_agencies_cooperating",
    ),
}


@dataclass(frozen=True)
class Coverage:
    indicator_id: str
    family: str
    unit: str
    places: tuple[str, ...]  # chosen places with a figure in the chosen years
    years: int  # distinct years (of period end) with a figure
    figures: int

    @property
    def empty(self) -> bool:
        return self.figures == 0


def coverage(filters: Filters) -> dict[str, Coverage]:
    """indicator_id -> how many of the chosen places and years have its figures."""
    rows = store.run(
        "measure_coverage",
        provinces=list(filters.provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    seen: dict[str, dict] = {}  # one pass over the rows (a groupby costs more at this size)
    for row in rows.itertuples(index=False):
        entry = seen.setdefault(
            row.indicator_id,
            {"family": row.family, "unit": row.unit, "places": set(), "years": set(), "n": 0},
        )
        if isinstance(row.province_id, str):
            entry["places"].add(row.province_id)
            entry["years"].add(row.year)
            entry["n"] += int(row.figures)
    return {
        indicator_id: Coverage(
            indicator_id=indicator_id,
            family=entry["family"],
            unit=entry["unit"],
            places=tuple(p for p in filters.provinces if p in entry["places"]),
            years=len(entry["years"]),
            figures=entry["n"],
        )
        for indicator_id, entry in seen.items()
    }


def _rank(c: Coverage) -> tuple:
    """Most places first, then most years, then most figures, then a stable name order."""
    return (c.empty, -len(c.places), -c.years, -c.figures, c.indicator_id)


def nearness(indicator_id: str, family: str) -> int:
    """How near a measure is to what its family's question means (0 nearest)."""
    order = NEAREST.get(family, ())
    return order.index(indicator_id) if indicator_id in order else len(order)


def default_measure(cov: dict[str, Coverage], family: str) -> str | None:
    """The measure Compare opens a family on: most places, then the nearest measure."""
    measures = [c for c in cov.values() if c.family == family]
    if not measures:
        return None
    return min(
        measures,
        key=lambda c: (c.empty, -len(c.places), nearness(c.indicator_id, family), _rank(c)),
    ).indicator_id


def families(cov: dict[str, Coverage]) -> list[str]:
    """The families in the picker's order; those with figures in the selection first, the
    ranking among provinces last."""
    present = {c.family for c in cov.values()}
    ordered = [f for f in FAMILY_ORDER if f in present]
    return [
        *[f for f in ordered if has_figures(cov, f)],
        *[f for f in ordered if not has_figures(cov, f)],
        RANKING,
    ]


def has_figures(cov: dict[str, Coverage], family: str) -> bool:
    return any(c.family == family and not c.empty for c in cov.values())


def family_measures(cov: dict[str, Coverage], family: str) -> list[str]:
    """A family's measures, best covered first; those with nothing in the selection last."""
    return [c.indicator_id for c in sorted(cov.values(), key=_rank) if c.family == family]


def coverage_text(c: Coverage, lang: str | None = None) -> str:
    """'4 places · 11 years' / '4 địa phương · 11 năm'; 'no figures …' when there are none."""
    if c.empty:
        return t("measure.coverage_none", lang)
    places = t("measure.places_one" if len(c.places) == 1 else "measure.places", lang)
    years = t("measure.years_one" if c.years == 1 else "measure.years", lang)
    return f"{places.format(n=len(c.places))} · {years.format(n=c.years)}"


def option_label(cov: dict[str, Coverage], indicator_id: str, lang: str | None = None) -> str:
    """A picker entry: the measure's name and its coverage; a marked one has none here."""
    c = cov[indicator_id]
    name = catalog.indicators()[indicator_id].name(lang)
    mark = "○ " if c.empty else ""
    return f"{mark}{name} — {coverage_text(c, lang)}"


def basis(indicator_id: str, lang: str | None = None) -> str:
    """What a measure counts, in plain words: a short line written for the key measures,
    otherwise the first sentence of the data's description (marked when only in English)."""
    lang = lang or current_language()
    key = f"basis.{indicator_id}"
    if key in messages(lang):
        return t(key, lang)
    indicator = catalog.indicators().get(indicator_id)
    description = (getattr(indicator, "description", "") or "").strip()
    own = getattr(indicator, "description_vi", None) if lang == "vi" else None
    text = own if isinstance(own, str) and own else description
    first = text.split(". ")[0].rstrip(".") + "." if text else ""
    return first  # the data writes every description in Vietnamese too (description_vi)


def _unit_class(unit: str) -> str:
    return {"USD": "money", "VND": "money", "money": "money"}.get(unit, unit)


@dataclass(frozen=True)
class Panels:
    """The measures to show side by side, and the places with nothing in the family."""

    measures: tuple[str, ...]
    owners: dict[str, tuple[str, ...]]  # measure -> the chosen places it is shown for
    without: tuple[str, ...]  # chosen places with no figure in the whole family

    @property
    def differ(self) -> bool:
        return len(self.measures) > 1


def panels(cov: dict[str, Coverage], chosen: str, provinces: tuple[str, ...]) -> Panels:
    """The chosen measure, plus for each place it leaves out the family's nearest measure of
    that place (same kind of unit first, then the one covering most of the places left)."""
    first = cov[chosen]
    measures = [chosen] if not first.empty else []
    owners = {chosen: first.places} if not first.empty else {}
    left = [p for p in provinces if p not in first.places]
    unit = _unit_class(first.unit)
    candidates = [
        c
        for c in cov.values()
        if c.family == first.family and c.indicator_id != chosen and not c.empty
    ]
    while left and len(measures) < MAX_PANELS:
        useful = [c for c in candidates if set(c.places) & set(left)]
        if not useful:
            break
        best = min(
            useful,
            key=lambda c: (
                _unit_class(c.unit) != unit,
                _unit_class(c.unit) == "percent",
                -len(set(c.places) & set(left)),
                nearness(c.indicator_id, c.family),
                _rank(c),
            ),
        )
        candidates.remove(best)
        shown = tuple(p for p in best.places if p in left)
        measures.append(best.indicator_id)
        owners[best.indicator_id] = shown
        left = [p for p in left if p not in shown]
    return Panels(tuple(measures), owners, tuple(left))


def differ_sentence(result: Panels, lang: str | None = None) -> str:
    """One sentence: the places publish different measures, and which."""
    parts = [
        t(
            "measure.publishes",
            lang,
            places=", ".join(catalog.place_name(p, lang) for p in result.owners[m]),
            measure=catalog.indicators()[m].name(lang),
        )
        for m in result.measures
    ]
    return t("measure.differ", lang, which="; ".join(parts))


def series_for(series: pd.DataFrame, places: tuple[str, ...]) -> pd.DataFrame:
    """A panel's figures: only the places it is shown for (others are in their own panel)."""
    return series[series["province_id"].isin(places)]
