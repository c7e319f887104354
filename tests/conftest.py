"""Shared test fixtures and helpers: caches, languages, the whole-data filters, AppTest set-up
and decoding of Plotly charts from AppTest. Fixtures here are used by several test files;
define a fixture in a test file only when that file alone needs it."""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from argon2 import PasswordHasher
from streamlit.testing.v1 import AppTest

from foreign_ties import catalog, i18n, paths, versions
from foreign_ties.state import Filters
from tests.apptest_speed import scan_component_manifests_once
from tests.xdist_groups import pytest_xdist_make_scheduler  # noqa: F401 (a hook: which worker)

scan_component_manifests_once()  # 0.3 CPU-s per AppTest otherwise (tests/apptest_speed.py)

APP = str(paths.ROOT / "app.py")
# Cheap password hashes for test accounts (a server verifies with each hash's own parameters).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


def copy_current_data(folder: Path) -> Path:
    """`folder` made a copy of the real data: its curated files, documents, extractions and
    current version, with the `parquet` link to it (no rebuild needed)."""
    for name in ("curated", "documents", "extraction"):
        shutil.copytree(paths.DATA_DIR / name, folder / name)
    current = versions.current_id(paths.DATA_DIR)
    shutil.copytree(paths.DATA_DIR / "versions" / current, folder / "versions" / current)
    os.symlink(Path("versions") / current, folder / "parquet")
    return folder


# Tests share the caches, as the sessions of one server do: every cache is keyed by the data
# version (foreign_ties/data_version.py), so a test on other data never reads this data's
# cached results. A test of a cold start calls data_version.reset() itself.


@pytest.fixture
def vietnamese():
    """The reader's language is Vietnamese for this test (English again after it)."""
    i18n.set_language("vi")
    yield "vi"
    i18n.set_language("en")


@pytest.fixture(params=i18n.LANGUAGES)
def lang(request):
    """The test runs once per language, with that language set (English again after it)."""
    catalog.clear()
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


@pytest.fixture(scope="module")
def all_places():
    """Every compared place over every year of the data."""
    catalog.clear()
    return Filters(tuple(catalog.COMPARED_PLACES), *catalog.year_bounds())


def app_at(page: str | None = None, /, **query: list[str] | str) -> AppTest:
    """An AppTest of the whole app, on `page`, with URL query parameters set (`page` is
    positional-only: the Sources page's URL has a `page` parameter of its own)."""
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        # switch_page resolves against the pages st.navigation registered, so the app runs
        # once first; the link's parameters then arrive as a browser would send them.
        at.run()
        at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def tile_cells(at: AppTest) -> list[str]:
    """Each tile's HTML, in page order (ui.tile_row draws a row of tiles as one element)."""
    cells = []
    for markdown in at.markdown:
        if "ft-tile" in markdown.value:
            parts = markdown.value.split("<div class='ft-cell'>")
            cells += parts[1:] if len(parts) > 1 else parts
    return cells


def decode(value):
    """Plotly JSON stores arrays as {'dtype', 'bdata'}: turn them back into lists."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(
            base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"])
        ).tolist()
    return value


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def chart_values(spec: dict) -> list[float]:
    values = []
    for trace in spec["data"]:
        for v in decode(trace.get("y", [])) or []:
            if v is not None:
                values.append(v)
    return values


# The AppTest elements that carry text a reader sees.
TEXT_KINDS = ("title", "header", "subheader", "markdown", "caption", "warning", "info", "error")


def texts(at: AppTest) -> str:
    """Everything written on the page as text (markdown, captions, titles, notices), as a
    reader sees it: Markdown's backslash escapes (data is escaped, see safe_text) read back."""
    parts = [e.value for kind in TEXT_KINDS for e in at.get(kind) if isinstance(e.value, str)]
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", "\n".join(parts)).replace("\u2060", "")


# Plotly fields a reader sees (hover, labels, legend names, ticks); ids in customdata are not.
_VISIBLE_CHART_KEYS = ("text", "hovertext", "name", "hovertemplate", "ticktext", "texttemplate")


def _visible_chart_strings(node, key: str = "") -> list[str]:
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _visible_chart_strings(v, k)]
    if isinstance(node, list):
        return [s for v in node for s in _visible_chart_strings(v, key)]
    return [node] if isinstance(node, str) and key in _VISIBLE_CHART_KEYS else []


def shown_text(at: AppTest) -> str:
    """What a reader can see on the page: texts without link targets, the visible strings of
    every chart (titles, labels, hovers) and every table cell."""
    text = re.sub(r"\]\([^)]*\)", "]", texts(at))
    text = re.sub(r"""(href|id|src)=(['"]).*?\2""", "", text)
    parts = [text]
    for chart in at.get("plotly_chart"):
        parts += _visible_chart_strings(json.loads(chart.proto.spec))
    for frame in at.dataframe:  # link columns show their display text, not the address
        cells = frame.value.astype(str)
        links = [c for c in cells if cells[c].str.match(r"(sources\?|https?://)").all()]
        parts.append(cells.drop(columns=links).to_csv(index=False))
    return "\n".join(parts)


def url_values(at: AppTest, key: str) -> list[str]:
    """The URL parameter the app wrote, always as a list."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)
