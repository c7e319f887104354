"""The marks of a chart panel, drawn by the rules of `foreign_ties.grammar`.

Bars when no series has two dated points: one bar per figure, its place and (when the
figures' periods differ) its period under it, so a date is a category, never a repeated
tick. A timeline otherwise: each series (place, territory, measure, part, unit, type of
period) drawn apart, a line only between consecutive comparable figures, a figure that
covers part of a year or several years drawn across its period, and every point that is not
a whole year labelled with its period. Every kind of mark drawn gets a legend entry.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from foreign_ties import boundaries, formatting, grammar, mark_labels, safe_text, series_style
from foreign_ties.i18n import current_language, t

HOLLOW, SPAN, HATCHED = "hollow", "span", "hatched"
KEY_COLOUR = "#555555"


def _territory_tag(row) -> str:
    key = grammar.territory(row)
    return t(f"chart.territory.{key}") if key else ""


def _hover(row, place_names) -> str:
    text = series_style.hover(row, place_names)
    key = grammar.territory(row)
    if key:
        role = "successor" if row.province_id in boundaries.successors() else "part"
        text += "<br>" + t(f"boundaries.territory.{role}.{key}")
    return text


def _mixed_territories(rows) -> set[str]:
    """Places whose figures here cover different territories (before / after the merger)."""
    seen: dict[str, set] = {}
    for row in rows:
        seen.setdefault(row.province_id, set()).add(grammar.territory(row))
    return {place for place, keys in seen.items() if len(keys) > 1}


def add_bars(fig, df, divisor, place_names, panel, show_period) -> set[str]:
    """One bar per figure (a repeated figure once), all in one trace."""
    rows = list(df.itertuples())
    mixed = _mixed_territories(rows)
    labels, kept, drawn = [], [], {}
    for row in rows:
        label = series_style.series_label(row, place_names)
        if row.province_id in mixed:
            label += f" ({_territory_tag(row)})"
        if show_period:
            label += "<br>" + formatting.period_text(row.period_start, row.period_end, row.kind)
        same = (row.value, row.qualifier, row.status, row.unit)
        if drawn.get(label) == same:
            continue  # the same figure from a second source: one bar (hover names the first)
        if label in drawn:
            label += f"<br>{safe_text.plotly(row.publisher)}"
        while label in drawn:
            label += " ·"
        drawn[label] = same
        labels.append(label)
        kept.append(row)
    fig.add_trace(
        go.Bar(
            x=labels,
            y=[r.value / divisor for r in kept],
            marker={
                "color": [
                    "white" if r.status != "reported" else series_style.colour(r.province_id)
                    for r in kept
                ],
                "line": {"color": [series_style.colour(r.province_id) for r in kept], "width": 3},
                "pattern": {"shape": ["/" if bool(r.uncertain) else "" for r in kept]},
            },
            text=[series_style.point_label(r) for r in kept],
            textposition="outside",
            cliponaxis=False,
            hovertext=[_hover(r, place_names) for r in kept],
            hoverinfo="text",
            customdata=[r.fact_id for r in kept],  # a click opens the figure (drill-down)
            showlegend=False,
        ),
        **series_style.cell(fig, panel),
    )
    used = set()
    if any(r.status != "reported" for r in kept):
        used.add(HOLLOW)
    if any(bool(r.uncertain) for r in kept):
        used.add(HATCHED)
    return used


def _label(row, ptype: str) -> str:
    text = series_style.point_label(row)
    if ptype != grammar.ANNUAL:  # the axis says the year; anything else says its period
        text += " · " + formatting.period_text(row.period_start, row.period_end, row.kind)
    return text


def totals_text(df, place_names) -> str:
    """Totals over several years as the words written over their panel, one a line: drawn
    beside shorter periods they would mislead (`grammar.totals_beside_shorter`)."""
    lines = [
        t(
            "chart.total_not_drawn",
            place=series_style.series_label(row, place_names),
            figure=_label(row, grammar.MULTI_YEAR),
        )
        for row in df.itertuples()
    ]
    # Plotly does not wrap; each line in italics of its own (a tag must not span a break)
    parts = [part for line in lines for part in _wrapped(line, TOTALS_CHARS)]
    return "<br>".join(f"<i>{part}</i>" for part in parts)


TOTALS_CHARS = 80  # a line of totals over a panel beside the sidebar on a 1280 px laptop


def _wrapped(text: str, width: int) -> list[str]:
    """Plotly does not wrap: lines at spaces only (never inside '2021–2025' or a number)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def write_totals(fig, text: str) -> None:
    """`totals_text` over a chart of one panel without a title, where a panel title would be."""
    fig.add_annotation(
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        xanchor="left",
        yanchor="bottom",
        align="left",
        showarrow=False,
        font={"size": 15},
    )


def add_timeline(fig, df, divisor, place_names, panel) -> set[str]:
    """Each series apart: periods as spans, points labelled, lines only where `grammar.joins`."""
    series: dict[tuple, list] = {}
    for row in df.itertuples():
        series.setdefault(grammar.series_key(row), []).append(row)
    used: set[str] = set()
    cell = series_style.cell(fig, panel)
    # Every point labelled only while the panel's labels are few; past that each series
    # labels its latest point and the hover (or a click) gives the others.
    label_all = len(df) <= series_style.LABEL_ALL_UP_TO
    for key, rows in series.items():
        # At one date, a target or projection before the reported result: the result is
        # drawn on top (filled over hollow) and, as the series' last point, gets the label.
        rows.sort(key=lambda r: (grammar.position(r), r.status == "reported"))
        ptype, first = key[-1], rows[0]
        label, pid = series_style.series_label(first, place_names), first.province_id
        colour, dash = series_style.colour(pid), series_style.dash(first)
        ys = [r.value / divisor for r in rows]
        if ptype in grammar.SPANNED:
            used.add(SPAN)
            spans_x, spans_y = [], []
            for r, y in zip(rows, ys, strict=True):
                spans_x += [r.period_start, r.period_end, None]
                spans_y += [y, y, None]
            fig.add_trace(
                go.Scatter(
                    x=spans_x,
                    y=spans_y,
                    mode="lines",
                    opacity=0.45,
                    hoverinfo="skip",
                    line={"color": colour, "width": 8, "dash": dash},
                    showlegend=False,
                    legendgroup=label,
                    connectgaps=False,
                ),
                **cell,
            )
        if any(r.status != "reported" for r in rows):
            used.add(HOLLOW)
        fig.add_trace(
            go.Scatter(
                x=[grammar.position(r) for r in rows],
                y=ys,
                mode="markers+text",
                marker={
                    "color": ["white" if r.status != "reported" else colour for r in rows],
                    "symbol": series_style.PLACE_SYMBOLS.get(pid, series_style.FALLBACK_SYMBOL),
                    "size": 12,
                    "line": {"color": colour, "width": 2},
                },
                text=[
                    _label(r, ptype) if label_all or i == len(rows) - 1 else ""
                    for i, r in enumerate(rows)
                ],
                textposition="top center",
                cliponaxis=False,
                hovertext=[_hover(r, place_names) for r in rows],
                hoverinfo="text",
                customdata=[r.fact_id for r in rows],  # a click opens the figure (drill-down)
                name=label,
                legendgroup=label,
                showlegend=False,
            ),
            **cell,
        )
        reported = [(r, y) for r, y in zip(rows, ys, strict=True) if r.status == "reported"]
        if ptype != grammar.MULTI_YEAR and reported:
            line_x, line_y, previous = [], [], None
            for r, y in reported:
                if previous is not None and not grammar.joins(previous, r):
                    line_x.append(None)
                    line_y.append(None)
                line_x.append(grammar.position(r))
                line_y.append(y)
                previous = r
            fig.add_trace(
                go.Scatter(
                    x=line_x,
                    y=line_y,
                    mode="lines",
                    line={"color": colour, "width": 2, "dash": dash},
                    name=label,
                    legendgroup=label,
                    hoverinfo="skip",
                    connectgaps=False,
                    showlegend=False,
                ),
                **cell,
            )
        fig.add_trace(  # the legend entry: the place's colour, marker and (measure's) dash
            go.Scatter(
                x=[None],
                y=[None],
                mode="lines+markers",
                marker={
                    "color": colour,
                    "symbol": series_style.PLACE_SYMBOLS.get(pid, series_style.FALLBACK_SYMBOL),
                },
                line={"color": colour, "width": 2, "dash": dash},
                name=label,
                legendgroup=label,
                showlegend=True,
                hoverinfo="skip",
            ),
            **cell,
        )
    return used


def add_keys(fig: go.Figure, used: set[str]) -> None:
    """A legend entry for each kind of mark drawn that is not a place: what it means."""
    grey = {"color": KEY_COLOUR}
    keys = {
        SPAN: go.Scatter(
            mode="lines",
            opacity=0.45,
            line={"color": KEY_COLOUR, "width": 8},
            name=t("chart.key.span"),
        ),
        HOLLOW: go.Scatter(
            mode="markers",
            marker={"color": "white", "size": 12, "line": {**grey, "width": 2}},
            name=t("chart.key.hollow"),
        ),
        HATCHED: go.Bar(
            marker={"color": "white", "line": {**grey, "width": 2}, "pattern": {"shape": "/"}},
            name=t("chart.key.hatched"),
        ),
    }
    for kind in (SPAN, HOLLOW, HATCHED):
        if kind in used:
            trace = keys[kind]
            trace.update(x=[None], y=[None], showlegend=True, legendgroup="keys", hoverinfo="skip")
            fig.add_trace(trace, **series_style.cell(fig, 1))


def zoom_to_figures(fig: go.Figure) -> None:
    """Fit each time axis to the periods drawn on it (a slide shows the years with figures),
    ticked by the same rule as the builder's: whole years, or the months of one year."""
    for name in fig.layout:
        if not name.startswith("xaxis") or fig.layout[name].type != "date":
            continue
        ref = "x" + name[len("xaxis") :]
        days = [
            grammar._day(x)
            for trace in fig.data
            if (trace.xaxis or "x") == ref and trace.x is not None
            for x in trace.x
            if x is not None
        ]
        if days:
            fig.layout[name].update(grammar.time_axis(min(days), max(days), current_language()))
    mark_labels.place_labels(fig)
