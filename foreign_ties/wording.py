"""How final a figure is, in words rather than marks: "target", "projected", "not certain"
with its reason. (The qualifier, "about 20", "over 40", is written by
formatting.value_text.)"""

from __future__ import annotations

from dataclasses import dataclass

from foreign_ties.i18n import current_language, t


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
