"""The Add figures form's part for a statistics table (.csv, .xlsx): what its rows and
columns are, its indicator, unit and scale, the unit's words as the table writes them, and
a year when neither rows nor columns are years. Called inside the report's form; used only
when the uploaded file is a table (foreign_ties/add_table.py)."""

from __future__ import annotations

import streamlit as st

from foreign_ties import catalog
from foreign_ties.i18n import t
from foreign_ties.table_figures import COLUMN_KINDS, ROW_KINDS, SCALES, UNITS, Layout


def _kind(where, label: str, key: str, kinds) -> str | None:
    """What the table's rows or columns are (places, years or measures), unset at first."""
    return where.selectbox(
        label,
        kinds,
        index=None,
        key=key,
        placeholder=t("table.choose"),
        format_func=lambda kind: t(f"table.kind.{kind}"),
    )


def layout_fields() -> Layout | None:
    """The editor's reading of an uploaded table (None until rows and columns are chosen)."""
    indicators = catalog.indicators()
    with st.expander(t("table.heading"), icon=":material/table:"):
        st.caption(t("table.help"))
        left, right = st.columns(2)
        rows = _kind(left, t("table.rows"), "add_table_rows", ROW_KINDS)
        columns = _kind(right, t("table.columns"), "add_table_columns", COLUMN_KINDS)
        indicator = left.selectbox(
            t("table.indicator"),
            list(indicators),
            index=None,
            key="add_table_indicator",
            placeholder=t("table.choose"),
            format_func=lambda i: indicators[i].name() if i in indicators else i,
        )
        year = right.number_input(
            t("table.year"),
            min_value=1990,
            max_value=2100,
            value=None,
            step=1,
            key="add_table_year",
        )
        unit = left.selectbox(
            t("table.unit"), UNITS, key="add_table_unit", format_func=lambda u: t(f"table.unit.{u}")
        )
        scale = right.selectbox(
            t("table.scale"), SCALES, key="add_table_scale", format_func=lambda s: f"× {s:,}"
        )
        words = st.text_input(
            t("table.unit_words"),
            key="add_table_unit_words",
            max_chars=60,
            help=t("table.words_help"),
        )
    if rows is None or columns is None:
        return None
    return Layout(
        rows=rows,
        columns=columns,
        indicator=indicator,
        unit=unit,
        scale=int(scale),
        unit_words=words or "",
        year=int(year) if year is not None else None,
    )
