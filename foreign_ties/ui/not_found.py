"""An address that names no page (/nosuchpage): say so, in the reader's language, with links.

Streamlit's `st.navigation` runs the default page for an unknown path without a word; the
app asks `requested_unknown()` first and shows `page_not_found()` instead of Overview. The
path is read from `st.context.url` (public API: the browser's URL without its query),
without the configured `server.baseUrlPath`.
"""

from __future__ import annotations

from urllib.parse import unquote, urlparse

import streamlit as st

from foreign_ties import site
from foreign_ties.i18n import t
from foreign_ties.paths import ROOT

# Streamlit's own English dialog for an unknown path: hidden at once, then closed (so it
# does not reappear on the page the reader goes to next). Public API only: CSS and st.html.
_HIDE_DIALOG = "<style>div[data-testid='stDialog'] {display: none !important;}</style>"
_CLOSE_DIALOG = (
    f"<script>{(ROOT / 'foreign_ties/ui/close_page_not_found.js').read_text('utf-8')}</script>"
)


def unknown_path(url: str | None, base: str = "") -> str | None:
    """The path of `url` when it names no page of the app, else None (pure, tested)."""
    if not url:
        return None
    path = unquote(urlparse(url).path).strip("/")
    base = base.strip("/")
    if base and (path == base or path.startswith(base + "/")):
        path = path[len(base) :].strip("/")
    if not path or path in {spec.url_path for spec in site.PAGES}:
        return None
    return path


def requested_unknown() -> str | None:
    return unknown_path(st.context.url, st.get_option("server.baseUrlPath") or "")


def page_not_found(path: str) -> None:
    """A clear notice and a link to every page (the query, e.g. the language, is kept)."""
    st.html(_HIDE_DIALOG)
    st.html(_CLOSE_DIALOG, unsafe_allow_javascript=True)
    st.title(t("notfound.title"))
    shown = "".join(ch for ch in path if ch.isprintable())[:80]
    st.text(t("notfound.body", path=shown))
    for spec in site.PAGES:
        st.page_link(spec.script, label=t(spec.title_key), icon=spec.icon)
