"""The Trade & investment page as data: series charts that keep measures apart.

Each panel names the measures it draws and the place they belong to. Lang Son's three
"trade" measures get one panel each (they differ by a factor of 300); FDI registered and
disbursed share an axis only because both are US$ and the legend names each measure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import catalog, charts, derived, formatting, store, views
from foreign_ties.i18n import t
from foreign_ties.memo import per_arguments
from foreign_ties.state import Filters


@dataclass(frozen=True)
class PanelSpec:
    key: str
    title_key: str
    note_key: str
    indicators: tuple[str, ...]
    places: tuple[str, ...] | None  # None: the places chosen in the filters
    separate: bool


NATION = "nation"  # in places.toml: a panel of the national place


def _panel(entry: dict) -> PanelSpec:
    places = entry.get("places")
    return PanelSpec(
        entry["key"],
        entry["title_key"],
        entry["note_key"],
        tuple(entry["indicators"]),
        tuple(catalog.nation() if p == NATION else p for p in places) if places else None,
        separate=entry["separate"],
    )


def panel_specs() -> tuple[PanelSpec, ...]:
    """The Trade & investment panels, in page order (foreign_ties/places.toml)."""
    return tuple(_panel(entry) for entry in catalog.config()["trade_panels"])


@dataclass(frozen=True)
class Panel:
    spec: PanelSpec
    figure: go.Figure | None
    hidden_because: str | None  # a message when the filters leave this panel's place out
    rows: pd.DataFrame | None = None  # the figures drawn (for downloads)


def measures(indicator_ids, provinces, filters: Filters) -> pd.DataFrame:
    return store.run(
        "measures_series",
        indicators=list(indicator_ids),
        provinces=list(provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )


def panel_rows(spec: PanelSpec, places, filters: Filters, currency: str) -> pd.DataFrame:
    """A panel's figures for `places`: the whole measure (parts such as exports vs imports
    stay in tables), in the chosen currency."""
    rows = views.select_part(measures(spec.indicators, places, filters), views.TOTAL)
    return derived.convert(rows, currency, catalog.fx_rates())


def panel_figure(spec: PanelSpec, rows: pd.DataFrame, filters: Filters) -> go.Figure | None:
    indicators = catalog.indicators()
    names = {p: catalog.place_name(p) for p in catalog.places()}
    return charts.measures_figure(
        rows,
        {i: indicators[i] for i in spec.indicators},
        names,
        t(spec.title_key),
        years=(filters.year_from, filters.year_to),
        separate=spec.separate,
    )


@per_arguments
def panels(filters: Filters, currency: str) -> list[Panel]:
    result = []
    for spec in panel_specs():
        places = spec.places or tuple(p for p in filters.provinces if p != catalog.nation())
        if spec.places and not set(spec.places) & set(filters.provinces):
            hidden = ", ".join(catalog.place_name(p) for p in spec.places)
            result.append(Panel(spec, None, t("trade.hidden", places=hidden)))
            continue
        rows = panel_rows(spec, places, filters, currency)
        result.append(Panel(spec, panel_figure(spec, rows, filters), None, rows))
    return result


# The share table's input columns: the fact each share is computed from (ui makes them links).
SHARE_INPUTS = ("column.part_source", "column.national_source")


@per_arguments
def export_shares(filters: Filters) -> pd.DataFrame:
    """Provincial Customs exports as a share of national exports, same period only; the
    SHARE_INPUTS columns hold the ids of the two facts it is computed from."""
    provinces = [p for p in filters.provinces if p != catalog.nation()]
    part = measures(["exports_customs_by_locality"], provinces, filters)
    whole = measures(["exports_national"], [catalog.nation()], filters)
    shares = derived.share_of_national(part, whole)
    return pd.DataFrame(
        {
            t("column.place"): [catalog.place_name(p) for p in shares["province_id"]],
            t("column.period"): [
                formatting.period_text(s, e, "flow")
                for s, e in zip(shares["period_start"], shares["period_end"], strict=False)
            ],
            t("column.share"): [formatting.percent(v) for v in shares["share_percent"]],
            t("column.formula"): shares["formula"],
            t(SHARE_INPUTS[0]): shares["part_fact_id"],
            t(SHARE_INPUTS[1]): shares["national_fact_id"],
        }
    )
