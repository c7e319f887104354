"""Corrections of known data errors (issue 12, item 7), each pinned against its sentence.

Each test reads the real curated data and asserts the corrected reading, so a later edit
that brings an error back fails here with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from foreign_ties import paths
from foreign_ties.validate import load

# Its module-scoped fixtures are built once: under xdist the file's tests run on one worker
# (listed in tests/xdist_groups.py).

D = dt.date


@pytest.fixture(scope="module")
def data():
    return load(paths.DATA_DIR)


@pytest.fixture(scope="module")
def facts(data):
    return {r.values["fact_id"]: r.values for r in data.rows["facts"]}


@pytest.fixture(scope="module")
def indicators(data):
    return {r.values["indicator_id"]: r.values for r in data.rows["indicators"]}


@pytest.fixture(scope="module")
def sources(data):
    return {r.values["source_id"]: r.values for r in data.rows["sources"]}


def test_qdnd_singapore_report_is_of_november_2023(facts, sources, data):
    """'given greenlight in May this year' is May 2023: the report is of 8 November 2023."""
    source = sources["qdnd-singapore-lang-son-2023"]
    assert source["published_date"] == D(2023, 11, 8)
    assert "qdnd-singapore-lang-son-2024" not in sources
    expected = {
        "lang-son-investment-approvals-projects-2021-2023": (D(2021, 1, 1), D(2023, 11, 8)),
        "lang-son-investment-approvals-capital-2021-2023": (D(2021, 1, 1), D(2023, 11, 8)),
        "lang-son-fdi-project-vsip-2023": (D(2023, 5, 1), D(2023, 5, 31)),
        "lang-son-border-gates-international-2023": (D(2023, 11, 8), D(2023, 11, 8)),
        "lang-son-border-gates-bilateral-2023": (D(2023, 11, 8), D(2023, 11, 8)),
        "lang-son-border-gates-auxiliary-2023": (D(2023, 11, 8), D(2023, 11, 8)),
    }
    for fact_id, period in expected.items():
        fact = facts[fact_id]
        assert (fact["period_start"], fact["period_end"]) == period, fact_id
        assert fact["source_id"] == "qdnd-singapore-lang-son-2023"
        assert fact["quote"] in data.documents["qdnd-singapore-lang-son-2023"]
        assert fact_id.replace("2023", "2024") not in facts
    assert "May this year" in facts["lang-son-fdi-project-vsip-2023"]["quote"]
    assert facts["lang-son-fdi-project-vsip-2023"]["value"] == 275e6


def test_qdnd_border_stocks_dated_at_their_document_february_2024(facts):
    for fact_id in (
        "lang-son-border-length-guangxi",
        "lang-son-friendly-district-relations",
        "lang-son-village-friendship-agreements",
    ):
        fact = facts[fact_id]
        assert fact["period_start"] == fact["period_end"] == D(2024, 2, 29), fact_id
        assert fact["uncertain"] and "February 2024" in fact["uncertain_reason"]
    assert facts["lang-son-border-length-guangxi"]["value"] == 231.7


def test_son_la_35_2_million_target_is_named_fruit_exports(facts, indicators):
    fact = facts["son-la-fruit-export-turnover-2025-target"]
    assert "son-la-agri-export-turnover-2025-target" not in facts
    assert "agri_export_turnover" not in indicators
    assert fact["indicator_id"] == "fruit_export_turnover"
    assert fact["status"] == "target" and fact["value"] == 35.2e6
    indicator = indicators["fruit_export_turnover"]
    assert "Fruit" in indicator["name_en"] and "trái cây" in indicator["name_vi"]


def test_hkbav_pair_projections_with_the_swap_undone(facts):
    exports, imports = facts["vietnam-exports-2025-hkbav"], facts["vietnam-imports-2025-hkbav"]
    quote = "Exports are projected at US$449.41 billion, while imports are estimated at"
    assert quote in exports["quote"] and exports["quote"] == imports["quote"]
    # the article reports a surplus: exports are the larger figure
    assert exports["indicator_id"] == "exports_national" and exports["value"] == 470.59e9
    assert imports["indicator_id"] == "imports_national" and imports["value"] == 449.41e9
    for fact in (exports, imports):
        assert fact["status"] == "projection"
        assert fact["uncertain"] and "swapped" in fact["uncertain_reason"]
    assert exports["superseded_by"] == "vietnam-exports-2025"
    assert facts["vietnam-exports-2025"]["value"] == 475.04e9


def test_overview_shows_no_hkbav_projection():
    from foreign_ties import views
    from foreign_ties.state import Filters

    tiles = views.overview_tiles(Filters(("vietnam",), 2015, 2026))
    shown = [f.fact_id for family in tiles.values() for figs in family.values() for f in figs]
    assert shown, "the Overview shows Viet Nam's figures"
    assert not [f for f in shown if f.endswith("-hkbav")]


def test_son_la_2023_exports_measure_named_from_its_sentence(facts, indicators):
    for fact_id in ("son-la-exports-2023", "son-la-exports-agri-2023"):
        assert facts[fact_id]["indicator_id"] == "exported_goods_value_basis_unstated"
        assert facts[fact_id]["uncertain"]
    yoy = facts["son-la-exports-agri-yoy-2023"]
    assert yoy["indicator_id"] == "exported_goods_value_basis_unstated_yoy"
    assert yoy["breakdown"] == "agricultural products" and yoy["value"] == 8.8
    assert "value of exported goods" in facts["son-la-exports-2023"]["quote"]
    assert "basis not stated" in indicators["exported_goods_value_basis_unstated"]["name_en"]
    provincial = [f for f in facts.values() if f["indicator_id"] == "exports_provincial_statistics"]
    # Issue 13 item 9 added the province's own export figures and targets that name their
    # period (Son La Newspaper's 2025 review, the Department of Industry and Trade's
    # January-November 2025 figure and 2025/2026 targets, Tuyen Quang's 2020 target); the
    # Department of Foreign Affairs' basis-unstated 2023 figure (vbf-son-la-2024) stays out.
    assert {f["source_id"] for f in provincial} <= {
        "baosonla-en-economy-listing-2025",
        "kinhtenongthon-son-la-exports-q1-2022",
        "baosonla-en-services-trade-2025",
        "vietnamvn-fr-son-la-exports-2025-11",
        "baosonla-industry-trade-2026-01",
        "ttv-tuyen-quang-exports-2020",
    }
    assert "vbf-son-la-2024" not in {f["source_id"] for f in provincial}


def test_son_la_fdi_end_2025_not_certain_results(facts):
    for fact_id in ("son-la-fdi-projects-2025", "son-la-fdi-registered-capital-2025"):
        assert facts[fact_id]["uncertain"] and "will have" in facts[fact_id]["uncertain_reason"]
    for fact_id in ("son-la-fdi-projects-2025-dfa", "son-la-fdi-registered-capital-2025-dfa"):
        assert "will have" in facts[fact_id]["quote"]
        assert facts[fact_id]["status"] == "projection"


def test_tuyen_quang_meetings_without_a_year_not_stored_as_a_year(facts):
    """'Trong năm' with no year and no page date: withdrawn, and the exclusion says why."""
    assert "tuyen-quang-meetings-foreign-partners-2023" not in facts
    for fact in facts.values():
        if fact["source_id"] == "hdnd-tuyen-quang-foreign-affairs":
            assert "Trong năm" not in fact["quote"]
    excluded = (paths.DATA_DIR / "curated" / "excluded" / "public_figures.csv").read_text()
    assert "tuyen-quang-meetings-foreign-partners-2023" in excluded
    assert "Year not stated" in excluded


def test_fdi_projects_described_by_what_provincial_sentences_count(indicators):
    fdi = indicators["fdi_projects"]
    assert "valid" not in fdi["name_en"].lower()
    assert "còn hiệu lực" not in fdi["name_vi"]
    assert "provincial sentences" in fdi["description"]


ABSOLUTE_PATH = re.compile(r"(?<![\w.:/])(?:/(?:work|home|tmp|root|Users|mnt|var|opt)/|[A-Z]:\\)")


def _data_texts() -> list[tuple[str, str]]:
    root = paths.DATA_DIR
    texts = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "versions" in path.parts:
            continue
        rel = path.relative_to(root).as_posix()
        if path.suffix == ".parquet":
            table = pq.read_table(path)
            for column in table.column_names:
                if str(table.schema.field(column).type) == "string":
                    for value in table.column(column).to_pylist():
                        if value:
                            texts.append((f"{rel}:{column}", value))
        elif path.suffix in (".csv", ".txt", ".md", ".json", ".geojson"):
            texts.append((rel, path.read_text(encoding="utf-8", errors="replace")))
    return texts


def test_no_absolute_machine_path_anywhere_in_data():
    found = [
        f"{where}: {m.group(0)!r}"
        for where, text in _data_texts()
        for m in ABSOLUTE_PATH.finditer(text)
    ]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("Project seed file /work/shared/seeds/000.txt", True),
        ("C:\\Users\\x\\file.csv", True),
        ("see https://example.org/work/page", False),
        ("Project seed file shared/seeds/000.txt", False),
    ],
)
def test_absolute_path_pattern(text, hit):
    assert bool(ABSOLUTE_PATH.search(text)) is hit


def test_path_scan_reads_the_data_folder():
    assert Path(paths.DATA_DIR, "README.md").is_file()
    assert any(where.startswith("curated/sources/seeds.csv") for where, _ in _data_texts())
