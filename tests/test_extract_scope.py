"""Whose figure it is decides its measure (extract_scope): a province's imports are no
measure of the catalogue, the nation's exports are not a province's statistics, a figure of a
province outside the dashboard has none, also in the sentences after the one naming it; "Lao
Cai (Vietnam)" does not make a figure the nation's. Real published sentences."""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract_scope import in_scope
from tests.extract_helpers import by_written

D = dt.date


def test_a_provinces_imports_have_no_measure_its_exports_are_its_statistics():
    assert in_scope("imports_national_yoy", "lang-son", False) is None
    assert in_scope("exports_national", "son-la", False) == "exports_provincial_statistics"
    assert in_scope("exports_provincial_statistics_yoy", "vietnam", False) == (
        "exports_national_yoy"
    )
    assert in_scope("agri_exports_participating", "vietnam", False) is None
    assert in_scope("border_gates", "lang-son", True) is None  # another province's
    # phapluatplus.vn, October 2023
    sentence = (
        "Tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh tháng 10 ước đạt 390 triệu USD; ... "
        "nhập khẩu trong tháng ước đạt 160 triệu USD, lũy kế 10 tháng ước đạt 1.725 triệu "
        "USD, đạt 69% kế hoạch, tăng 17,3% so với cùng kỳ."
    )
    found = by_written(sentence, D(2023, 10, 27), "lang-son")
    assert found["1.725 triệu USD"].indicator_id is None
    assert found["17,3%"].indicator_id is None


def test_a_province_outside_the_dashboard_named_before_keeps_its_figures():
    # baohatinh.vn, July 2022
    text = (
        "Tại Hà Tĩnh, 6 tháng đầu năm, do tổ máy số 1 của Nhà máy Nhiệt điện Vũng Áng 1 gặp sự "
        "cố, phải ngừng hoạt động nên chỉ số sản xuất ngành công giảm hơn 7% so với cùng kỳ. "
        "Kim ngạch xuất khẩu 6 tháng đầu năm ước đạt 1,02 tỷ USD, tăng 12,1% so với cùng kỳ. "
        "Kim ngạch nhập khẩu 6 tháng ước đạt 2.024 triệu USD, tăng 33,3% so với cùng kỳ."
    )
    found = by_written(text, D(2022, 7, 5))
    for written in ("1,02 tỷ USD", "12,1%", "2.024 triệu USD", "33,3%"):
        assert (found[written].province_id, found[written].indicator_id) == (None, None)


def test_the_country_in_brackets_after_a_place_is_not_the_figures_place():
    # vietnamplus.vn, January 2023
    sentence = (
        "Local authorities said since the beginning of 2023, over 45,000 tonnes of farm produce "
        "have been exported via the Kim Thanh International Land Border Gate No. 2, which is "
        "part of the Lao Cai (Vietnam) - Hekou (China) international border gate pair, "
        "generating more than 21 million USD in revenue, up 27% from a year earlier."
    )
    found = by_written(sentence, D(2023, 1, 31))
    assert found["21 million USD"].province_id is None
    assert found["27%"].province_id is None


def test_viet_nam_in_a_bodys_name_is_no_place():
    # quangnamnews.vn, June 2016
    text = (
        "The province also maintains regular contacts with the Ministry of Foreign Affairs, the "
        "Foreign NGOs Committee, the Vietnam Union of Friendship Organizations to get "
        "information and opportunities to mobilize foreign NGOs' aids.\n"
        "So far, 89 foreign NGOs have been licensed to work in Quang Nam. The province has "
        "received 558 aid projects and non-projects with over 57 million USD."
    )
    found = by_written(text, D(2016, 6, 3))
    for written in ("89", "558", "57 million USD"):
        assert (found[written].province_id, found[written].indicator_id) == (None, None)


def test_a_province_named_in_a_national_report_takes_its_figures():
    # vtv.vn, June 2017
    sentence = (
        "From January to June, the central province of Thanh Hoa was the most attractive "
        "destination for foreign investors as it attracted 3.06 billion USD in FDI, accounting "
        "for 15.9 percent of the nation's total FDI."
    )
    found = by_written(sentence, D(2017, 6, 28), "vietnam")
    for written in ("3.06 billion USD", "15.9 percent"):
        assert (found[written].province_id, found[written].indicator_id) == (None, None)
    # thestar.com.my, May 2022: a dateline's city is not the figure's place
    wire = (
        "HANOI, May 28 (The Straits Times/ANN): Up to US$7.71 billion worth of foreign direct "
        "investment (FDI) was disbursed in the first five months of this year."
    )
    assert by_written(wire, D(2022, 5, 28), "vietnam")["US$7.71 billion"].province_id == ("vietnam")
