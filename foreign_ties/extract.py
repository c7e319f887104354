"""Candidate figures from a report's text, English or Vietnamese, for an editor to review.

    python -m foreign_ties.extract FILE --published YYYY-MM-DD [--place SLUG] [--lang vi|en]

prints CSV to stdout, header first, with the facts contract's columns (value in base units,
unit USD/VND/count/percent/people/km/km2, qualifier, period, province_id, a suggested
indicator_id, status reported/target/projection, the exact sentence as `quote`).

A candidate is a suggestion: every field is for the editor to check. A flow the text gives
no period for has none (never a guess the editor could miss), except a result reported in
January or February (the year just ended) and an event's figure (the day it was held, else
the publication day). Sentences, figures and units: extract_figures; periods:
extract_periods (phrases: extract_period_rules, their words: extract_period_words; carried
and default periods: extract_carry);
place, status: extract_context; indicator: extract_indicators (among the sentence's other
figures: extract_in_sentence; by whose figure it is: extract_scope). Reading
.html/.pdf/.docx: extract_read.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import sys
from dataclasses import asdict, dataclass, fields

from foreign_ties import extract_carry as carry
from foreign_ties import extract_context as ctx
from foreign_ties import extract_cues as cues
from foreign_ties import extract_in_sentence as among
from foreign_ties import extract_indicators as ind
from foreign_ties import extract_scope as scope
from foreign_ties.extract_figures import detect_language, figures, sentences
from foreign_ties.extract_period_rules import TO_DATE
from foreign_ties.extract_periods import Mention, comparison_year, period_for, period_mentions
from foreign_ties.numbers import qualifier_cue


@dataclass(frozen=True)
class Candidate:
    value: float
    unit: str
    qualifier: str
    value_as_written: str
    period_start: dt.date | None
    period_end: dt.date | None
    period_note: str
    province_id: str | None
    indicator_id: str | None
    status: str
    quote: str
    offset: int  # where the figure starts in the whole text

    def row(self) -> dict[str, str]:
        out = {}
        for key, value in asdict(self).items():
            if isinstance(value, float):
                value = f"{value:.6f}".rstrip("0").rstrip(".")
            out[key] = "" if value is None else str(value)
        return out


COLUMNS = [f.name for f in fields(Candidate)]


def extract(
    text: str,
    published: dt.date,
    place: str | None = None,
    language: str | None = None,
) -> list[Candidate]:
    """Every candidate figure of the text, in reading order."""
    language = language or detect_language(text)
    out: list[Candidate] = []
    last_period: Mention | None = None
    last_used: Mention | None = None  # the period of the last figure
    last_place = place
    other_named_last = None  # the last place named was a province outside the dashboard
    breakdown = False  # in a breakdown by sector, partner or place that names no period
    period_paragraph = 0  # the paragraph last_period was written in
    amounts: list[among.Earlier] = []  # the last sentence's amounts and counts
    last_day = None  # the last single day written ("was held on 2nd June"): an event's date
    for offset, sentence in sentences(text):
        paragraph = text.count("\n", 0, offset)
        mentions = carry.the_month_of(period_mentions(sentence, published), last_period)
        inferred = None if mentions or breakdown else comparison_year(sentence, published)
        if inferred and last_period and last_period.period_end.year == inferred.period_end.year:
            # "Cùng thời gian này ... tăng 183,9% so với cùng kỳ năm 2013" after "trong tháng
            # đầu năm 2014": the period carried over is the one compared, and more exact
            inferred = None
        elif not mentions and not inferred:
            inferred = carry.event(sentence, last_day or published)
        if mentions or inferred:
            breakdown = False
        elif _BREAKDOWN.search(sentence) or (
            paragraph != period_paragraph
            and text[:offset].rstrip(" ").endswith("\n")
            and cues.RANKING.search(sentence)
        ):
            last_period = last_used = None  # a breakdown with no period of its own has none
            breakdown = True
        places = ctx.place_mentions(sentence)
        named = scope.named_places(sentence, places)
        previous_end = 0
        earlier: list[among.Earlier] = []
        # "... cấp phép 175 dự án mới. Số vốn đăng ký đạt hơn 1,243 tỷ USD": their capital
        seed = amounts[-1:] if among.CAPITAL_OPENING.match(sentence) else []
        found = figures(sentence, language)
        for i, figure in enumerate(found):
            mention = period_for(mentions, figure.start, figure.end, sentence) or inferred
            note = mention.note if mention else ""
            if mention is None and last_used is not None and _PART_OF.match(sentence):
                mention, note = last_used, "a part of the figure before: its period"
            if mention is None and last_period is not None:
                mention, note = last_period, "carried over from an earlier sentence"
            province = ctx.place_for(places, figure.start, place or last_place)
            indicator = among.indicator_in_sentence(
                sentence, figure.start, figure.end, figure.unit, province, seed + earlier
            )
            if ctx.other_place_governs(sentence, figure.start, places):
                province = indicator = None  # another province's figure, not a measure here
            ranged = bool(mention and not mention.as_of)
            ranged = ranged and mention.period_start != mention.period_end
            if figure.unit == "count":
                indicator = ind.flow_counterpart(
                    indicator, sentence, figure.start, ranged, figure.end
                )
            else:
                indicator = ind.flow_counterpart(indicator, sentence, figure.start, ranged)
            indicator = ind.one_project_counterpart(indicator, sentence)
            if indicator is None and i == 0:
                indicator = among.same_measure_as_before(sentence, figure.unit, amounts)
            indicator = among.part_of_a_count(
                sentence[: figure.start], figure.unit, earlier, indicator
            )
            if mention and mention.kind == TO_DATE:
                indicator = ind.stock_counterpart(indicator)
            other = province is None and scope.outside(named, figure.start, other_named_last)
            if province == ctx.nation() and scope.other_province_before(
                sentence, places, figure.start
            ):
                province, other = None, True
            indicator = scope.in_scope(indicator, province, other, sentence[: figure.start])
            if note.startswith("carried") and period_paragraph != paragraph:
                mention = carry.stock_in_a_later_paragraph(
                    mention, carry.kind(indicator, "" if figure.unit == "count" else figure.unit)
                )
            status = ctx.status_for(sentence, figure.start)
            start, end = carry.figure_period(mention, indicator, published, figure.unit, sentence)
            following = found[i + 1].start if i + 1 < len(found) else len(sentence)
            window = sentence[previous_end:following]
            if cues.THRESHOLD_BEFORE.search(sentence[: figure.start]):
                start = end = indicator = None
                note = "a threshold (projects under or over an amount): no period"
            elif carry.PER_DAY.search(window) or (
                carry.PER_YEAR.search(sentence[previous_end:]) and note.startswith("carried")
            ):  # "1.100 xe/ngày"; "80 billion VND each year" (the years are not said)
                start = end = None
                note = "a rate per day (or year): no period"
            elif start is not None:
                last_used = Mention(0, 0, start, end, False, note)
            if start is None and breakdown and carry.kind(indicator, figure.unit) != "stock":
                note = "a breakdown with no period written"
            elif start is None and not note.startswith(("a rate per day", "a threshold")):
                indicator = carry.to_date_without_period(indicator, sentence, status, published)
                start, end, note = carry.no_period(indicator, figure.unit, status, published)
            value, unit = figure.value, figure.unit
            if unit == "count" and indicator in ind.indicators():
                if ind.indicators()[indicator].dimension == "people":
                    unit = "people"  # "1,549 officials": the measure counts people
            lang = "vi" if language == "vi" else "en"
            window = sentence[previous_end : figure.end]
            before = out[-1] if out else None
            after = sentence[previous_end:]
            value = among.signed(value, unit, window, after, figure.written, lang, before)
            out.append(
                Candidate(
                    value=value,
                    unit=unit,
                    qualifier=_qualifier(window, figure.written, lang),
                    value_as_written=figure.written,
                    period_start=start,
                    period_end=end,
                    period_note=note,
                    province_id=province,
                    indicator_id=indicator,
                    status=status,
                    quote=sentence,
                    offset=offset + figure.start,
                )
            )
            previous_end = figure.end
            earlier.append(among.Earlier(figure.start, figure.end, figure.unit, indicator))
        days = [m.period_start for m in mentions if m.period_start == m.period_end and not m.as_of]
        last_day = next((d for d in reversed(days) if d <= published), last_day)
        # a fact sheet's "GRDP (2022): ..." line: the period in its label is that line's own
        label = re.match(r"[^:.;]{1,60}:\s", sentence)
        passed_on = [m for m in mentions if not label or m.start >= label.end()]
        # "1.16 million residents (in 2014)": a bracketed period of a sentence with figures is
        # theirs alone ("Giai đoạn ... bao cấp (1960-1980)", a heading's, goes on)
        passed_on = [
            m
            for m in passed_on
            if not (found and _BRACKETED.fullmatch(sentence[m.start - 1 : m.end + 1]))
        ]
        if carry.PAGE_DATE_LINE.fullmatch(sentence):
            passed_on = []  # "12:31:51 AM | 11/2/2015": when the page was posted
        if passed_on or inferred:
            # "growth of 7.55% in the first half of this year, ... announced on June 29": the
            # period goes on to the next sentences, not the day of the announcement
            spans = [m for m in passed_on if m.as_of or m.period_start != m.period_end]
            last_period = max(spans or passed_on, key=lambda m: m.end) if passed_on else inferred
            if passed_on and not any(carry.from_the_text(c) for c in out[: -len(earlier) or None]):
                out = carry.opening_period(out, len(earlier), passed_on[0], text, offset)
            period_paragraph = paragraph
        if places:
            last_place = places[-1][1]
        amounts = [e._replace(start=0, end=0) for e in earlier if e.unit != "percent"]
        if named:
            other_named_last = named[-1][1]
    return out


def _qualifier(window: str, written: str, language: str) -> str:
    """The contract's qualifier cue; a tilde right before the figure ("~40%") is about."""
    cue = qualifier_cue(window, written, language)
    before = window[: window.rfind(written)].rstrip()
    return "approx" if cue == "exact" and before.endswith("~") else cue


_BRACKETED = re.compile(r"\([^()]*\)")
# "Of which, there were 261 new projects": a part of the last figure, for its period (a
# heading between them, "Structure of capital in the first 2 months", does not count)
_PART_OF = re.compile(r"(?:of which|of this|of these|among them|in which|trong đó)\b", re.I)
# "Regarding investment sectors, ...", "Foreign investors invested in 18 out of 21 sectors",
# "Về đối tác đầu tư, ...": a new topic, the total's breakdown; with no period written it
# takes none from the sentences before (reports rarely say which period their breakdown is)
_BREAKDOWN = re.compile(
    r"^\W*(?:regarding|in terms of|by|về|theo|xét theo) (?:the )?(?:investment |đầu tư )?"
    r"(?:sectors?|fields?|locations?|partners?|lĩnh vực|ngành|đối tác|địa bàn|địa phương)\b"
    r"|\b\d+ (?:out of|of|trên(?: tổng số)?|trong(?: tổng số)?|/) \d+ (?:\w+ ){0,2}"
    r"(?:sectors|ngành)",
    re.I,
)


def write_csv(candidates: list[Candidate], stream) -> None:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for candidate in candidates:
        writer.writerow(candidate.row())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m foreign_ties.extract", description=__doc__)
    parser.add_argument("file", help=".txt, .html, .pdf or .docx")
    parser.add_argument("--published", required=True, type=dt.date.fromisoformat)
    parser.add_argument("--place", help="province_id for figures whose sentence names none")
    parser.add_argument("--lang", choices=("en", "vi"), help="default: guessed from the text")
    args = parser.parse_args(argv)
    from foreign_ties.extract_read import ReadError, read_text

    if args.place and args.place not in {r["province_id"] for r in ctx._curated("provinces")}:
        print(f"unknown place {args.place!r}", file=sys.stderr)
        return 2
    try:
        text = read_text(args.file)
    except ReadError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    write_csv(extract(text, args.published, args.place, args.lang), sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
