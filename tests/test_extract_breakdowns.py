"""Fifth-round rules of the extraction benchmark, each on a real published sentence: a
breakdown by sector takes no period, a wire's dateline is no period, "tháng đầu tiên của
năm nay" is January, the largest investor's capital is a part, FDI "thực hiện" is
disbursed."""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract_periods import period_mentions
from tests.extract_helpers import by_written

D = dt.date


# vietnam.vn, October 2023: a stock's date, then the breakdown by sector
VIETNAM_VN_10M_2023 = (
    "As of October 20, the country had more than 38,600 valid projects with a total "
    "registered capital of 460.07 billion USD.\n"
    "Real estate still ranks second in attracting FDI\n"
    "Foreign investors invested in 18 out of 21 sectors of the national economy. Of which, "
    "the processing and manufacturing industry took the lead with a total investment capital "
    "of nearly 18.84 billion USD, accounting for nearly 73.1% of the total registered "
    "investment capital"
)


def test_a_breakdown_by_sector_takes_no_period_from_the_sentences_before():
    found = by_written(VIETNAM_VN_10M_2023, D(2023, 10, 31), "vietnam")
    assert found["460.07 billion USD"].period_end == D(2023, 10, 20)
    for written in ("18", "21", "18.84 billion USD", "73.1%"):
        assert (found[written].period_start, found[written].period_end) == (None, None)


def test_a_breakdown_ends_at_the_next_period_written():
    # investvietnam.gov.vn, February 2023
    text = (
        "Regarding investment sectors, foreign investors had invested in 17 sectors out of 21 "
        "national economic sectors. Real estate came next with a total investment of 396.9 "
        "million USD. Regarding investment locations, the foreign investors had invested in 39 "
        "provinces and cities nationwide in February 2023."
    )
    found = by_written(text, D(2023, 2, 28), "vietnam")
    assert found["396.9 million USD"].period_start is None  # not the year just ended
    assert found["39"].period_end == D(2023, 2, 28)


def test_a_news_wire_dateline_is_not_the_period_of_its_figures():
    # thestar.com.my, May 2022
    sentence = (
        "HANOI, May 28 (The Straits Times/ANN): Up to US$7.71 billion worth of foreign direct "
        "investment (FDI) was disbursed in the first five months of this year, up 7.8 per cent "
        "from the same period in 2021, according to the Ministry of Planning and Investment."
    )
    found = by_written(sentence, D(2022, 5, 28), "vietnam")
    figure = found["US$7.71 billion"]
    assert (figure.period_start, figure.period_end) == (D(2022, 1, 1), D(2022, 5, 31))
    # a date in the sentence itself is still read
    assert period_mentions("On May 28, exports reached 5 billion USD.", D(2022, 5, 28))


# tienphong.vn, February 2017
TIEN_PHONG_JAN_2017 = (
    "Vốn đầu tư trực tiếp nước ngoài thực hiện tháng 1/2017 ước đạt 850 triệu đô la Mỹ, tăng "
    "6,3% so với cùng kỳ năm 2016. Trong số 31 quốc gia và vùng lãnh thổ có dự án đầu tư được "
    "cấp phép mới tại Việt Nam trong tháng đầu tiên của năm nay, Singapore là nhà đầu tư lớn "
    "nhất với số vốn cam kết đạt 416,7 triệu đô la Mỹ, chiếm 33,5% tổng vốn đăng ký cấp mới."
)


def test_fdi_thuc_hien_is_disbursed_capital():
    found = by_written(TIEN_PHONG_JAN_2017, D(2017, 2, 1), "vietnam")
    assert found["850 triệu đô la Mỹ"].indicator_id == "fdi_disbursed_annual"
    assert found["6,3%"].indicator_id == "fdi_disbursed_annual_yoy"


def test_the_first_month_of_this_year_and_the_largest_investors_part():
    found = by_written(TIEN_PHONG_JAN_2017, D(2017, 2, 1), "vietnam")
    singapore = found["416,7 triệu đô la Mỹ"]
    assert (singapore.period_start, singapore.period_end) == (D(2017, 1, 1), D(2017, 1, 31))
    assert singapore.indicator_id is None  # a partner's part of the total, not the total
    assert found["33,5%"].indicator_id is None


def test_a_count_of_vehicles_at_border_gates_is_not_a_count_of_border_gates():
    # en.sggp.org.vn, May 2023; thoibaotaichinhvietnam.vn, 2025
    sentence = (
        "Over the past few days, on average, more than 1,000 trucks carrying import and export "
        "goods have been cleared daily at the border gates in Lang Son Province, facilitating "
        "trade between Vietnam and China."
    )
    assert by_written(sentence, D(2023, 5, 1), "lang-son")["1,000"].indicator_id is None
    vietnamese = (
        "Theo thống kê, riêng số lượng phương tiện chở hàng hóa xuất khẩu của Việt Nam đến các "
        "cửa khẩu của tỉnh Lạng Sơn trong tháng 8 là hơn 67.000 phương tiện, tăng hơn 25% so "
        "với tháng trước."
    )
    assert by_written(vietnamese, D(2025, 9, 1), "lang-son")["67.000"].indicator_id is None
