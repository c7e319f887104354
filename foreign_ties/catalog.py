"""Typed access to the small reference tables (places, indicators, exchange rates) and to
the place configuration in foreign_ties/places.toml (compared places, each place's colour
and marker, the Trade & investment panels)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

import pandas as pd

from foreign_ties import data_version, paths, store
from foreign_ties.i18n import current_language


@dataclass(frozen=True)
class Place:
    province_id: str
    name_en: str
    name_vi: str
    level: str
    territory_note: str | None
    valid_to: object | None
    territory_note_vi: str | None = None

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
    description_vi: str | None = None

    def name(self, lang: str | None = None) -> str:
        return self.name_vi if (lang or current_language()) == "vi" else self.name_en


PLACES_CONFIG = paths.ROOT / "foreign_ties" / "places.toml"
NATIONAL_LEVEL = "national"  # provinces.level of the nation (data/README.md)


@functools.cache
def config() -> dict:
    """foreign_ties/places.toml: compared places, colours and markers, Trade panels."""
    return tomllib.loads(PLACES_CONFIG.read_text(encoding="utf-8"))


# The places compared by default (places.toml).
COMPARED_PLACES = tuple(config()["compared"])
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
            _clean(r["territory_note_vi"]),
        )
        for r in rows
    }


@data_version.cached
def indicators() -> dict[str, Indicator]:
    rows = store.run("indicators").to_dict("records")
    return {
        r["indicator_id"]: Indicator(**{k: _clean(r[k]) for k in Indicator.__annotations__})
        for r in rows
    }


@data_version.cached
def year_bounds() -> tuple[int, int]:
    row = store.run("year_bounds").iloc[0]
    return int(row["first_year"]), int(row["last_year"])


@data_version.cached
def fx_rates() -> pd.DataFrame:
    return store.run("fx_rates")


def nation() -> str:
    """The national place: the one row of provinces whose level is national."""
    (national,) = [p.province_id for p in places().values() if p.level == NATIONAL_LEVEL]
    return national


def place_colours() -> dict[str, str]:
    return {pid: look["colour"] for pid, look in config()["look"].items()}


def place_markers() -> dict[str, str]:
    return {pid: look["marker"] for pid, look in config()["look"].items()}


def place_names(lang: str | None = None) -> dict[str, str]:
    """Every place's name in the reader's language, by province_id."""
    return {p: place_name(p, lang) for p in places()}


def place_name(province_id: str, lang: str | None = None) -> str:
    place = places().get(province_id)
    return place.name(lang) if place else province_id


def clear() -> None:
    """Forget every cache (the one reset: data_version.reset)."""
    data_version.reset()
