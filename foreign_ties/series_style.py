"""How one series of figures looks and reads on a chart: its place's colour and marker, its
dash, its name, a point's label and its hover. Shared by the chart builders (charts.py) and
the marks they draw (marks.py), which both sit above it.
"""

from __future__ import annotations

import plotly.graph_objects as go

from foreign_ties import catalog, formatting, safe_text
from foreign_ties.i18n import breakdown_text, t

# Each place's colour (Okabe-Ito, colour-blind safe) and marker: foreign_ties/places.toml.
PLACE_COLOURS = catalog.place_colours()
PLACE_SYMBOLS = catalog.place_markers()
FALLBACK_COLOUR = catalog.config()["fallback_colour"]
FALLBACK_SYMBOL = catalog.config()["fallback_marker"]


def colour(province_id: str) -> str:
    return PLACE_COLOURS.get(province_id, FALLBACK_COLOUR)


DASHES = ("solid", "dash", "dot", "dashdot")
LABEL_ALL_UP_TO = 4  # a panel with more points labels each series' latest; hover shows all


def series_label(row, place_names: dict[str, str]) -> str:
    """Place, plus the measure when a chart shows several, plus the part if any (escaped for
    Plotly: names are data)."""
    name = place_names.get(row.province_id, row.province_id)
    measure = getattr(row, "measure_label", None)
    if isinstance(measure, str) and measure:
        name = f"{name} — {measure}"
    if isinstance(row.breakdown, str) and row.breakdown:
        name = f"{name} — {breakdown_text(row.breakdown)}"
    return safe_text.plotly(name)


def dash(row) -> str:
    return DASHES[int(getattr(row, "measure_index", 0)) % len(DASHES)]


def point_label(row) -> str:
    text = formatting.value_text(row.value, row.unit, row.qualifier)
    if row.status != "reported":
        text += f" ({t('status.' + row.status)})"
    if bool(row.uncertain):
        text += f" ({t('words.uncertain')})"
    if bool(getattr(row, "converted", False)):
        text += f" ({t('chart.converted')})"
    return text


def hover(row, place_names: dict[str, str]) -> str:
    quote = row.quote if len(row.quote) <= 180 else row.quote[:177] + "…"
    period = formatting.period_text(row.period_start, row.period_end, row.kind)
    lines = [
        f"<b>{series_label(row, place_names)}</b>",
        f"{point_label(row)} · {period}",
        safe_text.plotly(row.publisher),
        f"“{safe_text.plotly(quote)}”",
    ]
    if bool(row.uncertain) and isinstance(row.uncertain_reason, str):
        lines.append(t("chart.uncertain", reason=safe_text.plotly(row.uncertain_reason)))
    note = getattr(row, "conversion_note", None)
    if isinstance(note, str) and note:
        lines.append(safe_text.plotly(note))
    return "<br>".join(lines)


def cell(fig: go.Figure, panel: int) -> dict:
    """Where a trace or axis update goes: its panel, or nowhere special without a grid."""
    return {"row": panel, "col": 1} if fig._grid_ref else {}
