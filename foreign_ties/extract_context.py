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

OTHER_PLACES_CSV = paths.DATA_DIR / "extraction" / "other_places.csv"

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
    # "Tỉnh miền núi sắp đón dòng vốn đầu tư hơn 40.000 tỷ đồng": about to (not "sắp xếp")
    "sắp đón",
    "sắp được",
    "sắp có",
)
# "đạt 130,9% kế hoạch", "vượt chỉ tiêu", "các chỉ tiêu": the word names the plan or the
# measure, not a target for the figure that follows.
NOT_TARGET_BEFORE = re.compile(
    r"(?:%|vượt|đạt|so với|hoàn thành|các|những|theo|Bộ|Sở"
    r"|(?:%|percent|per cent) of (?:the|its|this year's))\s*$",  # "60.1% of the target"
    re.I,
)


def strip_accents(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


def same_tones(text: str) -> str:
    """One placement of the tone mark in "oa", "oe", "uy" ("hóa"/"hoá", "thủy"/"thuỷ"): both
    are written; the length stays, so positions in the text still hold."""

    def move(m: re.Match[str]) -> str:
        base, *marks = unicodedata.normalize("NFD", m.group(1))
        return base + unicodedata.normalize("NFC", m.group(2) + "".join(marks))

    return re.sub(r"([òóỏõọ](?=[ae])|[ùúủũụ](?=y))(.)", move, text)


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
    return tuple((_name_pattern(name), place) for name, place in names.items())


@lru_cache(maxsize=1)
def other_place_patterns() -> tuple[re.Pattern[str], ...]:
    """Viet Nam's other provinces and cities (data/extraction/other_places.csv)."""
    return tuple(_name_pattern(r["name"]) for r in _read(OTHER_PLACES_CSV))


def other_place_starts(sentence: str) -> list[int]:
    """Where the sentence names a province outside the dashboard ("Tại Hà Tĩnh, ...")."""
    text = same_tones(sentence)
    return sorted(m.start() for p in other_place_patterns() for m in p.finditer(text))


def _name_pattern(name: str) -> re.Pattern[str]:
    words = ["".join(_letter(c) for c in w) for w in same_tones(name).split() if w != "-"]
    joined = r"\s*[\s-]?\s*".join(words)
    return re.compile(rf"(?<!\w){joined}(?!\w)", re.I)


def _letter(c: str) -> str:
    """A letter as written or without its accent ("Sơn" or "Son"), never with another accent
    ("Lạng Sơn là ..." does not name Son La)."""
    base = strip_accents(c)
    return f"[{re.escape(c)}{re.escape(base)}]" if base != c else re.escape(c)


def place_mentions(sentence: str) -> list[tuple[int, str]]:
    sentence = same_tones(sentence)
    found = {
        (m.start(), place)
        for pattern, place in place_patterns()
        for m in pattern.finditer(sentence)
        if not (place == nation() and _names_no_place(sentence, m))
    }
    return sorted(found)


def _names_no_place(sentence: str, m: re.Match[str]) -> bool:
    """ "Lao Cai (Vietnam)": the country in brackets says where the place is; "the Vietnam
    Union of Friendship Organisations", "Viet Nam News": a body's name, not a place."""
    return bool(
        _IN_BRACKETS.fullmatch(_around(sentence, m))
        or re.match(r" (?!Q\d)[A-Z][a-z]", sentence[m.end() :])
    )


_IN_BRACKETS = re.compile(r"\(\s*\|\s*\)")


def _around(sentence: str, m: re.Match[str]) -> str:
    before = re.search(r"\(\s*$", sentence[: m.start()])
    after = re.match(r"\s*\)", sentence[m.end() :])
    return f"{before.group(0) if before else ''}|{after.group(0) if after else ''}"


# "cách thủ đô Hà Nội 154 km", "from Hanoi": a place named as a reference point
_REFERENCE_BEFORE = re.compile(
    r"(?:cách|from|to|với|sang|giáp|tới|đến|of|thủ đô|capital)\s+(?:thủ đô\s+|the capital"
    r"(?: city)?\s+|tỉnh\s+|thành phố\s+|TP\.?\s*)?$",
    re.I,
)
_SUBJECT_START = re.compile(r"(?:(?:tỉnh|thành phố|TP\.?|the province of)\s+)?$", re.I)


def other_place_governs(sentence: str, position: int, places: list[tuple[int, str]]) -> bool:
    """A figure is another province's ("Hải Phòng là địa phương thu hút được nhiều vốn FDI
    nhất ... 1.839 triệu USD", "Lai Chau (US$13 million)") when that province, not one of
    the dashboard's, is named nearest before it and is the sentence's subject (its first
    words, followed by a word, not a dateline's dash) or stands right before the figure."""
    text = same_tones(sentence)
    found = [m for p in other_place_patterns() for m in p.finditer(text[:position])]
    if not found:
        return False
    last = max(found, key=lambda m: m.start())
    # a dashboard province named after it takes the figure; "nhất cả nước" does not
    if any(last.end() <= start < position and p != nation() for start, p in places):
        return False
    if _REFERENCE_BEFORE.search(text[: last.start()]):
        return False
    gap = text[last.end() : position]
    subject = _SUBJECT_START.fullmatch(text[: last.start()]) and re.match(r"\s+\w", gap)
    return bool(subject or re.fullmatch(r"\s*(?:\(|:|đạt|with|reached|at)?\s*\W{0,3}", gap))


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
