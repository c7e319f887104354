"""The chart grammar for sparse facts (docs/chart_grammar.md), as pure rules.

The figures are few and of many shapes: a stock as of a date, a whole year, one month, ten
months, three years. This module decides, for a panel of figures:

- its form: a time axis only when a measure of one place has two dated points, else bars;
- which points a line may join: consecutive points of one series only, where a series is
  one place, one territory (before or after the 2025 merger), one measure, one part, one
  unit and one type of period (annual, monthly, part of a year, several years, stock);
- where a figure sits on a time axis: a stock at its date, a flow across its period;
- how a time axis is ticked: years labelled in the middle of each year (a 31 Dec stock sits
  at the end of its year, not under the next year's label), months for a single year; the
  range always holds every period drawn, whatever the filter window.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from foreign_ties import boundaries

ANNUAL, MONTHLY, PART_YEAR, MULTI_YEAR, STOCK = (
    "annual",
    "monthly",
    "part_year",
    "multi_year",
    "stock",
)
PERIOD_TYPES = (ANNUAL, MONTHLY, PART_YEAR, MULTI_YEAR, STOCK)
SPANNED = frozenset({MONTHLY, PART_YEAR, MULTI_YEAR})  # drawn across their period

# Tick labels of a time axis, by the reader's language: years, or months within one year.
_YEAR_FORMAT = "%Y"
_MONTH_FORMATS = {"en": "%b %Y", "vi": "%m/%Y"}


def _day(value) -> dt.date:
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value


def period_type(start, end, kind: str) -> str:
    """Which type of period a figure covers (a stock is a level as of its date)."""
    start, end = _day(start), _day(end)
    if kind == "stock":
        return STOCK
    if start.year != end.year:
        return MULTI_YEAR
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return ANNUAL
    month_end = (end + dt.timedelta(days=1)).day == 1
    if start.day == 1 and month_end and start.month == end.month:
        return MONTHLY
    return PART_YEAR


def _flag(value) -> bool:
    """A boolean cell that may be missing (None / NaN count as False)."""
    return value is not None and not (isinstance(value, float) and value != value) and bool(value)


def territory(row) -> str | None:
    """'old', 'new' or 'spans' for a place whose territory changed in 2025; else None.

    A sum made for the 2025 boundaries (`computed`) covers the new territory whatever its
    period.
    """
    if _flag(getattr(row, "computed", False)):
        return "new"
    return boundaries.territory_key(row.province_id, row.period_start, row.period_end)


def series_key(row) -> tuple:
    """Rows with equal keys may be joined by a line; rows with different keys never are."""
    breakdown = row.breakdown if isinstance(row.breakdown, str) else ""
    return (
        row.province_id,
        territory(row),
        getattr(row, "indicator_id", ""),
        breakdown,
        row.unit,
        period_type(row.period_start, row.period_end, row.kind),
    )


def totals_beside_shorter(df: pd.DataFrame) -> pd.Series:
    """Which rows are totals over several years in a panel that also holds figures of a year
    or less. Drawn across its years at its full height, a five-year sum reads as five years
    at that height, several times every yearly figure beside it: such a total is written
    over its panel (`marks.write_totals`), not drawn. Alone, or beside other totals, it is
    drawn as usual."""
    types = [period_type(r.period_start, r.period_end, r.kind) for r in df.itertuples()]
    multi = pd.Series([kind == MULTI_YEAR for kind in types], index=df.index, dtype=bool)
    if not any(kind in (ANNUAL, MONTHLY, PART_YEAR) for kind in types):
        return multi & False
    return multi


def position(row) -> dt.date:
    """Where a figure sits on a time axis: a stock at its date, a flow in its period's middle."""
    start, end = _day(row.period_start), _day(row.period_end)
    if row.kind == "stock":
        return end
    return start + (end - start) / 2


def needs_time_axis(df: pd.DataFrame) -> bool:
    """True when one measure of one place and territory has at least two dated points.

    Periods of different types count (a three-year total and the next year: the axis shows
    how they lie in time), the same place before and after its merger does not (two
    territories, two measures). Two figures within the same month (63 provinces as of 11
    June, 34 as of 12 June) are one dated point at any readable scale: they are bars.
    """
    periods: dict[tuple, set] = {}
    for row in df.itertuples():
        start, end = _day(row.period_start), _day(row.period_end)
        point = (start.year, start.month, end.year, end.month)
        periods.setdefault(series_key(row)[:-1], set()).add(point)
    return any(len(points) >= 2 for points in periods.values())


def joins(previous, row) -> bool:
    """Whether a line joins two consecutive figures of one series (same `series_key`)."""
    if previous.status != "reported" or row.status != "reported":
        return False  # a target, projection or computed figure is never part of a line
    kind = period_type(row.period_start, row.period_end, row.kind)
    a_start, a_end = _day(previous.period_start), _day(previous.period_end)
    b_start, b_end = _day(row.period_start), _day(row.period_end)
    if kind == ANNUAL:
        return b_end.year - a_end.year == 1
    if kind == STOCK:
        return 0 < b_end.year - a_end.year <= 1 or (b_end.year == a_end.year and b_end > a_end)
    if kind == MONTHLY:
        return (b_start.year * 12 + b_start.month) - (a_start.year * 12 + a_start.month) == 1
    # Part of a year (Jan–Oct, a quarter, to 27 Nov) and several years: drawn as spans, never
    # joined (a line between ten-month figures read as a second annual line of the measure).
    return False


def extent(df: pd.DataFrame) -> tuple[dt.date, dt.date]:
    """First and last day any figure of `df` covers (a multi-year total whole)."""
    return _day(df["period_start"].min()), _day(df["period_end"].max())


def time_axis(first: dt.date, last: dt.date, lang: str) -> dict:
    """A date axis holding `first`..`last`, ticked so no label repeats.

    Several calendar years: one tick per year on 1 January (the gridline), its label "2024"
    in the middle of the year (Plotly's period labels), the range whole years. One calendar
    year: one tick per month, labelled in the middle of the month.
    """
    first, last = _day(first), _day(last)
    if first.year != last.year:
        return {
            "type": "date",
            "range": [dt.date(first.year, 1, 1), dt.date(last.year + 1, 1, 1)],
            "autorange": False,
            "tickmode": "linear",
            "tick0": f"{first.year}-01-01",
            "dtick": "M12",
            "tickformat": _YEAR_FORMAT,
            "ticklabelmode": "period",
        }
    end_month = dt.date(last.year + (last.month == 12), last.month % 12 + 1, 1)
    return {
        "type": "date",
        "range": [dt.date(first.year, first.month, 1), end_month],
        "autorange": False,
        "tickmode": "linear",
        "tick0": f"{first.year}-{first.month:02d}-01",
        "dtick": "M1",
        "tickformat": _MONTH_FORMATS.get(lang, _MONTH_FORMATS["en"]),
        "ticklabelmode": "period",
    }


def window(df: pd.DataFrame, years: tuple[int, int] | None) -> tuple[dt.date, dt.date]:
    """The time a panel shows: the chosen years, widened to hold every period drawn whole."""
    first, last = extent(df)
    if years:
        first = min(first, dt.date(years[0], 1, 1))
        last = max(last, dt.date(years[1], 12, 31))
    return first, last
