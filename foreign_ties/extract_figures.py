"""Sentences and the figures written in them (English and Vietnamese).

`sentences(text)` splits a text into (start, sentence) pairs; `figures(sentence, language)`
finds every figure with its unit and scale ("US$1.2 billion", "51.990,563 triệu USD",
"34 dự án", "nine", "bốn đoàn") and leaves out what is not a figure: years, dates, times,
document numbers ("202/2025/QH15"), ordinals ("13th", "lần thứ 21"), list numbering,
durations ("10 tháng", "three years"), multipliers ("2.8 times") and quantities in units
the facts contract cannot hold (tonnes, hectares). Turning a figure as written into a value
is `numbers.parse_figure`'s job.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from foreign_ties.numbers import FigureParseError, parse_figure

VI_LETTERS = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"


# Vietnamese words as typed without diacritics, rare in English: "cua", "duoc", "trieu"...
VI_PLAIN_WORDS = frozenset(
    "cua va cac nhung duoc trong voi tinh dat tren cho khong nguoi nay theo tai ty trieu "
    "nghin thang nam so dong kim ngach xuat khau nhap dau tu".split()
)


def detect_language(text: str) -> str:
    """'vi' when Vietnamese letters are frequent, or, in a text typed without diacritics,
    when Vietnamese words are; else 'en'."""
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return "en"
    share = sum(c in VI_LETTERS for c in letters) / len(letters)
    words = re.findall(r"[a-z]+", text.lower())
    plain = sum(w in VI_PLAIN_WORDS for w in words) / len(words) if words else 0
    return "vi" if share > 0.04 or (plain > 0.12 and len(words) >= 8) else "en"


# --- sentences ---------------------------------------------------------------------------

_ABBREVIATIONS = ("U.S", "No", "Mr", "Mrs", "Ms", "Dr", "St", "TP", "Co", "Ltd", "Inc", "vs", "e.g")
# "Border Gate No. 2": the full stop of an abbreviation ends no sentence
_ABBREVIATION_END = re.compile(rf"\b(?:{'|'.join(map(re.escape, _ABBREVIATIONS))})\.$")
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9Đ])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) for every sentence; paragraphs (line breaks) always split."""
    out: list[tuple[int, str]] = []
    for para in re.finditer(r"[^\n]+", text):
        chunk, base, start = para.group(0), para.start(), 0
        for m in _BOUNDARY.finditer(chunk):
            head = chunk[start : m.start()].rstrip()
            if _ABBREVIATION_END.search(head) or re.search(r"\b[A-Z]\.$", head):
                continue
            _add(out, base + start, chunk[start : m.start()])
            start = m.end()
        _add(out, base + start, chunk[start:])
    return out


def _add(out: list[tuple[int, str]], offset: int, piece: str) -> None:
    stripped = piece.strip()
    if stripped:
        out.append((offset + piece.index(stripped[0]), stripped))


# --- figures -----------------------------------------------------------------------------

NUMBER = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "vi": r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
}
_SCALE = (
    r"thousand|million|billion|trillion|mln|bln|bn|tn|nghìn|ngàn|triệu|tỷ|tỉ"
    r"|nghin|ngan|trieu|ty|ti"  # without diacritics
)
_PREFIX = r"US\s?\$|U\.S\.\s?\$|USD\s?|VN[DĐ]\s?|\$"
_SUFFIX = (
    r"\s?%|\s(?:per\s?cent|percent|pct\b|phần trăm)"
    r"|\s?(?:km2|km²|sq\.?\s?km|square kilomet(?:re|er)s)"
    r"|\s?(?:km|kilomet(?:re|er)s)(?![\w²])|\s(?:U\.\s?S\.\s*dollars?|US dollars?|dollars?"
    r"|đô(?: la)?(?: Mỹ)?(?!\w| thị)|USD|VN[DĐ]|đồng|dong|people|persons|người)"
)
_EN_WORDS = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozens"
)
VI_WORDS = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
# Nouns a Vietnamese number word must be followed by to be a count ("bốn đoàn", not "năm 2023").
VI_COUNT_NOUNS = (
    r"dự án|đoàn|tỉnh|nước|quốc gia|thỏa thuận|thoả thuận|doanh nghiệp|cửa khẩu|tổ chức|đối tác"
    r"|cuộc|hội nghị|chương trình|sản phẩm|huyện|xã|khu công nghiệp|nhà đầu tư|hiệp định"
    r"|biên bản|địa phương|thành phố|cơ quan|lối mở|văn bản|công ty|ngành|lĩnh vực"
)
# Units outside the facts contract: a figure in them cannot be stored, so it is not a candidate.
_OTHER_UNITS = re.compile(
    r"\s?(?:tấn|tonnes?|tons?|ha|hectares?|héc-ta|m2|m3|m²|m³|kg|MW|kWh|MWh|lít|litres?|liters?"
    r"|cm|mm|m)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"\s(?:năm|tháng|ngày|quý|tuần|giờ|phút|thế kỷ|years?|months?|days?|weeks?|hours?|minutes?"
    r"|decades?|quarters?)\b(?!\s+(?:qua|gần đây|liền|trước)\b)?",
    re.IGNORECASE,
)
_BEFORE_NOT_FIGURE = re.compile(
    r"(?:\b(?:năm|tháng|ngày|quý|lần thứ|thứ|khóa|khoá|nhiệm kỳ|Decree|Resolution|Directive"
    r"|Decision|Circular|No\.?|Nghị quyết|Nghị định|Quyết định|Chỉ thị|Thông tư|Km|Covid|COVID"
    r"|phase|Article|Điều|Khoản|page|trang|top|Top|Quốc lộ|National Road|Highway|route"
    r"|January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s?"
    r"|[-–/:#№])$"
    r"|\b(?:lượt xem|lượt đọc|lượt truy cập|views?)\s*:\s*$",  # a page's view counter
    re.IGNORECASE,
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|[-–/:.]\d|[-–/][^\W_]|[A-Za-zÀ-ỹ]")
_MONTH_AFTER = re.compile(
    r"\s(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b"
)
# "up 42.6% in number and 2.8 times in value", "tăng gấp 3 lần": multipliers have no unit
_MULTIPLIER_AFTER = re.compile(r"\s*(?:times\b|-fold\b|lần\s+so với)", re.IGNORECASE)
_MULTIPLIER_BEFORE = re.compile(
    r"\bgấp\s*(?:(?:hơn|gần|khoảng|trên|xấp xỉ)\s*)?$", re.IGNORECASE
)  # "gấp hơn 12 lần cùng kỳ"
# "2 dự án", "34 projects": counts; a bare number is a count too unless it is a year.
_YEAR = re.compile(r"(?:19|20)\d\d")


class Figure(NamedTuple):
    start: int
    end: int
    written: str
    value: float
    unit: str


def _number_pattern(language: str) -> re.Pattern[str]:
    number = NUMBER["vi" if language == "vi" else "en"]
    return re.compile(
        rf"(?<![\w.,/\-–:])(?:{_PREFIX})?(?:{number})(?:\s?(?:{_SCALE})\b)*(?:{_SUFFIX})?"
        rf"|(?<![\w-])(?:{_EN_WORDS})(?![\w-])",
        re.IGNORECASE,
    )


_PATTERNS = {lang: _number_pattern(lang) for lang in ("en", "vi")}
_VI_WORD_PATTERN = re.compile(
    rf"(?<!\w)(?:mười (?:một|hai|ba|bốn|lăm|sáu|bảy|tám|chín)|{'|'.join(VI_WORDS)})"
    rf"(?= (?:{VI_COUNT_NOUNS})\b)",
    re.IGNORECASE,
)
_VI_TEEN = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "lăm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}


def figures(sentence: str, language: str) -> list[Figure]:
    """Every figure in the sentence, in order."""
    language = "vi" if language == "vi" else "en"
    found: list[Figure] = []
    urls = [(u.start(), u.end()) for u in re.finditer(r"(?:https?://|www\.)\S+", sentence)]
    for m in _PATTERNS[language].finditer(sentence):
        if any(a <= m.start() < b for a, b in urls):
            continue
        figure = _figure(sentence, m, language)
        if figure:
            found.append(figure)
    if language == "vi":
        for m in _VI_WORD_PATTERN.finditer(sentence):
            word = m.group(0).lower()
            value = 10 + _VI_TEEN[word.split()[1]] if " " in word else VI_WORDS[word]
            found.append(Figure(m.start(), m.end(), m.group(0), float(value), "count"))
    return sorted(found)


def _figure(sentence: str, m: re.Match[str], language: str) -> Figure | None:
    written = m.group(0).rstrip()
    before, after = sentence[: m.start()], sentence[m.start() + len(written) :]
    is_word = written[0].isalpha() and not re.match(_PREFIX, written, re.IGNORECASE)
    if is_word:
        return _word_figure(sentence, m.start(), written, after)
    has_unit = bool(re.search(rf"{_PREFIX}|\D$", written, re.IGNORECASE))
    if re.match(r"[.,]\d", after) or _ORDINAL_AFTER.match(after):
        return None  # part of a longer token: 4.0, 202/2025/QH15, 13th, 10:06, G20
    if not has_unit and re.search(r"[\w)]\($", before) and after.startswith(")"):
        return None  # a footnote mark: "110.764(1) doanh nghiệp"
    if not has_unit:
        bare = written
        if _YEAR.fullmatch(bare) or _BEFORE_NOT_FIGURE.search(before):
            return None
        if _DURATION.match(after) or _OTHER_UNITS.match(after) or _MONTH_AFTER.match(after):
            return None
        if _list_number(before, after):
            return None
        if _MULTIPLIER_AFTER.match(after) or _MULTIPLIER_BEFORE.search(before):
            return None  # "2.8 times in value", "gấp 2,8 lần": a ratio, not a count
    elif _OTHER_UNITS.match(after) and not re.search(r"[%$]|USD|VN[DĐ]|đồng|dollar", written):
        return None  # "1,2 triệu tấn"
    try:
        parsed = parse_figure(written, language)
    except FigureParseError:
        return None
    return Figure(m.start(), m.start() + len(written), written, parsed.value, parsed.unit)


def _word_figure(sentence: str, start: int, written: str, after: str) -> Figure | None:
    nxt = re.match(r"\s+([A-Za-z][\w-]*)", after)
    if not nxt or nxt.group(1).lower() in (
        "of",
        "or",
        "and",
        "to",
        "times",
        "percent",
    ):
        return None
    if _DURATION.match(after) or _OTHER_UNITS.match(after):
        return None
    if written.lower() in ("a dozen", "dozens"):
        return None
    try:
        value = parse_figure(written, "en").value
    except FigureParseError:
        return None
    return Figure(start, start + len(written), written, value, "count")


def _list_number(before: str, after: str) -> bool:
    return not before.strip() and bool(re.match(r"[.)]\s", after))
