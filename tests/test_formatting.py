"""Figures as readers expect them, never rounded away."""

import datetime as dt

import pytest

from foreign_ties import formatting

D = dt.date


@pytest.mark.parametrize(
    "value,unit,qualifier,expected",
    [
        (186_600_000, "USD", "exact", "US$186.6 million"),
        (18_046_751, "USD", "exact", "US$18,046,751"),
        (51_990_563_000, "USD", "exact", "US$51,990.563 million"),
        (74_000_000_000, "USD", "approx", "about US$74 billion"),
        (354_700_000_000, "USD", "exact", "US$354.7 billion"),
        (7_400_000_000_000, "VND", "exact", "VND 7,400 billion"),
        (20, "count", "approx", "about 20"),
        (40, "count", "more_than", "over 40"),
        (12_500, "people", "exact", "12,500"),
        (8.8, "percent", "exact", "8.8%"),
        (231.74, "km", "exact", "231.74 km"),
        (23787.3191666667, "count", "exact", "23,787.3191666667"),
    ],
)
def test_value_text_english(value, unit, qualifier, expected):
    assert formatting.value_text(value, unit, qualifier, lang="en") == expected


@pytest.mark.parametrize(
    "start,end,kind,expected",
    [
        (D(2023, 1, 1), D(2023, 12, 31), "flow", "2023"),
        (D(2021, 1, 1), D(2023, 12, 31), "flow", "2021–2023"),
        (D(2022, 1, 1), D(2022, 3, 31), "flow", "Q1 2022"),
        (D(2024, 1, 1), D(2024, 10, 31), "flow", "Jan–Oct 2024"),
        (D(2023, 1, 1), D(2023, 1, 31), "flow", "Jan 2023"),
        (D(2024, 11, 6), D(2024, 11, 6), "stock", "as of 6 Nov 2024"),
        (D(2021, 12, 1), D(2021, 12, 15), "flow", "1 Dec 2021 – 15 Dec 2021"),
    ],
)
def test_period_text_english(start, end, kind, expected):
    assert formatting.period_text(start, end, kind, lang="en") == expected


def test_part_years_are_recognised():
    assert formatting.is_part_year(D(2024, 1, 1), D(2024, 10, 31), "flow")
    assert not formatting.is_part_year(D(2023, 1, 1), D(2023, 12, 31), "flow")
    assert not formatting.is_part_year(D(2021, 1, 1), D(2023, 12, 31), "flow")
    assert not formatting.is_part_year(D(2024, 11, 6), D(2024, 11, 6), "stock")


@pytest.mark.parametrize(
    "value,expected",
    [
        (1234.5, "1.234,5"),
        (18_046_751, "18.046.751"),
        (0.00721, "0,00721"),
        (-11, "-11"),
        (23787.3191666667, "23.787,3191666667"),
    ],
)
def test_numbers_vietnamese_use_a_decimal_comma_and_thousands_dots(value, expected):
    assert formatting.number(value, "vi") == expected
    assert formatting.number(value, "en") == expected.replace(".", "_").replace(",", ".").replace(
        "_", ","
    )


@pytest.mark.parametrize(
    "value,unit,qualifier,expected",
    [
        (186_600_000, "USD", "exact", "186,6 triệu USD"),
        (18_046_751, "USD", "exact", "18.046.751 USD"),
        (51_990_563_000, "USD", "exact", "51.990,563 triệu USD"),
        (74_000_000_000, "USD", "approx", "khoảng 74 tỷ USD"),
        (7_400_000_000_000, "VND", "exact", "7.400 tỷ đồng"),
        (478_800_000_000, "VND", "exact", "478,8 tỷ đồng"),
        (20, "count", "approx", "khoảng 20"),
        (40, "count", "more_than", "hơn 40"),
        (12_500, "people", "exact", "12.500"),
        (8.8, "percent", "exact", "8,8%"),
        (231.74, "km", "exact", "231,74 km"),
    ],
)
def test_value_text_vietnamese(value, unit, qualifier, expected):
    assert formatting.value_text(value, unit, qualifier, lang="vi") == expected


def test_percent_follows_the_locale():
    assert formatting.percent(0.00721, "vi") == "0,00721%"
    assert formatting.percent(0.00721, "en") == "0.00721%"
    assert formatting.percent(62.6, "vi") == "62,6%"


def test_dates_vietnamese_are_day_month_year():
    assert formatting.date_text(D(2024, 11, 6), "vi") == "6/11/2024"
    assert formatting.date_text(D(2025, 7, 1), "vi") == "1/7/2025"  # one style, no leading 0
    assert formatting.date_text(D(2024, 11, 6), "en") == "6 Nov 2024"


@pytest.mark.parametrize(
    "start,end,kind,expected",
    [
        (D(2023, 1, 1), D(2023, 12, 31), "flow", "2023"),
        (D(2021, 1, 1), D(2023, 12, 31), "flow", "2021–2023"),
        (D(2022, 1, 1), D(2022, 3, 31), "flow", "quý I/2022"),
        (D(2024, 1, 1), D(2024, 10, 31), "flow", "10 tháng đầu năm 2024"),
        (D(2023, 1, 1), D(2023, 1, 31), "flow", "tháng 1/2023"),
        (D(2024, 4, 1), D(2024, 9, 30), "flow", "tháng 4–9/2024"),
        (D(2025, 1, 1), D(2025, 11, 27), "flow", "từ đầu năm đến ngày 27/11/2025"),
        (D(2021, 1, 1), D(2024, 6, 30), "flow", "từ 1/1/2021 đến 30/6/2024"),
        (D(2024, 11, 6), D(2024, 11, 6), "stock", "tính đến ngày 6/11/2024"),
        (D(2021, 12, 1), D(2021, 12, 15), "flow", "từ 1/12/2021 đến 15/12/2021"),
    ],
)
def test_period_text_vietnamese(start, end, kind, expected):
    assert formatting.period_text(start, end, kind, lang="vi") == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "lang", "expected"),
    [
        (-12.2, "exact", "vi", "giảm 12,2%"),
        (8.8, "exact", "vi", "tăng 8,8%"),
        (-4.6, "exact", "en", "down 4.6%"),
        (15, "more_than", "en", "up over 15%"),
        (15, "more_than", "vi", "tăng hơn 15%"),
    ],
)
def test_a_change_is_written_as_reports_write_it(value, qualifier, lang, expected):
    assert formatting.value_text(value, "percent", qualifier, lang, change=True) == expected
    assert formatting.is_change("exports_national_yoy")
