""" "What share of the country's FDI do we attract?": computed only from a provincial figure
and the national figure of the same measure and the same date (derived.share_of_national);
where no such pair is published, the answer says so and names the dates that do not match.
Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

from foreign_ties import catalog, derived, formatting, store
from foreign_ties.i18n import t
from foreign_ties.state import Filters

FDI_MEASURES = ("fdi_registered_capital", "fdi_projects")


@dataclass(frozen=True)
class Share:
    place: str
    measure: str
    period: str
    share: str  # "0.05%": computed
    formula: str  # "US$161 million ÷ US$500 billion × 100"
    part_fact_id: str
    national_fact_id: str


@dataclass(frozen=True)
class ShareAnswer:
    shares: list[Share]
    why_none: str  # when no share can be computed: which dates are published, in words


def _latest_dates(rows, places: tuple[str, ...]) -> str:
    """'Son La: 31 Dec 2025; Vietnam: 31 Dec 2024': each place's latest reported date."""
    reported = rows[rows["status"] == "reported"]
    latest = reported.sort_values("period_end").groupby("province_id").tail(1)
    latest = latest.sort_values("province_id", key=lambda ids: ids.map(list(places).index))
    return "; ".join(
        f"{catalog.place_name(r.province_id)}: "
        f"{formatting.period_text(r.period_start, r.period_end, r.kind)}"
        + (f" ({t('share.date_uncertain')})" if bool(r.uncertain) else "")
        for r in latest.itertuples()
    )


def fdi_share(places: tuple[str, ...], filters: Filters) -> ShareAnswer:
    """Each place's share of national FDI wherever a same-date national figure exists."""
    nation = catalog.nation()
    provinces = [p for p in places if p != nation]
    shares: list[Share] = []
    seen = []
    for measure in FDI_MEASURES:
        rows = store.run(
            "measures_series",
            indicators=[measure],
            provinces=[*provinces, nation],
            year_from=filters.year_from,
            year_to=filters.year_to,
        )
        seen.append((measure, rows))
        rows = rows[rows["breakdown"].isna()]  # whole measures only, never a part
        part, whole = rows[rows["province_id"] != nation], rows[rows["province_id"] == nation]
        found = derived.share_of_national(part, whole, pairs={measure: measure})
        for r in found.itertuples():
            shares.append(
                Share(
                    place=catalog.place_name(r.province_id),
                    measure=catalog.indicators()[measure].name(),
                    period=formatting.period_text(r.period_start, r.period_end, "stock"),
                    share=formatting.percent(r.share_percent),
                    formula=r.formula,
                    part_fact_id=r.part_fact_id,
                    national_fact_id=r.national_fact_id,
                )
            )
    if shares:
        return ShareAnswer(shares, "")
    dates = [
        t(
            "share.dates",
            measure=catalog.indicators()[m].name(),
            dates=_latest_dates(rows, (*provinces, nation)),
        )
        for m, rows in seen
        if not rows.empty
    ]
    return ShareAnswer([], t("share.none", dates=" ".join(dates)))
