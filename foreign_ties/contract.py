"""The data contract in code (data/README.md): each table's columns and their types, the
allowed values, the ids and the references between tables. validate.py checks the data
against it; build.py derives the Parquet schema from it.
"""

from __future__ import annotations

# Column types: s = string, f = float, i = integer, d = date, b = boolean.
# Required columns must be in the header and non-empty; optional ones may be left out.
COLUMNS: dict[str, dict[str, tuple[str, bool]]] = {
    "provinces": {
        "province_id": ("s", True),
        "name_en": ("s", True),
        "name_vi": ("s", True),
        "level": ("s", True),
        "gso_code": ("s", False),
        "iso_3166_2": ("s", False),
        "display_order": ("i", False),
        "valid_from": ("d", False),
        "valid_to": ("d", False),
        "merged_into": ("s", False),
        "territory_note": ("s", False),
        "territory_note_vi": ("s", False),  # the same note written in Vietnamese
    },
    "indicators": {
        "indicator_id": ("s", True),
        "family": ("s", True),
        "name_en": ("s", True),
        "name_vi": ("s", True),
        "unit": ("s", True),
        "kind": ("s", True),
        "description": ("s", False),
        # who publishes or states the figures (optional here so small fixtures may leave it
        # out; tests/test_data.py requires it for every real indicator)
        "published_by": ("s", False),
        "description_vi": ("s", False),  # the description written in Vietnamese
    },
    "sources": {
        "source_id": ("s", True),
        "title": ("s", True),
        "publisher": ("s", True),
        "published_date": ("d", False),
        "date_note": ("s", False),
        "url": ("s", False),
        "language": ("s", True),
        "document_kind": ("s", True),
        "retrieved": ("s", False),
        "licence_note": ("s", False),
        "title_vi": (
            "s",
            False,
        ),  # the title in Vietnamese (the original language's title stays in title)
        "publisher_vi": ("s", False),  # the publisher's Vietnamese name
        # re-read against the published page: every stored sentence found word for word?
        "text_confirmed": ("b", False),
        "confirmed_note": ("s", False),
        "confirmed_note_vi": ("s", False),
    },
    "documents": {"source_id": ("s", True), "text": ("s", True)},
    "facts": {
        "fact_id": ("s", True),
        "province_id": ("s", True),
        "indicator_id": ("s", True),
        "value": ("f", True),
        "unit": ("s", True),
        "qualifier": ("s", True),
        "value_as_written": ("s", True),
        "period_start": ("d", True),
        "period_end": ("d", True),
        "period_note": ("s", False),
        "breakdown": ("s", False),
        "partner": ("s", False),
        "status": ("s", True),
        "uncertain": ("b", False),
        "uncertain_reason": ("s", False),
        "source_id": ("s", True),
        "quote": ("s", True),
        "gloss_en": ("s", False),
        "gloss_vi": ("s", False),  # a Vietnamese translation of a quote in another language
        "derived_from": ("s", False),
        "superseded_by": ("s", False),
        "note": ("s", False),
        "uncertain_reason_vi": ("s", False),
        # a rank's total ("16th out of 63 provinces"): only when its sentence states it
        "rank_out_of": ("i", False),
    },
    "partners": {
        "partner_id": ("s", True),
        "province_id": ("s", True),
        "partner_name": ("s", True),
        "partner_name_vi": ("s", False),
        "partner_type": ("s", True),
        "partner_country": ("s", False),
        "geo_id": ("s", False),
        "relation": ("s", False),
        "since": ("s", False),
        "source_id": ("s", True),
        "quote": ("s", True),
        "relation_vi": ("s", False),
    },
    "fx_rates": {
        "year": ("i", True),
        "currency": ("s", True),
        "per_usd": ("f", True),
        "source_id": ("s", True),
        "quote": ("s", True),
    },
    "not_figures": {"source_id": ("s", True), "text": ("s", True), "reason": ("s", True)},
}
CSV_TABLES = ("provinces", "indicators", "sources", "facts", "partners", "fx_rates", "not_figures")
ID_COLUMN = {
    "provinces": "province_id",
    "indicators": "indicator_id",
    "sources": "source_id",
    "facts": "fact_id",
    "partners": "partner_id",
}
ENUMS = {
    ("provinces", "level"): {"province", "national"},
    ("indicators", "family"): {
        "partners",
        "agreements",
        "fdi",
        "exports",
        "aid",
        "activity",
        "context",
    },
    ("indicators", "unit"): {"count", "money", "percent", "km", "km2", "people", "rank"},
    ("indicators", "kind"): {"flow", "stock"},
    ("sources", "language"): {"en", "vi", "fr", "es", "ja", "pt"},
    ("sources", "document_kind"): {"article", "excerpt"},
    ("facts", "unit"): {"count", "USD", "VND", "percent", "km", "km2", "people", "rank"},
    ("facts", "qualifier"): {"exact", "approx", "more_than", "at_least", "less_than"},
    ("facts", "status"): {"reported", "target", "projection"},
    ("partners", "partner_type"): {
        "foreign locality",
        "country",
        "NGO",
        "diplomatic agency",
        "business",
        "mechanism",
    },
    ("fx_rates", "currency"): {"VND"},
}
# Fact units allowed for each indicator dimension.
UNIT_FITS = {
    "money": {"USD", "VND"},
    "count": {"count"},
    "people": {"people", "count"},
    "percent": {"percent"},
    "km": {"km"},
    "km2": {"km2"},
    "rank": {"rank"},  # a position among provinces (1 = first): never summed, never money
}
FOREIGN_KEYS = {  # (table, column) -> referenced table
    ("provinces", "merged_into"): "provinces",
    ("facts", "province_id"): "provinces",
    ("facts", "indicator_id"): "indicators",
    ("facts", "source_id"): "sources",
    ("facts", "superseded_by"): "facts",
    ("partners", "province_id"): "provinces",
    ("partners", "source_id"): "sources",
    ("fx_rates", "source_id"): "sources",
    ("not_figures", "source_id"): "sources",
}
REL_TOLERANCE = 1e-9
