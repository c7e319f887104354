"""The rules of the data contract that look at typed rows: ids and references, allowed
values, quotes in their documents, a figure against its sentence (value_rules.py has the
rules on values that need more than one cell).

Each rule calls `add(table, row, message, column)` once per problem. validate.check runs
them on whole tables; bulk.py runs the per-row ones on chunks of a large facts table and
the rest on the few rows they can concern, so both report the same problems.
"""

from __future__ import annotations

import functools
import math
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

from foreign_ties import csv_input, value_rules
from foreign_ties.contract import ENUMS, FOREIGN_KEYS, ID_COLUMN, REL_TOLERANCE, UNIT_FITS
from foreign_ties.csv_input import Problem, Row
from foreign_ties.numbers import (
    FigureParseError,
    direction_cue,
    find_figure,
    parse_figure,
    qualifier_cue,
)

Add = Callable[[str, Row, str, str], None]
# parse_figure depends on its two arguments only: figures written alike are parsed once
# (a figure that cannot be parsed raises each time: errors are not kept).
_parsed = functools.lru_cache(maxsize=1 << 16)(parse_figure)
QUOTED = ("facts", "partners", "fx_rates")  # tables whose quote must be in its document


def rid(table: str, row: Row) -> str:
    if table in ID_COLUMN:
        return str(row.values.get(ID_COLUMN[table]) or "")
    if table == "fx_rates":
        return f"{row.values.get('currency')} {row.values.get('year')}"
    return str(row.values.get("source_id") or "")


def adder(problems: list[Problem]) -> Add:
    """`add(table, row, message, column)`: a Problem at the row, named by its id."""

    def add(table: str, row: Row, message: str, column: str) -> None:
        problems.append(
            Problem(table, row.file, row.line, csv_input.shown_id(rid(table, row)), message, column)
        )

    return add


def display(path: Path, data_dir: Path) -> str:
    """A path as printed in messages: data/documents/x.txt for the real data."""
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def index_ids(rows: dict[str, list[Row]], add: Add) -> dict[str, dict[str, Row]]:
    """id -> first row with it, per table of `rows` that has an id; every later row with the
    same id is a duplicate."""
    ids: dict[str, dict[str, Row]] = {}
    for table, column in ID_COLUMN.items():
        if table not in rows:
            continue
        ids[table] = {}
        for row in rows[table]:
            key = row.values.get(column)
            if key is None:
                continue
            if key in ids[table]:
                first = ids[table][key]
                add(
                    table,
                    row,
                    f"duplicate {column} {key!r}, also at {first.file} row {first.line}: "
                    "give one of them another id",
                    column,
                )
            else:
                ids[table][key] = row
    return ids


def check_rows(
    table: str,
    rows: Iterable[Row],
    ids: dict,
    documents: dict[str, str],
    data_dir: Path,
    add: Add,
    keys: dict[tuple[str, str], str] = FOREIGN_KEYS,
) -> None:
    """Every rule on the rows of one table but the ids (index_ids) and the chains of
    superseded figures (value_rules.check_supersession). `keys`: the references to check
    (`ids` holds the ids of each referenced table)."""
    rows = list(rows)
    for (name, column), allowed in ENUMS.items():
        if name != table:
            continue
        for row in rows:
            value = row.values.get(column)
            if value is not None and value not in allowed:
                add(
                    table,
                    row,
                    f"{column} {value!r} is not one of {', '.join(sorted(allowed))}",
                    column,
                )
    check_keys(table, rows, ids, add, keys)
    if table == "fx_rates":
        seen_fx: dict[tuple, Row] = {}
        for row in rows:
            key = (row.values.get("currency"), row.values.get("year"))
            if key in seen_fx:
                first = seen_fx[key]
                add(
                    "fx_rates",
                    row,
                    f"duplicate year, also at {first.file} row {first.line}",
                    "year",
                )
            seen_fx.setdefault(key, row)
            value_rules.check_rate(row, add)
    if table in QUOTED:
        for row in rows:
            check_quote(table, row, documents, data_dir, add)
    if table == "facts":
        for row in rows:
            check_fact(row, ids, add)
            value_rules.check_publication(row, ids["sources"], add)
            value_rules.check_rank(row, add)


def check_keys(
    table: str, rows: list[Row], ids: dict, add: Add, keys: dict[tuple[str, str], str]
) -> None:
    """References: each value of a key column is an id of the table it points at."""
    for (name, column), target in keys.items():
        if name != table:
            continue
        for row in rows:
            value = row.values.get(column)
            if value is not None and value not in ids[target]:
                add(table, row, f"{column} {value!r} is not in {target}/", column)


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split())


def check_quote(table: str, row: Row, documents: dict[str, str], data_dir: Path, add) -> None:
    quote, source_id = row.values.get("quote"), row.values.get("source_id")
    if not quote or not source_id or source_id not in documents:
        return  # empty quote / unknown source / missing document are reported elsewhere
    document = documents[source_id]
    if quote not in document:
        shown = display(data_dir / "documents" / f"{source_id}.txt", data_dir)
        hint = (
            " (it would match after normalising spaces, apostrophes and Unicode: copy it "
            "byte for byte)"
            if _norm(quote) in _norm(document)
            else ""
        )
        add(table, row, f"quote not found in {shown}{hint}", "quote")


def check_fact(row: Row, ids: dict[str, dict[str, Row]], add) -> None:
    v = row.values
    if v.get("derived_from"):
        add(
            "facts",
            row,
            "derived_from must be empty in curated CSVs (computed figures are made "
            "by the package, never typed in)",
            "derived_from",
        )
    if v.get("superseded_by") and v.get("superseded_by") == v.get("fact_id"):
        add("facts", row, "superseded_by points at the fact itself", "superseded_by")
    start, end = v.get("period_start"), v.get("period_end")
    indicator = ids["indicators"].get(v.get("indicator_id"))
    if start and end:
        if start > end:
            add(
                "facts",
                row,
                f"period_start {start} is after period_end {end}: swap them",
                "period_end",
            )
        if indicator and indicator.values.get("kind") == "stock" and start != end:
            add(
                "facts",
                row,
                f"stock indicator {v['indicator_id']}: period_start {start} must "
                f"equal period_end {end} (the as-of date)",
                "period_start",
            )
    unit = v.get("unit")
    dimension = indicator.values.get("unit") if indicator else None
    if unit and dimension in UNIT_FITS and unit not in UNIT_FITS[dimension]:
        add(
            "facts",
            row,
            f"unit {unit!r} does not fit indicator {v['indicator_id']} "
            f"(unit {dimension!r}: {', '.join(sorted(UNIT_FITS[dimension]))})",
            "unit",
        )
    quote, written = v.get("quote"), v.get("value_as_written")
    if not quote or not written:
        return
    if find_figure(quote, written) < 0:
        inside = " (only inside a longer number or word)" if written in quote else ""
        add(
            "facts",
            row,
            f"value_as_written {written!r} does not occur in the quote{inside}",
            "value_as_written",
        )
        return
    source = ids["sources"].get(v.get("source_id"))
    language = source.values.get("language") if source else None
    if language is None:
        return
    try:
        parsed = _parsed(written, language)
    except FigureParseError as exc:
        add("facts", row, f"value_as_written cannot be parsed: {exc}", "value_as_written")
    else:
        value = v.get("value")
        sign = direction_cue(quote, written, language) if parsed.unit == "percent" else 1
        expected = parsed.value * sign
        if value is not None and not math.isclose(
            expected, value, rel_tol=REL_TOLERANCE, abs_tol=0.0
        ):
            fell = " the sentence says it fell, so store it as negative;" if sign < 0 else ""
            add(
                "facts",
                row,
                f"value {value!r} does not match value_as_written {written!r} "
                f"(reads as {expected!r} {parsed.unit});{fell}".rstrip(";"),
                "value",
            )
        fits = parsed.unit == unit or (parsed.unit == "count" and unit == "people")
        if unit and not fits:
            add(
                "facts",
                row,
                f"unit {unit!r} does not match value_as_written {written!r} "
                f"(reads as {parsed.unit})",
                "unit",
            )
    cue = qualifier_cue(quote, written, language)
    if v.get("qualifier") and v["qualifier"] != cue:
        add(
            "facts",
            row,
            f"qualifier {v['qualifier']!r} contradicts the words before "
            f"{written!r} in the quote, which imply {cue!r}",
            "qualifier",
        )
