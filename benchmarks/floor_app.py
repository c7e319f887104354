"""The framework's floor: the least a Streamlit + Plotly page can cost.

One selectbox (bound to the URL as ?year=...) and one Plotly bar chart whose four bars
depend on the year. Nothing else: no data files, no caching, no sidebar. Our dashboard's
timings are compared with this app's (benchmarks/bench_floor.py).

    .venv/bin/streamlit run benchmarks/floor_app.py
"""

import plotly.express as px
import streamlit as st

YEARS = list(range(2019, 2026))
year = st.selectbox("Year", YEARS, index=len(YEARS) - 1, key="year", bind="query-params")

offset = year - 2019
fig = px.bar(
    x=["Son La", "Lang Son", "Tuyen Quang", "Viet Nam"],
    y=[10 + offset, 20 + 2 * offset, 15 + 3 * offset, 40 + 4 * offset],
    labels={"x": "Place", "y": "Value"},
)
st.plotly_chart(fig)
