"""Rules for the way FDI and trade reports are written (third round of the extraction
benchmark), each on a real published sentence: periods, indicators, signs and units."""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract_figures import figures
from tests.extract_helpers import by_written

D = dt.date


# investvietnam.gov.vn, February 2023 (a heading between the total and its parts)
INVEST_VIETNAM_2M_2023 = (
    "According to the Ministry of Planning and Investment, as of February 20, 2023, the total "
    "newly registered capital, adjusted and contributed capital to buy shares, and buy "
    "contributed capital of foreign investors reached about 3.1 billion USD, down 38% "
    "year-on-year.\n\n"
    "Structure of foreign investment capital in the first 2 months of 2023 compared to the "
    "same period in 2022\n\n"
    "Of which, there were 261 new foreign-invested projects, valued at 1.76 billion USD, were "
    "granted licenses, up 42.6% in number and 2.8 times in value year-on-year; 133 projects "
    "registering for capital adjustment, with a total additional capital of 535.4 million USD, "
    "down 6.3% in number and 85.1% in value compared to the same period in 2022 and 40 capital "
    "contributions and share purchases by foreign investors (up 10% year-on-year) with a value "
    "of 797.9 million USD (up 3.7% year-on-year)."
)


def test_a_report_of_fdi_read_figure_by_figure():
    found = by_written(INVEST_VIETNAM_2M_2023, D(2023, 2, 28), "vietnam")
    to_20_feb = (D(2023, 1, 1), D(2023, 2, 20))
    # "newly registered capital, adjusted and contributed": the year's total, not new capital
    assert found["3.1 billion USD"].indicator_id == "fdi_registered_annual"
    # "Of which": the parts take the total's period, not the heading's "first 2 months"
    for written in ("261", "1.76 billion USD", "133", "797.9 million USD"):
        assert (found[written].period_start, found[written].period_end) == to_20_feb
    # "261 new foreign-invested projects" in a period: the projects licensed in it
    assert found["261"].indicator_id == "fdi_new_projects_annual"
    assert found["1.76 billion USD"].indicator_id == "fdi_new_capital_annual"
    assert found["42.6%"].indicator_id == "fdi_new_projects_annual_yoy"
    # "2.8 times in value" is a ratio, not a count
    assert "2.8" not in found
    # projects adjusting capital and their capital: no indicator holds them (the earlier
    # clause's "granted licenses" does not name the count after the semicolon)
    assert found["133"].indicator_id is None
    assert found["535.4 million USD"].indicator_id is None
    # "down 6.3% in number and 85.1% in value": both fell
    assert (found["6.3%"].value, found["85.1%"].value) == (-6.3, -85.1)
    # "(up 10% year-on-year)" qualifies the count just before it, of no known measure
    assert found["10%"].indicator_id is None


def test_a_count_of_transactions_of_foreign_investors_is_no_count_of_investors():
    # vietnam.vn, October 2023
    text = (
        "GVMCP: there were more than 2,800 GVMCP transactions of foreign investors (down 5.4% "
        "compared to the same period last year); total capital contribution value reached more "
        "than 5.13 billion USD (up 35.4% compared to the same period last year)."
    )
    found = by_written(text, D(2023, 10, 31), "vietnam")
    assert found["2,800"].indicator_id is None
    assert found["5.13 billion USD"].indicator_id is None


def test_realized_capital_is_disbursed_fdi():
    # vietnam.vn, October 2023 (American spelling)
    text = (
        "The Foreign Investment Agency said that the realized capital of foreign investment "
        "projects is estimated at about 18 billion USD, an increase of 2.4% over the same "
        "period in 2022."
    )
    found = by_written(text, D(2023, 10, 31), "vietnam")
    assert found["18 billion USD"].indicator_id == "fdi_disbursed_annual"
    assert found["2.4%"].indicator_id == "fdi_disbursed_annual_yoy"


# baomoi.com (CATP), January 2014
BAOMOI_JAN_2014 = (
    "(CATP) Theo Cục Đầu tư nước ngoài (Bộ Kế hoạch - Đầu tư), trong tháng đầu năm 2014 cả "
    "nước có 40 dự án đầu tư trực tiếp nước ngoài (FDI) mới được cấp phép với tổng vốn đăng "
    "ký là 211,04 triệu USD, bằng 47,6% so với cùng kỳ năm 2013. Cùng thời gian này có 6 lượt "
    "dự án đăng ký tăng vốn với tổng vốn đăng ký tăng thêm là 186,11 triệu USD, tăng 183,9% so "
    "với cùng kỳ năm 2013. Tính chung tổng vốn đăng ký cấp mới và tăng thêm là 397,15 triệu "
    "USD, bằng 78,1% so với cùng kỳ năm 2013. Trong 19 quốc gia và vùng lãnh thổ có dự án đầu "
    "tư tại Việt Nam, Singapore dẫn đầu với tổng vốn đầu tư đăng ký cấp mới và tăng thêm là "
    "132,65 triệu USD, chiếm 33,4% tổng vốn đầu tư vào Việt Nam."
)


def test_the_first_month_of_a_year_and_the_figures_after_it():
    found = by_written(BAOMOI_JAN_2014, D(2014, 1, 31), "vietnam")
    january = (D(2014, 1, 1), D(2014, 1, 31))
    # "trong tháng đầu năm 2014": January; "so với cùng kỳ năm 2013" in the sentences after
    # compares with January 2013, it does not make their period the whole of 2014
    for written in ("40", "211,04 triệu USD", "186,11 triệu USD", "397,15 triệu USD"):
        assert (found[written].period_start, found[written].period_end) == january
    # "40 dự án ... (FDI) mới được cấp phép": new projects, and their capital
    assert found["40"].indicator_id == "fdi_new_projects_annual"
    assert found["211,04 triệu USD"].indicator_id == "fdi_new_capital_annual"
    # "bằng 47,6% so với cùng kỳ": a level against last year's, not a growth rate
    assert found["47,6%"].indicator_id is None
    # capital added to licensed projects: outside the catalogue
    assert found["186,11 triệu USD"].indicator_id is None
    # "cấp mới và tăng thêm": new and additional, the year's registered FDI
    assert found["397,15 triệu USD"].indicator_id == "fdi_registered_annual"
    # a partner in a ranking ("Singapore dẫn đầu với"), and a share of the total: parts
    assert found["132,65 triệu USD"].indicator_id is None
    assert found["33,4%"].indicator_id is None


def test_a_share_of_exports_keeps_its_share_indicator():
    # mpi.gov.vn, January 2025: the share after an amount of a measure that has one
    text = (
        "Export: Export (including crude oil) was estimated at about 290.9 billion USD, up "
        "12.3% year-on-year, accounting for 71.7% of export turnover."
    )
    found = by_written(text, D(2025, 1, 14), "vietnam")
    assert found["71.7%"].indicator_id == "exports_fdi_sector_share"


def test_highest_in_five_years_is_no_period():
    # vov.vn, December 2018: "trong vòng 5 năm qua" ranks the growth; the period is 2018
    text = (
        "Năm 2018, sản xuất nông nghiệp của tỉnh miền núi Sơn La có những bứt phá ngoạn mục. "
        "Giá trị tăng thêm của ngành ước đạt 7.300 tỷ đồng, tăng cao nhất trong vòng 5 năm "
        "qua; tổng giá trị hàng hóa xuất khẩu trên 115 triệu USD, vượt hơn 40% kế hoạch đã "
        "đề ra."
    )
    found = by_written(text, D(2018, 12, 25), "son-la")
    year = (D(2018, 1, 1), D(2018, 12, 31))
    assert (found["7.300 tỷ đồng"].period_start, found["7.300 tỷ đồng"].period_end) == year
    # the value added of a sector is no indicator of the catalogue
    assert found["7.300 tỷ đồng"].indicator_id is None


def test_times_over_a_year_is_a_comparison():
    # investvietnam.gov.vn, February 2023
    text = (
        "Regarding investment locations, the foreign investors had invested in 39 provinces and "
        "cities nationwide in February 2023. Bac Giang led the way with 824.3 million USD, "
        "making up 26.6% of the total and rising 8.4 times over the same period in 2022."
    )
    found = by_written(text, D(2023, 2, 28), "vietnam")
    c = found["824.3 million USD"]
    assert (c.period_start, c.period_end) == (D(2023, 2, 1), D(2023, 2, 28))
    assert "8.4" not in found


def test_total_investment_of_many_projects_and_aid_from_international_partners():
    # congthuong.vn, March 2024
    text = (
        "Tỉnh đã có 20 dự án của 17 nhà đầu tư nước ngoài, với tổng mức đầu tư trên 340 triệu "
        "USD; tiếp nhận viện trợ từ nhiều đối tác quốc tế, trong đó có các đối tác Nhật Bản đã "
        "hỗ trợ tỉnh Tuyên Quang 25 dự án với tổng giá trị trên 1,4 triệu USD trong các lĩnh "
        "vực y tế, giáo dục, môi trường..."
    )
    found = by_written(text, D(2024, 3, 31), "tuyen-quang")
    # "tổng mức đầu tư", and the aid in the clause after the semicolon does not count
    assert found["340 triệu USD"].indicator_id == "fdi_total_investment"
    assert found["25"].indicator_id == "intl_aid_projects"
    assert found["1,4 triệu USD"].indicator_id == "intl_aid_value"


def test_dollars_without_la_and_sectors_counted_in_words():
    # congthuong.vn, March 2024: "20 triệu đô"; baomoi.com, 2014: "chín ngành"
    (f,) = figures("một dự án hơn 20 triệu đô (tương đương", "vi")
    assert (f.value, f.unit) == (20e6, "USD")
    assert figures("khu đô thị mới", "vi") == []
    (g,) = figures("nhà đầu tư nước ngoài (ĐTNN) đã đầu tư vào chín ngành, lĩnh vực", "vi")
    assert (g.written, g.value) == ("chín", 9)


def test_one_investment_project_in_english():
    # en.qdnd.vn, 2023: "the ... investment project ... with a total investment of"
    text = (
        "The infrastructure construction and business investment project at the VSIP Lang Son "
        "Industrial Park with a total investment of nearly USD 275 million, which was given "
        "greenlight in May this year, becomes the largest investment project in Lang Son, and "
        "the first one invested by Singapore to date."
    )
    found = by_written(text, D(2023, 10, 1), "lang-son")
    assert found["USD 275 million"].indicator_id == "fdi_project_capital"


def test_projects_of_foreign_investors_are_fdi_projects():
    # congthuong.vn, March 2024, and its English version on en.baotuyenquang.com.vn
    vi = "Tỉnh đã có 20 dự án của 17 nhà đầu tư nước ngoài, với tổng mức đầu tư trên 340 triệu USD"
    en = "The province has 20 projects from 17 foreign investors, with a total investment of"
    for text in (vi, en):
        found = by_written(text, D(2024, 3, 31), "tuyen-quang")
        assert (found["20"].indicator_id, found["17"].indicator_id) == (
            "fdi_projects",
            "fdi_investors",
        )


def test_a_line_labelled_new_investment_holds_new_capital():
    # vietnam.vn, October 2023
    text = (
        "In the first 10 months of 2023, FDI capital into Vietnam increased sharply.\n"
        "New investment: more than 2,600 new projects were granted investment registration "
        "certificates (up 66.1% over the same period in 2022); total registered capital reached "
        "more than 15.29 billion USD (up 54% over the same period in 2022)."
    )
    found = by_written(text, D(2023, 10, 31), "vietnam")
    assert found["2,600"].indicator_id == "fdi_new_projects_annual"
    assert found["15.29 billion USD"].indicator_id == "fdi_new_capital_annual"
    assert found["54%"].indicator_id == "fdi_new_capital_annual_yoy"


def test_from_the_first_to_a_day_of_a_month():
    # plo.vn, December 2021
    text = (
        "Kim ngạch chung xuất nhập khẩu qua địa bàn tỉnh Lạng Sơn từ ngày 1 đến hết 15-12 chỉ "
        "đạt 121,65 triệu USD."
    )
    c = by_written(text, D(2021, 12, 21), "lang-son")["121,65 triệu USD"]
    assert (c.period_start, c.period_end) == (D(2021, 12, 1), D(2021, 12, 15))


def test_the_noun_after_a_count_decides_when_it_names_one_measure():
    # baomoi.com, January 2014: "chín ngành" counts sectors, whoever invested in them
    text = (
        "Cũng trong tháng 1-2014, nhà đầu tư nước ngoài (ĐTNN) đã đầu tư vào chín ngành, lĩnh "
        "vực tại Việt Nam."
    )
    assert by_written(text, D(2014, 1, 31), "vietnam")["chín"].indicator_id is None
