"""Table downloads (CSV, XLSX): the figures of a view with their sources, safe to open in a
spreadsheet. Chart images are in `chart_images.py`.

Column ids are the data contract (data/README.md): exports and uploads use the same ids in
every language, so a program reads any download the same way. What people read is in the
reader's language: the citation line (place names, the date as the reader writes it), a
note, and a row of column names. In a CSV these three come first as lines starting with
"#", then the row of ids, then the figures:

    # <citation>
    # <note: the next line names the columns, the line after holds their ids>
    # <column names in the reader's language, in column order>
    fact_id,province_id,...            <- the ids, the same in every language
    son-la-exports-2023,son-la,...

A program skips the three "#" lines (`pandas.read_csv(path, skiprows=3)`).

Each sheet of a workbook (`facts_xlsx`, titled in the reader's language) starts with the
same four rows: 1 the citation, 2 a note on rows 3 and 4, 3 the column names in the
reader's language, 4 the column ids; the figures start on row 5. A program reads
`pandas.read_excel(path, sheet_name=0, header=3)`. Cells a spreadsheet would run as
formulas are neutralised; numbers stay numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from foreign_ties import catalog, formatting
from foreign_ties.i18n import t
from foreign_ties.state import Filters

CSV_COLUMNS = [
    "fact_id",
    "province_id",
    "indicator_id",
    "value",
    "unit",
    "qualifier",
    "value_as_written",
    "period_start",
    "period_end",
    "breakdown",
    "partner",
    "status",
    "uncertain",
    "uncertain_reason",
    "superseded_by",
    "derived_from",
    "source_id",
    "publisher",
    "title",
    "published_date",
    "url",
    "quote",
    "gloss_en",
]
SOURCE_COLUMNS = ["source_id", "title", "publisher", "published_date", "url", "quotes"]
HEAD_LINES = 3  # "#" lines before the row of column ids in a CSV
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def citation(filters: Filters, today: dt.date | None = None) -> str:
    """What the file is, for whom and when: place names and date in the reader's language."""
    return t(
        "export.citation",
        places=", ".join(catalog.place_name(p) for p in filters.provinces),
        first=str(filters.year_from),
        last=str(filters.year_to),
        date=formatting.date_text(today or dt.date.today()),
    )


def column_labels(columns: list[str]) -> list[str]:
    """Each column id's name in the reader's language (the id itself if it has none)."""
    return [t(f"export.column.{c}") for c in columns]


def header_note() -> str:
    return t("export.header_note")


def safe_table(rows: pd.DataFrame) -> pd.DataFrame:
    table = rows.reindex(columns=CSV_COLUMNS).copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(neutralise)
    return table


def facts_csv(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheets read Vietnamese correctly); see the module doc."""
    labels = io.StringIO()
    csv.writer(labels, lineterminator="").writerow(column_labels(CSV_COLUMNS))
    buffer = io.StringIO()
    for line in (citation(filters, today), header_note(), labels.getvalue()):
        buffer.write("# " + line.replace("\n", " ") + "\n")
    safe_table(rows).to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def sources_table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per source of the figures: who published what, when, and the sentences."""
    if rows.empty:
        return pd.DataFrame(columns=SOURCE_COLUMNS)
    table = (
        rows.groupby("source_id", sort=False)
        .agg(
            title=("title", "first"),
            publisher=("publisher", "first"),
            published_date=("published_date", "first"),
            url=("url", "first"),
            quotes=(
                "quote",
                lambda q: "\n".join(dict.fromkeys(x for x in q if isinstance(x, str))),
            ),
        )
        .reset_index()
    )
    return table.reindex(columns=SOURCE_COLUMNS)


HEADER_ROW = 4  # the row of column ids; figures start below it


def _sheet(book: Workbook, title: str, table: pd.DataFrame, cite: str, first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    columns = [str(c) for c in table.columns]
    sheet.append([neutralise(cite)])
    sheet.append([header_note()])
    sheet.append(column_labels(columns))
    sheet.append(columns)
    sheet["A1"].font = sheet["A2"].font = Font(italic=True)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(color="555555")
    for record in table.itertuples(index=False):
        sheet.append([_cell(v) for v in record])
    for cell in (c for row in sheet.iter_rows() for c in row):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text is text, whatever it starts with
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _cell(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return neutralise(value) if isinstance(value, str) else value


def facts_xlsx(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """A workbook: the figures (same columns as the CSV), their sources; four header rows
    on each sheet (citation, note, names in the reader's language, ids: see the module doc)."""
    cite = citation(filters, today)
    book = Workbook()
    _sheet(book, t("present.sheet.data"), safe_table(rows), cite, first=True)
    _sheet(book, t("present.sheet.sources"), sources_table(rows), cite, first=False)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
