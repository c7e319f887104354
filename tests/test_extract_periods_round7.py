"""Seventh-round period rules of the extraction benchmark, each on a real published sentence:
"đến ngày 20-5", the year of a plan, "từ các năm trước", "during the month", "last Friday",
a headline date not carried, an excerpt's opening count, "17 trong tổng số 21 ngành"."""

from __future__ import annotations

import datetime as dt

from tests.extract_helpers import by_written, period

D = dt.date


def test_a_day_and_month_joined_by_a_dash_after_ngay():
    # baogialai.com.vn, May 2024
    text = (
        "Cụ thể, theo Cục Đầu tư nước ngoài, từ đầu năm đến ngày 20-5, tổng vốn đăng ký mới, "
        "điều chỉnh và góp vốn mua cổ phần của nhà đầu tư nước ngoài đạt hơn 11,07 tỉ USD, "
        "tăng 2% so với cùng kỳ năm 2023.\n\nTính lũy kế đến ngày 20-5, cả nước có 40.285 dự "
        "án còn hiệu lực với tổng vốn đăng ký 481,33 tỷ USD."
    )
    found = by_written(text, D(2024, 5, 25), "vietnam", "vi")
    assert period(found["11,07 tỉ USD"]) == (D(2024, 1, 1), D(2024, 5, 20))
    assert period(found["40.285"]) == (D(2024, 5, 20), D(2024, 5, 20))


def test_the_year_of_a_plan_is_not_the_figures_period():
    # vietnam.vn, October 2024
    text = (
        "Specifically, In the first 9 months of 2024, the total import and export turnover of "
        "goods of Ha Giang province reached 244.946 million USD, an increase of 2.82% over the "
        "same period, reaching 79.52% of the 2024 plan. Of which, exports reached 110.19 "
        "million USD, up 0.7% over the same period."
    )
    found = by_written(text, D(2024, 10, 5), "ha-giang", "en")
    nine_months = (D(2024, 1, 1), D(2024, 9, 30))
    assert period(found["79.52%"]) == nine_months
    assert period(found["110.19 million USD"]) == nine_months


def test_projects_licensed_in_earlier_years_name_no_period():
    # vinanet.vn (Baohaiquan.vn), August 2019
    text = (
        "Theo đó, trong 7 tháng vừa qua có 2.064 dự án FDI cấp phép mới với số vốn đăng ký đạt "
        "8,27 tỷ USD. Bên cạnh đó, có 791 lượt dự án đã cấp phép từ các năm trước đăng ký điều "
        "chỉnh vốn đầu tư với số vốn tăng thêm đạt 3,4 tỷ USD."
    )
    found = by_written(text, D(2019, 7, 31), "vietnam", "vi")
    assert period(found["3,4 tỷ USD"]) == (D(2019, 1, 1), D(2019, 7, 31))


def test_during_the_month_is_the_month_the_period_before_ends_in():
    # vietnamnews (vdsc.com.vn), July 2011
    text = (
        "Total FDI disbursement hit $6.3 billion for the first seven months, marking a 1.6 per "
        "cent decrease over the same period of last year.\n\nThis month also witnessed a "
        "significant change in new registered investment capital. Only 49 new foreign-invested "
        "projects received licences during the month, the lowest in six months."
    )
    found = by_written(text, D(2011, 7, 31), "vietnam", "en")
    assert period(found["49"]) == (D(2011, 7, 1), D(2011, 7, 31))


def test_last_friday_is_the_one_before_publication():
    # vovworld.vn, 26 August 2021 (a Thursday)
    text = "As of last Friday, there were 34,000 valid projects with a total registered capital."
    assert period(by_written(text, D(2021, 8, 26), "vietnam", "en")["34,000"]) == (
        D(2021, 8, 20),
        D(2021, 8, 20),
    )


def test_the_day_a_result_was_announced_is_not_carried_to_the_next_sentences():
    # vietnamplus.vn, June 2023
    text = (
        "Tuyen Quang (VNA) – The northern mountainous province of Tuyen Quang posted a gross "
        "regional domestic products (GRDP) growth of 7.55% in the first half of this year, the "
        "General Statistics Office announced on June 29.\n\nSpecifically, the province’s "
        "agriculture and forestry sector expanded 4.64%; the industrial sector 10.87%."
    )
    found = by_written(text, D(2023, 6, 30), "tuyen-quang", "en")
    assert period(found["4.64%"]) == (D(2023, 1, 1), D(2023, 6, 30))


def test_an_opening_count_of_no_known_measure_takes_the_next_paragraphs_period():
    # cand.com.vn, November 2018
    text = (
        "Bên cạnh đó, có 954 lượt dự án đăng ký điều chỉnh vốn đầu tư với tổng vốn đăng ký tăng "
        "thêm 6,5 tỷ USD.\n\nCũng trong 10 tháng năm 2018, cả nước có 5.342 lượt góp vốn, mua cổ "
        "phần của nhà đầu tư nước ngoài với tổng giá trị vốn góp 6,3 tỷ USD."
    )
    found = by_written(text, D(2018, 10, 31), "vietnam", "vi")
    ten_months = (D(2018, 1, 1), D(2018, 10, 31))
    assert period(found["954"]) == ten_months
    assert period(found["6,5 tỷ USD"]) == ten_months


def test_sectors_out_of_the_total_are_a_breakdown_with_no_period():
    # baogialai.com.vn, May 2024
    text = (
        "Vốn thực hiện đạt khoảng 8,25 tỉ USD, tăng 7,8% so với cùng kỳ năm 2023.\n\nCác nhà "
        "đầu tư nước ngoài đã đầu tư vào 17 trong tổng số 21 ngành kinh tế quốc dân. Trong đó, "
        "ngành công nghiệp chế biến, chế tạo dẫn đầu với tổng vốn đầu tư đạt hơn 7,43 tỉ USD."
    )
    found = by_written(text, D(2024, 5, 25), "vietnam", "vi")
    assert period(found["17"]) == (None, None)
    assert found["17"].indicator_id is None
    assert period(found["7,43 tỉ USD"]) == (None, None)


def test_a_dashed_date_after_den_and_not_a_range_of_percentages():
    from foreign_ties.extract_periods import period_mentions

    # the baogialai.com.vn sentence with "ngày" left out, as reports also write it
    mentions = period_mentions("Tính lũy kế đến 20-5, cả nước có 40.285 dự án", D(2024, 5, 25))
    assert [(m.period_start, m.as_of) for m in mentions] == [(D(2024, 5, 20), True)]
    assert period_mentions("dự kiến tăng đến 20-25% so với cùng kỳ", D(2024, 5, 25)) == []


def test_a_paragraph_opening_with_a_ranking_and_no_period_is_a_breakdown():
    # baogialai.com.vn, May 2024: the provinces' parts have no period written in their paragraph
    text = (
        "Cụ thể, theo Cục Đầu tư nước ngoài, từ đầu năm đến ngày 20-5, tổng vốn đăng ký mới, "
        "điều chỉnh và góp vốn mua cổ phần của nhà đầu tư nước ngoài đạt hơn 11,07 tỉ USD.\n\n"
        "Theo Cục Đầu tư nước ngoài, Bà Rịa-Vũng Tàu dẫn đầu với tổng vốn đầu tư đăng ký hơn 1,52 "
        "tỉ USD, chiếm 13,8% tổng vốn đầu tư cả nước.\n\nTiếp theo là Hà Nội với gần 1,14 tỉ USD, "
        "chiếm 10,3% tổng vốn đầu tư đăng ký và giảm 39% so với cùng kỳ năm 2023."
    )
    found = by_written(text, D(2024, 5, 25), "vietnam", "vi")
    assert period(found["11,07 tỉ USD"]) == (D(2024, 1, 1), D(2024, 5, 20))
    for written in ("1,52 tỉ USD", "13,8%", "1,14 tỉ USD", "39%"):
        assert period(found[written]) == (None, None)


def test_a_bracketed_period_of_a_sentence_with_figures_is_not_carried():
    # vccinews.com, February 2015
    text = (
        "It is home to 12 ethnic groups and 1.16 million residents (in 2014).\n\nIn addition, "
        "Son La has 2,443 ha of ponds, over 500 irrigation reservoirs and dams."
    )
    found = by_written(text, D(2015, 2, 11), "son-la", "en")
    assert period(found["12"]) == (D(2014, 1, 1), D(2014, 12, 31))
    assert period(found["500"]) == (D(2015, 2, 11), D(2015, 2, 11))
