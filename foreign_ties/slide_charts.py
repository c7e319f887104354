"""Slide charts: a chart builder's figure restyled for a projector, and as an image alone.

Pure functions of a figure (no Streamlit). The smallest text on a slide chart is 24 px at
1920x1080 (tick labels, legend, point labels); point labels that would print over each
other are moved apart (one above its point, the other below).
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

from foreign_ties import charts, marks

FONT = 24  # px: the smallest chart text, readable from the back of a room
CHART_HEIGHT = 720  # px on a 1920x1080 projector (title, takeaway and sources fit around it)
EXPORT_WIDTH, EXPORT_HEIGHT = 1760, 640  # px of layout for images in decks (times `scale`)


def _plain(text: str) -> str:
    return re.sub(r"\s*<br>\s*", "; ", re.sub(r"<(?!br>)[^>]+>", "", text)).strip()


def projector_style(fig: go.Figure, footnote: str) -> go.Figure:
    """A copy of `fig` in large type, the unit and period as the only heading, no footnote.

    A copy: chart builders are memoised (foreign_ties.memo), so `fig` may be the very
    object the Compare page shows. Edited as a plain dict and rebuilt without Plotly's
    validation (the builder's figure was validated; validating each update cost more
    than building the chart).
    """
    spec = fig.to_plotly_json()
    layout, data = dict(spec["layout"]), [dict(trace) for trace in spec["data"]]
    title = (layout.get("title") or {}).get("text") or ""
    subtitle = re.search(r"<sup>(.*?)</sup>", title)
    axes = [n for n in layout if re.fullmatch(r"[xy]axis\d*", n)]
    stacked = sum(1 for n in axes if n.startswith("y")) > 1
    for name in axes:
        axis = dict(layout[name])
        axis.update(
            tickfont={"size": FONT},
            title={**(axis.get("title") or {}), "font": {"size": FONT}},
            linecolor="#000000",
            tickcolor="#000000",
            automargin=True,
        )
        if name.startswith("y"):
            axis["gridcolor"] = "#D0D0D0"
            if stacked:  # a panel a few lines high: three ticks, not five printed over each other
                axis["nticks"] = 3
        elif axis.get("type") == "date":  # a slide zooms to the years with figures
            axis.pop("range", None)
            axis["autorange"] = True
        layout[name] = axis
    drawn_footnotes = {footnote, charts.wrapped_footnote(footnote)}  # the slide shows it below
    layout["annotations"] = [
        {**note, "font": {**(note.get("font") or {}), "size": FONT}}
        for note in layout.get("annotations", ())
        if note.get("text") not in drawn_footnotes
    ]
    layout.update(
        title={
            "text": subtitle.group(1) if subtitle else "",
            "font": {"size": FONT + 2},
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": 0.98,
            "yanchor": "top",
        },
        font={**(layout.get("font") or {}), "size": FONT, "color": "#000000"},
        height=CHART_HEIGHT,
        bargap=0.55,
        margin={"l": 110, "r": 150, "t": 100, "b": 50},
        # At the figure's foot (container), below the tick labels whatever the height, and the
        # margin grows to fit a legend of several rows.
        legend={
            "orientation": "h",
            "yref": "container",
            "y": 0,
            "yanchor": "bottom",
            "x": 0,
            "xanchor": "left",
            "font": {"size": FONT},
        },
    )
    for trace in data:
        if trace.get("text") is not None:
            trace["textfont"] = {"size": FONT}
            trace["cliponaxis"] = False  # a label above the highest point stays whole
        if trace.get("type") == "scatter" and "markers" in (trace.get("mode") or ""):
            trace["marker"] = {**(trace.get("marker") or {}), "size": 18}
    separate_labels(data)
    styled = go.Figure({"data": data, "layout": layout}, _validate=False)
    marks.zoom_to_figures(styled)  # the years with figures, ticked as the builders tick
    return styled


def _last_label(trace: dict) -> tuple[int, object, float] | None:
    text = trace.get("text")
    texts = list(text) if isinstance(text, (list, tuple)) else []
    labelled = [i for i, label in enumerate(texts) if label]
    if trace.get("type") != "scatter" or not labelled or trace.get("y") is None:
        return None
    i = labelled[-1]
    return i, trace["x"][i], float(trace["y"][i])


def separate_labels(data: list[dict]) -> None:
    """Keep one label per series on a timeline (its latest point; hover shows all) and move
    a label below its point when it would print over another series' label."""
    by_axes: dict[tuple, list] = {}
    for trace in data:
        found = _last_label(trace)
        if found is None:
            continue
        i = found[0]
        trace["text"] = ["" if n != i else label for n, label in enumerate(trace["text"])]
        by_axes.setdefault((trace.get("xaxis"), trace.get("yaxis")), []).append((trace, *found))
    for labels in by_axes.values():
        top = max((abs(y) for *_, y in labels), default=0) or 1
        labels.sort(key=lambda item: -item[3])
        for n, (trace, _, x, y) in enumerate(labels):
            if any(
                abs(oy - y) < 0.12 * top and str(ox)[:4] == str(x)[:4]
                for _, _, ox, oy in labels[:n]
            ):
                trace["textposition"] = "bottom center"


def standalone(slide, width: int = EXPORT_WIDTH) -> go.Figure:
    """A chart slide's chart (a slides.Slide: its figure, title and footnote) for an image
    on its own: its title and footnote put back in."""
    fig = go.Figure(slide.figure)
    unit_period = fig.layout.title.text or ""
    footnote = charts.wrap(slide.footnote, 130)
    extra = 30 * footnote.count("<br>")  # px per footnote line after the first
    height = CHART_HEIGHT + 240 + extra
    fig.update_layout(
        # title.subtitle, not "<br>": Plotly anchors a two-line title by its first line, so
        # the top line was cut off above the image.
        title={
            "text": slide.title,
            "subtitle": {"text": unit_period, "font": {"size": FONT}},
            "font": {"size": FONT + 8},
            "y": 0.98,
            "yref": "container",
            "yanchor": "top",
        },
        width=width,
        height=height,
        margin={"l": 110, "r": 150, "t": 150, "b": 150 + extra},
        # The legend under the title, so the sources can take the foot of the image.
        legend={"yref": "container", "y": 1 - 120 / height, "yanchor": "top"},
    )
    fig.add_annotation(
        text=footnote,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-95,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        align="left",
        font={"size": FONT, "color": "#222222"},
    )
    return fig
