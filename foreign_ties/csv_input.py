"""Reading one curated CSV file safely: the first gate for every way data arrives.

The build reads every slice through `read_csv`; an upload (a later issue) calls
`validate.check_csv_file(path, table)`, which runs the same function. Nothing here raises on
bad input: every refusal is a `Problem` naming the file, the row as a spreadsheet shows it
(header = row 1), the column, what is wrong and how to fix it.

Checked here (the contract's value rules are in validate.py):
- encoding: UTF-8 with or without BOM; anything else is refused with the detected encoding;
- structure: a folder, an unreadable, empty or header-only file; a missing, unknown or
  duplicated column; a ragged row; a cell over MAX_CELL characters; a line break in a cell
  of a column that must be one line;
- text: NUL and other control characters, bidirectional controls, zero-width characters
  in ids; ids (which become file names) are strict slugs.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

MAX_CELL = 20_000  # characters in one cell
# Free text may run over several lines; every other column is one line.
MULTILINE = frozenset(
    {
        "quote",
        "note",
        "text",
        "description",
        "territory_note",
        "date_note",
        "licence_note",
        "period_note",
        "gloss_en",
        "uncertain_reason",
        "reason",
    }
)
# Columns holding an id (a file name for source_id): lower-case letters, digits, - and _.
ID_COLUMNS = frozenset(
    {
        "province_id",
        "indicator_id",
        "source_id",
        "fact_id",
        "partner_id",
        "superseded_by",
        "merged_into",
    }
)
SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
UTF8_BOM = b"\xef\xbb\xbf"
SAVE_AS = "open it in a spreadsheet and save it as 'CSV UTF-8'"


@dataclass(frozen=True, order=True)
class Problem:
    table: str
    file: str
    line: int  # the row as a spreadsheet shows it (header = 1); 0: the whole folder
    row_id: str
    message: str
    column: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f" row {self.line}"
        if self.column:
            where += f", column {self.column}"
        return (
            f"{where} ({self.row_id}): {self.message}"
            if self.row_id
            else f"{where}: {self.message}"
        )


@dataclass
class Row:
    file: str  # relative to curated/, e.g. facts/seeds.csv
    line: int  # spreadsheet row (header = 1)
    values: dict[str, object] = field(default_factory=dict)


def _letter(index: int) -> str:
    """Spreadsheet column letter of a 0-based index: 0 -> A, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def column_name(header: list[str], index: int) -> str:
    name = header[index] if index < len(header) and header[index] else ""
    return f"{name} ({_letter(index)})" if name else _letter(index)


def _detected(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        return "UTF-16"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
    except Exception:  # noqa: BLE001 - detection is only a hint in the message
        best = None
    return best.encoding if best is not None else "unknown"


def decode(data: bytes) -> tuple[str | None, str, int]:
    """(text, detected encoding, spreadsheet row of the first bad byte) of a CSV's bytes."""
    if data.startswith(UTF8_BOM):
        data = data[len(UTF8_BOM) :]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:200].count(b"\x00") > 10:
        return None, "UTF-16", 1
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError as exc:
        before = data[: exc.start].decode("utf-8", errors="replace")
        rows = before.count("\n") + 1  # the spreadsheet row, unless a cell spans lines
        return None, _detected(data), rows


def _cell_problems(text: str, column: str) -> list[str]:
    """What is wrong with one cell's characters (empty list: nothing)."""
    found = []
    if len(text) > MAX_CELL:
        found.append(
            f"cell has {len(text):,} characters, more than {MAX_CELL:,}: shorten it "
            "(quote one sentence, not the whole document)"
        )
    if ("\n" in text or "\r" in text) and column not in MULTILINE:
        found.append("line break inside the cell: this column must be one line; remove it")
    if "\x00" in text:
        found.append("NUL character (U+0000): the file is damaged or not text; remove it")
    controls = sorted(
        {c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t\x00"}
    )
    if "\t" in text and column not in MULTILINE:
        controls.insert(0, "\t")
    if controls:
        found.append(
            "control character "
            + ", ".join(f"U+{ord(c):04X}" for c in controls)
            + ": remove it (retype the text if it came from a copy)"
        )
    bidi = sorted({c for c in text if c in BIDI})
    if bidi:
        found.append(
            "bidirectional control "
            + ", ".join(f"U+{ord(c):04X}" for c in bidi)
            + " (it can make text display in another order than stored): remove it"
        )
    if column in ID_COLUMNS and text:
        hidden = sorted({c for c in text if c in ZERO_WIDTH})
        if hidden:
            found.append(
                "zero-width character "
                + ", ".join(f"U+{ord(c):04X}" for c in hidden)
                + " in an id: retype the id"
            )
        elif not SLUG.fullmatch(text):
            found.append(
                f"id {text[:80]!r} is not a plain id: use lower-case letters a-z, digits "
                "and single - or _ between them (no spaces, dots, slashes or accents)"
            )
    return found


def shown_id(text: str) -> str:
    """An id as printed in a message: invisible and control characters made visible."""
    return "".join(
        f"<U+{ord(c):04X}>" if unicodedata.category(c) in ("Cc", "Cf") else c for c in text
    )[:80]


HEADER_ONLY = "header only, no rows of data: add rows or delete the file"


def file_problem(table: str, name: str, message: str, row: int = 1) -> Problem:
    """A problem with a whole file (its encoding, its CSV, its header), shown at column A."""
    return Problem(table, name, row, "", message, "A")


def invalid_csv(table: str, name: str, records_read: int, exc: csv.Error) -> Problem:
    """The CSV reader stopped after `records_read` records (the next row is the bad one)."""
    return file_problem(
        table, name, f"not a valid CSV ({exc}): check the quotes in this row", records_read + 1
    )


def is_blank(record: list[str]) -> bool:
    """A row with nothing but spaces: skipped (it still counts as a spreadsheet row)."""
    return not any(cell.strip() for cell in record)


def read_csv(
    path: Path, table: str, name: str, columns: dict, id_column: str = ""
) -> tuple[list, list[Problem]]:
    """The header and records of one CSV slice, or the problems that stop its use.

    Returns ([header, *records with their spreadsheet row], problems). Cell problems are
    reported per cell; a file-level problem returns no records.
    """
    problems: list[Problem] = []

    def refuse(message: str, row: int = 1) -> tuple[list, list[Problem]]:
        problems.append(file_problem(table, name, message, row))
        return [], problems

    if path.is_dir():
        return refuse("is a folder, not a CSV file: remove it or rename it")
    try:
        data = path.read_bytes()
    except OSError as exc:
        return refuse(
            f"cannot be read ({exc.strerror or exc}): check that it is a file you can open"
        )
    text, encoding, bad_row = decode(data)
    if text is None:
        return refuse(f"is not UTF-8 (detected encoding: {encoding}): {SAVE_AS}", bad_row or 1)
    if not text.strip():
        return refuse("empty file: it needs a header row and at least one row of data")
    csv.field_size_limit(sys.maxsize)  # long cells are reported below, never a csv error
    # newline="": only CR and LF end a record (str.splitlines would also split at U+0085)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, record in enumerate(reader, start=1):
            records.append((number, record))
    except csv.Error as exc:
        problems.append(invalid_csv(table, name, len(records), exc))
        return [], problems
    header = [h.strip() for h in records[0][1]]
    problems += header_problems(table, name, header, columns)
    rows = [(n, r) for n, r in records[1:] if not is_blank(r)]
    if not rows and not problems:
        return refuse(HEADER_ONLY, 2)
    if problems:
        return [], problems
    for number, record in rows:
        problems += record_problems(table, name, header, number, record, id_column)
    return [header, *rows], problems


def header_problems(table: str, name: str, header: list[str], columns: dict) -> list[Problem]:
    """What is wrong with a header row (names already stripped): any problem refuses the file."""
    problems = []
    for index, column in enumerate(header):
        for message in _cell_problems(column, ""):
            problems.append(Problem(table, name, 1, "", message, column_name(header, index)))
    seen: dict[str, int] = {}
    for index, column in enumerate(header):
        where = column_name(header, index)
        if not column:
            problems.append(
                Problem(table, name, 1, "", "column without a name: name it or delete it", where)
            )
        elif column in seen:
            problems.append(
                Problem(
                    table,
                    name,
                    1,
                    "",
                    f"duplicated column {column!r} (also column {_letter(seen[column])}): "
                    "keep one and delete the other",
                    where,
                )
            )
        elif column not in columns:
            problems.append(
                Problem(
                    table,
                    name,
                    1,
                    "",
                    f"unknown column {column!r}: rename it to one of "
                    f"{', '.join(columns)} or delete it",
                    where,
                )
            )
        seen.setdefault(column, index)
    missing = [c for c, (_, required) in columns.items() if required and c not in header]
    for column in missing:
        problems.append(
            Problem(
                table,
                name,
                1,
                "",
                f"missing required column {column!r}: add it to the header row",
                _letter(len(header)),
            )
        )
    return problems


def record_problems(
    table: str, name: str, header: list[str], number: int, record: list[str], id_column: str
) -> list[Problem]:
    """What is wrong with one row of data: its number of cells, the characters of each cell."""
    problems = []
    if len(record) != len(header):
        index = min(len(record), len(header))
        problems.append(
            Problem(
                table,
                name,
                number,
                shown_id(record[0] if record else ""),
                f"{len(record)} cells for {len(header)} columns: "
                + (
                    "a cell is missing (or a comma is missing between two cells)"
                    if len(record) < len(header)
                    else "an extra cell (a comma inside text must be in a quoted cell)"
                ),
                column_name(header, index),
            )
        )
    row_id = shown_id(dict(zip(header, record, strict=False)).get(id_column, ""))
    for index, cell in enumerate(record[: len(header)]):
        for message in _cell_problems(cell, header[index]):
            problems.append(
                Problem(table, name, number, row_id, message, column_name(header, index))
            )
    return problems
