"""Periods carried between sentences, beyond the sentence before (extract.py carries that),
and the default of a figure with none: an excerpt's opening figures take the first period the
text names; a stock in a later paragraph is as of the publication date rather than the end
of a period carried to it; an event's figures with no date written are the last day written
(else the publication day's); a rate per day has no period; a flow with none written has
none (a January or February report's: the year just ended), a stock is as of publication.
`figure_period` reads a figure's period from the mention that governs it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from foreign_ties import extract_indicators as ind
from foreign_ties.extract_period_rules import THE_MONTH, TO_DATE
from foreign_ties.extract_periods import Mention

NO_PERIOD = "no period in the text"
# "trung bình đạt hơn 1.100 xe/ngày", "more than 1,000 trucks ... cleared daily", "1,000
# vehicles handled each day": a rate per day has no period (the days are not said)
PER_DAY = re.compile(
    r"/\s*ngày|\b(?:per|each|every) day\b|\ba day\b(?! (?:of|after|before|later|earlier))"
    r"|\bdaily\b|mỗi ngày|(?:bình quân|trung bình) ngày",
    re.I,
)
# "12:31:51 AM | 11/2/2015", "(27/02/2012 17:00)", "17:22 | 16/04/2015 Trade": a page's
# posting date and time, not a period for the sentences after it
PAGE_DATE_LINE = re.compile(
    r"\W*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:AM|PM)?\s*[|,-]?\s*\d{1,2}/\d{1,2}/\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{4}\s*[|,-]?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:AM|PM))?)\W*(?:\w+\W*)?",
    re.I,
)
PER_YEAR = re.compile(
    r"\b(?:per|a|each|every) year\b(?! (?:earlier|ago|before|on))|mỗi năm|hằng năm|hàng năm",
    re.I,
)


def opening_period(out: list, in_sentence: int, first: Mention, text: str, offset: int) -> list:
    """'Export turnover reached $67.7 billion, ...' then, in the next paragraph, 'During the
    first five months of 2016, ...': an excerpt's opening figures, before any period is
    written, take the first one named, when it comes in the text's first paragraph or the
    next and that paragraph is prose, not a headline. `in_sentence`: how many of `out` are
    the figures of the sentence naming it."""
    opening = out[: len(out) - in_sentence]
    rest = out[len(out) - in_sentence :]
    note = "an opening figure: the first period the text names"
    paragraphs = [line.strip() for line in text[:offset].split("\n") if line.strip()]
    if not paragraphs or not paragraphs[0].endswith((".", "!")):
        return out  # a headline ("Hơn 23.000 tỷ đồng đầu tư vào Sơn La") keeps none
    changed = []
    for c in opening:
        opening_line = not any(line.strip() for line in text[: c.offset].split("\n")[:-1])
        unstated = c.period_note.startswith(NO_PERIOD) and kind(c.indicator_id) != "stock"
        if unstated and opening_line and len(paragraphs) <= 2:
            c = dataclasses.replace(
                c, period_start=first.period_start, period_end=first.period_end, period_note=note
            )
        changed.append(c)
    return changed + rest


def from_the_text(candidate) -> bool:
    """The candidate's period was read in the text (not a default for a figure with none)."""
    return bool(candidate.period_start) and not candidate.period_note.startswith(NO_PERIOD)


def the_month_of(mentions: list[Mention], carried: Mention | None) -> list[Mention]:
    """'Only 49 new foreign-invested projects received licences during the month' after 'the
    first seven months': "the month" is the one the period carried over ends in (when the
    sentence names no other period)."""
    if carried is None or any(m.kind != THE_MONTH for m in mentions):
        return mentions
    end = carried.period_end
    first, note = dt.date(end.year, end.month, 1), "'the month': the one the period before ends in"
    return [
        m._replace(period_start=first, period_end=end, note=note) if m.kind == THE_MONTH else m
        for m in mentions
    ]


def stock_in_a_later_paragraph(mention: Mention | None, kind: str | None) -> Mention | None:
    """'Năm 2023, tỉnh Sơn La thu hút được thêm 24 dự án ...' then, in the next paragraph,
    'Sơn La có ... diện tích tự nhiên 14.000 km2': a stock there is as of the publication
    date (no period of its own), not as of the end of 2023."""
    return None if kind == "stock" else mention


# "During the event, 14 projects received ...": the figures of a conference or a visit
_EVENT = re.compile(
    r"\b(?:during|at) the (?:event|conference|forum|ceremony|meeting|visit)\b|tại (?:hội nghị"
    r"|sự kiện|diễn đàn|buổi lễ|lễ)|trong (?:chuyến thăm|khuôn khổ (?:hội nghị|sự kiện))"
    r"|^\W*the (?:event|conference|forum|ceremony|meeting),|\bon (?:this|the) occasion\b"
    r"|nhân dịp này",
    re.I,
)


def event(sentence: str, day: dt.date) -> Mention | None:
    """The figures of a conference or a visit with no date of their own: the last day the
    text wrote ("was held on 2nd June"), else the publication date (`day`)."""
    m = _EVENT.search(sentence)
    note = "an event's figure, no date written: the last day written, or the publication date"
    return Mention(m.start(), m.end(), day, day, False, note) if m else None


def kind(indicator: str | None, unit: str = "") -> str | None:
    """The indicator's kind; for an unknown measure, money and percentages are flows, lengths
    and areas stocks."""
    known = ind.indicators()
    if indicator in known:
        return known[indicator].kind
    if unit in ("km", "km2"):
        return "stock"  # a length or an area ("432 square kilometres" of reservoirs)
    return "flow" if unit in ("USD", "VND", "percent") else None


_NEW = re.compile(r"\b(?:new|newly|mới)\b", re.I)


def to_date_without_period(
    indicator: str | None, sentence: str, status: str, published: dt.date
) -> str | None:
    """'It has established and implemented nine international agreements', no period: a
    result counted to date, the cumulative stock of the measure (not 'new' ones; a January
    or February report's results are the year just ended's)."""
    if status != "reported" or published.month <= 2 or _NEW.search(sentence):
        return indicator
    return ind.stock_counterpart(indicator)


def no_period(
    indicator: str | None, unit: str, status: str, published: dt.date
) -> tuple[dt.date | None, dt.date | None, str]:
    """No period written or carried over. A flow has none, except a result reported in
    January or February: a year-end report's, for the year just ended. Anything else (a
    stock, a count of unknown measure) is as of the publication date."""
    if kind(indicator, unit) != "flow":
        return published, published, "no period in the text: the publication date"
    if status == "reported" and published.month <= 2:
        y = published.year - 1
        note = "no period in the text; reported in January or February: the year just ended"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), note
    return None, None, "no period in the text"


_SAME_PERIOD = re.compile(r"same period|cùng kỳ", re.I)
_ACCUMULATED = re.compile(r"accumulated|cumulative|in effect|còn hiệu lực", re.I)


def figure_period(
    mention: Mention | None, indicator: str | None, published: dt.date, unit: str, sentence: str
) -> tuple[dt.date | None, dt.date | None]:
    """The figure's period from the mention that governs it: a stock read with a span is as
    of its end; a flow read "as of" a day runs from 1 January."""
    if mention is None:
        return None, None
    if mention.kind == TO_DATE:
        return mention.period_start, mention.period_end
    measure = kind(indicator, "" if _ACCUMULATED.search(sentence) else unit)
    if measure is None and _SAME_PERIOD.search(sentence):
        measure = "flow"  # "as of April 20, ... 149,000 vehicles, up 20% over the same period"
    if measure == "stock" and mention.period_start != mention.period_end:
        day = min(mention.period_end, published)
        return day, day
    if (
        measure == "flow"
        and mention.as_of
        and mention.period_start.month * 100 + mention.period_start.day > 101
    ):
        # "as of December 31, total registered capital ...": the year to that date
        return dt.date(mention.period_end.year, 1, 1), mention.period_end
    return mention.period_start, mention.period_end
