"""Downloads: the figures of a view with their sources, safe to open in a spreadsheet."""
from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from foreign_ties.i18n import t
from foreign_ties.state import Filters

CSV_COLUMNS = [
    "fact_id", "province_id", "indicator_id", "value", "unit", "qualifier", "value_as_written",
    "period_start", "period_end", "breakdown", "partner", "status", "uncertain",
    "uncertain_reason", "superseded_by", "derived_from", "source_id", "publisher", "title",
    "published_date", "url", "quote", "gloss_en",
]
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def citation(filters: Filters, today: dt.date | None = None) -> str:
    return t("export.citation", places=", ".join(filters.provinces),
             first=str(filters.year_from), last=str(filters.year_to),
             date=(today or dt.date.today()).isoformat())


def safe_table(rows: pd.DataFrame) -> pd.DataFrame:
    table = rows.reindex(columns=CSV_COLUMNS).copy()
    for column in table.columns:
        if table[column].dtype == object or pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].map(neutralise)
    return table


def facts_csv(rows: pd.DataFrame, filters: Filters, today: dt.date | None = None) -> bytes:
    """UTF-8 CSV (with BOM, so spreadsheets read Vietnamese correctly); first line cites."""
    buffer = io.StringIO()
    buffer.write("# " + citation(filters, today) + "\n")
    safe_table(rows).to_csv(buffer, index=False)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
