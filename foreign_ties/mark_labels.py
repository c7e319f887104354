"""Point labels of a chart's timelines, placed so they stay readable (chart grammar rule 8,
docs/chart_grammar.md): inside the plot, off their neighbours' labels, and in stacked
panels, off the panel above; a label that would still print over another is left to the
hover. A pure function of a built figure, called last by the chart builders."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import grammar

EDGE = 0.12  # of an axis's width: a label this close to an end is set inward
NEAR = 0.12  # of an axis's width: a label this close to its neighbour goes under its point
CHAR_SHARE = 0.011  # of an axis's width: one character of a point label (11 px of a 1,000 px plot)


def place_labels(fig: go.Figure) -> None:
    """Point labels on time axes kept inside the plot and off their neighbours' labels; in
    stacked panels, a label at the top of its panel goes under its point, off the panel above."""
    stacked = len({trace.yaxis or "y" for trace in fig.data}) > 1
    boxes: list[tuple] = []  # every label: its axes, where and what, to keep them apart
    tops: dict[str, float] = {}  # y axis -> the highest labelled point on it
    for trace in fig.data:
        if trace.type == "scatter" and trace.text is not None and trace.y is not None:
            for y, text in zip(trace.y, trace.text, strict=False):
                if text and y is not None:
                    axis = trace.yaxis or "y"
                    tops[axis] = max(tops.get(axis, 0.0), abs(float(y)))
    for trace in fig.data:
        if trace.type != "scatter" or not trace.mode or "text" not in trace.mode:
            continue
        axis = fig.layout["xaxis" + (trace.xaxis or "x")[1:]]
        if axis.type != "date" or not axis.range:
            continue
        start, end = (grammar._day(pd.Timestamp(v)) for v in axis.range)
        width = max((end - start).days, 1)
        top = tops.get(trace.yaxis or "y", 0.0)
        positions, previous = [], None
        ys = trace.y if trace.y is not None else [None] * len(trace.x)
        texts = trace.text or [""] * len(trace.x)
        for x, y, text in zip(trace.x, ys, texts, strict=True):
            share = (grammar._day(x) - start).days / width
            # centred, a label must fit half its width on each side of its point
            edge = max(EDGE, CHAR_SHARE * len(str(text or "")) / 2)
            side = " right" if share < edge else " left" if share > 1 - edge else " center"
            below = (
                bool(text)
                and previous is not None
                and previous[1] == "top"
                and share - previous[0] < NEAR
            )
            high = stacked and bool(text) and y is not None and top and abs(y) >= 0.8 * top
            vertical = "bottom" if below or high else "top"
            positions.append(vertical + side)
            if text:
                previous = (share, vertical)
                boxes.append(
                    (trace.xaxis, trace.yaxis, share, y, str(text), trace, len(positions) - 1)
                )
        trace.textposition = positions
    _apart(boxes, tops)
    if stacked:
        _crowded_to_hover(boxes, tops)


def _span(share: float, text: str, where: str) -> tuple[float, float]:
    """The share of the axis's width a label covers, by where it sits beside its point."""
    width = CHAR_SHARE * len(text)
    if where.endswith("left"):
        return share - width, share
    if where.endswith("right"):
        return share, share + width
    return share - width / 2, share + width / 2


def _crowded_to_hover(boxes: list[tuple], tops: dict[str, float]) -> None:
    """In a stacked panel (a few lines high) a label that would still print over a higher
    one's, above or below its point, is left to the hover (Lang Son's Customs panel printed
    three part-year labels over each other at 1280 px)."""
    kept: list[tuple] = []
    for xa, ya, share, y, text, trace, i in sorted(boxes, key=lambda box: -(box[3] or 0)):
        if y is None:
            continue
        where = trace.textposition[i]
        height = NEAR * (tops.get(ya or "y", 0.0) or 1.0)
        low, high = (y, y + height) if where.startswith("top") else (y - height, y)
        left, right = _span(share, text, where)
        if any(
            (oxa, oya) == (xa, ya)
            and low < ohigh
            and olow < high
            and left < oright
            and oleft < right
            for oxa, oya, olow, ohigh, oleft, oright in kept
        ):
            texts = list(trace.text)
            texts[i] = ""
            trace.text = texts
            continue
        kept.append((xa, ya, low, high, left, right))


def _apart(boxes: list[tuple], tops: dict[str, float]) -> None:
    """Labels of different series printing over each other (at about the same height, their
    estimated widths overlapping): the lower one goes under its point."""

    boxes.sort(key=lambda box: -(box[3] or 0))  # highest first: it keeps its place
    for n, (xa, ya, share, y, text, trace, i) in enumerate(boxes):
        where = trace.textposition[i]
        if y is None or not where.startswith("top"):
            continue
        left, right = _span(share, text, where)
        top = tops.get(ya or "y", 0.0) or 1.0
        for oxa, oya, oshare, oy, otext, otrace, oi in boxes[:n]:
            owhere = otrace.textposition[oi]
            if (oxa, oya) != (xa, ya) or oy is None or not owhere.startswith("top"):
                continue
            oleft, oright = _span(oshare, otext, owhere)
            if abs(oy - y) < NEAR * top and left < oright and oleft < right:
                positions = list(trace.textposition)
                positions[i] = where.replace("top", "bottom")
                trace.textposition = positions
                break
