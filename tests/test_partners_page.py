"""AppTest of the Partners page: both maps drawn offline, the table, the measure picker."""
import json

from foreign_ties import maps
from tests.conftest import app_at, chart_specs, texts, url_values

PAGE = "pages/partners_page.py"


def geo_specs(at):
    return [s for s in chart_specs(at) if any("geo" in tr.get("type", "") or tr.get("type") == "choropleth"
                                               for tr in s["data"])]


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
    assert next(s for s in linked.selectbox if s.label == "Figure to map").value == url_values(at, "map_measure")[0]


def test_vietnamese_page_and_a_bad_measure_link():
    at = app_at(PAGE, lang="vi", map_measure="'; drop view facts; --")
    assert not at.exception
    assert at.warning
    assert at.title[0].value == "Đối tác trên bản đồ"
    assert "Natural Earth" in json.dumps(chart_specs(at))
