"""Where do we rank? Each place's published ranks among all provinces, each with its sentence.

A rank is a position a sentence states ("making the province rank 29th in the country"): it
is listed, never computed, charted or added up (a lower number is a better place, and two
ranks on different measures say nothing about each other). FDI ranks come first; a rank on
another measure (the PCI, which ranks economic governance) follows, named as such. A place
with no published rank says so ("not in the published list"); a province merged into a place
(Ha Giang into Tuyen Quang) keeps its ranks, labelled with the territory they cover. The
total a rank is out of ("of 63 provinces") is shown only where its sentence states it.
Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import boundaries, catalog, formatting, store, wording
from foreign_ties.i18n import t
from foreign_ties.state import Filters

FDI = "fdi"  # the family a leader means by "where do we rank on FDI?"


@dataclass(frozen=True)
class Rank:
    fact_id: str
    province_id: str  # the place the sentence ranks (Ha Giang's rank is shown under Tuyen Quang)
    indicator_id: str
    measure: str  # the ranked measure's name
    period: str  # "2013", "as of 31/1/2017"
    rank: str  # "29th", "16th of 63 provinces and cities", "thứ 41/63 tỉnh, thành phố"
    position: int
    ordinal: str  # the position alone: "50th" / "thứ 50"
    territory: str | None  # which territory, for a place whose borders changed
    quote: str  # the published sentence, in its language
    gloss: str | None  # its translation into the reader's language, where the data has one
    source: str  # publisher and date
    url: str | None
    certainty: wording.Certainty | None  # None: a certain reported rank
    on_fdi: bool


@dataclass(frozen=True)
class PlaceRanks:
    place: str  # province_id
    fdi: tuple[Rank, ...]
    other: tuple[Rank, ...]  # ranks on other measures (PCI), shown after the FDI ranks

    @property
    def ranks(self) -> tuple[Rank, ...]:
        return self.fdi + self.other


def _text(value) -> str | None:
    return value if isinstance(value, str) and value else None


def _source(row) -> str:
    published = row.published_date
    if published is None or pd.isna(published):
        return row.publisher
    return f"{row.publisher}, {formatting.date_text(pd.Timestamp(published).date())}"


def _rank(row) -> Rank:
    out_of = row.rank_out_of if pd.notna(row.rank_out_of) else None
    return Rank(
        fact_id=row.fact_id,
        province_id=row.province_id,
        indicator_id=row.indicator_id,
        measure=catalog.indicators()[row.indicator_id].name(),
        period=formatting.period_text(row.period_start, row.period_end, row.kind),
        rank=formatting.rank_text(row.value, out_of),
        position=int(row.value),
        ordinal=formatting.rank_text(row.value),
        territory=boundaries.territory_label(row.province_id, row.period_start, row.period_end),
        quote=row.quote,
        gloss=_text(row.gloss_en),  # localise gives the Vietnamese translation to vi readers
        source=_source(row),
        url=_text(row.url),
        # store.run gives the reason (and the publisher) in the reader's language
        certainty=wording.certainty("reported", bool(row.uncertain), _text(row.uncertain_reason)),
        on_fdi=row.family == FDI,
    )


def ranked_places(places: tuple[str, ...]) -> tuple[str, ...]:
    """The provinces among the places: the nation is not ranked among provinces."""
    return tuple(p for p in places if p != catalog.nation())


def _owner(province_id: str, places: tuple[str, ...]) -> str:
    """The place a rank is shown under: itself, or the place it merged into."""
    merger = boundaries.merged_away().get(province_id)
    return merger.successor if merger and merger.successor in places else province_id


def place_ranks(places: tuple[str, ...], filters: Filters) -> list[PlaceRanks]:
    """Each province's published ranks in the chosen years (none: not in the published list)."""
    provinces = ranked_places(places)
    rows = store.run(
        "ranks",
        provinces=boundaries.with_parts(provinces),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    by_place: dict[str, list[Rank]] = {p: [] for p in provinces}
    for row in rows.itertuples():
        owner = _owner(row.province_id, provinces)
        if owner in by_place:
            by_place[owner].append(_rank(row))
    return [
        PlaceRanks(
            place,
            tuple(r for r in ranks if r.on_fdi),
            tuple(r for r in ranks if not r.on_fdi),
        )
        for place, ranks in by_place.items()
    ]


def lead(places: tuple[str, ...], filters: Filters) -> Rank | None:
    """The rank a slide leads with: an FDI rank before any other, a certain one before one in
    doubt, in the places' order; only a place's own ranks (never a predecessor's)."""
    found = [
        (not r.on_fdi, r.certainty is not None, n, r)
        for n, result in enumerate(place_ranks(places, filters))
        for r in result.ranks
        if r.province_id == result.place
    ]
    return min(found, key=lambda item: item[:3])[3] if found else None


def summary(result: list[PlaceRanks], lang: str | None = None) -> str:
    """One sentence: which places have a published FDI rank, and which have none."""
    without = [catalog.place_name(r.place, lang) for r in result if not r.fdi]
    if not without:
        return t("rank.all_have_fdi", lang)
    return t("rank.without_fdi", lang, places=", ".join(without))
