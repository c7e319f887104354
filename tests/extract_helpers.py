"""What the extraction tests read of a text: its candidates by the figure as written, and a
candidate's period (one definition for every tests/test_extract_*.py file)."""

from __future__ import annotations

from foreign_ties.extract import extract


def by_written(text, published, place=None, language=None):
    return {c.value_as_written: c for c in extract(text, published, place, language)}


def period(candidate):
    return candidate.period_start, candidate.period_end
