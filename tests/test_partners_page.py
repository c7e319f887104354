"""AppTest of the Partners page: both maps drawn offline, the table, the measure picker."""

import json

from foreign_ties import maps, partners_map, paths
from tests.conftest import app_at, chart_specs, texts, url_values

PAGE = "pages/partners_page.py"


def geo_specs(at):
    return [
        s
        for s in chart_specs(at)
        if any("geo" in tr.get("type", "") or tr.get("type") == "choropleth" for tr in s["data"])
    ]


def test_the_page_draws_both_maps_with_credit_and_local_base_map():
    at = app_at(PAGE)
    assert not at.exception, at.exception
    assert at.title[0].value == "Partners on the map"
    specs = geo_specs(at)
    assert len(specs) == 2, "partners map and choropleth"
    for spec in specs:
        credit = " ".join(a["text"] for a in spec["layout"]["annotations"])
        assert "Natural Earth" in credit and "United Nations" in credit
        assert "cdn.plot.ly" not in json.dumps(spec)
    for chart in at.get("plotly_chart"):
        assert json.loads(chart.proto.config)["topojsonURL"] == maps.TOPOJSON_URL


def test_the_maps_name_their_outlines_by_a_same_host_url_and_stay_small():
    # ~1.16 MB per rerun when the GeoJSON was embedded in every choropleth trace
    at = app_at(PAGE, lang="vi")
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    for chart in charts:
        assert len(chart.proto.spec) < 100_000
        outlines = [tr["geojson"] for tr in json.loads(chart.proto.spec)["data"] if "geojson" in tr]
        assert outlines
        for url in outlines:
            assert isinstance(url, str) and url.startswith("/app/static/geo/")  # no other host
            assert (paths.ROOT / url.removeprefix("/app/")).is_file()


def test_the_partner_table_lists_the_source_sentence():
    at = app_at(PAGE)
    frames = [d.value for d in at.dataframe]
    assert frames, "a table of partnerships"
    table = frames[-1]
    assert {"Place", "Partner", "Country", "Sentence"} <= set(table.columns)
    assert (table["Sentence"].str.len() > 0).all()


def test_the_measure_picker_is_in_the_url_and_changes_the_map():
    at = app_at(PAGE)
    picker = next(s for s in at.selectbox if s.label == "Figure to map")
    options = picker.options
    assert len(options) > 1
    picker.select_index(len(options) - 1).run()
    assert not at.exception
    assert url_values(at, "map_measure")
    linked = app_at(PAGE, map_measure=url_values(at, "map_measure"))
    assert (
        next(s for s in linked.selectbox if s.label == "Figure to map").value
        == url_values(at, "map_measure")[0]
    )


def test_vietnamese_page_and_a_bad_measure_link():
    at = app_at(PAGE, lang="vi", map_measure="'; drop view facts; --")
    assert not at.exception
    assert at.warning
    assert at.title[0].value == "Đối tác trên bản đồ"
    assert "Natural Earth" in json.dumps(chart_specs(at))


def partners_spec(at):
    return next(
        s
        for s in geo_specs(at)
        if s["layout"]["title"]["text"].startswith("Named partners")
        or s["layout"]["title"]["text"].startswith("Đối tác được nêu tên")
    )


def view_switch(at):
    return next(b for b in at.button_group if b.label in ("Map view", "Khung bản đồ"))


def test_the_view_switch_defaults_to_the_region_when_most_partners_are_there_and_is_in_the_url():
    at = app_at(
        PAGE, provinces=["lang-son"]
    )  # Guangxi and its mechanisms: most of Lang Son's partners
    assert not at.exception, at.exception
    assert view_switch(at).value == partners_map.REGION
    geo = partners_spec(at)["layout"]["geo"]
    assert (geo["lonaxis"]["range"], geo["lataxis"]["range"]) == (
        list(partners_map.REGION_LON),
        list(partners_map.REGION_LAT),
    )
    assert "Partners outside this view:" in texts(at) and "Japan" in texts(at)
    view_switch(at).set_value(partners_map.WORLD).run()
    assert not at.exception
    assert url_values(at, "map_view") == [partners_map.WORLD]
    assert partners_spec(at)["layout"]["geo"]["projection"]["type"] == "natural earth"
    assert "Partners outside this view:" not in texts(at)


def test_all_places_open_on_the_world_and_a_link_opens_the_region():
    at = app_at(PAGE)
    assert (
        view_switch(at).value == partners_map.WORLD
    )  # most partnerships of all places are far away
    linked = app_at(PAGE, map_view=partners_map.REGION)
    assert view_switch(linked).value == partners_map.REGION
    assert partners_spec(linked)["layout"]["geo"]["projection"]["type"] == "mercator"


def test_the_table_and_hover_speak_the_readers_language():
    at = app_at(PAGE)
    table = at.dataframe[-1].value
    assert {"country", "foreign locality"} <= set(table["Type"])
    assert "Australia" in set(table["Country"]) and "AUS" not in set(table["Country"])
    assert "Relation (as recorded)" in table.columns
    vi = app_at(PAGE, lang="vi")
    table = vi.dataframe[-1].value
    assert {"quốc gia", "địa phương nước ngoài"} <= set(table["Loại"])
    assert "Úc" in set(table["Quốc gia"]) and "AUS" not in set(table["Quốc gia"])
    assert "Quan hệ" in table.columns
    assert "Đối tác truyền thống trong hợp tác cấp địa phương" in set(table["Quan hệ"])
    hover = json.dumps(partners_spec(vi), ensure_ascii=False)
    assert "quốc gia · Nhật Bản" in hover and "Quan hệ: Nước xuất xứ của nhà đầu tư FDI" in hover
    assert "· country ·" not in hover
