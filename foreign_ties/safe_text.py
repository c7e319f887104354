"""Text from the data, made inert for each place it is shown (never Markdown, never HTML).

Quotes, notes, titles and names come from documents anyone may have written. Streamlit's
`st.markdown`, `st.caption`, `st.title`, `st.info` ... render Markdown (images, links, raw
HTML); Plotly's labels and hover text render a small HTML subset (<a href>, <b>, <br>). Each
function here is for one of those places:

- `markdown(text)`: for Streamlit elements that render Markdown. Every character that can
  start Markdown or HTML is backslash-escaped (CommonMark: an escaped character is literal), so
  `![x](http://evil.example/px.png)`, `<script>` and `[a](javascript:...)` show as typed.
- `html_block(text)`: for a piece of HTML we write ourselves (`unsafe_allow_html`). HTML is
  escaped and so are line breaks (as character references), so the whole block stays on one
  line: one CommonMark HTML block, which Markdown never reads (a blank line would end it).
- `plotly(text)`: for Plotly titles, legend names and hover text (&, < and > escaped).
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

# What can start Markdown or HTML: emphasis, code, links and images, raw HTML, headings,
# tables, strikethrough, maths, character references, bare web and mail addresses.
_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]<>#!|~$@]|&(?=#?\w+;)|(?<=[A-Za-z]):(?=//)|(?<=[Ww]{3})\.")
_LINE_BREAKS = re.compile(r"[\n\r]")


def _text(value: object) -> str:
    return "" if value is None else str(value)


# GFM turns bare addresses into links after escapes are read (on the text itself), so a
# word joiner (U+2060, invisible) goes before the ":" of a scheme, the "." of "www." and "@".
_AUTOLINK = re.compile(r"(?i)(?<=[a-z])(?=://)|(?<=\bwww)(?=\.)|(?=@)")
WORD_JOINER = "\u2060"


def markdown(value: object) -> str:
    """Literal text inside Markdown: punctuation escaped, line breaks as spaces, no bare
    address that GFM would turn into a link."""
    text = " ".join(_text(value).replace("\x00", "").split())
    text = _AUTOLINK.sub(WORD_JOINER, text)
    return _MD_SPECIAL.sub(lambda m: "\\" + m.group(), text)


def html_block(value: object) -> str:
    """Literal text inside an HTML block we write (white space kept by the block's CSS)."""
    escaped = html.escape(_text(value).replace("\x00", ""), quote=True)
    return _LINE_BREAKS.sub(lambda m: f"&#{ord(m.group())};", escaped)


def plotly(value: object) -> str:
    """Literal text in a Plotly label or hover line (Plotly reads a subset of HTML)."""
    return html.escape(_text(value), quote=False)


def is_web_address(url: str) -> bool:
    """Only http(s) addresses become links (never javascript:, data:, file: ...)."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def link_target(url: str) -> str:
    """A web address for a Markdown link `[..](<target>)`: no space, <, > or line break."""
    return quote(url.strip(), safe=":/?#[]@!$&'()*+,;=%~-._")


# Spreadsheet formulas: a cell whose first non-blank character starts a formula.
FORMULA_STARTS = frozenset("=+-@＝＋－＠")
_LEADING_BLANKS = " \t\r\n\u3000\u00a0"


def is_formula_like(value: object) -> bool:
    """True for text a spreadsheet could run: first non-blank character is = + - @ or ＝＋－＠."""
    if not isinstance(value, str):
        return False
    stripped = value.lstrip(_LEADING_BLANKS)
    return bool(stripped) and stripped[0] in FORMULA_STARTS


def neutralise(cell: object) -> object:
    """A leading apostrophe on text a spreadsheet would run as a formula; numbers untouched."""
    return "'" + cell if is_formula_like(cell) else cell
