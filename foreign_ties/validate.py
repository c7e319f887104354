"""Load the curated CSV slices and check them against the data contract (data/README.md).

Every problem is collected (never only the first) as a `Problem` naming the table, the CSV
file, its line (header = line 1) and the row's id, so curators can fix them all at once.

`load` + `check` read every row into memory (the data of an ingest, the tests); the build
runs the same reading and rules on large data without holding every row (bulk.py).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from pathlib import Path

from foreign_ties import csv_input, rules, value_rules
from foreign_ties.contract import (  # noqa: F401 - the contract, as validate has always offered it
    COLUMNS,
    CSV_TABLES,
    ENUMS,
    FOREIGN_KEYS,
    ID_COLUMN,
    REL_TOLERANCE,
    UNIT_FITS,
)
from foreign_ties.csv_input import Problem, Row
from foreign_ties.rules import display, rid  # noqa: F401 - used by ingest and older callers

OPTIONAL_TABLES = ("fx_rates", "partners", "not_figures")  # may have no slice at all


@dataclass
class Curated:
    rows: dict[str, list[Row]]
    documents: dict[str, str]  # source_id -> text (only for known sources)
    problems: list[Problem]


def _convert(kind: str, text: str) -> object:
    if kind == "s":
        return text
    if kind == "f":
        value = float(text)
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"{text!r} is not a finite number")
        return value
    if kind == "i":
        return int(text)
    if kind == "d":
        return (
            dt.date.fromisoformat(text)
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
            else _bad_date(text)
        )
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    raise ValueError(f"{text!r} is not true or false")


def _bad_date(text: str) -> dt.date:
    raise ValueError(f"{text!r} is not an ISO date YYYY-MM-DD")


def typed_row(
    table: str, name: str, number: int, header: list[str], record: list[str], problems: list
) -> Row:
    """One record as a Row of typed values; an empty required cell or a value of the wrong
    type is added to `problems` (and becomes None)."""
    columns = COLUMNS[table]
    row = Row(name, number)
    raw = dict(zip(header, record, strict=False))
    row_id = csv_input.shown_id(raw.get(ID_COLUMN.get(table, "source_id"), "") or "")
    for column, (kind, required) in columns.items():
        text = raw.get(column, "")
        if text == "":
            row.values[column] = False if kind == "b" else None
            if required and column in header:
                problems.append(
                    Problem(table, name, number, row_id, f"{column} is empty: fill it in", column)
                )
            continue
        try:
            row.values[column] = _convert(kind, text)
        except ValueError as exc:
            row.values[column] = None
            problems.append(Problem(table, name, number, row_id, f"{column}: {exc}", column))
    return row


def _rows_of(path: Path, table: str, name: str, problems: list[Problem]) -> list[Row]:
    """The typed rows of one slice; every problem (reading or types) added to `problems`."""
    id_column = ID_COLUMN.get(table, "source_id")
    read, found = csv_input.read_csv(path, table, name, COLUMNS[table], id_column)
    problems.extend(found)
    if not read:
        return []
    header, records = read[0], read[1:]
    return [typed_row(table, name, number, header, record, problems) for number, record in records]


def check_csv_file(path: Path, table: str) -> list[Problem]:
    """Every problem of one CSV file on its own (encoding, structure, text, ids, types).

    The one gate for data arriving one file at a time (an upload): the build runs the same
    reading on every slice, then the rules that need the other tables (validate.check).
    """
    if table not in COLUMNS or table == "documents":
        raise ValueError(f"unknown table {table!r}")
    problems: list[Problem] = []
    _rows_of(Path(path), table, f"{table}/{Path(path).name}", problems)
    return sorted(set(problems))


def slices(curated: Path, table: str, problems: list[Problem]) -> list[Path]:
    """The CSV slices of a table, in build order (a required table needs one)."""
    folder = curated / table
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    if not files and table not in OPTIONAL_TABLES:
        problems.append(Problem(table, f"{table}/", 0, "", "no CSV slice found: add one", "A"))
    return files


def read_table(curated: Path, table: str, problems: list[Problem]) -> list[Row]:
    rows: list[Row] = []
    for path in slices(curated, table, problems):
        rows += _rows_of(path, table, f"{table}/{path.name}", problems)
    return rows


def load(data_dir: Path) -> Curated:
    problems: list[Problem] = []
    curated = data_dir / "curated"
    rows = {table: read_table(curated, table, problems) for table in CSV_TABLES}
    documents = read_documents(rows["sources"], data_dir, problems)
    return Curated(rows, documents, problems)


def read_documents(sources: list[Row], data_dir: Path, problems: list[Problem]) -> dict[str, str]:
    """source_id -> text of each source's document; a missing or unusable one is a problem."""
    documents: dict[str, str] = {}
    folder = (data_dir / "documents").resolve()
    for row in sources:
        source_id = row.values.get("source_id")
        if not source_id or not csv_input.SLUG.fullmatch(str(source_id)):
            continue  # an id that is not a slug is reported by csv_input: never a path

        def refuse(message: str, row: Row = row, source_id: str = source_id) -> None:
            problems.append(Problem("sources", row.file, row.line, source_id, message, "source_id"))

        path = data_dir / "documents" / f"{source_id}.txt"
        shown = display(path, data_dir)
        try:
            outside = not path.resolve().is_relative_to(folder)
            missing = not outside and not path.is_file()
        except OSError as exc:  # an id too long for a file name, say
            refuse(f"document {shown} cannot be read ({exc.strerror or exc})")
            continue
        if outside:
            refuse(f"document {shown} is outside data/documents/ (a link?): copy the file in")
            continue
        if missing:
            refuse(f"document {shown} is missing: add the source's text as {shown}")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            refuse(f"document {shown} cannot be read ({exc.strerror or exc})")
            continue
        text, encoding, _ = csv_input.decode(data)
        if text is None:
            refuse(
                f"document {shown} is not UTF-8 (detected encoding: {encoding}): save it as UTF-8"
            )
            continue
        if not text.strip():
            refuse(f"document {shown} is empty: paste the source's text into it")
            continue
        documents[source_id] = text
    return documents


def check(data: Curated, data_dir: Path) -> list[Problem]:
    """All problems of loading and of the contract's rules, sorted by file and line."""
    problems = list(data.problems)
    add = rules.adder(problems)
    ids = rules.index_ids(data.rows, add)
    for table in CSV_TABLES:
        rules.check_rows(table, data.rows[table], ids, data.documents, data_dir, add)
    value_rules.check_supersession(data.rows["facts"], add)
    return sorted(set(problems))
