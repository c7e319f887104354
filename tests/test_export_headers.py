"""Downloads in either language: people read names, programs read the same column ids."""

import datetime as dt
import io
import zipfile

import pandas as pd
from openpyxl import load_workbook

from foreign_ties import downloads, i18n
from foreign_ties.state import Filters

TODAY = dt.date(2026, 1, 15)
EXPECTED = {
    "en": {
        "places": "Son La, Lang Son",
        "date": "15 Jan 2026",
        "data": "Data",
        "sources": "Sources",
        "fact_id": "Figure id",
        "quote": "Sentence (as published)",
        "title": "Title",
        "note": "Next row: the name of each column in English.",
    },
    "vi": {
        "places": "Sơn La, Lạng Sơn",
        "date": "15/1/2026",
        "data": "Dữ liệu",
        "sources": "Nguồn",
        "fact_id": "Mã số liệu",
        "quote": "Câu trích dẫn (nguyên văn)",
        "title": "Tiêu đề",
        "note": "Dòng tiếp theo: tên các cột bằng tiếng Việt.",
    },
}


def rows() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fact_id": ["son-la-exports-2023"],
            "province_id": ["son-la"],
            "indicator_id": ["x"],
            "value": [186600000.0],
            "unit": ["USD"],
            "qualifier": ["exact"],
            "value_as_written": ["US$186.6 million"],
            "status": ["reported"],
            "source_id": ["vbf"],
            "publisher": ["VBF"],
            "title": ["Son La"],
            "published_date": [dt.date(2024, 11, 6)],
            "url": ["https://example.org"],
            "quote": ["In 2023, the value of exported goods was US$186.6 million"],
            "period_start": pd.to_datetime(["2023-01-01"]),
            "period_end": pd.to_datetime(["2023-12-31"]),
        }
    )


FILTERS = Filters(("son-la", "lang-son"), 2020, 2025)
CITATION = {"en": "Citation", "vi": "Trích dẫn"}


def test_every_column_id_has_a_name_in_every_language():
    for lang in i18n.LANGUAGES:
        for column in dict.fromkeys(downloads.CSV_COLUMNS + downloads.SOURCE_COLUMNS):
            assert f"export.column.{column}" in i18n.catalog(lang), (lang, column)


def test_the_citation_names_places_and_date_as_the_reader_writes_them(lang):
    cite = downloads.citation(FILTERS, TODAY)
    assert EXPECTED[lang]["places"] in cite and EXPECTED[lang]["date"] in cite
    assert "son-la" not in cite and "2026-01-15" not in cite


def test_the_csv_is_read_by_pandas_with_no_options(lang, tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(downloads.facts_csv(rows(), FILTERS, TODAY))
    read = pd.read_csv(path)
    assert list(read.columns) == downloads.CSV_COLUMNS  # ids, the same in every language
    assert read["value"].tolist() == [186600000.0]
    assert read["quote"].tolist() == [rows()["quote"].iloc[0]]
    assert not path.read_text(encoding="utf-8-sig").startswith("#")


def test_the_zip_holds_the_data_its_sources_and_the_citation_in_the_readers_language(
    lang, tmp_path
):
    path = tmp_path / "figures.zip"
    path.write_bytes(downloads.facts_zip(rows(), FILTERS, TODAY))
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["data.csv", "sources.csv", "citation.txt"]
        data = pd.read_csv(archive.open("data.csv"))
        sources = pd.read_csv(archive.open("sources.csv"))
        text = archive.read("citation.txt").decode("utf-8-sig")
    assert list(data.columns) == downloads.CSV_COLUMNS and data["value"].tolist() == [186600000.0]
    assert list(sources.columns) == downloads.SOURCE_COLUMNS
    assert sources["source_id"].tolist() == ["vbf"]
    assert downloads.citation(FILTERS, TODAY) in text.splitlines()
    assert f"  fact_id: {EXPECTED[lang]['fact_id']}" in text.splitlines()
    assert f"  quote: {EXPECTED[lang]['quote']}" in text.splitlines()


def test_xlsx_data_and_sources_sheets_are_read_plainly_and_the_citation_has_its_own_sheet(lang):
    data = downloads.facts_xlsx(rows(), FILTERS, TODAY)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [EXPECTED[lang]["data"], EXPECTED[lang]["sources"], CITATION[lang]]
    sheets_columns = (downloads.CSV_COLUMNS, downloads.SOURCE_COLUMNS)
    for sheet, columns in zip(book, sheets_columns, strict=False):
        assert [c.value for c in sheet[downloads.HEADER_ROW]] == columns
        assert sheet.freeze_panes == f"A{downloads.HEADER_ROW + 1}"
    cite = book[CITATION[lang]]
    assert cite["A1"].value == downloads.citation(FILTERS, TODAY)
    names = {r[0]: r[1] for r in cite.iter_rows(values_only=True) if r[0] and r[1]}
    assert names["fact_id"] == EXPECTED[lang]["fact_id"]
    assert names["quote"] == EXPECTED[lang]["quote"]
    read = pd.read_excel(io.BytesIO(data))  # no options: the figures
    assert list(read.columns) == downloads.CSV_COLUMNS and read["value"].tolist() == [186600000.0]
    sources = pd.read_excel(io.BytesIO(data), sheet_name=1)
    assert list(sources.columns) == downloads.SOURCE_COLUMNS
