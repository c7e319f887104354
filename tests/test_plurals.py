"""Counts read as each language writes them (Babel's gettext plural forms)."""

from foreign_ties import i18n


def test_english_says_one_figure_and_two_figures():
    assert i18n.tn("sources.count", 1, "en") == "1 figure"
    assert [i18n.tn("sources.count", n, "en") for n in (0, 2, 21)] == [
        "0 figures",
        "2 figures",
        "21 figures",
    ]


def test_vietnamese_has_one_form():
    assert [i18n.tn("sources.count", n, "vi") for n in (1, 2)] == ["1 số liệu", "2 số liệu"]


def test_a_plural_message_is_still_a_known_key_for_the_catalog_checks():
    for lang in i18n.LANGUAGES:
        assert "sources.count" in i18n.catalog(lang)


def test_every_catalog_of_a_language_states_the_same_plural_rule():
    for lang in i18n.LANGUAGES:
        rules = {
            line
            for file in (i18n.LOCALES_DIR / lang).glob("*.po")
            for line in file.read_text(encoding="utf-8").splitlines()
            if line.startswith('"Plural-Forms:')
        }
        assert len(rules) == 1, (lang, rules)
