"""The words of period phrases (months, weekdays, number words, quarters) and the helpers
that turn them into dates, for `extract_period_rules`."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from foreign_ties.extract_figures import VI_WORDS

MONTHS = {
    m.lower(): i
    for i, m in enumerate(
        "January February March April May June July August September October November "
        "December".split(),
        start=1,
    )
}
WORD_NUMBERS = {
    w: i
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(), start=1
    )
} | {**VI_WORDS, "mười một": 11, "mười hai": 12}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}

MONTH_NAMES = "|".join(MONTHS)
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
WEEKDAY_NAMES = "|".join(WEEKDAYS)
NUMBER_WORDS = r"\d{1,2}|mười một|mười hai|" + "|".join(WORD_NUMBERS)
YEAR = r"(?:19|20)\d\d"
TO_DATE = "to_date"
RELATIVE = "relative"
THE_MONTH = "the_month"  # "trong tháng": the month the sentence's other period ends in


def last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def num(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else WORD_NUMBERS[text]


def year_ending(m: dict, month: int, published: dt.date) -> int:
    """The written year ("this year" is the publication's), else the latest year in which
    `month` had come by publication."""
    if m.get("y"):
        return int(m["y"])
    if re.search(r"this year|năm nay", m.get("text") or "", re.I):
        return published.year
    return published.year if month <= published.month else published.year - 1


def months(y: int, m1: int, m2: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m1, 1), last_day(y, m2)


def unwritten(m) -> str:
    return "" if m.get("y") else "year not written: the latest before publication"
