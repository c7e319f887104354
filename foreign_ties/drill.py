"""Drill-down: which figure a click on a chart chose, and what to show about it.

Charts carry each mark's fact_id as Plotly `customdata`; Streamlit's selection event returns
the clicked points with it. Pure functions here; foreign_ties/ui/drill.py draws them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from foreign_ties import catalog, formatting, wording
from foreign_ties.i18n import t

PARAM = "figure"  # the chosen figure in the URL


def fact_ids(points: Iterable[Mapping]) -> list[str]:
    """The fact ids of the clicked points (a point's customdata is the id, or a list holding it)."""
    found = []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list | tuple):
            data = data[0] if data else None
        if isinstance(data, str) and data:
            found.append(data)
    return list(dict.fromkeys(found))


def choose(
    clicked: Sequence[str] | None, previous: str | None, available: Sequence[str]
) -> str | None:
    """The figure to open: a new click wins, an emptied selection closes it, otherwise the
    one open before (from this session or the link), if the view still has it."""
    if clicked is not None:
        picked = next((c for c in clicked if c in available), None)
        return picked
    return previous if previous in available else None


def details(fact: pd.Series) -> dict[str, str]:
    """What the reader sees about one figure: place and measure, value, period, status."""
    indicator = catalog.indicators().get(fact["indicator_id"])
    measure = indicator.name() if indicator else ""
    certainty = wording.certainty(
        fact.get("status", "reported"),
        bool(fact.get("uncertain")),
        fact.get("uncertain_reason") if isinstance(fact.get("uncertain_reason"), str) else None,
    )
    return {
        "heading": f"{catalog.place_name(fact['province_id'])} · {measure}",
        "value": formatting.value_text(
            fact["value"],
            fact["unit"],
            fact["qualifier"],
            change=formatting.is_change(fact["indicator_id"]),
        ),
        "period": formatting.period_text(fact["period_start"], fact["period_end"], fact["kind"]),
        "certainty": f"{certainty.word}: {certainty.reason}" if certainty else "",
        "publisher": str(fact.get("publisher") or ""),
        "title": str(fact.get("title") or ""),
        "url": fact["url"] if isinstance(fact.get("url"), str) and fact["url"] else "",
        "quote": str(fact["quote"]),
        "gloss": fact["gloss_en"] if isinstance(fact.get("gloss_en"), str) else "",
        "hint": t("drill.hint"),
    }
