"""Every user-facing string goes through one translation function and has a text."""
import re
from pathlib import Path

import pytest

from foreign_ties import catalog, i18n, paths, site

KEY_CALL = re.compile(r"\bt\(\s*\"([a-z0-9_.\-]+)\"")
SOURCES = [*Path(paths.ROOT, "foreign_ties").rglob("*.py"), *Path(paths.ROOT, "pages").glob("*.py"),
           Path(paths.ROOT, "app.py")]


def literal_keys():
    found = {key for file in SOURCES for key in KEY_CALL.findall(file.read_text(encoding="utf-8"))}
    return {key for key in found if not key.endswith(".")}  # "status." + x: a dynamic key


def dynamic_keys():
    """Keys built from data or enums: every value they can take."""
    keys = {f"family.{f}" for f in (*catalog.FAMILIES, "all")}
    keys |= {f"status.{s}" for s in ("reported", "target", "projection")}
    keys |= {f"sources.status_note.{s}" for s in ("reported", "target", "projection")}
    keys |= {f"unit.{u}" for u in ("count", "money", "percent", "km", "km2", "people")}
    keys |= {f"axis.unit.{u}" for u in ("count", "money", "percent", "km", "km2", "people")}
    keys |= {f"axis.{c}" for c in ("USD", "VND")} | {f"money.{c}" for c in ("USD", "VND")}
    keys |= {"scale.billion", "scale.million"}
    keys |= {spec.title_key for spec in site.PAGES} | {spec.section_key for spec in site.PAGES}
    keys |= {f"column.{c}" for c in ("place", "indicator", "figure", "period", "status",
                                     "source", "quote")}
    return keys


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_key_has_a_text_in_every_language(lang):
    missing = sorted((literal_keys() | dynamic_keys()) - set(i18n.catalog(lang)))
    assert not missing, f"{lang}: no text for {missing}"


def test_placeholders_agree_between_languages():
    english = i18n.catalog("en")
    for lang in i18n.LANGUAGES:
        for key, text in i18n.catalog(lang).items():
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", english[key])), (lang, key)


def test_t_fills_placeholders_and_falls_back_to_english():
    assert i18n.t("compare.missing", lang="en", places="Son La") == "No published figure for: Son La."
    assert i18n.t("nav.overview", lang="xx") == "Overview"
