"""The build on a small data dir in tmp_path: a good build writes every Parquet file; a bad
input makes it exit non-zero naming file, line, id and problem, leaving the Parquet as it was.

Most cases call `build.main` in-process with the fixture's folder (fast); one test runs the
real CLI (`python -m foreign_ties.build`) pointed at the fixture by FOREIGN_TIES_DATA.
"""

# ruff: noqa: E501 - expected messages are kept whole, one per line
from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from foreign_ties import build, paths

HEADERS = {
    "provinces": "province_id,name_en,name_vi,level,gso_code,iso_3166_2,display_order,"
    "valid_from,valid_to,merged_into,territory_note",
    "indicators": "indicator_id,family,name_en,name_vi,unit,kind,description",
    "sources": "source_id,title,publisher,published_date,date_note,url,language,document_kind,"
    "retrieved,licence_note",
    # superseded_by, gloss_en, note ... left out on purpose: optional columns become nulls
    "facts": "fact_id,province_id,indicator_id,value,unit,qualifier,value_as_written,"
    "period_start,period_end,status,uncertain,source_id,quote,derived_from",
    "partners": "partner_id,province_id,partner_name,partner_name_vi,partner_type,"
    "partner_country,geo_id,relation,since,source_id,quote",
    "fx_rates": "year,currency,per_usd,source_id,quote",
    "not_figures": "source_id,text,reason",
}
ROWS = {
    "provinces": [
        "son-la,Son La,Sơn La,province,14,VN-05,1,,,,",
        "vietnam,Viet Nam,Việt Nam,national,,VN,2,,,,National totals.",
    ],
    "indicators": [
        "exports_provincial_statistics,exports,Goods exports,Xuất khẩu,money,flow,Exports.",
        "foreign_ngos_funding,partners,NGOs funding,Tổ chức,count,stock,NGOs.",
        "meetings_foreign_partners,activity,Meetings,Cuộc gặp,count,flow,Meetings.",
    ],
    "sources": [
        "vbf-son-la-2024,Title,Vietnam Business Forum,2024-11-06,,,en,article,,",
        "wb-fx,Rates,World Bank,,,,en,excerpt,,",
    ],
    "facts": [
        "son-la-exports-2023,son-la,exports_provincial_statistics,186600000,USD,exact,"
        "US$186.6 million,2023-01-01,2023-12-31,reported,false,vbf-son-la-2024,"
        '"In 2023, its export value reached US$186.6 million.",',
        "son-la-ngos-2024-11,son-la,foreign_ngos_funding,31,count,exact,Thirty-one,"
        "2024-11-06,2024-11-06,reported,,vbf-son-la-2024,"
        "Thirty-one foreign NGOs have funded projects in Son La.,",
        "son-la-meetings-2024,son-la,meetings_foreign_partners,35,count,approx,35,"
        "2024-01-01,2024-10-31,reported,true,vbf-son-la-2024,"
        "The province held nearly 35 meetings with foreign partners.,",
    ],
    "partners": [
        "son-la-houaphanh,son-la,Houaphanh,Hủa Phăn,foreign locality,LAO,LA-HO,"
        "friendship,,vbf-son-la-2024,"
        "Thirty-one foreign NGOs have funded projects in Son La."
    ],
    "fx_rates": [
        '2023,VND,"23787.3191666667",wb-fx,"Official exchange rate 2023: 23,787.3191666667"'
    ],
    "not_figures": ["vbf-son-la-2024,In 2023,year of the export figure"],
}
DOCUMENTS = {
    "vbf-son-la-2024": "Strengthening ties\n\nIn 2023, its export value reached US$186.6 million. "
    "Thirty-one foreign NGOs have funded projects in Son La.\n"
    "The province held nearly 35 meetings with foreign partners.\n",
    "wb-fx": "Official exchange rate 2023: 23,787.3191666667\n",
}


def write_fixture(root: Path) -> Path:
    data = root / "data"
    for table, header in HEADERS.items():
        folder = data / "curated" / table
        folder.mkdir(parents=True)
        (folder / "main.csv").write_text("\n".join([header, *ROWS[table]]) + "\n", encoding="utf-8")
    (data / "curated" / "excluded").mkdir()
    excluded = data / "curated" / "excluded" / "notes.csv"  # documentation only: not read
    excluded.write_text("anything,goes\n1,2\n", encoding="utf-8")
    (data / "documents").mkdir()
    for source_id, text in DOCUMENTS.items():
        (data / "documents" / f"{source_id}.txt").write_text(text, encoding="utf-8")
    return data


def run_build(data: Path, *args: str) -> SimpleNamespace:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = build.main(list(args), data_dir=data)
    return SimpleNamespace(returncode=code, stdout=out.getvalue(), stderr=err.getvalue())


def run_cli(data: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "FOREIGN_TIES_DATA": str(data)}
    return subprocess.run(
        [sys.executable, "-m", "foreign_ties.build", *args],
        cwd=paths.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def published(data: Path) -> tuple[str, dict[str, bytes]]:
    """The current version (the parquet link) and every published byte."""
    return os.readlink(data / "parquet"), snapshot(data / "versions")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def built(tmp_path) -> Path:
    data = write_fixture(tmp_path)
    result = run_build(data)
    assert result.returncode == 0, result.stderr
    return data


def test_good_build_writes_every_table(built):
    parquet = built / "parquet"
    assert sorted(p.name for p in parquet.glob("*.parquet")) == sorted(
        f"{t}.parquet" for t in paths.TABLES
    )
    assert not list(parquet.glob(".build-*")), "temporary folder left behind"
    facts = pq.read_table(parquet / "facts.parquet")
    assert facts.schema.field("value").type == pa.float64()
    assert facts.schema.field("period_start").type == pa.date32()
    assert facts.schema.field("uncertain").type == pa.bool_()
    assert facts.schema.field("superseded_by").type == pa.string()
    rows = facts.to_pylist()
    assert [r["fact_id"] for r in rows] == [  # sorted by indicator, province, period_end, id
        "son-la-exports-2023",
        "son-la-ngos-2024-11",
        "son-la-meetings-2024",
    ]
    assert rows[0]["value"] == 186600000.0 and rows[0]["superseded_by"] is None
    assert [r["uncertain"] for r in rows] == [False, False, True]  # empty cell = false
    documents = pq.read_table(parquet / "documents.parquet").to_pylist()
    assert {d["source_id"]: d["text"] for d in documents} == DOCUMENTS
    fx = pq.read_table(parquet / "fx_rates.parquet")
    assert fx.schema.field("year").type == pa.int64()
    assert fx.to_pylist()[0]["per_usd"] == 23787.3191666667
    assert run_build(built, "--check").returncode == 0


def test_cli_uses_foreign_ties_data(tmp_path):
    data = write_fixture(tmp_path)
    result = run_cli(data)
    assert result.returncode == 0, result.stderr
    assert "facts 3" in result.stdout
    assert (data / "parquet" / "facts.parquet").is_file()
    assert run_cli(data, "--check").returncode == 0
    before = published(data)
    replace_in(data / "curated" / "facts" / "main.csv", ",approx,35,", ",exact,35,")
    result = run_cli(data)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{FACTS} row 4, column qualifier (son-la-meetings-2024): qualifier 'exact'"
    )
    assert published(data) == before


def test_same_inputs_make_no_new_version(built):
    parquet = built / "parquet"
    assert parquet.is_symlink()
    first = {t: pq.read_table(parquet / f"{t}.parquet") for t in paths.TABLES}
    before = snapshot(built / "versions")
    result = run_build(built)
    assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout
    assert snapshot(built / "versions") == before  # no new folder, no file touched
    for table in paths.TABLES:
        assert pq.read_table(parquet / f"{table}.parquet").equals(first[table]), table


def test_check_names_the_tables_that_differ(built):
    (built / "curated" / "not_figures" / "main.csv").unlink()  # not a Parquet table
    assert run_build(built, "--check").returncode == 0
    (built / "parquet" / "fx_rates.parquet").unlink()  # damage the current version's files
    pq.write_table(
        pq.read_table(built / "parquet" / "sources.parquet").slice(0, 1),
        built / "parquet" / "sources.parquet",
    )
    result = run_build(built, "--check")
    assert result.returncode == 1
    assert "sources, fx_rates" in result.stderr
    assert "facts" not in result.stderr


FACTS = "facts/main.csv"
BAD_INPUTS = {
    "quote not in its article": (
        "facts",
        'export value reached US$186.6 million.",',
        'export value rose to US$186.6 million.",',
        [
            f"{FACTS} row 2, column quote (son-la-exports-2023): quote not found in "
            f"data/documents/vbf-son-la-2024.txt"
        ],
    ),
    "unknown unit": (
        "facts",
        "186600000,USD,",
        "186600000,EUR,",
        [f"{FACTS} row 2, column unit (son-la-exports-2023): unit 'EUR' is not one of"],
    ),
    "duplicate fact_id": (
        "facts",
        "son-la-meetings-2024,",
        "son-la-ngos-2024-11,",
        [
            f"{FACTS} row 4, column fact_id (son-la-ngos-2024-11): duplicate fact_id 'son-la-ngos-2024-11', "
            f"also at {FACTS} row 3"
        ],
    ),
    "value that does not match its value_as_written": (
        "facts",
        ",186600000,",
        ",186000000,",
        [
            f"{FACTS} row 2, column value (son-la-exports-2023): value 186000000.0 does not match "
            f"value_as_written 'US$186.6 million'"
        ],
    ),
    "qualifier contradicting 'nearly'": (
        "facts",
        ",approx,35,",
        ",exact,35,",
        [
            f"{FACTS} row 4, column qualifier (son-la-meetings-2024): qualifier 'exact' contradicts the words "
            f"before '35' in the quote, which imply 'approx'"
        ],
    ),
    "unknown province and indicator": (
        "facts",
        "son-la-ngos-2024-11,son-la,foreign_ngos_funding,",
        "son-la-ngos-2024-11,lang-son,ngos,",
        [
            f"{FACTS} row 3, column province_id (son-la-ngos-2024-11): province_id 'lang-son' is not in provinces/",
            f"{FACTS} row 3, column indicator_id (son-la-ngos-2024-11): indicator_id 'ngos' is not in indicators/",
        ],
    ),
    "stock with a period": (
        "facts",
        "2024-11-06,2024-11-06",
        "2024-01-01,2024-11-06",
        [
            f"{FACTS} row 3, column period_start (son-la-ngos-2024-11): stock indicator foreign_ngos_funding: "
            f"period_start 2024-01-01 must equal period_end"
        ],
    ),
    "reversed period": (
        "facts",
        "2024-01-01,2024-10-31",
        "2024-12-01,2024-10-31",
        [
            f"{FACTS} row 4, column period_end (son-la-meetings-2024): period_start 2024-12-01 is after period_end"
        ],
    ),
    "bad date": (
        "facts",
        "2023-01-01,2023-12-31",
        "2023-01-01,31/12/2023",
        [
            f"{FACTS} row 2, column period_end (son-la-exports-2023): period_end: '31/12/2023' is not an ISO date"
        ],
    ),
    "typed-in derived figure": (
        "facts",
        "Son La.,",
        "Son La.,sum of a and b",
        [f"{FACTS} row 3, column derived_from (son-la-ngos-2024-11): derived_from must be empty"],
    ),
    "value_as_written not in the quote": (
        "facts",
        "exact,Thirty-one,",
        "exact,Thirty-two,",
        [
            f"{FACTS} row 3, column value_as_written (son-la-ngos-2024-11): value_as_written 'Thirty-two' does not occur"
        ],
    ),
    "money for a count indicator": (
        "facts",
        "son-la,foreign_ngos_funding,31,count,",
        "son-la,foreign_ngos_funding,31,USD,",
        [f"{FACTS} row 3, column unit (son-la-ngos-2024-11): unit 'USD' does not fit indicator"],
    ),
    "NaN value": (
        "facts",
        ",31,count,",
        ",nan,count,",
        [f"{FACTS} row 3, column value (son-la-ngos-2024-11): value: 'nan' is not a finite number"],
    ),
    "missing required column": (
        "facts",
        ",qualifier,",
        ",qualifierx,",
        [f"{FACTS} row 1, column ", "missing required column 'qualifier'"],
    ),
    "bad enum in indicators": (
        "indicators",
        "count,flow,Meetings",
        "count,yearly,Meetings",
        [
            "indicators/main.csv row 4, column kind (meetings_foreign_partners): kind 'yearly' is not one of"
        ],
    ),
    "partner quote not in the article": (
        "partners",
        "vbf-son-la-2024,Thirty-one",
        "vbf-son-la-2024,Forty-one",
        [
            "partners/main.csv row 2, column quote (son-la-houaphanh): quote not found in data/documents/"
        ],
    ),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_is_refused_and_parquet_untouched(built, case):
    table, old, new, expected = BAD_INPUTS[case]
    before = published(built)
    replace_in(built / "curated" / table / "main.csv", old, new)
    result = run_build(built)
    assert result.returncode != 0
    for message in expected:
        assert message in result.stderr, result.stderr
    assert published(built) == before  # byte-identical, no version folder added
    assert run_build(built, "--check").returncode != 0


def test_all_problems_are_reported_at_once(built):
    replace_in(built / "curated" / "facts" / "main.csv", ",approx,35,", ",exact,35,")
    replace_in(built / "curated" / "facts" / "main.csv", ",186600000,", ",1,")
    (built / "documents" / "wb-fx.txt").write_text("", encoding="utf-8")
    result = run_build(built)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if " row " in line]
    assert len(lines) == 3, result.stderr
    assert any(
        line.startswith(
            "sources/main.csv row 3, column source_id (wb-fx): "
            "document data/documents/wb-fx.txt is empty"
        )
        for line in lines
    )


def test_missing_document_and_duplicate_across_slices(built):
    (built / "documents" / "wb-fx.txt").unlink()
    extra = built / "curated" / "sources" / "more.csv"
    extra.write_text(HEADERS["sources"] + "\n" + ROWS["sources"][0] + "\n", encoding="utf-8")
    result = run_build(built)
    assert result.returncode == 1
    assert (
        "sources/main.csv row 3, column source_id (wb-fx): document data/documents/wb-fx.txt is missing"
        in result.stderr
    )
    assert (
        "sources/more.csv row 2, column source_id (vbf-son-la-2024): duplicate source_id 'vbf-son-la-2024', "
        "also at sources/main.csv row 2" in result.stderr
    )


def test_multiline_quote_keeps_spreadsheet_row_numbers(built):
    facts = built / "curated" / "facts" / "main.csv"
    replace_in(facts, '"In 2023, its export value', '"In 2023,\nits export value')
    result = run_build(built)
    assert result.returncode == 1
    # rows are counted as a spreadsheet shows them: a line break inside a cell adds none
    assert f"{FACTS} row 2, column quote (son-la-exports-2023): quote not found" in result.stderr
    replace_in(facts, ",approx,35,", ",exact,35,")
    assert f"{FACTS} row 4, column qualifier (son-la-meetings-2024)" in run_build(built).stderr


def test_a_fall_is_negative_and_the_sign_is_checked_against_the_words():
    from foreign_ties.numbers import direction_cue, parse_figure

    quote = "which hit 354.7 billion USD, down 4.6% compared to 2022."
    parsed = parse_figure("4.6%", "en")
    assert parsed.value * direction_cue(quote, "4.6%", "en") == -4.6
