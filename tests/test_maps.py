"""Maps: expected features, locations and colours; archipelagos; credit; nothing fetched."""
import datetime as dt
import json

import pandas as pd
import pytest

from foreign_ties import charts, maps

D = dt.date
NAMES = {"son-la": "Son La", "lang-son": "Lang Son", "tuyen-quang": "Tuyen Quang", "ha-giang": "Ha Giang"}


def figure_row(place, value, start=D(2023, 1, 1), end=D(2023, 12, 31)):
    return dict(fact_id=f"{place}-{end}", province_id=place, indicator_id="exports_customs_by_locality",
                kind="flow", breakdown=None, value=value, unit="USD", qualifier="exact",
                period_start=start, period_end=end, status="reported", uncertain=False,
                source_id="c", publisher="Customs", published_date=D(2024, 1, 1), quote="A sentence.")


def partner(pid, place, name, ptype, country, geo_id):
    return dict(partner_id=pid, province_id=place, partner_name=name, partner_name_vi=None,
                partner_type=ptype, partner_country=country, geo_id=geo_id, relation="friendship",
                since=None, source_id="s", publisher="VBF", quote=f"Sentence naming {name}.")


PARTNERS = pd.DataFrame([
    partner("a", "lang-son", "Guangxi", "foreign locality", "CHN", "CN-GX"),
    partner("b", "son-la", "Houaphanh", "foreign locality", "LAO", "LA-HO"),
    partner("c", "tuyen-quang", "Gyeonggi", "foreign locality", "KOR", "KR-41"),
    partner("d", "tuyen-quang", "Japan", "country", "JPN", "JPN"),
    partner("e", "son-la", "An NGO", "NGO", None, None),
])


def no_cdn(fig):
    text = json.dumps(fig.to_plotly_json(), default=str)
    assert "cdn.plot.ly" not in text and "https://" not in text and "http://" not in text


def test_pre_2025_choropleth_has_63_units_plus_archipelagos_with_grey_for_no_figure():
    rows = pd.DataFrame([figure_row("tuyen-quang", 183.8e6), figure_row("ha-giang", 146e6),
                         figure_row("son-la", 1e8, D(2022, 1, 1), D(2022, 12, 31))])
    fig = maps.choropleth(rows, "Exports", (D(2023, 1, 1), D(2023, 12, 31)), NAMES)
    grey, shaded = fig.data[0], fig.data[1]
    assert set(shaded.locations) == {"tuyen-quang", "ha-giang"}  # Son La's 2022 figure: other period
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
    fig = maps.partners_map(PARTNERS, NAMES, "Named partners")
    credit = " ".join(a.text for a in fig.layout.annotations)
    assert "Natural Earth" in credit and "United Nations" in credit
    assert fig.layout.title.text.startswith("Named partners")
    no_cdn(fig)


def test_partner_points_match_iso_codes_and_fall_back_to_the_country():
    placed = maps.partner_places(PARTNERS).set_index("partner_id")
    assert placed.loc["a", "located"] == "locality"
    assert (placed.loc["a", "lon"], placed.loc["a", "lat"]) == maps.locality_points()["CN-GX"]
    assert placed.loc["c", "located"] == "country_of_locality"  # no Korean outlines shipped
    assert (placed.loc["d", "lon"], placed.loc["d", "lat"]) == maps.country_points()["JPN"]
    assert pd.isna(placed.loc["e", "located"])
    assert maps.unplaced(PARTNERS) == 1


def test_partner_lines_are_in_the_province_colour():
    fig = maps.partners_map(PARTNERS, NAMES, "Named partners")
    lines = {tr.name: tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "lines"}
    assert set(lines) == {"Son La", "Lang Son", "Tuyen Quang"}
    for pid, name in (("son-la", "Son La"), ("lang-son", "Lang Son"), ("tuyen-quang", "Tuyen Quang")):
        assert lines[name].line.color == charts.PLACE_COLOURS[pid]
    assert len([x for x in lines["Tuyen Quang"].lon if x is not None]) == 4  # two partners
    markers = [tr for tr in fig.data if tr.type == "scattergeo" and tr.mode == "markers+text"][0]
    hover = " ".join(markers.hovertext)
    assert "Sentence naming Guangxi." in hover and "friendship" in hover
    highlighted = [tr for tr in fig.data if tr.type == "choropleth" and list(tr.locations) == ["son-la"]]
    assert highlighted[0].colorscale[0][1] == charts.PLACE_COLOURS["son-la"]


def test_vietnamese_province_codes_are_not_read_as_iso_numbers():
    # VN-14 is Hoa Binh in ISO 3166-2 while Son La's GSO code is 14: we match on slugs only
    feature = next(f for f in maps.geojson(maps.VN_FILES[63])["features"] if f["id"] == "son-la")
    assert feature["properties"]["gso_code"] == "14" and feature["properties"]["iso_3166_2"] == "VN-05"


def test_no_partner_with_a_place_gives_no_figure():
    assert maps.partners_map(PARTNERS.iloc[[4]], NAMES, "x") is None


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
    assert (maps.GEO_DIR / name).exists()
    readme = (maps.GEO_DIR / "README.md").read_text(encoding="utf-8")
    assert name in readme and "Natural Earth" in readme
