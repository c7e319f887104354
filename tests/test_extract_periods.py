"""Periods read the way a reader reads them, each rule on a real published sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from foreign_ties.extract import extract

D = dt.date


def period(text, published, written=None, place=None):
    found = extract(text, published, place)
    c = next(c for c in found if written is None or c.value_as_written == written)
    return c.period_start, c.period_end


CASES = [
    # "so far this year", "since the beginning of the year", "tính đến cuối tháng 4" (a flow):
    # from 1 January to that day
    (  # en.infographics.vn (VNA), tag "fdi in vietnam"
        "Foreign investors’ capital into Vietnam has totaled 8.55 billion USD so far this "
        "year, 21% less than the same period last year.",
        D(2020, 5, 28),
        "8.55 billion USD",
        (D(2020, 1, 1), D(2020, 5, 28)),
    ),
    (  # news.gov.vn, 27 June 2012
        "Since the beginning of the year, the registered FDI capital reached US$6.4 billion, "
        "down 27.3% against the same period last year.",
        D(2012, 6, 27),
        "US$6.4 billion",
        (D(2012, 1, 1), D(2012, 6, 27)),
    ),
    (  # baothainguyen.vn, April 2022
        "Tính đến cuối tháng 4, tổng giá trị xuất khẩu hàng hóa trên địa bàn tỉnh đạt trên "
        "10,77 tỷ USD, tăng 15,7% so với cùng kỳ năm 2021.",
        D(2022, 4, 30),
        "10,77 tỷ USD",
        (D(2022, 1, 1), D(2022, 4, 30)),
    ),
    (  # vietnamnet.vn, 7 November 2025
        "Theo thống kê sơ bộ từ Cục Hải quan (Bộ Tài chính), tính đến hết tháng 10 năm nay, "
        "kim ngạch xuất khẩu của nước ta đạt 391 tỷ USD.",
        D(2025, 11, 7),
        "391 tỷ USD",
        (D(2025, 1, 1), D(2025, 10, 31)),
    ),
    (  # VNA, Huu Nghi border gate, 2024: "as of the end of October" is the month's last day
        "The value of trade flows through the Huu Nghi international border gate in the "
        "northeastern province of Lang Son surpassed 2.5 billion USD as of the end of "
        "October, up 13% year-on-year.",
        D(2024, 11, 2),
        "2.5 billion USD",
        (D(2024, 1, 1), D(2024, 10, 31)),
    ),
    # "In October 2024" is a month, never "October 20"; "as of November 2016" its last day
    (  # vccinews.com, 28 December 2016
        "As of November 2016, Son La licensed 306 investment projects with a total registered "
        "capital of VND33,415.07 billion, including nine foreign direct investment (FDI) "
        "projects with a registered capital of US$148,080,000 (VND3,113.244 billion).",
        D(2016, 12, 28),
        "US$148,080,000",
        (D(2016, 11, 30), D(2016, 11, 30)),
    ),
    # "the eight-month period", "9 tháng" with no year: the latest that had ended
    (  # xfafinance.com (Xinhua), 28 August 2017
        "In the eight-month period, Vietnam's processing and manufacturing sector received "
        "the largest FDI, with roughly 11.7 billion U.S. dollars.",
        D(2017, 8, 28),
        None,
        (D(2017, 1, 1), D(2017, 8, 31)),
    ),
    (  # xfafinance.com (Xinhua), 28 August 2017, headline: "in 8 months" of this year
        "Vietnam's FDI up 45 pct in 8 months",
        D(2017, 8, 28),
        "45 pct",
        (D(2017, 1, 1), D(2017, 8, 31)),
    ),
    (  # baobariavungtau.com.vn, October 2022
        "Theo báo cáo của Sở Công thương, kim ngạch xuất khẩu trừ dầu thô toàn tỉnh 9 tháng "
        "đạt hơn 4,36 tỷ USD, tăng 11,73% so với cùng kỳ.",
        D(2022, 10, 5),
        "4,36 tỷ USD",
        (D(2022, 1, 1), D(2022, 9, 30)),
    ),
    (  # the same words read in January: the nine months of the year before
        "Theo báo cáo của Sở Công thương, kim ngạch xuất khẩu trừ dầu thô toàn tỉnh 9 tháng "
        "đạt hơn 4,36 tỷ USD, tăng 11,73% so với cùng kỳ.",
        D(2023, 1, 10),
        "4,36 tỷ USD",
        (D(2022, 1, 1), D(2022, 9, 30)),
    ),
    (  # baothainguyen.vn: "tháng 4-2022" is April 2022
        "Chỉ tính riêng trong tháng 4-2022, tổng giá trị xuất khẩu hàng hoá trên địa bàn đạt "
        "trên 2,55 tỷ USD, tăng 28,5% so với cùng kỳ.",
        D(2022, 4, 30),
        "2,55 tỷ USD",
        (D(2022, 4, 1), D(2022, 4, 30)),
    ),
    # "last year" listed before years counting down is the year before the first of them
    (  # vir.com.vn, January 2026
        "Disbursed FDI stood at $25.35 billion last year, $23.18 billion in 2023, $22.4 "
        "billion in 2022, and $19.74 billion in 2021.",
        D(2026, 1, 15),
        "$25.35 billion",
        (D(2024, 1, 1), D(2024, 12, 31)),
    ),
    # "higher than recorded in 2017" is a comparison: the figure is the year after
    (  # baoninhbinh.org.vn, February 2019
        "Accordingly, the country's total import-export value hit a record US$480.17 billion, "
        "over US$52 billion higher than recorded in 2017.",
        D(2019, 2, 15),
        "US$480.17 billion",
        (D(2018, 1, 1), D(2018, 12, 31)),
    ),
    # a result reported in January with no period: the year just ended
    (  # vov.vn, January 2022
        "Giá trị xuất khẩu nông sản đạt hơn 150 triệu USD; trong đó, giá trị hàng hóa nông "
        "sản tươi đạt trên 24 triệu USD, nông sản chế biến 126 triệu USD.",
        D(2022, 1, 15),
        "126 triệu USD",
        (D(2021, 1, 1), D(2021, 12, 31)),
    ),
    # "during the year", "trong năm" with no year: the publication's year
    (  # vietnamnet.vn, December 2019
        "Specifically, a total of 3,883 new projects were licensed during the year, up 27.5 "
        "percent year on year, bringing in 16.75 billion USD of new capital...",
        D(2019, 12, 29),
        "3,883",
        (D(2019, 1, 1), D(2019, 12, 31)),
    ),
    # an event's figures with no date: the day of the event, the publication date
    (  # xe.today, 22 April 2024
        "During the event, 14 projects received investment policies and registration "
        "certificates, representing a total investment of over VND 18,600 billion "
        "(approximately USD 775 million).",
        D(2024, 4, 22),
        "14",
        (D(2024, 4, 22), D(2024, 4, 22)),
    ),
]


@pytest.mark.parametrize(("text", "published", "written", "expected"), CASES)
def test_period_phrases(text, published, written, expected):
    assert period(text, published, written) == expected


def test_same_time_last_year_is_a_comparison_and_a_flow_without_period_has_none():
    # foreignaffairs.co.nz, 29 December 2020: not 2019, and no period is written
    text = (
        "The ministry reported that US$19.98 billion of the capital had been disbursed, down "
        "only 2% compared to the same time last year despite impact of COVID-19 pandemic."
    )
    c = extract(text, D(2020, 12, 29), "vietnam")[0]
    assert (c.period_start, c.period_end, c.period_note) == (None, None, "no period in the text")


def test_so_far_is_since_ever_and_a_flow_measure_becomes_its_cumulative_stock():
    # vietnamplus.vn, 27 February 2017
    text = (
        "So far, the province has granted investment licences to 180 projects with a total "
        "investment of over 27 trillion VND (about 1.18 billion USD), including four "
        "foreign-invested projects."
    )
    found = {c.value_as_written: c for c in extract(text, D(2017, 2, 27), "tuyen-quang")}
    c = found["180"]
    assert (c.period_start, c.period_end) == (D(2017, 2, 27), D(2017, 2, 27))
    assert c.indicator_id == "investment_approvals_projects_cumulative"


def test_a_fact_sheet_label_keeps_its_period_to_its_own_line():
    # iphub.vn/lang-son/: "GRDP (2022)" does not date the industrial parks on the next line
    text = "GRDP (2022): 34,3 nghìn tỉ đồng (1,49 tỉ USD)\nKhu công nghiệp: 3 Khu công nghiệp"
    found = extract(text, D(2023, 7, 1), "lang-son")
    assert (found[0].period_start, found[0].period_end) == (D(2022, 1, 1), D(2022, 12, 31))
    assert (found[-1].period_start, found[-1].period_end) == (D(2023, 7, 1), D(2023, 7, 1))
