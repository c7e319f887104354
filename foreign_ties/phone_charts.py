"""Charts restyled for a phone (390 px wide): Plotly does not wrap text, so a chart title, a
legend name or a sources line longer than the screen is cut off, and point labels along a
timeline print over each other.

A pure function of a figure (no Streamlit), like slide_charts.projector_style: the title,
subtitle, legend names and notes are wrapped to the width of a phone, each series keeps one
label (its latest point; the hover still shows every point), the margins shrink, and the
heights are counted from the wrapped lines so nothing overlaps.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import charts, slide_charts

TITLE_CHARS = 30  # characters per line of a 17 px title in a 358 px chart
SMALL_CHARS = 44  # of 12-13 px text (subtitle, legend names, notes)
TITLE_LINE, SMALL_LINE = 23, 17  # px per line
MIN_PLOT = 260  # px: the plot area itself
PANEL_PLOT = 170  # px: at least this much plot for each of several stacked panels
TICKS = 64  # px under the plot for the x tick labels (years turned upright on a phone)
MAX_MAP = 340  # px: a map 358 px wide needs no more height (Plotly keeps its aspect)
COLOUR_SCALE = 64  # px under a map for its colour scale, title above the bar
PLOT_WIDTH = 294  # px: a 390 px screen less the page's padding and the chart's margins
LABEL_CHAR = 6.2  # px: the average character of an 11 px point label
LABEL_ROOM = 2 * SMALL_LINE  # px between a panel's title and its top: its highest point labels
MAX_POINT_LABELS = 3  # more labels than this on a timeline print over each other on a phone


def _lines(text: str) -> int:
    return text.count("<br>") + 1 if text else 0


def _wrap(text: str, width: int) -> str:
    return charts.wrap(re.sub(r"\s*<br>\s*", " ", text), width) if text else text


def _wrap_names(data: list[dict]) -> int:
    """Series names wrapped to a phone; returns the lines the legend takes."""
    lines = 0
    for trace in data:
        if trace.get("name"):
            trace["name"] = _wrap(trace["name"], SMALL_CHARS)
            if trace.get("showlegend", True) is not False:
                lines += _lines(trace["name"])
    return lines


def phone_style(fig: go.Figure) -> go.Figure:
    """A copy of `fig` that fits a phone screen (see the module doc)."""
    spec = fig.to_plotly_json()
    layout, data = dict(spec["layout"]), [dict(trace) for trace in spec["data"]]
    old_margin = layout.get("margin") or {}
    plot = (layout.get("height") or 540) - old_margin.get("t", 132) - old_margin.get("b", 80)

    title = (layout.get("title") or {}).get("text") or ""
    head, _, sub = title.partition("<br><sup>")
    head, sub = _wrap(head, TITLE_CHARS), _wrap(sub.removesuffix("</sup>"), SMALL_CHARS)
    # Plotly places a title of several lines by its first line's baseline: start it lower
    top = 34 + TITLE_LINE * (_lines(head) - 1) + SMALL_LINE * _lines(sub) + 8

    legend_lines = _wrap_names(data)
    legend = 8 + SMALL_LINE * legend_lines if legend_lines else 0

    notes, foot = [], 0
    for note in layout.get("annotations", ()):
        note = dict(note)
        text = note.get("text") or ""
        if note.get("yshift", 0) < 0:  # the sources line under the plot, from the left edge
            text = _wrap(text, SMALL_CHARS)
            foot = SMALL_LINE * _lines(text)
            note.update(yshift=-TICKS, xshift=-40)
        else:  # a panel's title and what is written under it: each line wrapped on its own,
            # raised over the labels of the panel's highest points (two lines on a phone)
            text = "<br>".join(_wrap(line, SMALL_CHARS) for line in text.split("<br>"))
            note.update(yshift=LABEL_ROOM)
        note.update(text=text, font={**(note.get("font") or {}), "size": 12})
        notes.append(note)
    panel_titles = max((_lines(n["text"]) for n in notes if n.get("yshift", 0) >= 0), default=0)

    room = SMALL_LINE * panel_titles + (LABEL_ROOM if panel_titles else 0)
    margin_top = top + legend + room + 16
    margin_bottom = TICKS + 10 + foot
    panels = sum(1 for key in layout if key.startswith("yaxis"))  # stacked panels: each its room
    gap = TICKS + room + 12  # under a panel: its ticks, the next title, its highest labels
    stacked = PANEL_PLOT * panels + gap * (panels - 1) if panels > 1 else 0
    height = margin_top + max(plot, MIN_PLOT, stacked) + margin_bottom
    if panels > 1:
        _stack(layout, notes, panels, gap, height - margin_top - margin_bottom)
    layout.update(
        title={
            "text": head + (f"<br><sup>{sub}</sup>" if sub else ""),
            "font": {"size": 17},
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1 - 30 / height,
            "yanchor": "top",
        },
        annotations=notes,
        height=height,
        margin={"l": 48, "r": 16, "t": margin_top, "b": margin_bottom},
        legend={
            **(layout.get("legend") or {}),
            "orientation": "h",
            "yref": "container",
            "y": 1 - (top + 4) / height,
            "yanchor": "top",
            "x": 0,
            "font": {"size": 12},
        },
        font={**(layout.get("font") or {}), "size": 12},
    )
    _small_print(layout, data)
    _fewer_point_labels(data, layout)
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def _stack(layout: dict, notes: list[dict], panels: int, gap: int, plot: int) -> None:
    """Stacked panels apart by `gap` px (their ticks and the next panel's title, however many
    lines a phone wraps it to), each panel's title moved with its panel's top."""
    share = (plot - gap * (panels - 1)) / panels / plot
    moved = {}
    for n in range(panels):
        axis = "yaxis" if n == 0 else f"yaxis{n + 1}"
        top = 1 - n * (share + gap / plot)
        old = tuple((layout.get(axis) or {}).get("domain") or (0, 1))
        moved[round(old[1], 6)] = top
        layout[axis] = {**(layout.get(axis) or {}), "domain": [max(top - share, 0), top]}
    for note in notes:  # a subplot title sits at its panel's top
        if note.get("yref") == "paper" and round(note.get("y", -1), 6) in moved:
            note["y"] = moved[round(note["y"], 6)]


def _small_print(layout: dict, data: list[dict]) -> None:
    """Axis and point labels at a phone's size (a slide's chart comes at projector size)."""
    for key, axis in list(layout.items()):
        if key.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            title = axis.get("title") or {}
            layout[key] = {
                **axis,
                "tickfont": {**(axis.get("tickfont") or {}), "size": 11},
                "title": {**title, "font": {**(title.get("font") or {}), "size": 12}},
            }
    for trace in data:
        if trace.get("textfont") is not None:
            trace["textfont"] = {**trace["textfont"], "size": 11}
        marker = trace.get("marker")
        if isinstance(marker, dict) and isinstance(marker.get("size"), (int, float)):
            trace["marker"] = {**marker, "size": min(marker["size"], 10)}


def for_phone(fig: go.Figure) -> go.Figure:
    """`fig` restyled for a phone: maps by `phone_map_style`, other charts by `phone_style`."""
    is_map = any(trace.type in ("choropleth", "scattergeo") for trace in fig.data)
    return phone_map_style(fig) if is_map else phone_style(fig)


def _sup_lines(text: str, width: int) -> str:
    """Subtitle text wrapped to `width`, each line in its own <sup> (a <br> ends the <sup>)."""
    return "".join(f"<br><sup>{line}</sup>" for line in _wrap(text, width).split("<br>"))


def phone_map_style(fig: go.Figure) -> go.Figure:
    """A copy of a map (maps.layout) that fits a phone: title, subtitle lines, legend names and
    the credit line under the map wrapped, the margins counted from the wrapped lines; the
    map itself keeps its height."""
    spec = fig.to_plotly_json()
    layout, data = dict(spec["layout"]), [dict(trace) for trace in spec["data"]]
    old_margin = layout.get("margin") or {}
    plot = (layout.get("height") or 540) - old_margin.get("t", 100) - old_margin.get("b", 90)

    title = (layout.get("title") or {}).get("text") or ""
    head, *subs = title.split("<br><sup>")
    head = _wrap(head, TITLE_CHARS)
    paragraphs: list[str] = []  # a line wrapped for a wide screen continues in lowercase
    for sub in (sub.removesuffix("</sup>") for sub in subs):
        if paragraphs and sub[:1].islower():
            paragraphs[-1] += " " + sub
        else:
            paragraphs.append(sub)
    subtitle = "".join(_sup_lines(paragraph, SMALL_CHARS) for paragraph in paragraphs)
    top = 34 + TITLE_LINE * (_lines(head) - 1) + SMALL_LINE * subtitle.count("<sup>") + 12

    scale = any(t.get("type") == "choropleth" and t.get("showscale") is not False for t in data)
    scale_height = COLOUR_SCALE if scale else 0  # the colour scale laid under the map
    notes, foot = [], scale_height
    for note in layout.get("annotations", ()):
        note = dict(note)
        if note.get("yref") == "paper" and note.get("yshift", 0) < 0:  # the credit line
            note["text"] = _wrap(note.get("text") or "", SMALL_CHARS)
            note["yshift"] = note["yshift"] - scale_height
            foot += SMALL_LINE * _lines(note["text"])
        notes.append(note)
    legend_lines = _wrap_names(data)
    for trace in data:
        if trace.get("type") == "scattergeo" and trace.get("text") is not None:
            trace["textfont"] = {**(trace.get("textfont") or {}), "size": 11}
        if trace.get("type") == "choropleth" and trace.get("showscale") is not False:
            # a colour scale beside the map takes a third of a phone's width: lay it under
            trace["colorbar"] = {
                **(trace.get("colorbar") or {}),
                "orientation": "h",
                "x": 0,
                "xanchor": "left",
                "y": 0,
                "yanchor": "top",
                "len": 0.9,
                "thickness": 10,
                "title": {**((trace.get("colorbar") or {}).get("title") or {}), "side": "top"},
            }
    legend = SMALL_LINE * legend_lines + 8 if legend_lines else 0

    plot = min(plot, MAX_MAP)
    height = top + legend + plot + foot + 16
    layout.update(
        title={
            **(layout.get("title") or {}),
            "text": head + subtitle,
            "font": {"size": 17},
            "yref": "container",
            "y": 1 - 30 / height,  # from the top (Plotly's "auto" centres it in the margin)
            "yanchor": "top",
        },
        annotations=notes,
        height=height,
        margin={**old_margin, "l": 4, "r": 4, "t": top + legend, "b": foot + 16},
        legend={  # one entry per line under the subtitle, off the map
            **(layout.get("legend") or {}),
            "orientation": "v",
            "yref": "container",
            "y": 1 - top / height,
            "yanchor": "top",
            "x": 0,
            "xanchor": "left",
            "bgcolor": "rgba(0,0,0,0)",
            "borderwidth": 0,
        },
    )
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def _fewer_point_labels(data: list[dict], layout: dict) -> None:
    """On a phone a point label is most of the plot's width: one per panel (the latest
    labelled point; the axis and the hover give every value), printed towards the inside
    of the plot so it is not cut at an edge; none at all when even that is too many."""
    slide_charts.separate_labels(data)
    labelled = [t for t in data if t.get("type") == "scatter" and any(t.get("text") or ())]
    by_panel: dict[tuple, list[dict]] = {}
    for trace in labelled:
        by_panel.setdefault((trace.get("xaxis"), trace.get("yaxis")), []).append(trace)
    for (xaxis, _), traces in by_panel.items():
        latest = max(traces, key=lambda trace: _labelled_x(trace))
        for trace in traces:
            if trace is not latest:
                _unlabel(trace)
        share = _axis_share(layout, xaxis, _labelled_x(latest))
        latest["textposition"] = "top left" if share > 0.5 else "top right"
        # the room on that side of the point, the margin included, in characters
        room = int((max(share, 1 - share) * PLOT_WIDTH + 16) / LABEL_CHAR)
        label = next(label for label in latest["text"] if label)
        wrapped = charts.wrap(label, room)
        if _lines(wrapped) > 2:
            _unlabel(latest)
        else:
            latest["text"] = [wrapped if text else text for text in latest["text"]]
    if len(by_panel) > MAX_POINT_LABELS:
        for trace in labelled:
            _unlabel(trace)


def _labelled_x(trace: dict) -> str:
    i = next(n for n, label in enumerate(trace["text"]) if label)
    return str(trace["x"][i])


def _axis_share(layout: dict, xaxis: str | None, x: str) -> float:
    """Where `x` lies along its axis's range, 0 to 1 (0.5 when the axis has no range)."""
    span = (layout.get("xaxis" + (xaxis or "x")[1:]) or {}).get("range")
    if not span:
        return 0.5
    try:
        start, end, at = (pd.Timestamp(str(v)) for v in (*span, x))
    except (ValueError, TypeError):  # not a time axis
        return 0.5
    return (at - start) / (end - start) if end > start else 0.5


def _unlabel(trace: dict) -> None:
    trace["text"] = None
    trace["mode"] = (trace.get("mode") or "markers").replace("+text", "")
