"""foreign_ties.synth: a synthetic data folder of 20 k facts that the ordinary build accepts,
with 34 provinces after 2025, every indicator, 30 years, and every sentence marked synthetic
and containing its figure."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from foreign_ties import build, paths, synth
from foreign_ties.numbers import parse_figure


@pytest.fixture(scope="module")
def built20k(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth") / "data"
    counts = synth.generate(20_000, out, paths.DATA_DIR, seed=3)
    assert build.main([], data_dir=out) == 0
    tables = {name: pq.read_table(out / "parquet" / f"{name}.parquet") for name in paths.TABLES}
    return out, counts, {k: t.to_pandas() for k, t in tables.items()}


def test_the_build_accepts_20k_synthetic_facts(built20k):
    _, counts, tables = built20k
    facts = tables["facts"]
    assert counts["facts"] == len(facts) == 20_000
    assert facts["fact_id"].is_unique


def test_34_provinces_after_2025_every_indicator_30_years(built20k):
    _, _, tables = built20k
    provinces, facts = tables["provinces"], tables["facts"]
    current = provinces[(provinces["level"] == "province") & provinces["valid_to"].isna()]
    assert len(current) == 34
    assert set(current["province_id"]) <= set(facts["province_id"])
    assert "vietnam" in set(facts["province_id"])
    synthetic = current[current["province_id"].str.startswith("synthetic-")]
    assert synthetic["name_en"].str.startswith("Synthetic Province").all()
    assert synthetic["territory_note"].str.startswith("[synthetic]").all()
    assert set(facts["indicator_id"]) == set(tables["indicators"]["indicator_id"])
    years = {d.year for d in facts["period_end"]}
    assert years == set(range(1996, 2026))
    # no real fact is copied: every fact comes from a synthetic source
    assert facts["source_id"].str.startswith("synthetic-").all()


def test_every_sentence_is_marked_and_holds_its_figure(built20k):
    _, _, tables = built20k
    facts, sources = tables["facts"], tables["sources"].set_index("source_id")
    assert facts["quote"].str.startswith("[synthetic] ").all()
    sample = facts.sample(300, random_state=1)
    for fact in sample.itertuples():
        assert fact.value_as_written in fact.quote
        assert parse_figure(fact.value_as_written, "en").value == pytest.approx(fact.value)
        assert sources.loc[fact.source_id, "title"].startswith("[synthetic]")
        if fact.period_start != fact.period_end:  # flows: January to a month end
            assert fact.period_start == dt.date(fact.period_end.year, 1, 1)


def test_annual_cells_come_before_part_year_ones(built20k):
    _, _, tables = built20k
    facts = tables["facts"]
    # 20 k < 35 places x 95 indicators x 30 years: only whole years (or 31 December)
    assert {(d.month, d.day) for d in facts["period_end"]} == {(12, 31)}


def test_refuses_a_non_empty_folder_and_too_many_facts(tmp_path, capsys):
    (tmp_path / "x").write_text("keep me", encoding="utf-8")
    assert synth.main(["--facts", "10", "--out", str(tmp_path)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert (tmp_path / "x").read_text(encoding="utf-8") == "keep me"
    with pytest.raises(ValueError, match="at most"):
        synth.generate(10**9, tmp_path / "new")


def test_cli_writes_a_folder(tmp_path):
    out = tmp_path / "d"
    done = subprocess.run(
        [sys.executable, "-m", "foreign_ties.synth", "--facts", "50", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "facts 50" in done.stdout
    lines = (out / "curated" / "facts" / "synthetic.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 51
