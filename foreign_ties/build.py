"""Build data/parquet/*.parquet from data/curated/ and data/documents/.

    python -m foreign_ties.build           validate, then write the Parquet files atomically
    python -m foreign_ties.build --check   validate and compare with the committed Parquet

Any problem (see foreign_ties/validate.py) is printed one per line, naming file, row and
column, and the build exits 1 without touching the published data. A good build publishes
a new version (foreign_ties/versions.py: its own folder, verified, made current by one
atomic switch of the data/parquet link); when nothing changed, no version is made.

    --note TEXT     what the version changes     --editor NAME   who publishes (default $USER)
    --data DIR      another data folder (also: FOREIGN_TIES_DATA)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from foreign_ties import bulk, paths, versions
from foreign_ties.bulk import ARROW_TYPES, schema  # noqa: F401 - the schema, as build offered it
from foreign_ties.csv_input import Problem

SORT_KEYS = {
    "provinces": ["province_id"],
    "indicators": ["indicator_id"],
    "sources": ["source_id"],
    "documents": ["source_id"],
    "facts": ["indicator_id", "province_id", "period_end", "fact_id"],
    "partners": ["partner_id"],
    "fx_rates": ["currency", "year"],
}
OUTPUT_TABLES = paths.TABLES


def sort_table(table: pa.Table, name: str) -> pa.Table:
    return table.sort_by([(key, "ascending") for key in SORT_KEYS[name]])


def _sorted(table: pa.Table, name: str) -> pa.Table:
    """sort_table(table).combine_chunks(), a column at a time: each unsorted column is let go
    as soon as its sorted copy is made, so a large table is never held twice."""
    order = pc.sort_indices(table, sort_keys=[(key, "ascending") for key in SORT_KEYS[name]])
    schema_, columns = table.schema, []
    while table.num_columns:
        column = table.column(0).combine_chunks()
        table = table.remove_column(0)  # its chunks go: a column is held at most twice
        columns.append(column.take(order))
        del column
    return pa.Table.from_arrays(columns, schema=schema_)


def validate(data_dir: Path) -> tuple[dict[str, pa.Table] | None, list[Problem]]:
    """(the tables to publish, []) or (None, every problem): see bulk.py."""
    tables, problems = bulk.validate_data(data_dir)
    if tables is None:
        return None, problems
    tables = {name: _sorted(tables.pop(name), name) for name in OUTPUT_TABLES}
    pa.default_memory_pool().release_unused()  # what sorting needed for a while
    return tables, []


def read_back(folder: Path, name: str) -> pa.Table:
    return pq.read_table(folder / f"{name}.parquet")


def differing(tables: dict[str, pa.Table], parquet_dir: Path) -> list[str]:
    """Names of the tables whose Parquet file is missing or differs from `tables`."""
    names = []
    for name, table in tables.items():
        path = parquet_dir / f"{name}.parquet"
        if not path.is_file():
            names.append(name)
            continue
        try:
            stored = sort_table(read_back(parquet_dir, name), name).combine_chunks()
        except (pa.ArrowInvalid, pa.ArrowKeyError, OSError, KeyError):
            names.append(name)
            continue
        if not stored.schema.equals(table.schema) or not stored.equals(table):
            names.append(name)
    return names


def main(argv: list[str] | None = None, data_dir: Path | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m foreign_ties.build",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="validate and compare with the committed Parquet; write nothing",
    )
    parser.add_argument("--note", default="", help="what this version changes (in its manifest)")
    parser.add_argument("--editor", help="who publishes it (default: $USER)")
    parser.add_argument(
        "--data",
        type=Path,
        help="the data folder (default: data/, or the FOREIGN_TIES_DATA environment variable)",
    )
    args = parser.parse_args(argv)
    data_dir = Path(data_dir or args.data or paths.DATA_DIR)
    parquet_dir = data_dir / "parquet"
    tables, problems = validate(data_dir)
    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        print(
            f"build refused: {len(problems)} problem(s); {parquet_dir} left untouched",
            file=sys.stderr,
        )
        return 1
    assert tables is not None
    if args.check:
        bad = differing(tables, parquet_dir)
        if bad:
            print(
                f"Parquet differs from the curated data for: {', '.join(bad)} "
                f"(run `python -m foreign_ties.build`)",
                file=sys.stderr,
            )
            return 1
        print(
            f"ok: {parquet_dir} matches the curated data "
            f"({', '.join(f'{n} {t.num_rows}' for n, t in tables.items())})"
        )
        return 0
    if versions.current_id(data_dir) and not differing(tables, parquet_dir):
        versions.clean_leftovers(data_dir)
        print(f"nothing changed: {parquet_dir} stays at version {versions.current_id(data_dir)}")
        return 0
    version_id = versions.publish(tables, data_dir, note=args.note, by=args.editor)
    counts = ", ".join(f"{name} {table.num_rows}" for name, table in tables.items())
    print(f"published version {version_id} ({counts}); {parquet_dir} now points to it")
    return 0


def cli(argv: list[str] | None = None) -> int:
    """The command line: any failure is a message and a non-zero exit, never a traceback."""
    try:
        return main(argv)
    except KeyboardInterrupt:
        print("build interrupted; the current data is unchanged", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the user sees a message, not Python's internals
        print(
            f"build failed ({type(exc).__name__}: {exc}); the current data is unchanged",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(cli())
