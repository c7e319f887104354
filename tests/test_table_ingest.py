"""A statistics table through `python -m foreign_ties.ingest`, on a copy of the real data in
tmp_path: a dry run lists one candidate per value cell and writes nothing; --accept-all
publishes them through the build's checks (quote in the stored document, value read from
value_as_written) with the table file beside its text; a real published table's figures
already in the data are skipped; a refused table is a usage error naming its cell.

The fixture tables are test data, built in tmp_path; they never enter data/curated."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from foreign_ties import accounts, paths, versions
from tests.conftest import CHEAP_HASHER, copy_current_data
from tests.test_ingest import everything, run
from tests.test_table_read import workbook

ARGS = ("--published", "2013-03-01", "--place", "lang-son", "--editor", "ana")
SOURCE = ("--publisher", "Cục Thống kê tỉnh Lạng Sơn (test fixture)")
TABLE = ("--rows", "year", "--columns", "place", "--indicator", "fdi_new_projects_annual")
# Test data: a table of made-up counts (years down the side, places across).
PROJECTS = [
    ["Số dự án FDI cấp mới"],
    ["Năm", "Lạng Sơn", "Lào Cai", "Sơn La"],
    [2011, 3, 5, None],
    [2012, 4, 6, 2],
]
# A real published list as a table: Công Thương, "Top 10 “Chim đầu đàn” về kim ngạch xuất
# khẩu năm 2022" (data/documents/congthuong-export-localities-2022.txt), three of its rows.
EXPORTS_2022 = "Tỉnh,Năm 2022 (USD)\nLai Châu,20.468.841\nSơn La,21.801.054\nHà Giang,88.014.734\n"


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    """A copy of the real data and its current version; editor 'ana'."""
    folder = copy_current_data(tmp_path / "data")
    monkeypatch.setenv("FOREIGN_TIES_ACCOUNTS", str(tmp_path / "accounts.toml"))
    monkeypatch.setattr(accounts, "HASHER", CHEAP_HASHER)
    accounts.add("ana", "editor", "editor password")
    return folder


def test_a_dry_run_lists_one_candidate_per_cell_and_writes_nothing(data, tmp_path):
    table = tmp_path / "du-an-fdi.xlsx"
    table.write_bytes(workbook(PROJECTS))
    before = everything(data)
    result = run(data, table, *ARGS, *SOURCE, *TABLE)
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert [(r["province_id"], r["period_start"], r["value"], r["decision"]) for r in rows] == [
        ("lang-son", "2011-01-01", "3", "new"),
        ("lang-son", "2012-01-01", "4", "new"),
        ("son-la", "2012-01-01", "2", "new"),
    ]
    assert rows[0]["quote"] == "FDI!B3 | 2011 | Lạng Sơn | 3"
    assert "left out (naming no place): Lào Cai" in result.err
    assert everything(data) == before


def test_accept_all_publishes_the_cells_with_the_table_stored_beside_its_text(data, tmp_path):
    table = tmp_path / "du-an-fdi.xlsx"
    table.write_bytes(workbook(PROJECTS))
    result = run(data, table, *ARGS, *SOURCE, *TABLE, "--accept-all")
    assert result.code == 0, result.err
    version = result.out.strip().splitlines()[-1]
    assert versions.current_id(data) == version
    assert (data / "documents" / "du-an-fdi.xlsx").read_bytes() == table.read_bytes()
    document = (data / "documents" / "du-an-fdi.txt").read_text(encoding="utf-8")
    facts = [
        f
        for f in pq.read_table(data / "parquet" / "facts.parquet").to_pylist()
        if f["source_id"] == "du-an-fdi"
    ]
    assert sorted((f["province_id"], f["value"]) for f in facts) == [
        ("lang-son", 3.0),
        ("lang-son", 4.0),
        ("son-la", 2.0),
    ]
    for fact in facts:
        assert fact["quote"] in document and fact["value_as_written"] in fact["quote"]
        assert fact["note"].startswith("extracted from cell FDI!")
    assert "FDI!A1: Số dự án FDI cấp mới" in document
    meta = versions.manifest(data, version)
    assert meta["by"] == "ana" and len(meta["facts_added"]) == 3


def test_a_real_published_tables_figures_already_in_the_data_are_skipped(data, tmp_path):
    table = tmp_path / "xuat-khau-2022.csv"
    table.write_text(EXPORTS_2022, encoding="utf-8")
    layout = ("--rows", "place", "--columns", "year")
    words = ("--indicator", "exports_customs_by_locality", "--unit", "USD", "--unit-words", "USD")
    before = everything(data)
    args = ("--published", "2023-03-01", "--place", "son-la", "--editor", "ana", *SOURCE)
    result = run(data, table, *args, *layout, *words, "--accept-all")
    assert result.code == 0, result.err
    assert "nothing new to publish" in result.out
    assert result.out.count("skipped: same indicator, place and period as existing figure") == 2
    assert "son-la-exports-customs-2022" in result.out
    assert "left out (naming no place): Lai Châu" in result.err
    assert everything(data) == before


def test_a_refused_table_is_a_usage_error_naming_its_cell(data, tmp_path):
    rows = [row[:] for row in PROJECTS]
    rows[3][1] = "=B3+1"
    table = tmp_path / "cong-thuc.xlsx"
    table.write_bytes(workbook(rows))
    before = everything(data)
    result = run(data, table, *ARGS, *SOURCE, *TABLE, "--accept-all")
    assert result.code == 2
    assert "cong-thuc.xlsx, sheet FDI, cell B4: a formula" in result.err
    assert "nothing written or published" in result.err
    no_layout = run(data, table, *ARGS, *SOURCE, "--accept-all")
    assert no_layout.code == 2 and "give --rows and --columns" in no_layout.err
    assert everything(data) == before


def test_the_command_line_reads_a_table(data, tmp_path):
    table = tmp_path / "du-an.csv"
    table.write_text("Năm,Lạng Sơn\n2011,3\n", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "foreign_ties.ingest",
            str(table),
            *ARGS,
            *SOURCE,
            *TABLE,
            "--data",
            str(data),
        ],
        capture_output=True,
        text=True,
        cwd=paths.ROOT,
        env={"FOREIGN_TIES_ACCOUNTS": str(tmp_path / "accounts.toml"), "PATH": ""},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("1,new,3,count,exact,3,2011-01-01,2011-12-31")
