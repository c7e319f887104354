"""Indicator suggestions from the keyword lists (data/extraction/indicator_keywords.csv), on
real published sentences, both languages, written with or without diacritics."""

from __future__ import annotations

import datetime as dt

import pytest

from foreign_ties.extract import extract
from foreign_ties.extract_context import strip_accents
from foreign_ties.extract_indicators import same_tones

D = dt.date
JANUARY_2024 = D(2024, 1, 1)


def indicators(text, published=JANUARY_2024, place=None, language=None):
    found = extract(text, published, place, language)
    return {c.value_as_written: c.indicator_id for c in found}


# kinhtenongthon.nongnghiep.vn (Son La, Q1 2022)
SON_LA_Q1 = "giá trị hàng hóa xuất khẩu trong quý I/2022 của tỉnh ước đạt 37,22 triệu USD"


def test_a_keyword_is_found_without_diacritics_and_with_either_tone_placement():
    expected = {"37,22 triệu USD": "exports_provincial_statistics"}
    assert indicators(SON_LA_Q1, place="son-la") == expected
    # the same sentence typed without diacritics, and with the older placement "hoá"
    assert indicators(strip_accents(SON_LA_Q1), place="son-la") == {
        "37,22 trieu USD": "exports_provincial_statistics"
    }
    assert indicators(SON_LA_Q1.replace("hóa", "hoá"), place="son-la") == expected
    assert same_tones("hoá thuỷ") == same_tones("hóa thủy") and len(same_tones("hóa")) == 3


@pytest.mark.parametrize(
    ("text", "published", "place", "expected"),
    [
        # vccinews.com, 28 Dec 2016: an abbreviation in brackets between a keyword's words
        (
            "As of November 2016, Son La licensed 306 investment projects with a total "
            "registered capital of VND33,415.07 billion, including nine foreign direct "
            "investment (FDI) projects with a registered capital of US$148,080,000 "
            "(VND3,113.244 billion).",
            D(2016, 12, 28),
            "son-la",
            {"nine": "fdi_projects", "US$148,080,000": "fdi_registered_capital"},
        ),
        # vbf (Vietnam Business Forum), Son La, 6 Nov 2024: the counted noun after an
        # adjective ("38 new NGO programs"); "received" alone names no delegation
        (
            "The province has received 38 new NGO programs, projects and aids worth "
            "US$18,046,751 in total.",
            D(2024, 11, 6),
            "son-la",
            {"38": "ngo_projects_cumulative", "US$18,046,751": "ngo_aid_cumulative"},
        ),
        # vietnamplus.vn, 30 June 2020: "U.S. dollars" is USD
        (
            "In 2019, Vietnam’s total trade turnover reached nearly 517 billion U.S. dollars "
            "with an export turnover of approximately 263.5 billion U.S. dollars, up 8.1 "
            "percent against 2018.",
            D(2020, 6, 30),
            "vietnam",
            {
                "517 billion U.S. dollars": "trade_national_total",
                "263.5 billion U.S. dollars": "exports_national",
                "8.1 percent": "exports_national_yoy",
            },
        ),
        # vietnamplus.vn, 2 Dec 2021: "exported goods worth" (worth names no aid)
        (
            "In 2020, Vietnam exported goods worth an estimated US$281.5 billion, up 6.5 "
            "percent from 2019, and became a world leader in terms of export growth despite "
            "the Covid-19 pandemic...",
            D(2021, 12, 2),
            "vietnam",
            {"US$281.5 billion": "exports_national", "6.5 percent": "exports_national_yoy"},
        ),
        # vbf, Tuyen Quang, March 2023
        (
            "Tuyen Quang province has also implemented eight official development assistance "
            "(ODA) programs and projects, and more than 50 non-refundable aid packages that "
            "are not part of ODA.",
            D(2023, 3, 12),
            "tuyen-quang",
            {"eight": "oda_programmes", "50": "non_oda_aid_packages"},
        ),
        # MPI, January 2025: exports "including crude oil" are the FDI sector's, the way
        # the Ministry publishes them (the indicator's definition)
        (
            "Export: Export (including crude oil) was estimated at about 290.9 billion USD, up "
            "12.3% year-on-year, accounting for 71.7% of export turnover.",
            D(2025, 1, 14),
            "vietnam",
            {
                "290.9 billion USD": "exports_fdi_sector",
                "12.3%": "exports_fdi_sector_yoy",
                "71.7%": "exports_fdi_sector_share",
            },
        ),
        # Vietnam Business Forum, Son La, 6 Nov 2024: "nine out of 18 Lao provinces" counts
        # Lao provinces (the first of two overlapping nouns)
        (
            "Carrying out Party and State policies on international integration, Son La "
            "province, from the friendly and cooperative relationship with only one Lao "
            "province, has now established comprehensive, friendly and cooperative relations "
            "with nine out of 18 Lao provinces and cities, and cooperative ties with 20 "
            "diplomatic representative agencies in Vietnam.",
            D(2024, 11, 6),
            "son-la",
            {"nine": "lao_partner_provinces", "20": "diplomatic_agencies_cooperating"},
        ),
        (
            "To date, Son La has exported and introduced more than 17 agricultural products to "
            "21 countries and territories.",
            D(2024, 11, 6),
            "son-la",
            {"17": "exported_agri_products", "21": "export_markets"},
        ),
        # Vietnam Business Forum, Tuyen Quang, March 2023: the first noun after a count
        (
            'Recognizing "economic diplomacy as a foundational and pivotal task," Tuyen Quang '
            "has recently hosted six seminars and meetings with businesses from Japan, South "
            "Korea, Germany and France, concentrating on energy, technology, science, "
            "innovation, agriculture, health and other fields.",
            D(2023, 3, 12),
            "tuyen-quang",
            {"six": "business_seminars_hosted"},
        ),
        (
            "The province has established economic and trade relations with partners from "
            "nearly 20 countries and territories.",
            D(2023, 3, 12),
            "tuyen-quang",
            {"20": "trade_partner_countries"},
        ),
        # baosonla.vn, January 2026: a province's exports, not the nation's
        (
            "Giá trị hàng hóa tham gia xuất khẩu phấn đấu đạt 240 triệu USD, tăng gần 11,6 % so "
            "với năm 2025.",
            D(2026, 1, 22),
            "son-la",
            {"240 triệu USD": "exports_provincial_statistics"},
        ),
        # vietnamplus.vn, 21st National Conference on Foreign Affairs, December 2023
        (
            "Cultural diplomacy in localities has thrived, resulting in the recognition of 13 "
            "titles by UNESCO in the past three years, with several heritage files under "
            "consideration by UNESCO.",
            D(2023, 12, 18),
            "vietnam",
            {"13": "unesco_titles"},
        ),
        # vietnamnews.vn, Tuyen Quang, April 2025
        (
            "In 2024, Vietnamese communities abroad contributed over VNĐ1 billion (US$39,000), "
            "16 tonnes of rice, and other aid to support local disaster relief.",
            D(2025, 4, 4),
            "tuyen-quang",
            {"VNĐ1 billion": "overseas_vietnamese_aid", "US$39,000": "overseas_vietnamese_aid"},
        ),
    ],
)
def test_indicator_keywords_on_real_sentences(text, published, place, expected):
    found = indicators(text, published, place)
    assert {k: found.get(k) for k in expected} == expected


# --- a figure of another province; the capital of one project -----------------------------


def test_another_provinces_figure_has_no_place_or_measure_here():
    # baodauthau.vn, July 2016: Hai Phong is the sentence's subject ("nhất cả nước" does
    # not make it the nation's)
    text = (
        "Hải Phòng là địa phương thu hút được nhiều vốn FDI nhất cả nước trong 7 tháng đầu "
        "năm với số vốn đăng ký đầu tư là 1.839 triệu USD, chiếm 21,2% tổng vốn đăng ký."
    )
    found = extract(text, D(2016, 7, 20), "vietnam")
    assert [(c.province_id, c.indicator_id) for c in found] == [(None, None), (None, None)]
    # vietnamnet.vn, 7 November 2025: each amount follows its province
    text = (
        "Theo đó, trong 10 tháng qua, 4 tỉnh vẫn có kim ngạch xuất khẩu dưới ngưỡng 100 triệu "
        "USD, gồm: Cao Bằng đạt 42,3 triệu USD, Lai Châu 24,2 triệu USD, Sơn La 20,5 triệu USD "
        "và Điện Biên 5,5 triệu USD"
    )
    found = {c.value_as_written: c.province_id for c in extract(text, D(2025, 11, 7))}
    del found["4"], found["100 triệu USD"]
    assert found == {
        "42,3 triệu USD": None,
        "24,2 triệu USD": None,
        "20,5 triệu USD": "son-la",
        "5,5 triệu USD": None,
    }


def test_a_place_named_as_a_reference_point_keeps_the_figure_here():
    # iphub.vn/lang-son/: the distance from Ha Noi is Lang Son's
    text = "Lạng Sơn là tỉnh miền núi, cách thủ đô Hà Nội 154 km đường bộ và 165 km đường sắt."
    assert {c.province_id for c in extract(text, D(2023, 7, 1), "lang-son")} == {"lang-son"}


def test_the_total_investment_of_one_project_is_that_projects_capital():
    # iphub.vn/lang-son/ (VSIP Lang Son)
    text = (
        "Công ty cổ phần Phát triển đô thị và Khu công nghiệp Việt Nam Singapore (VSIP) là nhà "
        "đầu tư dự án với tổng vốn đầu tư hơn 6.361 tỷ đồng, tương đương xấp xỉ 275 triệu USD."
    )
    found = extract(text, D(2023, 7, 1), "lang-son")
    assert {c.indicator_id for c in found} == {"fdi_project_capital"}
    assert {(c.period_start, c.period_end) for c in found} == {(None, None)}


def test_a_result_with_no_period_is_counted_to_date():
    # Vietnam Business Forum, Tuyen Quang, 12 March 2023: no period, not "new": the
    # agreements in place at the article's date
    text = (
        "It has established and implemented nine international agreements at the provincial "
        "level and more than 40 international cooperation documents of provincial agencies in "
        "various fields."
    )
    c = extract(text, D(2023, 3, 12), "tuyen-quang")[0]
    assert (c.indicator_id, c.period_start, c.period_end) == (
        "intl_agreements_cumulative",
        D(2023, 3, 12),
        D(2023, 3, 12),
    )
