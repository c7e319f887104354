"""Validate the curated data and make its Arrow tables without holding every fact as a row.

What `validate.load` + `validate.check` do, for data of a million facts: the same reading,
the same rules and the same messages (tests/test_bulk.py compares the two on every hostile
case), in bounded memory and far less time:

- every slice is read in chunks of typed columns (csv_stream.py), whole-column tests finding
  the rows that need the per-row reading functions;
- the small tables (everything but facts) become rows and meet validate's rules as before;
- facts are checked chunk by chunk with the same per-row rules (rules.check_rows: allowed
  values, references, the quote in its document, the figure against its sentence), then
  turned into Arrow columns; the rules across facts (duplicate ids, superseded_by and its
  chains) run once on Arrow columns, and only the rows they can concern become Python rows.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from foreign_ties import csv_stream, paths, rules, validate, value_rules
from foreign_ties.contract import COLUMNS, CSV_TABLES, FOREIGN_KEYS
from foreign_ties.csv_input import Problem, Row
from foreign_ties.csv_stream import Chunk

ARROW_TYPES = {
    "s": pa.string(),
    "f": pa.float64(),
    "i": pa.int64(),
    "d": pa.date32(),
    "b": pa.bool_(),
}
SUPERSEDED = ("facts", "superseded_by")
# References checked chunk by chunk; superseded_by needs every fact id (checked at the end).
CHUNK_KEYS = {key: target for key, target in FOREIGN_KEYS.items() if key != SUPERSEDED}
FILE, LINE = "__file", "__line"  # where each fact came from (dropped from the output)
MERGE = 8  # chunks of facts merged into one batch


def schema(table: str) -> pa.Schema:
    """The explicit Arrow schema of an output table, columns in contract order."""
    return pa.schema(
        [
            pa.field(name, ARROW_TYPES[kind], nullable=not required)
            for name, (kind, required) in COLUMNS[table].items()
        ]
    )


WITH_ORIGIN = schema("facts").append(pa.field(FILE, pa.int32())).append(pa.field(LINE, pa.int64()))


def read_slices(curated: Path, table: str, problems: list[Problem], sink) -> None:
    """sink.take(chunk) for the chunks of every slice of `table`; when a slice is refused as a
    whole, sink.drop(file) takes back what it gave (and its problems go)."""
    for path in validate.slices(curated, table, problems):
        name = f"{table}/{path.name}"
        mark = len(problems)
        try:
            for chunk in csv_stream.chunks(path, table, name, problems):
                sink.take(chunk)
        except csv_stream.Refused as refused:
            del problems[mark:]
            sink.drop(name)
            if refused.problems is not None:
                problems.extend(refused.problems)
                continue
            rows = validate._rows_of(path, table, name, problems)  # read as validate does
            if rows:
                sink.take(Chunk.of_rows(table, rows))


class Rows(list):
    """The rows of a small table (everything but facts), as validate.load has them."""

    def take(self, chunk: Chunk) -> None:
        self += chunk.rows()

    def drop(self, name: str) -> None:
        self[:] = [row for row in self if row.file != name]


class Facts:
    """The facts read so far as Arrow record batches, each chunk checked as it comes."""

    def __init__(self, ids: dict, documents: dict[str, str], data_dir: Path, add) -> None:
        self.ids, self.documents, self.data_dir, self.add = ids, documents, data_dir, add
        self.batches: list[pa.RecordBatch] = []
        self.origins: list[int] = []  # the file (index in self.files) of each batch
        self.loose = 0  # batches at the end not merged yet
        self.files: list[str] = []
        self.error: Exception | None = None  # a value Arrow cannot hold (raised if no problem)

    def take(self, chunk: Chunk) -> None:
        rows = chunk.rows()
        rules.check_rows(
            "facts", rows, self.ids, self.documents, self.data_dir, self.add, CHUNK_KEYS
        )
        del rows
        if chunk.file not in self.files:
            self.files.append(chunk.file)
            self.loose = 0  # (batches of one file are merged, never of two)
        origin = self.files.index(chunk.file)
        arrays = [self.column(chunk, name, kind) for name, (kind, _) in COLUMNS["facts"].items()]
        arrays.append(pa.array([origin] * len(chunk.lines), pa.int32()))
        arrays.append(pa.array(chunk.lines, pa.int64()))
        self.batches.append(pa.RecordBatch.from_arrays(arrays, schema=WITH_ORIGIN))
        self.origins.append(origin)
        self.loose += 1
        if self.loose == MERGE:
            # One batch of MERGE chunks, in buffers of the exact size (Arrow's converter
            # leaves room to grow in each chunk's: a third more memory over a whole table).
            merged = pa.Table.from_batches(self.batches[-MERGE:]).combine_chunks()
            del self.batches[-MERGE:], self.origins[-MERGE:]
            self.batches += merged.to_batches()
            self.origins += [origin] * (len(self.batches) - len(self.origins))
            self.loose = 0

    def column(self, chunk: Chunk, name: str, kind: str) -> pa.Array:
        """A column of the chunk in Arrow; nulls if Arrow cannot hold a value (an integer
        beyond 64 bits): the rules across facts still see every fact, and the error is
        raised if no rule finds a problem (as pa.Table.from_pylist raised it before)."""
        try:
            return pa.array(chunk.values[name], type=ARROW_TYPES[kind])
        except (pa.ArrowException, OverflowError, TypeError, ValueError) as exc:
            self.error = self.error or exc
            return pa.nulls(len(chunk.lines), ARROW_TYPES[kind])

    def drop(self, name: str) -> None:
        if name in self.files:
            gone = self.files.index(name)
            kept = [i for i, origin in enumerate(self.origins) if origin != gone]
            self.batches = [self.batches[i] for i in kept]
            self.origins = [self.origins[i] for i in kept]
            self.loose = 0

    def table(self) -> pa.Table:
        return pa.Table.from_batches(self.batches, schema=WITH_ORIGIN)

    def check_across(self, table: pa.Table) -> None:
        """Duplicate fact ids, superseded_by pointing nowhere and cycles of superseded_by:
        the rules across facts, on the rows they can concern (see rules.py)."""
        ids, superseded = table["fact_id"], table["superseded_by"]
        counts = pc.value_counts(ids.drop_null())
        twice = counts.filter(pc.greater(counts.field("counts"), 1)).field("values")
        mask = pc.or_(pc.is_valid(superseded), pc.is_in(ids, value_set=twice))
        special = table.filter(mask).to_pylist()
        rows = []
        for values in special:
            file, line = self.files[values.pop(FILE)], values.pop(LINE)
            rows.append(Row(file, line, values))
        targets = pa.array({r.values["superseded_by"] for r in rows} - {None}, pa.string())
        present = set(targets.filter(pc.is_in(targets, value_set=ids)).to_pylist())
        rules.index_ids({"facts": rows}, self.add)
        rules.check_keys("facts", rows, {"facts": present}, self.add, {SUPERSEDED: "facts"})
        value_rules.check_supersession(rows, self.add)


def validate_data(data_dir: Path) -> tuple[dict[str, pa.Table] | None, list[Problem]]:
    """(the sorted Arrow tables, []) of good data, or (None, every problem, sorted)."""
    problems: list[Problem] = []
    curated = data_dir / "curated"
    small = {table: Rows() for table in CSV_TABLES if table != "facts"}
    for table, rows in small.items():
        read_slices(curated, table, problems, rows)
    documents = validate.read_documents(small["sources"], data_dir, problems)
    add = rules.adder(problems)
    ids = rules.index_ids(small, add)
    for table, rows in small.items():
        rules.check_rows(table, rows, ids, documents, data_dir, add)
    facts = Facts(ids, documents, data_dir, add)
    read_slices(curated, "facts", problems, facts)
    table = facts.table()
    facts.check_across(table)
    pa.default_memory_pool().release_unused()  # the hash tables of check_across
    if problems:
        return None, sorted(set(problems))
    if facts.error is not None:
        raise facts.error
    del facts
    out = {}
    for name in paths.TABLES:
        if name == "facts":
            out[name] = table.drop_columns([FILE, LINE])
            del table
        elif name == "documents":
            texts = [list(documents), list(documents.values())]
            out[name] = pa.Table.from_arrays(texts, schema=schema(name))
            documents.clear()  # the texts are in Arrow now
            del texts
        else:
            records = [row.values for row in small[name]]
            out[name] = pa.Table.from_pylist(records, schema=schema(name))
    return out, []
