"""What a page run hands Streamlit, converted once per shared object (`memo.by_identity`).

On every run Streamlit turns each table into Arrow and each Plotly figure into a dict (a
deep copy) and then JSON, even when the object is the very one it sent the run before: the
memoised views and figures hand every run the same object. Under 100 viewers py-spy put
about a sixth of the server's Python time there (docs/performance.md). Here that work is
done once per object, data version and language; Streamlit still encodes what it sends.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa

from foreign_ties import phone_charts
from foreign_ties.i18n import t
from foreign_ties.memo import by_identity


@by_identity
def facts_table(rows: pd.DataFrame) -> pa.Table:
    """A readable facts frame as the tables show it: no fact id, columns in the reader's
    language, as Arrow (Streamlit sends a table as Arrow; given one, it only encodes it)."""
    shown = rows.drop(columns=["fact_id"], errors="ignore")
    shown = shown.rename(columns={c: t(f"column.{c}") for c in shown.columns})
    return pa.Table.from_pandas(shown, preserve_index=False)


class _SentFigure(go.Figure):
    """A figure whose dict is made once: Streamlit's `st.plotly_chart` asks a figure for
    `to_dict()` (a deep copy of every trace) on every run. It shares the original's state and
    is only ever handed to Streamlit, which reads the dict and never changes it."""

    def to_dict(self) -> dict:
        return self.__dict__["_sent_dict"]


@by_identity
def figure(fig: go.Figure) -> go.Figure:
    sent = _SentFigure.__new__(_SentFigure)
    sent.__dict__.update(fig.__dict__)
    sent.__dict__["_sent_dict"] = fig.to_dict()
    return sent


for_phone = by_identity(phone_charts.for_phone)  # a phone's restyling, once per figure
