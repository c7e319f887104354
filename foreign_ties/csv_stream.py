"""Reading a large CSV slice in chunks of typed columns, with exactly the problems that
csv_input.read_csv and validate.typed_row find, without holding the file or its rows.

Tests of a whole column at once (which characters occur, the distinct values and their
types) find the few rows that can have a problem; only those go through the per-row
functions (csv_input.record_problems, validate.typed_row), which write the messages. A file
that csv_input refuses as a whole (not a file, not UTF-8, empty) is left to it: `Refused`
with no problems asks the caller to read it with validate's reader; a bad header, a broken
quote or a header without rows is `Refused` with its problems. The caller drops whatever
the file gave before.
"""

from __future__ import annotations

import codecs
import csv
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from foreign_ties import csv_input
from foreign_ties.contract import COLUMNS, ID_COLUMN
from foreign_ties.csv_input import (
    BIDI,
    ID_COLUMNS,
    MAX_CELL,
    MULTILINE,
    SLUG,
    UTF8_BOM,
    ZERO_WIDTH,
    Problem,
    Row,
)
from foreign_ties.validate import _convert, typed_row

CHUNK = 8_192  # rows per chunk


def _chars(chars: frozenset[str]) -> str:
    return "".join(f"\\u{ord(c):04x}" for c in sorted(chars))


# What csv_input._cell_problems reports, as characters: any control character (category
# Cc: U+0000-U+001F, U+007F-U+009F) except the line breaks and tab of free text, the
# bidirectional controls and, in an id, the zero-width characters.
_SUSPECT_TEXT = re.compile(rf"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_chars(BIDI)}]")
_SUSPECT_LINE = re.compile(rf"[\x00-\x1f\x7f-\x9f{_chars(BIDI)}]")
_SUSPECT_ID = re.compile(rf"[\x00-\x1f\x7f-\x9f{_chars(BIDI)}{_chars(ZERO_WIDTH)}]")


def cells_to_check(column: str, cells: Sequence[str]) -> list[int]:
    """Indexes of the cells of one column that csv_input._cell_problems may object to; it
    finds nothing in any other (one test of the whole column instead of one per cell)."""
    if column in ID_COLUMNS:
        pattern = _SUSPECT_ID
    else:
        pattern = _SUSPECT_TEXT if column in MULTILINE else _SUSPECT_LINE
    joined = "".join(cells)
    suspect = pattern.search(joined) is not None or (
        len(joined) > MAX_CELL and max(map(len, cells)) > MAX_CELL
    )
    if not suspect and column in ID_COLUMNS:
        suspect = not all(SLUG.fullmatch(cell) for cell in set(cells) if cell)
    if not suspect:
        return []
    return [i for i, cell in enumerate(cells) if csv_input._cell_problems(cell, column)]


@dataclass
class Chunk:
    """Rows of one slice as typed columns (contract order), with their spreadsheet rows."""

    file: str
    lines: list[int]
    values: dict[str, list]

    def rows(self) -> list[Row]:
        names = list(self.values)
        return [
            Row(self.file, line, dict(zip(names, cells, strict=True)))
            for line, cells in zip(self.lines, zip(*self.values.values(), strict=True), strict=True)
        ]

    @classmethod
    def of_rows(cls, table: str, rows: list[Row]) -> Chunk:
        names = list(COLUMNS[table])
        return cls(
            rows[0].file if rows else "",
            [row.line for row in rows],
            {name: [row.values[name] for row in rows] for name in names},
        )


class Refused(Exception):
    """The file is refused as a whole: `problems` say why (None: read it with validate)."""

    def __init__(self, problems: list[Problem] | None = None) -> None:
        super().__init__(problems)
        self.problems = problems


def _plain(path: Path) -> bool:
    """A readable file that csv_input would not call UTF-16 (what it tests first)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(UTF8_BOM) + 200)
    except OSError:
        return False
    if head.startswith(UTF8_BOM):
        head = head[len(UTF8_BOM) :]
    return not (head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") > 10)


def _utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 24):
                decoder.decode(block)
        decoder.decode(b"", final=True)
    except (OSError, UnicodeDecodeError):
        return False
    return True


def chunks(path: Path, table: str, name: str, problems: list[Problem]) -> Iterator[Chunk]:
    """The typed rows of one slice, CHUNK at a time; problems of rows added to `problems`.

    Raises Refused when the file is refused as a whole (drop what it gave)."""
    if not path.is_file() or not _plain(path):
        raise Refused()
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from _read(handle, path, table, name, problems)
    except (OSError, UnicodeDecodeError):
        raise Refused() from None  # csv_input says it cannot be read or is not UTF-8


def _read(handle, path: Path, table: str, name: str, problems: list) -> Iterator[Chunk]:
    reader = csv.reader(handle, strict=True)
    count = 0  # records read (the header is record 1)

    def broken(exc: csv.Error) -> Refused:
        if not _utf8(path):  # csv_input reports the encoding before the CSV
            return Refused()
        return Refused([csv_input.invalid_csv(table, name, count, exc)])

    try:
        first = next(reader, None)
    except csv.Error as exc:
        raise broken(exc) from None
    if first is None or not any(cell.strip() for cell in first):
        raise Refused()  # an empty file, or a header of blanks: csv_input says what
    count = 1
    header = [h.strip() for h in first]
    wrong = csv_input.header_problems(table, name, header, COLUMNS[table])
    seen_data = False
    while True:
        batch: list[list[str]] = []
        try:
            for record in reader:
                batch.append(record)
                if len(batch) == CHUNK:
                    break
        except csv.Error as exc:
            count += len(batch)
            raise broken(exc) from None
        if not batch:
            break
        first_line, count = count + 1, count + len(batch)
        if wrong:
            continue  # read to the end: a broken quote is reported instead of the header
        chunk = _chunk(table, name, header, first_line, batch, problems)
        if chunk is not None:
            seen_data = True
            yield chunk
    if wrong:
        raise Refused(wrong)
    if not seen_data:
        raise Refused([csv_input.file_problem(table, name, csv_input.HEADER_ONLY, 2)])


def _chunk(
    table: str, name: str, header: list[str], first_line: int, batch: list, problems: list
) -> Chunk | None:
    lines, records = [], []
    for line, record in enumerate(batch, start=first_line):
        if (record and record[0].strip()) or not csv_input.is_blank(record):
            lines.append(line)
            records.append(record)
    if not records:
        return None
    width = len(header)
    flagged: set[int] = set()
    cells = records
    if any(len(record) != width for record in records):
        cells = []
        for i, record in enumerate(records):
            if len(record) != width:
                flagged.add(i)
                record = (record + [""] * width)[:width]
            cells.append(record)
    columns = list(zip(*cells, strict=True))
    for j, column in enumerate(header):
        flagged.update(cells_to_check(column, columns[j]))
    id_column = ID_COLUMN.get(table, "source_id")
    for i in sorted(flagged):
        problems += csv_input.record_problems(table, name, header, lines[i], records[i], id_column)
    return Chunk(name, lines, _typed(table, name, header, lines, records, columns, problems))


def _typed(
    table: str, name: str, header: list, lines: list, records: list, columns: list, problems: list
) -> dict[str, list]:
    """Typed columns: each distinct cell converted once; the rows with an empty required
    cell or a bad value are typed again by validate.typed_row, which reports them."""
    index = {column: j for j, column in enumerate(header)}
    values: dict[str, list] = {}
    redo: set[int] = set()
    for column, (kind, required) in COLUMNS[table].items():
        empty = False if kind == "b" else None
        if column not in index:
            values[column] = [empty] * len(lines)
            continue
        cells = columns[index[column]]
        bad: set[str] = set()
        if kind == "s":
            values[column] = [cell or None for cell in cells]
            if required and "" in cells:
                bad.add("")
        else:
            typed: dict[str, object] = {}
            for text in set(cells):
                if text == "":
                    typed[text] = empty
                    if required:
                        bad.add(text)
                    continue
                try:
                    typed[text] = _convert(kind, text)
                except ValueError:
                    typed[text] = None
                    bad.add(text)
            values[column] = [typed[cell] for cell in cells]
        if bad:
            redo.update(i for i, cell in enumerate(cells) if cell in bad)
    for i in sorted(redo):
        row = typed_row(table, name, lines[i], header, records[i], problems)
        for column, value in row.values.items():
            values[column][i] = value
    return values
