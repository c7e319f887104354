"""Statistics tables (.csv, .xlsx): the reader, the pandera checks of the value area and every
refusal, each naming the file, sheet and cell; fixture workbooks are built here in tmp_path
with openpyxl (test data only, never in data/curated)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest

from foreign_ties import add_table, i18n, table_read
from foreign_ties.table_figures import Layout, figures
from foreign_ties.table_read import TableError, kind_of, read_table

PUBLISHED = dt.date(2024, 3, 1)
MILLION_USD = Layout("place", "year", "fdi_registered_annual", "USD", 10**6, "triệu USD")


def workbook(rows: list[list], title: str = "FDI", **extra_sheets: dict) -> bytes:
    """An .xlsx of `rows` (from A1) on sheet `title`; extra sheets {name: {"A1": v, ...}}
    with "_state" set to hidden or veryHidden."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for name, cells in extra_sheets.items():
        other = book.create_sheet(name)
        other.sheet_state = cells.pop("_state", "visible")
        for ref, value in cells.items():
            other[ref] = value
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


FDI = [
    ["Vốn FDI đăng ký mới theo tỉnh"],
    ["Đơn vị: triệu USD"],
    ["Tỉnh", 2021, "Năm 2022", "Ước 2023"],
    ["Sơn La", 12.5, 30, "1.234,5"],
    ["Lào Cai", 1, 2, 3],
    ["Lạng Sơn", 7, None, 9],
    ["Nguồn: Cục Thống kê"],
]


def refusal(data: bytes, name: str = "fdi.xlsx", layout: Layout = MILLION_USD) -> TableError:
    with pytest.raises(TableError) as caught:
        sheets = read_table(data, name)
        result = figures(sheets, layout, name, "vi", PUBLISHED, "son-la")
        if result.problems:
            raise result.problems[0]
    return caught.value


def test_a_workbook_gives_one_candidate_per_value_cell_of_a_known_place():
    sheets = read_table(workbook(FDI), "fdi.xlsx")
    result = figures(sheets, MILLION_USD, "fdi.xlsx", "vi", PUBLISHED, "son-la")
    assert result.problems == [] and result.left_out == ["Lào Cai"]
    got = [
        (c.province_id, c.period_start.year, c.value, c.value_as_written, c.cell)
        for c in result.candidates
    ]
    assert got == [
        ("son-la", 2021, 12_500_000, "12,5 triệu USD", "FDI!B4 (row 'Sơn La', column '2021')"),
        ("son-la", 2022, 30_000_000, "30 triệu USD", "FDI!C4 (row 'Sơn La', column 'Năm 2022')"),
        (
            "son-la",
            2023,
            1_234_500_000,
            "1.234,5 triệu USD",
            "FDI!D4 (row 'Sơn La', column 'Ước 2023')",
        ),
        ("lang-son", 2021, 7_000_000, "7 triệu USD", "FDI!B6 (row 'Lạng Sơn', column '2021')"),
        ("lang-son", 2023, 9_000_000, "9 triệu USD", "FDI!D6 (row 'Lạng Sơn', column 'Ước 2023')"),
    ]
    first = result.candidates[0]
    assert first.quote == "FDI!B4 | Sơn La | 2021 | 12,5 triệu USD"
    assert all(c.quote in result.document for c in result.candidates)
    assert "FDI!A2: Đơn vị: triệu USD" in result.document  # every cell, as published
    assert {c.unit for c in result.candidates} == {"USD"}
    assert {(c.period_start.month, c.period_end.month) for c in result.candidates} == {(1, 12)}


def test_a_csv_table_with_years_down_the_side_and_places_across():
    data = "Năm;Sơn La;Lạng Sơn\n2020;34;12\n2021;40;\n".encode()
    layout = Layout("year", "place", "fdi_new_projects_annual")
    sheets = read_table(data, "du-an.csv")
    result = figures(sheets, layout, "du-an.csv", "vi", PUBLISHED, "son-la")
    assert [(c.province_id, c.period_end, c.value, c.quote) for c in result.candidates] == [
        ("son-la", dt.date(2020, 12, 31), 34, "du-an!B2 | 2020 | Sơn La | 34"),
        ("lang-son", dt.date(2020, 12, 31), 12, "du-an!C2 | 2020 | Lạng Sơn | 12"),
        ("son-la", dt.date(2021, 12, 31), 40, "du-an!B3 | 2021 | Sơn La | 40"),
    ]


def test_the_type_is_read_from_the_content_and_a_csv_from_its_name():
    assert kind_of(workbook(FDI), "anything.bin") == "xlsx"
    assert kind_of(b"a,b\n1,2\n", "t.csv") == "csv"
    assert kind_of(b"a,b\n1,2\n", "report.txt") is None  # prose has commas too
    assert kind_of(b"%PDF-1.4", "report.pdf") is None
    assert refusal(b"not a workbook", "fake.xlsx").kind == "not_table"


def test_a_formula_is_refused_at_its_cell():
    rows = [row[:] for row in FDI]
    rows[4][2] = "=B5*2"
    error = refusal(workbook(rows))
    assert error.kind == "formula"
    assert error.where == {"file": "fdi.xlsx", "sheet": "FDI", "cell": "C5"}


def test_a_hidden_sheet_with_data_is_refused_an_empty_one_is_not():
    hidden = workbook(FDI, Notes={"_state": "hidden", "B2": 5})
    error = refusal(hidden)
    assert (error.kind, error.where["sheet"], error.where["cell"]) == (
        "hidden_sheet",
        "Notes",
        "B2",
    )
    assert refusal(workbook(FDI, Secret={"_state": "veryHidden", "A1": "x"})).kind == "hidden_sheet"
    empty = read_table(workbook(FDI, Spare={"_state": "hidden"}), "fdi.xlsx")
    assert [s.name for s in empty] == ["FDI"]


def _with_hidden(rows: list[int] = (), columns: list[str] = ()) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(workbook(FDI)))
    sheet = book["FDI"]
    for row in rows:
        sheet.row_dimensions[row].hidden = True
    for column in columns:
        sheet.column_dimensions[column].hidden = True
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_data_in_a_hidden_row_or_column_is_refused_naming_the_cell(lang):
    """A figure nobody sees in Excel must not be published: the message names the cell."""
    row = refusal(_with_hidden(rows=[5]))  # Lào Cai's row
    assert (row.kind, row.where) == (
        "hidden_cells",
        {"file": "fdi.xlsx", "sheet": "FDI", "cell": "A5"},
    )
    column = refusal(_with_hidden(columns=["C"]))  # 2022
    assert (column.kind, column.where["cell"]) == ("hidden_cells", "C3")
    i18n.set_language(lang)
    try:
        message = add_table.message(column)
    finally:
        i18n.set_language("en")
    assert message == i18n.t(
        "table.refused.hidden_cells", lang, file="fdi.xlsx", sheet="FDI", cell="C3"
    )
    assert "C3" in message and "FDI" in message and "fdi.xlsx" in message
    assert read_table(_with_hidden(rows=[20]), "fdi.xlsx")  # a hidden empty row is harmless


def test_a_zip_bomb_is_refused_before_the_workbook_is_opened(monkeypatch):
    stream = io.BytesIO(workbook(FDI))
    with zipfile.ZipFile(stream, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/bomb.xml", b"\0" * (8 * 1024 * 1024))  # ~8 kB packed: ratio ~1000
    bomb = stream.getvalue()
    assert len(bomb) < 100_000

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened a zip bomb")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    error = refusal(bomb)
    assert error.kind == "zip_bomb" and "xl/bomb.xml" in str(error)


def test_too_many_parts_or_too_much_unpacked_is_a_zip_bomb(monkeypatch):
    monkeypatch.setattr(table_read, "MAX_UNZIPPED_BYTES", 1000)
    assert refusal(workbook(FDI)).kind == "zip_bomb"


def test_a_file_over_the_limit_is_refused_unread(monkeypatch, tmp_path):
    monkeypatch.setattr(table_read, "MAX_BYTES", 1000)
    assert refusal(workbook(FDI)).kind == "too_large"
    big = tmp_path / "big.csv"
    big.write_bytes(b"a,b\n" + b"1,2\n" * 400)
    with pytest.raises(TableError, match="larger than"):
        table_read.read_path(big)


@pytest.mark.parametrize(
    ("data", "found"),
    [
        ("Năm,Sơn La\n2022,5\n".encode("cp1258"), "cp1258"),
        ("Tỉnh,2022\nSơn La,5\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_a_csv_not_in_utf8_is_refused_with_what_it_looks_like(data, found):
    error = refusal(data, "bang.csv")
    assert error.kind == "encoding" and error.where["file"] == "bang.csv"
    assert error.where["row"] == "1"
    assert error.where["found"] and (found == "UTF-16") == (error.where["found"] == "UTF-16")


def test_old_and_protected_workbooks_and_empty_files_are_refused():
    assert refusal(table_read.OLE_MAGIC + b"\0" * 600, "old.xls").kind == "encrypted"
    assert refusal(b"  \n", "empty.csv").kind == "empty"
    assert refusal(workbook([])).kind == "empty"


def test_cells_that_are_not_numbers_are_each_named_by_row_and_column():
    rows = [row[:] for row in FDI]
    rows[3][2] = "n/a"
    rows[5][3] = "12%"
    sheets = read_table(workbook(rows), "fdi.xlsx")
    result = figures(sheets, MILLION_USD, "fdi.xlsx", "vi", PUBLISHED, "son-la")
    assert result.candidates == []
    assert [
        (p.kind, p.where["cell"], p.where["row"], p.where["column"], p.where["text"])
        for p in result.problems
    ] == [
        ("not_number", "C4", "4", "C", "n/a"),
        ("not_number", "D6", "6", "D", "12%"),
    ]
    text = add_table.message(result.problems[0])
    assert text == i18n.t(
        "table.refused.not_number",
        "en",
        file="fdi.xlsx",
        sheet="FDI",
        cell="C4",
        row="4",
        column="C",
        text="n/a",
    )
    assert "hàng 4, cột C" in i18n.t("table.refused.not_number", "vi", **result.problems[0].where)


def test_labels_a_year_axis_must_name_a_year_and_values_need_labels():
    rows = [["Tỉnh", "2021", "Tổng"], ["Sơn La", 1, 2], [None, 3, 4]]
    sheets = read_table(workbook(rows), "fdi.xlsx")
    result = figures(
        sheets, Layout("place", "year", "fdi_projects"), "f.xlsx", "vi", PUBLISHED, "son-la"
    )
    assert [(p.kind, p.where["cell"]) for p in result.problems] == [
        ("column_year", "C2"),
        ("no_row_label", "B3"),
        ("column_year", "C3"),
        ("no_row_label", "C3"),
    ]


@pytest.mark.parametrize(
    ("layout", "kind"),
    [
        (
            Layout("place", "year", "fdi_registered_annual", "USD", 10**6, "tỷ USD"),
            "unit_words_absent",
        ),
        (Layout("place", "year", "fdi_registered_annual", "USD", 10**9, "triệu USD"), "unit_words"),
        (Layout("place", "year", "fdi_registered_annual", "USD", 1, ""), "unit_words"),
        (Layout("place", "place", "fdi_projects"), "layout"),
        (Layout("place", "measure", None), "no_year_given"),
        (Layout("place", "year", None), "no_indicator"),
    ],
)
def test_a_layout_that_does_not_fit_the_table_is_refused(layout, kind):
    assert refusal(workbook(FDI), layout=layout).kind == kind


def test_every_refusal_has_a_message_in_both_languages():
    for kind in table_read.REFUSAL_KINDS:
        for lang in i18n.LANGUAGES:
            assert f"table.refused.{kind}" in i18n.catalog(lang), (kind, lang)


def test_a_percentage_cell_is_read_as_shown_not_as_stored():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tỷ lệ"
    sheet.append(["Tỉnh", 2022, 2023])
    sheet.append(["Sơn La", 0.125, 0.07])
    for ref in ("B2", "C2"):
        sheet[ref].number_format = "0.0%"
    stream = io.BytesIO()
    book.save(stream)
    sheets = read_table(stream.getvalue(), "ty-le.xlsx")
    layout = Layout("place", "year", "fdi_registered_annual_yoy", "percent", 1, "%")
    result = figures(sheets, layout, "ty-le.xlsx", "vi", PUBLISHED, "son-la")
    assert [(c.value, c.value_as_written, c.quote) for c in result.candidates] == [
        (12.5, "12,5%", "Tỷ lệ!B2 | Sơn La | 2022 | 12,5%"),
        (7.0, "7%", "Tỷ lệ!C2 | Sơn La | 2023 | 7%"),
    ]


def test_a_numbering_column_is_not_the_labels_and_measures_take_their_own_unit():
    rows = [
        ["Chỉ tiêu FDI năm 2023 theo tỉnh"],
        ["STT", "Tỉnh", "Số dự án cấp mới", "Vốn đăng ký cấp mới (triệu USD)"],
        [1, "Sơn La", 4, "12,5"],
        [2, "Lạng Sơn", 6, 30],
    ]
    layout = Layout("place", "measure", None, "USD", 10**6, "triệu USD", year=2023)
    sheets = read_table(workbook(rows), "fdi-2023.xlsx")
    result = figures(sheets, layout, "fdi-2023.xlsx", "vi", PUBLISHED, "son-la")
    assert result.problems == []
    got = [(c.province_id, c.value, c.unit, c.value_as_written) for c in result.candidates]
    assert got == [
        ("son-la", 4, "count", "4"),
        ("son-la", 12_500_000, "USD", "12,5 triệu USD"),
        ("lang-son", 6, "count", "6"),
        ("lang-son", 30_000_000, "USD", "30 triệu USD"),
    ]
    assert {c.period_start.year for c in result.candidates} == {2023}
    suggested = [c.indicator_id for c in result.candidates]  # from each column's label
    assert suggested == ["fdi_new_projects_annual", "fdi_new_capital_annual"] * 2
