"""Queries: one file per question, documented, parameters bound by name, never formatted."""

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from foreign_ties import data_version, paths, store

QUERY_FILES = sorted(paths.QUERIES_DIR.glob("*.sql"))
ALL_PLACES = ["son-la", "lang-son", "tuyen-quang", "vietnam"]
EXAMPLE_PARAMS = {
    "provinces": ALL_PLACES,
    "province": "son-la",
    "year_from": 2010,
    "year_to": 2026,
    "indicator": "exports_customs_by_locality",
    "families": [],
    "search": "",
    "source": "x",
    "indicators": ["exports_national", "fdi_disbursed_annual"],
    "page_size": 50,
    "page_offset": 0,
    "fact": "son-la-exports-2023",
    "per_family": 100,
}


@pytest.mark.parametrize("file", QUERY_FILES, ids=lambda f: f.name)
def test_every_query_has_a_header_naming_purpose_parameters_and_columns(file):
    header = file.read_text(encoding="utf-8").split("\n\n")[0]
    for label in ("-- Purpose:", "-- Parameters:", "-- Columns:"):
        assert label in header, f"{file.name} lacks {label}"
    declared = set(re.findall(r"\$([a-z_]+)", header))
    assert declared == set(store.query_parameters(file.stem)), file.name


@pytest.mark.parametrize("file", QUERY_FILES, ids=lambda f: f.name)
def test_every_query_runs_with_its_parameters(file):
    params = {p: EXAMPLE_PARAMS[p] for p in store.query_parameters(file.stem)}
    frame = store.run(file.stem, **params)
    header = file.read_text(encoding="utf-8")
    columns = re.search(r"-- Columns:(.*?)\n(?!--)", header, re.S).group(1)
    declared = [c.strip(" -,\n") for c in re.split(r"[,\n]", columns) if c.strip(" -,\n")]
    assert list(frame.columns) == declared, file.name


def test_unknown_query_names_are_refused():
    with pytest.raises(store.QueryError):
        store.run("../../etc/passwd")


def test_missing_or_extra_parameters_are_refused():
    with pytest.raises(store.QueryError):
        store.run("province_profile", province="son-la")
    with pytest.raises(store.QueryError):
        store.run("provinces", extra=1)


@pytest.mark.parametrize("hostile", ["'; drop view facts; --", "son-la' or '1'='1", "%", "_"])
def test_user_text_reaches_sql_only_as_a_value(hostile):
    rows = store.run(
        "province_profile", province=hostile, year_from=2000, year_to=2030, per_family=100
    )
    assert rows.empty
    found = store.run(
        "facts_with_sources",
        provinces=ALL_PLACES,
        year_from=2000,
        year_to=2030,
        families=[],
        search=hostile,
    )
    assert found.empty or hostile in ("%", "_")
    assert not store.run("provinces").empty  # the views are still there


def test_the_package_never_formats_sql():
    pattern = re.compile(r"(execute|sql|query|run)\(\s*f[\"']")
    for file in Path(paths.ROOT, "foreign_ties").rglob("*.py"):
        assert not pattern.search(file.read_text(encoding="utf-8")), file


def test_year_filter_keeps_periods_that_overlap_the_range():
    inside = store.run(
        "facts_with_sources",
        provinces=ALL_PLACES,
        year_from=2023,
        year_to=2023,
        families=[],
        search="",
    )
    assert not inside.empty
    assert (inside["period_start"].map(lambda d: d.year) <= 2023).all()
    assert (inside["period_end"].map(lambda d: d.year) >= 2023).all()


def test_very_large_data_is_queried_from_a_capped_database_file_with_the_same_answers(
    monkeypatch,
):
    """Past ON_DISK_FROM_FACTS facts the tables go to a temporary database file whose buffer
    pool is capped (the server's memory stays bounded); every query answers as from memory."""
    folder = str(data_version.current().folder)

    def answers(on_disk_from: int) -> dict:
        monkeypatch.setattr(store, "ON_DISK_FROM_FACTS", on_disk_from)
        store.connection.cache_clear()
        con = store.connection(folder)
        (database,) = con.execute("select file from pragma_database_list").fetchone()
        limit = con.execute("select current_setting('memory_limit')").fetchone()[0]
        found = {
            file.stem: store.fetch(
                file.stem, {p: EXAMPLE_PARAMS[p] for p in store.query_parameters(file.stem)}, folder
            )
            for file in QUERY_FILES
        }
        return database, limit, found

    try:
        database, limit, on_disk = answers(1)
        assert database.endswith("figures.duckdb") and Path(database).exists()
        assert limit.replace(" ", "").upper().startswith(("381", "400"))  # 400MB, in MiB
        database, _, in_memory = answers(10**12)
        assert database in (None, "", ":memory:") or "memory" in str(database)
        for name, frame in on_disk.items():
            pd.testing.assert_frame_equal(frame, in_memory[name], check_dtype=False, obj=name)
    finally:
        store.connection.cache_clear()


def test_data_smaller_than_one_row_group_is_queried_by_one_thread(monkeypatch):
    """A second DuckDB thread cannot share a scan of less than one row group; it only adds
    its start-up to every query. Bigger data keeps DuckDB's default."""
    folder = str(data_version.current().folder)
    try:
        store.connection.cache_clear()
        (threads,) = (
            store.connection(folder).execute("select current_setting('threads')").fetchone()
        )
        assert threads == 1
        monkeypatch.setattr(store, "ONE_THREAD_BELOW_FACTS", 0)
        store.connection.cache_clear()
        (threads,) = (
            store.connection(folder).execute("select current_setting('threads')").fetchone()
        )
        (default,) = duckdb.connect().execute("select current_setting('threads')").fetchone()
        assert threads == default
    finally:
        store.connection.cache_clear()
