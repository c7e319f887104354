"""The period phrases of English and Vietnamese reports, as (pattern, reading) rules.

`rules(published)` lists them in priority order; each reading turns a match into
(start, end, as_of, note[, kind]). `extract_periods` applies them to a sentence. The
rules a reader applies, stated once here:

- "tháng đầu năm", "tháng đầu tiên của năm nay", "the first month": January; "từ ngày 1
  đến hết 15-12": those days;
- a period written without its year ("the first ten months", "quý III", "tháng 10") is
  the latest one that had ended, or was ending, by the publication date;
- "trong 6 tháng", "8 tháng của năm 2025", "nửa đầu của năm": the first months of the
  year; "from January 1 - 29": those days;
- "so far this year", "year to date", "từ đầu năm đến nay", "since the start of 2024":
  from 1 January to the publication date;
- "to date", "so far", "hiện nay", "đến nay" alone: since ever, as of the publication
  date (kind "to_date": a flow measure read so is its cumulative counterpart);
- "as of the end of October", "tính đến hết tháng 10/2024": the month's last day;
- Viet Nam's fiscal year is the calendar year ("FY2023", "năm tài chính 2023");
- "năm qua", "the past year": the year that ended last, or the current one in a report
  of its last two months (a year-end review).
"""

from __future__ import annotations

import datetime as dt

from foreign_ties.extract_period_words import MONTH_NAMES as _M
from foreign_ties.extract_period_words import (  # noqa: F401 (constants used by other modules)
    MONTHS,
    ORDINAL,
    RELATIVE,
    ROMAN,
    THE_MONTH,
    TO_DATE,
    WEEKDAYS,
    WORD_NUMBERS,
    YEAR,
    last_day,
)
from foreign_ties.extract_period_words import NUMBER_WORDS as _N
from foreign_ties.extract_period_words import WEEKDAY_NAMES as _WEEKDAYS
from foreign_ties.extract_period_words import YEAR as _Y
from foreign_ties.extract_period_words import months as _months
from foreign_ties.extract_period_words import num as _num
from foreign_ties.extract_period_words import unwritten as _unwritten
from foreign_ties.extract_period_words import year_ending as _year_ending


def rules(published: dt.date):
    """(pattern, function(groups) -> (start, end, as_of, note[, kind])) in priority order."""
    p = published

    def first_months(m):
        n = _num(m["n"])
        return (*_months(_year_ending(m, n, p), 1, n), False, _unwritten(m))

    def first_month(m):
        return (*_months(_year_ending(m, 1, p), 1, 1), False, _unwritten(m))

    def past_months(m):
        n = _num(m["n"])
        return (*_months(p.year, 1, n), False, "'past months' read as January onwards")

    def day_range(m):
        mo = int(m["mo"])
        y = _year_ending(m, mo, p)
        start = dt.date(y, int(m["mo1"] or mo), int(m["a"]))
        return start, dt.date(y, mo, int(m["d"])), False, _unwritten(m)

    def month_days(m):
        mo = MONTHS[m["mo"].lower()]
        y = _year_ending(m, mo, p)
        return dt.date(y, mo, int(m["a"])), dt.date(y, mo, int(m["d"])), False, _unwritten(m)

    def month_range(m):
        if (m["a"].isdigit() or m["b"].isdigit()) and "tháng" not in m["text"].lower():
            raise ValueError("a month in digits is written after 'tháng'")  # "1 to October 31"
        m1, m2 = MONTHS.get(m["a"].lower(), 0) or int(m["a"]), MONTHS.get(m["b"].lower(), 0)
        m2 = m2 or int(m["b"])
        return (*_months(_year_ending(m, m2, p), m1, m2), False, _unwritten(m))

    def quarter(m):
        q = ORDINAL.get(m["q"].lower()) or ROMAN[m["q"].lower()]
        y = _year_ending(m, 3 * q, p)
        return (*_months(y, 3 * q - 2, 3 * q), False, _unwritten(m))

    def half(m):
        return (*_months(_year_ending(m, 6, p), 1, 6), False, _unwritten(m))

    def second_half(m):
        return (*_months(_year_ending(m, 12, p), 7, 12), False, _unwritten(m))

    def date(m):
        month = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        d = dt.date(_year_ending(m, month, p), month, int(m["d"]))
        return d, d, False, _unwritten(m)

    def month(m):
        mo = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        return (*_months(_year_ending(m, mo, p), mo, mo), False, _unwritten(m))

    def month_end(m):
        mo = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        d = last_day(_year_ending(m, mo, p), mo)
        return d, d, True, "the end of the month"

    def year_to_date(m):
        month = int(m["mo"])
        d = dt.date(_year_ending(m, month, p), month, int(m["d"]))
        return dt.date(d.year, 1, 1), d, False, "from the start of the year"

    def this_year_so_far(m):
        y = int(m["y"]) if m.get("y") else p.year
        end = p if y == p.year else dt.date(y, 12, 31)
        return dt.date(y, 1, 1), end, False, "from the start of the year to the publication date"

    def since(m):
        return dt.date(int(m["y"]), 1, 1), p, False, "to the publication date"

    def since_month(m):
        mo = MONTHS.get(m["mo"].lower(), 0) or int(m["mo"])
        start = dt.date(_year_ending(m, mo, p), mo, 1)
        return start, p, False, "from that month to the publication date"

    def year_end(m):
        d = dt.date(int(m["y"]) if m["y"] else p.year, 12, 31)
        return d, d, True, ""

    def years(m):
        return dt.date(int(m["a"]), 1, 1), dt.date(int(m["b"]), 12, 31), False, ""

    def past_years(m):
        n = _num(m["n"])
        note = "'past years' counted back from the publication year"
        return dt.date(p.year - n + 1, 1, 1), dt.date(p.year, 12, 31), False, note

    def year(m):
        y = int(m["y"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, ""

    def fiscal_year(m):
        y = int(m["y"])
        note = "Viet Nam's fiscal year is the calendar year"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, note

    def relative_year(m):
        shift = -1 if m["w"].lower() in ("last", "previous", "ngoái", "trước") else 0
        y = p.year + shift
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, "", RELATIVE

    def past_year(m):
        y = p.year if p.month >= 11 else p.year - 1
        note = "'the past year': the year just ended (or ending, in a year-end review)"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, note

    def the_year(m):
        y = p.year - 1 if p.month <= 2 else p.year
        note = "'trong năm' with no year: the publication's year (the one just ended in Jan-Feb)"
        return dt.date(y, 1, 1), dt.date(y, 12, 31), False, note

    def the_month(m):
        mo = p.month - 1 or 12
        y = p.year if p.month > 1 else p.year - 1
        note = "'trong tháng': the month the report covers"
        return (*_months(y, mo, mo), False, note, THE_MONTH)

    def last_weekday(m):
        back = (p.weekday() - WEEKDAYS.index(m["wd"].lower())) % 7 or 7
        d = p - dt.timedelta(days=back)
        return d, d, False, "'last Friday': the one before the publication date"

    def to_date(m):
        return p, p, True, "as of the publication date", TO_DATE

    so_far = r"(?:so far|to date|until now|thus far)"
    return [
        (
            rf"(?:so far|thus far|to date) (?:this year|in (?:(?P<y>{_Y})|the year))"
            rf"|(?:this year|in (?P<y2>{_Y})) (?:so far|to date)"
            rf"|(?:in )?(?:the )?year[ -]to[ -]date"
            rf"|(?:since|from) (?:the (?:beginning|start) of |early )(?:the year|this year"
            rf"|(?P<y3>{_Y}))(?: (?:to|until) (?:date|now|present))?"
            rf"|(?:lũy kế |luỹ kế |tính )?từ đầu năm(?: (?P<y4>{_Y}))?(?: (?:đến|tới) (?:nay"
            rf"|hiện nay|thời điểm này))?(?! (?:đến|tới))",
            this_year_so_far,
        ),
        (
            rf"(?:since|(?:kể )?từ) (?:(?:early |the (?:beginning|start) of )?(?P<mo>{_M})"
            rf"|(?:đầu )?tháng (?P<mo2>\d{{1,2}}))(?![\s,/.-]*\d)(?! (?:to|đến|tới)\b)",
            since_month,
        ),
        (
            rf"(?:the )?first (?P<n>{_N}) months(?: of (?:the year|this year|(?P<y>{_Y})))?"
            rf"|(?:the |a )?(?P<n2>{_N})-month(?: period)?(?: of (?:the year|this year"
            rf"|(?P<y2>{_Y})))?|(?P<n3>[1-9]|1[0-2])M[ /-]?(?P<y3>{_Y})"
            rf"|(?:in|over) (?:the )?(?P<n4>{_N}) months"
            rf"(?: of (?:the year|this year|(?P<y4>{_Y})))?",
            first_months,
        ),
        (
            rf"(?P<n>{_N}) tháng(?: đầu| qua| vừa qua)?(?: của)?(?: năm)?(?: nay)?(?:\s*"
            rf"(?:năm\s*)?(?P<y>{_Y}))?(?:(?<!tháng)|(?=\s*(?:đạt|ước|,|tăng|giảm|lên)))"
            # "trong 6 tháng": the first six months (not "trong 6 tháng tới", months ahead)
            rf"|(?<=trong )(?:hơn |gần )?(?P<n2>{_N}) tháng"
            rf"(?! (?:tới|sau|nữa|trước|của|đầu|qua|vừa|năm))",
            first_months,
        ),
        (
            rf"(?:trong )?tháng đầu(?: tiên)?(?: của)? năm(?: nay)?(?: (?P<y>{_Y}))?"
            rf"|(?:in )?the first month(?: of (?:the year|this year|(?P<y2>{_Y})))?",
            first_month,
        ),
        (rf"(?:over |in |during )?(?:the )?(?:past|last) (?P<n>{_N}) months", past_months),
        (
            rf"(?:(?:as of|as at|by|at|to|until|through) (?:the )?end(?: of |-)|(?:by |in )?late |"
            rf"(?:tính )?(?:đến|tới) (?:hết|cuối) (?:tháng )?|(?:hết|cuối) tháng )"
            rf"(?P<mo>{_M}|\d{{1,2}})"
            rf"(?:(?:,| of| năm|/|-)?\s*(?P<y>{_Y})|,? (?:năm nay|this year))?",
            month_end,
        ),
        (
            rf"từ (?:ngày )?(?P<a>\d{{1,2}})(?:[/-](?P<mo1>\d{{1,2}}))? (?:đến|tới) (?:hết )?"
            rf"(?:ngày )?(?P<d>\d{{1,2}})[/-](?P<mo>\d{{1,2}})(?:[/-](?P<y>{_Y}))?",
            day_range,
        ),
        (
            rf"(?:from )?(?P<mo>{_M}) (?P<a>\d{{1,2}})\s*(?:[-–]|to|until|through)\s*"
            rf"(?P<d>\d{{1,2}})(?!\d)(?:,? (?P<y>{_Y}))?",
            month_days,
        ),
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
            rf"|nửa) đầu(?: của)? năm(?: (?P<y2>{_Y}))?|(?:H1|1H)[ /-]?(?P<y3>{_Y})",
            half,
        ),
        (
            rf"(?:the )?second half(?: of (?:the year|this year|(?P<y>{_Y})))?|(?:6 tháng|sáu tháng"
            rf"|nửa) cuối năm(?: (?P<y2>{_Y}))?|(?:H2|2H)[ /-]?(?P<y3>{_Y})",
            second_half,
        ),
        (
            rf"(?P<mo>{_M}) (?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<y>{_Y}))?"
            rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)? (?P<mo2>{_M})(?:,? (?P<y2>{_Y}))?",
            date,
        ),
        (
            rf"(?:tính )?từ đầu năm(?: (?:đến|tới))+(?: hết)?(?: ngày)? (?P<d>\d{{1,2}})[/-]"
            rf"(?P<mo>\d{{1,2}})(?:[/-](?P<y>{_Y}))?",
            year_to_date,
        ),
        # "đến ngày 20-5", "tính đến 20-5": a dash between day and month only after "ngày",
        # "đến", "tới" or "hết" (not "20-25%")
        (
            rf"(?:ngày )?(?P<d>\d{{1,2}})/(?P<mo>\d{{1,2}})(?:/(?P<y>{_Y}))?(?!\d)"
            rf"|ngày (?P<d2>\d{{1,2}})-(?P<mo2>\d{{1,2}})(?:-(?P<y2>{_Y}))?(?![\d-])"
            rf"|(?<=(?:đến|tới|hết) )(?P<d3>\d{{1,2}})-(?P<mo3>\d{{1,2}})(?:-(?P<y3>{_Y}))?"
            r"(?![\d-]|[.,]\d|\s*%)",
            date,
        ),
        (
            rf"(?:in |during )?(?P<mo>{_M}),? (?P<y>{_Y})|tháng (?P<mo2>\d{{1,2}})(?:\s*(?:/"
            rf"|-|\.|năm)\s*)(?P<y2>{_Y})",
            month,
        ),
        # "tháng 6 ước đạt": a month written without its year; "March alone saw ..."
        (
            rf"(?:in |during )(?P<mo>{_M})|(?:trong )?tháng (?P<mo2>\d{{1,2}})(?![\d/-]|[.,]\d)"
            rf"|(?P<mo3>{_M})(?= alone\b)",
            month,
        ),
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
        (
            rf"(?:giai đoạn |nhiệm kỳ |period |the )?(?P<a>{_Y})\s*[-–]\s*(?P<b>{_Y})(?: period)?"
            rf"|(?:trong )?(?:hai|2) năm (?P<a2>{_Y}) và (?:năm )?(?P<b2>{_Y})"
            rf"|(?:in )?the (?:two )?years (?P<a3>{_Y}) and (?P<b3>{_Y})",
            years,
        ),
        (
            rf"(?:over |in |during )?the (?:past|last) (?P<n>{_N}) years|(?P<n2>{_N}) năm (?:qua"
            rf"|gần đây|vừa qua)",
            past_years,
        ),
        (rf"(?:in )?(?:FY|fiscal year |financial year |năm tài chính )(?P<y>{_Y})", fiscal_year),
        (rf"(?:in |of |for |during |năm |trong năm )?(?P<y>{_Y})(?!\d)", year),
        # "dự án đã cấp phép từ các năm trước": projects licensed in earlier years, no period
        (
            r"(?P<w>this|last|previous) year|(?<!các )(?<!những )năm (?P<w2>nay|ngoái|trước)",
            relative_year,
        ),
        (
            r"(?:in |over |during )?the past year|(?:trong )?(?:một )?năm (?:qua|vừa qua)",
            past_year,
        ),
        (r"(?:during|throughout) the year|trong (?:cả )?năm(?= *[,:.;]|$)", the_year),
        (
            r"trong tháng(?! *(?:\d|đầu|cuối|qua|tới|này|trước|sau))"
            r"|(?:during|in|for) the month\b(?! (?:of|before|after|ahead))|this month",
            the_month,
        ),
        (rf"last (?P<wd>{_WEEKDAYS})", last_weekday),
        (
            rf"{so_far}|currently|đến nay|hiện nay|hiện có|hiện đang|tính đến nay"
            r"|đến thời điểm này",
            to_date,
        ),
    ]
