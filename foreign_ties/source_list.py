"""The Sources page's list, a page at a time, as plain data: the pages only lay it out.

Every figure matching the filters is one list (queries/staging/matching_figures.sql), in one
order; the page asks for its count, for one page of it (sources_page.sql, at most
PAGE_SIZE rows), and, when a link names a figure, for the page holding it. The files of
every match (CSV, XLSX, ZIP) are made only when a reader clicks a download, from the data
version the page showed. Nothing here imports Streamlit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from foreign_ties import data_version, state, store
from foreign_ties.state import Filters

PAGE_SIZE = 50  # rows a page renders: a table one can scan, a picker one can open


@dataclass(frozen=True)
class Search:
    """What the Sources page filters on beyond the shared filters."""

    filters: Filters
    families: tuple[str, ...] = ()  # empty = every family
    text: str = ""  # '' = no search

    def params(self) -> dict[str, object]:
        return {
            "provinces": list(self.filters.provinces),
            "year_from": self.filters.year_from,
            "year_to": self.filters.year_to,
            "families": list(self.families),
            "search": self.text,
        }


def count(search: Search) -> int:
    """How many figures match."""
    return int(store.run("sources_count", **search.params())["figures"].iloc[0])


def page(search: Search, number: int) -> pd.DataFrame:
    """The figures of page `number` (from 1) of the list."""
    offset = (number - 1) * PAGE_SIZE
    return store.run("sources_page", **search.params(), page_size=PAGE_SIZE, page_offset=offset)


def page_holding(search: Search, fact_id: str) -> int | None:
    """The page (from 1) holding a linked figure, or None when it does not match."""
    found = store.run("sources_position", **search.params(), fact=fact_id)
    return None if found.empty else state.page_of(int(found["position"].iloc[0]), PAGE_SIZE)


def every_match(search: Search) -> Callable[[], pd.DataFrame]:
    """A loader of every matching figure with its source, for the files a download makes
    on click (not on each page run), from the data version this page run shows."""
    folder = str(data_version.current().folder)
    params = search.params()
    return lambda: store.run("facts_with_sources", parquet_dir=folder, **params)


def figures_to_download(
    filters: Filters, fact_ids: list[str] | None = None
) -> Callable[[], pd.DataFrame]:
    """A loader of the figures behind a view with their sources, for its files: those of
    `fact_ids` (e.g. the Overview's tiles), or every figure in the filters."""
    load = every_match(Search(filters))
    wanted = None if fact_ids is None else list(fact_ids)

    def figures() -> pd.DataFrame:
        rows = load()
        return rows if wanted is None else rows[rows["fact_id"].isin(wanted)].reset_index(drop=True)

    return figures
