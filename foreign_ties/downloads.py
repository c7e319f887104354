"""Table downloads (CSV, ZIP, XLSX): the figures of a view with their sources, safe to open
in a spreadsheet. Chart images are in `chart_images.py`.

Column ids are the data contract (data/README.md): exports and uploads use the same ids in
every language, so a program reads any download the same way, with no options:

- `facts_csv`: the figures, one header row of column ids and nothing else
  (`pandas.read_csv(path)`; UTF-8 with a BOM so spreadsheets read Vietnamese);
- `facts_zip`: `data.csv` (as above), `sources.csv` (one row per source) and
  `citation.txt`, what people read in their language: how to cite the download (the
  product's citation format, docs/citation.md), whose words the figures are, and each
  column id's name;
- `facts_xlsx`: sheet 1 the figures and sheet 2 their sources, each with one header row of
  ids (`pandas.read_excel(path)`), sheet 3 the citation and the columns' names.

Cells a spreadsheet would run as formulas are neutralised; numbers stay numbers.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font

from foreign_ties import catalog, formatting, safe_text
from foreign_ties.i18n import t
from foreign_ties.state import Filters

CSV_COLUMNS = [
    "fact_id",
    "province_id",
    "place_name",
    "indicator_id",
    "indicator_name",
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
DATA_FILE, SOURCES_FILE, CITATION_FILE = "data.csv", "sources.csv", "citation.txt"
# Text a spreadsheet would run as a formula (first non-blank character = + - @ or their
# full-width forms) gets a leading apostrophe; numbers stay numbers. See safe_text.
neutralise = safe_text.neutralise


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


def safe_table(rows: pd.DataFrame) -> pd.DataFrame:
    rows = rows.copy()
    # the place's and the measure's names in the reader's language, beside their ids
    if "province_id" in rows:
        rows["place_name"] = [catalog.place_name(p) for p in rows["province_id"]]
    if "indicator_id" in rows:
        names = {i: ind.name() for i, ind in catalog.indicators().items()}
        rows["indicator_name"] = [names.get(i, i) for i in rows["indicator_id"]]
    table = rows.reindex(columns=CSV_COLUMNS).copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(neutralise)
    return table


def facts_csv(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """The figures: a row of column ids, then one row per figure (see the module doc).

    `filters` and `today` are the citation's, which lives beside the data (`citation_text`).
    """
    return _csv(safe_table(rows))


def _csv(table: pd.DataFrame) -> bytes:
    # CRLF rows (RFC 4180): a cell holding a CR or LF is then always quoted
    return ("\ufeff" + table.to_csv(index=False, lineterminator="\r\n")).encode("utf-8")


def citation_text(filters: Filters, today: dt.date | None = None) -> str:
    """citation.txt: how to cite the download, whose words the figures are, the columns."""
    lines = [
        t("export.citation_file.title"),
        "",
        t("export.citation_file.cite"),
        citation(filters, today),
        "",
        t("export.citation_file.each"),
        "",
        t("export.citation_file.licence"),
        "",
        t("export.citation_file.columns"),
    ]
    lines += [
        f"  {column}: {label}"
        for column, label in zip(CSV_COLUMNS, column_labels(CSV_COLUMNS), strict=True)
    ]
    return "\n".join(lines) + "\n"


def facts_zip(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """data.csv, sources.csv and citation.txt in one file (see the module doc)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(DATA_FILE, facts_csv(rows, filters, today))
        archive.writestr(SOURCES_FILE, _csv(safe_sources(rows)))
        archive.writestr(CITATION_FILE, ("\ufeff" + citation_text(filters, today)).encode())
    return buffer.getvalue()


def safe_sources(rows: pd.DataFrame) -> pd.DataFrame:
    table = sources_table(rows)
    for column in table.columns:
        table[column] = table[column].map(neutralise)
    return table


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


HEADER_ROW = 1  # the row of column ids on the data and sources sheets; figures below it


def _sheet(book: Workbook, title: str, table: pd.DataFrame, first: bool) -> None:
    sheet = book.active if first else book.create_sheet()
    sheet.title = title[:31]
    sheet.append([str(c) for c in table.columns])
    for cell in sheet[HEADER_ROW]:
        cell.font = Font(bold=True)
    for record in table.itertuples(index=False):
        sheet.append([_cell(v) for v in record])
    _as_text(sheet)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _citation_sheet(book: Workbook, filters: Filters, today: dt.date | None) -> None:
    """The citation, whose words the figures are, and each column id's name."""
    sheet = book.create_sheet(t("export.sheet.citation")[:31])
    for line in (
        citation(filters, today),
        t("export.citation_file.each"),
        t("export.citation_file.licence"),
        "",
    ):
        sheet.append([neutralise(line)])
    sheet["A1"].font = Font(bold=True)
    sheet.append([t("export.citation_file.column_id"), t("export.citation_file.column_name")])
    for column, label in zip(CSV_COLUMNS, column_labels(CSV_COLUMNS), strict=True):
        sheet.append([column, label])
    _as_text(sheet)


def _as_text(sheet) -> None:
    for cell in (c for row in sheet.iter_rows() for c in row):
        if isinstance(cell.value, str):
            cell.data_type = "s"  # text is text, whatever it starts with


def _cell(value: object) -> object:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.to_pydatetime().date()
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        return value.item()  # numpy scalars
    return neutralise(value) if isinstance(value, str) else value


def facts_xlsx(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """A workbook: the figures (same columns as the CSV), their sources, the citation (see the
    module doc); `pandas.read_excel(path)` reads the figures."""
    book = Workbook()
    _sheet(book, t("present.sheet.data"), safe_table(rows), first=True)
    _sheet(book, t("present.sheet.sources"), sources_table(rows), first=False)
    _citation_sheet(book, filters, today)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
