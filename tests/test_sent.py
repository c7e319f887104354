"""What a page run hands Streamlit is converted once per shared object (foreign_ties/sent.py)."""

import json

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import plotly.tools
from streamlit.testing.v1 import AppTest

from foreign_ties import i18n, sent


def rows() -> pd.DataFrame:
    return pd.DataFrame({"fact_id": ["f1"], "value": ["US$1 million"], "period": ["2024"]})


def test_a_facts_table_is_arrow_without_its_ids_in_the_readers_language():
    frame = rows()
    table = sent.facts_table(frame)
    assert table.column_names == [i18n.t("column.value"), i18n.t("column.period")]
    assert sent.facts_table(frame) is table  # the same frame: converted once
    assert sent.facts_table(rows()) is not table  # another frame: converted afresh
    i18n.set_language("vi")
    try:
        assert sent.facts_table(frame).column_names == [
            i18n.t("column.value"),
            i18n.t("column.period"),
        ]
    finally:
        i18n.set_language("en")


def test_a_figure_is_handed_to_streamlit_as_its_own_dict_made_once():
    fig = go.Figure(go.Bar(x=["Son La"], y=[3]))
    handed = sent.figure(fig)
    assert sent.figure(fig) is handed
    # what st.plotly_chart does with a figure (streamlit/elements/plotly_chart.py)
    first = plotly.tools.return_figure_from_figure_or_data(handed, validate_figure=True)
    again = plotly.tools.return_figure_from_figure_or_data(handed, validate_figure=True)
    assert first is again and first == fig.to_dict()
    assert json.loads(pio.to_json(first, validate=False)) == json.loads(fig.to_json())


def test_streamlit_draws_the_handed_figure_as_the_original():
    def script():
        import plotly.graph_objects as go
        import streamlit as st

        from foreign_ties import sent

        st.plotly_chart(sent.figure(go.Figure(go.Bar(x=["Son La"], y=[3]))), theme=None)

    at = AppTest.from_function(script).run()
    assert not at.exception
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert spec["data"][0]["x"] == ["Son La"] and spec["data"][0]["type"] == "bar"
