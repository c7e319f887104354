"""Periods carried between sentences, beyond the sentence before (extract.py carries that):
an excerpt's opening figures take the first period the text names, and a stock in a later
paragraph is as of the publication date rather than the end of a period carried to it; an
event's figures with no date written are the publication day's."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from foreign_ties.extract_periods import Mention

NO_PERIOD = "no period in the text"
# "trung bình đạt hơn 1.100 xe/ngày", "more than 1,000 trucks ... cleared daily", "1,000
# vehicles handled each day": a rate per day has no period (the days are not said)
PER_DAY = re.compile(
    r"/\s*ngày|\b(?:per|a|each|every) day\b|\bdaily\b|mỗi ngày|(?:bình quân|trung bình) ngày",
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
        if c.period_note == NO_PERIOD and opening_line and len(paragraphs) <= 2:
            c = dataclasses.replace(
                c, period_start=first.period_start, period_end=first.period_end, period_note=note
            )
        changed.append(c)
    return changed + rest


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
