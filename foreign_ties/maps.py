"""Maps drawn offline: the shared geo files, layout and credit, and the choropleth.

Nothing is fetched from the web: the province outlines are GeoJSON files (Natural Earth, see
data/geo/README.md), and plotly.js's own base map is served from static/plotly-topojson/
(`STREAMLIT_CONFIG` in the app, `configure_static_export()` for images). Viet Nam's outlines
are in static/geo/, also served by the app: there a map's traces name them by URL
(`geojson_by_url=True`; plotly.js fetches each file once per browser tab) rather than carry
200 KB in every rerun's figure; figures drawn as images (Kaleido) embed them. Every map has a
title and its credit line; Hoang Sa and Truong Sa are drawn.
Provinces are matched on province_id (= the GeoJSON feature id) and partner localities on
ISO 3166-2 (`geo_id`), never on the number inside a Vietnamese ISO code.
"""

from __future__ import annotations

import csv
import functools
import html
import json
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from foreign_ties import boundaries, charts, data_version, formatting, paths
from foreign_ties.i18n import current_language, t
from foreign_ties.memo import remembered

GEO_DIR = paths.ROOT / "data" / "geo"  # ships with the code, whatever FOREIGN_TIES_DATA says
VN_GEO_DIR = paths.ROOT / "static" / "geo"  # Viet Nam's outlines: the app's browsers fetch them
VN_GEO_URL = "/app/static/geo/"  # same host, like TOPOJSON_URL
TOPOJSON_DIR = paths.ROOT / "static" / "plotly-topojson"
TOPOJSON_URL = "/app/static/plotly-topojson/"  # Streamlit's static serving (enableStaticServing)
STREAMLIT_CONFIG = {"topojsonURL": TOPOJSON_URL}  # added to ui.PLOTLY_CONFIG
VN_FILES = {63: "vn_provinces_63_pre2025.geojson", 34: "vn_provinces_34_2025.geojson"}
FOREIGN_FILES = ("la_provinces_ne10m.geojson", "cn_provinces_ne10m.geojson")
VN_LON, VN_LAT = (101.0, 118.5), (7.0, 24.0)  # mainland and both archipelagos, with a margin
NEUTRAL = "#D9D9D9"  # provinces without a published figure
SHADES = [[0, "#DCEBF7"], [1, "#08306B"]]  # light to dark blue; 0 is drawn light, not white
GEO = {
    "showland": True,
    "landcolor": "#F4F4F1",
    "showocean": True,
    "oceancolor": "#EEF4F8",
    "showcountries": True,
    "countrycolor": "#A0A0A0",
    "showcoastlines": True,
    "coastlinecolor": "#A0A0A0",
    "showlakes": False,
    "showframe": False,
    "resolution": 50,
    "bgcolor": "white",
    "fitbounds": "locations",
}


def configure_static_export() -> None:
    """Point image export (Kaleido) at the local base-map files instead of the CDN."""
    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"


def geo_path(name: str) -> Path:
    """A boundary file: Viet Nam's in static/geo/ (browsers fetch them), others in data/geo/."""
    return (VN_GEO_DIR if name in VN_FILES.values() else GEO_DIR) / name


@functools.cache
def geojson(name: str) -> dict:
    return json.loads(geo_path(name).read_text(encoding="utf-8"))


def vn_outlines(version: int, by_url: bool = False) -> dict | str:
    """Viet Nam's provinces (63 or 34 units) as a choropleth's `geojson`: the dict, or with
    `by_url` its same-host URL, which plotly.js fetches once per tab (the app only: Kaleido
    cannot fetch /app/static/). plotly.js 3.x lets the other traces naming that URL wait about
    5 s for the first fetch, then gives up: on a link so slow that ~50 KB (gzipped) takes
    longer, a map stays blank until the next rerun redraws it (measured: 3-4 s at 400 kbit/s)."""
    return VN_GEO_URL + VN_FILES[version] if by_url else geojson(VN_FILES[version])


@functools.cache
def country_points() -> dict[str, tuple[float, float]]:
    with (GEO_DIR / "country_points.csv").open(encoding="utf-8") as f:
        return {r["iso3"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(f)}


@functools.cache
def short_names() -> dict[str, str]:
    """ISO code -> short English name (Guangxi, not Guangxi Zhuang Autonomous Region)."""
    names = {
        f["properties"]["iso_3166_2"]: f["properties"]["name_en"]
        for name in FOREIGN_FILES
        for f in geojson(name)["features"]
    }
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
    text = wrap(t("maps.credit.natural_earth"), width)
    return f"{text}<br>{wrap(t('maps.credit.un'), width)}" if base_map else text


def layout(fig: go.Figure, title: str, subtitle: str, height: int) -> go.Figure:
    """Title, subtitle lines (split at <br>), legend and the credit line under the map."""
    lines = subtitle.split("<br>")
    fig.update_layout(
        title={
            "text": title + "".join(f"<br><sup>{line}</sup>" for line in lines),
            "x": 0,
            "xanchor": "left",
        },
        font={"family": charts.FONT_FAMILY, "size": 15},
        height=height,
        margin={"l": 10, "r": 10, "t": 74 + 16 * len(lines), "b": 90},
        hoverlabel={"align": "left"},
        legend={
            "x": 0.01,
            "y": 0.99,
            "xanchor": "left",
            "yanchor": "top",
            "bgcolor": "rgba(255,255,255,0.85)",
            "bordercolor": "#CCCCCC",
            "borderwidth": 1,
            "font": {"size": 12},
        },
        geo=GEO,
    )
    fig.add_annotation(
        text=credit(),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-8,
        showarrow=False,
        xanchor="left",
        yanchor="top",
        align="left",
        font={"size": 11, "color": "#444444"},
    )
    return fig


def cell_text(value: object) -> str:
    """A cell as text: empty for null (NaN is truthy, so `or ''` is not enough)."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def short_quote(quote: str, limit: int = 200) -> str:
    return html.escape(quote if len(quote) <= limit else quote[: limit - 1] + "…")


def wrap(text: str, width: int = 70) -> str:
    """Hover text breaks long sentences (plotly does not wrap)."""
    words, lines, line = text.split(), [], ""
    for word in words:
        if line and len(line) + len(word) > width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    return "<br>".join([*lines, line])


# --- Choropleth: provinces shaded by one published figure ---------------------------------


@remembered
def periods(rows: pd.DataFrame) -> list[tuple]:
    """Distinct periods of the rows, the one with most provinces first (ties: the latest)."""
    if rows.empty:
        return []
    counts = rows.groupby(["period_start", "period_end"])["province_id"].nunique().reset_index()
    counts = counts.sort_values(["province_id", "period_end"], ascending=False)
    return list(zip(counts["period_start"], counts["period_end"], strict=False))


@remembered
def choropleth(
    rows: pd.DataFrame,
    title: str,
    period: tuple,
    place_names: dict[str, str],
    height: int = 760,
    geojson_by_url: bool = False,
) -> go.Figure:
    """Viet Nam's provinces shaded by the figures of one measure for exactly one period.

    Boundaries follow the period: 63 units before 1 July 2025, 34 from then on. Units with
    no figure for that period are grey and say so on hover. `geojson_by_url`: the outlines
    by URL (the app), not embedded (images); see `vn_outlines`.
    """
    start, end = period
    version = boundaries.boundary_version(end)
    rows = rows[(rows["period_start"] == start) & (rows["period_end"] == end)]
    rows = rows.drop_duplicates("province_id")
    features = geojson(VN_FILES[version])["features"]
    outlines = vn_outlines(version, geojson_by_url)
    by_id = {f["id"]: f["properties"] for f in features}
    shaded = {r.province_id: r for r in rows.itertuples() if r.province_id in by_id}
    lang = current_language()
    fig = go.Figure()

    def unit_name(fid: str) -> str:
        p = by_id[fid]
        return p["name_vi"] if lang == "vi" or p["feature_type"] == "archipelago" else p["name_en"]

    grey = [f["id"] for f in features if f["id"] not in shaded]
    fig.add_trace(
        go.Choropleth(
            geojson=outlines,
            locations=grey,
            z=[0] * len(grey),
            featureidkey="id",
            colorscale=[[0, NEUTRAL], [1, NEUTRAL]],
            showscale=False,
            marker={"line": {"color": "white", "width": 0.6}},
            name=t("maps.no_figure"),
            hovertext=[
                f"<b>{html.escape(unit_name(i))}</b><br>{t('maps.no_figure')}" for i in grey
            ],
            hoverinfo="text",
            showlegend=False,
        )
    )
    unit = rows["unit"].iloc[0] if not rows.empty else "count"
    divisor, axis_title = charts.axis_scale(rows["value"], unit) if not rows.empty else (1.0, "")
    if shaded:
        ids = list(shaded)
        fig.add_trace(
            go.Choropleth(
                geojson=outlines,
                locations=ids,
                featureidkey="id",
                z=[shaded[i].value / divisor for i in ids],
                zauto=False,
                zmin=0,
                zmax=max(shaded[i].value / divisor for i in ids),
                colorscale=SHADES,
                marker={"line": {"color": "white", "width": 0.6}},
                colorbar={"title": {"text": axis_title}, "len": 0.5, "thickness": 14, "x": 1.0},
                hovertext=[_choropleth_hover(shaded[i], place_names) for i in ids],
                hoverinfo="text",
            )
        )
    _labels(fig, features, shaded, place_names)
    subtitle = t(
        "maps.choropleth.subtitle",
        period=formatting.period_text(start, end, _kind(rows)),
        units=str(version),
    )
    layout(fig, title, wrap(subtitle, 48), height)  # the map's column is narrow
    return fig.update_geos(
        fitbounds=False,
        projection_type="mercator",
        lonaxis_range=list(VN_LON),
        lataxis_range=list(VN_LAT),
    )


def _kind(rows: pd.DataFrame) -> str:
    return rows["kind"].iloc[0] if not rows.empty and "kind" in rows else "flow"


def _choropleth_hover(row, place_names: dict[str, str]) -> str:
    lines = [
        f"<b>{html.escape(place_names.get(row.province_id, row.province_id))}</b>",
        f"{formatting.value_text(row.value, row.unit, row.qualifier)} · "
        f"{formatting.period_text(row.period_start, row.period_end, row.kind)}",
    ]
    territory = boundaries.territory_label(row.province_id, row.period_start, row.period_end)
    if territory:
        lines.append(html.escape(territory))
    lines += [html.escape(cell_text(row.publisher)), wrap(f"“{short_quote(row.quote)}”")]
    return "<br>".join(lines)


CALLOUT_LON, CALLOUT_TOP, CALLOUT_STEP, CALLOUTS = 108.4, 21.6, 1.15, 6


def _labels(
    fig: go.Figure, features: list[dict], shaded: dict, place_names: dict[str, str]
) -> None:
    """Shaded provinces named in callouts over the Gulf of Tonkin (neighbours' labels would
    overlap on the provinces); the two archipelagos labelled by name."""
    props = {f["id"]: f["properties"] for f in features}
    order = (
        sorted(shaded, key=lambda i: -props[i]["label_lat"])[:CALLOUTS]
        if len(shaded) <= CALLOUTS
        else []
    )
    lon, lat, text, line_lon, line_lat = [], [], [], [], []
    for n, pid in enumerate(order):
        r, p = shaded[pid], props[pid]
        y = CALLOUT_TOP - n * CALLOUT_STEP
        line_lon += [p["label_lon"], CALLOUT_LON, None]
        line_lat += [p["label_lat"], y, None]
        lon.append(CALLOUT_LON)
        lat.append(y)
        text.append(
            f"<b>{html.escape(place_names.get(pid, p['name_en']))}</b> "
            f"{formatting.value_text(r.value, r.unit, r.qualifier)}"
        )
    if line_lon:
        fig.add_trace(
            go.Scattergeo(
                lon=line_lon,
                lat=line_lat,
                mode="lines",
                hoverinfo="skip",
                line={"color": "#555555", "width": 1},
                showlegend=False,
            )
        )
    islands = [p for p in props.values() if p["feature_type"] == "archipelago"]
    fig.add_trace(
        go.Scattergeo(
            lon=lon + [p["label_lon"] for p in islands],
            lat=lat + [p["label_lat"] for p in islands],
            text=text + [f"<i>{html.escape(p['name_vi'])}</i>" for p in islands],
            mode="text",
            textposition=["middle right"] * len(text) + ["middle center"] * len(islands),
            hoverinfo="skip",
            textfont={"size": 13, "color": "#111111"},
            showlegend=False,
        )
    )


# Map outlines and points (data/geo, static/geo) are not versioned data; the one reset clears
# them too.
for _loader in (geojson, country_points, short_names, locality_points):
    data_version.on_reset(_loader.cache_clear)
