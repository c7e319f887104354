"""Named partners as the reader reads them: names, types and countries in the reader's
language, and the one table of partnerships every page shows (profiles, Partners)."""

from __future__ import annotations

import pandas as pd

from foreign_ties import catalog, maps
from foreign_ties.i18n import current_language, t
from foreign_ties.memo import remembered


def partner_name(row) -> str:
    vi = getattr(row, "partner_name_vi", None)
    return vi if current_language() == "vi" and isinstance(vi, str) and vi else row.partner_name


def partner_type_text(partner_type: object) -> str:
    """'country', 'foreign locality', … in the reader's language (the data keeps the enum)."""
    value = maps.cell_text(partner_type)
    return t(f"maps.partner_type.{value.lower().replace(' ', '_')}") if value else ""


def country_name(iso3: object) -> str:
    """A partner country's name in the reader's language, from its ISO 3166-1 alpha-3 code."""
    code = maps.cell_text(iso3)
    if not code:
        return ""
    text = t(f"maps.country.{code}")
    return text if text != f"maps.country.{code}" else maps.short_names().get(code, code)


@remembered
def readable_partners(
    partners: pd.DataFrame, place_names: dict[str, str] | None = None
) -> pd.DataFrame:
    """The partnerships for a table: types and countries in the reader's language; the
    relation in the reader's language (localise.py; English as recorded). Place names from the
    catalog unless given."""
    if place_names is None:
        place_names = {p: catalog.place_name(p) for p in catalog.places()}
    return pd.DataFrame(
        {
            t("column.place"): [place_names.get(p, p) for p in partners["province_id"]],
            t("column.partner"): [partner_name(r) for r in partners.itertuples()],
            t("column.partner_type"): [partner_type_text(v) for v in partners["partner_type"]],
            t("maps.column.country"): [country_name(v) for v in partners["partner_country"]],
            t("maps.column.relation"): partners["relation"],
            t("column.source"): partners["publisher"],
            t("column.quote"): partners["quote"],
        }
    )
