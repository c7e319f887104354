"""Whose figure it is decides which measures it can be: a province's imports or trade
balance are no measure of the catalogue (only the nation's are), the nation's exports are
not a province's statistics, and a figure of a province outside the dashboard has none.

data/extraction/scope_counterparts.csv lists, for a figure of a province (`province`) or of
the nation (`nation`), an indicator that is the other scope's and the one to use instead
(empty: none). A growth rate or a share follows its base measure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from foreign_ties import paths
from foreign_ties.extract_context import _letter, _read, nation, other_place_starts, same_tones
from foreign_ties.extract_indicators import indicators

SCOPE_CSV = paths.DATA_DIR / "extraction" / "scope_counterparts.csv"
GOODS_CSV = paths.DATA_DIR / "extraction" / "goods.csv"
# the nation's totals: a good's part of them ("xuất khẩu gạo", "imports of plastics") is none
NATIONAL_TOTALS = {"exports_national", "imports_national", "trade_national_total"}
_SUFFIXES = ("_yoy", "_share")


@lru_cache(maxsize=1)
def counterparts() -> dict[tuple[str, str], str]:
    known = indicators()
    out = {}
    for row in _read(SCOPE_CSV):
        ids = [row["indicator_id"], row["counterpart_id"]]
        bad = [i for i in ids if i and i not in known]
        if bad or row["scope"] not in ("province", "nation"):
            raise ValueError(f"{SCOPE_CSV.name}: unknown scope or indicators in {row}")
        out[(row["scope"], row["indicator_id"])] = row["counterpart_id"]
    return out


@lru_cache(maxsize=1)
def goods_pattern() -> re.Pattern[str]:
    """Any good or farm sector of data/extraction/goods.csv, accents optional."""
    words = ["".join(_letter(c) for c in same_tones(r["word"])) for r in _read(GOODS_CSV)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.I)


def in_scope(
    indicator: str | None, province: str | None, other_place: bool, before: str = ""
) -> str | None:
    """The indicator for a figure of `province` (the nation, a dashboard province, or None);
    `other_place`: the figure is a province's outside the dashboard (none of its measures
    are in the catalogue); `before`: its sentence up to it, where a good may be named."""
    if not indicator or province is None or other_place:
        return None if other_place else indicator
    scope = "nation" if province == nation() else "province"
    base, suffix = indicator, ""
    for end in _SUFFIXES:
        if indicator.endswith(end) and (scope, indicator) not in counterparts():
            base, suffix = indicator[: -len(end)], end
    if (scope, base) in counterparts():
        mapped = counterparts()[(scope, base)]  # a growth rate or a share follows its base
        indicator = f"{mapped}{suffix}" if mapped else None
        if indicator not in indicators():
            return None
    if scope == "nation" and _base(indicator) in NATIONAL_TOTALS:
        if goods_pattern().search(same_tones(before)):
            return None
    return indicator


def _base(indicator: str) -> str:
    for end in _SUFFIXES:
        if indicator.endswith(end):
            return indicator[: -len(end)]
    return indicator


def named_places(sentence: str, places: list[tuple[int, str]]) -> list[tuple[int, bool]]:
    """(start, outside the dashboard?) for every province the sentence names (not the
    nation: "offices in Vietnam" does not end the Ha Tinh paragraph)."""
    inside = [(start, False) for start, place in places if place != nation()]
    return sorted(inside + [(start, True) for start in other_place_starts(sentence)])


def outside(named: list[tuple[int, bool]], position: int, carried: bool | None) -> bool:
    """Whether the province that governs a figure is outside the dashboard: the one named
    nearest before it, else the last one named in an earlier sentence (`carried`), else the
    first named after it."""
    before = [other for start, other in named if start < position]
    if before:
        return before[-1]
    if carried is not None:
        return carried
    return bool(named) and named[0][1]


def other_province_before(sentence: str, places: list[tuple[int, str]], position: int) -> bool:
    """In a national report, "the central province of Thanh Hoa ... attracted 3.06 billion
    USD": a province outside the dashboard named before the figure in its sentence, with no
    other place after it, makes the figure that province's (a dateline's city, first in
    the sentence, does not)."""
    others = [s for s in other_place_starts(sentence) if 0 < s < position]
    if not others or not sentence[: others[-1]].strip(" \t\"'“(-"):
        return False
    if re.fullmatch(r"\W*(?:tại|at|in)\s+", sentence[: others[-1]], re.I):
        return False  # "Tại Hà Nội, Bộ KH&ĐT cho biết ...": where it was said
    return not any(others[-1] < start < position for start, _ in places)
