"""Tick labels as Plotly draws them, read from a figure's SVG (kaleido) per axis."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

_SVG = "{http://www.w3.org/2000/svg}"


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def drawn_ticks(svg: str) -> dict[str, list[str]]:
    """{'xy:x': ['2023', '2024'], 'xy:y': ['0', '10'], 'x2y2:x': …}: each axis's tick labels."""
    root = ET.fromstring(svg)
    axes: dict[str, list[str]] = {}
    for group in root.iter(f"{_SVG}g"):
        classes = _classes(group)
        if "subplot" not in classes:
            continue
        subplot = next(c for c in classes if c != "subplot")
        for layer in group.iter(f"{_SVG}g"):
            for axis in ("x", "y"):
                if f"{axis}axislayer-above" not in _classes(layer):
                    continue
                labels = axes.setdefault(f"{subplot}:{axis}", [])
                for tick in layer.iter(f"{_SVG}g"):
                    if any(re.fullmatch(rf"{axis}\d*tick", c) for c in _classes(tick)):
                        text = " ".join(" ".join(tick.itertext()).split())
                        if text:
                            labels.append(text)
    return axes


def repeated(axes: dict[str, list[str]]) -> dict[str, list[str]]:
    """The axes on which some tick label appears more than once, with those labels."""
    found = {}
    for axis, labels in axes.items():
        twice = sorted({label for label in labels if labels.count(label) > 1})
        if twice:
            found[axis] = twice
    return found
