"""AppTest of the Add figures page (/add) with an uploaded statistics table, on a copy of the
real data in tmp_path: the table's cells become candidates in the same review table, the
editor publishes them through the same function, and every refusal is one message in the
reader's language naming the file, sheet and cell, shown as plain text.

The fixture tables are test data, built here; they never enter data/curated."""

from __future__ import annotations

import datetime as dt

from foreign_ties import i18n, versions
from tests import test_add_page
from tests.conftest import app_at
from tests.test_add_page import PAGE, PASSWORD, button, messages, sign_in
from tests.test_table_ingest import PROJECTS
from tests.test_table_read import workbook

PUBLISHED = dt.date(2013, 3, 1)
data = test_add_page.data  # the fixture: a copy of the real data, editor 'ana'


def upload_table(at, name: str, content: bytes, **layout):
    """Upload `content`, fill the source and the table's layout, press Extract."""
    at.file_uploader(key="add_upload").upload(name, content)
    at.selectbox(key="add_place").set_value("lang-son")
    at.date_input(key="add_published").set_value(PUBLISHED)
    at.text_input(key="add_publisher").input("Cục Thống kê (test fixture)")
    for name_, value in layout.items():
        widget = at.text_input if name_ == "unit_words" else at.selectbox
        if name_ == "year":
            at.number_input(key="add_table_year").set_value(value)
        else:
            widget(key=f"add_table_{name_}").set_value(value)
    return button(at, "add_extract").click().run()


YEARS_BY_PLACE = {"rows": "year", "columns": "place", "indicator": "fdi_new_projects_annual"}


def test_an_uploaded_table_gives_one_row_per_cell_and_publishes(data):
    before = versions.current_id(data)
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    assert {".csv", ".xlsx"} <= set(at.file_uploader[0].allowed_type)
    at = upload_table(at, "du-an-fdi.xlsx", workbook(PROJECTS), **YEARS_BY_PLACE)
    assert not at.exception, at.exception
    assert [m.value for m in at.info] == [i18n.t("table.left_out", "en", labels="Lào Cai")]
    (editor,) = at.data_editor
    table = editor.value
    assert list(table["value"]) == ["3", "4", "2"]
    assert list(table["province_id"]) == ["lang-son", "lang-son", "son-la"]
    assert list(table["quote"])[0] == "FDI!B3 | 2011 | Lạng Sơn | 3"
    assert list(table["keep"]) == [True] * 3
    at.session_state[editor.key] = {
        "edited_rows": {"2": {"keep": False}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at = button(at.run(), "add_publish").click().run()
    assert not at.exception, at.exception
    (success,) = at.success
    new_id = versions.current_id(data)
    assert new_id != before and new_id in success.value
    assert success.value.startswith("Published 2 figures")
    assert (data / "documents" / "du-an-fdi.xlsx").exists()


def test_a_formula_is_refused_with_its_cell_in_the_readers_language(data, lang):
    rows = [row[:] for row in PROJECTS]
    rows[3][1] = "=B3+1"
    at = sign_in(app_at(PAGE, lang=lang), "ana", PASSWORD)
    at = upload_table(at, "cong_thuc.xlsx", workbook(rows), **YEARS_BY_PLACE)
    assert not at.exception, at.exception
    expected = i18n.t("table.refused.formula", lang, file="cong_thuc.xlsx", sheet="FDI", cell="B4")
    assert [e.value.replace("\\", "") for e in at.error] == [expected]
    assert "\\_" in at.error[0].value  # shown as plain text: Markdown characters escaped
    assert not at.data_editor


def test_cells_that_are_not_numbers_are_listed_and_nothing_else_happens(data):
    rows = [row[:] for row in PROJECTS]
    rows[2][1] = "**n/a**"
    before = versions.current_id(data)
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    at = upload_table(at, "du-an.xlsx", workbook(rows), **YEARS_BY_PLACE)
    assert not at.exception, at.exception
    (error,) = at.error
    assert "sheet FDI, cell B3 (row 3, column B)" in error.value
    assert "\\*\\*n/a\\*\\*" in error.value  # the cell's text is not rendered as Markdown
    assert not at.data_editor and versions.current_id(data) == before


def test_a_table_without_its_layout_asks_for_it(data):
    at = sign_in(app_at(PAGE), "ana", PASSWORD)
    at = upload_table(at, "du-an.csv", "Năm,Lạng Sơn\n2011,3\n".encode())
    assert messages(at) == [i18n.t("table.no_layout", "en")]
    assert not at.data_editor
