"""Numbers, money, qualifiers and periods as a reader expects them, in either language.

Nothing here rounds a published figure: a value is shown in the largest scale (billion,
million) that still represents it exactly with at most three decimals, otherwise in full.
"""

from __future__ import annotations

import datetime as dt
import math

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from foreign_ties.i18n import current_language, t

# A qualifier is written as the source said it ("about 20", "khoảng 20"), never as a bare
# mark (≈, >): leaders read these figures aloud and on projected slides.
QUALIFIER_WORDS = ("approx", "more_than", "at_least", "less_than")

# (divisor, message key of the scale word); checked from largest to smallest.
_SCALES = ((1e9, "scale.billion"), (1e6, "scale.million"))


def _exact_scaled(value: float) -> tuple[float, str | None]:
    """The largest scale in which `value` needs at most 3 decimals, and that scale's key."""
    for divisor, key in _SCALES:
        if abs(value) >= divisor:
            scaled = value / divisor
            if math.isclose(scaled, round(scaled, 3), rel_tol=0, abs_tol=1e-9):
                return round(scaled, 3), key
    return value, None


def number(value: float, lang: str | None = None) -> str:
    """A plain number in the locale's format, without losing digits (1,234.5 / 1.234,5)."""
    lang = lang or current_language()
    return format_decimal(value, format="#,##0.##########", locale=lang)


def percent(value: float, lang: str | None = None) -> str:
    """A percentage with the locale's decimal separator: 8.8% / 8,8%; 0.00721% / 0,00721%."""
    return number(value, lang) + "%"


def money(value: float, currency: str, lang: str | None = None) -> str:
    """US$186.6 million / 186,6 triệu USD; VND 7,400 billion / 7.400 tỷ đồng."""
    lang = lang or current_language()
    scaled, scale_key = _exact_scaled(value)
    if (
        currency == "VND"
        and scale_key == "scale.billion"
        or currency == "VND"
        and abs(value) >= 1e12
    ):
        # Officials write VND in billions (tỷ đồng) even above a trillion.
        scaled, scale_key = value / 1e9, "scale.billion"
        if not math.isclose(scaled, round(scaled, 3), abs_tol=1e-9):
            scaled, scale_key = value, None
    digits = number(scaled, lang)
    scale = t(scale_key, lang) if scale_key else ""
    return t(f"money.{currency}", lang, n=digits, scale=scale).replace("  ", " ").strip()


# The ordinal forms Babel's plural rules give (CLDR): English 1st 2nd 3rd 4th 11th 21st,
# Vietnamese "thứ nhất" for 1 and "thứ 29" otherwise; each form is a message key
# (rank.ordinal.<form>, and rank.first for 1, which Vietnamese writes in a word).
ORDINAL_FORMS = ("one", "two", "few", "other")


def rank_text(position: float, out_of: float | None = None, lang: str | None = None) -> str:
    """A position among provinces: '29th' / 'thứ 29'; with the total its sentence states,
    '16th of 63 provinces and cities' / 'thứ 16/63 tỉnh, thành phố'."""
    lang = lang or current_language()
    n = int(position)
    form = Locale.parse(lang).ordinal_form(n)
    # first has its own word ("thứ nhất"); the other forms write the number
    ordinal = (
        t("rank.first", lang) if n == 1 else t(f"rank.ordinal.{form}", lang, n=number(n, lang))
    )
    if out_of is None or (isinstance(out_of, float) and math.isnan(out_of)):
        return ordinal
    return t("rank.of_total", lang, rank=ordinal, total=number(int(out_of), lang))


# Year-on-year growth is its own measure `<indicator_id>_yoy` (data/README.md).
CHANGE_SUFFIX = "_yoy"


def is_change(indicator_id: str) -> bool:
    return indicator_id.endswith(CHANGE_SUFFIX)


def value_text(
    value: float, unit: str, qualifier: str = "exact", lang: str | None = None, change=False
) -> str:
    """A figure with its qualifier in words and its unit: 'about 20', 'over 40',
    'US$186.6 million', 'khoảng 20'; a `change` as reports write it: 'down 4.6%', 'giảm 4,6%'
    (never a growth of -4.6%); a rank as '29th' / 'thứ 29'."""
    lang = lang or current_language()
    if unit == "rank":
        return rank_text(value, None, lang)
    if change and unit == "percent" and value != 0:
        size = percent(abs(value), lang)
        if qualifier in QUALIFIER_WORDS:  # 'up over 15%', 'tăng hơn 15%'
            size = t(f"words.{qualifier}", lang, value=size)
        return t("change.up" if value > 0 else "change.down", lang, value=size)
    if unit in ("USD", "VND"):
        body = money(value, unit, lang)
    elif unit == "percent":
        body = percent(value, lang)
    elif unit in ("km", "km2"):
        body = f"{number(value, lang)} {t('unit.' + unit, lang)}"
    else:
        body = number(value, lang)
    if qualifier in QUALIFIER_WORDS:
        return t(f"words.{qualifier}", lang, value=body)
    return body


def date_text(day: dt.date, lang: str | None = None) -> str:
    lang = lang or current_language()
    # Vietnamese reports write 1/7/2025, 31/12/2025 (one style: no leading zeros)
    return format_date(day, "d/M/yyyy" if lang == "vi" else "d MMM yyyy", locale=lang)


def _month(day: dt.date, lang: str) -> str:
    """'Oct' in English; '10' in Vietnamese, which writes 'tháng 1–10/2024'."""
    return format_date(day, "M" if lang == "vi" else "MMM", locale=lang)


def period_text(start: dt.date, end: dt.date, kind: str, lang: str | None = None) -> str:
    """'2023', '2021–2023', 'Q1 2022', 'Jan–Oct 2024', 'as of 6 Nov 2024'."""
    lang = lang or current_language()
    if kind == "stock" or start == end:
        return t("period.as_of", lang, date=date_text(end, lang))
    whole_years = start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31
    if whole_years:
        return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
    month_end = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and month_end and start.year == end.year:
        if start.month == end.month:
            return t("period.month", lang, month=_month(start, lang), year=start.year)
        if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
            q = (start.month - 1) // 3 + 1
            return t("period.quarter", lang, q=_ROMAN[q] if lang == "vi" else q, year=start.year)
        if start.month == 1:  # "9 tháng đầu năm 2024", as reports write it
            return t("period.first_months", lang, end=_month(end, lang), year=end.year)
        return t(
            "period.month_range",
            lang,
            start=_month(start, lang),
            end=_month(end, lang),
            year=start.year,
        )
    if start.month == 1 and start.day == 1 and start.year == end.year:
        return t("period.year_to_date", lang, end=date_text(end, lang))
    return t("period.range", lang, start=date_text(start, lang), end=date_text(end, lang))


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


# Plotly's layout.separators: the decimal mark, then the thousands mark.
_SEPARATORS = {"en": ".,", "vi": ",."}
# Date tick labels by tick spacing (days, months, years). Vietnamese writes dates in numbers
# (06/11/2024, 11/2024): Plotly's own month names are English only.
_DATE_TICKS = {"en": ("%-d %b %Y", "%b %Y", "%Y"), "vi": ("%d/%m/%Y", "%m/%Y", "%Y")}


def plotly_separators(lang: str | None = None) -> str:
    """A chart's decimal and thousands marks: '.,' (1,234.5) or ',.' (1.234,5)."""
    return _SEPARATORS.get(lang or current_language(), _SEPARATORS["en"])


def date_tickformats(lang: str | None = None) -> list[dict]:
    """`tickformatstops` for a date axis: 6 Nov 2024 / Nov 2024 / 2024, or 06/11/2024 / 11/2024."""
    day, month, year = _DATE_TICKS.get(lang or current_language(), _DATE_TICKS["en"])
    return [
        {"dtickrange": [None, "M1"], "value": day},
        {"dtickrange": ["M1", "M12"], "value": month},
        {"dtickrange": ["M12", None], "value": year},
    ]


def is_part_year(start: dt.date, end: dt.date, kind: str) -> bool:
    """A flow shorter than its calendar year (Jan–Oct, a quarter, a half-month)."""
    if kind == "stock":
        return False
    return not (start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31)
