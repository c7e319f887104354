"""Label placement for the partners map: pure geometry on an estimate of the drawn map."""

from __future__ import annotations

import math

# The regional view of the partners map (see foreign_ties.partners_map), which the estimate of
# the drawn map depends on.
REGION = "region"
REGION_LON, REGION_LAT = (97.5, 116.5), (15.0, 26.5)
REGION_DOMAIN = {"x": [0.0, 0.8], "y": [0.0, 1.0]}
PARTNERS_HEIGHT = 780
# Label de-cluttering works on an estimate of the drawn map: the plot area of the figure at
# the narrowest width it gets (the Partners page's full width on a 1280-pixel screen, about
# 880 px; the region's map takes 80 % of it, the inset the rest).
PAGE_WIDTH_PX, PLOT_HEIGHT_PX = 880, PARTNERS_HEIGHT - 210
LABEL_FONT = 13
CHAR_PX, LINE_PX = 0.6 * LABEL_FONT, LABEL_FONT + 3
ORIGIN_PX, MARKER_PX = 9, 6  # radii kept clear of labels


def plot_width_px(view: str) -> float:
    return PAGE_WIDTH_PX * (
        REGION_DOMAIN["x"][1] - REGION_DOMAIN["x"][0] if view == REGION else 1.0
    )


def in_view(lon: float, lat: float, lon_range=None, lat_range=None) -> bool:
    (x0, x1), (y0, y1) = lon_range or REGION_LON, lat_range or REGION_LAT
    return x0 <= lon <= x1 and y0 <= lat <= y1


def projector(lon_range, lat_range, view: str):
    """lon, lat -> approximate pixels in the drawn map (Mercator for the region, else plate
    carrée as a stand-in for Natural Earth), scaled the way plotly fits a range."""

    def raw(lon, lat):
        if view == REGION:
            return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return math.radians(lon), math.radians(lat)

    (ax, ay), (bx, by) = raw(lon_range[0], lat_range[0]), raw(lon_range[1], lat_range[1])
    scale = min(plot_width_px(view) / (bx - ax), PLOT_HEIGHT_PX / (by - ay))

    def project(lon, lat):
        x, y = raw(lon, lat)
        return (x - ax) * scale, (by - y) * scale  # y grows downwards, as on screen

    return project


# textposition -> where the label box sits relative to its point (dx, dy of its centre in
# units of the box's half width / half height, plus a gap)
_SIDES = {
    "middle right": (1, 0),
    "middle left": (-1, 0),
    "top center": (0, -1),
    "bottom center": (0, 1),
}


def label_box(x, y, text: str, side: str) -> tuple[float, float, float, float]:
    w, h = len(text) * CHAR_PX, LINE_PX
    dx, dy = _SIDES[side]
    gap = MARKER_PX + 2
    cx = x + dx * (w / 2 + gap)
    cy = y + dy * (h / 2 + gap)
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(
    points: list[dict],
    origins: list[tuple[float, float]],
    lon_range,
    lat_range,
    view: str,
    fixed: list[dict] = (),
) -> list[tuple[str, str]]:
    """(text, textposition) for each point: a label only where it overlaps no other label,
    marker or province; '' where it would (hover still names the point).

    `points`: dicts with lon, lat, text, weight (partnerships); heavier points go first.
    `fixed`: labels already on the map (lon, lat, text, side or None for centred), such as
    the archipelagos'.
    """
    project = projector(lon_range, lat_range, view)
    (_x0, x1), (y0, _y1) = lon_range, lat_range
    taken = []
    for f in fixed:
        x, y = project(f["lon"], f["lat"])
        if f.get("side"):
            taken.append(label_box(x, y, f["text"], f["side"]))
        else:
            w = len(f["text"]) * CHAR_PX
            taken.append((x - w / 2, y - LINE_PX / 2, x + w / 2, y + LINE_PX / 2))
    for lon, lat in origins:
        x, y = project(lon, lat)
        taken.append((x - ORIGIN_PX, y - ORIGIN_PX, x + ORIGIN_PX, y + ORIGIN_PX))
    for p in points:
        x, y = project(p["lon"], p["lat"])
        taken.append((x - MARKER_PX, y - MARKER_PX, x + MARKER_PX, y + MARKER_PX))
    right, bottom = project(x1, y0)
    result: list[tuple[str, str] | None] = [None] * len(points)
    order = sorted(range(len(points)), key=lambda i: (-points[i]["weight"], points[i]["text"]))
    for i in order:
        p = points[i]
        if not in_view(p["lon"], p["lat"], lon_range, lat_range):
            result[i] = ("", "middle right")
            continue
        x, y = project(p["lon"], p["lat"])
        own = (x - MARKER_PX, y - MARKER_PX, x + MARKER_PX, y + MARKER_PX)
        for side in p.get("sides") or _SIDES:
            box = label_box(x, y, p["text"], side)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= right and box[3] <= bottom
            if inside and not any(overlap(box, other) for other in taken if other != own):
                taken.append(box)
                result[i] = (p["text"], side)
                break
        else:
            result[i] = ("", "middle right")
    return result  # type: ignore[return-value]
