"""Provinces over time: which territory a figure covers, and sums for the 2025 boundaries.

Since 1 July 2025 Tuyen Quang includes the former Ha Giang province (Resolution
202/2025/QH15); Son La and Lang Son are unchanged. A figure keeps the territory of its
period: a Tuyen Quang figure for 2023 covers the old province only.

"As published" shows each figure for the territory it was published for. "2025
boundaries" shows every place within its 2025 borders: a pre-merger figure of the new
Tuyen Quang is the sum of its parts, made only when *every* part has a published figure of
the same indicator, unit, breakdown and identical period, all reported (not targets).
A sum is labelled as computed (status "computed", shown on the chart itself), with its
formula and the fact_ids it adds up; when a part
is missing, nothing is summed and a notice says which part has no figure.

The lineage (which units merged into which, and from when) is read from the provinces
table (`valid_from`, `valid_to`, `merged_into`, `gso_code`), not written here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from foreign_ties import data_version, formatting
from foreign_ties.i18n import t, tn
from foreign_ties.memo import remembered

AS_PUBLISHED = "published"
BOUNDARIES_2025 = "2025"
MODES = (AS_PUBLISHED, BOUNDARIES_2025)
# Status of a sum made here: not a published figure. Charts show a non-reported status in
# the point's label ("US$329.8 million (computed: Tuyen Quang + Ha Giang)") and draw the
# bar or point hollow; tables show it in the status column.
COMPUTED = "computed"

MERGER_DAY = dt.date(2025, 7, 1)  # first day of the 2025 provinces
RESOLUTION = "Resolution 202/2025/QH15"


@dataclass(frozen=True)
class Merger:
    successor: str  # the dashboard's place (the new unit keeps this id)
    parts: tuple[str, ...]  # ids the pre-merger figures are stored under; the successor's own first
    predecessors: tuple[str, ...]  # the units that ended (provinces rows with merged_into)
    effective: dt.date  # first day of the successor's territory (its valid_from)
    source: str


_RESOLUTION_RE = re.compile(r"Resolution\s+[0-9A-Z/-]+")


def lineage_from(table: pd.DataFrame) -> tuple[Merger, ...]:
    """Mergers as the provinces table states them (data/README.md: validity and lineage).

    A row with `merged_into` is a unit that ended on its `valid_to`; the successor begins
    the next day. A predecessor with the successor's GSO code is continued by it (the old
    Tuyen Quang, code 08): its figures are stored under the successor's id, so the
    successor's own id is the first part. Every other predecessor (Ha Giang) is a part
    under its own id.
    """

    def cell(value) -> str:
        return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)

    rows = {cell(r["province_id"]): r for r in table.to_dict("records")}
    mergers = []
    for successor in dict.fromkeys(
        cell(r["merged_into"]) for r in rows.values() if cell(r["merged_into"])
    ):
        ended = [pid for pid, r in rows.items() if cell(r["merged_into"]) == successor]
        last_days = {
            _day(pd.Timestamp(rows[pid]["valid_to"]))
            for pid in ended
            if cell(rows[pid]["valid_to"])
        }
        if len(last_days) != 1 or len(ended) != len(
            [p for p in ended if cell(rows[p]["valid_to"])]
        ):
            raise ValueError(f"provinces merged into {successor!r} must share one valid_to")
        own_code = cell(rows[successor]["gso_code"]) if successor in rows else ""
        continued = [pid for pid in ended if own_code and cell(rows[pid]["gso_code"]) == own_code]
        parts = ([successor] if continued else []) + [pid for pid in ended if pid not in continued]
        note = cell(rows[successor]["territory_note"]) if successor in rows else ""
        found = _RESOLUTION_RE.search(note)
        mergers.append(
            Merger(
                successor,
                tuple(parts),
                tuple(ended),
                last_days.pop() + dt.timedelta(days=1),
                found.group(0).rstrip(").;,") if found else RESOLUTION,
            )
        )
    return tuple(mergers)


@data_version.cached
def mergers() -> tuple[Merger, ...]:
    """The lineage read from the provinces table (the built Parquet, via queries/provinces.sql)."""
    from foreign_ties import store  # local: keeps this module importable without a build

    return lineage_from(store.run("provinces"))


def successors() -> dict[str, Merger]:
    return {m.successor: m for m in mergers()}


def merged_away() -> dict[str, Merger]:
    """Parts that are not the successor's own id (Ha Giang -> its merger)."""
    return {part: m for m in mergers() for part in m.parts if part != m.successor}


def with_parts(provinces) -> list[str]:
    """The places plus the provinces merged into them (Ha Giang with Tuyen Quang)."""
    extra = [p for m in mergers() if m.successor in provinces for p in m.parts]
    return list(dict.fromkeys([*provinces, *extra]))


def clear() -> None:
    mergers.cache_clear()


# Sets of partners overlap (both provinces may count Laos): their counts never add up.
NOT_ADDITIVE_FAMILIES = frozenset({"partners"})
# a rank (29th + 50th) is a position, never summed
NOT_ADDITIVE_UNITS = frozenset({"percent", "rank"})
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
    merger = successors().get(province_id) or merged_away().get(province_id)
    if merger is None:
        return None
    if _day(period_end) < merger.effective:
        return "old"
    if _day(period_start) >= merger.effective:
        return "new"
    return "spans"


def territory_label(
    province_id: str, period_start, period_end, lang: str | None = None
) -> str | None:
    """Which territory a figure of this place and period covers, in words; None if unchanged."""
    key = territory_key(province_id, period_start, period_end)
    if key is None:
        return None
    role = "successor" if province_id in successors() else "part"
    return t(f"boundaries.territory.{role}.{key}", lang)


def mixes_territories(rows: pd.DataFrame) -> bool:
    """True when one place's figures from before and after its merger appear together."""
    for place in successors():
        own = rows[rows["province_id"] == place]
        keys = {
            territory_key(place, s, e)
            for s, e in zip(own["period_start"], own["period_end"], strict=False)
        }
        if len(keys - {None}) > 1:
            return True
    return False


TERRITORY_LINES = 8  # past this many figures, one line per place and territory instead


def territory_notes(rows: pd.DataFrame, place_names: Mapping[str, str]) -> list[str]:
    """One line per figure of a changed place: its period, value and the territory it covers;
    with many figures, one line per place and territory: how many figures, from when to when."""
    found = []  # (place, territory, row)
    for row in rows.itertuples():
        label = territory_label(row.province_id, row.period_start, row.period_end)
        if label:
            found.append((row.province_id, label, row))
    if len(found) > TERRITORY_LINES:
        return _territory_spans(found, place_names)
    notes = [
        t(
            "boundaries.territory.line",
            place=place_names.get(place, place),
            figure=formatting.value_text(row.value, row.unit, row.qualifier),
            period=formatting.period_text(row.period_start, row.period_end, row.kind),
            territory=label,
        )
        for place, label, row in found
    ]
    return list(dict.fromkeys(notes))


def _territory_spans(found: list, place_names: Mapping[str, str]) -> list[str]:
    spans: dict[tuple[str, str], list] = {}
    for place, label, row in found:
        spans.setdefault((place, label), []).append(row)
    notes = []
    for (place, label), rows in spans.items():
        if len(rows) == 1:
            notes += territory_notes(pd.DataFrame([rows[0]._asdict()]), place_names)
            continue
        first = min(rows, key=lambda r: r.period_start)
        last = max(rows, key=lambda r: r.period_end)
        notes.append(
            tn(
                "boundaries.territory.span",
                len(rows),
                place=place_names.get(place, place),
                first=formatting.period_text(first.period_start, first.period_end, first.kind),
                last=formatting.period_text(last.period_start, last.period_end, last.kind),
                territory=label,
            )
        )
    return notes


@remembered
def coverage_notes(rows: pd.DataFrame, place_names: Mapping[str, str]) -> list[str]:
    """One sentence per changed place whose figures here all cover one territory.

    (When one place's figures cover different territories, `territory_notes` lists each.)
    """
    notes = []
    for place in [*successors(), *merged_away()]:
        own = rows[rows["province_id"] == place]
        labels = {
            territory_label(place, s, e)
            for s, e in zip(own["period_start"], own["period_end"], strict=False)
        } - {None}
        if len(labels) == 1:
            notes.append(
                t(
                    "boundaries.territory.covers",
                    place=place_names.get(place, place),
                    territory=labels.pop(),
                )
            )
    return notes


def additive(family: str, unit: str) -> bool:
    return family not in NOT_ADDITIVE_FAMILIES and unit not in NOT_ADDITIVE_UNITS


def _qualifier(qualifiers: list[str]) -> str:
    found = set(qualifiers) - {"exact"}
    if not found:
        return "exact"
    return (
        found.pop()
        if len(found) == 1 and found <= {"more_than", "at_least", "less_than"}
        else "approx"
    )


def _sum_row(parts: pd.DataFrame, merger: Merger, place_names: Mapping[str, str]) -> dict:
    first = parts.iloc[0]
    total = float(parts["value"].sum())
    qualifier = _qualifier(list(parts["qualifier"]))
    names = [place_names.get(p.province_id, p.province_id) for p in parts.itertuples()]
    terms = " + ".join(
        f"{name} {formatting.value_text(p.value, p.unit, p.qualifier)}"
        for name, p in zip(names, parts.itertuples(), strict=True)
    )
    formula = f"{terms} = {formatting.value_text(total, first['unit'], qualifier)}"
    ids = list(parts["fact_id"])
    row = first.to_dict()
    row.update(
        {
            "fact_id": "sum2025:" + "+".join(ids),
            "province_id": merger.successor,
            "value": total,
            "qualifier": qualifier,
            "uncertain": bool(parts["uncertain"].fillna(False).astype(bool).any()),
            "uncertain_reason": "; ".join(r for r in parts["uncertain_reason"].dropna() if r)
            or None,
            "derived_from": " + ".join(ids),
            "derived_from_places": " + ".join(names),  # what the ui's links to the inputs say
            "formula": formula,
            "computed": True,
            "status": COMPUTED,  # charts mark a non-reported point in its label and draw it hollow
            "source_id": "+".join(dict.fromkeys(parts["source_id"])),
            "publisher": "; ".join(dict.fromkeys(parts["publisher"])),
            "quote": t("boundaries.sum.quote", formula=formula, source=merger.source),
        }
    )
    if "published_date" in parts:
        row["published_date"] = parts["published_date"].max()
    return row


@remembered
def apply(
    rows: pd.DataFrame,
    mode: str,
    parts_rows: pd.DataFrame | None = None,
    family: str = "",
    place_names: Mapping[str, str] | None = None,
) -> BoundaryView:
    """The figures to show in `mode`.

    `rows` and `parts_rows` have the columns of queries/measures_series.sql (one indicator);
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
    every = pd.concat(
        [rows, parts_rows[~parts_rows["fact_id"].isin(rows["fact_id"])]], ignore_index=True
    )
    every = every.assign(breakdown_key=every["breakdown"].fillna(""))
    keep, made, notices = [], [], []
    for merger in mergers():
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
                notices.append(
                    t(
                        "boundaries.not_summed",
                        place=names.get(merger.successor, merger.successor),
                        period=period,
                        reason=why,
                    )
                )
                continue
            ordered = group.set_index("province_id").loc[list(merger.parts)].reset_index()
            made.append(_sum_row(ordered, merger, names))
    untouched = rows[~rows["province_id"].isin([p for m in mergers() for p in m.parts])]
    out = pd.concat([untouched, *keep, pd.DataFrame(made)], ignore_index=True)
    out = out.drop(columns=["breakdown_key"], errors="ignore")
    if "computed" in out:
        out["computed"] = out["computed"].fillna(False).astype(bool)
    return BoundaryView(
        out.sort_values(["province_id", "period_end"], kind="stable", ignore_index=True),
        list(dict.fromkeys(notices)),
    )
