"""The checks on a table's value area, as pandera schemas: every value cell has a row label
and a column label, holds a plain number, and a label that must be a year names one.

`value_cells` (table_figures.py) gives one row per non-empty value cell; `problems` returns
one TableError per failing cell, with its file, sheet, cell, row and column, never an
exception for the editor (lazy validation collects them all).
"""

from __future__ import annotations

import re

import pandas as pd

from foreign_ties.table_read import TableError

YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
COLUMNS = ("sheet", "cell", "row", "column", "row_label", "column_label", "text", "number")
MAX_SHOWN = 20  # problems listed; the rest are counted


def year_of(label: str) -> int | None:
    """The one year a label names ("2023", "Năm 2023", "Ước 2024"), else None."""
    years = set(YEAR.findall(label or ""))
    return int(years.pop()) if len(years) == 1 else None


def _names_a_year(labels: pd.Series) -> pd.Series:
    return labels.map(year_of).notna()


def schema(rows: str, columns: str):
    """The value area's schema for a layout: `rows`/`columns` are place, year or measure."""
    import pandera.pandas as pa  # here: only a table upload pays for it

    def label(axis: str, error: str) -> pa.Column:
        checks = [pa.Check.str_length(min_value=1, error=error)]
        if axis == "year":
            checks.append(pa.Check(_names_a_year, error="no_year"))
        return pa.Column(str, checks)

    return pa.DataFrameSchema(
        {
            "sheet": pa.Column(str),
            "cell": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{1,3}[1-9][0-9]*$")),
            "row": pa.Column(int, pa.Check.ge(1)),
            "column": pa.Column(str),
            "row_label": label(rows, "no_row_label"),
            "column_label": label(columns, "no_column_label"),
            "text": pa.Column(str, pa.Check.str_length(min_value=1)),
            "number": pa.Column(float, nullable=False, checks=pa.Check(_finite, error="nan")),
        },
        strict=True,
        ordered=False,
    )


def _finite(numbers: pd.Series) -> pd.Series:
    return numbers.abs() < float("inf")


def _kind(column: str, check: str) -> str:
    if column == "number":
        return "not_number"
    if check in ("no_year", "no_row_label", "no_column_label"):
        if check == "no_year":
            return "row_year" if column == "row_label" else "column_year"
        return check
    return "damaged"


def problems(cells: pd.DataFrame, rows: str, columns: str, file_name: str) -> list[TableError]:
    """Every failing cell of the value area, in reading order (at most MAX_SHOWN)."""
    import pandera.pandas as pa

    if cells.empty:
        return []
    try:
        schema(rows, columns).validate(cells, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases
    else:
        return []
    found: dict[tuple[int, str], TableError] = {}
    for case in cases.to_dict("records"):
        index = case.get("index")
        if index is None or pd.isna(index):
            continue  # a whole-column failure: each of its cells fails too
        where = cells.loc[int(index)]
        kind = _kind(str(case["column"]), str(case["check"]))
        label = where["row_label"] if kind == "row_year" else where["column_label"]
        if kind in ("row_year", "column_year") and not label:
            continue  # said once: the label is missing
        message = (
            f"{file_name}, sheet {where['sheet']}, cell {where['cell']} (row {where['row']}, "
            f"column {where['column']}): {kind.replace('_', ' ')} {where['text']!r}"
        )
        found.setdefault(
            (int(index), kind),
            TableError(
                kind,
                message,
                file=file_name,
                sheet=str(where["sheet"]),
                cell=str(where["cell"]),
                row=str(where["row"]),
                column=str(where["column"]),
                text=str(where["text"]),
                label=str(label),
            ),
        )
    return [found[key] for key in sorted(found)]
