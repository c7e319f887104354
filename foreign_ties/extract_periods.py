"""The period a figure covers, read from its sentence (English and Vietnamese).

`period_mentions(sentence, published)` finds every period written in the sentence ("in 2023",
"the first ten months of 2026", "năm 2023", "10 tháng đầu năm 2026", "quý I/2022",
"giai đoạn 2021–2025", "as of December 31, 2024", "tính đến 31/12/2025", "to date"; the
phrases are `extract_period_rules`) as `Mention`s; a period named only as a comparison
("so với năm 2022", "compared with 2022", "than last year", "the same period last year") is
left out, as is the base year of constant prices ("theo giá so sánh năm 2010").
`period_for(mentions, position)` picks the one that governs a figure at that position: the
nearest written before it, else the nearest after it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from foreign_ties.extract_period_rules import RELATIVE, THE_MONTH, YEAR, rules

# "over" and "from" compare only after a change ("up 9.4% over the same period in 2023",
# "up 6.5 percent from 2019"); "Over the 2021-2025 term" is a period
_CHANGE = r"(?:%|cent|\d|up|down|increased?|rose|fell|grew|higher|lower|more|less|growth|times)"
_COMPARISON = re.compile(
    r"(?:(?<!\w)(?:so với(?: cùng kỳ)?(?: của)?|so cùng kỳ|compared (?:to|with)|against|than"
    rf"(?: (?:recorded|posted|reported|seen))?|versus|vs\.?)|{_CHANGE}\s+(?:from|over))\s+"
    r"(?:the\s+|cùng kỳ\s+|mức\s+|cùng thời điểm\s+)?"
    r"(?:same (?:period|time)(?: of| in)?\s+)?(?:năm\s+|the year\s+|in\s+)?$"
    # "surpassing the figure recorded in the same period last year": always a comparison
    r"|(?:same (?:period|time)|cùng kỳ)(?: of| in)?\s+$"
    # "tăng gấp 2 lần so với dự án cấp mới trong năm 2022": the clause compared with
    r"|(?<!\w)(?:so với|compared (?:to|with))\s(?!cùng kỳ|the same period)[^,;.()%\d]{0,40}$",
    re.IGNORECASE,
)


# "tăng cao nhất trong vòng 5 năm qua", "the highest in the past ten years": the years a
# figure is ranked among, not its period
_SUPERLATIVE = re.compile(
    r"(?:(?:cao|thấp|lớn|nhiều|mạnh) nhất(?: từ trước đến nay)?(?: trong)?(?: vòng)?"
    r"|(?:highest|lowest|largest|biggest|strongest|fastest)(?: \w+)?(?: in| for| over)?)\s*$",
    re.IGNORECASE,
)


# "(theo giá so sánh năm 2010)", "at constant 2010 prices": the base year of the prices
_PRICE_BASE_BEFORE = re.compile(r"(?:giá (?:so sánh|cố định)|constant)\s*$", re.I)
_PRICE_BASE_AFTER = re.compile(r"\s*(?:constant )?prices?\b", re.I)


# "reaching 79.52% of the 2024 plan", "đạt 95% kế hoạch năm 2024": the plan's year, not the
# period of the figure (a target's own year, "kế hoạch năm 2025 phấn đấu ...", is kept)
_PLAN_BEFORE = re.compile(
    r"%\s*(?:of\s+)?(?:the\s+)?(?:(?:kế hoạch|chỉ tiêu|mục tiêu)(?:\s+(?:của\s+)?năm)?\s*)?$",
    re.I,
)
_PLAN_AFTER = re.compile(r"\s*(?:plan|target)s?\b", re.I)
_PLAN_WORD = re.compile(r"(?:kế hoạch|chỉ tiêu|mục tiêu)(?:\s+(?:của\s+)?năm)?\s*$", re.I)


def _plan_year(before: str, after: str) -> bool:
    return bool(
        _PLAN_BEFORE.search(before) and (_PLAN_WORD.search(before) or _PLAN_AFTER.match(after))
    )


# "HANOI, May 28 (The Straits Times/ANN): ...", "Hà Nội, ngày 28/5 (TTXVN) - ...": a news
# wire's dateline is when the story was filed, not the period of its figures
_DATELINE_BEFORE = re.compile(r"^\W*[A-ZÀ-Ỹ][\w .'-]{1,30},\s*(?:ngày\s*)?$")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|[-–—:])")


class Mention(NamedTuple):
    start: int
    end: int
    period_start: dt.date
    period_end: dt.date
    as_of: bool  # a stock's date ("as of", "tính đến", "to date")
    note: str
    kind: str = ""  # "to_date": since ever ("to date", "hiện nay"), not a dated period


_RULES_CACHE: dict[dt.date, list] = {}


def _normalise_groups(m: re.Match[str]) -> dict[str, str | None]:
    groups = dict(m.groupdict()) | {"text": m.group(0)}
    for key in list(groups):
        if key[-1].isdigit() and groups[key] is not None:
            groups[key[:-1]] = groups[key]
    return groups


def period_mentions(sentence: str, published: dt.date) -> list[Mention]:
    cached = _RULES_CACHE.setdefault(published, rules(published))
    taken: list[tuple[int, int]] = []
    found: list[Mention] = []
    for pattern, build in cached:
        for m in re.finditer(rf"(?<![\w/.,])(?:{pattern})(?![\w/])", sentence, re.IGNORECASE):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            starts = [m.start()]
            if not re.match(r"from|từ|since|kể từ", m.group(0), re.I):
                starts += [m.start(g) for g in m.groupdict() if m[g] is not None]
            dateline = _DATELINE_BEFORE.match(sentence[: m.start()]) and _DATELINE_AFTER.match(
                sentence[m.end() :]
            )
            if (
                dateline
                or any(_COMPARISON.search(sentence[:i]) for i in starts)
                or _SUPERLATIVE.search(sentence[: m.start()])
                or _PRICE_BASE_BEFORE.search(sentence[: m.start()])
                or _PRICE_BASE_AFTER.match(sentence[m.end() :])
                or _plan_year(sentence[: m.start()], sentence[m.end() :])
            ):
                taken.append((m.start(), m.end()))
                continue
            try:
                reading = build(_normalise_groups(m))
            except (ValueError, KeyError):
                continue  # not a period after all: a later rule may read these words
            taken.append((m.start(), m.end()))
            found.append(Mention(m.start(), m.end(), *reading))
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
    return _the_month(_in_a_list_of_years(_ranges(sentence, sorted(found))))


def _the_month(found: list[Mention]) -> list[Mention]:
    """'nhập khẩu trong tháng ước đạt 160 triệu USD, lũy kế 10 tháng ...': "the month" is
    the one the sentence's other period ends in (else the month before publication)."""
    others = [m for m in found if m.kind != THE_MONTH]
    if not others:
        return found
    last = max(others, key=lambda m: m.period_end).period_end
    first = dt.date(last.year, last.month, 1)
    return [
        m._replace(period_start=first, period_end=last) if m.kind == THE_MONTH else m for m in found
    ]


def _in_a_list_of_years(found: list[Mention]) -> list[Mention]:
    """'$25.35 billion last year, $23.18 billion in 2023, $22.4 billion in 2022': a relative
    year listed before years counting down is the one before the first of them."""
    out = list(found)
    for i, mention in enumerate(found):
        if mention.kind != RELATIVE:
            continue
        listed = [m.period_start.year for m in found[i + 1 :] if _one_year(m) and not m.kind]
        descending = all(a - b == 1 for a, b in zip(listed, listed[1:], strict=False))
        if len(listed) >= 2 and descending:
            y = listed[0] + 1
            note = f"the year before {listed[0]} in a list of years counting down"
            out[i] = mention._replace(
                period_start=dt.date(y, 1, 1), period_end=dt.date(y, 12, 31), note=note
            )
    return out


def _one_year(m: Mention) -> bool:
    y = m.period_start.year
    return (m.period_start, m.period_end) == (dt.date(y, 1, 1), dt.date(y, 12, 31))


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
        rf" (?P<y>{YEAR})(?!\d)",
        sentence,
        re.IGNORECASE,
    )
    if not m or int(m["y"]) + 1 > published.year:
        return None
    y = int(m["y"]) + 1
    note = f"the year after {m['y']}, the year it is compared with"
    return Mention(m.start(), m.end(), dt.date(y, 1, 1), dt.date(y, 12, 31), False, note)


def period_for(
    mentions: list[Mention], position: int, end: int | None = None, sentence: str = ""
) -> Mention | None:
    """The mention written right after the figure ("$23.18 billion in 2023"; not across a
    clause: "390 triệu USD; lũy kế 10 tháng"), else the nearest before it, else the nearest
    after."""
    if end is not None:
        for m in mentions:
            if 0 <= m.start - end <= 12 and not re.search(r"[;,]", sentence[end : m.start]):
                return m
    before = [m for m in mentions if m.end <= position]
    # "Với diện tích 13.795,40 km², dân số 1,7 triệu người, và GRDP ... 86.306,80 tỷ đồng
    # (2024)": a year in brackets after a later figure is that figure's alone
    after = [m for m in mentions if m.start >= position and not _bracketed_year(sentence, m)]
    if before and after and sentence:
        # "14 billion VND a year from 2000 to 2010 ..., and 21 billion VND for the project
        # conducted from 2005 to 2009": a new clause's own period, written after its figure
        if _CLAUSE.search(sentence[before[-1].end : position]) and not _CLAUSE.search(
            sentence[position : after[0].start]
        ):
            return after[0]
    if before:
        return before[-1]
    return after[0] if after else None


def _bracketed_year(sentence: str, m: Mention) -> bool:
    return bool(re.fullmatch(r"\(\d{4}\)", sentence[max(0, m.start - 1) : m.end + 1]))


_CLAUSE = re.compile(r";|,\s*(?:and|while|và|còn|đồng thời)\b", re.I)
