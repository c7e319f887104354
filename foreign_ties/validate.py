"""Load the curated CSV slices and check them against the data contract (data/README.md).

Every problem is collected (never only the first) as a `Problem` naming the table, the CSV
file, its line (header = line 1) and the row's id, so curators can fix them all at once.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from foreign_ties import csv_input, value_rules
from foreign_ties.csv_input import Problem, Row
from foreign_ties.numbers import (
    FigureParseError,
    direction_cue,
    find_figure,
    parse_figure,
    qualifier_cue,
)

# Column types: s = string, f = float, i = integer, d = date, b = boolean.
# Required columns must be in the header and non-empty; optional ones may be left out.
COLUMNS: dict[str, dict[str, tuple[str, bool]]] = {
    "provinces": {
        "province_id": ("s", True),
        "name_en": ("s", True),
        "name_vi": ("s", True),
        "level": ("s", True),
        "gso_code": ("s", False),
        "iso_3166_2": ("s", False),
        "display_order": ("i", False),
        "valid_from": ("d", False),
        "valid_to": ("d", False),
        "merged_into": ("s", False),
        "territory_note": ("s", False),
        "territory_note_vi": ("s", False),  # the same note written in Vietnamese
    },
    "indicators": {
        "indicator_id": ("s", True),
        "family": ("s", True),
        "name_en": ("s", True),
        "name_vi": ("s", True),
        "unit": ("s", True),
        "kind": ("s", True),
        "description": ("s", False),
        # who publishes or states the figures (optional here so small fixtures may leave it
        # out; tests/test_data.py requires it for every real indicator)
        "published_by": ("s", False),
        "description_vi": ("s", False),  # the description written in Vietnamese
    },
    "sources": {
        "source_id": ("s", True),
        "title": ("s", True),
        "publisher": ("s", True),
        "published_date": ("d", False),
        "date_note": ("s", False),
        "url": ("s", False),
        "language": ("s", True),
        "document_kind": ("s", True),
        "retrieved": ("s", False),
        "licence_note": ("s", False),
        "title_vi": (
            "s",
            False,
        ),  # the title in Vietnamese (the original language's title stays in title)
        "publisher_vi": ("s", False),  # the publisher's Vietnamese name
        # re-read against the published page: every stored sentence found word for word?
        "text_confirmed": ("b", False),
        "confirmed_note": ("s", False),
        "confirmed_note_vi": ("s", False),
    },
    "documents": {"source_id": ("s", True), "text": ("s", True)},
    "facts": {
        "fact_id": ("s", True),
        "province_id": ("s", True),
        "indicator_id": ("s", True),
        "value": ("f", True),
        "unit": ("s", True),
        "qualifier": ("s", True),
        "value_as_written": ("s", True),
        "period_start": ("d", True),
        "period_end": ("d", True),
        "period_note": ("s", False),
        "breakdown": ("s", False),
        "partner": ("s", False),
        "status": ("s", True),
        "uncertain": ("b", False),
        "uncertain_reason": ("s", False),
        "source_id": ("s", True),
        "quote": ("s", True),
        "gloss_en": ("s", False),
        "gloss_vi": ("s", False),  # a Vietnamese translation of a quote in another language
        "derived_from": ("s", False),
        "superseded_by": ("s", False),
        "note": ("s", False),
        "uncertain_reason_vi": ("s", False),
        # a rank's total ("16th out of 63 provinces"): only when its sentence states it
        "rank_out_of": ("i", False),
    },
    "partners": {
        "partner_id": ("s", True),
        "province_id": ("s", True),
        "partner_name": ("s", True),
        "partner_name_vi": ("s", False),
        "partner_type": ("s", True),
        "partner_country": ("s", False),
        "geo_id": ("s", False),
        "relation": ("s", False),
        "since": ("s", False),
        "source_id": ("s", True),
        "quote": ("s", True),
        "relation_vi": ("s", False),
    },
    "fx_rates": {
        "year": ("i", True),
        "currency": ("s", True),
        "per_usd": ("f", True),
        "source_id": ("s", True),
        "quote": ("s", True),
    },
    "not_figures": {"source_id": ("s", True), "text": ("s", True), "reason": ("s", True)},
}
CSV_TABLES = ("provinces", "indicators", "sources", "facts", "partners", "fx_rates", "not_figures")
ID_COLUMN = {
    "provinces": "province_id",
    "indicators": "indicator_id",
    "sources": "source_id",
    "facts": "fact_id",
    "partners": "partner_id",
}
ENUMS = {
    ("provinces", "level"): {"province", "national"},
    ("indicators", "family"): {
        "partners",
        "agreements",
        "fdi",
        "exports",
        "aid",
        "activity",
        "context",
    },
    ("indicators", "unit"): {"count", "money", "percent", "km", "km2", "people", "rank"},
    ("indicators", "kind"): {"flow", "stock"},
    ("sources", "language"): {"en", "vi", "fr", "es", "ja", "pt"},
    ("sources", "document_kind"): {"article", "excerpt"},
    ("facts", "unit"): {"count", "USD", "VND", "percent", "km", "km2", "people", "rank"},
    ("facts", "qualifier"): {"exact", "approx", "more_than", "at_least", "less_than"},
    ("facts", "status"): {"reported", "target", "projection"},
    ("partners", "partner_type"): {
        "foreign locality",
        "country",
        "NGO",
        "diplomatic agency",
        "business",
        "mechanism",
    },
    ("fx_rates", "currency"): {"VND"},
}
# Fact units allowed for each indicator dimension.
UNIT_FITS = {
    "money": {"USD", "VND"},
    "count": {"count"},
    "people": {"people", "count"},
    "percent": {"percent"},
    "km": {"km"},
    "km2": {"km2"},
    "rank": {"rank"},  # a position among provinces (1 = first): never summed, never money
}
FOREIGN_KEYS = {  # (table, column) -> referenced table
    ("provinces", "merged_into"): "provinces",
    ("facts", "province_id"): "provinces",
    ("facts", "indicator_id"): "indicators",
    ("facts", "source_id"): "sources",
    ("facts", "superseded_by"): "facts",
    ("partners", "province_id"): "provinces",
    ("partners", "source_id"): "sources",
    ("fx_rates", "source_id"): "sources",
    ("not_figures", "source_id"): "sources",
}
REL_TOLERANCE = 1e-9


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


def _rows_of(path: Path, table: str, name: str, problems: list[Problem]) -> list[Row]:
    """The typed rows of one slice; every problem (reading or types) added to `problems`."""
    columns = COLUMNS[table]
    id_column = ID_COLUMN.get(table, "source_id")
    read, found = csv_input.read_csv(path, table, name, columns, id_column)
    problems.extend(found)
    if not read:
        return []
    header, records = read[0], read[1:]
    rows: list[Row] = []
    for number, record in records:
        row = Row(name, number)
        raw = dict(zip(header, record, strict=False))
        row_id = csv_input.shown_id(raw.get(id_column, "") or "")
        for column, (kind, required) in columns.items():
            text = raw.get(column, "")
            if text == "":
                row.values[column] = False if kind == "b" else None
                if required and column in header:
                    problems.append(
                        Problem(
                            table, name, number, row_id, f"{column} is empty: fill it in", column
                        )
                    )
                continue
            try:
                row.values[column] = _convert(kind, text)
            except ValueError as exc:
                row.values[column] = None
                problems.append(Problem(table, name, number, row_id, f"{column}: {exc}", column))
        rows.append(row)
    return rows


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


def read_table(curated: Path, table: str, problems: list[Problem]) -> list[Row]:
    folder = curated / table
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    if not files and table not in ("fx_rates", "partners", "not_figures"):
        problems.append(Problem(table, f"{table}/", 0, "", "no CSV slice found: add one", "A"))
    rows: list[Row] = []
    for path in files:
        rows += _rows_of(path, table, f"{table}/{path.name}", problems)
    return rows


def rid(table: str, row: Row) -> str:
    if table in ID_COLUMN:
        return str(row.values.get(ID_COLUMN[table]) or "")
    if table == "fx_rates":
        return f"{row.values.get('currency')} {row.values.get('year')}"
    return str(row.values.get("source_id") or "")


def load(data_dir: Path) -> Curated:
    problems: list[Problem] = []
    curated = data_dir / "curated"
    rows = {table: read_table(curated, table, problems) for table in CSV_TABLES}
    documents: dict[str, str] = {}
    folder = (data_dir / "documents").resolve()
    for row in rows["sources"]:
        source_id = row.values.get("source_id")
        if not source_id or not csv_input.SLUG.fullmatch(str(source_id)):
            continue  # an id that is not a slug is reported by csv_input: never a path

        def refuse(message: str, row: Row = row, source_id: str = source_id) -> None:
            problems.append(Problem("sources", row.file, row.line, source_id, message, "source_id"))

        path = data_dir / "documents" / f"{source_id}.txt"
        shown = display(path, data_dir)
        if not path.resolve().is_relative_to(folder):
            refuse(f"document {shown} is outside data/documents/ (a link?): copy the file in")
            continue
        if not path.is_file():
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
    return Curated(rows, documents, problems)


def display(path: Path, data_dir: Path) -> str:
    """A path as printed in messages: data/documents/x.txt for the real data."""
    try:
        return path.relative_to(data_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split())


def check(data: Curated, data_dir: Path) -> list[Problem]:
    """All problems of loading and of the contract's rules, sorted by file and line."""
    problems = list(data.problems)
    rows = data.rows

    def add(table: str, row: Row, message: str, column: str) -> None:
        problems.append(
            Problem(table, row.file, row.line, csv_input.shown_id(rid(table, row)), message, column)
        )

    ids: dict[str, dict[str, Row]] = {}
    for table, column in ID_COLUMN.items():
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
    for (table, column), allowed in ENUMS.items():
        for row in rows[table]:
            value = row.values.get(column)
            if value is not None and value not in allowed:
                add(
                    table,
                    row,
                    f"{column} {value!r} is not one of {', '.join(sorted(allowed))}",
                    column,
                )
    for (table, column), target in FOREIGN_KEYS.items():
        for row in rows[table]:
            value = row.values.get(column)
            if value is not None and value not in ids[target]:
                add(table, row, f"{column} {value!r} is not in {target}/", column)
    seen_fx: dict[tuple, Row] = {}
    for row in rows["fx_rates"]:
        key = (row.values.get("currency"), row.values.get("year"))
        if key in seen_fx:
            first = seen_fx[key]
            add("fx_rates", row, f"duplicate year, also at {first.file} row {first.line}", "year")
        seen_fx.setdefault(key, row)
        value_rules.check_rate(row, add)

    for table in ("facts", "partners", "fx_rates"):
        for row in rows[table]:
            _check_quote(table, row, data, data_dir, add)
    for row in rows["facts"]:
        _check_fact(row, data, ids, add)
        value_rules.check_publication(row, ids["sources"], add)
        value_rules.check_rank(row, add)
    value_rules.check_supersession(rows["facts"], add)
    return sorted(set(problems))


def _check_quote(table: str, row: Row, data: Curated, data_dir: Path, add) -> None:
    quote, source_id = row.values.get("quote"), row.values.get("source_id")
    if not quote or not source_id or source_id not in data.documents:
        return  # empty quote / unknown source / missing document are reported elsewhere
    document = data.documents[source_id]
    if quote not in document:
        shown = display(data_dir / "documents" / f"{source_id}.txt", data_dir)
        hint = (
            " (it would match after normalising spaces, apostrophes and Unicode: copy it "
            "byte for byte)"
            if _norm(quote) in _norm(document)
            else ""
        )
        add(table, row, f"quote not found in {shown}{hint}", "quote")


def _check_fact(row: Row, data: Curated, ids: dict[str, dict[str, Row]], add) -> None:
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
        parsed = parse_figure(written, language)
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
