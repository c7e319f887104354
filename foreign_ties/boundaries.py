"""Provinces over time: which territory a figure covers, and sums for the 2025 boundaries.

Since 1 July 2025 Tuyen Quang includes the former Ha Giang province (Resolution
202/2025/QH15); Son La and Lang Son are unchanged. A figure keeps the territory of its
period: a Tuyen Quang figure for 2023 covers the old province only.

"As published" shows each figure for the territory it was published for. "2025
boundaries" shows every place within its 2025 borders: a pre-merger figure of the new
Tuyen Quang is the sum of its parts, made only when *every* part has a published figure of
the same indicator, unit, breakdown and identical period, all reported (not targets).
A sum is labelled as computed, with its formula and the fact_ids it adds up; when a part
is missing, nothing is summed and a notice says which part has no figure.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from foreign_ties import formatting
from foreign_ties.i18n import t

AS_PUBLISHED = "published"
BOUNDARIES_2025 = "2025"
MODES = (AS_PUBLISHED, BOUNDARIES_2025)

MERGER_DAY = dt.date(2025, 7, 1)  # first day of the 2025 provinces
RESOLUTION = "Resolution 202/2025/QH15"


@dataclass(frozen=True)
class Merger:
    successor: str
    parts: tuple[str, ...]  # the successor's own earlier territory first
    effective: dt.date
    source: str


# Lineage of the places the dashboard shows; it agrees with data/curated/provinces
# (ha-giang: valid_to 2025-06-30, merged_into tuyen-quang), which tests check.
MERGERS = (Merger("tuyen-quang", ("tuyen-quang", "ha-giang"), MERGER_DAY, RESOLUTION),)
SUCCESSOR = {m.successor: m for m in MERGERS}
MERGED_AWAY = {part: m for m in MERGERS for part in m.parts if part != m.successor}

# Sets of partners overlap (both provinces may count Laos): their counts never add up.
NOT_ADDITIVE_FAMILIES = frozenset({"partners"})
NOT_ADDITIVE_UNITS = frozenset({"percent"})
_SAME = ["indicator_id", "unit", "breakdown_key", "period_start", "period_end"]


@dataclass
class BoundaryView:
    rows: pd.DataFrame
    notices: list[str] = field(default_factory=list)  # plain sentences for the reader


def _day(value) -> dt.date:
    return value.date() if isinstance(value, (pd.Timestamp, dt.datetime)) else value


def boundary_version(period_end) -> int:
    """63 provinces for periods ending before 1 July 2025, 34 from then on."""
    return 63 if _day(period_end) < MERGER_DAY else 34


def spans_merger(period_start, period_end) -> bool:
    return _day(period_start) < MERGER_DAY <= _day(period_end)


def territory_key(province_id: str, period_start, period_end) -> str | None:
    """'old', 'new' or 'spans' for a place whose territory changed; None when it did not."""
    merger = SUCCESSOR.get(province_id) or MERGED_AWAY.get(province_id)
    if merger is None:
        return None
    if _day(period_end) < merger.effective:
        return "old"
    if _day(period_start) >= merger.effective:
        return "new"
    return "spans"


def territory_label(province_id: str, period_start, period_end, lang: str | None = None) -> str | None:
    """Which territory a figure of this place and period covers, in words; None if unchanged."""
    key = territory_key(province_id, period_start, period_end)
    if key is None:
        return None
    role = "successor" if province_id in SUCCESSOR else "part"
    return t(f"boundaries.territory.{role}.{key}", lang)


def mixes_territories(rows: pd.DataFrame) -> bool:
    """True when one place's figures from before and after its merger appear together."""
    for place in SUCCESSOR:
        own = rows[rows["province_id"] == place]
        keys = {territory_key(place, s, e) for s, e in zip(own["period_start"], own["period_end"])}
        if len(keys - {None}) > 1:
            return True
    return False


def territory_notes(rows: pd.DataFrame, place_names: Mapping[str, str]) -> list[str]:
    """One line per figure of a changed place: its period, value and the territory it covers."""
    notes = []
    for row in rows.itertuples():
        label = territory_label(row.province_id, row.period_start, row.period_end)
        if label:
            notes.append(t("boundaries.territory.line", place=place_names.get(row.province_id, row.province_id),
                           figure=formatting.value_text(row.value, row.unit, row.qualifier),
                           period=formatting.period_text(row.period_start, row.period_end, row.kind),
                           territory=label))
    return list(dict.fromkeys(notes))


def additive(family: str, unit: str) -> bool:
    return family not in NOT_ADDITIVE_FAMILIES and unit not in NOT_ADDITIVE_UNITS


def _qualifier(qualifiers: list[str]) -> str:
    found = set(qualifiers) - {"exact"}
    if not found:
        return "exact"
    return found.pop() if len(found) == 1 and found <= {"more_than", "at_least", "less_than"} else "approx"


def _sum_row(parts: pd.DataFrame, merger: Merger, place_names: Mapping[str, str]) -> dict:
    first = parts.iloc[0]
    total = float(parts["value"].sum())
    qualifier = _qualifier(list(parts["qualifier"]))
    terms = " + ".join(f"{place_names.get(p.province_id, p.province_id)} "
                       f"{formatting.value_text(p.value, p.unit, p.qualifier)}" for p in parts.itertuples())
    formula = f"{terms} = {formatting.value_text(total, first['unit'], qualifier)}"
    ids = list(parts["fact_id"])
    row = first.to_dict()
    row.update({
        "fact_id": "sum2025:" + "+".join(ids), "province_id": merger.successor, "value": total,
        "qualifier": qualifier, "uncertain": bool(parts["uncertain"].fillna(False).astype(bool).any()),
        "uncertain_reason": "; ".join(r for r in parts["uncertain_reason"].dropna() if r) or None,
        "derived_from": " + ".join(ids), "formula": formula, "computed": True,
        "source_id": "+".join(dict.fromkeys(parts["source_id"])),
        "publisher": "; ".join(dict.fromkeys(parts["publisher"])),
        "quote": t("boundaries.sum.quote", formula=formula, ids=", ".join(ids), source=merger.source),
    })
    if "published_date" in parts:
        row["published_date"] = parts["published_date"].max()
    return row


def apply(rows: pd.DataFrame, mode: str, parts_rows: pd.DataFrame | None = None,
          family: str = "", place_names: Mapping[str, str] | None = None) -> BoundaryView:
    """The figures to show in `mode`.

    `rows` and `parts_rows` have the columns of queries/indicator_series.sql (one indicator);
    `parts_rows` holds the merged-away parts (Ha Giang), which are never shown on their own
    in the 2025 view. Unchanged places pass through untouched.
    """
    names = dict(place_names or {})
    if mode != BOUNDARIES_2025 or rows.empty:
        out = rows.copy()
        notices = []
        if mixes_territories(out):
            notices = [t("boundaries.mixed")] + territory_notes(out, names)
        return BoundaryView(out, notices)
    parts_rows = parts_rows if parts_rows is not None else rows.iloc[0:0]
    every = pd.concat([rows, parts_rows[~parts_rows["fact_id"].isin(rows["fact_id"])]], ignore_index=True)
    every = every.assign(breakdown_key=every["breakdown"].fillna(""))
    keep, made, notices = [], [], []
    for merger in MERGERS:
        if merger.successor not in set(rows["province_id"]):
            continue
        mine = every[every["province_id"].isin(merger.parts)]
        old = mine[[_day(e) < merger.effective for e in mine["period_end"]]]
        keep.append(mine.drop(old.index))  # post-merger figures: already the 2025 territory
        keep[-1] = keep[-1][keep[-1]["province_id"] == merger.successor]
        for _, group in old.groupby(_SAME, sort=False, dropna=False):
            sample = group.iloc[0]
            period = formatting.period_text(sample.period_start, sample.period_end, sample.kind)
            have = set(group["province_id"])
            absent = [p for p in merger.parts if p not in have]
            why = None
            if not additive(family, sample.unit):
                why = t("boundaries.not_additive")
            elif absent:
                why = t("boundaries.part_missing", parts=", ".join(names.get(p, p) for p in absent))
            elif (group["status"] != "reported").any():
                why = t("boundaries.not_reported")
            elif len(group) != len(merger.parts):
                why = t("boundaries.ambiguous")
            if why:
                notices.append(t("boundaries.not_summed", place=names.get(merger.successor, merger.successor),
                                 period=period, reason=why))
                continue
            ordered = group.set_index("province_id").loc[list(merger.parts)].reset_index()
            made.append(_sum_row(ordered, merger, names))
    untouched = rows[~rows["province_id"].isin([p for m in MERGERS for p in m.parts])]
    out = pd.concat([untouched, *keep, pd.DataFrame(made)], ignore_index=True)
    out = out.drop(columns=["breakdown_key"], errors="ignore")
    if "computed" in out:
        out["computed"] = out["computed"].fillna(False).astype(bool)
    return BoundaryView(out.sort_values(["province_id", "period_end"], kind="stable", ignore_index=True),
                        list(dict.fromkeys(notices)))
