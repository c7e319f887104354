"""Figures as written -> numbers in base units, and the qualifier a sentence implies.

`parse_figure("US$186.6 million", "en")` is `ParsedFigure(186600000.0, "USD")`; a rank as
written, "29th" or "thứ 49", is its position with unit "rank". The source
language decides the separators: en/ja write 1,234.5; vi/fr/es/pt write 1.234,5 (a space
may also group thousands). Arithmetic is done in Decimal, so 51.990,563 triệu USD is exactly
51990563000. Anything not understood raises FigureParseError: the build never guesses.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

DOT_DECIMAL = frozenset({"en", "ja"})
COMMA_DECIMAL = frozenset({"vi", "fr", "es", "pt"})
LANGUAGES = DOT_DECIMAL | COMMA_DECIMAL

# Qualifier cues, read in the words right before the figure (case-insensitive, whole words).
APPROX_CUES = (
    "nearly",
    "approximately",
    "about",
    "around",
    "almost",
    "some",
    "close to",
    "estimated at",
    "an estimated",  # "goods worth an estimated US$281.5 billion": an estimate, as "estimated at"
    "roughly",
    "gần",
    "khoảng",
    "ước đạt",
    "ước",
    "xấp xỉ",
    "environ",
    "près de",
    "alrededor de",
    "cerca de",
    "約",
    "およそ",
)
MORE_THAN_CUES = (
    "more than",
    "over",
    "above",
    "exceeded",
    "exceeding",
    "exceed",
    "exceeds",
    "surpassed",
    "surpassing",
    "surpass",
    "surpasses",
    "in excess of",
    "hơn",
    "trên",
    "vượt",
    "plus de",
    "a dépassé",  # "la valeur des exportations a dépassé 208 millions": exceeded, as "vượt"
    "dépassé",
    "dépasse",
    "más de",
    "mais de",
    "以上",
)
AT_LEAST_CUES = ("at least", "ít nhất", "tối thiểu")
LESS_THAN_CUES = ("less than", "under", "below", "fewer than", "dưới", "chưa đến")
QUALIFIER_CUES = {
    "approx": APPROX_CUES,
    "more_than": MORE_THAN_CUES,
    "at_least": AT_LEAST_CUES,
    "less_than": LESS_THAN_CUES,
}
# Cues written right AFTER the figure (Japanese: 844億ドル以上 = more than US$84.4 bn).
AFTER_CUES = {
    "以上": "more_than",
    "超": "more_than",
    "余り": "more_than",
    "近く": "approx",
    "未満": "less_than",
}
# Phrases that start with a cue word but are not a qualifier ("trên địa bàn" = "in the area",
# "over the past three years").
FALSE_CUES = (
    "trên địa bàn",
    "trên thế giới",
    "over the",
    "about the",
    "under the",
    "some of",
    "dưới sự",
    "around the",
    "above the",
    "below the",
    # "far exceeding a record of US$732 billion": the record itself is exact
    "exceeding a record",
    "exceeding the record",
    "exceeded a record",
    "exceeded the record",
    "surpassing a record",
    "surpassing the record",
    "surpassed a record",
    "surpassed the record",
)
CUE_WINDOW_WORDS = 4

# Units. Patterns are applied to NFKC-normalised text (km² -> km2, full-width digits -> ASCII).
_NOT_LETTER_BEFORE = r"(?<![^\W\d_])"
_NOT_LETTER_AFTER = r"(?![^\W\d_])"
CURRENCY_PATTERNS = (
    (r"U\.\s?S\.\s*dollars?", "USD"),
    (r"U\.\s?S\.\s?\$", "USD"),
    (r"US\s+dollars?", "USD"),
    (r"US\s?\$", "USD"),
    (r"(?:de\s+)?d[oóô]lares(?:\s+(?:estadounidenses|americanos))?", "USD"),
    (r"(?:de\s+)?dollars?(?:\s+am[ée]ricains)?", "USD"),
    # "20 triệu đô" (congthuong.vn, 2024): Vietnamese news often drops the "la" of "đô la"
    (r"đô(?:\s+la)?(?:\s+Mỹ)?", "USD"),
    (r"USD", "USD"),
    (r"米ドル", "USD"),
    (r"ドル", "USD"),
    (r"\$", "USD"),
    (r"VN[DĐ]", "VND"),
    (r"(?:Việt Nam\s+)?đồng", "VND"),
    (r"(?:Viet Nam\s+)?dong", "VND"),
)
PERCENT_PATTERN = (
    r"%|\s*per\s?cent|\s*percent|\s*pct\b|\s*por\s+ciento|\s*pour\s+cent|\s*phần\s+trăm|パーセント"
)
KM2_PATTERN = r"km2|sq\.?\s?km|square\s+kilomet(?:re|er)s?|ki-lô-mét\s+vuông"
KM_PATTERN = r"km|kilomet(?:re|er)s?|ki-lô-mét"
# A count of people may carry its noun ("1.865.270 người"): unit `people`.
PEOPLE_PATTERN = r"people|persons|người|personas|personnes|pessoas"
# A position in a ranking, as written: "29th" (the suffix must fit the number) or "thứ 49",
# "thứ 41/63" (Vietnamese writes the total after a slash), or "hạng 46" (in "xếp hạng 46",
# ranked 46th). The value is the position.
_RANK_EN = re.compile(r"(\d+)(st|nd|rd|th)", re.IGNORECASE)
_RANK_VI = re.compile(r"(?:thứ|hạng)\s+(\d+)(?:/\d+)?", re.IGNORECASE)

# Scale words, multiplied in order ("nghìn tỷ" = 1e3 x 1e9, "mil millones" = 1e3 x 1e6).
SCALE_WORDS = {
    "thousand": 3,
    "million": 6,
    "millions": 6,
    "mln": 6,
    "billion": 9,
    "billions": 9,
    "bln": 9,
    "bn": 9,
    "trillion": 12,
    "trillions": 12,
    "tn": 12,
    "nghìn": 3,
    "ngàn": 3,
    "triệu": 6,
    "tỷ": 9,
    "tỉ": 9,
    # Vietnamese typed without diacritics
    "nghin": 3,
    "ngan": 3,
    "trieu": 6,
    "ty": 9,
    "ti": 9,
    "mille": 3,
    "milliard": 9,
    "milliards": 9,
    "mil": 3,
    "millón": 6,
    "millones": 6,
    "billón": 12,
    "billones": 12,
    "milhão": 6,
    "milhões": 6,
    "bilhão": 9,
    "bilhões": 9,
    "trilhão": 12,
    "trilhões": 12,
    "千": 3,
    "万": 4,
    "億": 8,
    "兆": 12,
}
# A French "billion" is 10^12; an English one 10^9.
SCALE_OVERRIDES = {"fr": {"billion": 12, "billions": 12}}
JA_SCALES = frozenset({"千", "万", "億", "兆"})

_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
NUMBER_WORDS = frozenset(_UNITS) | frozenset(_TENS) | {"hundred"}

_TOKEN = re.compile(r"[+\-−]?\d+(?:[., ]\d+)*|[^\W\d_]+(?:-[^\W\d_]+)*|\S")


class FigureParseError(ValueError):
    """A figure as written that this module cannot turn into a number."""


class ParsedFigure(NamedTuple):
    value: float
    unit: str


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


@functools.cache
def _compiled(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile, remembered: the build calls these patterns once per figure."""
    return re.compile(pattern, flags)


@functools.cache
def _unit_cuts() -> tuple[tuple[re.Pattern, str], ...]:
    """The unit words parse_figure cuts out, in order (currencies first), compiled once."""
    found = [
        (pattern, currency, not pattern.startswith(("\\$", "米", "ド")))
        for pattern, currency in CURRENCY_PATTERNS
    ]
    found += [
        (PERCENT_PATTERN, "percent", False),
        (KM2_PATTERN, "km2", True),
        (KM_PATTERN, "km", True),
        (PEOPLE_PATTERN, "people", True),
        ("人", "people", False),
    ]
    cuts = []
    for pattern, unit, letters in found:
        if letters:
            pattern = f"{_NOT_LETTER_BEFORE}(?:{pattern}){_NOT_LETTER_AFTER}"
        cuts.append((_compiled(pattern, re.IGNORECASE), unit))
    return tuple(cuts)


def _number(token: str, language: str, original: str) -> Decimal:
    decimal, thousands = (".", ",") if language in DOT_DECIMAL else (",", ".")
    sign = ""
    if token[0] in "+-−":
        sign, token = ("-" if token[0] != "+" else ""), token[1:]
    t, d = re.escape(thousands), re.escape(decimal)
    grouped = _compiled(rf"(\d{{1,3}}(?:(?:{t}\d{{3}})+|(?: \d{{3}})+))(?:{d}(\d+))?").fullmatch(
        token
    )
    plain = _compiled(rf"(\d+)(?:{d}(\d+))?").fullmatch(token)
    match = grouped or plain
    if not match:
        raise FigureParseError(
            f"{original!r}: {token!r} is not a number as written in {language!r} "
            f"(decimal {decimal!r}, thousands {thousands!r})"
        )
    whole = re.sub(r"\D", "", match.group(1))
    return Decimal(sign + whole + ("." + match.group(2) if match.group(2) else ""))


def _words_number(words: list[str], original: str) -> Decimal:
    current = None
    for i, word in enumerate(words):
        if word == "a" and i == 0:
            current = 1
        elif word in _UNITS or word in _TENS:
            value = _UNITS.get(word, _TENS.get(word))
            if (
                current is not None
                and current % 100 != 0
                and not (current % 10 == 0 and word in _UNITS and _UNITS[word] < 10)
            ):
                raise FigureParseError(f"{original!r}: number words out of order at {word!r}")
            current = (current or 0) + value
        elif word == "hundred":
            current = (current or 1) * 100 if current is None or current < 100 else None
            if current is None:
                raise FigureParseError(f"{original!r}: 'hundred' out of order")
        elif word == "and" and current is not None:
            continue
        else:
            raise FigureParseError(f"{original!r}: {word!r} is not a number word")
    if current is None:
        raise FigureParseError(f"{original!r}: no number found")
    return Decimal(current)


def _scale(word: str, language: str) -> int | None:
    word = word.lower()
    return SCALE_OVERRIDES.get(language, {}).get(word, SCALE_WORDS.get(word))


def _value(core: str, language: str, original: str) -> Decimal:
    """Number (digits or English words) then scale words; Japanese may chain 84億4000万."""
    tokens = _TOKEN.findall(core)
    if not tokens:
        raise FigureParseError(f"{original!r}: no number found")
    groups: list[tuple[Decimal, int]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if re.match(r"[+\-−]?\d", token):
            number, i = _number(token, language, original), i + 1
        else:
            words = []
            while i < len(tokens) and _scale(tokens[i], language) is None:
                words.extend(tokens[i].lower().split("-"))
                i += 1
            if language != "en" and words:
                raise FigureParseError(
                    f"{original!r}: cannot read {' '.join(words)!r} as a number in {language!r}"
                )
            if not words:
                raise FigureParseError(f"{original!r}: no number before {tokens[i]!r}")
            number = _words_number(words, original)
        exponent = 0
        while i < len(tokens) and (e := _scale(tokens[i], language)) is not None:
            exponent, i = exponent + e, i + 1
            if language == "ja" and tokens[i - 1] in JA_SCALES:
                break  # 84億4000万: each 億/万 closes a group
        if groups and (language != "ja" or not exponent or exponent >= groups[-1][1]):
            raise FigureParseError(f"{original!r}: unexpected {token!r} after the number")
        groups.append((number, exponent))
    return sum((n * Decimal(10) ** e for n, e in groups), Decimal(0))


def parse_figure(text: str, language: str) -> ParsedFigure:
    """A figure as written (no qualifier words) -> value in base units and its unit."""
    if language not in LANGUAGES:
        raise FigureParseError(f"{text!r}: unknown language {language!r}")
    if not isinstance(text, str) or not text.strip():
        raise FigureParseError("empty figure")
    s = normalise(text)
    rank = _rank(s, language, text)
    if rank is not None:
        return ParsedFigure(float(rank), "rank")
    units: set[str] = set()
    for cut, unit in _unit_cuts():
        s, n = cut.subn(" ", s)
        if n:
            units.add(unit)
    if len(units) > 1:
        raise FigureParseError(f"{text!r}: more than one unit ({', '.join(sorted(units))})")
    try:
        value = _value(s.strip(), language, text)
    except InvalidOperation as exc:  # pragma: no cover - regexes only let digits through
        raise FigureParseError(f"{text!r}: {exc}") from exc
    return ParsedFigure(float(value), units.pop() if units else "count")


def ordinal_suffix(n: int) -> str:
    """The English ordinal suffix of n: st (1, 21), nd, rd, th (11, 12, 13, 29)."""
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _rank(s: str, language: str, original: str) -> int | None:
    """The position of a rank as written ("29th", "thứ 49"), None when it is not a rank."""
    english = _RANK_EN.fullmatch(s)
    if english:
        n = int(english.group(1))
        if english.group(2).lower() != ordinal_suffix(n):
            raise FigureParseError(f"{original!r}: {n} is written {n}{ordinal_suffix(n)}")
        return n
    vietnamese = _RANK_VI.fullmatch(s) if language == "vi" else None
    return int(vietnamese.group(1)) if vietnamese else None


# --- qualifiers -------------------------------------------------------------------------


def find_figure(quote: str, value_as_written: str, start: int = 0) -> int:
    """Index of the first occurrence (from `start`) of the figure that is not part of a
    longer number or word (the '10' of '2010' or the 'nine' of 'ninety' do not count);
    -1 if none."""
    if not value_as_written:
        return -1
    while (i := quote.find(value_as_written, start)) >= 0:
        j = i + len(value_as_written)
        if _edge_ok(quote, i - 1, value_as_written[0], before=True) and _edge_ok(
            quote, j, value_as_written[-1], before=False
        ):
            return i
        start = i + 1
    return -1


def _edge_ok(text: str, k: int, edge: str, before: bool) -> bool:
    if k < 0 or k >= len(text):
        return True
    neighbour = text[k]
    if edge.isdigit():
        if neighbour.isdigit():
            return False
        far = k - 1 if before else k + 1
        beyond = text[far] if 0 <= far < len(text) else ""
        return not (neighbour in ".,:/" and beyond.isdigit())
    if edge.isalpha() and ord(edge) < 0x2000:
        return not (neighbour.isalnum() and ord(neighbour) < 0x2000)
    return True


_CJK = re.compile(r"[\u3040-\u9fff]")
_CLAUSE_BREAK = re.compile(r"[;:!?()\[\]\"“”]|[,.](?=\s|$)|[、。,]")


def _has_cue(window: str, cue: str) -> int:
    """End position of the last whole-word occurrence of cue in window, or -1."""
    if cue not in window:
        return -1  # the whole-word search below needs the cue itself (a cheap first test)
    if _CJK.search(cue):
        return window.rfind(cue) + len(cue)
    best = -1
    for m in _compiled(rf"(?<!\w){re.escape(cue)}(?!\w)").finditer(window):
        rest = window[m.start() :]
        if any(rest.startswith(false) for false in FALSE_CUES):
            continue
        best = m.end()
    return best


@functools.cache
def _lowered_cues() -> tuple[tuple[str, str, int], ...]:
    """(qualifier, cue in lower case, length of the cue as listed) of every cue, in order."""
    return tuple(
        (qualifier, cue.lower(), len(cue))
        for qualifier, cues in QUALIFIER_CUES.items()
        for cue in cues
    )


@functools.cache
def _any_of(kind: str) -> re.Pattern:
    """Finds any qualifier cue (lower case) or any decrease cue, as text: one search that
    spares the whole-word tests of every cue when none occurs."""
    if kind == "qualifier":
        cues = [cue for _, cue, _ in _lowered_cues()]
    else:
        cues = list(DECREASE_BEFORE)
    return re.compile("|".join(re.escape(cue) for cue in cues))


def qualifier_cue(quote: str, value_as_written: str, language: str) -> str:
    """The qualifier implied by the words right before the first occurrence of the figure
    (up to CUE_WINDOW_WORDS words, within the same clause and with no other figure in
    between), or right after it in Japanese (844億ドル以上)."""
    i = find_figure(quote, value_as_written)
    if i < 0:
        raise ValueError(f"{value_as_written!r} does not occur in the quote")
    before = quote[:i]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    before = re.split(r"\d", before)[-1]  # a cue before another figure is that figure's
    if language == "ja":
        window = before[-8:]
    else:
        window = " ".join(before.split()[-CUE_WINDOW_WORDS:])
    window = window.lower()
    found: list[tuple[int, int, str]] = []
    if window and _any_of("qualifier").search(window):
        for qualifier, cue, size in _lowered_cues():
            if cue in window:  # (_has_cue tests it too: saves a call for the cues absent)
                end = _has_cue(window, cue)
                if end >= 0:
                    found.append((end, size, qualifier))
    after = quote[i + len(value_as_written) :].lstrip()
    for cue, qualifier in AFTER_CUES.items():
        if after.startswith(cue):
            return qualifier
    if not found:
        return "exact"
    return max(found)[2]  # the cue closest to the figure (longest if tied: "ước đạt")


# A fall is stored as a negative change when the sentence says so ("down 4.6%", "giảm",
# "en baisse de 4,6%", "a slight 3% year-on-year decrease"); value_as_written stays as written.
DECREASE_BEFORE = (
    "down",
    "decrease of",
    "decreased by",
    "declined",
    "declined by",
    "fell",
    "fell by",
    "dropped",
    "dropped by",
    "dip",
    "dips",
    "dipped",
    "plummeted",
    "plunged",
    "slumped",
    "tumbled",
    "shrank",
    "giảm",
    "en baisse de",
    "baisse de",
    "caída de",
    "disminución de",
    "descenso de",
)
DECREASE_AFTER = ("decrease", "decline", "drop", "fall", "減")
DIRECTION_AFTER_WORDS = 3


def direction_cue(quote: str, value_as_written: str, language: str) -> int:
    """-1 when the words around the figure say it is a decrease, else +1."""
    i = find_figure(quote, value_as_written)
    if i < 0:
        raise ValueError(f"{value_as_written!r} does not occur in the quote")
    before = quote[:i]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    before = re.split(r"\d", before)[-1]
    window = " ".join(before.split()[-CUE_WINDOW_WORDS:]).lower()
    if (
        window
        and _any_of("decrease").search(window)
        and any(_has_cue(window, cue) >= 0 for cue in DECREASE_BEFORE)
    ):
        return -1
    after = _CLAUSE_BREAK.split(quote[i + len(value_as_written) :], maxsplit=1)[0].lower()
    if language == "ja":
        return -1 if any(cue in after[:6] for cue in DECREASE_AFTER) else 1
    words = [w.strip(".,;") for w in after.split()[:DIRECTION_AFTER_WORDS]]
    return -1 if any(w in DECREASE_AFTER for w in words) else 1
