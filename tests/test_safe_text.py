"""Text from the data is never Markdown or HTML; spreadsheet cells never run as formulas.

The Sources page shows a hostile quote (an outside image, a script, a javascript: link) as
text: checked here on what Streamlit is given (AppTest), and in a real browser in
tests/browser/test_live_data.py (no img, script or link is created, nothing is fetched).
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from foreign_ties import downloads, safe_text
from foreign_ties.state import Filters

HOSTILE = [
    "![x](http://evil.example/px.png)",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "<img src=http://evil.example/a.png>",
    "line one\n\n![x](http://evil.example/px.png)",
    "www.evil.example and http://evil.example/x",
    "$x$ **bold** `code` | a | b |",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_escapes_every_construct(text):
    out = safe_text.markdown(text)
    assert "\n" not in out
    live = re.sub(r"\\[!-/:-@\[-`{-~]", "\x01", out)  # what Markdown still reads as syntax
    for construct in ("![", "](", "<script", "<img", "**", "`c", "http://", "www.", "$x"):
        assert construct not in live, (construct, out)
    # read back as a reader sees it: the same words (white space collapsed)
    unescaped = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", out).replace(safe_text.WORD_JOINER, "")
    assert unescaped == " ".join(text.split())
    # GFM links bare addresses found in the text after escapes are read: none is left whole
    for address in ("http://", "www.", "a@"):
        assert address not in out.replace("\\", "")


@pytest.mark.parametrize("text", HOSTILE)
def test_html_block_is_one_inert_line(text):
    out = safe_text.html_block(text)
    assert "\n" not in out and "\r" not in out and "<" not in out and ">" not in out
    assert html.unescape(out) == text  # the reader sees the text as written


def test_plotly_text_escapes_tags():
    assert safe_text.plotly("<a href='javascript:x'>A & B</a>") == (
        "&lt;a href='javascript:x'&gt;A &amp; B&lt;/a&gt;"
    )


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://vbf.example/a b", True),
        ("http://x.example", True),
        ("javascript:alert(1)", False),
        ("JAVASCRIPT:alert(1)", False),
        ("data:text/html,<script>", False),
        ("file:///etc/passwd", False),
        ("//evil.example", False),
    ],
)
def test_only_web_addresses_become_links(url, ok):
    assert safe_text.is_web_address(url) is ok
    if ok:
        assert " " not in safe_text.link_target(url) and ">" not in safe_text.link_target(url)


FORMULAS = [
    "=2+2",
    "+1",
    "-1+2",
    "@SUM(A1)",
    "\r=2+2",
    " =2+2",
    "\n=2+2",
    "\t=2+2",
    " \t\r\n@x",
    "＝2+2",
    "＋1",
    "－1",
    "＠x",
    "\u3000＝1",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_formula_like_text_is_neutralised(cell):
    assert safe_text.neutralise(cell) == "'" + cell
    assert downloads.neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["Son La", "2+2=4", "", "  text", 3, -4.6, 1.5e9, None])
def test_other_cells_are_untouched(cell):
    assert safe_text.neutralise(cell) == cell


def _rows(quote: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "fact_id": "f",
                "province_id": "son-la",
                "value": -4.6,
                "unit": "percent",
                "quote": quote,
                "note": None,
                "title": '\r=HYPERLINK("http://evil.example")',
                "publisher": "＝cmd",
                "published_date": dt.date(2024, 1, 2),
                "source_id": "s",
                "url": None,
            }
        ]
    )


FILTERS = Filters(("son-la",), 2020, 2024)


@pytest.mark.parametrize("quote", FORMULAS)
def test_csv_download_neutralises_and_keeps_numbers(quote):
    data = downloads.facts_csv(_rows(quote), FILTERS, dt.date(2025, 1, 1))
    records = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    ids, values = records[0], records[1]
    row = dict(zip(ids, values, strict=True))
    assert row["quote"] == "'" + quote
    assert row["title"] == '\'\r=HYPERLINK("http://evil.example")'
    assert row["publisher"] == "'＝cmd"
    assert row["value"] == "-4.6"  # a number is written as a number, not neutralised
    for cells in records:
        for cell in cells:
            assert not safe_text.is_formula_like(cell) or cell == "-4.6", cell


@pytest.mark.parametrize("quote", FORMULAS)
def test_xlsx_download_neutralises_and_keeps_numbers(quote):
    data = downloads.facts_xlsx(_rows(quote), FILTERS, dt.date(2025, 1, 1))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    ids = [c.value for c in sheet[downloads.HEADER_ROW]]
    row = dict(zip(ids, sheet[downloads.HEADER_ROW + 1], strict=False))
    assert row["quote"].value == "'" + quote and row["quote"].data_type == "s"
    assert row["publisher"].value == "'＝cmd"
    assert row["value"].value == -4.6 and row["value"].data_type == "n"
    for cells in sheet.iter_rows():
        for cell in cells:
            assert not safe_text.is_formula_like(cell.value), cell.value


FACT_PAGE = """
import pandas as pd

from foreign_ties.ui import evidence

quote = {quote!r}
fact = pd.Series(
    {{
        "fact_id": "f",
        "value": 3.0,
        "unit": "count",
        "qualifier": "exact",
        "quote": quote,
        "gloss_en": "<script>alert(1)</script> ![g](http://evil.example/g.png)",
        "uncertain": True,
        "uncertain_reason": "[r](javascript:alert(1)) www.evil.example",
        "status": "reported",
    }}
)
document = {{
    "publisher": "![p](http://evil.example/p.png)",
    "title": "<img src=http://evil.example/t.png>",
    "url": "javascript:alert(1)",
    "document_kind": "article",
    "text": "Before.\\n\\n" + quote + "\\n\\nAfter ![d](http://evil.example/d.png)",
}}
evidence.fact_in_context(fact, document)
"""


@pytest.mark.parametrize("quote", HOSTILE)
def test_sources_page_shows_a_hostile_quote_as_text(quote):
    at = AppTest.from_string(FACT_PAGE.format(quote=quote), default_timeout=60).run()
    assert not at.exception, at.exception
    bodies = [e.value for kind in ("markdown", "caption", "warning", "info") for e in at.get(kind)]
    assert any("ft-said" in b for b in bodies)
    for body in bodies:
        if body.startswith("<"):  # our own HTML block: one line, so Markdown never reads it
            assert "\n" not in body and "\r" not in body, body
            assert "<script" not in body and "<img" not in body, body
            continue
        live = re.sub(r"\\[!-/:-@\[-`{-~]", "\x01", body)  # escaped characters are literal
        for construct in ("![", "<script", "<img", "](", "http://", "www."):
            assert construct not in live, (construct, body)
