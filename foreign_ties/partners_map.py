"""The partners map: each province's named partner places, drawn regionally or worldwide."""

from __future__ import annotations

import functools
import html

import pandas as pd
import plotly.graph_objects as go

from foreign_ties import boundaries, charts, data_version, maps
from foreign_ties.i18n import current_language, t
from foreign_ties.map_labels import (
    LABEL_FONT,
    PARTNERS_HEIGHT,
    REGION,
    REGION_DOMAIN,
    REGION_LAT,
    REGION_LON,
    in_view,
    place_labels,
)
from foreign_ties.memo import remembered
from foreign_ties.partner_table import country_name, partner_name, partner_type_text


def partner_places(partners: pd.DataFrame) -> pd.DataFrame:
    """Each partnership with the point it is drawn at, and how that point was found.

    `located`: 'locality' (ISO 3166-2 in the LA/CN files), 'country' (country_points.csv),
    'country_of_locality' (a locality with no outline here, shown at its country), or None.
    """
    lon, lat, located = [], [], []
    localities, countries = maps.locality_points(), maps.country_points()
    for row in partners.itertuples():
        geo_id = row.geo_id if isinstance(row.geo_id, str) else ""
        country = row.partner_country if isinstance(row.partner_country, str) else ""
        point, how = None, None
        if "-" in geo_id and geo_id in localities:
            point, how = localities[geo_id], "locality"
        elif len(geo_id) == 3 and geo_id in countries:
            point, how = countries[geo_id], "country"
        elif row.partner_type in ("foreign locality", "country") and country in countries:
            point, how = (
                countries[country],
                "country" if row.partner_type == "country" else "country_of_locality",
            )
        lon.append(point[0] if point else None)
        lat.append(point[1] if point else None)
        located.append(how)
    return partners.assign(lon=lon, lat=lat, located=located)


@functools.cache
def _locality_names_vi() -> dict[str, str]:
    return {
        f["properties"]["iso_3166_2"]: f["properties"].get("name_vi") or ""
        for name in maps.FOREIGN_FILES
        for f in maps.geojson(name)["features"]
    }


def point_label(row, group: pd.DataFrame | None = None) -> str:
    """The short name written on the map at a partner point: the locality, or the country
    (a country point, or several localities drawn at their country). `group`: every
    partnership drawn at that point (default: this row's only)."""
    geo_id = maps.cell_text(row.geo_id)
    if (
        row.located == "country_of_locality"
        and group is not None
        and set(group["located"]) == {"country_of_locality"}
        and group["partner_name"].nunique() == 1
    ):
        return partner_name(row)
    if row.located == "locality":
        if current_language() == "vi":
            return _locality_names_vi().get(geo_id) or partner_name(row)
        return maps.short_names().get(geo_id) or partner_name(row)
    return country_name(geo_id if len(geo_id) == 3 else row.partner_country) or partner_name(row)


# --- Partners map views -------------------------------------------------------------------
# "region": northern Viet Nam, Laos, Guangxi and Yunnan, where the provinces' partner
# localities are (Mercator, as the choropleth), with an inset of the whole of Viet Nam and
# both archipelagos beside it; "world": every partner point (Natural Earth).
# REGION, its ranges and domain are in map_labels, whose estimate of the drawn map needs them.
WORLD = "world"
VIEWS = (REGION, WORLD)
INSET_DOMAIN = {"x": [0.82, 1.0], "y": [0.0, 0.5]}
WORLD_LAT_LIMITS = (-58.0, 75.0)


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
        row.partner_type == "foreign locality" and maps.cell_text(row.partner_country) in NEIGHBOURS
    )


@remembered
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


@remembered
def outside_view(partners: pd.DataFrame, view: str) -> list[str]:
    """Names of the partner points a view leaves out (for a caption under the map)."""
    placed = _located(partners)
    lon_range, lat_range = view_range(placed, view)
    names = [
        point_label(group.iloc[0], group)
        for (x, y), group in placed.groupby(["lon", "lat"], sort=False)
        if not in_view(x, y, lon_range, lat_range)
    ]
    return list(dict.fromkeys(names))


@remembered
def partners_map(
    partners: pd.DataFrame,
    place_names: dict[str, str],
    title: str,
    view: str | None = None,
    height: int = PARTNERS_HEIGHT,
    geojson_by_url: bool = False,
) -> go.Figure | None:
    """Viet Nam's 2025 provinces, the places in their colours, and a line to each partner.

    `view`: REGION or WORLD (default: `default_view`). Labels are written only where they
    overlap nothing; every point names itself and its relations on hover. `geojson_by_url`:
    the outlines by URL (the app), not embedded (images); see `maps.vn_outlines`.
    """
    placed = _located(partners)
    if placed.empty:
        return None
    view = view if view in VIEWS else default_view(partners)
    lon_range, lat_range = view_range(placed, view)
    fig = go.Figure()
    ids = [f["id"] for f in maps.geojson(maps.VN_FILES[34])["features"]]
    outlines = maps.vn_outlines(34, geojson_by_url)
    fig.add_trace(
        go.Choropleth(
            geojson=outlines,
            locations=ids,
            z=[0] * len(ids),
            featureidkey="id",
            showscale=False,
            colorscale=[[0, "#E6E6E6"], [1, "#E6E6E6"]],
            marker={"line": {"color": "white", "width": 0.5}},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    origins = []
    for pid, group in placed.groupby("province_id", sort=False):
        origin = maps.province_point(pid)
        if origin is None:
            continue
        origins.append(origin)
        colour, name = charts.colour(pid), place_names.get(pid, pid)
        if pid in boundaries.merged_away():
            successor = boundaries.merged_away()[pid].successor
            name = t(
                "maps.partners.former", place=name, successor=place_names.get(successor, successor)
            )
        fig.add_trace(
            go.Choropleth(
                geojson=outlines,
                locations=[pid],
                z=[1],
                featureidkey="id",
                showscale=False,
                colorscale=[[0, colour], [1, colour]],
                marker={"line": {"color": "white", "width": 0.5}},
                hoverinfo="skip",
                showlegend=False,
            )
        )
        lon, lat = [], []
        for row in group.drop_duplicates(["lon", "lat"]).itertuples():
            if view == WORLD or in_view(
                row.lon, row.lat, lon_range, lat_range
            ):  # else: the caption
                lon += [origin[0], row.lon, None]
                lat += [origin[1], row.lat, None]
        fig.add_trace(
            go.Scattergeo(
                lon=lon,
                lat=lat,
                mode="lines",
                name=html.escape(name),
                legendgroup=pid,
                line={"color": colour, "width": 2.5},
                hoverinfo="skip",
            )
        )
        fig.add_trace(
            go.Scattergeo(
                lon=[origin[0]],
                lat=[origin[1]],
                mode="markers",
                legendgroup=pid,
                showlegend=False,
                marker={
                    "size": 14,
                    "color": colour,
                    "symbol": charts.PLACE_SYMBOLS.get(pid, charts.FALLBACK_SYMBOL),
                    "line": {"color": "white", "width": 1.5},
                },
                hovertext=[
                    t("maps.partners.origin", place=html.escape(name), count=str(len(group)))
                ],
                hoverinfo="text",
            )
        )
    hidden = _partner_markers(fig, placed, place_names, origins, lon_range, lat_range, view)
    _archipelago_labels(fig, view)
    subtitle = t(f"maps.partners.subtitle.{view}", count=str(len(placed)))
    if hidden:
        subtitle += "<br>" + t("maps.partners.hover_hint", count=str(hidden))
    fig = maps.layout(fig, title, subtitle, height)
    fig.update_layout(
        margin={"t": 156 if hidden else 126},
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1.0,
            "xanchor": "left",
            "yanchor": "bottom",
            "borderwidth": 0,
        },
    )
    fig.update_layout(
        geo={
            "fitbounds": False,
            "projection_type": "mercator" if view == REGION else "natural earth",
            "lonaxis_range": list(lon_range),
            "lataxis_range": list(lat_range),
            **({"domain": REGION_DOMAIN} if view == REGION else {}),
        }
    )
    if view == REGION:
        _inset(fig, ids, outlines, placed["province_id"].unique())
    return fig


def _inset(fig: go.Figure, ids: list[str], outlines: dict | str, places) -> None:
    """The whole of Viet Nam, Hoàng Sa and Trường Sa included, beside the regional map.
    `ids`: every unit of `outlines` (maps.vn_outlines(34))."""
    fig.add_trace(
        go.Choropleth(
            geojson=outlines,
            locations=ids,
            z=[0] * len(ids),
            featureidkey="id",
            showscale=False,
            geo="geo2",
            colorscale=[[0, "#CFCFCF"], [1, "#CFCFCF"]],
            marker={"line": {"color": "white", "width": 0.3}},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    for pid in places:
        if pid in ids:
            fig.add_trace(
                go.Choropleth(
                    geojson=outlines,
                    locations=[pid],
                    z=[1],
                    featureidkey="id",
                    showscale=False,
                    geo="geo2",
                    colorscale=[[0, charts.colour(pid)], [1, charts.colour(pid)]],
                    marker={"line": {"color": "white", "width": 0.3}},
                    hoverinfo="skip",
                    showlegend=False,
                )
            )
    islands = _islands()
    fig.add_trace(
        go.Scattergeo(
            lon=[p["label_lon"] for p in islands],
            lat=[p["label_lat"] for p in islands],
            geo="geo2",
            text=[f"<i>{html.escape(p['name_vi'].replace('Quần đảo ', ''))}</i>" for p in islands],
            mode="text",
            textfont={"size": 10, "color": "#444444"},
            hoverinfo="skip",
            showlegend=False,
        )
    )
    fig.update_layout(
        geo2={
            **maps.GEO,
            "fitbounds": False,
            "projection_type": "mercator",
            "domain": INSET_DOMAIN,
            "lonaxis_range": list(maps.VN_LON),
            "lataxis_range": list(maps.VN_LAT),
            "showframe": True,
            "framecolor": "#888888",
            "showcountries": False,
            "resolution": 50,
        }
    )


def _partner_markers(
    fig: go.Figure,
    placed: pd.DataFrame,
    place_names: dict[str, str],
    origins: list[tuple[float, float]],
    lon_range,
    lat_range,
    view: str,
) -> int:
    """One marker per partner point; its hover lists every relation drawn to it. Returns how
    many points in view carry no label (it would have overlapped)."""
    points, hover = [], []
    for (x, y), group in placed.groupby(["lon", "lat"], sort=False):
        first = group.iloc[0]
        origin = maps.province_point(first.province_id) or (x, y)
        away = (
            ["middle left", "top center", "bottom center", "middle right"]
            if x < origin[0] - 0.3
            else ["middle right", "top center", "bottom center", "middle left"]
        )
        points.append(
            {
                "lon": x,
                "lat": y,
                "text": point_label(first, group),
                "weight": len(group),
                "sides": away,
            }
        )
        lines = []
        for row in group.itertuples():
            what = " · ".join(
                v
                for v in (partner_type_text(row.partner_type), country_name(row.partner_country))
                if v
            )
            lines.append(
                f"<b>{html.escape(partner_name(row))}</b> · {html.escape(what)}<br>"
                f"{html.escape(place_names.get(row.province_id, row.province_id))} — "
                f"{html.escape(t('maps.relation'))}: "
                f"{maps.wrap(html.escape(maps.cell_text(row.relation)))}<br>"
                f"{maps.wrap('“' + maps.short_quote(maps.cell_text(row.quote)) + '”')}<br>"
                f"{html.escape(maps.cell_text(row.publisher))} · {t(f'maps.located.{row.located}')}"
            )
        hover.append("<br><br>".join(lines))
    islands = [
        {
            "lon": p["label_lon"],
            "lat": p["label_lat"],
            "text": p["name_vi"],
            "side": "middle right" if view == WORLD else None,
        }
        for p in _islands()
    ]
    labels = place_labels(points, origins, lon_range, lat_range, view, fixed=islands)
    (x0, x1), (y0, y1) = lon_range, lat_range
    fig.add_trace(
        go.Scattergeo(
            lon=[p["lon"] for p in points],
            lat=[p["lat"] for p in points],
            mode="markers+text",
            text=[html.escape(text) for text, _ in labels],
            textposition=[side for _, side in labels],
            textfont={"size": LABEL_FONT, "color": "#222222"},
            hovertext=hover,
            hoverinfo="text",
            marker={"size": 10, "color": "#333333", "line": {"color": "white", "width": 1}},
            name=t("maps.partners.legend"),
            showlegend=True,
        )
    )
    return sum(
        1
        for p, (text, _) in zip(points, labels, strict=False)
        if not text and x0 <= p["lon"] <= x1 and y0 <= p["lat"] <= y1
    )


def _islands() -> list[dict]:
    return [
        f["properties"]
        for f in maps.geojson(maps.VN_FILES[34])["features"]
        if f["properties"]["feature_type"] == "archipelago"
    ]


def _archipelago_labels(fig: go.Figure, view: str = REGION) -> None:
    """Hoàng Sa and Trường Sa by name; on the world map, written east of their points so
    they do not cover the crowded partner points around Viet Nam."""
    islands = _islands()
    fig.add_trace(
        go.Scattergeo(
            lon=[p["label_lon"] for p in islands],
            lat=[p["label_lat"] for p in islands],
            text=[f"<i>{html.escape(p['name_vi'])}</i>" for p in islands],
            mode="text",
            textposition="middle right" if view == WORLD else "middle center",
            textfont={"size": 11, "color": "#555555"},
            hoverinfo="skip",
            showlegend=False,
        )
    )


@remembered
def unplaced(partners: pd.DataFrame) -> int:
    """How many partnerships have no point on the map (NGOs, agencies, unknown places)."""
    return int(partner_places(partners)["located"].isna().sum()) if not partners.empty else 0


data_version.on_reset(_locality_names_vi.cache_clear)
