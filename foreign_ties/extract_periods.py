"""The period a figure covers, read from its sentence (English and Vietnamese).

`period_mentions(sentence, published)` finds every period written in the sentence ("in 2023",
"the first ten months of 2026", "năm 2023", "10 tháng đầu năm 2026", "quý I/2022",
"giai đoạn 2021–2025", "as of December 31, 2024", "tính đến 31/12/2025", "to date") as
`Mention`s; a period named only as a comparison ("so với năm 2022", "compared with 2022",
"than last year") is left out. `period_for(mentions, position)` picks the one that governs a
figure at that position: the nearest written before it, else the nearest after it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

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
} | {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}

_M = "|".join(MONTHS)
_N = r"\d{1,2}|" + "|".join(WORD_NUMBERS)
_Y = r"(?:19|20)\d\d"
_COMPARISON = re.compile(
    r"(?:so với(?: cùng kỳ)?(?: của)?|so cùng kỳ|compared (?:to|with)|against|than|from"
    r"|over|versus|vs\.?)\s+(?:the\s+|cùng kỳ\s+|mức\s+)?(?:same period(?: of| in)?\s+)?"
    r"(?:năm\s+|the year\s+|in\s+)?$",
    re.IGNORECASE,
)


class Mention(NamedTuple):
    start: int
    end: int
    period_start: dt.date
    period_end: dt.date
    as_of: bool  # a stock's date ("as of", "tính đến", "to date")
    note: str


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _num(text: str) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else WORD_NUMBERS[text]


def _year(text: str | None, published: dt.date, shift: int = 0) -> int:
    return int(text) if text else published.year + shift


def _year_of_month(year: str | None, month: int, published: dt.date) -> int:
    if year:
        return int(year)
    return published.year if month <= published.month else published.year - 1


def _months(y: int, m1: int, m2: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m1, 1), _last_day(y, m2)


def _rules(published: dt.date):
    """(pattern, function(match) -> (start, end, as_of, note)) in priority order."""
    p = published

    def first_months(m):
        n = _num(m["n"])
        return (*_months(_year(m["y"], p), 1, n), False, "")

    def past_months(m):
        n = _num(m["n"])
        return (*_months(p.year, 1, n), False, "'past months' read as January onwards")

    def month_range(m):
        m1, m2 = MONTHS.get(m["a"].lower(), 0) or int(m["a"]), MONTHS.get(m["b"].lower(), 0)
        m2 = m2 or int(m["b"])
        return (*_months(_year(m["y"], p), m1, m2), False, "")

    def quarter(m):
        q = ORDINAL.get(m["q"].lower()) or ROMAN[m["q"].lower()]
        return (*_months(_year(m["y"], p), 3 * q - 2, 3 * q), False, "")

    def half(m):
        return (*_months(_year(m["y"], p), 1, 6), False, "")

    def date(m):
        month = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        d = dt.date(_year_of_month(m.get("y"), month, p), month, int(m["d"]))
        return d, d, False, "" if m.get("y") else "year not written: the latest before publication"

    def month(m):
        mo = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        y = _year_of_month(m.get("y"), mo, p)
        return (*_months(y, mo, mo), False, "" if m.get("y") else "year not written: the latest")

    def year_to_date(m):
        month = int(m["mo"])
        d = dt.date(_year_of_month(m.get("y"), month, p), month, int(m["d"]))
        return dt.date(d.year, 1, 1), d, False, "from the start of the year"

    def since(m):
        return dt.date(int(m["y"]), 1, 1), p, False, "to the publication date"

    def year_end(m):
        d = dt.date(_year(m["y"], p), 12, 31)
        return d, d, True, ""

    def years(m):
        return dt.date(int(m["a"]), 1, 1), dt.date(int(m["b"]), 12, 31), False, ""

    def past_years(m):
        n = _num(m["n"])
        return (
            dt.date(p.year - n + 1, 1, 1),
            dt.date(p.year, 12, 31),
            False,
            "'past years' counted back from the publication year",
        )

    def year(m):
        y = int(m["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, ""

    def relative_year(m):
        shift = -1 if m["w"].lower() in ("last", "previous", "ngoái", "trước") else 0
        y = p.year + shift
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, ""

    def to_date(m):
        return p, p, True, "as of the publication date"

    return [
        (
            rf"(?:the )?first (?P<n>{_N}) months(?: of (?:the year |this year|(?P<y>{_Y})))?",
            first_months,
        ),
        (
            rf"(?P<n>{_N}) tháng(?: đầu| qua| vừa qua)?(?: năm)?(?: nay)?(?:\s*"
            rf"(?:năm\s*)?(?P<y>{_Y}))?(?<!tháng)",
            first_months,
        ),
        (rf"(?:over |in |during )?(?:the )?(?:past|last) (?P<n>{_N}) months", past_months),
        (
            rf"(?:from |từ )?(?:tháng )?(?P<a>{_M}|\d{{1,2}})\s*(?:[-–]|to|đến|tới)\s*"
            rf"(?:tháng )?(?P<b>{_M}|\d{{1,2}})(?: period)?(?:(?:,| of| năm|/)?\s*(?P<y>{_Y}))?",
            month_range,
        ),
        (
            rf"(?:the )?(?P<q>first|second|third|fourth) quarter(?: of (?:the year |this year"
            rf"|(?P<y>{_Y})))?",
            quarter,
        ),
        (rf"Q(?P<q>[1-4])[ /-]?(?P<y>{_Y})?", quarter),
        (rf"quý (?P<q>IV|I{{1,3}}|[1-4])(?:\s*(?:/|năm)\s*(?P<y>{_Y}))?", quarter),
        (
            rf"(?:the )?first half(?: of (?:the year|this year|(?P<y>{_Y})))?|(?:6 tháng|sáu tháng"
            rf"|nửa) đầu năm(?: (?P<y2>{_Y}))?",
            half,
        ),
        (
            rf"(?P<mo>{_M}) (?P<d>\d{{1,2}})(?:,? (?P<y>{_Y}))?"
            rf"|(?P<d2>\d{{1,2}}) (?P<mo2>{_M})(?:,? (?P<y2>{_Y}))?",
            date,
        ),
        (
            rf"(?:tính )?từ đầu năm(?: đến)+(?: hết)?(?: ngày)? (?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})"
            rf"(?:/(?P<y>{_Y}))?",
            year_to_date,
        ),
        (rf"(?:ngày )?(?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})(?:/(?P<y>{_Y}))?(?!\d)", date),
        (
            rf"(?:in |during )?(?P<mo>{_M}),? (?P<y>{_Y})|tháng (?P<mo2>\d{{1,2}})(?:\s*(?:/"
            rf"|năm)\s*)(?P<y2>{_Y})",
            month,
        ),
        (rf"(?:in |during )(?P<mo>{_M})|trong tháng (?P<mo2>\d{{1,2}})", month),
        (
            rf"(?:by|at|as of|to) the end of (?:(?P<y>{_Y})|the year|this year)|(?:đến |tính đến )?"
            rf"(?:hết |cuối )năm (?P<y2>{_Y})",
            year_end,
        ),
        (rf"(?:from |từ (?:năm )?)(?P<a>{_Y}) (?:to|đến|tới) (?:năm )?(?P<b>{_Y})", years),
        (
            rf"(?:from |từ (?:năm )?)(?P<y>{_Y}) (?:to|until|đến|tới) (?:present|now|date|the "
            rf"present|nay|hiện nay|hiện tại)|(?:since |kể từ năm |từ năm )(?P<y2>{_Y})"
            rf"(?! (?:to|until|đến|tới)\b)",
            since,
        ),
        (rf"(?:giai đoạn |period |the )?(?P<a>{_Y})\s*[-–]\s*(?P<b>{_Y})(?: period)?", years),
        (
            rf"(?:over |in |during )?the (?:past|last) (?P<n>{_N}) years|(?P<n2>{_N}) năm (?:qua"
            rf"|gần đây|vừa qua)",
            past_years,
        ),
        (rf"(?:in |of |for |during |năm |trong năm )?(?P<y>{_Y})(?!\d)", year),
        (r"(?P<w>this|last|previous) year|năm (?P<w2>nay|ngoái|trước)", relative_year),
        (
            r"to date|so far|until now|currently|đến nay|hiện nay|hiện có|hiện đang|tính đến nay",
            to_date,
        ),
    ]


_RULES_CACHE: dict[dt.date, list] = {}


def _normalise_groups(m: re.Match[str]) -> dict[str, str | None]:
    groups = dict(m.groupdict())
    for key in list(groups):
        if key.endswith("2") and groups[key] is not None:
            groups[key[:-1]] = groups[key]
    return groups


def period_mentions(sentence: str, published: dt.date) -> list[Mention]:
    rules = _RULES_CACHE.setdefault(published, _rules(published))
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for pattern, build in rules:
        for m in re.finditer(rf"(?<![\w/.,]){pattern}(?![\w/])", sentence, re.IGNORECASE):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            starts = [m.start()]
            if not re.match(r"from|từ|since|kể từ", m.group(0), re.I):
                starts += [m.start(g) for g in m.groupdict() if m[g] is not None]
            if any(_COMPARISON.search(sentence[:i]) for i in starts):
                continue
            try:
                start, end, as_of, note = build(_normalise_groups(m))
            except (ValueError, KeyError):
                continue
            found.append(Mention(m.start(), m.end(), start, end, as_of, note))
    # "tính đến 31/12/2025", "as of ...": the date is a stock's date
    found = [
        mention._replace(as_of=True)
        if re.search(
            r"(?:as of|as at|by|up to|until|accumulated to|cumulative to|tính đến|đến ngày"
            r"|lũy kế đến|luỹ kế đến|tính tới|đến)"
            r"\s*(?:ngày\s*)?$",
            sentence[: mention.start],
            re.IGNORECASE,
        )
        else mention
        for mention in found
    ]
    return _ranges(sentence, sorted(found))


def _ranges(sentence: str, found: list[Mention]) -> list[Mention]:
    """'từ năm 2021 đến hết quý I/2024', 'from January to October 2024': one period."""
    out: list[Mention] = []
    for mention in found:
        if out:
            last = out[-1]
            between = sentence[last.end : mention.start]
            opened = re.search(r"(?:from|từ|since)\s*(?:năm\s*)?$", sentence[: last.start], re.I)
            if opened and re.fullmatch(
                r"\s*(?:đến|tới|to|until|through|[-–])\s*(?:hết|the end of)?\s*", between, re.I
            ):
                out[-1] = Mention(
                    last.start, mention.end, last.period_start, mention.period_end, False, ""
                )
                continue
        out.append(mention)
    return out


def comparison_year(sentence: str, published: dt.date) -> Mention | None:
    """'tăng so với năm 2022', 'up 5% compared with 2022' and no other period: the figure is
    for the year after the one it is compared with (said as a note for the editor)."""
    m = re.search(
        rf"(?:so với(?: cùng kỳ)?(?: năm)?|compared (?:to|with)(?: the same period of)?)"
        rf" (?P<y>{_Y})(?!\d)",
        sentence,
        re.IGNORECASE,
    )
    if not m or int(m["y"]) + 1 > published.year:
        return None
    y = int(m["y"]) + 1
    note = f"the year after {m['y']}, the year it is compared with"
    return Mention(m.start(), m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), False, note)


def period_for(mentions: list[Mention], position: int, end: int | None = None) -> Mention | None:
    """The mention written right after the figure ("$23.18 billion in 2023"), else the
    nearest before it, else the nearest after."""
    if end is not None:
        for m in mentions:
            if 0 <= m.start - end <= 12:
                return m
    before = [m for m in mentions if m.end <= position]
    if before:
        return before[-1]
    after = [m for m in mentions if m.start >= position]
    return after[0] if after else None
