"""Links to the live view of a slide, and their QR codes (segno), for screens and files.

The base URL is, in order: the environment variable FOREIGN_TIES_PUBLIC_URL (e.g.
https://figures.example.org), `browser.serverAddress` / `browser.serverPort` in
.streamlit/config.toml when the file sets the address, then what the caller knows (Present
mode passes the server's own URL, as the browser reached it), and last
http://localhost:8501. A slide's link carries the places, years, language and slide number,
so a phone that scans it opens the same slide.
"""

from __future__ import annotations

import io
import os
import tomllib
from functools import cache
from urllib.parse import urlencode, urlsplit

import segno

from foreign_ties.paths import ROOT
from foreign_ties.state import LANGUAGE_KEY, Filters

ENV = "FOREIGN_TIES_PUBLIC_URL"
CONFIG = ROOT / ".streamlit" / "config.toml"
DEFAULT = "http://localhost:8501"


def _configured() -> str | None:
    try:
        browser = tomllib.loads(CONFIG.read_text(encoding="utf-8")).get("browser", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    address = browser.get("serverAddress")
    if not address:
        return None
    port = browser.get("serverPort", 8501)
    scheme = "https" if int(port) == 443 else "http"
    return f"{scheme}://{address}" + ("" if int(port) in (80, 443) else f":{port}")


def base_url(server_url: str | None = None) -> str:
    """The site's address without a trailing slash (see the module doc for the order)."""
    if os.environ.get(ENV):
        return os.environ[ENV].rstrip("/")
    configured = _configured()
    if configured:
        return configured
    if server_url:
        parts = urlsplit(server_url)
        if parts.scheme in ("http", "https") and parts.netloc:
            return f"{parts.scheme}://{parts.netloc}"
    return DEFAULT


def slide_url(base: str, filters: Filters, number: int, lang: str) -> str:
    """The live view of slide `number` (1-based, as in Present mode's `slide` parameter)."""
    query = {**filters.query(), LANGUAGE_KEY: [lang], "slide": [str(number)]}
    return f"{base}/present?" + urlencode(query, doseq=True)


@cache
def qr(url: str) -> segno.QRCode:
    """Error correction M; one fixed mask (any mask scans; choosing the best one cost a
    deck of 18 pages a second), remembered per link."""
    return segno.make_qr(url, error="m", mask=4, boost_error=False)


def qr_svg(url: str, px: int) -> str:
    """An inline <svg> of `px` by `px` pixels (no XML declaration)."""
    code = qr(url)
    scale = px / code.symbol_size(border=2)[0]
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=scale, border=2, xmldecl=False, svgns=True, nl=False)
    return buffer.getvalue().decode("utf-8")


def qr_data_uri(url: str) -> str:
    """The QR code as an SVG data URI, for an <img> (sanitised HTML keeps images)."""
    return qr(url).svg_data_uri(scale=4, border=2)


@cache
def qr_png(url: str, scale: int = 8) -> bytes:
    buffer = io.BytesIO()
    qr(url).save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()
