"""Downloads: the figures of a view with their sources, safe to open in a spreadsheet.

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

A program skips the three "#" lines (`pandas.read_csv(path, skiprows=3)`). The XLSX
download (`exporting.facts_xlsx`) puts the same four rows on top of each sheet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd

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
