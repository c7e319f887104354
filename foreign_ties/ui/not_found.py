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
    st.title(t("notfound.title"))
    shown = "".join(ch for ch in path if ch.isprintable())[:80]
    st.text(t("notfound.body", path=shown))
    for spec in site.PAGES:
        st.page_link(spec.script, label=t(spec.title_key), icon=spec.icon)
