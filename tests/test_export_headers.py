"""Downloads in either language: people read names, programs read the same column ids."""

import csv
import datetime as dt
import io

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
        "date": "15/01/2026",
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


def test_every_column_id_has_a_name_in_every_language():
    for lang in i18n.LANGUAGES:
        for column in dict.fromkeys(downloads.CSV_COLUMNS + downloads.SOURCE_COLUMNS):
            assert f"export.column.{column}" in i18n.catalog(lang), (lang, column)


def test_the_citation_names_places_and_date_as_the_reader_writes_them(lang):
    cite = downloads.citation(FILTERS, TODAY)
    assert EXPECTED[lang]["places"] in cite and EXPECTED[lang]["date"] in cite
    assert "son-la" not in cite and "2026-01-15" not in cite


def test_csv_has_translated_head_lines_then_the_ids(lang):
    lines = downloads.facts_csv(rows(), FILTERS, TODAY).decode("utf-8-sig").splitlines()
    head = lines[: downloads.HEAD_LINES]
    assert all(line.startswith("# ") for line in head)
    assert head[0] == "# " + downloads.citation(FILTERS, TODAY)
    assert head[1].startswith("# " + EXPECTED[lang]["note"])
    labels = next(csv.reader([head[2][2:]]))
    assert (
        labels == downloads.column_labels(downloads.CSV_COLUMNS)
        and labels[0] == EXPECTED[lang]["fact_id"]
    )
    assert labels[downloads.CSV_COLUMNS.index("quote")] == EXPECTED[lang]["quote"]
    assert (
        lines[downloads.HEAD_LINES].split(",") == downloads.CSV_COLUMNS
    )  # ids, the same in every language
    read = pd.read_csv(io.StringIO("\n".join(lines)), skiprows=downloads.HEAD_LINES)
    assert list(read.columns) == downloads.CSV_COLUMNS and read["value"].tolist() == [186600000.0]


def test_xlsx_sheets_have_translated_titles_names_and_note_above_the_ids(lang):
    data = downloads.facts_xlsx(rows(), FILTERS, TODAY)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == [EXPECTED[lang]["data"], EXPECTED[lang]["sources"]]
    sheets_columns = (downloads.CSV_COLUMNS, downloads.SOURCE_COLUMNS)
    for sheet, columns in zip(book, sheets_columns, strict=False):
        assert sheet["A1"].value == downloads.citation(FILTERS, TODAY)
        assert sheet["A2"].value.startswith(EXPECTED[lang]["note"])
        assert [c.value for c in sheet[3]] == downloads.column_labels(columns)
        assert [c.value for c in sheet[downloads.HEADER_ROW]] == columns
        assert sheet.freeze_panes == f"A{downloads.HEADER_ROW + 1}"
    assert book[EXPECTED[lang]["sources"]]["B3"].value == EXPECTED[lang]["title"]
    read = pd.read_excel(io.BytesIO(data), sheet_name=0, header=downloads.HEADER_ROW - 1)
    assert list(read.columns) == downloads.CSV_COLUMNS and read["value"].tolist() == [186600000.0]
