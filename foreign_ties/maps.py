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
    fig.update_layout(
        title={"text": f"{title}<br><sup>{subtitle}</sup>", "x": 0, "xanchor": "left"},
        font={"family": charts.FONT_FAMILY, "size": 15}, height=height,
        margin={"l": 10, "r": 10, "t": 90, "b": 90}, hoverlabel={"align": "left"},
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
    _layout(fig, title, subtitle, height)
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


def partners_map(partners: pd.DataFrame, place_names: dict[str, str], title: str,
                 height: int = 640) -> go.Figure | None:
    """Viet Nam's 2025 provinces, the places in their colours, and a line to each partner."""
    placed = partner_places(partners)
    placed = placed[placed["located"].notna()]
    if placed.empty:
        return None
    fig = go.Figure()
    vn = geojson(VN_FILES[34])
    ids = [f["id"] for f in vn["features"]]
    fig.add_trace(go.Choropleth(
        geojson=vn, locations=ids, z=[0] * len(ids), featureidkey="id", showscale=False,
        colorscale=[[0, "#E6E6E6"], [1, "#E6E6E6"]], marker={"line": {"color": "white", "width": 0.5}},
        hoverinfo="skip", showlegend=False))
    for pid, group in placed.groupby("province_id", sort=False):
        origin = province_point(pid)
        if origin is None:
            continue
        colour, name = charts.colour(pid), place_names.get(pid, pid)
        if pid in boundaries.merged_away():
            successor = boundaries.merged_away()[pid].successor
            name = t("maps.partners.former", place=name, successor=place_names.get(successor, successor))
        fig.add_trace(go.Choropleth(
            geojson=vn, locations=[pid], z=[1], featureidkey="id", showscale=False,
            colorscale=[[0, colour], [1, colour]], marker={"line": {"color": "white", "width": 0.5}},
            hoverinfo="skip", showlegend=False))
        lon, lat = [], []
        for row in group.itertuples():
            lon += [origin[0], row.lon, None]
            lat += [origin[1], row.lat, None]
        fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", name=name, legendgroup=pid,
                                    line={"color": colour, "width": 2.5}, hoverinfo="skip"))
        fig.add_trace(go.Scattergeo(
            lon=[origin[0]], lat=[origin[1]], mode="markers", legendgroup=pid, showlegend=False,
            marker={"size": 13, "color": colour, "symbol": charts.PLACE_SYMBOLS.get(pid, "circle"),
                    "line": {"color": "white", "width": 1.5}},
            hovertext=[t("maps.partners.origin", place=html.escape(name), count=str(len(group)))],
            hoverinfo="text"))
    _partner_markers(fig, placed, place_names)
    _archipelago_labels(fig, vn)
    subtitle = t("maps.partners.subtitle", count=str(len(placed)))
    fig = _layout(fig, title, subtitle, height)
    fig.update_layout(margin={"t": 120}, legend={"orientation": "h", "x": 0, "y": 1.0, "xanchor": "left",
                                                 "yanchor": "bottom", "borderwidth": 0})
    return fig.update_geos(projection_type="natural earth")


def _partner_markers(fig: go.Figure, placed: pd.DataFrame, place_names: dict[str, str]) -> None:
    """One marker per partner point; its hover lists every relation drawn to it."""
    lon, lat, text, hover, where = [], [], [], [], []
    for (x, y), group in placed.groupby(["lon", "lat"], sort=False):
        first = group.iloc[0]
        origin = province_point(first.province_id) or (x, y)
        side = ("middle left" if x < origin[0] - 0.3 else "middle right" if x > origin[0] + 0.3
                else "top center" if y >= origin[1] else "bottom center")
        near = [w for (px, py), w in zip(zip(lon, lat), where) if abs(px - x) < 15 and abs(py - y) < 6]
        if near:  # a neighbour's label is there already: go above or below it instead
            side = "bottom center" if near[-1] != "bottom center" else "top center"
        where.append(side)
        lines = []
        for row in group.itertuples():
            how = t(f"maps.located.{row.located}")
            lines.append(f"<b>{html.escape(partner_name(row))}</b> · {html.escape(_s(row.partner_type))} "
                         f"· {html.escape(_s(row.partner_country))}<br>"
                         f"{html.escape(place_names.get(row.province_id, row.province_id))}: "
                         f"{html.escape(_s(row.relation))}<br>"
                         f"{_wrap('“' + _short(_s(row.quote)) + '”')}<br>"
                         f"{html.escape(_s(row.publisher))} · {how}")
        lon.append(x)
        lat.append(y)
        short = short_names().get(first.geo_id if isinstance(first.geo_id, str) else "")
        text.append(html.escape(short if short and current_language() != "vi" else partner_name(first)))
        hover.append("<br><br>".join(lines))
    fig.add_trace(go.Scattergeo(
        lon=lon, lat=lat, mode="markers+text", text=text, textposition=where,
        textfont={"size": 12, "color": "#222222"}, hovertext=hover, hoverinfo="text",
        marker={"size": 9, "color": "#333333", "line": {"color": "white", "width": 1}},
        name=t("maps.partners.legend"), showlegend=True))


def _archipelago_labels(fig: go.Figure, vn: dict) -> None:
    islands = [f["properties"] for f in vn["features"] if f["properties"]["feature_type"] == "archipelago"]
    fig.add_trace(go.Scattergeo(
        lon=[p["label_lon"] for p in islands], lat=[p["label_lat"] for p in islands],
        text=[f"<i>{html.escape(p['name_vi'])}</i>" for p in islands], mode="text",
        textfont={"size": 11, "color": "#555555"}, hoverinfo="skip", showlegend=False))


def unplaced(partners: pd.DataFrame) -> int:
    """How many partnerships have no point on the map (NGOs, agencies, unknown places)."""
    return int(partner_places(partners)["located"].isna().sum()) if not partners.empty else 0


def readable_partners(partners: pd.DataFrame, place_names: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({
        t("column.place"): [place_names.get(p, p) for p in partners["province_id"]],
        t("column.partner"): [partner_name(r) for r in partners.itertuples()],
        t("column.partner_type"): partners["partner_type"],
        t("maps.column.country"): partners["partner_country"],
        t("column.relation"): partners["relation"],
        t("column.source"): partners["publisher"],
        t("column.quote"): partners["quote"],
    })
