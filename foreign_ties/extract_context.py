"""What surrounds a figure: its place and its status; shared readers of the data.

Places come from data/curated/provinces (names in both languages, with or without
diacritics). Indicators: extract_indicators.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from foreign_ties import paths

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
    "setting its sights on",
    "sets its sights on",
    "set its sights on",
    "aims for",
    "aim for",
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
NOT_TARGET_BEFORE = re.compile(r"(?:%|vượt|đạt|so với|hoàn thành|các|những|theo|Bộ|Sở)\s*$", re.I)


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
def nation() -> str:
    """The national place: the provinces row whose level is national (as catalog.nation)."""
    (national,) = [r["province_id"] for r in _curated("provinces") if r["level"] == "national"]
    return national


@lru_cache(maxsize=1)
def place_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, province_id) for every place name, accents optional."""
    names: dict[str, str] = {}
    for row in _curated("provinces"):
        if "(" in row["name_en"] or "(" in row["name_vi"]:
            continue  # "Tuyen Quang (until 30 June 2025)": its figures are Tuyen Quang's
        for name in (row["name_en"], row["name_vi"]):
            names[name] = row["province_id"]
    by_level = {row["level"]: row["province_id"] for row in _curated("provinces")}
    for row in _read(paths.DATA_DIR / "extraction" / "place_aliases.csv"):
        names[row["alias"]] = by_level[row["level"]]  # "Vietnam", "cả nước" -> the nation
    out = []
    for name, place in names.items():
        words = ["".join(_letter(c) for c in w) for w in name.split()]
        joined = r"[\s-]?".join(words)
        out.append((re.compile(rf"(?<!\w){joined}(?!\w)", re.I), place))
    return tuple(out)


def _letter(c: str) -> str:
    """A letter as written or without its accent ("Sơn" or "Son"), never with another accent
    ("Lạng Sơn là ..." does not name Son La)."""
    base = strip_accents(c)
    return f"[{re.escape(c)}{re.escape(base)}]" if base != c else re.escape(c)


def place_mentions(sentence: str) -> list[tuple[int, str]]:
    found = {
        (m.start(), place)
        for pattern, place in place_patterns()
        for m in pattern.finditer(sentence)
    }
    return sorted(found)


def place_for(
    mentions: list[tuple[int, str]], position: int, default: str | None = None
) -> str | None:
    """The place named nearest before the figure, else the document's place (the editor's
    --place), else one named after it. Viet Nam named in a province's report ("offices in
    Vietnam") does not take the figure away from the province."""
    if default and default != nation():
        mentions = [(start, place) for start, place in mentions if place != nation()]
    before = [place for start, place in mentions if start < position]
    if before:
        return before[-1]
    if default:
        return default
    return mentions[0][1] if mentions else None


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
