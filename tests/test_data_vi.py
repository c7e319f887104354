"""Vietnamese content written in Vietnamese (issue 11, item 8).

Every text of the data a reader sees has a Vietnamese twin in a `_vi` column; the code shows it
to a Vietnamese reader and never an English text marked "(bằng tiếng Anh)" or a
"(title from slug)" working note. An English quote gets a Vietnamese translation (gloss_vi),
labelled as a translation, never in place of the quote.
"""

from __future__ import annotations

import re

import pandas as pd
import pytest

from foreign_ties import i18n, localise, paths
from foreign_ties.validate import load

# letters only Vietnamese uses (a text without any is not written in Vietnamese)
VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


@pytest.fixture(scope="module")
def data():
    return load(paths.DATA_DIR)


def _missing(rows, id_column, pairs, sentences=True):
    """Rows whose English text has no Vietnamese twin (a sentence must use Vietnamese
    letters; a name such as "Singapore" or "BizLIVE" need only be there)."""
    return [
        f"{r.file} line {r.line} ({r.values[id_column]}): {english} has no {own}"
        for r in rows
        for english, own in pairs
        if r.values.get(english)
        and not (VIETNAMESE.search if sentences else str.strip)(r.values.get(own) or "")
    ]


def test_every_reader_visible_text_has_a_vietnamese_twin(data):
    rows = data.rows
    missing = (
        _missing(rows["indicators"], "indicator_id", [("description", "description_vi")])
        + _missing(rows["provinces"], "province_id", [("territory_note", "territory_note_vi")])
        + _missing(rows["sources"], "source_id", [("title", "title_vi")])
        + _missing(rows["sources"], "source_id", [("publisher", "publisher_vi")], False)
        + _missing(rows["facts"], "fact_id", [("uncertain_reason", "uncertain_reason_vi")])
        + _missing(rows["partners"], "partner_id", [("relation", "relation_vi")])
        + _missing(rows["partners"], "partner_id", [("partner_name", "partner_name_vi")], False)
    )
    assert not missing, "\n".join(missing)


def test_every_quote_not_in_vietnamese_has_a_vietnamese_translation(data):
    language = {r.values["source_id"]: r.values["language"] for r in data.rows["sources"]}
    missing = [
        f"{r.file} line {r.line} ({r.values['fact_id']})"
        for r in data.rows["facts"]
        if language[r.values["source_id"]] != "vi"
        and not VIETNAMESE.search(r.values.get("gloss_vi") or "")
    ]
    assert not missing, "facts without gloss_vi:\n" + "\n".join(missing)


def test_no_working_notes_or_english_markers_in_the_data_or_the_catalogs(data):
    titles = [r.values["title"] for r in data.rows["sources"]] + [
        r.values["title_vi"] for r in data.rows["sources"]
    ]
    assert not [t for t in titles if "title from slug" in t]
    catalogs = " ".join(
        p.read_text(encoding="utf-8") for p in (paths.ROOT / "foreign_ties").rglob("*.po")
    )
    code = " ".join(
        p.read_text(encoding="utf-8") for p in (paths.ROOT / "foreign_ties").rglob("*.py")
    )
    for marker in ("bằng tiếng Anh", "title from slug", "label.in_english"):
        assert marker not in catalogs and marker not in code, marker


def test_localise_gives_the_readers_language_and_keeps_the_quote():
    rows = pd.DataFrame(
        {
            "quote": ["Exports rose."],
            "gloss_en": [None],
            "gloss_vi": ["Xuất khẩu tăng."],
            "publisher": ["Son La Newspaper"],
            "publisher_vi": ["Báo Sơn La"],
            "uncertain_reason": ["year not shown"],
            "uncertain_reason_vi": [None],
        }
    )
    vi = localise.frame(rows.copy(), "vi")
    assert list(vi.columns) == ["quote", "gloss_en", "publisher", "uncertain_reason"]
    assert vi.iloc[0].to_dict() == {
        "quote": "Exports rose.",
        "gloss_en": "Xuất khẩu tăng.",
        "publisher": "Báo Sơn La",
        "uncertain_reason": "year not shown",  # no twin: the original stays
    }
    en = localise.frame(rows.copy(), "en")
    assert en.iloc[0]["publisher"] == "Son La Newspaper" and en.iloc[0]["gloss_en"] is None


def test_sources_in_vietnamese_name_publishers_and_translate_english_quotes():
    from foreign_ties import views
    from foreign_ties.state import Filters

    filters = Filters(("son-la",), 2015, 2026)
    i18n.set_language("vi")
    try:
        rows = views.facts_with_sources(filters, [], "")
    finally:
        i18n.set_language("en")
    fact = rows[rows["fact_id"] == "son-la-exports-2023"].iloc[0]
    assert fact["quote"].startswith("In 2023, the value of exported goods")  # the quote stays
    assert VIETNAMESE.search(fact["gloss_en"])  # its Vietnamese translation beside it
    assert fact["publisher"] == "Tạp chí Vietnam Business Forum (VCCI)"
    english = views.facts_with_sources(filters, [], "")
    assert english[english["fact_id"] == "son-la-exports-2023"].iloc[0]["publisher"] == (
        "Vietnam Business Forum"
    )


def test_every_source_records_whether_its_text_was_confirmed(data):
    """Issue 12: each document re-read against the published page; the result is recorded."""
    rows = data.rows["sources"]
    assert all(r.values.get("confirmed_note") and r.values.get("confirmed_note_vi") for r in rows)
    confirmed = {r.values["source_id"] for r in rows if r.values["text_confirmed"]}
    assert {"qdnd-singapore-lang-son-2023", "hkbav-trade-2025-12"} <= confirmed
    seeds = {r.values["source_id"] for r in rows if r.file == "sources/seeds.csv"}
    assert not seeds & confirmed  # seeds are the project's own copies, not re-read


def test_the_sources_page_says_whether_the_text_was_confirmed():
    from foreign_ties import views

    i18n.set_language("vi")
    try:
        document = views.source_document("hkbav-trade-2025-12")
        text = i18n.t("sources.text_confirmed.yes", note=document["confirmed_note"])
    finally:
        i18n.set_language("en")
    assert bool(document["text_confirmed"]) and text.startswith("Văn bản đã được đối chiếu")
    assert "hkbav.org" in text and "confirmed_note_vi" not in document


def test_a_partner_already_named_in_the_measure_is_not_repeated():
    from types import SimpleNamespace

    from foreign_ties import views

    row = SimpleNamespace(
        indicator_name_en="Lao provinces with cooperative relations",
        indicator_name_vi="Số tỉnh, thành phố của Lào có quan hệ hữu nghị, hợp tác với tỉnh",
        breakdown=None,
        partner="Laos",
    )
    i18n.set_language("vi")
    try:
        label = views._indicator_label(row)
    finally:
        i18n.set_language("en")
    assert label == row.indicator_name_vi  # "(đối tác: Lào)" would repeat "Lào"
    assert views._indicator_label(row).endswith("(with Laos)")  # English name lacks "Laos"


def test_every_query_returning_a_localised_text_returns_its_vietnamese_twin():
    """A query that selects `publisher` (or another localised text) without `publisher_vi`
    would show Vietnamese readers the English text (the Overview's doubt notes once did)."""
    import re

    from foreign_ties import localise, paths

    for sql in paths.QUERIES_DIR.glob("*.sql"):
        body = re.sub(r"--[^\n]*", "", sql.read_text(encoding="utf-8"))  # code, not comments
        for column in localise.LOCALISED:
            if re.search(rf"\b{column}\b", body):
                assert re.search(rf"\b{column}_vi\b", body), f"{sql.name}: {column}_vi"
