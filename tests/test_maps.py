"""Maps: expected features, locations and colours; archipelagos; credit; nothing fetched."""

import datetime as dt
import json

import pandas as pd
import pytest
from plotly.colors import hex_to_rgb, sample_colorscale

from foreign_ties import charts, i18n, map_labels, maps, partner_table, partners_map, paths

D = dt.date
JAN_1_2023, DEC_31_2023 = D(2023, 1, 1), D(2023, 12, 31)
NAMES = {
    "son-la": "Son La",
    "lang-son": "Lang Son",
    "tuyen-quang": "Tuyen Quang",
    "ha-giang": "Ha Giang",
}


def figure_row(place, value, start=JAN_1_2023, end=DEC_31_2023):
    return dict(
        fact_id=f"{place}-{end}",
        province_id=place,
        indicator_id="exports_customs_by_locality",
        kind="flow",
        breakdown=None,
        value=value,
        unit="USD",
        qualifier="exact",
        period_start=start,
        period_end=end,
        status="reported",
        uncertain=False,
        source_id="c",
        publisher="Customs",
        published_date=D(2024, 1, 1),
        quote="A sentence.",
    )


def partner(pid, place, name, ptype, country, geo_id):
    return dict(
        partner_id=pid,
        province_id=place,
        partner_name=name,
        partner_name_vi=None,
        partner_type=ptype,
        partner_country=country,
        geo_id=geo_id,
        relation="friendship",
        since=None,
        source_id="s",
        publisher="VBF",
        quote=f"Sentence naming {name}.",
    )


PARTNERS = pd.DataFrame(
    [
        partner("a", "lang-son", "Guangxi", "foreign locality", "CHN", "CN-GX"),
        partner("b", "son-la", "Houaphanh", "foreign locality", "LAO", "LA-HO"),
        partner("c", "tuyen-quang", "Gyeonggi", "foreign locality", "KOR", "KR-41"),
        partner("d", "tuyen-quang", "Japan", "country", "JPN", "JPN"),
        partner("e", "son-la", "An NGO", "NGO", None, None),
    ]
)


def no_cdn(fig):
    text = json.dumps(fig.to_plotly_json(), default=str)
    assert "cdn.plot.ly" not in text and "https://" not in text and "http://" not in text


def test_pre_2025_choropleth_has_63_units_plus_archipelagos_with_grey_for_no_figure():
    rows = pd.DataFrame(
        [
            figure_row("tuyen-quang", 183.8e6),
            figure_row("ha-giang", 146e6),
            figure_row("son-la", 1e8, D(2022, 1, 1), D(2022, 12, 31)),
        ]
    )
    fig = maps.choropleth(rows, "Exports", (D(2023, 1, 1), D(2023, 12, 31)), NAMES)
    grey, shaded = fig.data[0], fig.data[1]
    assert set(shaded.locations) == {
        "tuyen-quang",
        "ha-giang",
    }  # Son La's 2022 figure: other period
    assert len(grey.locations) + len(shaded.locations) == 65
    assert {"hoang-sa", "truong-sa", "son-la"} <= set(grey.locations)
    assert grey.colorscale[0][1] == maps.NEUTRAL
    assert all("No published figure" in h for h in grey.hovertext)
    assert "without Ha Giang" in shaded.hovertext[list(shaded.locations).index("tuyen-quang")]
    labels = " ".join(x for tr in fig.data if tr.type == "scattergeo" and tr.text for x in tr.text)
    assert "Hoàng Sa" in labels and "Trường Sa" in labels
    assert "63 provincial units" in fig.layout.title.text
    no_cdn(fig)


def test_post_merger_choropleth_uses_the_34_units():
    rows = pd.DataFrame([figure_row("tuyen-quang", 5e8, D(2025, 7, 1), D(2025, 12, 31))])
    fig = maps.choropleth(rows, "Exports", (D(2025, 7, 1), D(2025, 12, 31)), NAMES)
    assert len(fig.data[0].locations) + len(fig.data[1].locations) == 36
    assert "ha-giang" not in fig.data[0].locations
    assert fig.data[1].geojson["features"][0]["properties"].get("merged_from_gso")
    assert "34 provincial units" in fig.layout.title.text


def test_every_map_shows_its_credit_line_and_title():
    fig = partners_map.partners_map(PARTNERS, NAMES, "Named partners")
    credit = " ".join(a.text for a in fig.layout.annotations)
    assert "Natural Earth" in credit and "United Nations" in credit
    assert fig.layout.title.text.startswith("Named partners")
    no_cdn(fig)


def test_partner_points_match_iso_codes_and_fall_back_to_the_country():
    placed = partners_map.partner_places(PARTNERS).set_index("partner_id")
    assert placed.loc["a", "located"] == "locality"
    assert (placed.loc["a", "lon"], placed.loc["a", "lat"]) == maps.locality_points()["CN-GX"]
    assert placed.loc["c", "located"] == "country_of_locality"  # no Korean outlines shipped
    assert (placed.loc["d", "lon"], placed.loc["d", "lat"]) == maps.country_points()["JPN"]
    assert pd.isna(placed.loc["e", "located"])
    assert partners_map.unplaced(PARTNERS) == 1


def test_partner_lines_are_in_the_province_colour():
    fig = partners_map.partners_map(PARTNERS, NAMES, "Named partners", view=partners_map.WORLD)
    lines = {tr.name: tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines"}
    assert set(lines) == {"Son La", "Lang Son", "Tuyen Quang"}
    for pid, name in (
        ("son-la", "Son La"),
        ("lang-son", "Lang Son"),
        ("tuyen-quang", "Tuyen Quang"),
    ):
        assert lines[name].line.color == charts.PLACE_COLOURS[pid]
    assert len([x for x in lines["Tuyen Quang"].lon if x is not None]) == 4  # two partners
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers+text"][0]
    hover = " ".join(markers.hovertext)
    assert "Sentence naming Guangxi." in hover and "friendship" in hover
    highlighted = [
        tr for tr in fig.data if tr.type == "choropleth" and list(tr.locations) == ["son-la"]
    ]
    assert highlighted[0].colorscale[0][1] == charts.PLACE_COLOURS["son-la"]


def test_vietnamese_province_codes_are_not_read_as_iso_numbers():
    # VN-14 is Hoa Binh in ISO 3166-2 while Son La's GSO code is 14: we match on slugs only
    feature = next(f for f in maps.geojson(maps.VN_FILES[63])["features"] if f["id"] == "son-la")
    assert (
        feature["properties"]["gso_code"] == "14" and feature["properties"]["iso_3166_2"] == "VN-05"
    )


def test_no_partner_with_a_place_gives_no_figure():
    assert partners_map.partners_map(PARTNERS.iloc[[4]], NAMES, "x") is None


def test_offline_configuration():
    assert maps.STREAMLIT_CONFIG["topojsonURL"] == "/app/static/plotly-topojson/"
    for scope in ("world", "asia"):
        for res in ("50m", "110m"):
            assert (maps.TOPOJSON_DIR / f"{scope}_{res}.json").exists()
    import plotly.io as pio

    maps.configure_static_export()
    assert pio.defaults.topojson.startswith("file://") and pio.defaults.topojson.endswith("/")


@pytest.mark.parametrize("name", [*maps.VN_FILES.values(), *maps.FOREIGN_FILES])
def test_geo_files_ship_with_their_licence(name):
    path = maps.geo_path(name)
    assert path.is_file() and not path.is_symlink()  # Streamlit serves no symlink (HTTP 400)
    readme = (maps.GEO_DIR / "README.md").read_text(encoding="utf-8")
    assert path.relative_to(paths.ROOT).as_posix().removeprefix("data/geo/") in readme
    assert "Natural Earth" in readme


def test_each_vietnamese_outline_file_is_kept_once_where_the_app_serves_it():
    for version, name in maps.VN_FILES.items():
        assert maps.geo_path(name) == paths.ROOT / "static" / "geo" / name
        assert not (maps.GEO_DIR / name).exists()
        assert maps.vn_outlines(version, by_url=True) == f"/app/static/geo/{name}"


def test_figures_built_for_images_embed_the_outlines_and_the_apps_name_them_by_url():
    # Kaleido (chart_images, decks) cannot fetch /app/static/: by default the outlines are in
    # the figure; the app passes geojson_by_url=True (foreign_ties/ui/maps.py).
    rows = pd.DataFrame([figure_row("son-la", 1e6)])
    period = (JAN_1_2023, DEC_31_2023)
    for by_url in (False, True):
        figures = [
            maps.choropleth(rows, "Exports", period, NAMES, geojson_by_url=by_url),
            *(
                partners_map.partners_map(PARTNERS, NAMES, "x", view=v, geojson_by_url=by_url)
                for v in partners_map.VIEWS
            ),
        ]
        for fig in figures:
            outlines = [tr.geojson for tr in fig.data if tr.type == "choropleth"]
            assert outlines
            if by_url:
                assert all(o.startswith(maps.VN_GEO_URL) for o in outlines)
                assert len(json.dumps(fig.to_plotly_json(), default=str)) < 100_000
            else:
                assert all(o["type"] == "FeatureCollection" and o["features"] for o in outlines)
    export = maps.choropleth(rows, "Exports", period, NAMES)
    assert export.to_dict()["data"][0]["geojson"] == maps.geojson(maps.VN_FILES[63])


# --- choropleth colours ----------------------------------------------------------------------


def rgb(colour: str) -> tuple[int, ...]:
    if colour.startswith("#"):
        return hex_to_rgb(colour)
    return tuple(round(float(v)) for v in colour[colour.index("(") + 1 : -1].split(","))


def drawn_colour(trace, location: str) -> tuple[int, ...]:
    """The colour plotly gives a feature: its z's position between zmin and zmax on the scale."""
    z = list(trace.z)[list(trace.locations).index(location)]
    zmin, zmax = (trace.zmin, trace.zmax) if trace.zauto is False else (min(trace.z), max(trace.z))
    position = 0.0 if zmax == zmin else (z - zmin) / (zmax - zmin)
    return rgb(sample_colorscale([list(c) for c in trace.colorscale], [position])[0])


def test_choropleth_colours_follow_the_values_and_no_figure_is_grey():
    rows = pd.DataFrame(
        [
            figure_row("tuyen-quang", 183.8e6),
            figure_row("ha-giang", 146e6),
            figure_row("son-la", 25.58e6),
        ]
    )
    fig = maps.choropleth(rows, "Exports", (D(2023, 1, 1), D(2023, 12, 31)), NAMES)
    grey, shaded = fig.data[0], fig.data[1]
    assert shaded.zauto is False and shaded.zmin == 0
    assert shaded.zmax == pytest.approx(183.8)  # US$ million: the scale's top is the largest figure
    assert dict(zip(shaded.locations, shaded.z, strict=False)) == pytest.approx(
        {"tuyen-quang": 183.8, "ha-giang": 146.0, "son-la": 25.58}
    )
    assert drawn_colour(shaded, "tuyen-quang") == rgb(
        maps.SHADES[1][1]
    )  # the largest: darkest blue
    expected = sample_colorscale(maps.SHADES, [146 / 183.8, 25.58 / 183.8])
    assert drawn_colour(shaded, "ha-giang") == rgb(expected[0])
    assert drawn_colour(shaded, "son-la") == rgb(expected[1])
    brightness = {pid: sum(drawn_colour(shaded, pid)) for pid in shaded.locations}
    assert (
        brightness["son-la"] > brightness["ha-giang"] > brightness["tuyen-quang"]
    )  # more = darker
    assert rgb(maps.SHADES[0][1]) != rgb(maps.NEUTRAL)  # a zero is light blue, never the grey
    assert set(grey.z) == {0}
    for location in grey.locations:  # every unit without a figure: grey, whatever its z
        assert drawn_colour(grey, location) == rgb(maps.NEUTRAL)
    assert "lang-son" in grey.locations and not set(grey.locations) & set(shaded.locations)
    assert shaded.colorbar.title.text == "US$ million"


# --- partners: words in the reader's language, views, labels ---------------------------------


def partner_hover(fig) -> str:
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers+text"][0]
    return " ".join(markers.hovertext)


def test_partner_hover_names_type_and_country_and_labels_the_relation_in_english():
    hover = partner_hover(partners_map.partners_map(PARTNERS, NAMES, "x", view=partners_map.WORLD))
    assert "Guangxi</b> · foreign locality · China" in hover
    assert "Japan</b> · country · Japan" in hover
    assert "Relation (as recorded): friendship" in hover
    assert "CHN" not in hover and "JPN" not in hover


def test_partner_hover_in_vietnamese(vietnamese):
    hover = partner_hover(partners_map.partners_map(PARTNERS, NAMES, "x", view=partners_map.WORLD))
    assert "địa phương nước ngoài · Trung Quốc" in hover
    assert "quốc gia · Nhật Bản" in hover
    assert "Quan hệ: friendship" in hover  # the fixture has no relation_vi
    assert "foreign locality" not in hover and "· country ·" not in hover


def test_readable_partners_in_both_languages():
    english = partner_table.readable_partners(PARTNERS.assign(publisher="VBF"), NAMES)
    assert list(english["Type"]) == ["foreign locality"] * 3 + [
        "country",
        "non-governmental organisation",
    ]
    assert list(english["Country"])[:4] == ["China", "Laos", "Republic of Korea", "Japan"]
    assert "Relation (as recorded)" in english.columns
    i18n.set_language("vi")
    try:
        vi = partner_table.readable_partners(PARTNERS.assign(publisher="VBF"), NAMES)
    finally:
        i18n.set_language("en")
    assert list(vi.iloc[:, 2])[:4] == ["địa phương nước ngoài"] * 3 + ["quốc gia"]
    assert list(vi["Quốc gia"])[:4] == ["Trung Quốc", "Lào", "Hàn Quốc", "Nhật Bản"]
    assert "Quan hệ" in vi.columns


def curated_partners() -> pd.DataFrame:
    folder = paths.ROOT / "data" / "curated" / "partners"
    return pd.concat([pd.read_csv(f, dtype=str) for f in sorted(folder.glob("*.csv"))])


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_partner_country_and_type_in_the_data_has_a_name(lang):
    data = curated_partners()
    for code in data["partner_country"].dropna().unique():
        assert i18n.t(f"maps.country.{code}", lang) != f"maps.country.{code}", code
    from foreign_ties.validate import ENUMS

    for ptype in ENUMS[("partners", "partner_type")]:
        key = f"maps.partner_type.{ptype.lower().replace(' ', '_')}"
        assert i18n.t(key, lang) != key, ptype


REGIONAL = pd.DataFrame(
    [
        partner("gx", "lang-son", "Guangxi", "foreign locality", "CHN", "CN-GX"),
        partner("ho", "son-la", "Houaphanh", "foreign locality", "LAO", "LA-HO"),
        partner("xi", "tuyen-quang", "Xieng Khouang", "foreign locality", "LAO", "LA-XI"),
        partner("ph", "tuyen-quang", "Phongsaly", "foreign locality", "LAO", "LA-PH"),
        partner("lp", "son-la", "Luang Prabang", "foreign locality", "LAO", "LA-LP"),
        partner("ou", "son-la", "Oudomxay", "foreign locality", "LAO", "LA-OU"),
        partner("xa", "son-la", "Xayaboury", "foreign locality", "LAO", "LA-XA"),
        partner("lao", "tuyen-quang", "Laos", "country", "LAO", "LAO"),
        partner("jp", "tuyen-quang", "Japan", "country", "JPN", "JPN"),
        partner("de", "tuyen-quang", "Germany", "country", "DEU", "DEU"),
    ]
)


def test_the_region_is_the_default_when_most_partners_are_in_it():
    assert partners_map.default_view(REGIONAL) == partners_map.REGION  # 8 of 10 in the region
    far = REGIONAL[REGIONAL["partner_type"] == "country"]
    assert partners_map.default_view(far) == partners_map.WORLD  # Laos only, of three
    assert partners_map.default_view(PARTNERS) == partners_map.REGION  # two of four: half is enough
    # a Chinese city with no outline is drawn at China's point, far north, but it counts as near
    nanning = partner("nn", "lang-son", "Nanning", "foreign locality", "CHN", None)
    korea = partner("kr", "lang-son", "Korea", "country", "KOR", "KOR")
    assert partners_map.default_view(pd.DataFrame([nanning, korea])) == partners_map.REGION
    assert (
        partners_map.default_view(pd.DataFrame([korea, korea | {"partner_id": "k2"}, nanning]))
        == partners_map.WORLD
    )


def geo_range(fig, name="geo"):
    geo = fig.layout[name]
    return tuple(geo.lonaxis.range), tuple(geo.lataxis.range)


def test_region_view_range_inset_and_lines_only_to_partners_in_view():
    fig = partners_map.partners_map(REGIONAL, NAMES, "x", view=partners_map.REGION)
    assert geo_range(fig) == (partners_map.REGION_LON, partners_map.REGION_LAT)
    assert fig.layout.geo.fitbounds is False and fig.layout.geo.projection.type == "mercator"
    # the whole of Viet Nam with both archipelagos, beside the regional map
    assert geo_range(fig, "geo2") == (maps.VN_LON, maps.VN_LAT)
    assert fig.layout.geo.domain.x[1] <= fig.layout.geo2.domain.x[0]
    inset = [tr for tr in fig.data if tr.geo == "geo2"]
    assert {"hoang-sa", "truong-sa"} <= set(inset[0].locations)
    assert {"Hoàng Sa", "Trường Sa"} <= {
        x.strip("<i>/") for tr in inset if tr.text for x in tr.text
    }
    lines = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines"]
    ends = {(x, y) for tr in lines for x, y in zip(tr.lon, tr.lat, strict=False) if x is not None}
    assert all(
        partners_map.in_region(x, y) for x, y in ends
    )  # Japan and Germany: in the caption instead
    assert partners_map.outside_view(REGIONAL, partners_map.REGION) == ["Japan", "Germany"]
    assert partners_map.outside_view(REGIONAL, partners_map.WORLD) == []
    no_cdn(fig)


def test_world_view_covers_every_partner_point():
    fig = partners_map.partners_map(REGIONAL, NAMES, "x", view=partners_map.WORLD)
    (x0, x1), (y0, y1) = geo_range(fig)
    placed = partners_map.partner_places(REGIONAL)
    assert all(
        x0 < x < x1 and y0 < y < y1 for x, y in zip(placed["lon"], placed["lat"], strict=False)
    )
    assert fig.layout.geo.projection.type == "natural earth" and "geo2" not in fig.layout


def label_boxes(fig, view):
    """The estimated boxes of the labels written on the map."""
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers+text"][0]
    (lon, lat) = geo_range(fig)
    project = map_labels.projector(lon, lat, view)
    boxes = []
    for x, y, text, side in zip(
        markers.lon, markers.lat, markers.text, markers.textposition, strict=False
    ):
        if text:
            px, py = project(x, y)
            boxes.append((text, map_labels.label_box(px, py, text, side)))
    return boxes


@pytest.mark.parametrize("view", partners_map.VIEWS)
def test_labels_never_overlap_and_crowded_points_are_hover_only(view):
    fig = partners_map.partners_map(REGIONAL, NAMES, "x", view=view)
    boxes = label_boxes(fig, view)
    for i, (a_text, a) in enumerate(boxes):
        for b_text, b in boxes[i + 1 :]:
            assert not map_labels.overlap(a, b), (a_text, b_text)
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers+text"][0]
    assert len(markers.hovertext) == len(markers.lon) == 10  # every point keeps its hover
    written = {text for text, _ in boxes}
    if view == partners_map.REGION:
        assert {"Guangxi", "Houaphanh", "Xieng Khouang", "Phongsaly"} <= written
        assert "Japan" not in written  # outside the view: no stray label at the edge
    else:
        assert {"Japan", "Germany"} <= written
        assert len(written) < 10  # the Lao cluster is too dense at world scale
        assert "crowded points are not labelled" in fig.layout.title.text


def test_real_partners_labels_in_the_region_at_projector_size():
    from foreign_ties import views

    rows = views.partners(["son-la", "lang-son", "tuyen-quang", "ha-giang"])
    fig = partners_map.partners_map(rows, NAMES, "x", view=partners_map.REGION)
    written = {text for text, _ in label_boxes(fig, partners_map.REGION)}
    assert {"Guangxi", "Houaphanh", "Phongsaly", "Xieng Khouang", "Laos"} <= written
