"""Rules on values that need more than one cell: exchange rates against their quote, a
figure's period against its source's publication date, chains of superseded figures, a
rank's position and total against its sentence.

Each rule calls `add(table, row, message, column)` (see validate.check) once per problem,
saying what is wrong and how to fix it.
"""

from __future__ import annotations

import math
import re

from foreign_ties.csv_input import Row

# Numbers as written: 23,787.32 / 23.787,32 / 23787.32 / 23 787,32
_NUMBER = re.compile(r"\d{1,3}(?:[,.\u00a0 ]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")


def numbers_in(text: str) -> list[float]:
    """Every reading of every number in `text` (both decimal conventions)."""
    found: list[float] = []
    for match in _NUMBER.findall(text):
        plain = match.replace("\u00a0", "").replace(" ", "")
        for decimal, group in ((".", ","), (",", ".")):
            candidate = plain.replace(group, "").replace(decimal, ".")
            try:
                found.append(float(candidate))
            except ValueError:
                continue
    return found


def check_rate(row: Row, add) -> None:
    """An exchange rate is a positive number equal to the figure in its quote."""
    rate, quote = row.values.get("per_usd"), row.values.get("quote")
    if rate is None:
        return  # empty or not a number: reported when the row was read
    if rate <= 0:
        add(
            "fx_rates",
            row,
            f"per_usd {rate!r} must be greater than 0 (how many units of the currency one "
            "US dollar buys): copy the rate from its quote",
            "per_usd",
        )
        return
    if isinstance(quote, str) and not any(
        math.isclose(rate, n, rel_tol=1e-9) for n in numbers_in(quote)
    ):
        add(
            "fx_rates",
            row,
            f"per_usd {rate!r} is not the rate written in its quote: copy the figure exactly "
            "as the quote gives it",
            "per_usd",
        )


def check_publication(row: Row, sources: dict[str, Row], add) -> None:
    """A reported result cannot describe a period that had not happened when published."""
    v = row.values
    source = sources.get(v.get("source_id"))
    published = source.values.get("published_date") if source else None
    start, end = v.get("period_start"), v.get("period_end")
    if v.get("status") != "reported" or published is None or start is None or end is None:
        return
    if start > published:
        add(
            "facts",
            row,
            f"status 'reported' for a period starting {start}, after its source was published "
            f"({published}): a figure for a later period is a target or a projection; set "
            "status to target or projection",
            "status",
        )
    elif end > published and not (v.get("uncertain") and v.get("uncertain_reason")):
        add(
            "facts",
            row,
            f"the period ends {end}, after its source was published ({published}): the "
            "figure was stated before the period closed; set uncertain to true and say so "
            "in uncertain_reason",
            "uncertain",
        )


def check_supersession(facts: list[Row], add) -> None:
    """superseded_by chains end at a current figure: no cycle (a missing id is a foreign key)."""
    nxt = {
        r.values["fact_id"]: r.values.get("superseded_by") for r in facts if r.values.get("fact_id")
    }
    for row in facts:
        start = row.values.get("fact_id")
        chain, current = [start], nxt.get(start)
        while current and current in nxt and current not in chain:
            chain.append(current)
            current = nxt.get(current)
        if current and current in chain:
            loop = chain[chain.index(current) :] + [current]
            if start in loop:
                add(
                    "facts",
                    row,
                    "superseded_by forms a cycle ("
                    + " -> ".join(loop)
                    + "): the latest figure of a chain must leave superseded_by empty",
                    "superseded_by",
                )


def check_rank(row: Row, add) -> None:
    """A rank is a whole position from 1; its total (rank_out_of) only as its sentence says it."""
    v = row.values
    value, total, quote = v.get("value"), v.get("rank_out_of"), v.get("quote") or ""
    if v.get("unit") == "rank" and value is not None and (value < 1 or value != int(value)):
        add("facts", row, f"a rank is a whole position from 1, not {value!r}", "value")
    if total is None:
        return
    if v.get("unit") != "rank":
        add(
            "facts",
            row,
            "rank_out_of is only for a rank (unit rank): leave it empty",
            "rank_out_of",
        )
    elif value is not None and total < value:
        add("facts", row, f"rank_out_of {total} is below the rank {value:g}", "rank_out_of")
    if not re.search(rf"(?<!\d){total}(?!\d)", quote):
        add(
            "facts",
            row,
            f"rank_out_of {total} is not written in the quote: a rank's total is stored only "
            "when its sentence states it (say the year's total in note instead)",
            "rank_out_of",
        )
