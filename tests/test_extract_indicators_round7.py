"""Seventh-round indicator and figure rules of the extraction benchmark, each on a real
published sentence: the total of new, added and contributed FDI capital, counts whose own
noun is no measure ("lượt nhà đầu tư", "lối mòn", "chợ biên giới", "batches", "09 tỉnh"),
"the capital for these projects", a fall written after the rate, a distance, a stock received
in a year, a tilde, a year in brackets, a page's posting time, an area in a later paragraph."""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract import extract
from tests.extract_helpers import by_written, period

D = dt.date


def test_new_added_and_contributed_capital_together_is_the_registered_total():
    # vovworld.vn, August 2021; sggp.org.vn, April 2020
    english = (
        "As of August 20, the total newly registered capital, capital contributions and share "
        "purchases by foreign investors in Vietnam reached more than 19 billion USD."
    )
    found = by_written(english, D(2021, 8, 26), "vietnam", "en")
    assert found["19 billion USD"].indicator_id == "fdi_registered_annual"
    other = (
        "Particularly, by April 20, the total newly-registered, additional capital, and capital "
        "contribution for share purchasing of foreign investors reached US$12.33 billion."
    )
    found = by_written(other, D(2020, 4, 30), "vietnam", "en")
    assert found["US$12.33 billion"].indicator_id == "fdi_registered_annual"
    # cand.com.vn, November 2018
    vietnamese = (
        "Tính chung trong 10 tháng năm 2018, tổng vốn đăng ký cấp mới, tăng thêm và góp vốn mua "
        "cổ phần của nhà nhà đầu tư nước ngoài là 27,9 tỷ USD."
    )
    found = by_written(vietnamese, D(2018, 10, 31), "vietnam", "vi")
    assert found["27,9 tỷ USD"].indicator_id == "fdi_registered_annual"


def test_counts_whose_own_noun_is_no_measure():
    # vinanet.vn, 2019: share purchases counted ("lượt"), not investors
    text = (
        "Trong đó, có 733 lượt góp vốn, mua cổ phần làm tăng vốn điều lệ của DN với giá trị vốn "
        "góp là 5,7 tỷ USD và 3.654 lượt nhà đầu tư nước ngoài mua lại cổ phần trong nước mà "
        "không làm tăng vốn điều lệ với giá trị 2,82 tỷ USD."
    )
    assert by_written(text, D(2019, 7, 31), "vietnam", "vi")["3.654"].indicator_id is None
    # hagiang.gov.vn, 2012: trails and border markets are not border gates
    gates = "Ngoài các cửa khẩu chính còn có 7 lối mòn và 30 chợ biên giới, chợ cửa khẩu."
    found = by_written(gates, D(2012, 2, 27), "ha-giang", "vi")
    assert found["7"].indicator_id is None and found["30"].indicator_id is None
    # songoaivu.sonla.gov.vn, 2024: the provinces of a visiting delegation
    visit = (
        "Đoàn công tác Cơ quan Ngoại vụ 09 tỉnh nước CHDCND Lào thăm, làm việc và ký kết biên "
        "bản thoả thuận với Sở Ngoại vụ tỉnh Sơn La."
    )
    assert by_written(visit, D(2024, 3, 8), "son-la", "vi")["09"].indicator_id is None


def test_the_capital_for_these_projects_and_a_fall_after_the_rate():
    # vietnamnews (vdsc.com.vn), July 2011
    text = (
        "Total FDI disbursement hit $6.3 billion for the first seven months, marking a 1.6 per "
        "cent decrease over the same period of last year.\n\nOnly 49 new foreign-invested "
        "projects received licences during the month, the lowest in six months. The total "
        "registered capital for these projects was $3.23 billion."
    )
    found = by_written(text, D(2011, 7, 31), "vietnam", "en")
    assert found["1.6 per cent"].indicator_id == "fdi_disbursed_annual_yoy"
    assert found["$3.23 billion"].indicator_id == "fdi_new_capital_annual"
    assert period(found["$3.23 billion"]) == (D(2011, 7, 1), D(2011, 7, 31))


def test_a_distance_is_no_border_length():
    # vccinews.com, February 2015
    text = (
        "Son La is a mountainous border province in the northwest of Vietnam, about 320 km from "
        "Hanoi, the capital of Vietnam."
    )
    assert by_written(text, D(2015, 2, 11), "son-la", "en")["320 km"].indicator_id is None


def test_a_stock_measure_received_in_a_year_has_no_indicator():
    # vufo.org.vn, March 2017: the catalogue's aid packages are cumulative
    text = (
        "Trong năm 2016, tỉnh Sơn La tiếp nhận 13 khoản viện trợ với tổng giá trị cam kết viện "
        "trợ trên 2 triệu USD."
    )
    found = by_written(text, D(2017, 3, 20), "son-la", "vi")
    assert found["13"].indicator_id is None
    assert period(found["13"]) == (D(2016, 1, 1), D(2016, 12, 31))


def test_a_tilde_is_about_and_a_bracketed_year_is_its_figures_alone():
    # senvangdata.com, 2025
    text = (
        "Với diện tích 13.795,40 km², dân số 1,7 triệu người, và GRDP tổng hợp 86.306,80 tỷ đồng "
        "(2024), tỉnh mới kế thừa tiềm năng du lịch.\n\nNông nghiệp (~40% GRDP) nổi bật với cam "
        "sành Hàm Yên."
    )
    found = by_written(text, D(2025, 6, 15), "tuyen-quang", "vi")
    assert found["40%"].qualifier == "approx"
    assert period(found["13.795,40 km²"]) == (D(2025, 6, 15), D(2025, 6, 15))
    assert period(found["86.306,80 tỷ đồng"]) == (D(2024, 1, 1), D(2024, 12, 31))


def test_a_pages_posting_time_is_not_a_period_and_a_later_area_is_a_stock():
    # vccinews.com, February 2015
    text = (
        "Son La Ready to Facilitate Investors\n\n12:31:51 AM | 11/2/2015\n\nIt is home to 12 "
        "ethnic groups and 1.16 million residents (in 2014).\n\nEspecially, Hoa Binh "
        "hydropower reservoir and Son La hydropower reservoir cover 432 square kilometres."
    )
    found = by_written(text, D(2015, 2, 11), "son-la", "en")
    assert period(found["432 square kilometres"]) == (D(2015, 2, 11), D(2015, 2, 11))
    posted = "Son La Ready to Facilitate Investors\n\n12:31:51 AM | 11/2/2015\n\nIt has 35 streams."
    assert period(by_written(posted, D(2015, 3, 11), "son-la", "en")["35"]) == (
        D(2015, 3, 11),
        D(2015, 3, 11),
    )


def test_a_count_and_its_capital_across_a_bracketed_growth_rate():
    # baogialai.com.vn, May 2024
    text = (
        "Có 1.227 dự án mới được cấp giấy chứng nhận đăng ký đầu tư (tăng 27,5% so với cùng kỳ), "
        "tổng vốn đăng ký đạt gần 7,94 tỉ USD (tăng 50,8% so với cùng kỳ)."
    )
    found = by_written(text, D(2024, 5, 25), "vietnam", "vi")
    assert found["7,94 tỉ USD"].indicator_id == "fdi_new_capital_annual"
    assert found["50,8%"].indicator_id == "fdi_new_capital_annual_yoy"


def test_a_threshold_of_projects_has_no_period_nor_measure_but_their_worth_does():
    # vovworld.vn, August 2021
    text = (
        "Disbursement of foreign direct investment (FDI) capital in Vietnam hit 11.5 billion USD "
        "over the past eight months. The decline in the newly registered investment capital "
        "mainly focused on small-scale projects under 5 million USD, while the number of "
        "large-scale projects worth over 50 million USD keeps rising over the past 8 months."
    )
    found = by_written(text, D(2021, 8, 26), "vietnam", "en")
    for written in ("5 million USD", "50 million USD"):
        assert period(found[written]) == (None, None)
        assert found[written].indicator_id is None
    # qdnd.vn, November 2023: the worth of 57 counted projects is their capital
    counted = (
        "Since 2021, the local authorities have issued investment certificates and given "
        "in-principle approval to 57 projects worth over VND 12.3 trillion (USD 504.8 million)."
    )
    found = by_written(counted, D(2023, 11, 8), "lang-son", "en")
    assert found["VND 12.3 trillion"].indicator_id == "investment_approvals_capital"


def test_declarations_valued_at_are_the_provinces_declared_trade():
    # customsnews.vn, March 2023
    text = (
        "In particular, enterprises have registered 12,167 sets of export declarations valued at "
        "US$342,619 million, growing 364.3% over the same period in 2022."
    )
    found = by_written(text, D(2023, 3, 23), "lang-son", "en")
    assert found["US$342,619 million"].indicator_id == "trade_declared_at_provincial_customs"


def test_about_to_receive_is_a_projection_and_ratios_and_view_counters_are_no_figures():
    # ngoisao.vn, April 2024 (a headline)
    headline = (
        "Tỉnh miền núi sắp đón dòng vốn đầu tư hơn 40.000 tỷ đồng, sẽ có thành phố lớn nhất "
        "Việt Nam"
    )
    assert by_written(headline, D(2024, 4, 27), "lang-son", "vi")["40.000 tỷ đồng"].status == (
        "projection"
    )
    # baogialai.com.vn, May 2024; susta.vn
    ratio = "Bà Rịa-Vũng Tàu dẫn đầu với hơn 1,52 tỉ USD, gấp hơn 12 lần cùng kỳ."
    assert "12" not in by_written(ratio, D(2024, 5, 25), "vietnam", "vi")
    assert by_written("Lượt xem: 1082", D(2021, 6, 30), "son-la", "vi") == {}


def test_the_figure_goes_on_about_the_measure_of_the_sentence_before():
    # vietnamnews (vdsc.com.vn), July 2011
    text = (
        "Disbursement of foreign direct investment rebounded in July, reaching approximately "
        "US$1 billion for the month, the Ministry of Planning and Investment said. The figure "
        "almost kept up with the highest monthly level since the beginning of this year – $1.39 "
        "billion in March, the agency said."
    )
    found = by_written(text, D(2011, 7, 31), "vietnam", "en")
    assert found["$1.39 billion"].indicator_id == found["US$1 billion"].indicator_id
    assert found["$1.39 billion"].indicator_id == "fdi_disbursed_annual"


def test_memorandums_counted_without_bien():
    # ngoisao.vn, April 2024
    text = (
        "Tại Hội nghị, tỉnh Lạng Sơn đã trao 14 chủ trương đầu tư/giấy chứng nhận đăng ký đầu tư "
        "cho 14 dự án với tổng vốn đăng ký là 18.602 tỷ đồng, 9 bản ghi nhớ đầu tư cho 9 nhà "
        "đầu tư với tổng mức đăng ký dự kiến 21.527 tỷ đồng."
    )
    found = extract(text, D(2024, 4, 27), "lang-son", "vi")
    nines = [c for c in found if c.value_as_written == "9"]
    assert nines[0].indicator_id == "investment_mous_signed"


def test_the_change_in_the_number_of_declarations_is_no_change_in_trade():
    # vietnamplus.vn, March 2023
    text = (
        "In the reviewed period, the number of customs declarations at Huu Nghi Border Gate "
        "rocketed 91% year-on-year with all the declarations submitted via the electronic "
        "customs system."
    )
    assert by_written(text, D(2023, 3, 1), "lang-son", "en")["91%"].indicator_id is None
    # customsnews.vn, March 2023: sets of declarations are documents, not border gates
    sets = (
        "Statistics from Lang Son Customs Department showed that, as of March 22, border-gate "
        "customs units have received and processed procedures for 27,055 sets of declarations "
        "with a turnover of US$727,931 million, an increase of 71% compared to the same period "
        "in 2022."
    )
    found = by_written(sets, D(2023, 3, 23), "lang-son", "en")
    assert found["27,055"].indicator_id is None
    assert period(found["27,055"]) == (D(2023, 1, 1), D(2023, 3, 22))


def test_residents_are_the_population_and_ethnic_groups_no_measure():
    # vccinews.com, February 2015
    text = "It is home to 12 ethnic groups and 1.16 million residents (in 2014)."
    found = by_written(text, D(2015, 2, 11), "son-la", "en")
    assert found["1.16 million"].indicator_id == "population"
    assert found["1.16 million"].unit == "people"
    assert period(found["1.16 million"]) == (D(2014, 12, 31), D(2014, 12, 31))
    assert found["12"].indicator_id is None and found["12"].unit == "count"


def test_letters_talks_and_a_part_of_a_count_of_vehicles():
    # laodong.vn, April 2025
    text = (
        "In addition, in the first 4 months of the year, the Management Board sent 17 working "
        "letters, organized 4 talks and welcomed many delegations from China to remove obstacles "
        "in customs clearance."
    )
    found = by_written(text, D(2025, 4, 25), "lang-son", "en")
    assert found["17"].indicator_id is None
    assert found["4"].indicator_id == "meetings_foreign_partners"
    # vietnamplus.vn, July 2023
    vehicles = (
        "Since May, more than 67,600 vehicles have undergone customs clearance at border gates in "
        "Lang Son, of which 31,800 carried exports."
    )
    found = by_written(vehicles, D(2023, 7, 10), "lang-son", "en")
    assert found["31,800"].indicator_id is None
    assert period(found["31,800"]) == (D(2023, 5, 1), D(2023, 7, 10))


def test_accounting_for_alone_is_no_share_of_fdi_exports():
    # vccinews.com, February 2015: a share of the country's area
    area = (
        "Sharing a 250-km borderline with Laos, the province has a natural area of 14,174 square "
        "kilometres, accounting for 37.88 percent of the northwest area and 4.28 percent of the "
        "country’s area - the third largest province in Vietnam."
    )
    found = by_written(area, D(2015, 2, 11), "son-la", "en")
    assert found["4.28 percent"].indicator_id is None
    # vtv.vn, July 2017: the sector's share named in the sentence
    share = (
        "Foreign-invested sector accounted for 71 percent of the country’s total six-month "
        "export turnover."
    )
    found = by_written(share, D(2017, 7, 1), "vietnam", "en")
    assert found["71 percent"].indicator_id == "exports_fdi_sector_share"
