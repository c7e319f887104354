"""Typed access to the small reference tables: places, indicators, exchange rates."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import data_version, store
from foreign_ties.i18n import current_language


@dataclass(frozen=True)
class Place:
    province_id: str
    name_en: str
    name_vi: str
    level: str
    territory_note: str | None
    valid_to: object | None

    def name(self, lang: str | None = None) -> str:
        return self.name_vi if (lang or current_language()) == "vi" else self.name_en


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    family: str
    name_en: str
    name_vi: str
    unit: str
    kind: str
    description: str

    def name(self, lang: str | None = None) -> str:
        return self.name_vi if (lang or current_language()) == "vi" else self.name_en


# The places compared by default; Ha Giang is kept only for the 2025-boundary sums.
COMPARED_PLACES = ("son-la", "lang-son", "tuyen-quang", "vietnam")
FAMILIES = ("partners", "agreements", "fdi", "exports", "aid", "activity", "context")


def _clean(value: object) -> object | None:
    return None if value is None or (isinstance(value, float) and pd.isna(value)) else value


@data_version.cached
def places() -> dict[str, Place]:
    rows = store.run("provinces").to_dict("records")
    return {
        r["province_id"]: Place(
            r["province_id"],
            r["name_en"],
            r["name_vi"],
            r["level"],
            _clean(r["territory_note"]),
            _clean(r["valid_to"]),
        )
        for r in rows
    }


@data_version.cached
def indicators() -> dict[str, Indicator]:
    rows = store.run("indicators").to_dict("records")
    return {
        r["indicator_id"]: Indicator(**{k: r[k] for k in Indicator.__annotations__}) for r in rows
    }


@data_version.cached
def year_bounds() -> tuple[int, int]:
    row = store.run("year_bounds").iloc[0]
    return int(row["first_year"]), int(row["last_year"])


@data_version.cached
def fx_rates() -> pd.DataFrame:
    return store.run("fx_rates")


def place_name(province_id: str, lang: str | None = None) -> str:
    place = places().get(province_id)
    return place.name(lang) if place else province_id


def clear() -> None:
    """Forget every cache (the one reset: data_version.reset)."""
    data_version.reset()
