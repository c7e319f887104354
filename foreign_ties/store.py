"""DuckDB over the built Parquet files: the only place SQL runs.

Each question is one file in `queries/`. `run(name, **params)` reads it, binds the
parameters by name (never formats them into the SQL text) and returns a DataFrame. The
questions about figures select from the staging table `figures` (queries/staging/figures.sql:
each fact with its indicator, source and place level). One in-memory database per data
version and process (a temporary file for very large data), a cursor per query, because a
DuckDB connection must not be shared between the threads Streamlit runs sessions in.
"""

from __future__ import annotations

import atexit
import functools
import re
import shutil
import tempfile
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow.parquet as pq

from foreign_ties import data_version, paths

STAGING_DIR = paths.QUERIES_DIR / "staging"
_PARAM = re.compile(r"(?<!\$)\$([a-z_][a-z0-9_]*)")
_lock = threading.Lock()


class QueryError(ValueError):
    """A query name or parameter set that does not match a file in queries/."""


@functools.cache
def query_names() -> frozenset[str]:
    return frozenset(p.stem for p in paths.QUERIES_DIR.glob("*.sql"))


@functools.cache
def query_text(name: str) -> str:
    if name not in query_names():  # identifiers come from a fixed list: the files
        raise QueryError(f"unknown query {name!r}")
    return (paths.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def query_parameters(name: str) -> frozenset[str]:
    """The $names a query expects, read from its text without comments."""
    body = "\n".join(line.split("--", 1)[0] for line in query_text(name).splitlines())
    return frozenset(_PARAM.findall(body))


@functools.lru_cache(maxsize=4)
def connection(parquet_dir: str | None = None) -> duckdb.DuckDBPyConnection:
    """One in-memory database holding one data version's tables and the staging tables.

    The tables are copied into DuckDB's memory once, here, and the shared join (`figures`)
    is materialised here too rather than written by the build: a published version stays
    the plain tables the build validated (versions already published, and those the ingest
    publishes, need no new file), the join is written once (queries/staging/figures.sql),
    and its cost is paid once per version and process, by the first page run that reads it
    (about 65 ms on the bundled data, 0.5–0.8 s at 100,000 facts, 3–4 s and 1.6 GiB at
    1 M: docs/performance.md). Views over Parquet files made every page query decode files
    and join four tables again: 2–20 ms each on 300 facts.
    `facts` alone stays a view over its file: its rows are already in memory, in `figures`,
    and only checks and counts read it.
    """
    folder = Path(parquet_dir) if parquet_dir else data_version.current().folder
    con = _database(folder)
    for table in paths.TABLES:
        file = folder / f"{table}.parquet"
        if not file.exists():
            raise FileNotFoundError(f"{file} is missing: run `python -m foreign_ties.build`")
        relation = con.read_parquet(file.as_posix())
        if table == "facts":
            relation.create_view(table)
        else:
            relation.create(table)
    for staging in sorted(STAGING_DIR.glob("*.sql")):  # shared tables the questions select from
        con.execute(staging.read_text(encoding="utf-8"))
    return con


# Past this many facts the tables go to a database file in a temporary folder, with DuckDB's
# buffer pool capped, instead of into memory: at 1 M facts memory held 1.6 GiB for the
# server's lifetime; on disk the server holds about 0.4 GiB and page queries stay under
# 50 ms (docs/performance.md). Small data stays in memory, where its queries are fastest.
ON_DISK_FROM_FACTS = 250_000
ON_DISK_MEMORY_LIMIT = "400MB"
# DuckDB splits a scan between threads by row group (122,880 rows); data smaller than one
# is scanned by one thread anyway, and a second thread only adds its start-up to every
# query: on the bundled data one thread took measures_series from 3.6 to 2.4 ms.
ONE_THREAD_BELOW_FACTS = 122_880


def _database(folder: Path) -> duckdb.DuckDBPyConnection:
    facts = folder / "facts.parquet"
    count = pq.ParquetFile(facts).metadata.num_rows if facts.exists() else 0
    if count < ON_DISK_FROM_FACTS:
        one_thread = {"threads": 1} if count < ONE_THREAD_BELOW_FACTS else {}
        return duckdb.connect(":memory:", config=one_thread)
    scratch = tempfile.mkdtemp(prefix="foreign-ties-duckdb-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    config = {"memory_limit": ON_DISK_MEMORY_LIMIT, "temp_directory": scratch}
    return duckdb.connect(str(Path(scratch) / "figures.duckdb"), config=config)


def _frozen(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


def run(name: str, parquet_dir: str | None = None, **params: object) -> pd.DataFrame:
    """Run queries/<name>.sql with named parameters; all of them must be supplied.

    Results are cached per (data version, query, parameters): a new version is a new
    folder, so a page run pinned to a version (data_version.pin) reads only that one.
    Callers get a copy, with the data's texts in the reader's language (`localise.frame`).
    """
    expected = query_parameters(name)
    if set(params) != expected:
        raise QueryError(f"{name}.sql expects {sorted(expected)}, got {sorted(params)}")
    folder = str(Path(parquet_dir).resolve() if parquet_dir else data_version.current().folder)
    key = (name, folder, tuple(sorted((k, _frozen(v)) for k, v in params.items())))
    from foreign_ties.i18n import current_language  # local: i18n is not needed to load data

    return _localised(key, current_language()).copy()


@functools.lru_cache(maxsize=1024)
def _localised(key: tuple, lang: str) -> pd.DataFrame:
    """A cached result with the data's texts in `lang` (`localise.frame`), cached as well."""
    from foreign_ties import localise  # local: localise imports i18n; store stays light

    return localise.frame(_cached(key).copy(), lang)


@functools.lru_cache(maxsize=512)
def _cached(key: tuple) -> pd.DataFrame:
    name, parquet_dir, frozen = key
    params = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    return fetch(name, params, parquet_dir)


def fetch(name: str, params: dict, parquet_dir: str | None = None) -> pd.DataFrame:
    """Run one query file uncached (what `run` does on a cache miss; the benchmark times it)."""
    with _lock:
        cursor = connection(parquet_dir).cursor()
    try:
        return cursor.execute(query_text(name), params).df()
    finally:
        cursor.close()


@data_version.on_reset
def clear() -> None:
    """Forget the connections and cached results (part of data_version.reset)."""
    _localised.cache_clear()
    _cached.cache_clear()
    connection.cache_clear()
