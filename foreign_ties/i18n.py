"""Every user-facing string goes through `t()`.

Catalogs are gettext .po files under `foreign_ties/locales/<lang>/*.po` (one file per feature,
merged), read with Babel (no compile step). Message ids are stable keys such as
``"nav.overview"``; the English catalog holds the English text, so a key never leaks to the
screen as long as the catalog is complete (a test checks that every key used in the code has a
translation in every catalog)."""

from __future__ import annotations

import contextvars
import functools
import io
import re
import unicodedata
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGES = tuple(sorted(p.name for p in LOCALES_DIR.iterdir() if p.is_dir()))  # ("en", "vi")
LANGUAGE_NAMES = {"en": "English", "vi": "Tiếng Việt"}  # each in its own language
DEFAULT_LANGUAGE = "en"

_current = contextvars.ContextVar("language", default=DEFAULT_LANGUAGE)


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    """Message key -> translated text for one language (all its .po files merged)."""
    texts: dict[str, str] = {}
    for file in sorted((LOCALES_DIR / lang).glob("*.po")):
        with open(file, "rb") as f:
            po = read_po(f, locale=lang)
        for message in po:
            if message.id and message.string:
                key, text = message.id, message.string
                if message.pluralizable:  # the key, and its last form for checks
                    key, text = message.id[0], message.string[-1]
                if key in texts:
                    raise ValueError(f"{file.name}: {key!r} is defined twice for {lang}")
                texts[key] = text
    return texts


@functools.cache
def _translations(lang: str) -> Translations:
    """Babel's gettext translations of one language (all its .po files), for plural forms."""
    merged = None
    for file in sorted((LOCALES_DIR / lang).glob("*.po")):
        with open(file, "rb") as f:
            po = read_po(f, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, po)
        buffer.seek(0)
        if merged is None:  # the first keeps its plural rule (every file states the same)
            merged = Translations(buffer)
        else:
            merged.merge(Translations(buffer))
    return merged or Translations()


def tn(key: str, n: int, lang: str | None = None, **values: object) -> str:
    """The plural form of `key` for the count `n` in the language's rules ("1 figure",
    "2 figures", "2 số liệu"); `n` fills {n}. The .po entry has msgid `key` and
    msgid_plural `key.plural`."""
    lang = lang if lang in LANGUAGES else current_language()
    text = _translations(lang).ngettext(key, f"{key}.plural", n)
    if text in (key, f"{key}.plural"):
        text = _translations(DEFAULT_LANGUAGE).ngettext(key, f"{key}.plural", n)
    return text.format(n=n, **values)


def set_language(lang: str) -> None:
    _current.set(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)


def current_language() -> str:
    return _current.get()


def t(key: str, lang: str | None = None, **values: object) -> str:
    """Translate `key`; `values` fill ``{placeholders}`` in the text."""
    lang = lang if lang in LANGUAGES else current_language()
    text = catalog(lang).get(key)
    if text is None:  # fall back to English rather than show a key
        text = catalog(DEFAULT_LANGUAGE).get(key, key)
    return text.format(**values) if values else text


def language_from_locale(locale: str | None) -> str:
    """The default language for a browser's locale or Accept-Language header.

    Vietnamese when the first language asked for is Vietnamese ('vi', 'vi-VN', 'vi_VN',
    'vi-VN,vi;q=0.9,en;q=0.8'), English otherwise (including no locale at all).
    """
    first = (locale or "").split(",")[0].split(";")[0].strip().lower()
    return "vi" if first.replace("_", "-").split("-")[0] == "vi" else DEFAULT_LANGUAGE


def slug(value: str) -> str:
    """A data value as part of a message key: "people's committee" -> "people_s_committee"."""
    letters = unicodedata.normalize("NFKD", value.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in letters if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_")


def data_label(family: str, value: str, lang: str | None = None) -> str:
    """A value stored in the data (a breakdown, a partner) in the reader's language.

    The catalogs hold ``<family>.<slug>`` for every value the data uses (a test checks it);
    a value they do not know yet is shown as stored rather than hidden.
    """
    lang = lang if lang in LANGUAGES else current_language()
    key = f"{family}.{slug(value)}"
    return catalog(lang).get(key) or catalog(DEFAULT_LANGUAGE).get(key) or value


def breakdown_text(value: str, lang: str | None = None) -> str:
    """A part of a measure ("all localities") in the reader's language."""
    return data_label("breakdown", value, lang)
