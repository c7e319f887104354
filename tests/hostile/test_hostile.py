"""The hostile corpus: each case in tests/hostile/cases/ (one small file, link or folder laid
over a good data folder) must be refused by the build with a message naming the file, the
spreadsheet row and the column, without a traceback, leaving the published data
byte-identical. Files written by tests/hostile/make_cases.py.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from foreign_ties import paths, validate
from tests.hostile.overlay import overlay
from tests.test_build import run_build, write_fixture

CASES = Path(__file__).parent / "cases"
F = "facts/main.csv"
# case -> (file + row + column as the message starts, what it must say)
EXPECTED: dict[str, tuple[str, str]] = {
    "utf16_with_bom": (f"{F} row 1, column A", "detected encoding: UTF-16"),
    "utf16le_without_bom": (f"{F} row 1, column A", "save it as 'CSV UTF-8'"),
    "cp1258_vietnamese": ("provinces/main.csv row 2, column A", "is not UTF-8 (detected"),
    "windows1252_accent": ("indicators/main.csv row 4, column A", "save it as 'CSV UTF-8'"),
    "folder_named_csv": ("facts/x.csv row 1, column A", "is a folder"),
    "unreadable_file": ("facts/broken.csv row 1, column A", "cannot be read"),
    "empty_file": ("facts/empty.csv row 1, column A", "empty file"),
    "blank_file": ("facts/blank.csv row 1, column A", "empty file"),
    "header_only": ("facts/more.csv row 2, column A", "header only"),
    "missing_column": (f"{F} row 1, column O", "missing required column 'quote'"),
    "extra_column": (f"{F} row 1, column bogus (O)", "unknown column 'bogus'"),
    "duplicated_column": (f"{F} row 1, column value (O)", "duplicated column 'value'"),
    "nameless_column": (f"{F} row 1, column O", "column without a name"),
    "ragged_short_row": (f"{F} row 3, column derived_from (N)", "13 cells for 14 columns"),
    "ragged_long_row": (f"{F} row 3, column O", "15 cells for 14 columns"),
    "bad_quoting": (f"{F} row 3, column A", "not a valid CSV"),
    "cell_over_limit": (f"{F} row 3, column quote (M)", "more than 20,000"),
    "cr_in_id": (f"{F} row 3, column fact_id (A)", "line break inside the cell"),
    "lf_in_unit": (f"{F} row 3, column unit (E)", "line break inside the cell"),
    "nul_in_quote": (f"{F} row 3, column quote (M)", "NUL character"),
    "bell_in_name": ("provinces/main.csv row 2, column name_en (B)", "control character U+0007"),
    "c1_control": (f"{F} row 3, column value_as_written (G)", "control character U+0085"),
    "tab_in_province_id": (f"{F} row 3, column province_id (B)", "control character U+0009"),
    "bidi_rlo_in_quote": (f"{F} row 3, column quote (M)", "bidirectional control U+202E"),
    "bidi_isolate_in_partner": (
        "partners/main.csv row 2, column partner_name (C)",
        "bidirectional control U+2066",
    ),
    "bidi_embedding_in_title": (
        "sources/main.csv row 2, column title (B)",
        "bidirectional control U+202A",
    ),
    "zero_width_in_fact_id": (f"{F} row 3, column fact_id (A)", "zero-width character U+200B"),
    "bom_inside_source_id": (f"{F} row 3, column source_id (L)", "zero-width character U+FEFF"),
    "source_id_traversal": ("sources/main.csv row 4, column source_id (A)", "not a plain id"),
    "source_id_absolute": ("sources/main.csv row 4, column source_id (A)", "not a plain id"),
    "province_id_with_space": (f"{F} row 3, column province_id (B)", "not a plain id"),
    "fact_id_with_dot": (f"{F} row 3, column fact_id (A)", "not a plain id"),
    "document_links_outside": ("sources/main.csv row 3, column source_id", "outside data/"),
    "document_not_utf8": ("sources/main.csv row 3, column source_id", "is not UTF-8"),
    "fx_zero": ("fx_rates/main.csv row 2, column per_usd", "must be greater than 0"),
    "fx_negative": ("fx_rates/main.csv row 2, column per_usd", "must be greater than 0"),
    "fx_not_its_quote": ("fx_rates/main.csv row 2, column per_usd", "not the rate written"),
    "fx_infinite": ("fx_rates/main.csv row 2, column per_usd", "not a finite number"),
    "period_reversed": (f"{F} row 4, column period_end", "is after period_end"),
    "reported_after_publication": (f"{F} row 4, column status", "target or a projection"),
    "reported_before_period_closed": (f"{F} row 2, column uncertain", "set uncertain to true"),
    "superseded_missing": (f"{F} row 2, column superseded_by", "'no-such-fact' is not in facts/"),
    "superseded_cycle": (f"{F} row 2, column superseded_by", "forms a cycle"),
    "superseded_self": (f"{F} row 2, column superseded_by", "forms a cycle"),
    "duplicate_fact_across_files": (
        "facts/more.csv row 2, column fact_id",
        "duplicate fact_id 'son-la-exports-2023', also at facts/main.csv row 2",
    ),
    "bad_date": (f"{F} row 2, column period_end", "not an ISO date"),
    "nan_value": (f"{F} row 3, column value", "not a finite number"),
    "unknown_status": (f"{F} row 3, column status", "'rumoured' is not one of"),
    "empty_required": (f"{F} row 3, column unit", "unit is empty"),
}


def test_every_case_has_its_expectation():
    assert sorted(p.name for p in CASES.iterdir()) == sorted(EXPECTED)
    assert len(EXPECTED) >= 40


def published(data: Path) -> dict[str, str]:
    """Checksums of everything the build publishes (the current set, versions, the link)."""
    sums = {}
    for path in sorted(data.rglob("*")):
        rel = path.relative_to(data).as_posix()
        if rel.split("/")[0] in ("curated", "documents"):
            continue
        if path.is_symlink():
            sums[rel] = "-> " + os.readlink(path)
        elif path.is_file():
            sums[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return sums


@pytest.fixture(scope="module")
def good(tmp_path_factory) -> Path:
    data = write_fixture(tmp_path_factory.mktemp("good"))
    result = run_build(data)
    assert result.returncode == 0, result.stderr
    return data


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_hostile_case_is_refused_precisely(good, tmp_path, case):
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    before = published(data)
    overlay(CASES / case, data)
    result = run_build(data)  # build.main in-process: an exception would fail the test
    where, what = EXPECTED[case]
    assert result.returncode != 0
    lines = result.stderr.splitlines()
    assert any(line.startswith(where) and what in line for line in lines), result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert published(data) == before  # byte-identical
    if case == "source_id_traversal":
        assert "outside_secret" not in "".join(
            p.read_text(errors="replace") for p in data.rglob("*.parquet")
        )


CSV_CASES = {
    name: next(p for p in (CASES / name).rglob("*.csv"))
    for name in EXPECTED
    if (CASES / name / "curated").exists()
    # rules that need the other tables (or the documents) run in validate.check
    and not name.startswith(("fx_not", "fx_zero", "fx_neg", "period_", "reported_"))
    and not name.startswith(("superseded", "duplicate_", "unknown_status", "document_"))
}


@pytest.mark.parametrize("case", sorted(CSV_CASES))
def test_an_upload_meets_the_same_gate(case):
    """validate.check_csv_file (what an upload will call) refuses a file on its own with
    the same message the build prints."""
    path = CSV_CASES[case]
    table = path.relative_to(CASES / case / "curated").parts[0]
    problems = validate.check_csv_file(path, table)
    where, what = EXPECTED[case]
    assert any(str(p).startswith(where) and what in str(p) for p in problems), problems


def test_the_cli_prints_no_traceback_for_an_unreadable_encoding(good, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    before = published(data)
    overlay(CASES / "utf16_with_bom", data)
    result = subprocess.run(
        [sys.executable, "-m", "foreign_ties.build"],
        cwd=paths.ROOT,
        env={**os.environ, "FOREIGN_TIES_DATA": str(data)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("facts/main.csv row 1, column A: is not UTF-8")
    assert "Traceback" not in result.stderr
    assert published(data) == before
