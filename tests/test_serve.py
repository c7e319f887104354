"""The server set-up: public Streamlit API only, except one launcher module, and a fresh
server ignores the legacy pages/ folder (see foreign_ties/ui/serve.py)."""

import ast
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager

from foreign_ties import paths
from foreign_ties.ui import serve

APP = str(paths.ROOT / "app.py")


def test_a_fresh_process_treats_pages_as_legacy_until_navigation_is_declared(monkeypatch):
    """Fails loudly when Streamlit changes how it decides on the legacy pages/ folder: then
    serve.declare_navigation (and README "Pages and navigation") must be revisited."""
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    PagesManager(APP)
    assert PagesManager.uses_pages_directory is True, (
        "Streamlit no longer treats pages/ beside app.py as its legacy page list on a fresh "
        "server: foreign_ties/ui/serve.py may be unnecessary"
    )
    monkeypatch.setattr(PagesManager, "uses_pages_directory", None)
    serve.declare_navigation()
    PagesManager(APP)
    assert PagesManager.uses_pages_directory is False, (
        "st.navigation called before the server starts no longer makes Streamlit ignore "
        "pages/: a fresh server's first deep link would show 'Page not found'"
    )


def _imports(file: Path) -> set[str]:
    tree = ast.parse(file.read_text(encoding="utf-8"))
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    names |= {
        f"{n.module}.{a.name}"
        for n in ast.walk(tree)
        if isinstance(n, ast.ImportFrom) and n.module
        for a in n.names
    }
    return names


def test_only_the_launcher_imports_streamlits_internals():
    """streamlit.runtime / streamlit.web are not public API: one module (the launcher) at most,
    and no `PagesManager` anywhere in the app."""
    files = [
        *Path(paths.ROOT, "foreign_ties").rglob("*.py"),
        *Path(paths.ROOT, "pages").glob("*.py"),
        *Path(paths.ROOT, "scripts").glob("*.py"),
        Path(paths.ROOT, "app.py"),
    ]
    internal = sorted(
        str(f.relative_to(paths.ROOT))
        for f in files
        if any(i.startswith(("streamlit.runtime", "streamlit.web")) for i in _imports(f))
    )
    assert internal in ([], ["foreign_ties/ui/serve.py"]), internal
    for file in files:
        assert "PagesManager" not in file.read_text(encoding="utf-8"), file
