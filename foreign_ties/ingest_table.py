"""A statistics table (.csv, .xlsx) for `python -m foreign_ties.ingest`: its options, and
the report and candidates it gives (the same as the Add figures page: add_table.py).

    python -m foreign_ties.ingest TABLE.xlsx --published YYYY-MM-DD --place SLUG --editor NAME
        --rows place|year --columns year|measure|place [--indicator ID] [--unit UNIT]
        [--scale N] [--unit-words WORDS] [--year YYYY] [--accept-all] ...

Refusals (formulas, zip bombs, hidden sheets with data, files over 10 MB, other encodings
than UTF-8, cells that are not numbers) are usage errors naming the file, sheet and cell.
"""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from foreign_ties.extract import Candidate
from foreign_ties.ingest_publish import new_report
from foreign_ties.ingest_rows import IngestError, Report
from foreign_ties.table_figures import COLUMN_KINDS, ROW_KINDS, SCALES, UNITS, Layout, figures
from foreign_ties.table_read import TableError, kind_of, read_table
from foreign_ties.table_schema import MAX_SHOWN


def add_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("for a table (.csv, .xlsx): one figure per value cell")
    group.add_argument("--rows", choices=ROW_KINDS, help="what the rows are")
    group.add_argument("--columns", choices=COLUMN_KINDS, help="what the columns are")
    group.add_argument("--indicator", help="indicator_id of the figures")
    group.add_argument("--unit", choices=UNITS, default="count", help="default: count")
    group.add_argument("--scale", type=int, choices=SCALES, default=1, help="default: 1")
    group.add_argument(
        "--unit-words", default="", help="the unit as the table writes it: 'triệu USD', '%%'"
    )
    group.add_argument("--year", type=int, help="when neither rows nor columns are years")


def is_table(path: str) -> bool:
    with open(path, "rb") as handle:
        head = handle.read(65536)
    return kind_of(head, Path(path).name) is not None


def read(args) -> tuple[Report, list[Candidate], list[str]]:
    """The table's report, candidates and left-out labels; IngestError when refused."""
    if not args.rows or not args.columns:
        raise IngestError(f"{args.file} is a table: give --rows and --columns")
    layout = Layout(
        args.rows,
        args.columns,
        args.indicator,
        args.unit,
        args.scale,
        args.unit_words,
        args.year,
    )
    name = Path(args.file).name
    data = Path(args.file).read_bytes()
    language = args.language or "en"
    try:
        sheets = read_table(data, name)
        if not args.language:
            from foreign_ties.add_table import language_of

            language = language_of(sheets, "auto")
        result = figures(sheets, layout, name, language, args.published, args.place)
    except TableError as exc:
        raise IngestError(str(exc)) from exc
    if result.problems:
        shown = "; ".join(str(p) for p in result.problems[:MAX_SHOWN])
        more = len(result.problems) - MAX_SHOWN
        raise IngestError(shown + (f"; and {more} more" if more > 0 else ""))
    if not result.candidates:
        raise IngestError(f"{name}: no row or column names a place: {', '.join(result.left_out)}")
    report = new_report(
        result.document,
        args.published,
        args.place,
        args.editor,
        name,
        source_id=args.source_id,
        language=language,
        url=args.url,
        title=args.title or Path(name).stem,
        publisher=args.publisher,
    )
    suffix = ".xlsx" if kind_of(data, name) == "xlsx" else ".csv"
    report = dataclasses.replace(report, original=(suffix, data))
    return report, list(result.candidates), result.left_out
