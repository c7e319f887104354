"""Sixth-round period phrases of the extraction benchmark, each on a real published sentence:
"N tháng của năm", "trong N tháng", "nửa đầu của năm", a bare "tháng 6" and "tháng 6.2017",
"January 1 - 29", and the base year of constant prices (no period)."""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract_periods import period_mentions
from tests.extract_helpers import by_written

D = dt.date


def periods(sentence, published):
    return [(m.period_start, m.period_end) for m in period_mentions(sentence, published)]


def test_months_of_the_year_with_cua():
    # tbtc.vn, September 2025
    sentence = (
        "Kết quả này đã nâng tổng kim ngạch hàng hóa xuất nhập khẩu qua địa bàn tỉnh Lạng Sơn "
        "trong hơn 8 tháng của năm 2025 lên gần 59 tỷ USD, tăng gần 44% so với cùng kỳ năm 2024."
    )
    found = by_written(sentence, D(2025, 9, 1), "lang-son")
    assert (found["59 tỷ USD"].period_start, found["59 tỷ USD"].period_end) == (
        D(2025, 1, 1),
        D(2025, 8, 31),
    )
    # cand.com.vn, July 2015
    half = (
        "Như vậy, trong nửa đầu của năm 2015, tổng kim ngạch xuất nhập khẩu hàng hóa của Việt "
        "Nam đạt hơn 158,6 tỷ USD, tăng 13% so với cùng kỳ năm trước."
    )
    assert periods(half, D(2015, 7, 5)) == [(D(2015, 1, 1), D(2015, 6, 30))]


def test_a_month_without_its_year_and_n_months_after_trong():
    # thanhnien.vn, June 2017
    text = (
        "Theo báo cáo tháng 6.2017 của Bộ NN-PTNT, kim ngạch xuất khẩu nông lâm thủy sản tháng 6 "
        "ước đạt 2,97 tỉ USD, nâng tổng giá trị xuất khẩu 6 tháng lên 17,1 tỉ USD, tăng 13,1% "
        "so cùng kỳ năm ngoái. Đáng chú ý, trong 6 tháng mặt hàng rau quả ước đạt 1,7 tỉ USD, "
        "tăng trưởng 44,6% so cùng kỳ."
    )
    found = by_written(text, D(2017, 6, 28), "vietnam", "vi")
    june, half = (D(2017, 6, 1), D(2017, 6, 30)), (D(2017, 1, 1), D(2017, 6, 30))
    assert (found["2,97 tỉ USD"].period_start, found["2,97 tỉ USD"].period_end) == june
    assert (found["17,1 tỉ USD"].period_start, found["17,1 tỉ USD"].period_end) == half
    assert (found["1,7 tỉ USD"].period_start, found["1,7 tỉ USD"].period_end) == half
    # a duration ahead is no period
    assert periods("trong 6 tháng tới", D(2017, 6, 28)) == []


def test_days_of_a_month_in_english():
    # vietnamplus.vn, January 2023
    sentence = (
        "The northern province of Lao Cai has recorded vibrant import and export activities via "
        "border gates with China in January, posting 49.5 million USD in turnover from January "
        "1 - 29."
    )
    assert periods(sentence, D(2023, 1, 31))[-1] == (D(2023, 1, 1), D(2023, 1, 29))


def test_the_base_year_of_constant_prices_is_no_period():
    # tapchitaichinh.vn, July 2025
    text = (
        "GRDP 6 tháng đầu năm của Sơn La đạt 16.541 tỷ đồng (theo giá so sánh năm 2010), tăng "
        "8,76% so với cùng kỳ. Thu ngân sách nhà nước ước đạt 2.432 tỷ đồng, bằng 58,7% dự toán "
        "Trung ương giao và 54% dự toán HĐND Tỉnh, tăng tới 173,34% so với cùng kỳ năm 2024."
    )
    found = by_written(text, D(2025, 7, 15), "son-la")
    for written in ("8,76%", "2.432 tỷ đồng", "173,34%"):
        assert (found[written].period_start, found[written].period_end) == (
            D(2025, 1, 1),
            D(2025, 6, 30),
        ), written


def test_a_period_in_the_clause_compared_with_is_not_the_figures():
    # reatimes.vn, January 2024
    text = (
        "Năm 2023, tỉnh Sơn La thu hút được thêm 24 dự án, tăng gấp 2 lần so với dự án cấp mới "
        "trong năm 2022, với vốn đăng ký 17.587 tỷ đồng, tăng gấp 5 lần so với năm 2022. Đồng "
        "thời, điều chỉnh tổng vốn đầu tư của 4 dự án, với số vốn tăng thêm 505 tỷ đồng.\n"
        "Sơn La có tiềm năng lớn về đất đai, với diện tích tự nhiên 14.000 km2, lớn thứ 3 của "
        "cả nước."
    )
    found = by_written(text, D(2024, 1, 31), "son-la")
    year = (D(2023, 1, 1), D(2023, 12, 31))
    assert (found["17.587 tỷ đồng"].period_start, found["17.587 tỷ đồng"].period_end) == year
    assert (found["4"].period_start, found["4"].period_end) == year
    # a stock in the next paragraph: as of the publication date, not the end of 2023
    assert found["14.000 km2"].period_end == D(2024, 1, 31)
    # (a guard, not a published sentence) the same period named, the period after is the
    # figure's own
    guard = "Kim ngạch xuất khẩu tăng 10% so với cùng kỳ trong 6 tháng đầu năm 2024."
    assert periods(guard, D(2024, 7, 1)) == [(D(2024, 1, 1), D(2024, 6, 30))]


def test_an_excerpts_opening_figures_take_the_first_period_it_names():
    # vnexpress.net, June 2016
    text = (
        "Export turnover reached $67.7 billion, marking an increase of 6.6 percent on-year.\n\n"
        "During the first five months of 2016, agricultural export value went up by 9.5 percent."
    )
    found = by_written(text, D(2016, 6, 7), "vietnam")
    assert (found["$67.7 billion"].period_start, found["$67.7 billion"].period_end) == (
        D(2016, 1, 1),
        D(2016, 5, 31),
    )
    # baodauthau.vn, July 2017: a headline keeps no period
    headline = (
        "Hơn 23.000 tỷ đồng đầu tư vào Sơn La\n"
        "(BĐT) - Tại Hội nghị Xúc tiến đầu tư tỉnh Sơn La năm 2017 tổ chức ngày 17/7, UBND tỉnh "
        "Sơn La đã trao quyết định chủ trương đầu tư cho 26 dự án."
    )
    assert by_written(headline, D(2017, 7, 17), "son-la")["23.000 tỷ đồng"].period_start is None


def test_a_flow_as_of_a_date_runs_from_the_start_of_the_year():
    # laodong.vn (English), April 2025
    text = (
        "On April 24, informing reporters, Mr. Hoang Khanh Duy - Deputy Head of the Management "
        "Board of Dong Dang - Lang Son Border Gate Economic Zone, said that as of April 20, "
        "2025, the total number of vehicles transporting import and export goods through "
        "border gates, specialized roads, and customs clearance routes reached nearly 149,000 "
        "vehicles, an increase of more than 20% over the same period in 2024.\n"
        "Of which, export vehicles reached over 33,600 and imported more than 115,000. Total "
        "revenue from border gate infrastructure fees reached nearly 228 billion VND, an "
        "increase of more than 20%."
    )
    found = by_written(text, D(2025, 4, 24), "lang-son")
    for written in ("149,000", "33,600", "228 billion VND"):
        assert (found[written].period_start, found[written].period_end) == (
            D(2025, 1, 1),
            D(2025, 4, 20),
        ), written
    # vietnam.vn, October 2023: an accumulated amount stays as of its date
    stock = (
        "As of October 20, the country had more than 38,600 valid projects with a total "
        "registered capital of 460.07 billion USD. The accumulated realized capital of foreign "
        "investment projects is estimated at nearly 292 billion USD."
    )
    assert by_written(stock, D(2023, 10, 31), "vietnam")["292 billion USD"].period_start == D(
        2023, 10, 20
    )


def test_the_period_right_after_a_figure_does_not_cross_a_clause():
    # phapluatplus.vn, October 2023
    sentence = (
        "Tổng kim ngạch xuất nhập khẩu qua địa bàn tỉnh tháng 10 ước đạt 390 triệu USD; lũy kế "
        "10 tháng năm 2023 ước đạt 3.995 triệu USD, đạt 96,9% kế hoạch."
    )
    found = by_written(sentence, D(2023, 10, 27), "lang-son")
    assert (found["390 triệu USD"].period_start, found["390 triệu USD"].period_end) == (
        D(2023, 10, 1),
        D(2023, 10, 31),
    )
    assert found["3.995 triệu USD"].period_start == D(2023, 1, 1)


def test_a_rate_per_day_has_no_period():
    # phapluatplus.vn, October 2023
    sentence = (
        "Hiện nay, lượng phương tiện xuất nhập khẩu trung bình đạt hơn 1.100 xe/ngày, trong đó "
        "xuất khẩu khoảng 400 xe/ngày (nông sản, trái cây chiếm gần 75%), nhập khẩu hơn 700 "
        "xe/ngày."
    )
    found = by_written(sentence, D(2023, 10, 27), "lang-son")
    for written in ("1.100", "400", "75%", "700"):
        assert (found[written].period_start, found[written].period_end) == (None, None)
    # vietnamplus.vn, July 2023: the border gates before the rate keep their date
    gates = (
        "Five border gates, namely Chi Ma, Huu Nghi, Tan Thanh, Coc Nam and Dong Dang, in the "
        "northern province of Lang Son have maintained their stable operations, with more than "
        "1,000 vehicles handled each day."
    )
    found = by_written(gates, D(2023, 7, 10), "lang-son", "en")
    assert found["1,000"].period_start is None
    assert found["Five"].period_start == D(2023, 7, 10)


def test_a_new_clauses_period_after_its_figure_and_a_yearly_rate():
    # oananews.org (VNA), August 2008
    text = (
        "Plan International has been providing 14 billion VND a year from 2000 to 2010 for a "
        "socio-economic development project in Tu Nghia, Nghia Hanh, Son Tinh and Son Ha "
        "districts, and 21 billion VND for the safe water andenvironmental hygiene project "
        "conducted from 2005 to 2009.\n"
        "The province targets to attract 80 billion VND (4.7 million USD) each year from NGOs "
        "to help poor people and Agent Orange victims."
    )
    found = by_written(text, D(2008, 8, 14))
    assert found["14 billion VND"].period_start == D(2000, 1, 1)
    assert (found["21 billion VND"].period_start, found["21 billion VND"].period_end) == (
        D(2005, 1, 1),
        D(2009, 12, 31),
    )
    for written in ("80 billion VND", "4.7 million USD"):
        assert found[written].period_start is None, written


def test_a_month_named_alone():
    # dailynewsbrief, March 2022
    sentence = (
        "March alone saw 14.8 percent more exports than last year at $34.06 billion and 14.6 "
        "percent more imports at $32.67 billion, translating into a monthly trade surplus of "
        "$1.39 billion, according to GSO."
    )
    found = by_written(sentence, D(2022, 3, 29), "vietnam")
    for written in ("$34.06 billion", "$1.39 billion"):
        assert (found[written].period_start, found[written].period_end) == (
            D(2022, 3, 1),
            D(2022, 3, 31),
        )


def test_the_month_is_the_one_the_sentences_other_period_ends_in():
    # phapluatplus.vn, October 2023
    sentence = (
        "Hàng xuất khẩu địa phương trong tháng ước đạt 14 triệu USD, lũy kế 10 tháng ước đạt "
        "133 triệu USD, đạt 86,4% kế hoạch, tăng 37,1% so với cùng kỳ."
    )
    found = by_written(sentence, D(2023, 10, 27), "lang-son")
    assert (found["14 triệu USD"].period_start, found["14 triệu USD"].period_end) == (
        D(2023, 10, 1),
        D(2023, 10, 31),
    )
    assert found["133 triệu USD"].period_start == D(2023, 1, 1)
    # "hàng xuất khẩu địa phương": the province's own goods
    assert found["133 triệu USD"].indicator_id == "exports_local_goods"
    assert found["37,1%"].indicator_id == "exports_local_goods_yoy"


def test_since_a_month_and_the_same_period_last_year():
    # vietnamplus.vn, July 2023
    text = (
        "Since May, more than 67,600 vehicles have undergone customs clearance at border gates "
        "in Lang Son, of which 31,800 carried exports.\n"
        "The total trade value via border gates in Lang Son in the first six months of this "
        "year was estimated at over 2.28 billion USD, accounting for 60.1% of the target, and "
        "surpassing the figure recorded in the same period last year by 1.1%./."
    )
    found = by_written(text, D(2023, 7, 10), "lang-son", "en")
    assert (found["67,600"].period_start, found["67,600"].period_end) == (
        D(2023, 5, 1),
        D(2023, 7, 10),
    )
    assert (found["1.1%"].period_start, found["1.1%"].period_end) == (
        D(2023, 1, 1),
        D(2023, 6, 30),
    )
    assert found["1.1%"].status == "reported"  # "60.1% of the target" is no target cue


def test_an_events_figures_take_the_day_it_was_held():
    # vietnamplus.vn, June 2023
    text = (
        "The People's Committee of Khanh Hoa, in collaboration with the Vietnam Union of "
        "Friendship Organisations, on June 27 organised a conference to promote foreign "
        "non-governmental aid into the central coastal province in 2023.\n"
        "The conference, held in-person in Nha Trang city and connected to 14 non-governmental "
        "organisations (NGOs) in the world, aims to inform the organisations about priority "
        "projects of Khanh Hoa in the coming time.\n"
        "On this occasion, the People's Committee of Khanh Vinh district and France's Hoa Trang "
        "- Fleur Blanche signed a memorandum of understanding on providing financial support to "
        "rebuild toilets at two schools in the district./."
    )
    found = by_written(text, D(2023, 6, 28))
    for written in ("14", "two"):
        assert (found[written].period_start, found[written].period_end) == (
            D(2023, 6, 27),
            D(2023, 6, 27),
        ), written
    # quangnamnews.vn, June 2016: "2nd June"
    review = (
        "(QNO) - A review conference on the Mobilization of Foreign Non-governmental Aid in the "
        "period 2010-2015 and the orientation of 2016-2020 was held on 2nd June by Quang Nam "
        "Provincial People's Committee.\n"
        "Also at the conference, 15 teams were awarded certificates of merit."
    )
    assert by_written(review, D(2016, 6, 3))["15"].period_start == D(2016, 6, 2)
