"""Figures we compute: currency conversions and shares of the national total.

A computed figure is never passed off as published: every row made here has
`derived_from` (the fact ids and the formula), `converted`/`computed` set, and a note the
chart and table show. Conversions use the exchange rate of the figure's own year and
refuse when there is none; shares are made only from two figures of the same measure and
the same period.
"""

from __future__ import annotations

import math

import pandas as pd

from foreign_ties import formatting
from foreign_ties.i18n import current_language, t

CURRENCIES = ("USD", "VND")
AS_PUBLISHED = "published"

# A provincial measure and the national measure it is a part of (same publisher, same
# definition): only these pairs may be divided to give a share of the nation.
SHARE_OF_NATIONAL = {"exports_customs_by_locality": "exports_national"}


def rate_year(start, end, kind: str) -> int | None:
    """The one calendar year whose average rate applies, or None for multi-year periods."""
    if kind == "stock" or start.year == end.year:
        return end.year
    return None


def significant(value: float, digits: int = 4) -> float:
    """A computed value shown to `digits` significant digits (published values never are)."""
    if value == 0:
        return 0.0
    return round(value, digits - 1 - int(math.floor(math.log10(abs(value)))))


def _publisher(rate) -> str:
    """A rate's publisher in the reader's language (the rates table is cached for all)."""
    own = getattr(rate, "publisher_in_vi", None)
    return own if current_language() == "vi" and isinstance(own, str) and own else rate.publisher


def convert(rows: pd.DataFrame, target: str, rates: pd.DataFrame) -> pd.DataFrame:
    """Money figures in `target` currency where the year has a rate; others unchanged.

    Adds `converted` (bool) and `conversion_note` (why and how, in the reader's language).
    """
    out = rows.copy()
    out["converted"] = False
    out["conversion_note"] = None
    if target == AS_PUBLISHED or out.empty:
        return out
    per_usd = {
        int(r.year): (float(r.per_usd), _publisher(r))
        for r in rates.itertuples()
        if r.currency == "VND"
    }
    derived = (
        out["derived_from"].astype(object)
        if "derived_from" in out
        else pd.Series(None, index=out.index, dtype=object)
    )
    for index, row in out.iterrows():
        if row["unit"] not in CURRENCIES or row["unit"] == target:
            continue
        year = rate_year(row["period_start"], row["period_end"], row["kind"])
        if year is None or year not in per_usd:
            out.at[index, "conversion_note"] = t(
                "convert.no_rate", year=str(year) if year else t("convert.multi_year")
            )
            continue
        rate, publisher = per_usd[year]
        factor = 1 / rate if target == "USD" else rate
        out.at[index, "value"] = significant(row["value"] * factor)
        out.at[index, "unit"] = target
        out.at[index, "qualifier"] = "approx" if row["qualifier"] == "exact" else row["qualifier"]
        out.at[index, "converted"] = True
        out.at[index, "conversion_note"] = t(
            "convert.note", rate=formatting.number(rate), publisher=publisher, year=str(year)
        )
        operator = "÷" if target == "USD" else "×"
        derived.at[index] = f"{row['fact_id']} {operator} {rate} VND/USD ({year})"
    out["derived_from"] = derived
    return out


def _uncertain(rows: pd.DataFrame) -> pd.Series:
    if "uncertain" not in rows:
        return pd.Series(False, index=rows.index)
    return rows["uncertain"].fillna(False).astype(bool)


def share_of_national(
    rows: pd.DataFrame, national: pd.DataFrame, pairs: dict[str, str] | None = None
) -> pd.DataFrame:
    """Each provincial figure as a percentage of the nation's figure for the same period.

    `rows` and `national` carry the columns of queries/measures_series.sql. A province
    figure without a national figure of the paired measure and the identical period gets
    no share (and no row): nothing is matched across different periods. `pairs` (default
    SHARE_OF_NATIONAL) names which provincial measure is a part of which national one.
    """
    pairs = SHARE_OF_NATIONAL if pairs is None else pairs
    columns = [
        "fact_id",
        "province_id",
        "period_start",
        "period_end",
        "share_percent",
        "formula",
        "derived_from",
        "part_fact_id",
        "national_fact_id",
    ]
    if rows.empty or national.empty:
        return pd.DataFrame(columns=columns)
    result = []
    for row in rows[rows["indicator_id"].isin(pairs)].itertuples():
        match = national[
            (national["indicator_id"] == pairs[row.indicator_id])
            & (national["period_start"] == row.period_start)
            & (national["period_end"] == row.period_end)
            & (national["unit"] == row.unit)
            & (national["status"] == "reported")
            & (row.status == "reported")
            # a date the source leaves in doubt cannot be matched to another date
            & ~_uncertain(national)
            & (not bool(getattr(row, "uncertain", False)))
        ]
        if match.empty:
            continue
        whole = match.iloc[0]
        share = row.value / whole["value"] * 100
        result.append(
            {
                "fact_id": f"share:{row.fact_id}",
                "province_id": row.province_id,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "share_percent": significant(share, 3),
                "formula": t(
                    "share.formula",
                    part=formatting.value_text(row.value, row.unit, row.qualifier),
                    whole=formatting.value_text(whole["value"], whole["unit"], whole["qualifier"]),
                ),
                "derived_from": f"{row.fact_id} / {whole['fact_id']} × 100",
                "part_fact_id": row.fact_id,
                "national_fact_id": whole["fact_id"],
            }
        )
    return pd.DataFrame(result, columns=columns)
