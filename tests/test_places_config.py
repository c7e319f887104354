"""No place in logic: the compared places, each place's colour and marker and the Trade
panels come from foreign_ties/places.toml; the nation from provinces.level."""

import ast
from pathlib import Path

from foreign_ties import catalog, charts, paths, trade

SLUGS = {"son-la", "lang-son", "tuyen-quang", "vietnam", "ha-giang"}
PAGE_LIST = Path(paths.ROOT, "foreign_ties", "site.py")  # the pages, one per place profile


def _docstrings(tree: ast.AST) -> set[int]:
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def test_no_place_slug_in_the_packages_logic():
    found = []
    for file in sorted(Path(paths.ROOT, "foreign_ties").rglob("*.py")):
        if file == PAGE_LIST:
            continue
        tree = ast.parse(file.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and node.value.strip().lower() in SLUGS
            ):
                found.append(f"{file.relative_to(paths.ROOT)}:{node.lineno} {node.value!r}")
    assert not found, "place ids belong in foreign_ties/places.toml or the data: " + str(found)


def test_the_nation_is_the_place_whose_level_is_national():
    national = [p for p in catalog.places().values() if p.level == catalog.NATIONAL_LEVEL]
    assert [p.province_id for p in national] == [catalog.nation()]
    assert catalog.nation() in catalog.COMPARED_PLACES


def test_every_place_has_its_own_colour_and_marker_from_the_config():
    looks = catalog.config()["look"]
    assert set(catalog.COMPARED_PLACES) <= set(looks) <= set(catalog.places())
    assert charts.PLACE_COLOURS == {p: v["colour"] for p, v in looks.items()}
    assert len(set(charts.PLACE_COLOURS.values())) == len(looks)
    assert len(set(charts.PLACE_SYMBOLS.values())) == len(looks)
    assert charts.colour("atlantis") == charts.FALLBACK_COLOUR


def test_trade_panels_come_from_the_config_with_the_nation_resolved():
    specs = trade.panel_specs()
    assert [s.key for s in specs] == [p["key"] for p in catalog.config()["trade_panels"]]
    national = [s for s in specs if s.key in ("fdi_national", "exports_national")]
    assert national and all(s.places == (catalog.nation(),) for s in national)
    assert all(set(s.places or ()) <= set(catalog.places()) for s in specs)
    assert all(s.indicators and set(s.indicators) <= set(catalog.indicators()) for s in specs)
