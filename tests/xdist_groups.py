"""Which tests share an xdist worker (pyproject.toml: `-n auto --dist loadgroup`).

Tests are spread over the workers one by one, except the files in SHARED_WORKER: all of a
file's tests go to one worker, because the file builds something costly once per worker (a
module fixture) and split over two workers would build it twice.

Why a table here and not `@pytest.mark.xdist_group`: with pytest 9.2 that mark no longer
reaches xdist's scheduler (pytest-xdist issue #1386: the scheduler learns a test's group from
a suffix xdist writes into its node id, which pytest now ignores), so marked tests are spread
as if unmarked. The scheduler below reads the file from the node id instead.
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

SHARED_WORKER = {
    "tests/test_synth.py": "the 20 k synthetic build (built20k, about 2.5 s)",
    "tests/test_deck_files.py": "each language's deck files (built)",
    "tests/test_deck_libreoffice.py": "each language's deck converted by LibreOffice",
    "tests/test_load.py": "a dashboard server (server)",
    "tests/test_deck.py": "the deck in each language (the_deck, vi_deck)",
    "tests/test_data.py": "the curated tables, read and checked once",
    "tests/test_data_corrections.py": "the curated tables, read once",
    "tests/browser/test_add_figures.py": "a dashboard server over a copy of the data (editor_app)",
}


class SharedFileScheduling(LoadScopeScheduling):
    """xdist's own group scheduling (LoadGroupScheduling is this class with another scope):
    a work unit is one test, or every test of a file in SHARED_WORKER."""

    def _split_scope(self, nodeid: str) -> str:
        path = nodeid.split("::", 1)[0]
        return path if path in SHARED_WORKER else nodeid


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return SharedFileScheduling(config, log)
    return None
