"""How exact a figure is, in words rather than marks: "about 20", "over 40", "target: 35",
"projected", "not certain" with its reason. Used where leaders read figures (Overview);
charts and tables keep their compact marks (≈, >) with the legend beside them."""

from __future__ import annotations

from dataclasses import dataclass

from foreign_ties import formatting
from foreign_ties.i18n import current_language, t

QUALIFIER_WORDS = ("approx", "more_than", "at_least", "less_than")


def value_words(value: float, unit: str, qualifier: str = "exact", lang: str | None = None) -> str:
    """'about US$186.6 million', 'over 40', 'khoảng 20': the qualifier as the source said it."""
    lang = lang or current_language()
    body = formatting.value_text(value, unit, "exact", lang)
    if qualifier in QUALIFIER_WORDS:
        return t(f"words.{qualifier}", lang, value=body)
    return body


@dataclass(frozen=True)
class Certainty:
    """What a reader must know about how final a figure is: a word, and why (or '')."""

    word: str
    reason: str


def certainty(status: str, uncertain: bool, reason: str | None, lang: str | None = None):
    """None for a certain reported result; else the word ('target', 'projected', 'not
    certain') with the reason to show on hover and in a footnote."""
    lang = lang or current_language()
    if status in ("target", "projection"):
        return Certainty(t(f"words.status.{status}", lang), t(f"words.why.{status}", lang))
    if uncertain:
        return Certainty(t("words.uncertain", lang), reason or t("words.why.uncertain", lang))
    return None
