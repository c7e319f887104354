"""A statistics table's candidate figures: one per non-empty value cell, with its document.

The editor says what the table's rows and columns are (`Layout`): places or years down the
side, years, places or measures across the top, the indicator, the unit and scale and the
unit's words as the table writes them ("triệu USD"). Each sheet's header row is its first
row with two or more cells; its label column the first column holding a cell below it;
everything right of the labels and below the header is the value area (a row with a label
and no value is a note, such as "Nguồn: ...", and gives nothing).

The document stored with the figures (data/documents/<source>.txt, beside the file itself)
is the table as text: every cell of every visible sheet as published, then one line per
value cell, `Sheet1!C4 | <row label> | <column label> | <cell> <unit words>`. That line is
the figure's quote: the table's own words with the cell's reference, and the unit the table
states, so the build reads the figure from it (value_as_written) like any sentence.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pandas as pd

from foreign_ties import extract_context as ctx
from foreign_ties import extract_indicators as ind
from foreign_ties.extract import Candidate
from foreign_ties.numbers import (
    COMMA_DECIMAL,
    FigureParseError,
    direction_cue,
    parse_figure,
    qualifier_cue,
)
from foreign_ties.table_read import Cell, Sheet, TableError
from foreign_ties.table_schema import COLUMNS, problems, year_of

ROW_KINDS = ("place", "year")
COLUMN_KINDS = ("year", "measure", "place")
UNITS = ("count", "USD", "VND", "percent", "people", "km", "km2")
SCALES = (1, 1_000, 1_000_000, 1_000_000_000)


@dataclass(frozen=True)
class Layout:
    rows: str  # place | year
    columns: str  # year | measure | place
    indicator: str | None  # every figure's, or for measures the one no label suggests
    unit: str = "count"
    scale: int = 1
    unit_words: str = ""  # the unit as the table writes it: "triệu USD", "%", "dự án"
    year: int | None = None  # when neither rows nor columns are years


@dataclass(frozen=True)
class TableCandidate(Candidate):
    cell: str = ""  # provenance: "Sheet1!C4 (row 'Sơn La', column '2023')"


@dataclass(frozen=True)
class Result:
    document: str
    candidates: list[TableCandidate]
    problems: list[TableError]
    left_out: list[str]  # row or column labels naming no place of the dashboard


def check_layout(layout: Layout, sheets: list[Sheet], language: str, file_name: str) -> None:
    """The layout fits the table: two different kinds of label, a year when no axis has
    them, unit words that the table writes and that read as the chosen unit and scale."""
    where = {"file": file_name, "words": layout.unit_words}
    if layout.rows not in ROW_KINDS or layout.columns not in COLUMN_KINDS:
        raise TableError("layout", f"rows {layout.rows!r}, columns {layout.columns!r}", **where)
    if layout.rows == layout.columns:
        raise TableError("layout", "rows and columns cannot be the same kind", **where)
    if "year" not in (layout.rows, layout.columns) and layout.year is None:
        raise TableError("no_year_given", "neither rows nor columns are years: give --year")
    if layout.columns != "measure" and not layout.indicator:
        raise TableError("no_indicator", "give the indicator of the table's figures")
    words = layout.unit_words.strip()
    if words and not any(words.lower() in c.text.lower() for s in sheets for c in s.cells):
        raise TableError("unit_words_absent", f"{words!r} is not written in the table", **where)
    try:
        parsed = parse_figure(f"1 {words}".strip(), language)
    except FigureParseError as exc:
        raise TableError("unit_words", f"{words!r} is not a unit and scale", **where) from exc
    unit = "people" if parsed.unit == "count" and layout.unit == "people" else parsed.unit
    if (unit, parsed.value) != (layout.unit, float(layout.scale)):
        raise TableError(
            "unit_words",
            f"{words!r} reads as {parsed.value:g} {parsed.unit}, "
            f"not {layout.scale:g} {layout.unit}",
            **where,
        )


def _place(label: str) -> str | None:
    places = {place for _, place in ctx.place_mentions(label)}
    return places.pop() if len(places) == 1 else None


def _number(cell: Cell, language: str) -> tuple[str, float]:
    """The cell as written (a stored number in the language's decimal comma or point) and
    its number, NaN when it is not a plain number."""
    if cell.number is not None:
        text = cell.text.replace(".", ",") if language in COMMA_DECIMAL else cell.text
        return text, cell.number
    try:
        parsed = parse_figure(cell.text, language)
    except FigureParseError:
        return cell.text, math.nan
    return cell.text, parsed.value if parsed.unit == "count" else math.nan


def _label_column(below: list[Cell], row_kind: str, language: str) -> int:
    """The first column holding a cell below the header; for rows of places, the first one
    holding words (a numbering column, "STT" 1, 2, 3, before the names is not the labels)."""
    columns = sorted({c.column for c in below})
    if row_kind == "place":
        for column in columns:
            if any(math.isnan(_number(c, language)[1]) for c in below if c.column == column):
                return column
    return columns[0] if columns else 0


def value_cells(sheet: Sheet, language: str, row_kind: str = "place") -> pd.DataFrame:
    """One row per non-empty cell right of the labels and below the header (the columns of
    table_schema)."""
    rows: dict[int, list[Cell]] = {}
    for cell in sheet.cells:
        rows.setdefault(cell.row, []).append(cell)
    header = next((r for r in sorted(rows) if len(rows[r]) >= 2), None)
    if header is None:
        return pd.DataFrame(columns=list(COLUMNS))
    below = [c for r in sorted(rows) if r > header for c in rows[r]]
    first = _label_column(below, row_kind, language)
    top = {c.column: c.text for c in rows[header]}
    out = []
    for r in sorted(rows):
        if r <= header:
            continue
        label = next((c.text for c in rows[r] if c.column == first), "")
        for cell in rows[r]:
            if cell.column <= first:
                continue
            text, number = _number(cell, language)
            letter = cell.ref.rstrip("0123456789")
            out.append((sheet.name, cell.ref, r, letter, label, top.get(cell.column, ""), text))
            out[-1] += (float(number),)
    return pd.DataFrame(out, columns=list(COLUMNS))


def _cell_lines(sheets: list[Sheet], language: str) -> list[str]:
    return [f"{s.name}!{c.ref}: {_number(c, language)[0]}" for s in sheets for c in s.cells]


def figures(
    sheets: list[Sheet],
    layout: Layout,
    file_name: str,
    language: str,
    published: dt.date,
    place: str,
) -> Result:
    """The table's document and its candidates, or the problems of its value area."""
    check_layout(layout, sheets, language, file_name)
    lang = "vi" if language == "vi" else "en"
    words = layout.unit_words.strip()
    found, left_out, lines = [], [], []
    frames = [value_cells(sheet, lang, layout.rows) for sheet in sheets]
    wrong = [p for f in frames for p in problems(f, layout.rows, layout.columns, file_name)]
    if not any(len(f) for f in frames):
        wrong.append(TableError("no_values", f"{file_name}: no value cells", file=file_name))
    if wrong:
        return Result("", [], wrong, [])
    headed = any(words and words.lower() in str(f).lower() for f in _measures(frames, layout))
    for frame in frames:
        for row in frame.to_dict("records"):
            labels = {layout.rows: row["row_label"], layout.columns: row["column_label"]}
            province = _place(labels["place"]) if "place" in labels else place
            if province is None:
                left_out.append(labels["place"])
                continue
            text = row["text"]  # a percentage cell of a workbook is written "12,5%"
            unit = _words_for(labels, words, headed)
            written = text if unit and text.endswith(unit) else f"{text} {unit}".strip()
            lines.append((row, f"{row['sheet']}!{row['cell']}", written, province, labels))
    intro = (
        f"{file_name}: a statistics table. Its cells as published, then one line per value "
        "cell: cell | row label | column label | the cell as published"
        + (f", with the unit the table states ({words})." if words else ".")
    )
    document = "\n".join([intro, "", *_cell_lines(sheets, lang), ""])
    for row, ref, written, province, labels in lines:
        quote = f"{ref} | {row['row_label']} | {row['column_label']} | {written}"
        at = len(quote) - len(written)
        cell = f"{ref} (row {row['row_label']!r}, column {row['column_label']!r})"
        found.append(
            _candidate(quote, at, len(document), cell, province, labels, layout, lang, published)
        )
        document += quote + "\n"
    return Result(document, found, [], list(dict.fromkeys(left_out)))


def _measures(frames: list[pd.DataFrame], layout: Layout) -> list[str]:
    """The labels of the measures, when columns are measures."""
    if layout.columns != "measure":
        return []
    return [label for f in frames for label in f["column_label"]]


def _words_for(labels: dict[str, str], words: str, headed: bool) -> str:
    """The unit words of a cell: every cell's, except in columns of measures when some
    labels state them ("Vốn đăng ký (triệu USD)"): then only those columns' cells (the
    others, "Số dự án", are counts)."""
    if not headed or "measure" not in labels:
        return words
    return words if words.lower() in labels["measure"].lower() else ""


def _indicator(labels: dict[str, str], layout: Layout, province: str, unit: str) -> str | None:
    """The layout's indicator, or for a column of measures the one its label suggests for
    the cell's unit."""
    if "measure" not in labels:
        return layout.indicator
    label = labels["measure"]
    unit = "count" if unit == "people" else unit
    return ind.suggest_indicator(label, len(label), len(label), unit, province) or layout.indicator


def _period(
    labels: dict[str, str], indicator: str | None, layout: Layout, published: dt.date
) -> tuple[dt.date, dt.date, str]:
    """The year of the label (or the layout's): the whole year for a flow, its last day (or
    the publication date, if earlier) for a stock; a note when the year was not over."""
    year = year_of(labels["year"]) if "year" in labels else layout.year
    assert year is not None  # the schema and check_layout ensure it
    known = ind.indicators()
    kind = known[indicator].kind if indicator in known else "flow"
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if kind == "stock":
        start = end = min(end, published)
    note = ""
    if end > published:
        note = f"the table gives {year}, which was not over when it was published ({published})"
    return start, end, note


def _candidate(
    quote: str,
    at: int,
    offset: int,
    cell: str,
    province: str,
    labels: dict[str, str],
    layout: Layout,
    lang: str,
    published: dt.date,
) -> TableCandidate:
    """A cell's figure, read from its quote as the build will read it."""
    written = quote[at:]
    parsed = parse_figure(written, lang)
    value = parsed.value
    if parsed.unit == "percent":
        value *= direction_cue(quote, written, lang)
    unit = layout.unit if (parsed.unit, layout.unit) == ("count", "people") else parsed.unit
    indicator = _indicator(labels, layout, province, unit)
    start, end, note = _period(labels, indicator, layout, published)
    return TableCandidate(
        value=value,
        unit=unit,
        qualifier=qualifier_cue(quote, written, lang),
        value_as_written=written,
        period_start=start,
        period_end=end,
        period_note=note,
        province_id=province,
        indicator_id=indicator,
        status=ctx.status_for(quote, at),
        quote=quote,
        offset=offset + at,
        cell=cell,
    )
