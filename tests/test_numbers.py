"""Figures as written -> values in base units; qualifiers read from the words around them."""

from __future__ import annotations

import math

import pytest

from foreign_ties.numbers import (
    APPROX_CUES,
    AT_LEAST_CUES,
    LESS_THAN_CUES,
    MORE_THAN_CUES,
    FigureParseError,
    ParsedFigure,
    find_figure,
    parse_figure,
    qualifier_cue,
)

PARSES = [
    # money, English
    ("US$186.6 million", "en", 186_600_000, "USD"),
    ("US$18,046,751", "en", 18_046_751, "USD"),
    ("US$177.6 million", "en", 177_600_000, "USD"),
    ("VND7,400 billion", "en", 7.4e12, "VND"),
    ("VND 12.3 trillion", "en", 12.3e12, "VND"),
    ("VNĐ10 trillion", "en", 10e12, "VND"),
    ("VND 21,000 billion", "en", 21e12, "VND"),
    ("1.31 trillion VND", "en", 1.31e12, "VND"),
    ("$24.1 billion", "en", 24.1e9, "USD"),
    ("24.1 billion USD", "en", 24.1e9, "USD"),
    ("15.8 billion USD", "en", 15.8e9, "USD"),
    ("$17 billion", "en", 17e9, "USD"),
    ("US$10 bln", "en", 10e9, "USD"),
    ("USD 504.8 million", "en", 504.8e6, "USD"),
    ("336.25 billion dollars", "en", 336.25e9, "USD"),
    ("517 billion U.S. dollars", "en", 517e9, "USD"),
    ("1,865,270 people", "en", 1_865_270, "people"),
    ("1.865.270 người", "vi", 1_865_270, "people"),
    ("4,477 million USD", "en", 4_477e6, "USD"),
    ("US$85.856 million", "en", 85_856_000, "USD"),
    ("219,750 USD", "en", 219_750, "USD"),
    # money, Vietnamese ('.' thousands, ',' decimal; tỷ 1e9, triệu 1e6, nghìn tỷ 1e12)
    ("5 billion VND", "vi", 5e9, "VND"),
    ("300 tỷ đồng", "vi", 300e9, "VND"),
    ("30 nghìn tỷ đồng", "vi", 30e12, "VND"),
    ("27 ngàn tỷ đồng", "vi", 27e12, "VND"),
    ("51.990,563 triệu USD", "vi", 51_990_563_000, "USD"),
    ("37,22 triệu USD", "vi", 37_220_000, "USD"),
    ("74 tỷ USD", "vi", 74e9, "USD"),
    ("20 triệu đô", "vi", 20e6, "USD"),
    ("1.423 tỷ đô la Mỹ", "vi", 1_423e9, "USD"),
    ("4.975 triệu USD", "vi", 4_975e6, "USD"),
    ("2.750 triệu USD", "vi", 2_750e6, "USD"),
    ("162,5 triệu USD", "vi", 162.5e6, "USD"),
    ("1,5 tỉ USD", "vi", 1.5e9, "USD"),
    # French, Spanish, Portuguese, Japanese
    ("354,5 milliards de dollars", "fr", 354.5e9, "USD"),
    ("162 milliards de dollars", "fr", 162e9, "USD"),
    ("640 millones de dólares", "es", 640e6, "USD"),
    ("2 mil millones de dólares", "es", 2e9, "USD"),
    ("1,2 bilhões de dólares", "pt", 1.2e9, "USD"),
    ("844億ドル", "ja", 84.4e9, "USD"),
    ("84億4000万米ドル", "ja", 8.44e9, "USD"),
    ("４０００万", "ja", 40e6, "count"),
    # counts
    ("nine", "en", 9, "count"),
    ("Thirty-one", "en", 31, "count"),
    ("thirty one", "en", 31, "count"),
    ("eight", "en", 8, "count"),
    ("Twelve", "en", 12, "count"),
    ("ninety-nine", "en", 99, "count"),
    ("one hundred and twenty", "en", 120, "count"),
    ("two million", "en", 2e6, "count"),
    ("10", "en", 10, "count"),
    ("422", "en", 422, "count"),
    ("12,500", "en", 12_500, "count"),
    ("12.500", "vi", 12_500, "count"),
    ("1 234,5", "fr", 1234.5, "count"),
    ("23,787.3191666667", "en", 23_787.3191666667, "count"),
    # percent
    ("8.8%", "en", 8.8, "percent"),
    ("81,84%", "vi", 81.84, "percent"),
    ("9 percent", "en", 9, "percent"),
    ("17 per cent", "en", 17, "percent"),
    ("9.2per cent", "en", 9.2, "percent"),
    ("32 por ciento", "es", 32, "percent"),
    ("7,9%", "fr", 7.9, "percent"),
    ("107%", "ja", 107, "percent"),
    # distances and areas
    ("231.74km", "en", 231.74, "km"),
    ("231km", "en", 231, "km"),
    ("231.7km", "en", 231.7, "km"),
    ("177 km", "en", 177, "km"),
    ("13.795,50 km2", "vi", 13_795.5, "km2"),
    ("7.927,56km2", "vi", 7_927.56, "km2"),
    ("7,927.56 km²", "en", 7_927.56, "km2"),
]


@pytest.mark.parametrize(("text", "language", "value", "unit"), PARSES)
def test_parse_figure(text, language, value, unit):
    parsed = parse_figure(text, language)
    assert isinstance(parsed, ParsedFigure)
    assert parsed.unit == unit
    assert math.isclose(parsed.value, value, rel_tol=1e-12), parsed


def test_results_are_exact_decimals():
    assert parse_figure("51.990,563 triệu USD", "vi").value == 51990563000.0
    assert parse_figure("US$186.6 million", "en").value == 186600000.0


FAILURES = [
    ("", "en", "empty"),
    ("   ", "en", "empty"),
    ("12.3%", "vi", "decimal ','"),  # vi writes 12,3%
    ("1,2", "en", "decimal '.'"),  # en writes 1.2
    ("1,23,456", "en", "not a number"),
    ("10 10", "en", "not a number"),
    ("nearly 10", "en", "'nearly' is not a number word"),  # qualifiers are not part of it
    ("more than 40", "en", "not a number word"),
    ("abc", "en", "not a number word"),
    ("hai", "vi", "cannot read"),  # number words only in English
    ("US$5 VND", "en", "more than one unit"),
    ("5%km", "en", "more than one unit"),
    ("5", "xx", "unknown language"),
    ("one two", "en", "out of order"),
    ("billion", "en", "no number"),
    ("US$", "en", "no number"),
    ("5 tons", "en", "not a number word"),
    ("4.6% decrease", "en", "not a number word"),
    ("€5 million", "en", "not a number word"),
]


@pytest.mark.parametrize(("text", "language", "message"), FAILURES)
def test_parse_figure_refuses(text, language, message):
    with pytest.raises(FigureParseError, match=message.replace("(", r"\(")):
        parse_figure(text, language)


CUES = [
    ("Son La has nine out of 18 Lao provinces.", "nine", "en", "exact"),
    ("The province had nearly 10 business trips abroad.", "10", "en", "approx"),
    ("There were approximately 35 meetings.", "35", "en", "approx"),
    ("Exports were estimated at US$1.2 billion.", "US$1.2 billion", "en", "approx"),
    # "an estimated" is an estimate too, as "estimated at" (one rule for both wordings)
    (
        "Vietnam exported goods worth an estimated US$281.5 billion, up 6.5 percent",
        "US$281.5 billion",
        "en",
        "approx",
    ),
    ("An estimated 40 firms attended.", "40", "en", "approx"),
    ("It has some 20 partners.", "20", "en", "approx"),
    ("The province signed more than 40 agreements.", "40", "en", "more_than"),
    ("It received over 50 aid packages.", "50", "en", "more_than"),
    ("Exports exceeded US$2 billion.", "US$2 billion", "en", "more_than"),
    ("Trade in excess of US$3 billion passed.", "US$3 billion", "en", "more_than"),
    ("Trade is forecast to surpass 660 billion USD.", "660 billion USD", "en", "more_than"),
    (
        "US$786 billion, far exceeding a record of US$732 billion in 2022",
        "US$732 billion",
        "en",
        "exact",
    ),
    ("At least 12 projects were signed.", "12", "en", "at_least"),
    ("Fewer than 5 delegations came.", "5", "en", "less_than"),
    ("Aid was below US$1 million.", "US$1 million", "en", "less_than"),
    # cue words that are not qualifiers of the figure
    ("Over the past three years, localities signed 422 agreements.", "422", "en", "exact"),
    ("In 2010, about 15 firms and 10 others.", "10", "en", "exact"),
    ("trên địa bàn có 20 dự án FDI", "20", "vi", "exact"),
    # first occurrence decides; not inside a longer number
    ("In 2010, more than 10 trips", "10", "en", "more_than"),
    ("nearly 10 trips and 10 talks", "10", "en", "approx"),
    # Vietnamese
    (
        "giá trị hàng hóa xuất khẩu ước đạt 37,22 triệu USD tăng 19,72%",
        "37,22 triệu USD",
        "vi",
        "approx",
    ),
    ("tăng gần 20% so với", "20%", "vi", "approx"),
    ("ước tính đạt 5 tỷ USD", "5 tỷ USD", "vi", "approx"),
    ("Giá trị xuất khẩu nông sản đạt hơn 150 triệu USD", "150 triệu USD", "vi", "more_than"),
    ("nông sản tươi đạt trên 24 triệu USD", "24 triệu USD", "vi", "more_than"),
    ("ít nhất 3 dự án", "3", "vi", "at_least"),
    ("chưa đến 2 triệu USD", "2 triệu USD", "vi", "less_than"),
    ("nông sản chế biến 126 triệu USD.", "126 triệu USD", "vi", "exact"),
    # French, Spanish, Japanese
    (
        "les exportations atteignent près de 354,5 milliards de dollars",
        "354,5 milliards de dollars",
        "fr",
        "approx",
    ),
    ("plus de 5 milliards de dollars", "5 milliards de dollars", "fr", "more_than"),
    (
        "la valeur des exportations a dépassé 208 millions de dollars américains",
        "208 millions de dollars américains",
        "fr",
        "more_than",
    ),
    ("alcanzó alrededor de 640 millones de dólares", "640 millones de dólares", "es", "approx"),
    ("alcanzó más de 640 millones de dólares", "640 millones de dólares", "es", "more_than"),
    ("輸出入総額は844億ドル以上に達している", "844億ドル", "ja", "more_than"),
    ("輸出入総額は約844億ドルに達した", "844億ドル", "ja", "approx"),
    ("輸出入総額は844億ドルに達した", "844億ドル", "ja", "exact"),
]


@pytest.mark.parametrize(("quote", "written", "language", "qualifier"), CUES)
def test_qualifier_cue(quote, written, language, qualifier):
    assert qualifier_cue(quote, written, language) == qualifier


def test_qualifier_cue_needs_the_figure_in_the_quote():
    with pytest.raises(ValueError, match="does not occur"):
        qualifier_cue("nearly 10 trips", "11", "en")


def test_cue_lists_are_module_constants():
    assert "nearly" in APPROX_CUES and "gần" in APPROX_CUES and "約" in APPROX_CUES
    assert "more than" in MORE_THAN_CUES and "以上" in MORE_THAN_CUES
    assert "at least" in AT_LEAST_CUES and "less than" in LESS_THAN_CUES


@pytest.mark.parametrize(
    ("quote", "written", "index"),
    [
        ("in 2010 there were 10 trips", "10", 19),
        ("ninety or nine", "nine", 10),
        ("US$1,234 and 234", "234", 13),
        ("6/11/2024 and 11 days", "11", 14),
        ("844億ドル以上", "844億ドル", 0),
        ("no such figure", "12", -1),
    ],
)
def test_find_figure_ignores_parts_of_longer_tokens(quote, written, index):
    assert find_figure(quote, written) == index


@pytest.mark.parametrize(
    "quote,written,lang,sign",
    [
        ("which hit 354.7 billion USD, down 4.6% compared to 2022.", "4.6%", "en", -1),
        ("en baisse de 4,6% sur un an.", "4,6%", "fr", -1),
        ("reached 38.23 billion USD, a slight 3% year-on-year decrease.", "3%", "en", -1),
        (
            "Vietnam received US$19.74 billion in 2021, down 1.2per cent from a year earlier",
            "1.2per cent",
            "en",
            -1,
        ),
        ("up 1.8% in number and down 7.6% in value year-on-year.", "1.8%", "en", 1),
        ("up 1.8% in number and down 7.6% in value year-on-year.", "7.6%", "en", -1),
        ("Xuất khẩu đạt 156 triệu USD, tăng 9,9%.", "9,9%", "vi", 1),
        ("kim ngạch giảm 5,2% so với cùng kỳ", "5,2%", "vi", -1),
        ("up 8.8% year on year", "8.8%", "en", 1),
    ],
)
def test_direction_cue_reads_decreases_from_the_words(quote, written, lang, sign):
    from foreign_ties.numbers import direction_cue

    assert direction_cue(quote, written, lang) == sign
