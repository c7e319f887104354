"""A suggested indicator for a figure, from keyword lists kept as data.

data/extraction/indicator_keywords.csv (indicator_id, language, keyword), indicator_pairs.csv
(a count of projects and their capital) and stock_flow.csv (a stock measure and the flow
of the same thing), all checked against data/curated/indicators; unlisted_measures.csv names
measures outside the catalogue ("capital adjustment"), so a figure they name gets none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from foreign_ties import extract_cues as cues
from foreign_ties import paths
from foreign_ties.extract_context import _curated, _letter, _read, nation, same_tones

KEYWORDS_CSV = paths.DATA_DIR / "extraction" / "indicator_keywords.csv"
PAIRS_CSV = paths.DATA_DIR / "extraction" / "indicator_pairs.csv"
STOCK_FLOW_CSV = paths.DATA_DIR / "extraction" / "stock_flow.csv"
SINGLE_PROJECT_CSV = paths.DATA_DIR / "extraction" / "single_project.csv"
UNLISTED_CSV = paths.DATA_DIR / "extraction" / "unlisted_measures.csv"
UNLISTED = ""  # the "indicator" of a measure outside the catalogue: the figure gets none
_FLOW_VERBS = re.compile(
    r"\b(?:thu hút|cấp mới|cấp phép|được cấp|attract(?:ed|s)?|granted|licensed|newly|signed|ký"
    r"|tiếp nhận|received|receiving)\b",
    re.I,
)
_RECEIVED = re.compile(r"\b(?:tiếp nhận|received|receiving)\b", re.I)
UNIT_DIMENSION = {"USD": "money", "VND": "money", "count": "count", "percent": "percent"}

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
def pairs() -> dict[str, str]:
    """count indicator <-> money indicator, both ways ("26 dự án với tổng vốn 8.560 tỷ đồng")."""
    known = indicators()
    out: dict[str, str] = {}
    for row in _read(PAIRS_CSV):
        count, money = row["count_indicator"], row["money_indicator"]
        if count not in known or money not in known:
            raise ValueError(f"{PAIRS_CSV.name}: unknown indicator in {count}, {money}")
        out[count], out[money] = money, count
    return out


def _indicator_map(path: Path, key: str, value: str) -> dict[str, str]:
    """Two columns of indicator ids read as a mapping, every id checked against the catalog."""
    known = indicators()
    out = {r[key]: r[value] for r in _read(path)}
    bad = [i for pair in out.items() for i in pair if i not in known]
    if bad:
        raise ValueError(f"{path.name}: unknown indicators {bad}")
    return out


@lru_cache(maxsize=1)
def stock_flow() -> dict[str, str]:
    return _indicator_map(STOCK_FLOW_CSV, "stock_indicator", "flow_indicator")


def flow_counterpart(
    indicator: str | None, sentence: str, start: int, ranged: bool, end: int | None = None
) -> str | None:
    """A stock measure named with a period and a verb of attraction ("từ đầu năm đến 20/7,
    cả nước đã thu hút được 1.408 dự án") or a count of new ones is the flow of that
    period."""
    new = end is not None and cues.NEW_AFTER.match(sentence[end:])
    if not (ranged and (_FLOW_VERBS.search(sentence[:start]) or new)):
        return indicator
    if indicator in stock_flow():
        return stock_flow()[indicator]
    known = indicators()
    if indicator in known and known[indicator].kind == "stock" and _RECEIVED.search(sentence):
        return None  # "Trong năm 2016, tỉnh Sơn La tiếp nhận 13 khoản viện trợ": no flow measure
    return indicator


def stock_counterpart(indicator: str | None) -> str | None:
    """A flow measure read with "to date", "so far", "hiện nay" (since ever) is the
    cumulative stock of the same thing ("So far, the province has granted investment
    licences to 180 projects")."""
    stocks = {flow: stock for stock, flow in stock_flow().items()}
    return stocks.get(indicator, indicator)


@lru_cache(maxsize=1)
def single_project() -> dict[str, str]:
    return _indicator_map(SINGLE_PROJECT_CSV, "projects_indicator", "one_project_indicator")


# "nhà đầu tư dự án", "the project", "investment project": one project; "các dự án",
# "26 dự án", "projects": many
_ONE_PROJECT = re.compile(r"(?<!các )(?<!những )(?<!\d )(?<!số )\bdự án\b|\bproject\b", re.I)
_MANY_PROJECTS = re.compile(r"(?:các|những|\d[\d.,]*)\s+dự án|\bprojects\b", re.I)


def one_project_counterpart(indicator: str | None, sentence: str) -> str | None:
    """The total investment of a sentence about one project is that project's capital."""
    if indicator in single_project() and _ONE_PROJECT.search(sentence):
        if not _MANY_PROJECTS.search(sentence):
            return single_project()[indicator]
    return indicator


@lru_cache(maxsize=1)
def keywords() -> tuple[tuple[str, str, str], ...]:
    """(indicator_id, language, keyword); an unknown indicator is an error."""
    known = indicators()
    rows = _read(KEYWORDS_CSV)
    bad = [r["indicator_id"] for r in rows if r["indicator_id"] not in known]
    if bad:
        raise ValueError(f"{KEYWORDS_CSV.name}: unknown indicators {sorted(set(bad))}")
    unlisted = [(UNLISTED, r["language"], r["keyword"]) for r in _read(UNLISTED_CSV)]
    return tuple((r["indicator_id"], r["language"], r["keyword"]) for r in rows) + tuple(unlisted)


@lru_cache(maxsize=1)
def keyword_patterns() -> tuple[tuple[str, int, re.Pattern[str]], ...]:
    """(indicator_id, keyword length, pattern): a keyword is found in a text written with or
    without diacritics, with either tone placement, a hyphen or a space between its words
    ("non-governmental", "non governmental"), an abbreviation in brackets between them
    ("foreign direct investment (FDI) projects"), and an English noun in the plural."""
    out = []
    for indicator_id, language, keyword in keywords():
        words = re.split(r"[\s-]+", same_tones(keyword.lower()))
        parts = ["".join(_letter(c) for c in word) for word in words]
        body = r"(?:\s*\([^()]{1,12}\)\s*|[\s-]*)".join(parts)
        plural = "s?" if language == "en" and keyword[-1].isalpha() else ""
        pattern = re.compile(rf"(?<!\w){body}{plural}(?!\w)")
        out.append((indicator_id, len(keyword), pattern))
    return tuple(out)


def _fits(indicator: Indicator | None, unit: str) -> bool:
    if indicator is None:
        return True  # a measure outside the catalogue, whatever its unit
    if indicator.dimension == "people":
        return unit in ("people", "count")
    return indicator.dimension == UNIT_DIMENSION.get(unit, unit)


def suggest_indicator(
    sentence: str,
    start: int,
    end: int,
    unit: str,
    place: str | None,
    previous_end: int = 0,
    earlier_ends: tuple[int, ...] = (),
) -> str | None:
    """The indicator whose keywords best match the sentence, nearest the figure counting
    most; for a percent of growth, the `_yoy` indicator of the measure it qualifies."""
    known = indicators()
    if unit == "percent" and _growth(sentence, start, end, previous_end):
        # "the number of customs declarations ... rocketed 91%": the change of a count
        counted = _NUMBER_OF.search(sentence[previous_end:start])
        base = (None if counted else suggest_indicator(sentence, start, end, "USD", place)) or (
            suggest_indicator(sentence, start, end, "count", place)
        )
        return f"{base}_yoy" if base and f"{base}_yoy" in known else None
    lowered = same_tones(sentence.lower())
    matches: list[tuple[int, int, str, float]] = []
    for indicator_id, length, pattern in keyword_patterns():
        if not _fits(known.get(indicator_id), unit):
            continue
        for m in pattern.finditer(lowered):
            if m.end() <= start and any(
                e <= m.start() and _words_to_noun(lowered[e : m.start()]) == 0 for e in earlier_ends
            ):
                continue  # "800,000 population, including 6 districts": an earlier one's noun
            distance = start - m.end()
            weight = 1.0 + 2.0 * max(0.0, 1.0 - distance / 100) if distance >= 0 else 1.0
            if 0 <= distance and ";" in lowered[m.end() : start]:
                if unit == "count":
                    continue  # a count's noun is in its own clause
                weight = 0.25  # another clause
            if m.start() >= end and ";" in lowered[end : m.start()]:
                continue  # a later clause names the next figure's measure
            if m.start() >= end:
                # the counted noun follows a count, maybe after a word or two ("34 dự án",
                # "38 new NGO programs") or the whole ("nine out of 18 Lao provinces"); the
                # first noun counts most ("six seminars and meetings")
                words = _words_to_noun(lowered[end : m.start()])
                gap = lowered[end : m.start()]
                if words is None and unit == "count" and re.search(r"\b(?:of|by|của)\b", gap):
                    continue  # "2,800 GVMCP transactions of foreign investors": not its noun
                near = 8.0 - 2 * words if words is not None else 0.3
                weight = (near if unit == "count" else 1.0) if words is not None else 0.3
            matches.append((m.start(), m.end(), indicator_id, weight * length))
    scores: dict[str, float] = {}
    for a, b, indicator_id, score in matches:
        # a keyword inside a longer one of another indicator does not count ("dự án FDI"
        # inside "dự án FDI mới")
        if any(x <= a and b <= y and (y - x) > (b - a) for x, y, _, _ in matches):
            continue
        # after a count, of two overlapping nouns the first is counted ("18 Lao provinces
        # and cities": Lao provinces, not "provinces and cities")
        if a >= end and any(end <= x < a < y for x, y, _, _ in matches):
            continue
        scores[indicator_id] = scores.get(indicator_id, 0) + score
    if not scores:
        return None
    if unit == "count":
        # the noun right after a count names what it counts ("chín ngành", "17 sectors"),
        # whatever the sentence said before it ("nhà đầu tư nước ngoài đã đầu tư vào")
        # (when only one measure has that noun: "đoàn" may be sent or received)
        own = [(a, b, i) for a, b, i, _ in matches if a >= end and i in scores]
        own = [(a, b, i) for a, b, i in own if _words_to_noun(lowered[end:a]) == 0]
        if own:
            a, b, i = max(own, key=lambda m: m[1] - m[0])
            if all(j == i for x, y, j in own if (x, y) == (a, b)):
                return i or None
        if unit == "count" and _PLACES_AFTER.match(lowered[end:]):
            return None  # "Đoàn công tác Cơ quan Ngoại vụ 09 tỉnh nước CHDCND Lào": places
    if place is not None:
        national = place == nation()
        for indicator_id in scores:
            if indicator_id in known and known[indicator_id].national == national:
                scores[indicator_id] *= 1.5
    return max(scores, key=lambda i: (scores[i], i)) or None


# "09 tỉnh", "nine provinces": a count of places is read by its own noun ("tỉnh của Lào",
# "provinces and cities") or not at all (not by "đoàn", "delegation" before it)
_PLACES_AFTER = re.compile(r"\s*(?:tỉnh|provinces?|localities|địa phương)\b")
_NUMBER_OF = re.compile(r"\b(?:the number of|number of|số lượng)\b", re.I)
_OUT_OF = re.compile(r"\s*(?:out of|of|trong (?:tổng )?số|trên tổng số|trên|/)\s*[\d.,]+", re.I)


def _words_to_noun(gap: str) -> int | None:
    """How many words stand between a count and its noun (None: not its noun)."""
    gap = re.sub(r"^\(\d{1,2}\)", "", gap)  # a footnote mark: "110.764(1) doanh nghiệp"
    gap = _OUT_OF.sub("", gap, count=1) if _OUT_OF.match(gap) else gap
    m = re.fullmatch(r"\s*((?:[\w-]+\s+){0,2})", gap)
    return len(m.group(1).split()) if m else None


_GROWTH = re.compile(
    r"(?:\b(?:up|down|increase[ds]?|increasing|rose|rise|rising|risen|grew|grow(?:s|ing)?|growth"
    r"|fell|fall(?:s|ing)?|decrease[ds]?|decreasing|declin(?:e[ds]?|ing)|dropp(?:ed|ing)"
    r"|plummet(?:ed|ing)?|surg(?:e[ds]?|ing)|jump(?:ed|ing)?|soar(?:ed|ing)?|rocketed"
    r"|year-on-year|on-year|higher|lower)\b|tăng|giảm|so với|cùng kỳ)",
    re.I,
)


def _growth(sentence: str, start: int, end: int, previous_end: int) -> bool:
    before = re.split(r"[,;:(]", sentence[max(previous_end, start - 40) : start])[-1]
    after = sentence[end : end + 30]
    return bool(
        _GROWTH.search(before)
        # "marking a 1.6 per cent decrease over the same period"
        or re.match(
            r"\s*(?:so với|year|increase|decrease|decline|drop|fall|rise|growth|higher|up|more"
            r"|less)",
            after,
            re.I,
        )
    )
