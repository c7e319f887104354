"""Shared test helpers: AppTest set-up and decoding of Plotly charts from AppTest."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from foreign_ties import catalog, paths

APP = str(paths.ROOT / "app.py")


@pytest.fixture(autouse=True)
def _fresh_caches():
    """st.cache_* and our functools caches outlive an AppTest: start each test clean."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    catalog.clear()
    yield


def app_at(page: str | None = None, **query: list[str] | str) -> AppTest:
    """An AppTest of the whole app, on `page`, with URL query parameters set."""
    at = AppTest.from_file(APP, default_timeout=60)
    if page:
        # switch_page resolves against the pages st.navigation registered, so the app runs
        # once first; the link's parameters then arrive as a browser would send them.
        at.run()
        at.switch_page(page)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


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


def texts(at: AppTest) -> str:
    """Everything written on the page as text (markdown, captions, titles, notices)."""
    parts = [
        e.value
        for kind in (
            "title",
            "header",
            "subheader",
            "markdown",
            "caption",
            "warning",
            "info",
            "error",
        )
        for e in at.get(kind)
        if isinstance(e.value, str)
    ]
    return "\n".join(parts)


def url_values(at: AppTest, key: str) -> list[str]:
    """The URL parameter the app wrote, always as a list."""
    value = at.query_params.get(key, [])
    return [value] if isinstance(value, str) else list(value)
