"""The build's validation in chunks (foreign_ties/bulk.py, csv_stream.py) finds exactly what
validate.load + validate.check find, row for row and message for message, and makes the
same tables: on every hostile case, every bad input of test_build, and randomly damaged
data, read in chunks of a few rows so that every file spans several chunks."""

from __future__ import annotations

import random
import shutil

import pyarrow as pa
import pytest

from foreign_ties import build, bulk, csv_input, csv_stream, paths, synth, validate
from foreign_ties.csv_input import BIDI, ZERO_WIDTH
from tests.hostile.overlay import overlay
from tests.hostile.test_hostile import CASES, EXPECTED
from tests.test_build import BAD_INPUTS, HEADERS, ROWS, replace_in, write_fixture


@pytest.fixture(params=[csv_stream.CHUNK, 2], ids=["chunked", "two-row-chunks"])
def chunk(request, monkeypatch):
    monkeypatch.setattr(csv_stream, "CHUNK", request.param)
    monkeypatch.setattr(bulk, "MERGE", 2)  # batches of facts merged too
    return request.param


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    return write_fixture(tmp_path_factory.mktemp("good"))


def slow(data):
    """What the build found before bulk.py: every row loaded, then checked."""
    loaded = validate.load(data)
    problems = validate.check(loaded, data)
    if problems:
        return None, problems
    tables = {}
    for name in build.OUTPUT_TABLES:
        if name == "documents":
            records = [{"source_id": k, "text": v} for k, v in loaded.documents.items()]
        else:
            records = [row.values for row in loaded.rows[name]]
        table = pa.Table.from_pylist(records, schema=build.schema(name))
        tables[name] = build.sort_table(table, name).combine_chunks()
    return tables, []


def same_as_before(data) -> list:
    expected_tables, expected = slow(data)
    tables, problems = build.validate(data)
    assert [str(p) for p in problems] == [str(p) for p in expected]
    assert problems == expected
    if expected_tables is None:
        assert tables is None
    else:
        assert list(tables) == list(expected_tables)
        for name, table in tables.items():
            assert table.schema.equals(expected_tables[name].schema), name
            assert table.equals(expected_tables[name]), name
    return problems


def test_good_data_makes_the_same_tables(good, chunk):
    assert same_as_before(good) == []


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_every_hostile_case_gives_the_same_problems(good, tmp_path, chunk, case):
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    overlay(CASES / case, data)
    assert same_as_before(data)


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_every_bad_input_gives_the_same_problems(good, tmp_path, chunk, case):
    table, old, new, _ = BAD_INPUTS[case]
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    replace_in(data / "curated" / table / "main.csv", old, new)
    assert same_as_before(data)


def test_a_broken_quote_after_the_first_chunks_takes_back_their_problems(good, tmp_path, chunk):
    """Rows of a file already checked (with problems) before its CSV turns out broken: the
    file is refused as a whole, as validate.load refuses it."""
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    facts = data / "curated" / "facts" / "main.csv"
    replace_in(facts, ",approx,35,", ",exact,35,")  # a row problem in an early chunk
    with facts.open("a", encoding="utf-8") as handle:
        handle.write(ROWS["facts"][0].replace("son-la-exports-2023", "x") + "\n")
        handle.write('y,son-la,"unclosed\n')
    problems = same_as_before(data)
    assert [p.message.split(" (")[0] for p in problems if p.file == "facts/main.csv"] == [
        "not a valid CSV"
    ]


NASTY = [
    "",
    " ",
    "nan",
    "inf",
    "1e400",
    "-0",
    "1_000",
    "٣",
    "2023-02-30",
    "2023-1-01",
    "TRUE",
    "maybe",
    "son-la",
    "vietnam",
    "no-such-id",
    "Son La",
    "a\nb",
    "a\rb",
    "x\ty",
    "x\x07y",
    "x\x85y",
    "x\u202ey",
    "x\u200by",
    "x\ufeff",
    "x" * 20_001,
    "USD",
    "count",
    "percent",
    "approx",
    "target",
    "Thirty-one",
    "35",
    "63",
    "1",
    "2024-11-06",
    "2030-01-01",
    "son-la-ngos-2024-11",
    "son-la-meetings-2024",
]


def damage(text: str, rng: random.Random) -> str:
    """A copy of a CSV with a few cells replaced, rows dropped, doubled or made ragged."""
    lines = text.splitlines()
    header, rows = lines[0], lines[1:]
    out = [header]
    for row in rows:
        cells = row.split(",")
        roll = rng.random()
        if roll < 0.08:
            continue
        if roll < 0.16:
            out.append(row)  # a duplicate row: duplicate id
        if roll < 0.22:
            cells = cells[:-1] if rng.random() < 0.5 else [*cells, "extra"]
        for _ in range(rng.randint(0, 2)):
            value = rng.choice(NASTY)
            if any(c in value for c in ',"\n\r'):
                value = '"' + value.replace('"', '""') + '"'
            cells[rng.randrange(len(cells))] = value
        out.append(",".join(cells))
        if rng.random() < 0.05:
            out.append(",,,")
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("seed", range(12))
def test_randomly_damaged_data_gives_the_same_problems(tmp_path, seed, monkeypatch):
    monkeypatch.setattr(csv_stream, "CHUNK", 1 + seed % 3)
    monkeypatch.setattr(bulk, "MERGE", 2 + seed % 2)
    rng = random.Random(seed)
    data = write_fixture(tmp_path)
    for table in ("facts", "sources", "provinces", "fx_rates", "partners", "indicators"):
        if rng.random() < 0.6:
            path = data / "curated" / table / "main.csv"
            path.write_text(damage(path.read_text(encoding="utf-8"), rng), encoding="utf-8")
    same_as_before(data)


def test_the_synthetic_data_makes_the_same_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(csv_stream, "CHUNK", 64)
    data = tmp_path / "data"
    synth.generate(1_500, data, paths.DATA_DIR, seed=5)
    assert same_as_before(data) == []


CHARACTERS = [chr(c) for c in range(0x00, 0x2FF)] + sorted(BIDI | ZERO_WIDTH) + ["\u2028", "€"]


@pytest.mark.parametrize("column", ["fact_id", "quote", "unit", "value"])
def test_the_column_test_misses_no_cell_problem(column):
    """cells_to_check picks every cell that csv_input._cell_problems objects to (an id, free
    text, a one-line text, a number)."""
    cells = [f"a{c}b" for c in CHARACTERS] + [c for c in CHARACTERS] + ["x" * 20_001, "A-b"]
    flagged = set(csv_stream.cells_to_check(column, cells))
    for i, cell in enumerate(cells):
        assert (i in flagged) == bool(csv_input._cell_problems(cell, column)), repr(cell)
    clean = ["son-la-2023", "abc", ""]
    assert csv_stream.cells_to_check(column, clean) == [
        i for i, c in enumerate(clean) if csv_input._cell_problems(c, column)
    ]


def test_a_source_id_too_long_for_a_file_name_is_a_problem_not_a_crash(good, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    long_id = "wb-fx-" + "x" * 300  # a plain id, but no file system takes it as a name
    for table in ("sources", "fx_rates"):
        replace_in(data / "curated" / table / "main.csv", "wb-fx,", f"{long_id},")
    problems = same_as_before(data)
    assert any(
        p.file == "sources/main.csv"
        and p.line == 3
        and p.column == "source_id"
        and "cannot be read (File name too long)" in p.message
        for p in problems
    ), problems


def with_huge_rank_total(data, duplicate: bool):
    """A rank out of 10^20 provinces, as its sentence says: no rule objects, but Arrow holds
    no such integer (int64)."""
    total = "1" + "0" * 20
    sentence = f"Son La ranked 29th of {total} provinces."
    (data / "curated" / "indicators" / "rank.csv").write_text(
        HEADERS["indicators"] + "\npci_rank,context,PCI rank,Xếp hạng,rank,stock,Rank.\n",
        encoding="utf-8",
    )
    fact_id = "son-la-exports-2023" if duplicate else "son-la-pci-2023"
    (data / "curated" / "facts" / "rank.csv").write_text(
        HEADERS["facts"]
        + ",rank_out_of\n"
        + f"{fact_id},son-la,pci_rank,29,rank,exact,29th,2023-12-31,2023-12-31,reported,,"
        f"vbf-son-la-2024,{sentence},,{total}\n",
        encoding="utf-8",
    )
    with (data / "documents" / "vbf-son-la-2024.txt").open("a", encoding="utf-8") as handle:
        handle.write(sentence + "\n")


def test_an_integer_arrow_cannot_hold_fails_the_build_as_before(good, tmp_path, chunk):
    data = tmp_path / "data"
    shutil.copytree(good, data, symlinks=True)
    with_huge_rank_total(data, duplicate=False)
    with pytest.raises(OverflowError) as before:
        slow(data)
    with pytest.raises(OverflowError) as now:
        build.validate(data)
    assert str(now.value) == str(before.value)
    # with a problem found by the rules, the problems are reported (not the overflow)
    with_huge_rank_total(data, duplicate=True)
    assert any("duplicate fact_id" in p.message for p in same_as_before(data))
