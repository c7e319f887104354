"""Extraction of candidate figures, on real sentences from data/documents (both languages)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys

import pytest

from foreign_ties import extract_indicators, paths
from foreign_ties.extract import COLUMNS, extract
from foreign_ties.extract_figures import detect_language, figures, sentences
from foreign_ties.extract_periods import period_mentions

D = dt.date


JUNE_2024 = D(2024, 6, 1)


def one(text, published=JUNE_2024, **kw):
    found = extract(text, published, **kw)
    assert len(found) == 1, [c.value_as_written for c in found]
    return found[0]


def written(text, language=None):
    return [f.written for f in figures(text, language or detect_language(text))]


# --- figures, units and scales -----------------------------------------------------------

MONEY = [
    ("hit US$46.36 billion in the first nine months of 2024", "US$46.36 billion", 46.36e9, "USD"),
    ("attracting VNĐ10 trillion (US$400 million) in non-budget", "VNĐ10 trillion", 1e13, "VND"),
    (
        "a total investment of over VND 18,600 billion (approximately",
        "VND 18,600 billion",
        1.86e13,
        "VND",
    ),
    (
        "giá trị hàng hóa xuất khẩu trong quý I/2022 của tỉnh ước đạt 37,22 triệu USD",
        "37,22 triệu USD",
        37.22e6,
        "USD",
    ),
    (
        "đạt 51.990,563 triệu USD, tăng 81,84% so với cùng kỳ.",
        "51.990,563 triệu USD",
        51_990_563_000,
        "USD",
    ),
    # iphub.vn/lang-son/ (VSIP Lang Son)
    (
        "nhà đầu tư dự án với tổng vốn đầu tư hơn 6.361 tỷ đồng, tương đương xấp xỉ 275 triệu USD.",
        "6.361 tỷ đồng",
        6.361e12,
        "VND",
    ),
    ("GRDP (2022): 34,3 nghìn tỉ đồng (1,49 tỉ USD)", "34,3 nghìn tỉ đồng", 3.43e13, "VND"),
    ("diện tích tự nhiên là 13.795,50 km2, quy mô dân số", "13.795,50 km2", 13795.5, "km2"),
    ("quy mô dân số là 1.865.270 người.", "1.865.270 người", 1_865_270, "people"),
]


@pytest.mark.parametrize(("text", "as_written", "value", "unit"), MONEY)
def test_money_and_measures_in_base_units(text, as_written, value, unit):
    found = [c for c in extract(text, D(2025, 6, 30)) if c.value_as_written == as_written]
    assert len(found) == 1
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit


def test_counts_in_digits_and_words_both_languages():
    c = one("Trong 3 năm qua, các địa phương đã ký 422 thỏa thuận hợp tác với các đối tác quốc tế.")
    assert (c.value, c.unit, c.indicator_id) == (422, "count", "intl_agreements_signed")
    c = one(
        "Thirty-one foreign nongovernmental organizations (NGOs) have funded projects in Son La."
    )
    assert (c.value, c.unit, c.indicator_id) == (31, "count", "foreign_ngos_funding")
    c = one("Tỉnh đã đón bốn đoàn nước ngoài.")
    assert (c.value, c.value_as_written) == (4, "bốn")
    # "ba năm" is a duration and "năm 2023" a year: neither is a count
    assert written("Trong ba năm qua, năm 2023 có 12 dự án.", "vi") == ["12"]


def test_years_dates_ordinals_documents_and_numbering_are_not_figures():
    text = (
        "8:27:25 AM | 12/3/2023. The 13th National Party Congress and Resolution 34-NQ/TW of "
        "2021 set the 2021 - 2025 plan; Decree 80/2020 applies since January 9, 2023."
    )
    assert written(text, "en") == []
    assert written("Nghị quyết 202/2025/QH15 có hiệu lực từ ngày 1/7/2025, lần thứ 21.", "vi") == []
    assert written("1. Tăng cường hợp tác", "vi") == []
    assert written("dịch bệnh Covid-19 kéo dài 10 tháng", "vi") == []


def test_percent_is_a_unit_and_a_fall_is_negative():
    found = extract(
        "...disbursed capital hit a record high at $27.62 billion, up 9 per cent "
        "from the previous year.",
        D(2026, 1, 15),
    )
    assert [(c.value, c.unit) for c in found] == [(27.62e9, "USD"), (9, "percent")]
    assert found[1].indicator_id == "fdi_disbursed_annual_yoy"
    c = [
        c
        for c in extract("Xuất khẩu giảm 4,6% so với cùng kỳ.", D(2024, 1, 1))
        if c.unit == "percent"
    ]
    assert c[0].value == -4.6


# --- qualifiers --------------------------------------------------------------------------

QUALIFIERS = [
    (
        (
            "The province has established economic and trade relations with partners from "
            "nearly 20 countries and territories."
        ),
        "approx",
    ),
    (
        (
            "10 tháng qua, tổng kim ngạch hàng hóa xuất nhập khẩu qua các cửa khẩu tỉnh Lạng "
            "Sơn đạt gần 74 tỷ USD."
        ),
        "approx",
    ),
    (
        (
            "It has established more than 40 international cooperation documents of "
            "provincial agencies."
        ),
        "more_than",
    ),
    ("Giá trị xuất khẩu nông sản đạt hơn 150 triệu USD.", "more_than"),
    ("giá trị hàng hóa nông sản tươi đạt trên 24 triệu USD.", "more_than"),
    (
        "participating in approximately 35 meetings and working sessions with foreign partners.",
        "approx",
    ),
    ("Kim ngạch đạt khoảng 2.000 triệu USD.", "approx"),
    ("Xuất khẩu hàng hóa địa phương đạt 156 triệu USD.", "exact"),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIERS)
def test_qualifier_read_from_the_words_before(text, qualifier):
    assert one(text).qualifier == qualifier


# --- periods -----------------------------------------------------------------------------

PERIODS = [
    (
        "In 2023, the value of exported goods was US$186.6 million.",
        D(2024, 11, 6),
        D(2023, 1, 1),
        D(2023, 12, 31),
    ),
    (
        "Exports reached US$3 billion in the first ten months of 2026.",
        D(2026, 11, 5),
        D(2026, 1, 1),
        D(2026, 10, 31),
    ),
    (
        "Năm 2023, kim ngạch xuất khẩu đạt 186 triệu USD.",
        D(2024, 1, 5),
        D(2023, 1, 1),
        D(2023, 12, 31),
    ),
    (
        "Kim ngạch xuất khẩu 10 tháng đầu năm 2026 đạt 150 triệu USD.",
        D(2026, 11, 5),
        D(2026, 1, 1),
        D(2026, 10, 31),
    ),
    (
        "Giai đoạn 2021–2025, tỉnh thu hút 12 dự án FDI mới.",
        D(2026, 1, 5),
        D(2021, 1, 1),
        D(2025, 12, 31),
    ),
    (
        "giá trị hàng hóa xuất khẩu trong quý I/2022 của tỉnh ước đạt 37,22 triệu USD",
        D(2022, 4, 3),
        D(2022, 1, 1),
        D(2022, 3, 31),
    ),
    # a stock: the as-of date
    (
        "Accumulated to December 31, 2024, the whole country has 42,002 valid projects.",
        D(2025, 1, 14),
        D(2024, 12, 31),
        D(2024, 12, 31),
    ),
    (
        "Tính đến ngày 31/12/2025, tỉnh có 8 dự án FDI còn hiệu lực.",
        D(2026, 1, 10),
        D(2025, 12, 31),
        D(2025, 12, 31),
    ),
    (
        "To date, Son La has exported and introduced 17 agricultural products.",
        D(2024, 11, 6),
        D(2024, 11, 6),
        D(2024, 11, 6),
    ),
    # the period that follows a figure in a list governs it
    (
        "Disbursed FDI stood at $25.35 billion last year, $23.18 billion in 2023.",
        D(2025, 1, 20),
        D(2023, 1, 1),
        D(2023, 12, 31),
    ),
]


@pytest.mark.parametrize(("text", "published", "start", "end"), PERIODS)
def test_period(text, published, start, end):
    last = extract(text, published)[-1]
    assert (last.period_start, last.period_end) == (start, end)


def test_a_comparison_year_is_not_the_period():
    mentions = period_mentions("tăng 9,9% so với năm 2022, compared with 2021", D(2024, 2, 6))
    assert mentions == []
    c = extract(
        "Tổng kim ngạch tăng mạnh so với năm 2022, đạt 51.990,563 triệu USD.", D(2024, 2, 6)
    )[0]
    assert (c.period_start, c.period_end) == (D(2023, 1, 1), D(2023, 12, 31))
    assert "2022" in c.period_note


# --- status, place -----------------------------------------------------------------------

STATUS = [
    (
        (
            "According to the Son La Department of Industry and Trade, Son La aims to achieve "
            "an agricultural export turnover of 35.2 million USD in 2025."
        ),
        "target",
    ),
    (
        (
            "Năm 2022, tỉnh Sơn La phấn đấu giá trị hàng hóa nông sản tham gia xuất khẩu đạt "
            "162,5 triệu USD."
        ),
        "target",
    ),
    ("Chỉ tiêu năm 2025 là 400 triệu USD vốn ngoài ngân sách.", "target"),
    ("Kế hoạch năm 2024 thu hút 20 dự án.", "target"),
    ("The province's target is US$400 million in non-budget investment.", "target"),
    ("By the end of 2025, the province will have 8 FDI projects.", "projection"),
    ("Dự kiến năm 2025 kim ngạch đạt 5 tỷ USD.", "projection"),
    # "đạt 101,3% kế hoạch": the plan is named after the figure: a result
    (
        "Xuất khẩu hàng hóa địa phương đạt 156 triệu USD, đạt 101,3% kế hoạch, tăng 9,9%.",
        "reported",
    ),
]


@pytest.mark.parametrize(("text", "status"), STATUS)
def test_status(text, status):
    assert extract(text, D(2025, 2, 1))[-1].status == status


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Lang Son province's total import and export turnover hit US$46.36 billion.", "lang-son"),
        ("Tổng kim ngạch qua các cửa khẩu tỉnh Lạng Sơn đạt 74 tỷ USD.", "lang-son"),
        ("Tinh Tuyen Quang thu hut 24 du an.", "tuyen-quang"),
        ("Tỉnh Hà Giang hiện có dân số 944.083 người.", "ha-giang"),
        ("the whole country has 42,002 valid projects", "vietnam"),
    ],
)
def test_place_with_or_without_diacritics(text, place):
    assert extract(text, D(2025, 1, 1))[-1].province_id == place


def test_place_default_and_carried_over():
    text = "Sơn La có 12 dự án FDI. Tổng vốn đăng ký đạt 161 triệu USD."
    assert [c.province_id for c in extract(text, D(2025, 1, 1))] == ["son-la", "son-la"]
    assert one("Tỉnh có 12 dự án FDI.", place="lang-son").province_id == "lang-son"


def test_sentences_keep_decimals_and_abbreviations():
    text = "Exports hit US$46.36 billion. U.S. firms invested $2 billion.\nNăm 2023 đạt 1,2 tỷ USD."
    assert [s for _, s in sentences(text)] == [
        "Exports hit US$46.36 billion.",
        "U.S. firms invested $2 billion.",
        "Năm 2023 đạt 1,2 tỷ USD.",
    ]


def test_each_candidate_keeps_its_exact_sentence_and_offset():
    text = "Trong đó, xuất khẩu 2.750 triệu USD. Nhập khẩu đạt 2.225 triệu USD."
    for c in extract(text, D(2024, 2, 6)):
        assert c.quote in text
        assert text[c.offset : c.offset + len(c.value_as_written)] == c.value_as_written


# --- keywords data -----------------------------------------------------------------------


def test_keywords_name_known_indicators_and_both_languages():
    rows = extract_indicators.keywords()
    languages = {lang for _, lang, _ in rows}
    assert languages == {"en", "vi"}
    named = {i for i, _, _ in rows} - {extract_indicators.UNLISTED}
    assert named <= set(extract_indicators.indicators())
    # measures outside the catalogue ("capital adjustment") are listed apart, both languages
    unlisted = {lang for i, lang, _ in rows if i == extract_indicators.UNLISTED}
    assert unlisted == {"en", "vi"}
    pairs = extract_indicators.pairs()
    assert pairs["investment_approvals_projects"] == "investment_approvals_capital"
    assert pairs["investment_approvals_capital"] == "investment_approvals_projects"
    assert extract_indicators.stock_flow()["fdi_projects"] == "fdi_new_projects_annual"
    # the keywords file is not a slice of the curated indicators table
    assert not list((paths.CURATED_DIR / "indicators").glob("*keyword*"))


# --- command line ------------------------------------------------------------------------


def test_cli_prints_contract_columns(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(
        "10 tháng qua, tổng kim ngạch hàng hóa xuất nhập khẩu qua các cửa khẩu tỉnh Lạng Sơn "
        "đạt gần 74 tỷ USD, tăng hơn 44% so với cùng kỳ năm ngoái.",
        encoding="utf-8",
    )
    out = subprocess.run(
        [sys.executable, "-m", "foreign_ties.extract", str(path), "--published", "2025-11-04"],
        capture_output=True,
        text=True,
        check=True,
        cwd=paths.ROOT,
    ).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == COLUMNS
    for column in (
        "value",
        "unit",
        "qualifier",
        "period_start",
        "period_end",
        "province_id",
        "indicator_id",
        "status",
        "quote",
    ):
        assert column in COLUMNS
    first = rows[0]
    assert (first["value"], first["unit"], first["qualifier"]) == ("74000000000", "USD", "approx")
    assert (first["period_start"], first["period_end"]) == ("2025-01-01", "2025-10-31")
    assert (first["province_id"], first["indicator_id"], first["status"]) == (
        "lang-son",
        "border_trade_all_types",
        "reported",
    )
    assert rows[1]["value"] == "44" and rows[1]["qualifier"] == "more_than"


def test_cli_refuses_unknown_place_and_missing_file(tmp_path):
    run = [sys.executable, "-m", "foreign_ties.extract"]
    bad = subprocess.run(
        run + [str(tmp_path / "none.txt"), "--published", "2025-01-01"],
        capture_output=True,
        text=True,
        cwd=paths.ROOT,
    )
    assert bad.returncode == 1 and "no such file" in bad.stderr
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    bad = subprocess.run(
        run + [str(tmp_path / "a.txt"), "--published", "2025-01-01", "--place", "atlantis"],
        capture_output=True,
        text=True,
        cwd=paths.ROOT,
    )
    assert bad.returncode == 2 and "unknown place" in bad.stderr


# --- a figure read with the others of its sentence ---------------------------------------


def test_amount_in_brackets_and_capital_of_counted_projects_share_the_measure():
    text = (
        "During the event, 14 projects received investment policies and registration "
        "certificates, representing a total investment of over VND 18,600 billion "
        "(approximately USD 775 million)."
    )
    found = extract(text, D(2024, 4, 22), place="lang-son")
    assert [(c.value_as_written, c.qualifier, c.indicator_id) for c in found] == [
        ("14", "exact", "investment_approvals_projects"),
        ("VND 18,600 billion", "more_than", "investment_approvals_capital"),
        ("USD 775 million", "approx", "investment_approvals_capital"),
    ]


def test_growth_in_number_and_in_value_and_a_fall():
    text = (
        "Newly registered capital: There were 3,375 projects worth 19.7 billion USD, were "
        "granted licenses, up 1.8% in number and down 7.6% in value year-on-year."
    )
    found = {c.value_as_written: c for c in extract(text, D(2025, 1, 14), place="vietnam")}
    assert found["1.8%"].indicator_id == "fdi_new_projects_annual_yoy"
    assert (found["7.6%"].value, found["7.6%"].indicator_id) == (-7.6, "fdi_new_capital_annual_yoy")


def test_ranges_to_the_present_and_between_two_periods():
    c = extract(
        "Từ năm 2021 đến hết quý I/2024, tỉnh đã cử 62 đoàn với 510 lượt cán bộ đi công tác.",
        D(2024, 4, 3),
    )
    assert [(x.value, x.unit, x.period_start, x.period_end) for x in c] == [
        (62, "count", D(2021, 1, 1), D(2024, 3, 31)),
        (510, "people", D(2021, 1, 1), D(2024, 3, 31)),
    ]
    c = one("From 2020 to present, the department sent 173 delegations abroad.", D(2025, 6, 30))
    assert (c.period_start, c.period_end, c.indicator_id) == (
        D(2020, 1, 1),
        D(2025, 6, 30),
        "delegations_outbound",
    )


def test_place_names_keep_their_accents_apart():
    # "Lạng Sơn là tỉnh ..." ("Lang Son is a province") does not name Son La
    text = "Lạng Sơn là tỉnh miền núi, cách thủ đô Hà Nội 154 km đường bộ."
    assert one(text).province_id == "lang-son"


def test_no_period_in_the_text_is_said():
    c = one("The province has 20 projects from foreign investors.", D(2024, 6, 30))
    assert (c.period_start, c.period_end) == (D(2024, 6, 30), D(2024, 6, 30))
    assert "publication date" in c.period_note


# --- reading files -----------------------------------------------------------------------


def test_read_refuses_empty_binary_and_other_archives():
    from foreign_ties.extract_read import ReadError, read_bytes, sniff

    assert read_bytes("Năm 2023 đạt 1,2 tỷ USD.".encode()) == "Năm 2023 đạt 1,2 tỷ USD."
    assert sniff(b"%PDF-1.7 ...") == "pdf"
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>") == "html"
    for data, message in (
        (b"   \n", "empty"),
        (b"\x00\x01\x02binary", "binary"),
        (b"PK\x03\x04" + b"\x00" * 40, "not a Word document"),
        (b"v\xe3n b\xe1n", "not UTF-8"),
    ):
        with pytest.raises(ReadError, match=message):
            read_bytes(data)


def test_keywords_naming_an_unknown_indicator_are_refused(tmp_path, monkeypatch):
    bad = tmp_path / "indicator_keywords.csv"
    bad.write_text("indicator_id,language,keyword\nno_such_measure,en,exports\n", encoding="utf-8")
    monkeypatch.setattr(extract_indicators, "KEYWORDS_CSV", bad)
    extract_indicators.keywords.cache_clear()
    try:
        with pytest.raises(ValueError, match="no_such_measure"):
            extract_indicators.keywords()
    finally:
        extract_indicators.keywords.cache_clear()
