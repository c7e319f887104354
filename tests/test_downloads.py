"""Every view that shows figures offers them as CSV and XLSX, with their sources."""

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from foreign_ties import catalog, downloads, views
from foreign_ties.state import Filters
from tests.conftest import app_at

ALL = Filters(tuple(catalog.COMPARED_PLACES), 2011, 2025)


def download_labels(at) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]


@pytest.mark.parametrize(
    "page",
    [
        "pages/overview_page.py",
        "pages/son_la_profile.py",
        "pages/vietnam_profile.py",
        "pages/sources_page.py",
    ],
)
def test_the_page_offers_its_figures_as_csv_and_xlsx(page):
    at = app_at(page, lang="en")
    assert not at.exception
    labels = download_labels(at)
    assert any("CSV" in label for label in labels), labels
    assert any("Excel" in label for label in labels), labels
    assert any("ZIP" in label for label in labels), labels  # data.csv + citation.txt


def test_the_overview_download_holds_exactly_the_figures_on_its_tiles():
    tiles = views.overview_tiles(ALL)
    shown = {f.fact_id for family in tiles.values() for figures in family.values() for f in figures}
    rows = views.figures_for_download(ALL, sorted(shown))
    assert set(rows["fact_id"]) == shown
    assert rows["quote"].notna().all() and rows["source_id"].notna().all()


def test_a_profile_download_is_that_place_only_with_sources_sheet():
    son_la = Filters(("son-la",), 2011, 2025)
    rows = views.figures_for_download(son_la)
    assert not rows.empty and set(rows["province_id"]) == {"son-la"}
    book = load_workbook(io.BytesIO(downloads.facts_xlsx(rows, son_la)))
    assert len(book.worksheets) == 3  # figures, sources, citation
    sources = pd.DataFrame(book.worksheets[1].values)
    assert set(rows["source_id"]) <= set(sources[0].dropna())
