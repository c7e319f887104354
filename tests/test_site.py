"""The pages/ folder and st.navigation: the set-up that works in the browser and AppTest."""

import ast
from pathlib import Path

from foreign_ties import paths, site


def test_every_page_file_is_declared_and_exists():
    declared = {spec.script for spec in site.PAGES}
    on_disk = {f"pages/{p.name}" for p in Path(paths.ROOT, "pages").glob("*.py")}
    assert declared == on_disk


def test_url_paths_differ_from_the_legacy_file_names():
    # See site.py: equal names would let Streamlit's legacy pages/ lookup run a page
    # without app.py (no sidebar, no filters) in AppTest and on a server's first run.
    for spec in site.PAGES:
        assert spec.url_path != spec.legacy_url_path, spec.script
    assert len({spec.url_path for spec in site.PAGES}) == len(site.PAGES)
    assert sum(spec.default for spec in site.PAGES) == 1


def test_pages_only_lay_out():
    """No SQL, no DuckDB, no data wrangling in page files: they call the package."""
    for file in Path(paths.ROOT, "pages").glob("*.py"):
        source = file.read_text(encoding="utf-8")
        tree = ast.parse(source)
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names
        } | {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not imported & {"duckdb", "pandas", "pyarrow", "sqlite3"}, file.name
        assert "store." not in source and "select " not in source.lower(), file.name
        assert len(source.splitlines()) <= 60, f"{file.name} is not thin"


def test_streamlit_is_imported_only_by_the_ui_package():
    for file in Path(paths.ROOT, "foreign_ties").rglob("*.py"):
        if "ui" in file.relative_to(paths.ROOT).parts[1:2]:
            continue
        assert "import streamlit" not in file.read_text(encoding="utf-8"), file


def test_the_ui_package_only_lays_out():
    """foreign_ties/ui draws what views, charts and maps return: no query, no DuckDB."""
    for file in Path(paths.ROOT, "foreign_ties", "ui").glob("*.py"):
        tree = ast.parse(file.read_text(encoding="utf-8"))
        imported = {
            alias.name
            for node in ast.walk(tree)
            if isinstance(node, (ast.Import, ast.ImportFrom))
            for alias in node.names
        } | {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not imported & {"store", "foreign_ties.store", "duckdb"}, file.name
        calls = {
            node.func.attr
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        }
        assert not calls & {"groupby", "merge", "pivot_table", "execute"}, file.name


def test_an_address_that_names_no_page_is_recognised():
    from foreign_ties.ui.not_found import unknown_path

    assert unknown_path("http://h:8501/nosuchpage") == "nosuchpage"
    assert unknown_path("http://h:8501/dash/nosuchpage/", "/dash") == "nosuchpage"
    for known in ("http://h:8501/", "http://h:8501", "http://h:8501/compare", None, ""):
        assert unknown_path(known) is None, known
    assert unknown_path("http://h:8501/dash", "dash") is None
    assert unknown_path("http://h:8501/dash/present/", "dash") is None
