"""What surrounds a figure: its place, a suggested indicator and its status.

Places come from data/curated/provinces (names in both languages, with or without
diacritics); indicator keywords are data, in data/extraction/indicator_keywords.csv
(indicator_id, language, keyword), checked against data/curated/indicators.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foreign_ties import paths

KEYWORDS_CSV = paths.DATA_DIR / "extraction" / "indicator_keywords.csv"
NATIONAL_ALIASES = ("Vietnam", "Viet Nam", "Việt Nam", "cả nước", "whole country", "nationwide")
UNIT_DIMENSION = {"USD": "money", "VND": "money", "count": "count", "percent": "percent"}

# Status cues, read before the figure in its sentence. A reported result is the default.
TARGET_CUES = (
    "aims to",
    "aim to",
    "aiming to",
    "target",
    "targets",
    "targeted",
    "targeting",
    "goal",
    "strive",
    "strives",
    "striving",
    "plans to",
    "seeks to",
    "phấn đấu",
    "mục tiêu",
    "kế hoạch",
    "chỉ tiêu",
)
PROJECTION_CUES = (
    "will",
    "is expected to",
    "are expected to",
    "expected to",
    "forecast",
    "forecasts",
    "projected",
    "projection",
    "dự kiến",
    "dự báo",
    "sẽ",
)
# "đạt 130,9% kế hoạch", "vượt chỉ tiêu", "các chỉ tiêu": the word names the plan or the
# measure, not a target for the figure that follows.
NOT_TARGET_BEFORE = re.compile(r"(?:%|vượt|đạt|so với|hoàn thành|các|những|theo)\s*$", re.I)


def strip_accents(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=4)
def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _curated(table: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted((paths.CURATED_DIR / table).glob("*.csv")):
        rows.extend(_read(path))
    return rows


# --- places ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def place_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, province_id) for every place name, accents optional."""
    names: dict[str, str] = {}
    for row in _curated("provinces"):
        if "(" in row["name_en"] or "(" in row["name_vi"]:
            continue  # "Tuyen Quang (until 30 June 2025)": its figures are Tuyen Quang's
        for name in (row["name_en"], row["name_vi"]):
            names[name] = row["province_id"]
    for alias in NATIONAL_ALIASES:
        names[alias] = "vietnam"
    out = []
    for name, place in names.items():
        words = [re.escape(strip_accents(w)) for w in name.split()]
        joined = r"[\s-]?".join(words)
        out.append((re.compile(rf"(?<!\w){joined}(?!\w)", re.I), place))
    return tuple(out)


def place_mentions(sentence: str) -> list[tuple[int, str]]:
    plain = strip_accents(sentence)
    found = [
        (m.start(), place) for pattern, place in place_patterns() for m in pattern.finditer(plain)
    ]
    return sorted(found)


def place_for(mentions: list[tuple[int, str]], position: int) -> str | None:
    before = [place for start, place in mentions if start < position]
    if before:
        return before[-1]
    return mentions[0][1] if mentions else None


# --- indicators --------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    dimension: str
    kind: str
    national: bool


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    out = {}
    for row in _curated("indicators"):
        national = "national" in row["indicator_id"] or row["description"].startswith("National")
        out[row["indicator_id"]] = Indicator(
            row["indicator_id"], row["unit"], row["kind"], national
        )
    return out


@lru_cache(maxsize=1)
def keywords() -> tuple[tuple[str, str, str], ...]:
    """(indicator_id, language, keyword); an unknown indicator is an error."""
    known = indicators()
    rows = _read(KEYWORDS_CSV)
    bad = [r["indicator_id"] for r in rows if r["indicator_id"] not in known]
    if bad:
        raise ValueError(f"{KEYWORDS_CSV.name}: unknown indicators {sorted(set(bad))}")
    return tuple((r["indicator_id"], r["language"], r["keyword"]) for r in rows)


def _fits(indicator: Indicator, unit: str) -> bool:
    if indicator.dimension == "people":
        return unit in ("people", "count")
    return indicator.dimension == UNIT_DIMENSION.get(unit, unit)


def suggest_indicator(
    sentence: str, start: int, end: int, unit: str, place: str | None, previous_end: int = 0
) -> str | None:
    """The indicator whose keywords best match the sentence, nearest the figure counting
    most; for a percent of growth, the `_yoy` indicator of the measure it qualifies."""
    known = indicators()
    if unit == "percent" and _growth(sentence, start, end, previous_end):
        base = suggest_indicator(sentence, start, end, "USD", place) or suggest_indicator(
            sentence, start, end, "count", place
        )
        return f"{base}_yoy" if base and f"{base}_yoy" in known else None
    lowered = sentence.lower()
    matches: list[tuple[int, int, str, float]] = []
    for indicator_id, _language, keyword in keywords():
        if not _fits(known[indicator_id], unit):
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(keyword.lower())}(?!\w)", lowered):
            weight = 2.0 if 0 <= start - m.end() <= 120 else 1.0
            if m.start() >= end:
                # the counted noun follows a count: "34 dự án", "17 agricultural products"
                near = m.start() - end <= 4
                weight = (4.0 if unit == "count" else 1.0) if near else 0.3
            matches.append((m.start(), m.end(), indicator_id, weight * len(keyword)))
    scores: dict[str, float] = {}
    for a, b, indicator_id, score in matches:
        # a keyword inside a longer one of another indicator does not count ("dự án FDI"
        # inside "dự án FDI mới")
        if any(x <= a and b <= y and (y - x) > (b - a) for x, y, _, _ in matches):
            continue
        scores[indicator_id] = scores.get(indicator_id, 0) + score
    if not scores:
        return None
    if place is not None:
        national = place == "vietnam"
        for indicator_id in scores:
            if known[indicator_id].national == national:
                scores[indicator_id] *= 1.5
    return max(scores, key=lambda i: (scores[i], i))


_GROWTH = re.compile(
    r"(?:\b(?:up|down|increase[ds]?|increasing|rose|rise|risen|grew|growth|fell|decrease[ds]?"
    r"|declined?|year-on-year|higher|lower)\b|tăng|giảm|so với|cùng kỳ)",
    re.I,
)


def _growth(sentence: str, start: int, end: int, previous_end: int) -> bool:
    before = re.split(r"[,;:(]", sentence[max(previous_end, start - 40) : start])[-1]
    after = sentence[end : end + 30]
    return bool(
        _GROWTH.search(before) or re.match(r"\s*(?:so với|year|increase|higher|up)", after, re.I)
    )


# --- status ------------------------------------------------------------------------------


def status_for(sentence: str, start: int) -> str:
    """target / projection when a cue comes before the figure in its sentence (the nearest
    cue wins), else reported."""
    before = sentence[:start].split(";")[-1].lower()
    best = (-1, "reported")
    for status, cues in (("target", TARGET_CUES), ("projection", PROJECTION_CUES)):
        for cue in cues:
            for m in re.finditer(rf"(?<!\w){re.escape(cue)}(?!\w)", before):
                if status == "target" and NOT_TARGET_BEFORE.search(before[: m.start()]):
                    continue
                best = max(best, (m.start(), status))
    return best[1]
