"""The indicator of a figure read among the other figures of its sentence: a growth rate
or a share qualifies the measure before it, an amount in brackets is the same measure in
another currency, the capital after a count of projects is theirs (extract_indicators
suggests from keywords alone)."""

from __future__ import annotations

import re
from typing import NamedTuple

from foreign_ties import extract_cues as cues
from foreign_ties.extract_indicators import (
    UNIT_DIMENSION,
    _growth,
    indicators,
    pairs,
    suggest_indicator,
)
from foreign_ties.numbers import direction_cue

# "Số vốn đăng ký đạt ...", "Their total registered capital ...": a sentence opening with the
# capital of the count of projects in the sentence before ("Tổng vốn đăng ký" may be the total)
CAPITAL_OPENING = re.compile(
    r"\W*số vốn (?:đăng ký|đầu tư)\b|\W*their (?:total )?(?:registered |investment )?capital\b"
    # "The total registered capital for these projects was $3.23 billion."
    r"|\W*the (?:total )?(?:registered |investment )?capital (?:for|of) (?:these|those) projects\b"
    r"|\W*tổng (?:số )?vốn (?:đăng ký |đầu tư )?của (?:các|những) dự án (?:này|trên)\b",
    re.I,
)


class Earlier(NamedTuple):
    start: int
    end: int
    unit: str
    indicator: str | None


# "The figure almost kept up with the highest monthly level ... – $1.39 billion in March":
# the sentence goes on about the measure of the sentence before
_SAME_FIGURE_OPENING = re.compile(
    r"\W*(?:the|this|that) (?:figure|amount|number)\b|\W*con số (?:này|trên)\b", re.I
)


# "more than 67,600 vehicles ..., of which 31,800 carried exports": a part of the count before
_PART_OF_COUNT = re.compile(
    r"[,;]\s*(?:of which|of them|of these|trong đó)[,:]?\s*(?:có\s+)?$", re.I
)


def part_of_a_count(
    before: str, unit: str, earlier: list[Earlier], found: str | None
) -> str | None:
    """A count right after "of which" in the sentence of another count is that count's part:
    its measure (or none, when that count's is none)."""
    counts = [e for e in earlier if e.unit == "count"]
    if unit == "count" and counts and _PART_OF_COUNT.search(before):
        return counts[-1].indicator
    return found


def same_measure_as_before(sentence: str, unit: str, before: list[Earlier]) -> str | None:
    """The measure of the last amount of the sentence before, for the first figure of a
    sentence opening "The figure ..." (same dimension only)."""
    if not before or not _SAME_FIGURE_OPENING.match(sentence):
        return None
    last = before[-1]
    same = UNIT_DIMENSION.get(last.unit, last.unit) == UNIT_DIMENSION.get(unit, unit)
    return last.indicator if same else None


def indicator_in_sentence(
    sentence: str, start: int, end: int, unit: str, place: str | None, earlier: list[Earlier]
) -> str | None:
    """The suggested indicator, reading the figures before it in the sentence: a growth rate
    qualifies the measure before it ("đạt 156 triệu USD, tăng 9,9%"; "up 1.8% in number and
    down 7.6% in value"), an amount in brackets is the same measure in another currency, and
    the capital after a count of projects is theirs ("26 dự án với tổng vốn ...")."""
    known, paired = indicators(), pairs()
    previous_end = earlier[-1].end if earlier else 0
    dimension = UNIT_DIMENSION.get(unit, unit)
    if cues.RANKING.search(sentence[:start]):
        return None
    if unit == "km" and cues.DISTANCE.search(sentence[:start], max(0, start - 12)):
        return None
    if unit == "km" and cues.DISTANCE_AFTER.match(sentence[end:]):
        return None
    if unit == "count" and cues.FOREIGN_OWNED_PROJECTS.match(sentence[end:]):
        return "fdi_projects"
    before = sentence[previous_end:start]
    if unit == "percent" and cues.RATIO_BEFORE.search(before):
        return None
    if unit == "percent" and cues.AGAINST_PREVIOUS.match(sentence[end:]):
        return None
    amounts = [e for e in earlier if e.unit != "percent"]
    if unit == "percent" and cues.SHARE_BEFORE.search(before) and amounts:
        base = amounts[-1].indicator
        return f"{base}_share" if f"{base}_share" in known else None
    if unit == "percent" and cues.SHARE_BEFORE.search(before):
        # "Foreign-invested sector accounted for 71 percent of ...": a share named by its words
        found = suggest_indicator(sentence, start, end, unit, place)
        return found if found and found.endswith("_share") else None
    if unit == "percent" and _growth(sentence, start, end, previous_end):
        after = sentence[end : end + 12]
        wanted = (
            "count"
            if cues.IN_NUMBER.match(after)
            else "money"
            if cues.IN_VALUE.match(after)
            else ""
        )
        amounts = [e for e in earlier if e.unit != "percent"]
        bases = [e for e in amounts if not wanted or UNIT_DIMENSION.get(e.unit) == wanted]
        if bases:  # the nearest amount before; one of no known measure has no growth indicator
            base = bases[-1].indicator
            return f"{base}_yoy" if f"{base}_yoy" in known else None
    # "Có 1.227 dự án mới ... (tăng 27,5% so với cùng kỳ), tổng vốn đăng ký đạt gần 7,94 tỉ
    # USD": a growth rate in brackets between a count and its capital is passed over
    while len(earlier) > 1 and earlier[-1].unit == "percent":
        if not _in_brackets(sentence, earlier[-1]):
            break
        earlier = earlier[:-1]
    if earlier and earlier[-1].indicator:
        last = earlier[-1]
        between = sentence[last.end : start]
        same = UNIT_DIMENSION.get(last.unit) == dimension == "money"
        if same and cues.EQUIVALENT.fullmatch(between):
            return last.indicator
        if ";" not in between and paired.get(last.indicator) in known:
            counterpart = known[paired[last.indicator]]
            if dimension == "money" and last.unit == "count" and counterpart.dimension == "money":
                return counterpart.indicator_id
            if (
                dimension == "count"
                and UNIT_DIMENSION.get(last.unit) == "money"
                and cues.PROJECTS_AFTER.match(sentence[end:])
            ):
                return counterpart.indicator_id
    ends = tuple(e.end for e in earlier)
    found = suggest_indicator(sentence, start, end, unit, place, previous_end, ends)
    if cues.NEW_LABEL.match(sentence) and found in (
        "fdi_registered_annual",
        "fdi_registered_capital",
    ):
        return "fdi_new_capital_annual"
    return found


def _in_brackets(sentence: str, figure: Earlier) -> bool:
    return (
        "(" in sentence[max(0, figure.start - 40) : figure.start]
        and ")" in sentence[figure.end : figure.end + 40]
    )


_SAME_DIRECTION = re.compile(
    r"\s*(?:in (?:the )?number|về số(?: lượng)?(?: dự án)?)?\s*(?:and|và)\s*[\d.,]+\s?%",
    re.I,
)
# "cán cân thương mại hàng hóa thâm hụt 140 triệu USD", "a trade deficit of $1 billion"
_DEFICIT = re.compile(r"thâm hụt|nhập siêu|\bdeficits?\b", re.I)


def signed(
    value: float, unit: str, window: str, after: str, written: str, lang: str, before
) -> float:
    """The figure's value with its sign: a fall ("giảm 6,3%", "down 6.3%") or a deficit
    ("thâm hụt 140 triệu USD") is negative. `window`: the sentence from the end of the
    figure before it to this one's end; `after`: from there to the sentence's end;
    `before`: that figure's candidate (or None)."""
    if unit == "percent" and direction_cue(after, written, lang) < 0:
        return -value
    if unit == "percent" and before is not None and _SAME_DIRECTION.fullmatch(window):
        # "down 6.3% in number and 85.1% in value": the second shares the first's fall
        return -value if before.value < 0 and before.unit == "percent" else value
    if unit in ("USD", "VND") and _DEFICIT.search(window):
        return -abs(value)
    return value
