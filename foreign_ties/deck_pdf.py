"""The deck as a PDF of real text (fpdf2): selectable, searchable, with clickable links.

Each page of `deck_layout.layout` becomes a 960x540 pt page: text in Liberation Sans
(embedded, subset; covers Vietnamese), the chart and the QR codes as PNG images, and a link
annotation on every source line and QR code.
"""

from __future__ import annotations

import io
import unicodedata

from fpdf import FPDF

from foreign_ties import live_link
from foreign_ties.deck_layout import FONT_DIR, FONT_FILES, H, Page, Text, W

K = 0.5  # pt per layout px
FAMILY = "LiberationSans"


def _style(bold: bool, italic: bool) -> str:
    return ("B" if bold else "") + ("I" if italic else "")


def _text(pdf: FPDF, block: Text) -> None:
    pdf.set_font(FAMILY, _style(block.bold, block.italic), block.size * K)
    pdf.set_text_color(*block.colour)
    for n, line in enumerate(block.lines):
        line = unicodedata.normalize("NFC", line)
        top = block.y + n * block.line_h
        baseline = top + (block.line_h - 1.117 * block.size) / 2 + 0.905 * block.size
        x = block.x
        if block.align != "left":
            room = block.w - pdf.get_string_width(line) / K
            x += room if block.align == "right" else room / 2
        pdf.text(x * K, baseline * K, line)
    if block.link:
        pdf.link(block.x * K, block.y * K, block.w * K, block.h * K, block.link)


def _qr(pdf: FPDF, x: float, y: float, side: float, url: str) -> None:
    """The QR code as a small sharp PNG (a vector square per module made a deck's PDF
    seconds slower) under a link annotation."""
    pdf.image(io.BytesIO(live_link.qr_png(url, scale=6)), x * K, y * K, side * K, side * K)
    pdf.link(x * K, y * K, side * K, side * K, url)


def pdf_bytes(pages: list[Page], charts: dict[int, bytes], title: str, lang: str) -> bytes:
    """`charts`: page index -> PNG of the chart box on that page."""
    pdf = FPDF(orientation="L", unit="pt", format=(H * K, W * K))
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    for (bold, italic), name in FONT_FILES.items():
        pdf.add_font(FAMILY, _style(bold, italic), str(FONT_DIR / name))
    pdf.set_title(title)
    pdf.set_lang(lang)
    pdf.set_creator("foreign_ties.deck")
    for index, page in enumerate(pages):
        pdf.add_page()
        for picture in page.pictures:
            if picture.role == "chart" and index in charts:
                pdf.image(
                    io.BytesIO(charts[index]),
                    picture.x * K,
                    picture.y * K,
                    picture.w * K,
                    picture.h * K,
                )
            elif picture.role == "qr":
                _qr(pdf, picture.x, picture.y, picture.w, picture.url)
        for block in page.texts:
            _text(pdf, block)
    return bytes(pdf.output())
