""" "Did we reach our targets?": each published target beside the reported result of the same
measure, place and period, and a verdict only where the two published figures settle it.

The verdict is our comparison, not a published statement, and says so. Every target counted
here is "more is better" (exports, growth, enterprises, investment); a result the source
gives as "about" a value cannot settle a close call, so the verdict is then "cannot tell".
Nothing here imports Streamlit.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from foreign_ties import catalog, formatting, store
from foreign_ties.state import Filters

REACHED, NOT_REACHED, CANNOT_TELL, NO_RESULT = "reached", "not_reached", "cannot_tell", "no_result"
VERDICTS = (REACHED, NOT_REACHED, CANNOT_TELL, NO_RESULT)


@dataclass(frozen=True)
class TargetLine:
    place: str
    measure: str
    period: str
    target: str  # the target in words, e.g. "US$35.2 million"
    target_fact_id: str
    result: str | None  # the reported result in words, None when none is published
    result_fact_id: str | None
    verdict: str  # one of VERDICTS


def verdict(
    target: float, result: float | None, qualifier: str | None, uncertain: bool = False
) -> str:
    """Whether a published result settles the target (see the module note); a result the
    source leaves in doubt (perhaps an estimate made before the year ended) does not."""
    if result is None or pd.isna(result):
        return NO_RESULT
    if uncertain:
        return CANNOT_TELL
    if result >= target and qualifier in ("exact", "more_than", "at_least"):
        return REACHED
    if result < target and qualifier in ("exact", "less_than"):
        return NOT_REACHED
    return CANNOT_TELL


def target_lines(places: tuple[str, ...], filters: Filters) -> list[TargetLine]:
    """The chosen places' targets within the chosen years, latest period first."""
    rows = store.run(
        "targets_and_results",
        provinces=list(places),
        year_from=filters.year_from,
        year_to=filters.year_to,
    )
    lines = []
    for row in rows.itertuples():
        has_result = isinstance(row.result_fact_id, str)
        lines.append(
            TargetLine(
                place=catalog.place_name(row.province_id),
                measure=catalog.indicators()[row.indicator_id].name(),
                period=formatting.period_text(row.period_start, row.period_end, row.kind),
                target=formatting.value_text(row.target_value, row.unit, row.target_qualifier),
                target_fact_id=row.target_fact_id,
                result=formatting.value_text(row.result_value, row.unit, row.result_qualifier)
                if has_result
                else None,
                result_fact_id=row.result_fact_id if has_result else None,
                verdict=verdict(
                    row.target_value,
                    row.result_value if has_result else None,
                    row.result_qualifier if has_result else None,
                    bool(row.result_uncertain) if has_result else False,
                ),
            )
        )
    return lines
