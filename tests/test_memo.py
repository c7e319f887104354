"""Memoised chart builders: shared results are safe only if nothing changes them."""

import json

import pandas as pd

from foreign_ties import catalog, charts, memo, slides, views
from foreign_ties.i18n import set_language
from foreign_ties.state import Filters

ALL = Filters(tuple(catalog.COMPARED_PLACES), 2011, 2025)


def _compare_figure():
    indicator = catalog.indicators()["fdi_projects"]
    series = views.indicator_series("fdi_projects", ALL)
    names = {p: catalog.place_name(p) for p in catalog.places()}
    return charts.indicator_figure(series, indicator, names, (ALL.year_from, ALL.year_to))


def test_the_same_view_gets_the_same_figure_and_other_content_a_new_one():
    calls = []

    @memo.remembered
    def build(df: pd.DataFrame, label: str) -> str:
        calls.append(label)
        return f"{label}:{df['v'].sum()}"

    frame = pd.DataFrame({"v": [1, 2]})
    assert build(frame, "a") == build(frame.copy(), "a") == "a:3"
    assert build(pd.DataFrame({"v": [1, 5]}), "a") == "a:6"
    assert build(frame, "b") == "b:3"
    assert calls == ["a", "a", "b"]


def test_a_figure_is_remembered_per_language():
    set_language("en")
    english = _compare_figure()
    set_language("vi")
    try:
        vietnamese = _compare_figure()
    finally:
        set_language("en")
    assert english is not vietnamese
    assert english.layout.title.text != vietnamese.layout.title.text


def test_building_the_deck_leaves_the_compare_chart_as_it_was():
    """Slides restyle figures for the projector; they must restyle a copy, not the shared one."""
    set_language("en")
    before = json.loads(_compare_figure().to_json())  # parsed: Plotly may reorder keys
    assert slides.build_slides(ALL)
    assert json.loads(_compare_figure().to_json()) == before


def test_a_second_frame_argument_is_keyed_by_its_content_not_its_shortened_repr():
    """pandas cuts a long frame's repr short: two frames differing in a middle row print
    alike, so they must be told apart by content (boundaries.apply takes two frames)."""

    @memo.remembered
    def total(df: pd.DataFrame, other: pd.DataFrame | None = None) -> int:
        return int(df["v"].sum() + (0 if other is None else other["v"].sum()))

    base = pd.DataFrame({"v": [1] * 200})
    changed = base.copy()
    changed.loc[100, "v"] = 5
    assert repr(base) == repr(changed)
    assert total(base, base) == 400
    assert total(base, changed) == 404
    assert total(base, other=changed) == 404
