"""Every user-facing string goes through one translation function and has a text.

The code is read as Python (ast), so quoting style does not matter: every string literal
shaped like a message key ("nav.overview", 'maps.view'), every literal passed to `t()`,
and every key family built at run time (f"family.{f}", "status." + s) is found. Each family
must be listed in `families()` with the values it can take, so that any key the code can
ask for has a text in every language. Values of the data shown through the catalogs
(breakdown.<slug>, partner.<slug>) are checked against the built facts in test_data_labels.py.
"""

import ast
import re
from pathlib import Path

import pytest

from foreign_ties import (
    boundaries,
    catalog,
    derived,
    downloads,
    formatting,
    i18n,
    measures,
    partners_map,
    paths,
    questions,
    site,
    table_figures,
    table_read,
    targets,
    validate,
    views,
)
from foreign_ties.state import Filters
from foreign_ties.ui import present

SOURCES = [
    *Path(paths.ROOT, "foreign_ties").rglob("*.py"),
    *Path(paths.ROOT, "pages").glob("*.py"),
    Path(paths.ROOT, "app.py"),
]
KEY_SHAPED = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_\-]+)+")
FAMILY_SHAPED = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_\-]+)*\.")
FILE_NAME = re.compile(
    r".*\.(py|csv|sql|json|geojson|parquet|png|svg|txt|md|po|pptx|pdf|xlsx|css|js|html|toml)"
)
# Families with a fallback in the code: a missing text is never shown as a key.
OPTIONAL = {
    "present.takeaway.": "falls back to present.takeaway.latest (slide_text._fill)",
    "maps.country.": "falls back to the country's short name (partner_table.country_name)",
}


def _prefixes() -> set[str]:
    return {key.split(".")[0] for lang in i18n.LANGUAGES for key in i18n.catalog(lang)}


def _is_t_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"


def _leading_text(node: ast.AST) -> str | None:
    """'family.' of f"family.{f}" or of "family." + f."""
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return node.values[0].value
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.left, ast.Constant)
    ):
        return node.left.value if isinstance(node.left.value, str) else None
    return None


def scan(text: str, prefixes: set[str]) -> tuple[set[str], set[str]]:
    """(literal keys, prefixes of keys built at run time) in one file's code."""
    keys, families = set(), set()
    tree = ast.parse(text)
    in_t = {id(n.args[0]) for n in ast.walk(tree) if _is_t_call(n) and n.args}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            value = node.value
            if id(node) in in_t or (
                KEY_SHAPED.fullmatch(value)
                and value.split(".")[0] in prefixes
                and not FILE_NAME.fullmatch(value)
            ):
                keys.add(value)
        lead = _leading_text(node)
        if (
            lead
            and FAMILY_SHAPED.fullmatch(lead)
            and (id(node) in in_t or lead.split(".")[0] in prefixes)
        ):
            families.add(lead)
    return keys, families


def scan_code() -> tuple[set[str], set[str]]:
    keys, families, prefixes = set(), set(), _prefixes()
    for file in SOURCES:
        found_keys, found_families = scan(file.read_text(encoding="utf-8"), prefixes)
        keys |= found_keys
        families |= found_families
    return keys, families


def _facts_columns() -> set[str]:
    """The columns of the readable tables (ui.facts_table asks t(f"column.{c}") for each)."""
    catalog.clear()
    rows = views.facts_with_sources(
        Filters(catalog.COMPARED_PLACES, *catalog.year_bounds()), [], ""
    )
    return set(views.readable_facts(rows).columns) | set(
        views.readable_facts(rows.iloc[:0]).columns
    )


def families() -> dict[str, set[str]]:
    """Every key family built at run time -> every key it can produce."""
    statuses = validate.ENUMS[("facts", "status")]
    plain_units = validate.ENUMS[("facts", "unit")] - set(derived.CURRENCIES)
    views_of_maps = getattr(partners_map, "VIEWS", ("region", "world"))
    return {
        "family.": {f"family.{f}" for f in (*catalog.FAMILIES, "all", measures.RANKING)},
        # measures.basis: a plain-words line for the key measures, the description otherwise
        "basis.": {k for k in i18n.catalog("en") if k.startswith("basis.")},
        "question.": {f"question.{q}" for q in (*questions.QUESTIONS, *questions.LISTED)},
        "targets.verdict.": {f"targets.verdict.{v}" for v in targets.VERDICTS},
        "answer.row.": {
            f"answer.row.{r.key}" for rows in questions.QUESTIONS.values() for r in rows
        },
        "words.": {f"words.{q}" for q in formatting.QUALIFIER_WORDS},
        "rank.ordinal.": {f"rank.ordinal.{form}" for form in formatting.ORDINAL_FORMS},
        "words.status.": {f"words.status.{s}" for s in ("target", "projection")},
        "words.why.": {f"words.why.{s}" for s in ("target", "projection", "uncertain")},
        "status.": {f"status.{s}" for s in statuses},
        "sources.status_note.": {f"sources.status_note.{s}" for s in statuses},
        "sources.text_confirmed.": {"sources.text_confirmed.yes", "sources.text_confirmed.no"},
        "unit.": {f"unit.{u}" for u in plain_units},
        "axis.unit.": {f"axis.unit.{u}" for u in plain_units},
        "axis.": {f"axis.{c}" for c in derived.CURRENCIES},
        "money.": {f"money.{c}" for c in derived.CURRENCIES},
        "currency.": {f"currency.{c}" for c in derived.CURRENCIES},
        "trade.currency.": {
            f"trade.currency.{c}" for c in (derived.AS_PUBLISHED, *derived.CURRENCIES)
        },
        "present.download.": {f"present.download.{fmt}" for fmt in present.MIME},
        "column.": {f"column.{c}" for c in _facts_columns() - {"fact_id"}},  # fact_id is dropped
        "export.column.": {
            f"export.column.{c}" for c in (*downloads.CSV_COLUMNS, *downloads.SOURCE_COLUMNS)
        },
        "boundaries.mode.": {f"boundaries.mode.{m}" for m in boundaries.MODES},
        "boundaries.territory.": {
            f"boundaries.territory.{role}.{when}"
            for role in ("successor", "part")
            for when in ("old", "new", "spans")
        },
        "chart.territory.": {f"chart.territory.{when}" for when in ("old", "new", "spans")},
        "maps.located.": {
            f"maps.located.{how}" for how in ("locality", "country", "country_of_locality")
        },
        "maps.partner_type.": {
            f"maps.partner_type.{p.lower().replace(' ', '_')}"
            for p in validate.ENUMS[("partners", "partner_type")]
        },
        "maps.view.": {f"maps.view.{v}" for v in views_of_maps},
        "table.kind.": {f"table.kind.{k}" for k in (*table_figures.ROW_KINDS, "measure")},
        "table.unit.": {f"table.unit.{u}" for u in table_figures.UNITS},
        "table.refused.": {f"table.refused.{k}" for k in table_read.REFUSAL_KINDS},
        "maps.partners.subtitle.": {f"maps.partners.subtitle.{v}" for v in views_of_maps},
    }


def test_the_scan_finds_single_quoted_literal_and_built_keys():
    code = (
        "t('nav.overview')\nt(\"a.b\")\nx = 'family.fdi'\n"
        "t(f'status.{s}')\ny = 'unit.' + u\nt(name)\n"
    )
    keys, found = scan(code, {"nav", "family", "status", "unit"})
    assert keys == {"nav.overview", "a.b", "family.fdi"}
    assert found == {"status.", "unit."}


def test_every_key_family_built_at_run_time_is_enumerated():
    _, found = scan_code()
    unlisted = sorted(found - set(families()) - set(OPTIONAL))
    assert not unlisted, f"list the values of {unlisted} in tests/test_i18n.py families()"


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_every_key_has_a_text_in_every_language(lang):
    literal, found = scan_code()
    wanted = (
        literal
        | {spec.title_key for spec in site.PAGES}
        | {spec.section_key for spec in site.PAGES}
    )
    for prefix, keys in families().items():
        if prefix in found:  # a family the code builds keys of
            wanted |= keys
    missing = sorted(wanted - set(i18n.catalog(lang)))
    assert not missing, f"{lang}: no text for {missing}"


def test_placeholders_agree_between_languages():
    english = i18n.catalog("en")
    for lang in i18n.LANGUAGES:
        assert set(i18n.catalog(lang)) == set(english), lang
        for key, text in i18n.catalog(lang).items():
            assert set(re.findall(r"{(\w+)}", text)) == set(re.findall(r"{(\w+)}", english[key])), (
                lang,
                key,
            )


def test_t_fills_placeholders_and_falls_back_to_english():
    assert (
        i18n.t("compare.missing", lang="en", places="Son La") == "No published figure for: Son La."
    )
    assert i18n.t("nav.overview", lang="xx") == "Overview"


@pytest.mark.parametrize(
    "locale,expected",
    [
        ("vi", "vi"),
        ("vi-VN", "vi"),
        ("vi_VN", "vi"),
        ("VI-vn", "vi"),
        ("vi-VN,vi;q=0.9,en;q=0.8", "vi"),
        (" vi ; q=1", "vi"),
        ("en-US", "en"),
        ("en-GB,vi;q=0.8", "en"),
        ("fr-FR", "en"),
        ("", "en"),
        (None, "en"),
        ("vie", "en"),
        ("*", "en"),
    ],
)
def test_the_language_defaults_to_the_browsers(locale, expected):
    assert i18n.language_from_locale(locale) == expected
