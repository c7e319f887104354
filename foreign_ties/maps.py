"""Maps drawn offline: pure builders from DataFrames to Plotly geo figures.

Nothing is fetched from the web: the province outlines are the GeoJSON files in data/geo/
(Natural Earth, see data/geo/README.md), and plotly.js's own base map is served from
static/plotly-topojson/ (`STREAMLIT_CONFIG` in the app, `configure_static_export()` for
images). Every map has a title and its credit line; Hoang Sa and Truong Sa are drawn.
Provinces are matched on province_id (= the GeoJSON feature id) and partner localities on
ISO 3166-2 (`geo_id`), never on the number inside a Vietnamese ISO code.
"""
from __future__ import annotations

import csv
import functools
import html
import json
import math
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from foreign_ties import boundaries, charts, formatting, paths
from foreign_ties.i18n import current_language, t

GEO_DIR = paths.ROOT / "data" / "geo"  # ships with the code, whatever FOREIGN_TIES_DATA says
TOPOJSON_DIR = paths.ROOT / "static" / "plotly-topojson"
TOPOJSON_URL = "/app/static/plotly-topojson/"  # Streamlit's static serving (enableStaticServing)
STREAMLIT_CONFIG = {"topojsonURL": TOPOJSON_URL, "displaylogo": False, "responsive": True}
VN_FILES = {63: "vn_provinces_63_pre2025.geojson", 34: "vn_provinces_34_2025.geojson"}
FOREIGN_FILES = ("la_provinces_ne10m.geojson", "cn_provinces_ne10m.geojson")
VN_LON, VN_LAT = (101.0, 118.5), (7.0, 24.0)  # mainland and both archipelagos, with a margin
NEUTRAL = "#D9D9D9"  # provinces without a published figure
SHADES = [[0, "#DCEBF7"], [1, "#08306B"]]  # light to dark blue; 0 is drawn light, not white
_GEO = {"showland": True, "landcolor": "#F4F4F1", "showocean": True, "oceancolor": "#EEF4F8",
        "showcountries": True, "countrycolor": "#A0A0A0", "showcoastlines": True,
        "coastlinecolor": "#A0A0A0", "showlakes": False, "showframe": False,
        "resolution": 50, "bgcolor": "white", "fitbounds": "locations"}


def configure_static_export() -> None:
    """Point image export (Kaleido) at the local base-map files instead of the CDN."""
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"


@functools.cache
def geojson(name: str) -> dict:
    return json.loads((GEO_DIR / name).read_text(encoding="utf-8"))


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    with (GEO_DIR / "country_points.csv").open(encoding="utf-8") as f:
        return {r["iso3"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}


@functools.cache
def short_names() -> dict[str, str]:
    """ISO code -> short English name (Guangxi, not Guangxi Zhuang Autonomous Region)."""
    names = {f["properties"]["iso_3166_2"]: f["properties"]["name_en"]
             for name in FOREIGN_FILES for f in geojson(name)["features"]}
    with (GEO_DIR / "country_points.csv").open(encoding="utf-8") as f:
        names.update({r["iso3"]: r["name_en"] for r in csv.DictReader(f)})
    return names


@functools.cache
def locality_points() -> dict[str, tuple[float, float]]:
    """ISO 3166-2 code -> label point, for the Lao and Chinese province-level units."""
    points = {}
    for name in FOREIGN_FILES:
        for feature in geojson(name)["features"]:
            p = feature["properties"]
            points[p["iso_3166_2"]] = (p["label_lon"], p["label_lat"])
    return points


def province_point(province_id: str) -> tuple[float, float] | None:
    """Label point of a Vietnamese province: its 2025 unit, else its pre-2025 one (Ha Giang)."""
    for version in (34, 63):
        for feature in geojson(VN_FILES[version])["features"]:
            if feature["id"] == province_id:
                return feature["properties"]["label_lon"], feature["properties"]["label_lat"]
    return None


def credit(base_map: bool = True, width: int = 120) -> str:
    text = _wrap(t("maps.credit.natural_earth"), width)
    return f"{text}<br>{_wrap(t('maps.credit.un'), width)}" if base_map else text


def _layout(fig: go.Figure, title: str, subtitle: str, height: int) -> go.Figure:
    """Title, subtitle lines (split at <br>), legend and the credit line under the map."""
    lines = subtitle.split("<br>")
    fig.update_layout(
        title={"text": title + "".join(f"<br><sup>{line}</sup>" for line in lines), "x": 0, "xanchor": "left"},
        font={"family": charts.FONT_FAMILY, "size": 15}, height=height,
        margin={"l": 10, "r": 10, "t": 74 + 16 * len(lines), "b": 90}, hoverlabel={"align": "left"},
        legend={"x": 0.01, "y": 0.99, "xanchor": "left", "yanchor": "top",
                "bgcolor": "rgba(255,255,255,0.85)", "bordercolor": "#CCCCCC", "borderwidth": 1,
                "font": {"size": 12}},
        geo=_GEO,
    )
    fig.add_annotation(text=credit(), xref="paper", yref="paper", x=0, y=0, yshift=-8,
                       showarrow=False, xanchor="left", yanchor="top", align="left",
                       font={"size": 11, "color": "#444444"})
    return fig


def _s(value: object) -> str:
    """A cell as text: empty for null (NaN is truthy, so `or ''` is not enough)."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _short(quote: str, limit: int = 200) -> str:
    return html.escape(quote if len(quote) <= limit else quote[: limit - 1] + "…")


def _wrap(text: str, width: int = 70) -> str:
    """Hover text breaks long sentences (plotly does not wrap)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


# --- Choropleth: provinces shaded by one published figure ---------------------------------

def periods(rows: pd.DataFrame) -> list[tuple]:
    """Distinct periods of the rows, the one with most provinces first (ties: the latest)."""
    if rows.empty:
        return []
    counts = rows.groupby(["period_start", "period_end"])["province_id"].nunique().reset_index()
    counts = counts.sort_values(["province_id", "period_end"], ascending=False)
    return list(zip(counts["period_start"], counts["period_end"]))


def choropleth(rows: pd.DataFrame, title: str, period: tuple, place_names: dict[str, str],
               height: int = 760) -> go.Figure:
    """Viet Nam's provinces shaded by the figures of one measure for exactly one period.

    Boundaries follow the period: 63 units before 1 July 2025, 34 from then on. Units with
    no figure for that period are grey and say so on hover.
    """
    start, end = period
    version = boundaries.boundary_version(end)
    rows = rows[(rows["period_start"] == start) & (rows["period_end"] == end)]
    rows = rows.drop_duplicates("province_id")
    features = geojson(VN_FILES[version])["features"]
    by_id = {f["id"]: f["properties"] for f in features}
    shaded = {r.province_id: r for r in rows.itertuples() if r.province_id in by_id}
    lang = current_language()
    fig = go.Figure()

    def unit_name(fid: str) -> str:
        p = by_id[fid]
        return p["name_vi"] if lang == "vi" or p["feature_type"] == "archipelago" else p["name_en"]

    grey = [f["id"] for f in features if f["id"] not in shaded]
    fig.add_trace(go.Choropleth(
        geojson=geojson(VN_FILES[version]), locations=grey, z=[0] * len(grey),
        featureidkey="id", colorscale=[[0, NEUTRAL], [1, NEUTRAL]], showscale=False,
        marker={"line": {"color": "white", "width": 0.6}}, name=t("maps.no_figure"),
        hovertext=[f"<b>{unit_name(i)}</b><br>{t('maps.no_figure')}" for i in grey],
        hoverinfo="text", showlegend=False,
    ))
    unit = rows["unit"].iloc[0] if not rows.empty else "count"
    divisor, axis_title = charts.axis_scale(rows["value"], unit) if not rows.empty else (1.0, "")
    if shaded:
        ids = list(shaded)
        fig.add_trace(go.Choropleth(
            geojson=geojson(VN_FILES[version]), locations=ids, featureidkey="id",
            z=[shaded[i].value / divisor for i in ids], zauto=False, zmin=0,
            zmax=max(shaded[i].value / divisor for i in ids), colorscale=SHADES,
            marker={"line": {"color": "white", "width": 0.6}},
            colorbar={"title": {"text": axis_title}, "len": 0.5, "thickness": 14, "x": 1.0},
            hovertext=[_choropleth_hover(shaded[i], place_names) for i in ids], hoverinfo="text",
        ))
    _labels(fig, features, shaded, place_names)
    subtitle = t("maps.choropleth.subtitle", period=formatting.period_text(start, end, _kind(rows)),
                 units=str(version))
    _layout(fig, title, _wrap(subtitle, 48), height)  # the map's column is narrow
    return fig.update_geos(fitbounds=False, projection_type="mercator",
                           lonaxis_range=list(VN_LON), lataxis_range=list(VN_LAT))


def _kind(rows: pd.DataFrame) -> str:
    return rows["kind"].iloc[0] if not rows.empty and "kind" in rows else "flow"


def _choropleth_hover(row, place_names: dict[str, str]) -> str:
    lines = [f"<b>{html.escape(place_names.get(row.province_id, row.province_id))}</b>",
             f"{formatting.value_text(row.value, row.unit, row.qualifier)} · "
             f"{formatting.period_text(row.period_start, row.period_end, row.kind)}"]
    territory = boundaries.territory_label(row.province_id, row.period_start, row.period_end)
    if territory:
        lines.append(html.escape(territory))
    lines += [html.escape(_s(row.publisher)), _wrap(f"“{_short(row.quote)}”")]
    return "<br>".join(lines)


CALLOUT_LON, CALLOUT_TOP, CALLOUT_STEP, CALLOUTS = 108.4, 21.6, 1.15, 6


def _labels(fig: go.Figure, features: list[dict], shaded: dict, place_names: dict[str, str]) -> None:
    """Shaded provinces named in callouts over the Gulf of Tonkin (neighbours' labels would
    overlap on the provinces); the two archipelagos labelled by name."""
    props = {f["id"]: f["properties"] for f in features}
    order = sorted(shaded, key=lambda i: -props[i]["label_lat"])[:CALLOUTS] if len(shaded) <= CALLOUTS else []
    lon, lat, text, line_lon, line_lat = [], [], [], [], []
    for n, pid in enumerate(order):
        r, p = shaded[pid], props[pid]
        y = CALLOUT_TOP - n * CALLOUT_STEP
        line_lon += [p["label_lon"], CALLOUT_LON, None]
        line_lat += [p["label_lat"], y, None]
        lon.append(CALLOUT_LON)
        lat.append(y)
        text.append(f"<b>{html.escape(place_names.get(pid, p['name_en']))}</b> "
                    f"{formatting.value_text(r.value, r.unit, r.qualifier)}")
    if line_lon:
        fig.add_trace(go.Scattergeo(lon=line_lon, lat=line_lat, mode="lines", hoverinfo="skip",
                                    line={"color": "#555555", "width": 1}, showlegend=False))
    islands = [p for p in props.values() if p["feature_type"] == "archipelago"]
    fig.add_trace(go.Scattergeo(
        lon=lon + [p["label_lon"] for p in islands], lat=lat + [p["label_lat"] for p in islands],
        text=text + [f"<i>{html.escape(p['name_vi'])}</i>" for p in islands], mode="text",
        textposition=["middle right"] * len(text) + ["middle center"] * len(islands),
        hoverinfo="skip", textfont={"size": 13, "color": "#111111"}, showlegend=False))


# --- Partners: lines from each province to its named partner places ------------------------

def partner_places(partners: pd.DataFrame) -> pd.DataFrame:
    """Each partnership with the point it is drawn at, and how that point was found.

    `located`: 'locality' (ISO 3166-2 in the LA/CN files), 'country' (country_points.csv),
    'country_of_locality' (a locality with no outline here, shown at its country), or None.
    """
    lon, lat, located = [], [], []
    localities, countries = locality_points(), country_points()
    for row in partners.itertuples():
        geo_id = row.geo_id if isinstance(row.geo_id, str) else ""
        country = row.partner_country if isinstance(row.partner_country, str) else ""
        point, how = None, None
        if "-" in geo_id and geo_id in localities:
            point, how = localities[geo_id], "locality"
        elif len(geo_id) == 3 and geo_id in countries:
            point, how = countries[geo_id], "country"
        elif row.partner_type in ("foreign locality", "country") and country in countries:
            point, how = countries[country], "country" if row.partner_type == "country" else "country_of_locality"
        lon.append(point[0] if point else None)
        lat.append(point[1] if point else None)
        located.append(how)
    return partners.assign(lon=lon, lat=lat, located=located)


def partner_name(row) -> str:
    vi = getattr(row, "partner_name_vi", None)
    return vi if current_language() == "vi" and isinstance(vi, str) and vi else row.partner_name


def partner_type_text(partner_type: object) -> str:
    """'country', 'foreign locality', … in the reader's language (the data keeps the enum)."""
    value = _s(partner_type)
    return t(f"maps.partner_type.{value.lower().replace(' ', '_')}") if value else ""


def country_name(iso3: object) -> str:
    """A partner country's name in the reader's language, from its ISO 3166-1 alpha-3 code."""
    code = _s(iso3)
    if not code:
        return ""
    text = t(f"maps.country.{code}")
    return text if text != f"maps.country.{code}" else short_names().get(code, code)


@functools.cache
def _locality_names_vi() -> dict[str, str]:
    return {f["properties"]["iso_3166_2"]: f["properties"].get("name_vi") or ""
            for name in FOREIGN_FILES for f in geojson(name)["features"]}


def point_label(row, group: pd.DataFrame | None = None) -> str:
    """The short name written on the map at a partner point: the locality, or the country
    (a country point, or several localities drawn at their country). `group`: every
    partnership drawn at that point (default: this row's only)."""
    geo_id = _s(row.geo_id)
    if row.located == "country_of_locality" and group is not None and \
            set(group["located"]) == {"country_of_locality"} and group["partner_name"].nunique() == 1:
        return partner_name(row)
    if row.located == "locality":
        if current_language() == "vi":
            return _locality_names_vi().get(geo_id) or partner_name(row)
        return short_names().get(geo_id) or partner_name(row)
    return country_name(geo_id if len(geo_id) == 3 else row.partner_country) or partner_name(row)


# --- Partners map views -------------------------------------------------------------------
# "region": northern Viet Nam, Laos, Guangxi and Yunnan, where the provinces' partner
# localities are (Mercator, as the choropleth), with an inset of the whole of Viet Nam and
# both archipelagos beside it; "world": every partner point (Natural Earth).
REGION, WORLD = "region", "world"
VIEWS = (REGION, WORLD)
REGION_LON, REGION_LAT = (97.5, 116.5), (15.0, 26.5)
REGION_DOMAIN, INSET_DOMAIN = {"x": [0.0, 0.8], "y": [0.0, 1.0]}, {"x": [0.82, 1.0], "y": [0.0, 0.5]}
WORLD_LAT_LIMITS = (-58.0, 75.0)
PARTNERS_HEIGHT = 780
# Label de-cluttering works on an estimate of the drawn map: the plot area of the figure at
# the narrowest width it gets (the Partners page's full width on a 1280-pixel screen, about
# 880 px; the region's map takes 80 % of it, the inset the rest).
PAGE_WIDTH_PX, PLOT_HEIGHT_PX = 880, PARTNERS_HEIGHT - 210
LABEL_FONT = 13
CHAR_PX, LINE_PX = 0.6 * LABEL_FONT, LABEL_FONT + 3
ORIGIN_PX, MARKER_PX = 9, 6  # radii kept clear of labels


def plot_width_px(view: str) -> float:
    return PAGE_WIDTH_PX * (REGION_DOMAIN["x"][1] - REGION_DOMAIN["x"][0] if view == REGION else 1.0)


def in_view(lon: float, lat: float, lon_range=None, lat_range=None) -> bool:
    (x0, x1), (y0, y1) = lon_range or REGION_LON, lat_range or REGION_LAT
    return x0 <= lon <= x1 and y0 <= lat <= y1


def in_region(lon: float, lat: float) -> bool:
    return in_view(lon, lat)


def _located(partners: pd.DataFrame) -> pd.DataFrame:
    placed = partner_places(partners)
    return placed[placed["located"].notna()]


# Countries bordering Viet Nam: a partner locality there with no outline of its own (Nanning,
# Chongzuo, Wenshan) is drawn at its country's point, far north, yet it lies near the border.
NEIGHBOURS = frozenset({"LAO", "CHN", "KHM"})


def regional(row) -> bool:
    """Whether a partnership belongs to the region: its point is in it, or it is a locality
    of a neighbouring country (for the default view only; the map draws what it knows)."""
    return in_region(row.lon, row.lat) or (
        row.partner_type == "foreign locality" and _s(row.partner_country) in NEIGHBOURS)


def default_view(partners: pd.DataFrame) -> str:
    """The region when at least half of the partnerships on the map are in it, else the world."""
    placed = _located(partners)
    if placed.empty:
        return REGION
    inside = sum(regional(row) for row in placed.itertuples())
    return REGION if inside * 2 >= len(placed) else WORLD


def view_range(placed: pd.DataFrame, view: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """(lon range, lat range) a view shows: fixed for the region; for the world, every
    partner point and the whole region, with a margin."""
    if view == REGION:
        return REGION_LON, REGION_LAT
    lons = [*placed["lon"], *REGION_LON]
    lats = [*placed["lat"], *REGION_LAT]
    lon = (max(-180.0, min(lons) - 12), min(180.0, max(lons) + 12))
    lat = (max(WORLD_LAT_LIMITS[0], min(lats) - 8), min(WORLD_LAT_LIMITS[1], max(lats) + 8))
    return lon, lat


def outside_view(partners: pd.DataFrame, view: str) -> list[str]:
    """Names of the partner points a view leaves out (for a caption under the map)."""
    placed = _located(partners)
    lon_range, lat_range = view_range(placed, view)
    names = [point_label(group.iloc[0], group) for (x, y), group in placed.groupby(["lon", "lat"], sort=False)
             if not in_view(x, y, lon_range, lat_range)]
    return list(dict.fromkeys(names))


def _projector(lon_range, lat_range, view: str):
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
_SIDES = {"middle right": (1, 0), "middle left": (-1, 0), "top center": (0, -1), "bottom center": (0, 1)}


def _label_box(x, y, text: str, side: str) -> tuple[float, float, float, float]:
    w, h = len(text) * CHAR_PX, LINE_PX
    dx, dy = _SIDES[side]
    gap = MARKER_PX + 2
    cx = x + dx * (w / 2 + gap)
    cy = y + dy * (h / 2 + gap)
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(points: list[dict], origins: list[tuple[float, float]], lon_range, lat_range,
                 view: str, fixed: list[dict] = ()) -> list[tuple[str, str]]:
    """(text, textposition) for each point: a label only where it overlaps no other label,
    marker or province; '' where it would (hover still names the point).

    `points`: dicts with lon, lat, text, weight (partnerships); heavier points go first.
    `fixed`: labels already on the map (lon, lat, text, side or None for centred), such as
    the archipelagos'.
    """
    project = _projector(lon_range, lat_range, view)
    (x0, x1), (y0, y1) = lon_range, lat_range
    taken = []
    for f in fixed:
        x, y = project(f["lon"], f["lat"])
        if f.get("side"):
            taken.append(_label_box(x, y, f["text"], f["side"]))
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
            box = _label_box(x, y, p["text"], side)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= right and box[3] <= bottom
            if inside and not any(_overlap(box, other) for other in taken if other != own):
                taken.append(box)
                result[i] = (p["text"], side)
                break
        else:
            result[i] = ("", "middle right")
    return result  # type: ignore[return-value]


def partners_map(partners: pd.DataFrame, place_names: dict[str, str], title: str,
                 view: str | None = None, height: int = PARTNERS_HEIGHT) -> go.Figure | None:
    """Viet Nam's 2025 provinces, the places in their colours, and a line to each partner.

    `view`: REGION or WORLD (default: `default_view`). Labels are written only where they
    overlap nothing; every point names itself and its relations on hover.
    """
    placed = _located(partners)
    if placed.empty:
        return None
    view = view if view in VIEWS else default_view(partners)
    lon_range, lat_range = view_range(placed, view)
    fig = go.Figure()
    vn = geojson(VN_FILES[34])
    ids = [f["id"] for f in vn["features"]]
    fig.add_trace(go.Choropleth(
        geojson=vn, locations=ids, z=[0] * len(ids), featureidkey="id", showscale=False,
        colorscale=[[0, "#E6E6E6"], [1, "#E6E6E6"]], marker={"line": {"color": "white", "width": 0.5}},
        hoverinfo="skip", showlegend=False))
    origins = []
    for pid, group in placed.groupby("province_id", sort=False):
        origin = province_point(pid)
        if origin is None:
            continue
        origins.append(origin)
        colour, name = charts.colour(pid), place_names.get(pid, pid)
        if pid in boundaries.merged_away():
            successor = boundaries.merged_away()[pid].successor
            name = t("maps.partners.former", place=name, successor=place_names.get(successor, successor))
        fig.add_trace(go.Choropleth(
            geojson=vn, locations=[pid], z=[1], featureidkey="id", showscale=False,
            colorscale=[[0, colour], [1, colour]], marker={"line": {"color": "white", "width": 0.5}},
            hoverinfo="skip", showlegend=False))
        lon, lat = [], []
        for row in group.drop_duplicates(["lon", "lat"]).itertuples():
            if view == WORLD or in_view(row.lon, row.lat, lon_range, lat_range):  # else: the caption
                lon += [origin[0], row.lon, None]
                lat += [origin[1], row.lat, None]
        fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", name=name, legendgroup=pid,
                                    line={"color": colour, "width": 2.5}, hoverinfo="skip"))
        fig.add_trace(go.Scattergeo(
            lon=[origin[0]], lat=[origin[1]], mode="markers", legendgroup=pid, showlegend=False,
            marker={"size": 14, "color": colour, "symbol": charts.PLACE_SYMBOLS.get(pid, "circle"),
                    "line": {"color": "white", "width": 1.5}},
            hovertext=[t("maps.partners.origin", place=html.escape(name), count=str(len(group)))],
            hoverinfo="text"))
    hidden = _partner_markers(fig, placed, place_names, origins, lon_range, lat_range, view)
    _archipelago_labels(fig, vn, view)
    subtitle = t(f"maps.partners.subtitle.{view}", count=str(len(placed)))
    if hidden:
        subtitle += "<br>" + t("maps.partners.hover_hint", count=str(hidden))
    fig = _layout(fig, title, subtitle, height)
    fig.update_layout(margin={"t": 156 if hidden else 126}, legend={"orientation": "h", "x": 0, "y": 1.0, "xanchor": "left",
                                                 "yanchor": "bottom", "borderwidth": 0})
    fig.update_layout(geo={"fitbounds": False, "projection_type": "mercator" if view == REGION else "natural earth",
                           "lonaxis_range": list(lon_range), "lataxis_range": list(lat_range),
                           **({"domain": REGION_DOMAIN} if view == REGION else {})})
    if view == REGION:
        _inset(fig, vn, placed["province_id"].unique())
    return fig


def _inset(fig: go.Figure, vn: dict, places) -> None:
    """The whole of Viet Nam, Hoàng Sa and Trường Sa included, beside the regional map."""
    ids = [f["id"] for f in vn["features"]]
    fig.add_trace(go.Choropleth(
        geojson=vn, locations=ids, z=[0] * len(ids), featureidkey="id", showscale=False, geo="geo2",
        colorscale=[[0, "#CFCFCF"], [1, "#CFCFCF"]], marker={"line": {"color": "white", "width": 0.3}},
        hoverinfo="skip", showlegend=False))
    for pid in places:
        if pid in ids:
            fig.add_trace(go.Choropleth(
                geojson=vn, locations=[pid], z=[1], featureidkey="id", showscale=False, geo="geo2",
                colorscale=[[0, charts.colour(pid)], [1, charts.colour(pid)]],
                marker={"line": {"color": "white", "width": 0.3}}, hoverinfo="skip", showlegend=False))
    islands = _islands()
    fig.add_trace(go.Scattergeo(
        lon=[p["label_lon"] for p in islands], lat=[p["label_lat"] for p in islands], geo="geo2",
        text=[f"<i>{html.escape(p['name_vi'].replace('Quần đảo ', ''))}</i>" for p in islands], mode="text",
        textfont={"size": 10, "color": "#444444"}, hoverinfo="skip", showlegend=False))
    fig.update_layout(geo2={**_GEO, "fitbounds": False, "projection_type": "mercator", "domain": INSET_DOMAIN,
                            "lonaxis_range": list(VN_LON), "lataxis_range": list(VN_LAT), "showframe": True,
                            "framecolor": "#888888", "showcountries": False, "resolution": 50})



def _partner_markers(fig: go.Figure, placed: pd.DataFrame, place_names: dict[str, str],
                     origins: list[tuple[float, float]], lon_range, lat_range, view: str) -> int:
    """One marker per partner point; its hover lists every relation drawn to it. Returns how
    many points in view carry no label (it would have overlapped)."""
    points, hover = [], []
    for (x, y), group in placed.groupby(["lon", "lat"], sort=False):
        first = group.iloc[0]
        origin = province_point(first.province_id) or (x, y)
        away = ["middle left", "top center", "bottom center", "middle right"] if x < origin[0] - 0.3 else \
            ["middle right", "top center", "bottom center", "middle left"]
        points.append({"lon": x, "lat": y, "text": point_label(first, group), "weight": len(group), "sides": away})
        lines = []
        for row in group.itertuples():
            what = " · ".join(v for v in (partner_type_text(row.partner_type), country_name(row.partner_country)) if v)
            lines.append(f"<b>{html.escape(partner_name(row))}</b> · {html.escape(what)}<br>"
                         f"{html.escape(place_names.get(row.province_id, row.province_id))} — "
                         f"{html.escape(t('maps.relation'))}: {_wrap(html.escape(_s(row.relation)))}<br>"
                         f"{_wrap('“' + _short(_s(row.quote)) + '”')}<br>"
                         f"{html.escape(_s(row.publisher))} · {t(f'maps.located.{row.located}')}")
        hover.append("<br><br>".join(lines))
    islands = [{"lon": p["label_lon"], "lat": p["label_lat"], "text": p["name_vi"],
                "side": "middle right" if view == WORLD else None} for p in _islands()]
    labels = place_labels(points, origins, lon_range, lat_range, view, fixed=islands)
    (x0, x1), (y0, y1) = lon_range, lat_range
    fig.add_trace(go.Scattergeo(
        lon=[p["lon"] for p in points], lat=[p["lat"] for p in points], mode="markers+text",
        text=[html.escape(text) for text, _ in labels], textposition=[side for _, side in labels],
        textfont={"size": LABEL_FONT, "color": "#222222"}, hovertext=hover, hoverinfo="text",
        marker={"size": 10, "color": "#333333", "line": {"color": "white", "width": 1}},
        name=t("maps.partners.legend"), showlegend=True))
    return sum(1 for p, (text, _) in zip(points, labels)
               if not text and x0 <= p["lon"] <= x1 and y0 <= p["lat"] <= y1)


def _islands() -> list[dict]:
    return [f["properties"] for f in geojson(VN_FILES[34])["features"]
            if f["properties"]["feature_type"] == "archipelago"]


def _archipelago_labels(fig: go.Figure, vn: dict, view: str = REGION) -> None:
    """Hoàng Sa and Trường Sa by name; on the world map, written east of their points so
    they do not cover the crowded partner points around Viet Nam."""
    islands = _islands()
    fig.add_trace(go.Scattergeo(
        lon=[p["label_lon"] for p in islands], lat=[p["label_lat"] for p in islands],
        text=[f"<i>{html.escape(p['name_vi'])}</i>" for p in islands], mode="text",
        textposition="middle right" if view == WORLD else "middle center",
        textfont={"size": 11, "color": "#555555"}, hoverinfo="skip", showlegend=False))


def unplaced(partners: pd.DataFrame) -> int:
    """How many partnerships have no point on the map (NGOs, agencies, unknown places)."""
    return int(partner_places(partners)["located"].isna().sum()) if not partners.empty else 0


def readable_partners(partners: pd.DataFrame, place_names: dict[str, str]) -> pd.DataFrame:
    """The partnerships for a table: types and countries in the reader's language; the
    relation as recorded (it is data, in English), labelled so."""
    return pd.DataFrame({
        t("column.place"): [place_names.get(p, p) for p in partners["province_id"]],
        t("column.partner"): [partner_name(r) for r in partners.itertuples()],
        t("column.partner_type"): [partner_type_text(v) for v in partners["partner_type"]],
        t("maps.column.country"): [country_name(v) for v in partners["partner_country"]],
        t("maps.column.relation"): partners["relation"],
        t("column.source"): partners["publisher"],
        t("column.quote"): partners["quote"],
    })
