"""Sixth-round indicator rules of the extraction benchmark, each on a real published
sentence: a good's part of the nation's exports is no measure (data/extraction/goods.csv),
"rising" and "more ... than last year" are growth, a change against the month before is no
year-on-year rate, "products shipped out of the country" are exports."""

from __future__ import annotations

import datetime as dt

from tests.extract_helpers import by_written

D = dt.date


def test_a_goods_part_of_the_nations_exports_has_no_indicator():
    # thanhnien.vn, June 2017
    text = (
        "Cũng trong 6 tháng đầu năm, xuất khẩu gạo đạt 2,8 triệu tấn tương đương giá trị 1,2 tỉ "
        "USD, tăng 6,3% về khối lượng và tăng 4,9% về giá trị so với cùng kỳ năm 2016."
    )
    found = by_written(text, D(2017, 6, 28), "vietnam")
    assert [found[w].indicator_id for w in ("1,2 tỉ USD", "6,3%", "4,9%")] == [None] * 3
    # vnexpress.net, June 2016: the total keeps its measure, the sector its own
    total = (
        "Export turnover reached $67.7 billion, marking an increase of 6.6 percent on-year, of "
        "which domestic firms accounted for $19.4 billion, up 3 percent, and the FDI sector "
        "(including crude oil) made $48.3 billion, rising 7.7 percent."
    )
    found = by_written(total, D(2016, 6, 7), "vietnam")
    assert found["$67.7 billion"].indicator_id == "exports_national"
    assert found["6.6 percent"].indicator_id == "exports_national_yoy"
    assert found["$48.3 billion"].indicator_id == "exports_fdi_sector"
    assert found["7.7 percent"].indicator_id == "exports_fdi_sector_yoy"  # "rising"
    plastics = (
        "Imports of plastics and plastic products rose by 18.4 percent in value, but assembled "
        "automobiles fell 23 percent."
    )
    found = by_written(plastics, D(2016, 6, 7), "vietnam")
    assert (found["18.4 percent"].indicator_id, found["23 percent"].indicator_id) == (None, None)


def test_a_change_against_the_month_before_is_no_growth_rate():
    # tbtc.vn, September 2025
    sentence = (
        "Cụ thể, trong tháng 8/2025, đơn vị đã thông quan hàng hoá đạt kim ngạch xuất nhập khẩu "
        "qua các cửa khẩu của tỉnh Lạng Sơn đạt hơn 9 tỷ USD, tăng gần 18% so với tháng 7/2025."
    )
    found = by_written(sentence, D(2025, 9, 1), "lang-son")
    assert found["9 tỷ USD"].indicator_id == "border_trade_all_types"
    assert found["18%"].indicator_id is None


def test_products_shipped_out_of_the_country_are_its_exports():
    # dailynewsbrief, March 2022
    sentence = (
        "Products shipped out of the country during January to March was worth $88.58 billion, "
        "12.9 percent more than last year, the General Statistics Office (GSO) said in a report."
    )
    found = by_written(sentence, D(2022, 3, 29), "vietnam")
    assert found["$88.58 billion"].indicator_id == "exports_national"
    assert found["12.9 percent"].indicator_id == "exports_national_yoy"


def test_counted_chains_and_codes_are_no_measure_of_the_catalogue():
    # khonggian.vn, December 2019
    sentence = (
        "Đến nay, tỉnh Sơn La đã có 163 mã số vùng trồng cây ăn quả xuất khẩu, phát triển và "
        "duy trì hiệu quả 124 chuỗi cung ứng, tiêu thụ nông sản, thủy sản an toàn có mã số vùng "
        "trồng (tăng 68 chuỗi so với năm 2018)."
    )
    found = by_written(sentence, D(2019, 12, 25), "son-la")
    assert [found[w].indicator_id for w in ("163", "124", "68")] == [None] * 3


def test_agricultural_products_exports_are_the_provinces_farm_exports():
    # khonggian.vn, December 2019
    target = (
        "Mục tiêu đặt ra cho năm 2020 là đưa trị giá xuất khẩu sản phẩm nông nghiệp đạt trên "
        "151 triệu USD."
    )
    found = by_written(target, D(2019, 12, 25), "son-la")
    assert found["151 triệu USD"].indicator_id == "agri_exports_participating"
    # vietnamplus.vn, May 2019
    sentence = (
        "Thuan said the province expected to earn more than 150 million USD from the export of "
        "agricultural products this year, up 30 percent year on year."
    )
    found = by_written(sentence, D(2019, 5, 20), "son-la")
    assert found["150 million USD"].indicator_id == "agri_exports_participating"
    assert found["30 percent"].indicator_id == "agri_exports_participating_yoy"


def test_fdi_capital_of_a_month_is_registered_and_a_capital_increase_is_none():
    # tienphong.vn, January 2017
    sentence = (
        "TPO - Bộ KH&ĐT vừa cho biết, số vốn đầu tư trực tiếp nước ngoài (FDI) tháng 1/2017 đạt "
        "1,423 tỷ USD."
    )
    found = by_written(sentence, D(2017, 1, 31), "vietnam")
    assert found["1,423 tỷ USD"].indicator_id == "fdi_registered_annual"
    # tapchitaichinh.vn, July 2025
    increase = (
        "Chỉ trong nửa đầu năm 2025, Tỉnh đã phê duyệt 14 dự án đầu tư mới ngoài ngân sách, với "
        "tổng vốn gần 10.000 tỷ đồng; đồng thời điều chỉnh tăng vốn cho 15 dự án với tổng mức "
        "tăng gần 1.000 tỷ đồng."
    )
    found = by_written(increase, D(2025, 7, 15), "son-la")
    assert (found["15"].indicator_id, found["1.000 tỷ đồng"].indicator_id) == (None, None)


def test_new_investment_projects_approved_by_a_province_are_its_approvals():
    # tapchitaichinh.vn, July 2025
    sentence = (
        "Chỉ trong nửa đầu năm 2025, Tỉnh đã phê duyệt 14 dự án đầu tư mới ngoài ngân sách, với "
        "tổng vốn gần 10.000 tỷ đồng."
    )
    found = by_written(sentence, D(2025, 7, 15), "son-la")
    assert found["14"].indicator_id == "investment_approvals_projects"
    assert found["10.000 tỷ đồng"].indicator_id == "investment_approvals_capital"


def test_the_noun_right_after_an_earlier_figure_is_that_figures():
    # baoquocte.vn (English), 2023
    sentence = (
        "With a natural area of 5,870 square kilometers, over 800,000 population, including 6 "
        "districts, 1 city, 138 communes, wards, and towns, and 22 ethnic groups living "
        "together, Tuyen Quang is a province with a long-standing historical, revolutionary, "
        "and cultural tradition."
    )
    found = by_written(sentence, D(2023, 6, 30), "tuyen-quang", "en")
    assert found["800,000"].indicator_id == "population"
    for written in ("6", "1", "138", "22"):
        assert (found[written].indicator_id, found[written].unit) == (None, "count"), written
    # thestar.com.my, May 2022
    projects = (
        "There were 578 new projects worth nearly US$4.12 billion, down 53.4 per cent in value, "
        "and 395 others registering to increase their investment by more than US$5.61 billion, "
        "up 45.4 per cent."
    )
    found = by_written(projects, D(2022, 5, 28), "vietnam")
    assert found["578"].indicator_id == "fdi_new_projects_annual"
    assert [found[w].indicator_id for w in ("395", "US$5.61 billion", "45.4 per cent")] == [
        None
    ] * 3


def test_a_trade_deficit_is_a_negative_balance():
    # cand.com.vn, July 2015
    sentence = (
        "Trong đó, xuất khẩu đạt 77,77 tỷ USD và nhập khẩu đạt 80,84 tỷ USD, dẫn đến thâm hụt cán "
        "cân thương mại hàng hóa trong 6 tháng đầu năm 2015 ở mức 3,07 tỷ USD."
    )
    found = by_written(sentence, D(2015, 7, 5), "vietnam")
    assert found["77,77 tỷ USD"].value == 77.77e9
    assert found["3,07 tỷ USD"].value == -3.07e9
    assert found["3,07 tỷ USD"].indicator_id == "trade_balance_national"


def test_no_dot_ends_no_sentence_and_plummeted_is_a_fall():
    # vietnamplus.vn, January 2023
    sentence = (
        "Local authorities said since the beginning of 2023, over 45,000 tonnes of farm produce "
        "have been exported via the Kim Thanh International Land Border Gate No. 2, which is "
        "part of the Lao Cai (Vietnam) - Hekou (China) international border gate pair, "
        "generating more than 21 million USD in revenue, up 27% from a year earlier."
    )
    assert "2" not in by_written(sentence, D(2023, 1, 31), None, "en")
    # vnexpress.net, June 2016
    fall = (
        "During the first five months of 2016, agricultural export value went up by 9.5 "
        "percent, mostly thanks to vegetables which rocketed by 53.7 percent, while crude oil "
        "plummeted 50 percent."
    )
    found = by_written(fall, D(2016, 6, 7), "vietnam")
    assert (found["53.7 percent"].value, found["50 percent"].value) == (53.7, -50.0)


def test_a_footnote_mark_is_no_figure_and_no_word_between_a_count_and_its_noun():
    # thuequanghuy.vn, 2024
    sentence = (
        "Tính đến tháng 8/2024, đã có 110.764(1) doanh nghiệp thành lập mới trong đó có 1.816 "
        "dự án FDI(2) được cấp giấy chứng nhận đăng ký đầu tư trong 18 ngành kinh tế quốc dân."
    )
    found = by_written(sentence, D(2024, 9, 15), "vietnam")
    assert "1" not in found and "2" not in found
    assert found["110.764"].indicator_id == "new_enterprises"


def test_the_capital_opening_a_sentence_is_that_of_the_projects_before():
    # tienphong.vn, January 2017
    text = (
        "Theo đó, trong tháng 1, cả nước cấp phép 175 dự án mới, tăng 37,8% so với cùng kỳ năm "
        "ngoái. Số vốn đăng ký đạt hơn 1,243 tỷ USD Mỹ, tăng 23% về vốn đăng ký so với cùng kỳ "
        "năm 2016."
    )
    found = by_written(text, D(2017, 1, 31), "vietnam")
    assert found["175"].indicator_id == "fdi_new_projects_annual"
    assert found["1,243 tỷ USD"].indicator_id == "fdi_new_capital_annual"
    assert found["23%"].indicator_id == "fdi_new_capital_annual_yoy"


def test_grdp_and_budget_revenue_are_measures_outside_the_catalogue():
    # tapchitaichinh.vn, July 2025
    sentence = (
        "GRDP 6 tháng đầu năm của Sơn La đạt 16.541 tỷ đồng (theo giá so sánh năm 2010), tăng "
        "8,76% so với cùng kỳ. Thu ngân sách nhà nước ước đạt 2.432 tỷ đồng, bằng 58,7% dự toán "
        "Trung ương giao."
    )
    found = by_written(sentence, D(2025, 7, 15), "son-la")
    for written in ("16.541 tỷ đồng", "8,76%", "2.432 tỷ đồng"):
        assert found[written].indicator_id is None, written
