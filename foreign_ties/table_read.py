"""A statistics table's cells from an uploaded .csv or .xlsx, or why it is refused.

The type is read from the content, not from the name. Refused, each with `TableError.kind`
and where (file, sheet, cell) for a message in the reader's language (add_table.py):
files over 10 MB (too_large), empty files (empty), old or password-protected Excel files
(encrypted), zip archives that are not a workbook or would unpack to far more than they
weigh (not_table, zip_bomb), formulas (formula: the figure must be the published number,
not a computation), hidden sheets that hold data (hidden_sheet), data in hidden rows or
columns (hidden_cells), CSV that is not UTF-8
(encoding) and anything else that is not a table (not_table, damaged).

Nothing here is shown as Markdown or HTML: cells are plain strings for the caller.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from foreign_ties.extract_read import MAX_BYTES, OLE_MAGIC
from foreign_ties.table_hidden import Hidden, hidden_by_sheet

# A workbook of at most 10 MB unpacks to far less than this; a zip bomb to far more.
MAX_UNZIPPED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, for a member larger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small XML parts compress very well and harmlessly
MAX_MEMBERS = 10_000
MAX_CELLS = 200_000  # more non-empty cells than any provincial table holds


# Every TableError.kind (here, table_figures.check_layout and table_schema): each has a
# message table.refused.<kind> in foreign_ties/locales/*/tables.po.
REFUSAL_KINDS = (
    *("empty", "too_large", "encrypted", "damaged", "not_table", "zip_bomb", "formula"),
    *("hidden_sheet", "hidden_cells", "encoding", "layout", "no_year_given", "no_indicator"),
    *("unit_words_absent", "unit_words", "not_number", "no_row_label", "no_column_label"),
    *("row_year", "column_year", "no_values"),
)


class TableError(ValueError):
    """Why a table is refused: `kind` names the reason, `where` the file, sheet and cell."""

    def __init__(self, kind: str, message: str, **where: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.where = where


@dataclass(frozen=True)
class Cell:
    row: int  # 1-based, as a spreadsheet numbers them
    column: int  # 1-based (1 = A)
    text: str  # as published: a number cell as its shortest decimal, never a formula
    number: float | None = None  # the cell's number when the workbook stores one

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass(frozen=True)
class Sheet:
    name: str
    cells: tuple[Cell, ...] = field(default_factory=tuple)  # non-empty cells, row by row


TABLE_SUFFIXES = (".csv", ".xlsx", ".xlsm", ".xls")


def kind_of(data: bytes, file_name: str) -> str | None:
    """'xlsx' or 'csv' when the file is a table, None when it is a report for the text
    reader. A workbook is known by its content (a zip holding xl/); text is a CSV table only
    when its name says so, since a report's prose has commas too. A file named as a table
    whose content is not one is a table for this reader, which says why it is refused."""
    head = data[:65536]
    if head.startswith(b"PK\x03\x04") and b"xl/" in head and b"word/" not in head:
        return "xlsx"
    suffix = Path(file_name).suffix.lower()
    if suffix == ".csv":
        return "csv"
    return "xlsx" if suffix in TABLE_SUFFIXES else None


def read_table(data: bytes, file_name: str) -> list[Sheet]:
    """The sheets of a table file (only visible sheets); TableError when refused."""
    if not data.strip():
        raise TableError("empty", f"{file_name}: the file is empty", file=file_name)
    if len(data) > MAX_BYTES:
        raise TableError(
            "too_large", f"{file_name}: larger than {MAX_BYTES // 2**20} MB", file=file_name
        )
    if data[:8] == OLE_MAGIC:
        raise TableError(
            "encrypted",
            f"{file_name}: an old Excel file (.xls) or a password-protected workbook",
            file=file_name,
        )
    if data[:4] == b"PK\x03\x04":
        return _xlsx(data, file_name)
    if Path(file_name).suffix.lower() != ".csv":
        raise TableError("not_table", f"{file_name}: not a workbook (.xlsx)", file=file_name)
    return [_csv(data, file_name)]


def read_path(path: str | Path) -> list[Sheet]:
    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        raise TableError(
            "too_large", f"{path.name}: larger than {MAX_BYTES // 2**20} MB", file=path.name
        )
    return read_table(path.read_bytes(), path.name)


def check_zip(data: bytes, file_name: str) -> None:
    """Refuse a zip that would unpack to far more than it weighs, before anything opens it
    (zipfile never unpacks a member past the size its directory declares, so these sums
    bound what openpyxl can read)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise TableError("damaged", f"{file_name}: a damaged zip ({exc})", file=file_name) from exc
    total = sum(m.file_size for m in members)
    if len(members) > MAX_MEMBERS or total > MAX_UNZIPPED_BYTES:
        raise TableError(
            "zip_bomb",
            f"{file_name}: would unpack to {total // 2**20} MB in {len(members)} parts",
            file=file_name,
        )
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise TableError(
                "zip_bomb",
                f"{file_name}: part {m.filename} is compressed {ratio:.0f} times",
                file=file_name,
            )
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise TableError("not_table", f"{file_name}: a zip that is not a workbook", file=file_name)


def _number_text(value: float | int) -> str:
    """A stored number as its shortest decimal (1234.5, 2023), never in exponent form."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return f"{float(value):.12f}".rstrip("0") if "e" in text else text


def _cell_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    return " ".join(str(value).split())


def _xlsx(data: bytes, file_name: str) -> list[Sheet]:
    check_zip(data, file_name)
    import openpyxl  # here: only a table upload pays for it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many types for a damaged package
        raise TableError(
            "damaged", f"{file_name}: cannot be read ({type(exc).__name__})", file=file_name
        ) from exc
    hidden = hidden_by_sheet(data)
    try:
        sheets, count = [], 0
        for sheet in book.worksheets:
            cells = _sheet_cells(sheet, file_name, hidden.get(sheet.title))
            count += len(cells)
            if count > MAX_CELLS:
                raise TableError("too_large", f"{file_name}: too many cells", file=file_name)
            if sheet.sheet_state == "visible":
                sheets.append(Sheet(sheet.title, cells))
    finally:
        book.close()
    if not any(s.cells for s in sheets):
        raise TableError("empty", f"{file_name}: no cell holds anything", file=file_name)
    return sheets


def _sheet_cells(sheet, file_name: str, hidden: Hidden | None = None) -> tuple[Cell, ...]:
    """A visible sheet's non-empty cells; a formula anywhere, or any data on a hidden sheet
    or in a hidden row or column, refuses the file."""
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            value = cell.value
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            where = {"file": file_name, "sheet": sheet.title, "cell": cell.coordinate}
            if cell.data_type == "f":
                raise TableError(
                    "formula",
                    f"{file_name}, sheet {sheet.title}, cell {cell.coordinate}: a formula",
                    **where,
                )
            if sheet.sheet_state != "visible":
                raise TableError(
                    "hidden_sheet",
                    f"{file_name}: hidden sheet {sheet.title} holds data ({cell.coordinate})",
                    **where,
                )
            if hidden and hidden.holds(cell.row, cell.column):
                raise TableError(
                    "hidden_cells",
                    f"{file_name}, sheet {sheet.title}: cell {cell.coordinate} is hidden",
                    **where,
                )
            number = _float(value) if cell.data_type == "n" else None
            text = _cell_text(value)
            if number is not None and "%" in str(cell.number_format or ""):
                # shown as a percentage: Excel stores 12.5% as 0.125
                number = round(number * 100, 10)
                text = _number_text(number) + "%"
            cells.append(Cell(cell.row, cell.column, text, number))
            if len(cells) > MAX_CELLS:
                raise TableError("too_large", f"{file_name}: too many cells", **where)
    return tuple(cells)


def _float(value: object) -> float | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _csv(data: bytes, file_name: str) -> Sheet:
    if b"\x00" in data[:4096]:
        hint = "UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "binary"
        raise TableError(
            "encoding",
            f"{file_name}: not UTF-8 text ({hint})",
            file=file_name,
            row="1",
            found=hint,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TableError(
            "encoding",
            f"{file_name}: not UTF-8 (line {line}, byte {exc.start})",
            file=file_name,
            row=str(line),
            found=_guess_encoding(data),
        ) from exc
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    cells = []
    for r, values in enumerate(csv.reader(io.StringIO(text, newline=""), dialect), start=1):
        for c, value in enumerate(values, start=1):
            if value.strip():
                cells.append(Cell(r, c, " ".join(value.split())))
        if len(cells) > MAX_CELLS:
            raise TableError("too_large", f"{file_name}: too many cells", file=file_name)
    if not cells:
        raise TableError("empty", f"{file_name}: no cell holds anything", file=file_name)
    return Sheet(Path(file_name).stem or "table", tuple(cells))


def _guess_encoding(data: bytes) -> str:
    """The likely encoding of text that is not UTF-8, for the message (it is not read)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return best.encoding if best else "unknown"
