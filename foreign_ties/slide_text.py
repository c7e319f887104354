"""The words of a slide: takeaways, big numbers, short source lines and speaker notes.

Every figure is written from a published row (never a target or projection in a takeaway)
with its qualifier in words ("about 20", "over 40", "khoảng 20", "hơn 40"), never a bare
mark. Source lines name whole sources only, never a source cut mid-phrase: what does not
fit is counted ("and 5 more") and listed in the deck's sources appendix.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from foreign_ties import catalog, formatting
from foreign_ties.i18n import catalog as messages
from foreign_ties.i18n import current_language, t

SOURCE_CHARS = 170  # the slide's source line: two lines at 24 px on a 1920 px slide
NOTES_CHARS = 600  # speaker notes: what a presenter can read at a glance


def row_words(row) -> str:
    """A row's figure in words ('about 20')."""
    return formatting.value_text(
        row.value, row.unit, row.qualifier, change=formatting.is_change(row.indicator_id)
    )


def _flagged(text: str, *rows) -> str:
    """The sentence, with '(uncertain: see the notes)' when one of its figures is."""
    if any(bool(row.uncertain) for row in rows):
        return f"{text} {t('present.uncertain')}"
    return text


def _fill(key: str, fallback: str, **values: str) -> str:
    """An indicator's own sentence when the reader's language has one, else the generic."""
    if key in messages(current_language()):
        return t(key, **values)
    return t(fallback, **values)


def _rank(place: str, order: tuple[str, ...]) -> int:
    return order.index(place) if place in order else len(order)


def _whole_years(rows: pd.DataFrame) -> pd.DataFrame:
    whole = [
        r.kind == "flow"
        and r.period_start.year == r.period_end.year
        and not formatting.is_part_year(r.period_start, r.period_end, r.kind)
        for r in rows.itertuples()
    ]
    return rows[pd.Series(whole, index=rows.index, dtype=bool)].sort_values("period_end")


def main_row(rows: pd.DataFrame, places: tuple[str, ...] = ()):
    """The figure a slide leads with: the first place's latest reported figure, certain
    ones first (None when only targets or projections are published)."""
    reported = rows[rows["status"] == "reported"]
    if reported.empty:
        return None
    certain = reported[~reported["uncertain"].astype(bool)]
    reported = certain if not certain.empty else reported
    place = min(reported["province_id"], key=lambda p: _rank(p, places))
    return reported[reported["province_id"] == place].sort_values("period_end").iloc[-1]


def candidates(rows: pd.DataFrame, order: list[str], places: tuple[str, ...] = ()):
    """Takeaways the rows support, best first: for each measure (in `order`) and place (in
    the filters' order), the change between its first and last whole years when it has two,
    and its latest figure: the figures the chart labels. Only reported figures (never a
    target or projection); an uncertain one says so in words."""
    indicators = catalog.indicators()
    reported = rows[rows["status"] == "reported"]
    for ind in (i for i in order if i in set(reported["indicator_id"])):
        measure = indicators[ind].name()
        of_measure = reported[reported["indicator_id"] == ind]
        for place in sorted(set(of_measure["province_id"]), key=lambda p: _rank(p, places)):
            mine = of_measure[of_measure["province_id"] == place]
            years = _whole_years(mine)
            if len(years) >= 2:
                first, last = years.iloc[0], years.iloc[-1]
                yield _flagged(
                    t(
                        "present.takeaway.change",
                        place=catalog.place_name(place),
                        measure=measure,
                        first=row_words(first),
                        first_period=str(first.period_end.year),
                        last=row_words(last),
                        last_period=str(last.period_end.year),
                    ),
                    first,
                    last,
                )
            latest = mine.sort_values("period_end").iloc[-1]
            yield _flagged(
                _fill(
                    f"present.takeaway.{ind}",
                    "present.takeaway.latest",
                    place=catalog.place_name(place),
                    measure=measure,
                    value=row_words(latest),
                    period=formatting.period_text(
                        latest.period_start, latest.period_end, latest.kind
                    ),
                ),
                latest,
            )


def takeaway(
    rows: pd.DataFrame, order: list[str], places: tuple[str, ...] = (), avoid=frozenset()
) -> str | None:
    """The best takeaway not already said on another slide (`avoid`); None if every one
    was. With only targets or projections: a sentence saying so (never their figures)."""
    if rows[rows["status"] == "reported"].empty:
        name = catalog.indicators()[order[0]].name() if order else ""
        text = t("present.takeaway.no_results", measure=name)
        return None if text in avoid else text
    return next((text for text in candidates(rows, order, places) if text not in avoid), None)


# --------------------------------------------------------------------------- sources


def _when(date) -> str:
    if isinstance(date, dt.date) and not pd.isna(date):
        return formatting.date_text(date)
    return t("source.undated")


def sources(rows: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """(name and date, url or "") of each source of the rows, in order of first use."""
    seen: dict[str, tuple[str, str]] = {}
    for row in rows.itertuples():
        url = row.url if isinstance(row.url, str) and row.url.startswith("http") else ""
        seen.setdefault(row.source_id, (f"{row.publisher} ({_when(row.published_date)})", url))
    return tuple(seen.values())


def source_line(names: list[str], budget: int = SOURCE_CHARS) -> str:
    """'Sources: A (date); B (date) and 3 more (see the sources slide)': whole sources only."""
    shown: list[str] = []
    for n, name in enumerate(names):
        rest = len(names) - n - 1
        trial = t("chart.sources", sources="; ".join([*shown, name]))
        if rest:
            trial += " " + t("present.more_sources", n=rest)
        if shown and len(trial) > budget:
            break
        shown.append(name)
    text = t("chart.sources", sources="; ".join(shown))
    if len(shown) < len(names):
        text += " " + t("present.more_sources", n=len(names) - len(shown))
    return text


# --------------------------------------------------------------------------- notes


def _cut(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a whole word with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    return text[: max(0, limit - 1)].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def notes(takeaway_text: str, lead, key_quotes: list[str], glosses: dict) -> str:
    """Speaker notes: the takeaway and the key sentences (at most NOTES_CHARS); the full
    list of sentences and sources is on the sources slide at the end of the deck."""
    pointer = t("present.notes.appendix")
    lines = [takeaway_text]
    reason = lead.uncertain_reason if bool(lead.uncertain) else None
    if isinstance(reason, str) and reason:
        lines.append(t("present.notes.uncertain", reason=_cut(reason, 160)))
    lines += ["", t("present.notes.quotes")]
    # Every line costs its length plus a newline; the blank line before the pointer too.
    room = NOTES_CHARS - sum(len(x) + 1 for x in (*lines, "", pointer))
    for quote in key_quotes:
        if room < 80:
            break
        text = f"“{_cut(quote, room - 2)}”"
        lines.append(text)
        room -= len(text) + 1
        gloss = glosses.get(quote)
        label = len(t("present.notes.gloss", gloss=""))  # "Translation: " differs by language
        if gloss and room >= label + 40:
            text = t("present.notes.gloss", gloss=_cut(gloss, room - label - 1))
            lines.append(text)
            room -= len(text) + 1
    return "\n".join([*lines, "", pointer])
