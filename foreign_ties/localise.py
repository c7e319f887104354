"""Texts of the data in the reader's language.

The curated data holds, beside an English (or original-language) text, the same text written
in Vietnamese in a `<column>_vi` column (data/README.md). A Vietnamese reader gets that column;
an English reader the original. Quotes are never replaced: under a quote, the gloss in the
reader's language is shown (`gloss_en` for English readers; for Vietnamese readers the
Vietnamese translation `gloss_vi` takes its place, labelled as a translation).
"""

from __future__ import annotations

import pandas as pd

from foreign_ties.i18n import current_language

# Columns a query may return with a `<column>_vi` twin. Reference tables cached for the
# whole process (catalog: places, indicators, rates) keep their own columns apart.
LOCALISED = ("publisher", "title", "uncertain_reason", "relation", "confirmed_note")


def frame(rows: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """`rows` with each localised column in `lang` (the current language by default); the
    `_vi` twins are dropped so no caller shows both."""
    lang = lang or current_language()
    twins = [c for c in LOCALISED if c in rows.columns and f"{c}_vi" in rows.columns]
    if lang == "vi":
        for column in twins:
            rows[column] = rows[f"{column}_vi"].where(rows[f"{column}_vi"].notna(), rows[column])
        if "gloss_vi" in rows.columns:
            rows["gloss_en"] = rows["gloss_vi"]
    return rows.drop(
        columns=[f"{c}_vi" for c in twins] + (["gloss_vi"] if "gloss_vi" in rows else [])
    )
