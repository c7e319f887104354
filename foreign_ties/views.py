"""What each page shows, as plain data: the pages only lay these out.

Every function takes the current filters, asks `store` for rows and returns DataFrames or
small records, with figures already written for the reader (qualifier marks, periods in
the reader's language). Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import catalog, formatting, source_list, store, wording
from foreign_ties.i18n import breakdown_text, current_language, data_label, t
from foreign_ties.memo import per_arguments, remembered
from foreign_ties.state import Filters

TILE_FIGURES = 4  # per place and family on the Overview; a profile lists many more


@dataclass(frozen=True)
class TileFigure:
    fact_id: str
    label: str
    value: str
    period: str
    uncertain: bool
    certainty: wording.Certainty | None = None  # how final, in words, with the reason


def _indicator_label(row) -> str:
    lang = current_language()
    name = row.indicator_name_vi if lang == "vi" else row.indicator_name_en
    if isinstance(row.breakdown, str) and row.breakdown:
        name = f"{name} — {breakdown_text(row.breakdown, lang)}"
    if isinstance(getattr(row, "partner", None), str) and row.partner:
        partner = data_label("partner", row.partner, lang)
        if partner.casefold() not in name.casefold():  # never "…of Laos (partner: Laos)"
            name = f"{name} ({t('label.with_partner', lang, partner=partner)})"
    return name


def _data_text(record, field: str) -> str | None:
    """A text column of the data in the reader's language: its `<field>_vi` for a Vietnamese
    reader (the data writes every such text in Vietnamese too: tests/test_data_vi.py)."""
    english = getattr(record, field, None)
    own = getattr(record, f"{field}_vi", None) if current_language() == "vi" else None
    if isinstance(own, str) and own:
        return own
    return english if isinstance(english, str) and english else None


def territory_note(place: catalog.Place) -> str | None:
    """Which territory a place's figures cover (profile pages)."""
    return _data_text(place, "territory_note")


def indicator_description(indicator: catalog.Indicator) -> str:
    """What a measure counts (Compare)."""
    return _data_text(indicator, "description") or ""


@per_arguments
def overview_tiles(filters: Filters) -> dict[str, dict[str, list[TileFigure]]]:
    """family -> place -> the most recent published figures (empty list = none published)."""
    rows = store.run(
        "overview_latest",
        provinces=list(filters.provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    tiles: dict[str, dict[str, list[TileFigure]]] = {
        family: {pid: [] for pid in filters.provinces} for family in catalog.FAMILIES
    }
    # Certain figures first (a headline never leads with a doubtful one), then the latest.
    rows = rows.sort_values(["uncertain", "period_end"], ascending=[True, False], kind="stable")
    for row in rows.itertuples():
        figures = tiles[row.family][row.province_id]
        if len(figures) < TILE_FIGURES:
            figures.append(
                TileFigure(
                    fact_id=row.fact_id,
                    label=_indicator_label(row),
                    value=formatting.value_text(
                        row.value,
                        row.unit,
                        row.qualifier,
                        change=formatting.is_change(row.indicator_id),
                    ),
                    period=formatting.period_text(row.period_start, row.period_end, row.kind),
                    uncertain=bool(row.uncertain),
                    certainty=wording.certainty(
                        "reported", bool(row.uncertain), _data_text(row, "uncertain_reason")
                    ),
                )
            )
    return tiles


@remembered
def readable_facts(rows: pd.DataFrame) -> pd.DataFrame:
    """Facts as a reader sees them: indicator, figure with its qualifier, period, status."""
    if rows.empty:
        return pd.DataFrame(
            columns=["fact_id", "indicator", "figure", "period", "status", "source", "quote"]
        )
    lang = current_language()
    return pd.DataFrame(
        {
            "fact_id": rows["fact_id"],
            "place": [catalog.place_name(p) for p in rows["province_id"]]
            if "province_id" in rows
            else None,
            "indicator": [_indicator_label(r) for r in rows.itertuples()],
            "figure": [
                formatting.value_text(r.value, r.unit, r.qualifier) for r in rows.itertuples()
            ],
            "period": [
                formatting.period_text(r.period_start, r.period_end, r.kind)
                for r in rows.itertuples()
            ],
            "status": [
                t("status." + r.status, lang)
                + (f" · {t('status.uncertain', lang)}" if bool(r.uncertain) else "")
                + (
                    f" · {t('status.superseded', lang)}"
                    if isinstance(getattr(r, "superseded_by", None), str)
                    else ""
                )
                for r in rows.itertuples()
            ],
            "source": rows["publisher"],
            "quote": rows["quote"],  # in its original language, with the English gloss beside it
            "gloss_en": rows["gloss_en"] if "gloss_en" in rows else None,
        }
    ).dropna(axis=1, how="all")


# A profile lists the latest figures of each family; Sources pages through all of them.
PROFILE_ROWS_PER_FAMILY = 100


@dataclass(frozen=True)
class FamilyFigures:
    rows: pd.DataFrame  # readable, the latest PROFILE_ROWS_PER_FAMILY at most
    total: int  # how many figures the family has in the chosen years


@per_arguments
def profile(province_id: str, filters: Filters) -> dict[str, FamilyFigures]:
    """family -> the place's latest figures in the chosen years (readable) and how many
    there are in all; every family present."""
    rows = store.run(
        "province_profile",
        province=province_id,
        year_from=filters.year_from,
        year_to=filters.year_to,
        per_family=PROFILE_ROWS_PER_FAMILY,
    )
    result = {}
    for family in catalog.FAMILIES:
        own = rows[rows["family"] == family]
        total = int(own["family_total"].iloc[0]) if not own.empty else 0
        result[family] = FamilyFigures(readable_facts(own), total)
    return result


def partners(provinces: list[str]) -> pd.DataFrame:
    return store.run("province_partners", provinces=provinces)


def _map_places(filters: Filters) -> list[str]:
    """The chosen places with the provinces merged into them (Ha Giang with Tuyen Quang)."""
    from foreign_ties import boundaries  # local: boundaries reads the store lazily too

    return boundaries.with_parts(filters.provinces)


def map_measures(filters: Filters) -> list[str]:
    """The measures with published provincial totals, those covering the most provinces
    first (queries/map_measures.sql)."""
    rows = store.run(
        "map_measures",
        provinces=_map_places(filters),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    return list(rows["indicator_id"])


def map_figures(filters: Filters, indicator_id: str) -> pd.DataFrame:
    """One measure's published provincial totals, for the choropleth."""
    return store.run(
        "map_figures",
        indicator=indicator_id,
        provinces=_map_places(filters),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )


def province_sources(province_id: str) -> pd.DataFrame:
    return store.run("province_sources", province=province_id)


# What Compare opens on, when the link names no measure: the first of these with figures.
# Customs exports by locality first: one measure, one publisher, the same year for every province.
DEFAULT_MEASURES = (
    "exports_customs_by_locality",
    "exports_provincial_statistics",
    "intl_agreements_signed",
    "fdi_projects",
)


def default_measure(choices: pd.DataFrame) -> str:
    available = list(choices["indicator_id"])
    return next((m for m in DEFAULT_MEASURES if m in available), available[0])


def indicator_choices(filters: Filters) -> pd.DataFrame:
    return store.run(
        "indicator_choices",
        provinces=list(filters.provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )


def indicator_series(indicator_id: str, filters: Filters) -> pd.DataFrame:
    """Every current figure of one measure for the places and years (queries/measures_series)."""
    return store.run(
        "measures_series",
        indicators=[indicator_id],
        provinces=list(filters.provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )


def facts_with_sources(filters: Filters, families: list[str], search: str) -> pd.DataFrame:
    """Every figure matching the Sources filters with its source (for files; the Sources
    page itself shows a page at a time: source_list)."""
    return source_list.every_match(source_list.Search(filters, tuple(families), search))()


def figures_for_download(filters: Filters, fact_ids: list[str] | None = None) -> pd.DataFrame:
    """The figures behind a view with their sources, for CSV/XLSX: those of `fact_ids`
    (e.g. the Overview's tiles), or every figure in the filters. Pages pass the loader
    (source_list.figures_to_download) so the file is made on click."""
    return source_list.figures_to_download(filters, fact_ids)()


# The first line of an excerpt document, a curator's note for the files (the page says it
# is an excerpt in the reader's language: sources.excerpt_only).
_EXCERPT_NOTE = "[Excerpts as archived"


def source_document(source_id: str) -> dict | None:
    rows = store.run("source_document", source=source_id)
    if rows.empty:
        return None
    document = rows.iloc[0].to_dict()
    text = document.get("text") or ""
    if text.startswith(_EXCERPT_NOTE):
        document["text"] = text.split("\n", 1)[1].lstrip("\n") if "\n" in text else ""
    return document


def fact_labels(rows: pd.DataFrame) -> list[str]:
    """Short labels to pick one figure: 'Son La · Goods exports · US$186.6 million · 2023'."""
    readable = readable_facts(rows)
    return [
        f"{catalog.place_name(r.province_id)} · {ind} · {fig} · {per}"
        for r, ind, fig, per in zip(
            rows.itertuples(),
            readable["indicator"],
            readable["figure"],
            readable["period"],
            strict=False,
        )
    ]


def readable_sources(rows: pd.DataFrame) -> pd.DataFrame:
    lang = current_language()
    return pd.DataFrame(
        {
            t("column.title", lang): rows["title"],
            t("column.publisher", lang): rows["publisher"],
            t("column.published", lang): [
                formatting.date_text(d, lang) if not pd.isna(d) else t("source.undated", lang)
                for d in rows["published_date"]
            ],
            t("column.figures", lang): rows["figures"],
            t("column.url", lang): rows["url"].fillna(""),  # no raw "None" for a missing link
        }
    )


TOTAL = "total"  # the part meaning "the whole measure, no breakdown"


def parts(series: pd.DataFrame) -> list[str]:
    """Which parts of a measure have figures: the total first, then each breakdown.

    Parts are never drawn beside totals: ten agreements signed by Lang Son's agencies
    would read as comparable with 422 signed by all localities.
    """
    named = sorted(b for b in series["breakdown"].dropna().unique() if b)
    has_total = series["breakdown"].isna().any() or (series["breakdown"] == "").any()
    return ([TOTAL] if has_total else []) + named


def part_label(part: str) -> str:
    """A part as the reader reads it: 'Total', or the breakdown in the reader's language."""
    return t("compare.part_total") if part == TOTAL else breakdown_text(part)


def select_part(series: pd.DataFrame, part: str) -> pd.DataFrame:
    if part == TOTAL:
        return series[series["breakdown"].isna() | (series["breakdown"] == "")]
    return series[series["breakdown"] == part]


def compare_family(cov: dict, url_indicator: str | None) -> str:
    """The topic Compare opens on: the linked measure's family, else the default measure's."""
    from foreign_ties import measures  # local: measures imports views' neighbours only

    if url_indicator in cov:
        return cov[url_indicator].family
    with_figures = [i for i in DEFAULT_MEASURES if i in cov and not cov[i].empty]
    if with_figures:
        return cov[with_figures[0]].family
    return measures.families(cov)[0]


def panel_series(indicator_id: str, filters: Filters, places: tuple[str, ...]) -> pd.DataFrame:
    """One side-by-side panel's figures: the measure's total (or first part) for `places`."""
    series = indicator_series(indicator_id, filters)
    series = series[series["province_id"].isin(places)]
    found = parts(series)
    return select_part(series, found[0]) if found else series


def concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Several views' rows as one table (empty frames ignored)."""
    frames = [f for f in frames if f is not None and not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
